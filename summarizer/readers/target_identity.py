"""The target paper's identity: the DOI, PMID, PMCID, title and year it is known by, and how an entry of an article's
reference list is found to be it.

Identifiers compare normalised (a DOI without its resolver or `doi:` prefix, in lower case; a PMID or PMCID as its
number); titles compare by their words, a title cut short still naming the paper it begins. With a target, the
entries that are the target are found in every article (by DOI or PMID wherever an entry gives them, else by title
and year; an identifier learnt from one article's entry finds the target in the others).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from summarizer.errors import InputError
from summarizer.readers.common import clean

_DOI_TEXT = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|https?://)", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"[^\W_]+")


class Entry(Protocol):
    """What the target is matched against in an entry of a reference list (fulltext.Reference)."""

    dois: set[str]
    pmids: set[str]
    pmcids: set[str]
    title: str | None
    year: int | None


class ListsReferences(Protocol):
    """An article as far as its reference list goes (fulltext.Article)."""

    @property
    def references(self) -> Sequence[Entry]: ...


def normalise_doi(value: str | None) -> str | None:
    """A DOI as it compares: no resolver or `doi:` prefix, trailing punctuation dropped, lower case."""
    if not value:
        return None
    text = _DOI_PREFIX.sub("", value.strip())
    text = _DOI_PREFIX.sub("", text)  # "doi: https://doi.org/..." happens
    match = _DOI_TEXT.search(text)
    if match is None:
        return None
    return match.group().rstrip(".,;:)]}>'\"").lower() or None


def normalise_title(value: str | None) -> str | None:
    """A title as it compares: its words in lower case, punctuation and spacing ignored."""
    if not value:
        return None
    words = _TITLE_WORDS.findall(value.casefold())
    return " ".join(words) if len(words) >= 2 else None


def contains_doi(text: str) -> bool:
    """The text holds a DOI somewhere (a link, a citation as printed)."""
    return _DOI_TEXT.search(text) is not None


_PREFIX_WORDS = 8  # a title cut short (a long title in a list, a pasted one) still names one paper at this length


def same_title(first: str, second: str) -> bool:
    """Two normalised titles name the same paper: equal, or one cut short (its last word perhaps cut too) and at
    least eight words long is where the other begins."""
    if first == second:
        return True
    short, long = sorted((first, second), key=len)
    words = short.split()
    if len(words) < _PREFIX_WORDS:
        return False
    whole = " ".join(words[:-1])
    return long.startswith(short + " ") or (
        long.startswith(whole + " ") and long.split()[len(words) - 1].startswith(words[-1])
    )


@dataclass
class TargetQuery:
    """What is known of the target: identifiers, and the title and year that find it where no identifier does."""

    dois: set[str] = field(default_factory=set)
    pmids: set[str] = field(default_factory=set)
    pmcids: set[str] = field(default_factory=set)
    title: str | None = None
    year: int | None = None
    shown: str = ""
    display_title: str | None = None

    @classmethod
    def parse(cls, target: str, title: str | None = None) -> TargetQuery:
        """A target as a user gives it: a DOI (any prefix), PMID:…, PMCID:…; plus a title when known."""
        raw = target.strip()
        shown = raw or f'"{clean(title or "")}"'
        query = cls(shown=shown, title=normalise_title(title), display_title=clean(title) if title else None)
        pmid = re.match(r"^pmid:\s*(\d{1,9})$", raw, re.IGNORECASE)
        pmcid = re.match(r"^pmcid:\s*(?:pmc)?(\d{1,9})$|^(?:pmc)(\d{1,9})$", raw, re.IGNORECASE)
        doi = normalise_doi(raw)
        if pmid:
            query.pmids.add(str(int(pmid.group(1))))
        elif pmcid:
            query.pmcids.add(str(int(pmcid.group(1) or pmcid.group(2))))
        elif doi:
            query.dois.add(doi)
        elif query.title is None:
            raise InputError(f"--target {raw[:80]!r}: not a DOI, PMID:… or PMCID:…")
        return query

    def matches_id(self, ref: Entry) -> bool:
        return bool(self.dois & ref.dois or self.pmids & ref.pmids or self.pmcids & ref.pmcids)

    def matches(self, ref: Entry) -> bool:
        """The entry is the target: an identifier in common, else (no conflicting DOI) the same title and year."""
        if self.matches_id(ref):
            return True
        if self.title is None or ref.title is None or (ref.dois and self.dois):
            return False
        if self.year is not None and ref.year is not None and self.year != ref.year:
            return False
        return same_title(ref.title, self.title)

    def learn(self, ref: Entry) -> bool:
        """Take the identifiers, title and year an entry that is the target gives; True when something was new."""
        before = (len(self.dois), len(self.pmids), len(self.pmcids), self.title, self.year)
        self.dois |= ref.dois
        self.pmids |= ref.pmids
        self.pmcids |= ref.pmcids
        if self.title is None and ref.title is not None:
            self.title = ref.title
        if self.year is None and ref.year is not None:
            self.year = ref.year
        return before != (len(self.dois), len(self.pmids), len(self.pmcids), self.title, self.year)

    def doi(self) -> str | None:
        return min(self.dois) if self.dois else None


def resolve_target(articles: Iterable[ListsReferences], query: TargetQuery) -> TargetQuery:
    """Learn what the articles' entries for the target tell of it, until nothing new is learnt."""
    article_list = list(articles)
    for _ in range(4):
        learnt = False
        for article in article_list:
            for ref in article.references:
                if query.matches_id(ref):
                    learnt = query.learn(ref) or learnt
        if not learnt:
            break
    return query
