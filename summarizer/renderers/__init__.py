"""Renderings of a brief, registered by format name: JSON (the contract), Markdown, HTML and CSV.

The command line's ``--format`` and ``-o`` suffixes and the service's ``?format=`` and media types all come from
``RENDERERS``. To add a rendering, write its module with a render function and a ``RendererSpec``, then register
it here with one line::

    # summarizer/renderers/text.py
    def render_text(brief: Brief) -> str: ...
    TEXT_RENDERER = RendererSpec("txt", "text/plain; charset=utf-8", ("txt",), "plain text", render_text)

    # below
    RENDERERS.register(TEXT_RENDERER)
"""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.models import Brief
from summarizer.registry import Registry, UnknownName
from summarizer.renderers.csv import CSV_RENDERER, render_csv
from summarizer.renderers.html import HTML_RENDERER, render_html
from summarizer.renderers.json import JSON_RENDERER, brief_schema, render_json, render_schema
from summarizer.renderers.markdown import MARKDOWN_RENDERER, md_text, render_markdown
from summarizer.renderers.spec import RendererSpec

__all__ = [
    "DEFAULT_FORMAT",
    "RENDERERS",
    "RendererSpec",
    "brief_schema",
    "format_for_suffix",
    "md_text",
    "render",
    "render_chunks",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_schema",
]

RENDERERS: Registry[RendererSpec] = Registry("format")
RENDERERS.register(JSON_RENDERER)
RENDERERS.register(MARKDOWN_RENDERER)
RENDERERS.register(HTML_RENDERER)
RENDERERS.register(CSV_RENDERER)

DEFAULT_FORMAT = JSON_RENDERER.name


def render(brief: Brief, fmt: str = DEFAULT_FORMAT) -> str:
    """Render a brief in a registered format; ValueError for a name that none has."""
    try:
        spec = RENDERERS.get(fmt)
    except UnknownName as exc:
        raise ValueError(str(exc)) from None
    return spec.render(brief)


def render_chunks(brief: Brief, fmt: str = DEFAULT_FORMAT) -> Iterable[str]:
    """The rendering's text in pieces where the renderer can give them (same text as `render`), else whole."""
    try:
        spec = RENDERERS.get(fmt)
    except UnknownName as exc:
        raise ValueError(str(exc)) from None
    return spec.chunks(brief) if spec.chunks is not None else [spec.render(brief)]


def format_for_suffix(suffix: str) -> str | None:
    """The format whose renderer claims a file suffix (``.md``, ``htm``; any case), or None."""
    wanted = suffix.lower().lstrip(".")
    return next((spec.name for spec in RENDERERS if wanted in spec.suffixes), None)
