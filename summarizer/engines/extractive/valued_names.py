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
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["occurrences", "reported_with_value", "valued_anchors"]

_NUMBER = r"[−\-–]?\d[\d.,·]*"
# set equal to a number: "MD = 35.2", "(OR = 0.8"; or given one value per arm: "DA: 24.75 vs. 30.5", "X) 12% versus 20%"
VALUE_AFTER = re.compile(
    rf"\)?\s*(?:=\s*{_NUMBER}|:\s*{_NUMBER}\s*(?:%|[^\W\d]{{1,5}}\b)?\s*(?:vs\.?|versus)\s*{_NUMBER})"
)


# where a value may follow a name: "=" or ":", after a bracket that closes and spaces (VALUE_AFTER's start)
_VALUE_SIGN = re.compile(r"\)?\s*[=:]")
_OPENING = "([{\"'\u201c\u2018"


def valued_anchors(names: Mapping[str, Iterable[str]], texts: Sequence[str]) -> frozenset[str]:
    """The anchors (of `names`: each anchor's names as the statements write them) all of whose names occur in the
    statements' texts, each occurrence before its value (reported_with_value)."""
    before_values = _words_before_values(texts)
    return frozenset(
        anchor
        for anchor, written in names.items()
        if written and all(_may_precede_a_value(name, before_values) and _valued_in(name, texts) for name in written)
    )


def _words_before_values(texts: Sequence[str]) -> dict[str, list[str]]:
    """The words right before a "=" or ":" in the texts (without an opening bracket or quote), by their last two
    characters: a name stands before its value only if its last word ends one of them. Read once for all names, so
    that only the few names that may be valued are looked for in every text."""
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
    last = name.split()[-1] if name.split() else ""
    return any(word.endswith(last) for word in before_values.get(last[-2:], ()))


def _valued_in(name: str, texts: Sequence[str]) -> bool:
    """Whether the name occurs in some text, and stands before its value in every text it occurs in."""
    holding = [text for text in texts if name in text and any(occurrences(text, name))]
    return bool(holding) and all(reported_with_value(name, text) for text in holding)


def reported_with_value(name: str, text: str) -> bool:
    """Whether the name occurs in the text as whole words and every occurrence stands before a value (VALUE_AFTER)."""
    spans = list(occurrences(text, name))
    return bool(spans) and all(VALUE_AFTER.match(text, end) is not None for _, end in spans)


def occurrences(text: str, name: str) -> Iterable[tuple[int, int]]:
    """Where the name occurs in the text as whole words: each occurrence's start and end."""
    if not name:
        return
    for match in re.finditer(re.escape(name), text):
        start, end = match.span()
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield start, end
