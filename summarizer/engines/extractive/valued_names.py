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
from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["occurrences", "reported_with_value", "valued_anchors"]

_NUMBER = r"[−\-–]?\d[\d.,·]*"
# set equal to a number: "MD = 35.2", "(OR = 0.8"; or given one value per arm: "DA: 24.75 vs. 30.5", "X) 12% versus 20%"
VALUE_AFTER = re.compile(
    rf"\)?\s*(?:=\s*{_NUMBER}|:\s*{_NUMBER}\s*(?:%|[^\W\d]{{1,5}}\b)?\s*(?:vs\.?|versus)\s*{_NUMBER})"
)


# where a value may follow a name: "=" or ":", after a bracket that closes and spaces (VALUE_AFTER's start)
_VALUE_SIGN = re.compile(r"\)?\s*[=:]")
_OPENING = "([{\"'\u201c\u2018"
# a run of letters and digits (no underscore: occurrences() reads a name's edges by str.isalnum)
_RUN = re.compile(r"[^\W_]+")


def valued_anchors(names: Mapping[str, Iterable[str]], texts: Sequence[str]) -> frozenset[str]:
    """The anchors (of `names`: each anchor's names as the statements write them) all of whose names occur in the
    statements' texts, each occurrence before its value (reported_with_value)."""
    before_values = _words_before_values(texts)
    listed = {anchor: list(written) for anchor, written in names.items()}
    candidates = {
        anchor: written
        for anchor, written in listed.items()
        if written and all(_may_precede_a_value(name, before_values) for name in written)
    }
    if not candidates:
        return frozenset()
    holding = _TextsHolding(texts)
    return frozenset(
        anchor for anchor, written in candidates.items() if all(_valued_in(name, holding) for name in written)
    )


def _words_before_values(texts: Sequence[str]) -> dict[str, list[str]]:
    """The words right before a "=" or ":" in the texts (without an opening bracket or quote), by their last two
    characters: a name stands before its value only if its last word ends one of them. Read once for all names, so
    that only the few names that may be valued are looked for in the statements."""
    words: dict[str, list[str]] = {}
    for text in texts:
        if "=" not in text and ":" not in text:
            continue
        for sign in _VALUE_SIGN.finditer(text):
            before = text[max(0, sign.start() - 40) : sign.start()].split()
            if before:
                word = before[-1].lstrip(_OPENING)
                words.setdefault(word[-2:], []).append(word)
    return words


def _may_precede_a_value(name: str, before_values: dict[str, list[str]]) -> bool:
    words = name.split()
    last = words[-1] if words else ""
    return any(word.endswith(last) for word in before_values.get(last[-2:], ()))


class _TextsHolding:
    """The texts that may hold a name: those with its longest run of letters and digits as a whole run (a name
    that occurs as whole words has each of its runs as a run of the text), indexed once for all the names."""

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
