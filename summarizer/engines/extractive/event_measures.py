"""Harm names that name what a result measures, not a harm that occurred.

A trial reports a harm's reduction or its timing as a result: "greater pain reductions than placebo", "pain relief",
"delayed the time to first seizure", "the onset time of atrial fibrillation" (but "the onset of X" tells that X
occurred). The harm in those is the measure of a
result (read by outcomes.py), not an adverse event of the treatment. These are general grammar: a noun of reduction
or relief after the harm's name, or a time-to-event phrase before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.tokenise import Span

# a noun of reduction or relief after a harm's name: "pain reduction(s)", "pain relief", "nausea control"
_REDUCTION = r"(?:reductions?|relief|control|resolution|improvements?)\b"
_REDUCED_AFTER = re.compile(r"[\s-]*" + _REDUCTION)
_REDUCED_LAST = re.compile(r"[\s-]" + _REDUCTION + r"$")
# a time-to-event phrase before a harm's name: "time to (the) first X", "onset time of X", "the delay to X" (not "the
# onset of X", which tells that X occurred)
_TIME_BEFORE = re.compile(
    r"\b(?:times?|delay)\s+(?:to|of|until|before)\s+(?:the\s+)?(?:first\s+|onset\s+of\s+|occurrence\s+of\s+)?$"
)
_TIME_REACH = 40
# cheap test: whether a statement holds any of the words the two patterns start with
_GATE_WORDS = ("reduc", "relie", "control", "resolution", "improvement", "time", "delay")


def measured_not_occurring(low: str, spans: Sequence[Span]) -> list[Span]:
    """The spans (of the lower-cased statement) that are not a harm's reduction or its timing as a result."""
    if not spans or not any(word in low for word in _GATE_WORDS):
        return list(spans)
    kept = []
    for start, end in spans:
        if _REDUCED_LAST.search(low, start, end) is not None or _REDUCED_AFTER.match(low, end) is not None:
            continue
        if _TIME_BEFORE.search(low, max(0, start - _TIME_REACH), start) is not None:
            continue
        kept.append((start, end))
    return kept


_TIME_FIRST = re.compile(r"^(?:(?:the|median|mean)\s+)*(?:times?|delay)\s+(?:to|of|until|before)\s")


def names_a_measure(name: str) -> bool:
    """Whether an outcome's (lower-cased) name is a harm's reduction or its timing ("pain reductions", "time to first
    seizure"): its rise is no harm."""
    return _REDUCED_LAST.search(name) is not None or _TIME_FIRST.search(name) is not None


# quantities a body has at all times, which a name ending in them measures ("systolic blood pressure", "heart rate",
# "body temperature"): an event only with a word that says how it departed ("high blood pressure", "raised
# intracranial pressure", "increased ocular pressure")
_QUANTITY_LAST = frozenset({"pressure", "pressures", "rate", "rates", "temperature", "temperatures"})
_DEPARTED = frozenset({
    "high", "higher", "low", "lower", "raised", "elevated", "increased", "decreased", "reduced", "rising", "falling",
    "abnormal", "fluctuating", "labile", "rapid", "slow", "excessive", "unstable", "uncontrolled",
})


# a preposition in the name: the quantity is the object of a noun that names its change
_HEAD_BEFORE = frozenset({"of", "in", "to"})


def names_a_quantity(name: str, before: str = "") -> bool:
    """Whether an event's (lower-cased) name of two words or more is a quantity the body always has, not its
    departure (`before`: the text right before the name): "systolic blood pressure", "heart rate" measure; "high
    blood pressure", "elevated heart rate", "an increase in blood pressure" are events, and so is a lone
    "pressure", whose words were not all read."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _QUANTITY_LAST or not _DEPARTED.isdisjoint(words):
        return False
    if not _HEAD_BEFORE.isdisjoint(words):
        return False  # "an increase in blood pressure", "loss of glomerular filtration rate": the change is named
    previous = before.split()[-1:] if before else []
    return _DEPARTED.isdisjoint(previous)


# the words of a measure or an endpoint before "of" and the harm it counts: "the incidence rate of the adverse event
# of constipation", "the composite endpoint of rash"
_PREFIX_WORDS = frozenset({
    "the", "a", "an", "any", "incidence", "incidences", "rate", "rates", "risk", "risks", "occurrence", "number",
    "frequency", "odds", "proportion", "percentage", "composite", "endpoint", "endpoints", "outcome", "outcomes",
    "adverse", "event", "events", "new", "cumulative", "overall", "total",
})


def measure_prefix_end(words: Sequence[str]) -> int:
    """How many of a name's (lower-cased) words are a measure's or an endpoint's before the harm they count ("the
    incidence rate of the adverse event of constipation": all but "constipation"); 0 when none are."""
    end = 0
    for k, word in enumerate(words[:-1]):
        if word == "of" and k:
            end = k + 1
        elif word not in _PREFIX_WORDS:
            break
    return end
