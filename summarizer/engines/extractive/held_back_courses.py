"""A worsening course held back, and a change said to be smaller than another's.

A verb of holding back said of how fast something is lost is a benefit for what is lost: "slowed the rate of decline
in X", "reduced the rate of decline of X", "retards the rate at which X is lost", "slowed the loss of X" all say X
was kept, and read as X improved (as cues.HALTED reads "halted the decline in X"). The course's progress held back
reads as its progression decreased: "slowed the rate of progression of X", "less progression of X".

A change noun after a comparative of less ("a slower decline in X", "less deterioration of X", "a smaller reduction
in X", "less improvement in X") says the change was smaller than another arm's: a decline or deterioration held
back is X improved, and any other change is the other way round for the arm it is said of ("a smaller reduction in
heart rate" is heart rate higher than with the comparator). outcomes._verb_outcomes asks diminished_before and
held_back_before of the words before each change noun it reads; held_back_outcomes reads the forms it has no change
word for (loss, the rate at which, progression).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import HYPOTHETICAL
from summarizer.engines.extractive.outcome_spans import HYPOTHETICAL_CHARS, OutcomeMention, mention_at, object_name
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change

__all__ = ["COURSE_NOUNS", "diminished_before", "held_back_before", "held_back_outcomes"]

# change nouns that name a worsening course: held back, what they are said of is kept
COURSE_NOUNS = frozenset({"decline", "declines", "deterioration", "worsening", "loss"})
# verbs that hold a course back; "slow" and its kin only say how fast, "reduce" and its kin how much
_SLOWING = r"(?:slow|retard|halt|arrest)(?:s|ed|ing)?"
_HOLDING = _SLOWING + r"|(?:reduc|decreas|lessen|attenuat)\w*|lower(?:s|ed|ing)?|limit(?:s|ed|ing)?"
_RATE = r"(?:rate|pace|speed)"
# "slowed the rate of", "reduced the pace of", right before a change noun ("decline in X")
_HELD_BACK_RATE = re.compile(r"\b(?:" + _HOLDING + r")\s+(?:the\s+)?" + _RATE + r"\s+of\s+(?:the\s+)?$")
# "a slower", "significantly less", "smaller", right before a change noun; not "no less" nor "not less"
_DIMINISHED = re.compile(r"(?<!\bno\s)(?<!\bnot\s)\b(?:slower|less|lesser|smaller)\s+(?:[a-z]+ly\s+)?$")
_OBJECT = r"(?:the\s+)?(?P<obj>[a-z][^.;:()\[\]]{1,80})"
# "retards the rate at which renal function is lost": the subject of the relative clause is what is lost
_RATE_AT_WHICH = re.compile(
    r"\b(?:" + _HOLDING + r")\s+(?:the\s+)?" + _RATE + r"\s+at\s+which\s+"
    r"(?:the\s+)?(?P<obj>[a-z][^.;:()\[\]]{1,60}?)\s+"
    r"(?:(?:is|are|was|were)\s+(?:being\s+)?lost|(?:declin|deteriorat|worsen)\w*|(?:fall|falls|fell|drops|dropped))\b"
)
# "reduced the rate of decline in X": the verb's object is the rate, and X is what was kept
_RATE_OF_COURSE = re.compile(
    r"\b(?:" + _HOLDING + r")\s+(?:the\s+)?" + _RATE + r"\s+of\s+(?:the\s+)?(?:declines?|deterioration|worsening)\s+"
    r"(?:in|of)\s+" + _OBJECT
)
# "slowed the loss of X", "slowed the rate of loss of X"
_LOSS_OF = re.compile(
    r"\b(?:" + _SLOWING + r")\s+(?:the\s+)?(?:" + _RATE + r"\s+of\s+(?:the\s+)?)?loss\s+of\s+" + _OBJECT
)
# "slowed the rate of progression of X", "significantly less progression of X": the progression decreased
_PROGRESSION = re.compile(
    r"\b(?:(?:" + _HOLDING + r")\s+(?:the\s+)?" + _RATE + r"\s+of\s+|(?<!\bno\s)(?<!\bnot\s)(?:slower|less|lesser|"
    r"smaller)\s+(?:[a-z]+ly\s+)?)(?P<obj>progression\s+of\s+[a-z][^.;:()\[\]]{1,80})"
)

_RATES = ("rate", "pace", "speed")
# each form, what its outcome's change is read as, and what each of its matches holds: one word of each group
_READINGS: tuple[tuple[re.Pattern[str], Change, tuple[tuple[str, ...], ...]], ...] = (
    (_RATE_AT_WHICH, "unclear", (("which",), _RATES)),
    (_RATE_OF_COURSE, "unclear", (("decline", "deterioration", "worsening"), _RATES)),
    (_LOSS_OF, "unclear", (("loss",), ("slow", "retard", "halt", "arrest"))),
    (_PROGRESSION, "decreased", (("progression",),)),
)


def held_back_before(prefix: str) -> bool:
    """Whether the words before a change noun hold back its rate: "slowed the rate of (decline in X)"."""
    tail = prefix[-40:]
    return any(rate in tail for rate in _RATES) and _HELD_BACK_RATE.search(tail) is not None


def diminished_before(prefix: str) -> bool:
    """Whether the words before a change noun make it smaller than another's: "a slower (decline in X)", "less
    (improvement in X)"."""
    tail = prefix[-30:]
    return ("less" in tail or "slower" in tail or "smaller" in tail) and _DIMINISHED.search(tail) is not None


def held_back_outcomes(scan: Scan) -> list[tuple[OutcomeMention, int]]:
    """The outcomes of the forms no change word names (the module's docstring), each with where its phrase begins
    (the verb of holding back, or the comparative), so that a change word read inside the phrase can be told apart;
    none in a purpose or a conjecture ("to slow the loss of X", "may slow ...")."""
    low = scan.low
    found: list[tuple[OutcomeMention, int]] = []
    for pattern, change, groups in _READINGS:
        if not all(any(word in low for word in words) for words in groups):
            continue  # a word each match holds is not in the text: the pattern need not be tried at every character
        for match in pattern.finditer(low):
            span = object_name(low, match) if not _conjectured(scan, match.start()) else None
            if span is not None:
                # what was kept improved, whatever it is; a progression held back decreased, which is a benefit
                # as cues.HALTED and result_cues.HELD_BACK_COURSE read theirs
                found.append((mention_at(scan, *span, change, "improved"), match.start()))
    return found


def _conjectured(scan: Scan, pos: int) -> bool:
    sentence_start = scan.sentence_at(pos)[0]
    return HYPOTHETICAL.search(scan.low, max(sentence_start, pos - HYPOTHETICAL_CHARS), pos) is not None
