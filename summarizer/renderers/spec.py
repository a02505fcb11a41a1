"""What the renderer registry knows of one rendering of a brief."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from summarizer.models import Brief


@dataclass(frozen=True)
class RendererSpec:
    """One rendering: its format name, the media type it is served as, the file suffixes that pick it, and how;
    `chunks`, when given, yields the same text in pieces, for briefs too large to hold their rendering whole."""

    name: str
    media_type: str
    suffixes: tuple[str, ...]
    summary: str
    render: Callable[[Brief], str]
    aliases: tuple[str, ...] = ()
    chunks: Callable[[Brief], Iterable[str]] | None = None
