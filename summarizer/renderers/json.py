"""The brief as contract JSON, and the contract's JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterator

from summarizer.models import Brief
from summarizer.renderers.spec import RendererSpec


def render_json(brief: Brief) -> str:
    """The brief as contract JSON."""
    return brief.model_dump_json(indent=2) + "\n"


# how the empty statement list shows in the brief's JSON: a line of its own at the top level (a string value holds
# no raw line break, so this can only be the key itself)
_NO_STATEMENTS = '\n  "statements": [],\n'


def json_chunks(brief: Brief) -> Iterator[str]:
    """render_json's text in pieces, one per statement, so that a large brief's JSON is never held whole."""
    if not brief.statements:
        yield render_json(brief)
        return
    head, tail = brief.model_copy(update={"statements": []}).model_dump_json(indent=2).split(_NO_STATEMENTS)
    yield head + '\n  "statements": [\n'
    last = len(brief.statements) - 1
    for i, statement in enumerate(brief.statements):
        lines = statement.model_dump_json(indent=2).split("\n")
        yield "\n".join("    " + line for line in lines) + (",\n" if i < last else "\n")
    yield "  ],\n" + tail + "\n"


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
    chunks=json_chunks,
)
