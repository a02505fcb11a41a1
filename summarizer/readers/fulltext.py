"""The full-text article model that the XML readers (JATS, GROBID TEI) fill.

A reader of a full-text format turns one XML document into an `Article`: its own metadata (`citing`), its
reference list in order (each entry with the DOIs, PMIDs and PMCIDs it gives, its title and year), and its text as
blocks (a paragraph, a caption, a table cell) under the title of the section they stand in, each block a list of
segments of whitespace-normalised text with the span and reference ids of every in-text citation. An article cites
many papers: its statements are those that cite a target (citing_sentences.statements_of), so a full-text format
read without one is an input error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.errors import InputError
from summarizer.models import Citing, Source
from summarizer.readers.common import clean
from summarizer.readers.target_identity import contains_doi, normalise_doi

_SPACE = re.compile(r"\s+")
_PMID_URL = re.compile(r"(?:pubmed|ncbi\.nlm\.nih\.gov/(?:pubmed|entrez)[^0-9]*|list_uids=)/?(\d{1,9})\b", re.I)
_PMCID = re.compile(r"^(?:pmcid:\s*)?(?:pmc)?(\d{1,9})$", re.IGNORECASE)
_PMID = re.compile(r"^(?:pmid:\s*)?(\d{1,9})$", re.IGNORECASE)
_CLOSING_PUNCTUATION = frozenset(".,;:!?)]")


@dataclass
class Reference:
    """One entry of an article's reference list."""

    key: str
    number: int  # its place in the list, from 1
    label: str | None = None
    dois: set[str] = field(default_factory=set)
    pmids: set[str] = field(default_factory=set)
    pmcids: set[str] = field(default_factory=set)
    title: str | None = None
    year: int | None = None
    text: str = ""

    def add_doi(self, value: str | None) -> None:
        doi = normalise_doi(value)
        if doi:
            self.dois.add(doi)

    def add_pmid(self, value: str | None) -> None:
        match = _PMID.match((value or "").strip())
        if match:
            self.pmids.add(str(int(match.group(1))))

    def add_pmcid(self, value: str | None) -> None:
        match = _PMCID.match((value or "").strip())
        if match:
            self.pmcids.add(str(int(match.group(1))))

    def add_link(self, href: str | None) -> None:
        """A link the entry gives: a DOI resolver, PubMed or PMC."""
        if not href:
            return
        if "doi" in href.lower() or contains_doi(href):
            self.add_doi(href)
            return
        pmc = re.search(r"/pmc/articles/(?:PMC)?(\d+)", href, re.IGNORECASE)
        if pmc:
            self.pmcids.add(str(int(pmc.group(1))))
            return
        pubmed = _PMID_URL.search(href)
        if pubmed:
            self.pmids.add(str(int(pubmed.group(1))))

    def identifiers(self) -> list[str]:
        """The entry's identifiers as a user types them."""
        return [
            *sorted(self.dois),
            *(f"PMID:{p}" for p in sorted(self.pmids)),
            *(f"PMCID:PMC{p}" for p in sorted(self.pmcids)),
        ]


@dataclass
class Cite:
    """One in-text citation marker: its span in the segment's text and the reference keys it names."""

    start: int
    end: int
    keys: tuple[str, ...]


@dataclass
class Segment:
    """A run of text with no block inside it: whitespace normalised, its citation markers in order."""

    text: str
    cites: list[Cite]


@dataclass
class Block:
    """A paragraph, caption or cell, under the section it stands in."""

    section: str | None
    segments: list[Segment]


@dataclass
class Article:
    """What a full-text reader got from one document."""

    name: str
    format: str
    citing: Citing
    references: list[Reference]
    blocks: list[Block]
    pmcid: str | None = None
    warnings: list[str] = field(default_factory=list)
    input_sha256: str = ""

    def reference_index(self) -> dict[str, int]:
        return {ref.key: i for i, ref in enumerate(self.references)}


class SegmentBuilder:
    """Collects the text of a block piece by piece, normalising whitespace and keeping each marker's span."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._parts: list[str] = []
        self._length = 0
        self._cites: list[Cite] = []

    def _append(self, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if not text:
            return
        if text.lstrip(" ")[:1] in _CLOSING_PUNCTUATION and self._parts:
            # pretty-printed XML puts a line break between a marker and the full stop after it: no space is printed
            text = text.lstrip(" ")
            if self._parts[-1].endswith(" "):
                self._parts[-1] = self._parts[-1][:-1]
                self._length -= 1
        if text.startswith(" ") and (not self._parts or self._parts[-1].endswith(" ")):
            text = text[1:]
        if text:
            self._parts.append(text)
            self._length += len(text)

    def text(self, text: str | None) -> None:
        """Add running text."""
        if text:
            self._append(text)

    def cite(self, text: str, keys: Sequence[str]) -> None:
        """Add a citation marker naming these reference keys."""
        stripped = clean(text)
        if text[:1].isspace():
            self._append(" ")
        start = self._length
        self._append(stripped)
        self._cites.append(Cite(start, self._length, tuple(keys)))
        if text[-1:].isspace():
            self._append(" ")

    def close(self) -> None:
        """End the current segment (a block inside the block starts)."""
        text = "".join(self._parts)
        stripped = text.lstrip()
        shift = len(text) - len(stripped)
        stripped = stripped.rstrip()
        if stripped:
            cites = [Cite(c.start - shift, c.end - shift, c.keys) for c in self._cites if c.end > c.start]
            self.segments.append(Segment(stripped, cites))
        self._parts = []
        self._length = 0
        self._cites = []


def target_needed(names: Sequence[str]) -> InputError:
    """The error for full text read without a target."""
    return InputError(
        f"{', '.join(names)}: a full-text article cites many papers: name the one to brief with --target DOI "
        "(or PMID:…, PMCID:…); `summarizer extract ARTICLE --references` lists its references"
    )


def read_without_target(text: str, name: str) -> Source:
    """A full-text reader's plain `read`: an article cites many papers, so without a target it is an input
    error (the readers with a target go through statements_of)."""
    raise target_needed([name])
