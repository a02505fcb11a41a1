"""One statement scanned once: tokens with offsets, drug and effect names, candidate event names, negation scopes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, count
from typing import Any, cast

from summarizer.engines.extractive.cues import (
    CLASS,
    CLAUSE_COMMA,
    EVENT_NAME_BREAK,
    EVENT_TRIGGER,
    FILLER,
    FOLDED,
    GENERIC_EVENT,
    MARK,
    MARK_PAIRS,
    NAME_STOP,
    NEG_BACKWARD,
    PATTERN_A_SUFFIX,
    PATTERN_B_OF,
    PATTERN_B_TRIGGERS,
    PATTERN_C_CONNECTORS,
    PATTERN_C_PAIRS,
    PEOPLE_NOUNS,
    POPULATION_NEGATIONS,
    POPULATION_WORDS,
    PUNCT_BREAK,
    is_head,
    word_class,
)
from summarizer.engines.extractive.resources import STARTS_NAME, Resources
from summarizer.engines.extractive.tokenise import TOKEN, Span, lower_same_length, split_sentences, word_ngrams

NEGATION_SCOPE_CHARS = 120
# mask_spans kinds: a drug name, an adverse-event name (TRAIN lexicon and seed list), a listed phenotype name
_MASK_OF_KIND = {"DRUG": "DRUG", "EFFECT": "EFFECT", "EFFECTL": "EFFECT"}
# the word classes that stand for a drug name, an effect name, or either
DRUG_MASKS = frozenset({"DRUG", "DRUGX", "DRUGC"})
EFFECT_MASKS = frozenset({"EFFECT", "EFFECTX"})
NAME_MASKS = DRUG_MASKS | EFFECT_MASKS
# "cases of patients who developed X": the people and their clause's verb, which open no event's name
_PEOPLE_NOUN = re.compile(PEOPLE_NOUNS)
_RELATIVE = frozenset({"who", "that"})


class Ranges:
    """Character ranges, merged and sorted once, so that asking whether a position lies in one is a binary search:
    a statement with thousands of negations is still read in linear time."""

    __slots__ = ("spans", "_starts", "_ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = merge_spans(list(spans))
        self._starts = [start for start, _ in self.spans]
        self._ends = [end for _, end in self.spans]

    def holds(self, pos: int) -> bool:
        """Whether `pos` lies in one of the ranges."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def __add__(self, other: Iterable[Span]) -> Ranges:
        return Ranges([*self.spans, *other])

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


class Scan:
    """One text tokenised once: tokens with offsets, drug/effect masks, event spans; negation scopes on demand."""

    __slots__ = ("text", "res", "low", "toks", "starts", "ends", "word_values", "ngrams", "masked", "mask_spans",
                 "event_spans", "tags", "_ngram_set", "_marks", "_breaks", "_negated", "_reduced", "_sentences",
                 "_sentence_starts")

    def __init__(self, text: str, res: Resources) -> None:
        self.text = text
        self.res = res
        self.low = low = lower_same_length(text)
        matches = list(TOKEN.finditer(low))
        self.toks: list[str] = list(map(re.Match.group, matches))
        self.starts: list[int] = list(map(re.Match.start, matches))
        self.ends: list[int] = list(map(re.Match.end, matches))
        # Resources.word_values of each token: the getters (cues, resources) take one of them out of every token's
        self.word_values: list[tuple[Any, ...]] = list(map(res.word_values.__getitem__, self.toks))
        self.ngrams = word_ngrams(list(map(FOLDED, self.word_values)))
        self.masked, self.mask_spans = _mask(self, res)
        self.event_spans = _event_spans(self)
        self.tags: tuple[list[float], list[float]] | None = None
        self._ngram_set: frozenset[str] | None = None
        self._marks: dict[str, list[Span]] | None = None
        self._negated: Ranges | None = None
        self._reduced: Ranges | None = None
        self._sentences: list[Span] | None = None
        self._sentence_starts: list[int] | None = None
        self._breaks: list[int] | None = None

    @property
    def ngram_set(self) -> frozenset[str]:
        """The words and word pairs ("a_b") of the text."""
        if self._ngram_set is None:
            self._ngram_set = frozenset(self.ngrams)
        return self._ngram_set

    @property
    def marks(self) -> dict[str, list[Span]]:
        """Spans of clause breaks, negation triggers, scope breaks and reduce-type verbs (from the tokens)."""
        if self._marks is None:
            low, toks, starts, ends = self.low, self.toks, self.starts, self.ends
            marks: dict[str, list[Span]] = {"brk": [m.span() for m in PUNCT_BREAK.finditer(low)], "fwd": [],
                                            "red": [], "back": [], "scope": []}
            last = len(toks) - 1
            kinds = list(map(MARK, self.word_values))
            for i in compress(count(), kinds):  # the words that make a mark (most make none)
                kind = cast(str, kinds[i])
                if kind == "pair":
                    pair = MARK_PAIRS.get(f"{toks[i]}_{toks[i + 1]}") if i < last else None
                    if pair is not None:
                        marks[pair].append((starts[i], ends[i + 1]))
                    continue
                if kind == "fwd" and toks[i] in POPULATION_NEGATIONS and i and toks[i - 1] in POPULATION_WORDS:
                    continue  # "patients without cirrhosis", "with or without": who, not what was absent
                marks[kind].append((starts[i], ends[i]))
            if "," in low:
                marks["brk"].extend(m.span() for m in CLAUSE_COMMA.finditer(low))
            marks["brk"].sort()
            if "not" in low or "absent" in low or "exclud" in low or "ruled" in low:
                marks["back"] = [m.span() for m in NEG_BACKWARD.finditer(low)]
            self._marks = marks
        return self._marks

    @property
    def breaks(self) -> list[int]:
        """Start offsets of clause breaks."""
        if self._breaks is None:
            self._breaks = [start for start, _ in self.marks["brk"]]
        return self._breaks

    @property
    def forward(self) -> list[Span]:
        """Forward negation triggers."""
        return self.marks["fwd"]

    @property
    def negated(self) -> Ranges:
        """Character ranges inside a negation's scope."""
        if self._negated is None:
            self._negated = Ranges(_negated_ranges(self.low, self.breaks, self.marks))
        return self._negated

    @property
    def reduced(self) -> Ranges:
        """Character ranges of what a treatment prevents or reduces."""
        if self._reduced is None:
            self._reduced = Ranges(_reduced_ranges(self.low, self.breaks, self.marks["red"]))
        return self._reduced

    def sentences(self) -> list[Span]:
        """Sentence spans, computed on first use."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
            self._sentence_starts = [start for start, _ in self._sentences]
        return self._sentences

    def sentence_at(self, pos: int) -> Span:
        """The sentence holding character `pos` (the whole text when `pos` lies between sentences)."""
        sentences = self.sentences()
        i = bisect_right(self._sentence_starts or [], pos) - 1
        if i >= 0 and pos < sentences[i][1]:
            return sentences[i]
        return (0, len(self.text))

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence holding character `pos` (the one before, for a position between them)."""
        self.sentences()
        return max(bisect_right(self._sentence_starts or [], pos) - 1, 0)

    def sentence_text(self, pos: int) -> str:
        """The text of the sentence holding character `pos`."""
        start, end = self.sentence_at(pos)
        return self.text[start:end].strip()


def _mask(
    scan: Scan, res: Resources, classes: list[str] | None = None
) -> tuple[list[str], list[tuple[str, Span]]]:
    """Tokens with drug names replaced by DRUG and adverse-event names by EFFECT (lexicons, then word classes)."""
    toks = scan.toks
    if classes is None:
        classes = list(map(CLASS, scan.word_values))
    hits = list(compress(count(), map(STARTS_NAME, scan.word_values)))
    if not hits:
        return classes, []
    drugs, effects, listed = res.drugs, res.effects, res.listed_effects
    drug_first, effect_first, listed_first = drugs.lengths_by_first, effects.lengths_by_first, listed.lengths_by_first
    singles, pairs, last = res.name_singles, res.name_pairs, len(toks) - 1
    out: list[str] = []
    spans: list[tuple[str, Span]] = []
    i = 0
    for hit in hits:
        if hit < i:
            continue
        tok = toks[hit]
        if tok not in singles and (hit == last or f"{tok} {toks[hit + 1]}" not in pairs):
            continue  # no name is this word, nor starts with it and the next one
        out.extend(classes[i:hit])
        kind, length = "DRUG", drugs.match(toks, hit) if tok in drug_first else 0
        if not length and tok in effect_first:
            kind, length = "EFFECT", effects.match(toks, hit)
        if not length and tok in listed_first:
            kind, length = "EFFECTL", listed.match(toks, hit)
        if length:
            out.append(_MASK_OF_KIND[kind])
            spans.append((kind, (scan.starts[hit], scan.ends[hit + length - 1])))
            i = hit + length
        else:
            out.append(classes[hit])
            i = hit + 1
    out.extend(classes[i:])
    return out, spans


def remask(scan: Scan, classes: list[str]) -> list[str]:
    """The masked tokens again with other word classes, reusing the lexicon names the scan found."""
    starts = scan.starts
    out: list[str] = []
    i = 0
    for kind, (start, end) in scan.mask_spans:
        first = bisect_left(starts, start)
        out.extend(classes[i:first])
        out.append(_MASK_OF_KIND[kind])
        i = bisect_left(starts, end)
    out.extend(classes[i:])
    return out


def cause_class(tok: str, res: Resources) -> str | None:
    """DRUGC for a drug named as a cause in one hyphenated word ("warfarin-associated"), else None."""
    prefix, _, suffix = tok.rpartition("-")
    if not prefix or suffix not in PATTERN_A_SUFFIX:
        return None
    if res.drugs.match([prefix], 0) == 1 or word_class(prefix) == "DRUGX":
        return "DRUGC"
    return None


def _event_spans(scan: Scan) -> list[Span]:
    """Character spans of candidate adverse-event names: lexicon terms, then patterns around harm words."""
    spans = [span for kind, span in scan.mask_spans if kind == "EFFECT"]
    toks, low = scan.toks, scan.low
    n = len(toks)

    def joined(j: int) -> bool:
        return not low[scan.ends[j - 1] : scan.starts[j]].strip()

    for i in list(compress(count(), map(EVENT_TRIGGER, scan.word_values))):
        tok = toks[i]
        # "X-induced Y", "X associated Y"
        if tok.endswith(PATTERN_A_SUFFIX) and i > 0 or tok in PATTERN_B_TRIGGERS:
            for j in range(i + 1, min(i + 5, n)):
                if not joined(j):
                    break
                if is_head(toks[j]):
                    span = token_span(scan, i + 1, j)
                    if span:
                        spans.append(span)
                    break
        elif tok in PATTERN_B_OF and i + 1 < n and toks[i + 1] == "of":
            first = _after_peoples_verb(toks, i + 2)
            for j in range(first, min(first + 4, n)):
                if not joined(j):
                    break
                if is_head(toks[j]):
                    span = token_span(scan, first, j)
                    if span:
                        spans.append(span)
                    break
        # "Y after/following ...", "Y due to ...", "Y associated with ..."
        connector = tok in PATTERN_C_CONNECTORS or (i + 1 < n and f"{tok}_{toks[i + 1]}" in PATTERN_C_PAIRS)
        if connector and i > 0 and is_head(toks[i - 1]):
            first = i - 1
            # a verb of change ends the name: "X reduced death due to bleeding" names death, never "X reduced death"
            while (first > max(0, i - 3) and toks[first - 1].isalpha() and toks[first - 1] not in NAME_STOP
                   and toks[first - 1] not in EVENT_NAME_BREAK and joined(first)):
                first -= 1
            span = token_span(scan, first, i - 1)
            if span:
                spans.append(span)
    return merge_spans(spans)


def _after_peoples_verb(toks: Sequence[str], first: int) -> int:
    """Where an event's name may start after "cases of": past the people and their clause's verb ("cases of patients
    who developed leukopenia" names leukopenia), else right after "of"."""
    if first + 3 < len(toks) and toks[first + 1] in _RELATIVE and _PEOPLE_NOUN.fullmatch(toks[first]) is not None:
        return first + 3
    return first


def token_span(scan: Scan, first: int, last: int) -> Span | None:
    """Character span of tokens first..last with leading filler words dropped; None if only filler is left."""
    while first <= last and scan.toks[first] in FILLER:
        first += 1
    if first > last:
        return None
    if last == first and scan.toks[first] in GENERIC_EVENT:
        return None
    return (scan.starts[first], scan.ends[last])


def merge_spans(spans: list[Span]) -> list[Span]:
    """Spans sorted, overlapping ones merged."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _negated_ranges(low: str, breaks: Sequence[int], marks: dict[str, list[Span]]) -> list[Span]:
    """Character ranges a negation covers: forward to a clause or scope break, backward to the clause start."""
    ranges: list[Span] = []
    if marks["fwd"]:
        scope_breaks = sorted([*breaks, *(start for start, _ in marks["scope"])])
        for start, end in marks["fwd"]:
            ranges.append((start, min(next_after(scope_breaks, end, len(low)), end + NEGATION_SCOPE_CHARS)))
    for start, end in marks["back"]:
        i = bisect_left(breaks, start)
        ranges.append((breaks[i - 1] if i else 0, end))
    return ranges


def next_after(sorted_positions: Sequence[int], pos: int, default: int) -> int:
    """The first position after `pos` in a sorted list, or `default`."""
    i = bisect_right(sorted_positions, pos)
    return sorted_positions[i] if i < len(sorted_positions) else default


def _reduced_ranges(low: str, breaks: Sequence[int], matches: Sequence[Span]) -> list[Span]:
    return [(start, next_after(breaks, end, len(low))) for start, end in matches]


def within(span: Span, ranges: Ranges) -> bool:
    """Whether a span starts inside one of the ranges."""
    return ranges.holds(span[0])
