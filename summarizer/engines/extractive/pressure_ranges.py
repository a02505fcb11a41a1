"""A blood pressure said to fall to a value in the hypotensive range: a harm (hypotension), not the improvement a
lower blood pressure usually is.

polarity.py reads "blood pressure" as lower-is-better (the outcome of an antihypertensive trial). A sentence that
gives the value the pressure fell *to* says more: a systolic pressure under 90 mm Hg is hypotension by the usual
clinical definition, whatever the treatment was for ("decreased from 130/80 mm Hg to 70/55 mm Hg"). The value is
read as systolic/diastolic ("70/55"), or alone where the name says systolic ("systolic pressure fell to 80 mm Hg");
a diastolic or mean value alone is not read (its range is other)."""

from __future__ import annotations

import re

from summarizer.engines.extractive.outcome_spans import OutcomeMention
from summarizer.engines.extractive.scan import Scan

__all__ = ["fell_to_hypotension"]

# the usual clinical definition of hypotension: a systolic pressure below 90 mm Hg
HYPOTENSIVE_SYSTOLIC = 90
_PRESSURE_NAME = re.compile(r"\b(?:blood pressure|bp|sbp|systolic)\b")
_SYSTOLIC_NAME = re.compile(r"\b(?:systolic|sbp)\b")
# "to 70/55 mm Hg", "to a nadir of 70/40 mmHg", "to 80 mm Hg": the value reached, not the one left ("from ...")
_FELL_TO = re.compile(
    r"\bto\s+(?:(?:a|an|the)\s+(?:\w+\s+)?of\s+)?(?P<systolic>\d{2,3})(?:\s*/\s*(?P<diastolic>\d{2,3}))?\s*mm\s*hg\b"
)


def fell_to_hypotension(scan: Scan, mention: OutcomeMention) -> bool:
    """Whether the mention is a blood pressure that fell to a systolic value below HYPOTENSIVE_SYSTOLIC."""
    name = mention.outcome.lower()
    if mention.change != "decreased" or _PRESSURE_NAME.search(name) is None:
        return False
    sentence_end = scan.sentence_at(mention.start)[1]
    reached = _FELL_TO.search(scan.low, mention.start + len(mention.outcome), sentence_end)
    if reached is None or (reached.group("diastolic") is None and _SYSTOLIC_NAME.search(name) is None):
        return False
    return int(reached.group("systolic")) < HYPOTENSIVE_SYSTOLIC
