"""The words that say a treatment was given for a condition named right before them.

"E treated with D", "E (grade 3), successfully managed by D", "E was controlled with D": the condition E is what D
was given for ("E reversed using D": what D undid, a harm). Two readers ask it: the patients' disease
(patients_disease.py: a name so followed is no event of the drug named after it) and a case report's drug
(caused_drug.py: the drug so named is the event's treatment, or its antidote, not its cause). Stopping a drug is no
treatment given: "E was controlled by withdrawal of D" says that D caused E (a dechallenge).
"""

from __future__ import annotations

import re

__all__ = ["TREATED_WITH", "treated_after"]

# the verb of treating and its preposition: "treated with", "successfully managed by"; what follows is not the
# stopping of a drug
_TREATED = r"(?:treated|managed|controlled)"
# undoing a harm: "E reversed with D" says D was an antidote, which a drug's harm has and a disease does not (so a
# name so followed is the harm, never the patients' disease: patients_disease.py reads only _TREATED)
_TREATED_OR_REVERSED = r"(?:treated|managed|controlled|reversed)"


def _treated_with(verbs: str) -> str:
    return (
        rf"{verbs}\s+(?:\w+ly\s+)?(?:with|by|using)"
        r"(?!\s+(?:the\s+)?(?:withdrawal|discontinuation|cessation|stopping|reduction|tapering)\b)"
    )


def _after_name(verbs: str) -> re.Pattern[str]:
    """Right after the condition's name: what it holds in brackets ("(grade 3)", "(SJS)"), a comma, an auxiliary and
    an adverb may come before the verb."""
    return re.compile(
        r"(?:\s*\((?:[^()]|\([^()]*\))*\))*\s*,?\s+(?:(?:was|were|is|are|has\s+been|had\s+been|being)\s+)?"
        rf"(?:\w+ly\s+)?{_treated_with(verbs)}\s+",
        re.IGNORECASE,
    )


TREATED_WITH = _treated_with(_TREATED_OR_REVERSED)
_TREATED_AFTER_NAME = _after_name(_TREATED)
_TREATED_OR_REVERSED_AFTER_NAME = _after_name(_TREATED_OR_REVERSED)


def treated_after(text: str, end: int, stop: int | None = None, reversed_too: bool = False) -> re.Match[str] | None:
    """The words right after a name ending at `end` that say a treatment was given for it, read up to `stop`;
    reversed_too: also those that say a treatment undid it ("reversed with")."""
    pattern = _TREATED_OR_REVERSED_AFTER_NAME if reversed_too else _TREATED_AFTER_NAME
    return pattern.match(text, end, len(text) if stop is None else stop)
