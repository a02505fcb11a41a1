"""An event the sentence says went away: a benefit, never an event of the treatment, unless the sentence says the
treatment was stopped (a dechallenge) or names the event's cause. events.event_names_at leaves such names out."""

from __future__ import annotations

import re

from summarizer.engines.extractive.patients_disease import CAUSE_SAID, CAUSED_NAME

__all__ = ["GONE_GATE", "went_away"]

# an event the sentence says went away: "remission of psoriasis after X", "his skin eruptions resolved when switched
# to X": a benefit, never an event of X; unless the sentence says a treatment was stopped (a dechallenge: "the rash
# resolved after X was discontinued" tells that X caused it)
GONE_GATE = (
    "remission", "resolution", "disappearance", "regression", "resolved", "disappeared", "subsided", "remitted",
    "regressed",
)
_GONE_BEFORE = re.compile(
    r"\b(?:remission|resolution|disappearance|regression)\s+(?:of|in)\s+(?:the\s+|his\s+|her\s+|their\s+)?$",
    re.IGNORECASE,
)
_GONE_AFTER = re.compile(
    r"\s+(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?(?:(?:completely|fully|rapidly|all|both)\s+)?"
    r"(?:resolved|disappeared|subsided|remitted|regressed)\b",
    re.IGNORECASE,
)
_STOPPED = re.compile(
    r"\b(?:discontinu|withdr[ae]w|stopp|cessation|ceas|withh[eo]ld|taper|interrupt|terminat|curtail|abstinen|"
    r"(?:dose|dosage)\s+reduc|reduc\w*\s+(?:of\s+)?(?:the\s+)?(?:dose|dosage)|"
    r"(?:dose|dosage)\s+of\s+[\w\-]+\s+(?:was|were|had\s+been)\s+(?:reduced|lowered|decreased))",
    re.IGNORECASE,
)


def went_away(text: str, start: int, end: int) -> bool:
    """Whether the sentence says the event at [start, end) went away, not on stopping a treatment, and says no
    cause of an event ("venlafaxine-induced incontinence resolved after switching": it happened, with its cause)."""
    if _GONE_BEFORE.search(text, max(0, start - 40), start) is None and _GONE_AFTER.match(text, end) is None:
        return False
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start)) + 1
    sentence_end = text.find(". ", end)
    sentence_end = len(text) if sentence_end < 0 else sentence_end
    return (
        _STOPPED.search(text, sentence_start, sentence_end) is None
        and CAUSE_SAID.search(text, sentence_start, sentence_end) is None
        and CAUSED_NAME.search(text, sentence_start, sentence_end) is None
    )
