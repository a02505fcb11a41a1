"""The brief as contract JSON, and the contract's JSON Schema."""

from __future__ import annotations

import json

from summarizer.models import Brief
from summarizer.renderers.spec import RendererSpec


def render_json(brief: Brief) -> str:
    """The brief as contract JSON."""
    return brief.model_dump_json(indent=2) + "\n"


def brief_schema() -> dict[str, object]:
    """The brief's JSON Schema."""
    return Brief.model_json_schema()


def render_schema() -> str:
    """The brief's JSON Schema as text."""
    return json.dumps(brief_schema(), indent=2) + "\n"


JSON_RENDERER = RendererSpec(
    name="json",
    media_type="application/json",
    suffixes=("json",),
    summary="the brief as contract JSON (docs/brief-v1.md)",
    render=render_json,
)
