"""Citing statements from full-text articles (JATS, GROBID TEI): the article model the XML readers fill, the
target's entries in each reference list, every in-text citation of them, and the sentence that holds each.

A reader of a full-text format turns one XML document into an `Article`: its own metadata (`citing`), its
reference list in order (each entry with the DOIs, PMIDs and PMCIDs it gives, its title and year), and its text as
blocks (a paragraph, a caption, a table cell) under the title of the section they stand in, each block a list of
segments of whitespace-normalised text with the span and reference ids of every in-text citation.

With a target, the entries that are the target are found in every article (by DOI or PMID wherever an entry gives
them, else by title and year; an identifier learnt from one article's entry finds the target in the others), and
each sentence that cites one of them becomes a statement, as printed, markers included. Citation markers are
grouped (`[3]–[7]`, `<sup>1,4–6</sup>`, `(Smith, 2001; Jones, 2003)`); a dash between two markers of a group, or
inside one marker (`3–7`), is a range of references in reference-list order. Sentences are split by pySBD with every
marker group replaced by a placeholder word, so that no split falls inside a marker; two sentences glued together
("[47–49].The pooled") are split as well, and a marker printed after the full stop stays with its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from summarizer.errors import InputError
from summarizer.models import Citing, Source, Target
from summarizer.readers.common import StatementMaker

if TYPE_CHECKING:
    import pysbd

_SPACE = re.compile(r"\s+")
_DOI_TEXT = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|https?://)", re.IGNORECASE)
_PMID_URL = re.compile(r"(?:pubmed|ncbi\.nlm\.nih\.gov/(?:pubmed|entrez)[^0-9]*|list_uids=)/?(\d{1,9})\b", re.I)
_PMCID = re.compile(r"^(?:pmcid:\s*)?(?:pmc)?(\d{1,9})$", re.IGNORECASE)
_PMID = re.compile(r"^(?:pmid:\s*)?(\d{1,9})$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"[^\W_]+")
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
# what may stand between two markers of one group: brackets, commas, semicolons, dashes and spaces
_GROUP_GLUE = re.compile(rf"^[\s\[\]\(\),;{_DASHES}]{{0,8}}$")
_RANGE_GLUE = re.compile(rf"^[\s\[\]\(\)]*[{_DASHES}][\s\[\]\(\)]*$")
_RANGE_TEXT = re.compile(rf"^[\s\[\(]*(\d{{1,4}})\s*[{_DASHES}]\s*(\d{{1,4}})[\s\]\)]*$")
_OPEN_BEFORE = re.compile(r"[\[\(]\s*$")
_CLOSE_AFTER = re.compile(r"\s*[\])]")
_MAX_RANGE = 200
_WHOLE_SEGMENT = 600  # a segment this long or shorter is split whole
_PYSBD_LIMIT = 50_000  # a segment longer than this is split at likely boundaries only
_WINDOW = 2  # likely boundaries on each side of a marker group that pySBD reads
_CANDIDATE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[A-Z\"\u201c(\[])")
_CLOSING_PUNCTUATION = frozenset(".,;:!?)]")
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:!?)\]]*")
_PLACEHOLDER = "Qxc{}cxQ"
_PLACEHOLDER_RE = re.compile(r"Qxc(\d+)cxQ")
# two sentences the XML glued together: a word of three letters or more, a closing bracket or a marker group, the
# full stop, and a capitalised word right after it
_GLUED = re.compile(r"(?:[a-z]{3}|[\]\)]|cxQ)[.!?](?=[A-Z][a-z])")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
_FOLLOWING_SENTENCE = re.compile(r"^\s*(?:$|[A-Z0-9\u00c0-\u00de\"'\u201c(])")


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


def clean(text: str) -> str:
    """Whitespace normalised to single spaces."""
    return _SPACE.sub(" ", text).strip()


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
        if "doi" in href.lower() or _DOI_TEXT.search(href):
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


# --- the target ---------------------------------------------------------------------------------------------------


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

    def matches_id(self, ref: Reference) -> bool:
        return bool(self.dois & ref.dois or self.pmids & ref.pmids or self.pmcids & ref.pmcids)

    def matches(self, ref: Reference) -> bool:
        """The entry is the target: an identifier in common, else (no conflicting DOI) the same title and year."""
        if self.matches_id(ref):
            return True
        if self.title is None or ref.title is None or (ref.dois and self.dois):
            return False
        if self.year is not None and ref.year is not None and self.year != ref.year:
            return False
        return same_title(ref.title, self.title)

    def learn(self, ref: Reference) -> bool:
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


def resolve_target(articles: Iterable[Article], query: TargetQuery) -> TargetQuery:
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


# --- citation groups and sentences ------------------------------------------------------------------------------


@dataclass
class Group:
    """Citation markers printed together; the reference keys they cite, ranges expanded."""

    start: int
    end: int
    keys: list[str]


def _range_between(first: str, last: str, index: dict[str, int], order: list[str]) -> list[str]:
    a, b = index.get(first), index.get(last)
    if a is None or b is None or not 0 < b - a <= _MAX_RANGE:
        return []
    return order[a + 1 : b]


def _labelled(article: Article) -> dict[str, int]:
    labels: dict[str, int] = {}
    for i, ref in enumerate(article.references):
        label = (ref.label or "").strip(" .[]()")
        if label.isdigit():
            labels.setdefault(label, i)
    return labels


def citation_groups(segment: Segment, article: Article, index: dict[str, int] | None = None) -> list[Group]:
    """The segment's marker groups, each with the keys it cites in order (a range names every entry it spans)."""
    index = index if index is not None else article.reference_index()
    order = [ref.key for ref in article.references]
    text = segment.text
    groups: list[Group] = []
    previous: Cite | None = None
    labels: dict[str, int] | None = None
    for cite in segment.cites:
        keys = [k for k in cite.keys if k]
        within = _RANGE_TEXT.match(text[cite.start : cite.end])
        if within and keys:
            # "3–7" in one marker: the entries from the one it names (or its label) to the one labelled 7
            labels = labels if labels is not None else _labelled(article)
            first = index.get(keys[0])
            low, high = int(within.group(1)), int(within.group(2))
            last = labels.get(str(high))
            if last is None and first is not None and high > low:
                last = first + high - low
            if len(keys) >= 2:
                last = index.get(keys[-1])
            if first is not None and last is not None and 0 < last - first <= _MAX_RANGE:
                keys = [order[i] for i in range(first, last + 1)]
        glue = text[previous.end : cite.start] if previous is not None else None
        if groups and previous is not None and glue is not None and _GROUP_GLUE.match(glue):
            group = groups[-1]
            if _RANGE_GLUE.match(glue) and previous.keys and keys:
                group.keys += _range_between(previous.keys[-1], keys[0], index, order)
            group.keys += keys
            group.end = cite.end
        else:
            groups.append(Group(cite.start, cite.end, list(keys)))
        previous = cite
    for group in groups:
        opening = _OPEN_BEFORE.search(text, max(0, group.start - 20), group.start)
        if opening is not None and opening.end() == group.start:
            group.start = opening.start()
        closing = _CLOSE_AFTER.match(text, group.end)
        if closing is not None:
            group.end = closing.end()
        group.keys = list(dict.fromkeys(group.keys))
    return groups


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd  # loaded with the first full-text article

    return pysbd.Segmenter(language="en", clean=False)


def _pysbd_spans(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """Sentence spans of text[begin:stop] by pySBD, then split where sentences are glued ("cxQ.The")."""
    spans: list[tuple[int, int]] = []
    cursor = begin
    for sentence in _segmenter().segment(text[begin:stop]):
        piece = sentence.strip()
        if not piece:
            continue
        found = text.find(piece, cursor, stop)
        if found < 0:  # pySBD changed the text: fall back to one span for the rest
            break
        start = found
        for glued in _GLUED.finditer(text, found, found + len(piece)):
            spans.append((start, glued.end()))
            start = glued.end()
        spans.append((start, found + len(piece)))
        cursor = found + len(piece)
    if cursor < stop and text[cursor:stop].strip():
        spans.append((cursor, stop))
    return spans


def _spans(text: str, focus: Sequence[int]) -> list[tuple[int, int]]:
    """Sentence spans around the focus positions: pySBD reads a window of a few sentences around each (it is slow
    on long paragraphs), cut where a full stop and a capital make a boundary likely."""
    if len(text) > _PYSBD_LIMIT:  # no prose paragraph is this long: a cheap split keeps hostile input linear
        cuts = [0, *(m.end() for m in _CANDIDATE.finditer(text)), len(text)]
        return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    if len(text) <= _WHOLE_SEGMENT or not focus:
        return _pysbd_spans(text, 0, len(text))
    candidates = [m.end() for m in _CANDIDATE.finditer(text)]
    windows: list[list[int]] = []
    for position in sorted(focus):
        i = bisect.bisect_right(candidates, position)
        start = candidates[i - _WINDOW] if i >= _WINDOW else 0
        end = candidates[i + _WINDOW - 1] if i + _WINDOW - 1 < len(candidates) else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    spans: list[tuple[int, int]] = []
    for start, end in windows:
        spans += _pysbd_spans(text, start, end)
    return spans


def sentence_spans(segment: Segment, groups: Sequence[Group], focus: Sequence[int] = ()) -> list[tuple[int, int]]:
    """The segment's sentences as spans of its text, never splitting a marker group; with focus (indices of
    groups), only the sentences around those groups are split."""
    text = segment.text
    protected: list[str] = []
    edges: list[tuple[int, int, int, int]] = []  # (protected start, protected end, original start, original end)
    last = 0
    length = 0
    for number, group in enumerate(groups):
        before = text[last : group.start]
        protected.append(before)
        length += len(before)
        word = _PLACEHOLDER.format(number)
        edges.append((length, length + len(word), group.start, group.end))
        protected.append(word)
        length += len(word)
        last = group.end
    protected.append(text[last:])
    joined = "".join(protected)

    starts = [edge[0] for edge in edges]

    def original(position: int) -> int:
        i = bisect.bisect_left(starts, position) - 1  # the last group that starts before the position
        if i < 0:
            return position
        _p_start, p_end, _o_start, o_end = edges[i]
        return o_end if position < p_end else position + o_end - p_end

    spans = _spans(joined, [edges[i][0] for i in focus])
    # a marker group printed after the full stop belongs to the sentence before it
    merged: list[list[int]] = []
    for start, end in spans:
        head = _PLACEHOLDER_RE.match(joined, start)
        first = joined[start : start + 1]
        if merged and (
            first.islower() or first in ",;:)]" or (head and _ONLY_PUNCTUATION.fullmatch(joined, head.end(), end))
        ):
            # no sentence starts in lower case, and a marker with only its full stop ends the sentence before it
            merged[-1][1] = end
            continue
        if merged and head is not None and _TERMINAL.search(joined, merged[-1][0], merged[-1][1]):
            rest = joined[head.end() : end]
            if _FOLLOWING_SENTENCE.match(rest):
                merged[-1][1] = head.end()
                if rest.strip():
                    merged.append([head.end() + (len(rest) - len(rest.lstrip())), end])
                continue
        merged.append([start, end])
    result = []
    for start, end in merged:
        o_start, o_end = original(start), original(end)
        while o_start < o_end and text[o_start].isspace():
            o_start += 1
        while o_end > o_start and text[o_end - 1].isspace():
            o_end -= 1
        if o_end > o_start:
            result.append((o_start, o_end))
    return result


@dataclass
class Occurrence:
    """A sentence that cites some of the wanted entries."""

    text: str
    section: str | None
    keys: list[str]  # the wanted keys it cites, one per citation occurrence (a key twice: cited twice)
    markers: list[str] = field(default_factory=list)  # the target's own markers in it, as printed (target_markers)


def citing_sentences(article: Article, wanted: set[str]) -> list[Occurrence]:
    """Every sentence of the article that cites one of the wanted reference keys, in reading order."""
    index = article.reference_index()
    found: list[Occurrence] = []
    labels: list[str] | None = None  # the wanted entries' labels, read once an entry is cited
    for block in article.blocks:
        for segment in block.segments:
            if (
                not segment.cites
                or not any(k in wanted for c in segment.cites for k in c.keys)
                and not _may_range(segment, wanted, index)
            ):
                continue
            groups = citation_groups(segment, article, index)
            hit_indices = [i for i, g in enumerate(groups) if any(k in wanted for k in g.keys)]
            if not hit_indices:
                continue
            spans = sentence_spans(segment, groups, hit_indices)
            span_starts = [span[0] for span in spans]
            by_sentence: dict[tuple[int, int], list[str]] = {}
            markers: dict[tuple[int, int], list[str]] = {}
            cite_starts = [cite.start for cite in segment.cites]
            for number in hit_indices:
                group = groups[number]
                at = bisect.bisect_right(span_starts, group.start) - 1
                span = spans[at] if at >= 0 and group.start < spans[at][1] else (0, len(segment.text))
                by_sentence.setdefault(span, []).extend(k for k in group.keys if k in wanted)
                inside = segment.cites[
                    bisect.bisect_left(cite_starts, group.start) : bisect.bisect_left(cite_starts, group.end)
                ]
                labels = labels if labels is not None else _labels_of(article, wanted)
                markers.setdefault(span, []).extend(target_markers(segment, group, inside, wanted, labels))
            for span in sorted(by_sentence):
                text = segment.text[span[0] : span[1]]
                found.append(Occurrence(text, block.section, by_sentence[span], list(dict.fromkeys(markers[span]))))
    return found


def _labels_of(article: Article, wanted: set[str]) -> list[str]:
    """The printed labels of the wanted entries ("5"), in reference-list order."""
    return [label for ref in article.references if ref.key in wanted and (label := (ref.label or "").strip(" .[]()"))]


def target_markers(
    segment: Segment, group: Group, inside: Sequence[Cite], wanted: set[str], labels: Sequence[str]
) -> list[str]:
    """The wanted entry's own markers in a group (`inside`: the group's markers), as printed: each marker that names
    it alone ("[12]", "Smith et al., 2020"); where a marker names several entries or the entry is cited only through
    a range, its label in the group ("5 in [3]–[7]"), or the group's text when the entry has no label."""
    own: list[str] = []
    ranged = False
    for cite in inside:
        if not any(k in wanted for k in cite.keys):
            continue
        if len([k for k in cite.keys if k]) == 1:
            own.append(clean(segment.text[cite.start : cite.end]))
        else:
            ranged = True
    if own and not ranged:
        return own
    printed = clean(segment.text[group.start : group.end])
    return [*own, f"{labels[0]} in {printed}" if labels else printed]


def _may_range(segment: Segment, wanted: set[str], index: dict[str, int]) -> bool:
    """The segment may cite a wanted entry through a range (markers on both sides of it in the list)."""
    positions = [index[k] for k in wanted if k in index]
    cited = [index[k] for c in segment.cites for k in c.keys if k in index]
    return bool(positions and cited) and any(min(cited) < p < max(cited) + _MAX_RANGE for p in positions)


# --- statements -------------------------------------------------------------------------------------------------


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


def statements_of(
    articles: Sequence[Article], target: str, target_title: str | None = None, extra_ids: Sequence[str] = ()
) -> Source:
    """One statement set: every sentence of every article that cites the target (also known by extra_ids)."""
    query = TargetQuery.parse(target, target_title)
    for other in extra_ids:
        known = TargetQuery.parse(other)
        query.dois |= known.dois
        query.pmids |= known.pmids
        query.pmcids |= known.pmcids
    query = resolve_target(articles, query)
    maker = StatementMaker(", ".join(a.name for a in articles))
    warnings: list[str] = []
    for article in articles:
        warnings += [f"{article.name}: {w}" if len(articles) > 1 else w for w in article.warnings]
        wanted = {ref.key for ref in article.references if query.matches(ref)}
        if not wanted:
            if len(articles) > 1:
                warnings.append(f"{article.name} does not cite {query.shown} (no entry of its reference list is it)")
            continue
        occurrences = citing_sentences(article, wanted)
        if not occurrences:
            warnings.append(
                f"{article.name}: lists {query.shown} among its references but cites it nowhere in the text"
            )
            continue
        for occurrence in occurrences:
            maker.add(
                occurrence.text,
                citing=article.citing.model_copy(),
                section=occurrence.section,
                occurrences=1,
                target_doi=query.doi(),
                target_marker="; ".join(occurrence.markers) or None,
            )
    if not maker.statements:
        raise InputError(f"no article among the input cites {query.shown} (--target) in its text")
    return Source(
        format="+".join(dict.fromkeys(a.format for a in articles)),
        target=Target(doi=query.doi(), title=query.display_title, year=query.year),
        statements=maker.statements,
        warnings=warnings + maker.warnings,
        statement_targets=list(maker.targets),
    )


def reference_listing(article: Article) -> list[dict[str, object]]:
    """The article's references with their ids and how often the text cites each (ranges expanded)."""
    counts = {ref.key: 0 for ref in article.references}
    for occurrence in citing_sentences(article, set(counts)):
        for key in occurrence.keys:
            counts[key] += 1
    return [
        {
            "article": article.name,
            "number": ref.number,
            "key": ref.key,
            "label": ref.label,
            "ids": ref.identifiers(),
            "year": ref.year,
            "reference": ref.text[:300],
            "citations": counts[ref.key],
        }
        for ref in article.references
    ]
