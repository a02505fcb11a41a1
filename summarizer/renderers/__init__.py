"""Renderings of a brief: JSON (the contract), Markdown, HTML and CSV."""

from summarizer.renderers.markdown import (
    FORMATS,
    brief_schema,
    md_text,
    render,
    render_json,
    render_markdown,
    render_schema,
)

__all__ = ["FORMATS", "brief_schema", "md_text", "render", "render_json", "render_markdown", "render_schema"]
