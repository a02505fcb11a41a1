"""Names that the statements only ever report with a value: a measure or a statistic, not an arm.

A trial's results give each measure its value: "MD = 35.2 g" (the mean difference), "Total score: 20.5 vs. 26.3"
(the measure's value in each arm, the arms named elsewhere). An arm is what a value is compared across, never what is
set equal to a number, nor what takes one value per arm. A short form the reader takes for a treatment ("MD", "DA")
whose every occurrence in the statements stands so is what was measured: the target profile never chooses it
(target_profile.py), not even when no other name qualifies, as it may a name only ever inside a measure
(measured_names.py): a statistic is never given to anyone.

Not a name followed by its own value in a list of the arms' values ("MIPS: 93.97 ± 6.63; PLA: 93.01 ± 7.49"): there
each arm has one value, and no "versus" follows it; nor a name with the value in brackets after it ("X (n = 16)").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

__all__ = ["occurrences", "reported_with_value", "valued_anchors"]

_NUMBER = r"[−\-–]?\d[\d.,·]*"
# set equal to a number: "MD = 35.2", "(OR = 0.8"; or given one value per arm: "DA: 24.75 vs. 30.5", "X) 12% versus 20%"
VALUE_AFTER = re.compile(
    rf"\)?\s*(?:=\s*{_NUMBER}|:\s*{_NUMBER}\s*(?:%|[^\W\d]{{1,5}}\b)?\s*(?:vs\.?|versus)\s*{_NUMBER})"
)


# up to this many names looked for, the joined texts are searched for each; beyond it, the texts' words are indexed
_FEW_NAMES = 64
# where a value may follow a name: "=" or ":", after a bracket that closes and spaces (VALUE_AFTER's start)
_VALUE_SIGN = re.compile(r"\)?\s*[=:]")
_OPENING = "([{\"'\u201c\u2018"
# a run of letters and digits (no underscore: occurrences() reads a name's edges by str.isalnum)
_RUN = re.compile(r"[^\W_]+")


def valued_anchors(names: Mapping[str, Iterable[str]], texts: Sequence[str]) -> frozenset[str]:
    """The anchors (of `names`: each anchor's names as the statements write them) all of whose names occur in the
    statements' texts, each occurrence before its value (reported_with_value)."""
    before_values = _BeforeValues(texts)
    listed = {anchor: list(written) for anchor, written in names.items()}
    candidates = {
        anchor: written
        for anchor, written in listed.items()
        if written and all(before_values.may_precede(name) for name in written)
    }
    if not candidates:
        return frozenset()
    looked_for = sum(len(written) for written in candidates.values())
    # one search of the joined texts a name is cheaper than indexing every text's words, unless many are looked for
    holding: _TextsHolding = _JoinedTexts(texts) if looked_for <= _FEW_NAMES else _IndexedTexts(texts)
    return frozenset(
        anchor for anchor, written in candidates.items() if all(_valued_in(name, holding) for name in written)
    )


class _BeforeValues:
    """What stands right before a "=" or ":" in the texts, read once for all names, so that only the few names that
    may be valued are looked for in the statements: the words before each sign (without an opening bracket or
    quote), by their last two characters; and, of those signs, the places a value follows (VALUE_AFTER), by the
    character before them. A valued name ends right before one of those places, in some text: most names that end
    a word before a sign stand before no value ("Methods: ..."), and are not looked for."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._words: dict[str, list[str]] = {}
        self._values: dict[str, list[tuple[str, int]]] = {}
        for text in texts:
            if "=" not in text and ":" not in text:
                continue
            for sign in _VALUE_SIGN.finditer(text):
                before = text[max(0, sign.start() - 40) : sign.start()].split()
                if before:
                    word = before[-1].lstrip(_OPENING)
                    self._words.setdefault(word[-2:], []).append(word)
                # a name's occurrence before its value ends inside a sign ("MD = 3", "(MD) = 3")
                for end in range(max(1, sign.start()), sign.end()):
                    if VALUE_AFTER.match(text, end) is not None:
                        self._values.setdefault(text[end - 1], []).append((text, end))

    def may_precede(self, name: str) -> bool:
        """Whether the name's last word ends a word before a sign, and the name ends right before a value."""
        words = name.split()
        last = words[-1] if words else ""
        return any(word.endswith(last) for word in self._words.get(last[-2:], ())) and any(
            text.endswith(name, 0, end) for text, end in self._values.get(name[-1:], ())
        )


class _TextsHolding(Protocol):
    """The texts that may hold a name, in order: at least those with the name as whole words."""

    def of(self, name: str) -> Iterator[str]: ...


class _IndexedTexts:
    """The texts with a name's longest run of letters and digits as a whole run (a name that occurs as whole words
    has each of its runs as a run of the text), indexed once for all the names."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._by_run: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            for run in set(_RUN.findall(text)):
                self._by_run.setdefault(run, []).append(index)

    def of(self, name: str) -> Iterator[str]:
        runs = _RUN.findall(name)
        if not runs:
            yield from self._texts
            return
        for index in self._by_run.get(max(runs, key=len), ()):
            yield self._texts[index]


class _JoinedTexts:
    """The texts with a name, and with its longest run of letters and digits as a whole run (as _IndexedTexts):
    the texts are joined once, and a name found in all of them by one search."""

    _SEPARATOR = "\x00"

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._starts: list[int] = []
        at = 0
        for text in texts:
            self._starts.append(at)
            at += len(text) + 1
        self._joined = self._SEPARATOR.join(texts)

    def of(self, name: str) -> Iterator[str]:
        runs = _RUN.findall(name)
        longest = max(runs, key=len) if runs else None
        for index in self._holding(name):
            text = self._texts[index]
            if longest is None or longest in _RUN.findall(text):
                yield text

    def _holding(self, name: str) -> Iterator[int]:
        """The indices of the texts that hold the name, in order."""
        if not name or self._SEPARATOR in name:
            yield from (index for index, text in enumerate(self._texts) if name in text)
            return
        found = self._joined.find(name)
        while found != -1:
            index = bisect_right(self._starts, found) - 1
            yield index
            # on to the next text: a text is read once, however often it holds the name
            found = self._joined.find(name, self._starts[index] + len(self._texts[index]) + 1)


def _valued_in(name: str, holding: _TextsHolding) -> bool:
    """Whether the name occurs in some text, and stands before its value in every text it occurs in."""
    found = False
    for text in holding.of(name):
        spans = list(occurrences(text, name)) if name in text else []
        if not spans:
            continue
        if not _all_before_a_value(text, spans):
            return False
        found = True
    return found


def reported_with_value(name: str, text: str) -> bool:
    """Whether the name occurs in the text as whole words and every occurrence stands before a value (VALUE_AFTER)."""
    spans = list(occurrences(text, name))
    return bool(spans) and _all_before_a_value(text, spans)


def _all_before_a_value(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    return all(VALUE_AFTER.match(text, end) is not None for _, end in spans)


def occurrences(text: str, name: str) -> Iterable[tuple[int, int]]:
    """Where the name occurs in the text as whole words: each occurrence's start and end."""
    if not name:
        return
    for match in re.finditer(re.escape(name), text):
        start, end = match.span()
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield start, end
