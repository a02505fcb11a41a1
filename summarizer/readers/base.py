"""What the READERS registry knows of one input format: its name, how to recognise it and how to read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.models import Source

if TYPE_CHECKING:
    from summarizer.readers.fulltext import Article


@dataclass(frozen=True)
class ReaderSpec:
    """One input format as the registry knows it.

    `read(content, name)` returns the Source; content is the text, or the parsed JSON document when
    `reads_document` is set (detection parses the JSON once and hands it over). Detection asks the recognisers in
    three stages, each in ascending `detection_rank` (ties in registration order):

    1. `recognise_document`: an input that parses as one JSON value, given the parsed value;
    2. `recognise_json_text`: an input that starts like JSON but is no one JSON value, given its stripped text;
       asked before such an input is reported as broken JSON;
    3. `recognise_text`: any other text, given as it is.

    A full-text format (an article that cites many papers) sets `parse_article`, which turns the text into an
    Article; its statements depend on the target (citing_sentences.statements_of), so `read` alone refuses it.
    """

    name: str
    summary: str
    read: Callable[[Any, str], Source]
    reads_document: bool = False
    aliases: tuple[str, ...] = ()
    detection_rank: int = 100
    recognise_document: Callable[[Any], bool] | None = None
    recognise_json_text: Callable[[str], bool] | None = None
    recognise_text: Callable[[str], bool] | None = None
    parse_article: Callable[[str, str], Article] | None = None
