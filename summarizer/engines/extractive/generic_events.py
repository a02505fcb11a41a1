"""Generic names of a harm ("side effect", "a rare but potentially lethal complication"), and their reading.

A case report writes "the hair loss was a side effect of X" or "X causes side effects such as tinnitus": one harm,
named once specifically and once generically. The event reader finds both names; `without_generic_beside_named`
keeps the specific one where the sentence sets the generic name beside it (a copula, "as", "such as", "including",
a colon, a bracket, an apposition's comma), or where the generic name points back to it ("this adverse reaction").
A generic name alone, or not so set beside a specific one, stays.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import FILLER
from summarizer.engines.extractive.evidence import sentence
from summarizer.models import Statement

# the heads of a name that says only that there was a harm, and the words that may stand before them in such a name:
# how often, how grave, how certain ("a rare but potentially lethal complication", "a possible side effect"); a word
# that says where or of what kind ("ocular side effects", "granulomatous reaction") makes the name specific
_GENERIC_HEADS = frozenset({
    "effect", "effects", "event", "events", "reaction", "reactions", "complication", "complications",
})
_GENERIC_QUALIFIERS = FILLER | frozenset({
    "side", "adverse", "drug", "rare", "common", "frequent", "uncommon", "unusual", "lethal", "fatal",
    "life-threatening", "dangerous", "probable", "known", "well-documented", "documented", "many", "this", "very",
    "potentially", "but",
})

# a word that points back to a harm named before: "developed leukopenia ... on rechallenge with this adverse reaction"
_POINTS_BACK = re.compile(r"\b(?:this|these|that|those|such)\s+$")


def generic_event(event: str) -> bool:
    """A name that says only that there was a harm: "side effect", "adverse drug reaction", "a rare complication"."""
    words = event.lower().split()
    return bool(words) and words[-1] in _GENERIC_HEADS and all(w in _GENERIC_QUALIFIERS for w in words[:-1])


# what sets a name beside another that it names again: a copula ("X is a rare side effect"), "as" ("X as a side
# effect"), an example ("side effects such as X", "including X", "ie, X"), a colon or a bracket ("X: a fatal
# adverse event", "a side effect (X)"), an apposition's comma and article ("X, a rare side effect")
_APPOSITION = re.compile(
    r"\b(?:is|are|was|were|be|been|as|such\s+as|including|includes?|included|ie|i\.e\.|e\.g\.|namely)\b|[:(]|"
    r",\s+(?:a|an|the)\b"
)


def without_generic_beside_named(statement: Statement, kept: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The events of a statement without a generic one ("side effect") that its sentence sets beside a specific
    harm it names: "the hair loss was a side effect of X", "side effects such as hyperhidrosis" report one event,
    not two. A generic name not so set beside one stays ("fatal complication of X during control of hemorrhage")."""
    if len(kept) < 2 or not any(generic_event(event) for event, _ in kept):
        return kept
    dropped = set()
    named = any(not generic_event(event) for event, _ in kept)
    for g, (generic, at) in enumerate(kept):
        if not generic_event(generic):
            continue
        low = sentence(statement, at).lower()
        first = low.find(generic.lower())
        if first > 0 and named and _POINTS_BACK.search(low, max(0, first - 8), first) is not None:
            dropped.add(g)  # "developed this adverse reaction": the harm named before, not one more
            continue
        for event, other_at in kept:
            if other_at != at or generic_event(event) or first < 0:
                continue
            other = low.find(event.lower())
            if other < 0:
                continue
            gap = low[first + len(generic) : other] if first < other else low[other + len(event) : first]
            if len(gap) <= 80 and _APPOSITION.search(gap):
                dropped.add(g)
                break
    return [pair for i, pair in enumerate(kept) if i not in dropped]
