"""Citation marker groups and the sentences around them, in a segment of a full-text article's text.

Citation markers are grouped (`[3]–[7]`, `<sup>1,4–6</sup>`, `(Smith, 2001; Jones, 2003)`); a dash between two
markers of a group, or inside one marker (`3–7`), is a range of references in reference-list order. Sentences are
split by pySBD with every marker group replaced by a placeholder word, so that no split falls inside a marker; two
sentences glued together ("[47–49].The pooled") are split as well, and a marker printed after the full stop stays
with its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from summarizer.readers.fulltext import Article, Cite, Segment

if TYPE_CHECKING:
    import pysbd

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
# what may stand between two markers of one group: brackets, commas, semicolons, dashes and spaces
_GROUP_GLUE = re.compile(rf"^[\s\[\]\(\),;{_DASHES}]{{0,8}}$")
_RANGE_GLUE = re.compile(rf"^[\s\[\]\(\)]*[{_DASHES}][\s\[\]\(\)]*$")
_RANGE_TEXT = re.compile(rf"^[\s\[\(]*(\d{{1,4}})\s*[{_DASHES}]\s*(\d{{1,4}})[\s\]\)]*$")
_OPEN_BEFORE = re.compile(r"[\[\(]\s*$")
_CLOSE_AFTER = re.compile(r"\s*[\])]")
MAX_RANGE = 200  # the most entries that one range of markers ("3–7", "[3]–[7]") spans
_WHOLE_SEGMENT = 600  # a segment this long or shorter is split whole
_PYSBD_LIMIT = 50_000  # a segment longer than this is split at likely boundaries only
_WINDOW = 2  # likely boundaries on each side of a marker group that pySBD reads
_CANDIDATE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[A-Z\"\u201c(\[])")
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:!?)\]]*")
_PLACEHOLDER = "Qxc{}cxQ"
_PLACEHOLDER_RE = re.compile(r"Qxc(\d+)cxQ")
# two sentences the XML glued together: a word of three letters or more, a closing bracket or a marker group, the
# full stop, and a capitalised word right after it
_GLUED = re.compile(r"(?:[a-z]{3}|[\]\)]|cxQ)[.!?](?=[A-Z][a-z])")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
_FOLLOWING_SENTENCE = re.compile(r"^\s*(?:$|[A-Z0-9\u00c0-\u00de\"'\u201c(])")


@dataclass
class Group:
    """Citation markers printed together; the reference keys they cite, ranges expanded."""

    start: int
    end: int
    keys: list[str]


def _range_between(first: str, last: str, index: dict[str, int], order: list[str]) -> list[str]:
    a, b = index.get(first), index.get(last)
    if a is None or b is None or not 0 < b - a <= MAX_RANGE:
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
            if first is not None and last is not None and 0 < last - first <= MAX_RANGE:
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
