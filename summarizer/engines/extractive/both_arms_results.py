"""Names the statements name only in a result said of both arms alike: "Pain due to propofol injection ... was
insignificant in both groups", "Before lens implantation, the mean incision size was 2.2 mm in both groups".

A clause whose result holds "in both (the) groups" (or "in either group", "in all groups") tells the arms apart by
nothing: a name in it is what was measured ("pain due to X"), when it was measured ("before X") or what every arm
had, not the arm tested. Where every statement that names it names it so, the target profile never chooses it as the
intervention (target_profile.py).

Not a name the clause gives an arm: after a word that places one ("patients receiving X", "with X", "after X":
measured_names.ARM_PLACES), before a word for an arm ("the X group", "X-treated"), or in brackets (each arm's value,
"(X: 288 g, Y: 316 g)"); nor one in another clause of the sentence ("... in both groups, but X ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.differed_measures import ARM_AFTER_NAME, brackets_blanked
from summarizer.engines.extractive.measured_names import ARM_PLACES, whole_word_places
from summarizer.engines.extractive.short_forms import specific_anchors
from summarizer.engines.extractive.treatment_mention import TreatmentReading

__all__ = ["both_arms_anchors", "in_both_arms_result"]

# a result said of every arm alike
_BOTH_ARMS = re.compile(r"\b(?:in|for|within)\s+(?:both|either|all|each)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?groups?\b")
# where a clause ends: a sentence's end ("2.24" is none), a semicolon, or a contrast
_CLAUSE_BREAK = re.compile(r"[.;:](?:\s|$)|,?\s+\b(?:but|whereas|while|although|however)\b")
# the words before a name, in its clause, that make it an arm besides ARM_PLACES
_ARM_BEFORE = frozenset({"receiving", "received", "given", "using", "than", "compared", "versus", "vs", "vs."})


def both_arms_anchors(treatments: Sequence[TreatmentReading], texts: Sequence[str]) -> frozenset[str]:
    """The anchors of the names that every statement naming them names only in a clause whose result holds in both
    arms alike (in_both_arms_result), the treatment readings in the order of their statements' texts."""
    inside: set[str] = set()
    outside: set[str] = set()
    for treatment, text in zip(treatments, texts, strict=False):
        low = text.lower()
        said_of_both = "group" in low and _BOTH_ARMS.search(low) is not None
        for mention in treatment.mentions:
            alike = said_of_both and in_both_arms_result(mention.name.lower(), low)
            (inside if alike else outside).update(specific_anchors(mention.anchors))
    return frozenset(inside - outside)


def in_both_arms_result(name: str, text: str) -> bool:
    """Whether every place a (lower-cased) text names a (lower-cased) name, as whole words, stands in a clause whose
    result holds in both arms alike, after no word and before no word that makes it an arm, and outside brackets.
    False where the text does not name it."""
    places = list(whole_word_places(text, name))
    unbracketed = brackets_blanked(text) if places else text
    return bool(places) and all(_alike_at(unbracketed, text, name, at) for at in places)


def _alike_at(unbracketed: str, text: str, name: str, at: int) -> bool:
    if unbracketed[at] != text[at]:
        return False
    start, end = _clause_around(unbracketed, at)
    if not _BOTH_ARMS.search(unbracketed, start, end):
        return False
    before = [word.strip("(),") for word in unbracketed[start:at].split()]
    if not (ARM_PLACES | _ARM_BEFORE).isdisjoint(before):
        return False
    return ARM_AFTER_NAME.match(text, at + len(name)) is None


def _clause_around(text: str, at: int) -> tuple[int, int]:
    """Where the clause a place stands in starts and ends."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    start = max((e for s, e in breaks if e <= at), default=0)
    end = min((s for s, e in breaks if s >= at), default=len(text))
    return start, end
