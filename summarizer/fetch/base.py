"""What the SOURCES registry knows of one citation service, and what a fetch returns."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.models import Source

if TYPE_CHECKING:
    from summarizer.fetch.http import ServiceClient
    from summarizer.fetch.identifiers import PaperId
    from summarizer.settings import SourceSettings, SourcesSettings


@dataclass
class Fetched:
    """The statements of one target as a service gave them, with what the fetch saw on the way."""

    source: Source
    citing_papers: int = 0
    withheld: int = 0  # citing papers listed without any citation context
    pages: int = 0
    full_texts: int | None = None  # citing articles whose full text was read (full-text sources only)


@dataclass(frozen=True)
class SourceSpec:
    """One service: its name, the settings and credentials it uses, and how to fetch a target's statements."""

    name: str
    service: str  # as messages name it
    summary: str
    settings: Callable[[SourcesSettings], SourceSettings]
    auth_headers: Callable[[str], dict[str, str]]
    key_variable: str
    without_key: str  # what the user is told when the key is not set
    fetch: Callable[[PaperId, ServiceClient], Awaitable[Fetched]]
    aliases: tuple[str, ...] = ()
