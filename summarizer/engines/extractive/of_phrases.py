"""One harm's name in two spans: a head noun and its complement after "of".

The tagger may read "loss of consciousness" as two names, "loss" and "consciousness", and the claim then lists
"Visual loss and consciousness" (of "a progressive visual loss and loss of consciousness"). Two candidate spans with
only "of" (and "the") between them are one noun phrase whose head is the first: "syndrome of inappropriate
secretion of antidiuretic hormone", "cutaneous seeding of hepatocellular carcinoma". A verb before "of" is no head
noun ("died of respiratory failure": the death and its cause are two names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.tokenise import Span

__all__ = ["joined_by_of"]

_OF_GAP = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _head_noun_ends(text: str, span: Span) -> bool:
    """Whether a span ends with a word that can head a noun phrase: not a verb in the past ("died", "resulted")."""
    last = _LAST_WORD.search(text, span[0], span[1])
    return last is not None and not last.group(1).lower().endswith("ed")


def joined_by_of(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans in their order, each pair that only "of" parts made one span ("loss" + "consciousness": "loss of
    consciousness", at the first's place)."""
    if len(spans) < 2 or " of " not in text:
        return list(spans)
    ordered = sorted(set(spans))
    joined: dict[Span, Span] = {}  # each first span of a pair: the pair as one span
    complements: set[Span] = set()
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first in complements or first[1] >= second[0]:
            continue
        if _OF_GAP.fullmatch(text, first[1], second[0]) is not None and _head_noun_ends(text, first):
            joined[first] = (first[0], second[1])
            complements.add(second)
    if not joined:
        return list(spans)
    return [joined.get(span, span) for span in spans if span not in complements]
