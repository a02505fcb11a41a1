"""Names that the statements name only inside what was measured: "the number of days of antibiotherapy", "doses of
morphine usage", "the clinical duration of rocuronium", "implantation rates".

A trial's results name its outcomes, and an outcome may hold a treatment's name: the rescue drug the patients needed
besides the treatment tested ("morphine consumption"), the procedure whose course was measured ("the duration of
intubation"), a drug's own kinetics. A name the statements never name anywhere but inside an outcome the reading
found (reading.outcomes: the name of what changed, with the words of its measure) is what was measured, not an arm:
the target profile chooses it only when no other name qualifies (target_profile.py), as it does an arm's
background treatment (control_arm_names.py).

Inside an outcome means as the complement of the measure ("the duration of X", "time to first X") or before its head
("X consumption", "X rates"). Not a name after a word that places an arm ("LVMI with X", "the change during
open-label X"): the outcome reader's name ran on into the arm, and the name is the arm's; nor a name with other words
after it ("X infusion over 4 h": the outcome reader read the arm's course as what changed).

A name may also be counted where the outcome reader reads no outcome (counted_in, on the statement's text): "the
number of X", "2.0 ± 0.6 X per patient", "X or clinical pregnancy rates" (X shares the measure's head), "serum
levels of X". A count of grafts or stents is what a procedure achieved, not the procedure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.short_forms import specific_anchors
from summarizer.engines.extractive.treatment_mention import TreatmentReading

__all__ = ["measured_anchors", "whole_word_places"]

# the words after which a name in an outcome's text is the arm it was measured in, not part of the measure
ARM_PLACES = frozenset(
    {"with", "in", "after", "during", "for", "by", "on", "following", "under", "from", "versus", "vs", "vs.", "than",
     "among", "between", "receiving", "given", "using"}
)


def measured_anchors(
    treatments: Sequence[TreatmentReading], readings: Sequence[SentenceReading], texts: Sequence[str] = ()
) -> frozenset[str]:
    """The anchors of the names that every statement naming them names inside an outcome of the same sentence
    (measured_in), or only as what was counted (counted_in: "the number of X", "2.0 X per patient"), in the
    readings' order (a treatment reading per statement; texts, when given, the statements' texts in that order)."""
    inside: set[str] = set()
    outside: set[str] = set()
    for index, (treatment, reading) in enumerate(zip(treatments, readings, strict=True)):
        if not treatment.mentions:
            continue
        low = texts[index].lower() if index < len(texts) else ""
        outcomes: dict[int, list[str]] = {}
        for outcome in (*reading.outcomes, *reading.safety_outcomes):
            outcomes.setdefault(outcome.sentence, []).append(outcome.outcome.lower())
        for mention in treatment.mentions:
            name = mention.name.lower()
            measured = any(measured_in(name, outcome) for outcome in outcomes.get(mention.sentence, ()))
            measured = measured or (bool(low) and counted_in(_without_values(name), low))
            (inside if measured else outside).update(specific_anchors(mention.anchors))
    return frozenset(inside - outside)


# the word after which a name is the complement of a measure ("the duration of X"; "time to first X", but not "the
# response to X", which is the arm's result), skipping a determiner or "first" ...
MEASURE_OF = "of"
TIME_TO = ("time", "to")
_SKIPPED = frozenset({"the", "a", "an", "first"})
# ... and the heads of a measure that a name may stand before ("X consumption", "X rates", "X requirements")
MEASURE_HEADS = frozenset(
    {"consumption", "use", "usage", "requirement", "requirements", "need", "needs", "demand", "rate", "rates", "dose",
     "doses", "duration", "time", "times", "level", "levels", "concentration", "concentrations", "score", "scores"}
)


def measured_in(name: str, outcome: str) -> bool:
    """Whether a (lower-cased) name stands inside a (lower-cased) outcome's name as the complement of a measure ("the
    number of days of X", "time to first X") or before a measure's head ("X consumption"), after no word that places an
    arm (ARM_PLACES)."""
    at = _whole_word(outcome, name)
    if at < 0:
        return False
    before = outcome[:at].split()
    if not ARM_PLACES.isdisjoint(before):
        return False
    after = outcome[at + len(name) :].split()
    while before and before[-1] in _SKIPPED:
        before.pop()
    complement = bool(before) and (before[-1] == MEASURE_OF or tuple(before[-2:]) == TIME_TO)
    return complement or (bool(after) and after[0] in MEASURE_HEADS)


# what a name counted or measured stands after: "the number of X", "serum levels of X", "the AUC of X" (a determiner,
# "first" or a body fluid skipped) ...
_NUMBER_OF = re.compile(
    r"\b(?:numbers?|levels?|concentrations?|d?auc)\s+of\s+(?:(?:the|a|an|first|plasma|serum|blood)\s+)?$"
)
# ... or between a value and what it is counted per ("2.03 ± 0.7 X per patient", "3 X/day"), or before "or"/"and" and
# a second name that shares its measure's head ("X or clinical pregnancy rates": X rates)
_VALUE_BEFORE = re.compile(r"\d(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?\s+$")
_PER_AFTER = re.compile(r"\s*(?:per\b|/\s*[a-z])")


# (the words between no determiner: "X and the rate of Y" is X and a measure of Y; nor a head with its own complement)
_SHARED_HEAD_AFTER = re.compile(
    r"\s+(?:or|and)\s+(?:(?!(?:the|a|an|its|their|of)\b)[a-z][\w\-]*\s+){0,2}"
    rf"(?:{'|'.join(sorted(MEASURE_HEADS, key=len, reverse=True))})\b(?!\s+of\b)"
)


def counted_in(name: str, text: str) -> bool:
    """Whether every place a (lower-cased) text names a (lower-cased) name, as whole words, counts it: after "the
    number of", between a value and "per", or before a second name that shares its measure's head (MEASURE_HEADS:
    "X or clinical pregnancy rates"). False where the text does not name it."""
    places = list(whole_word_places(text, name))
    return bool(places) and all(_counted_at(text, name, at) for at in places)


def _without_values(name: str) -> str:
    """A name without the values a reader took in before it ("0.6 grafts" of "2.03 ± 0.7 vs. 1.99 ± 0.6 grafts")."""
    words = name.split()
    valued = [i for i, word in enumerate(words) if any(c.isdigit() for c in word) or word in {"±", "vs", "vs."}]
    return " ".join(words[valued[-1] + 1 :]) if valued else name


def _counted_at(text: str, name: str, at: int) -> bool:
    before, end = text[max(0, at - 40) : at], at + len(name)
    if _NUMBER_OF.search(before) or (_VALUE_BEFORE.search(before) and _PER_AFTER.match(text, end)):
        return True
    return _SHARED_HEAD_AFTER.match(text, end) is not None


def _whole_word(text: str, name: str) -> int:
    """Where a name first stands in a text as whole words, or -1."""
    return next(iter(whole_word_places(text, name)), -1)


def whole_word_places(text: str, name: str) -> Iterable[int]:
    """Where a name stands in a text as whole words."""
    at = text.find(name) if name else -1
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield at
        at = text.find(name, at + 1)
