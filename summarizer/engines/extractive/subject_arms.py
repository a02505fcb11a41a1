"""The arm a comparison's subject names: "the response rate of the treatment group (86%) was significantly higher
than that of the control group (71%)", "pain scores in the A group were lower than in the B group".

A result is often said of an outcome in one arm and set against the same outcome in another arm: the subject then
ends with that arm ("... of the treatment group", "... in the intervention group (11.7 ± 5.1)"), and its verb's
comparative ("higher", "lower") says which way the outcome went in that arm, against the one after "than" or
"compared with". The outcome is the subject without its arm. Said of the control arm ("X in the placebo group was
higher than in the A group"), the change is the opposite one for the treated arm. A comparison with the arm's own
value before treatment ("than at baseline") is a course in one arm, not a comparison of arms, and is not read here.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTROL_WORDS

__all__ = ["SubjectArm", "subject_arm"]

# the arm at the end of a subject, just before its verb (a bracket with its value between them): "of the treatment
# group", "in the hungry trained group (2.6 ± 1.9 mg/dL)", "by the intervention group"; up to three words name it,
# none of them a conjunction or a word for every arm ("in both groups", "in each group")
_ARM_AT_END = re.compile(
    r"\b(?:of|in|for|among|by|within)\s+(?:the\s+)?(?P<words>(?:(?!(?:and|or|than|versus|vs|both|each|all|either|"
    r"two|three|of|in|for|among|by|within|at|on|with|from|to)\b)[\w\-+/'\"“”‘’]+\s+){0,3}?)(?:groups?|arms?|cohorts?)\s*(?:\([^()]{0,80}\)\s*)?$"
)
# the other arm the comparison sets it against, after the comparative: "than (that) in the control group",
# "compared with the B group"; not the arm's own value before treatment ("than at baseline", "than before")
_SET_AGAINST = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?:(?:in|at|on|during|after)\s+[^,;.()]{1,40}?\s+)?"
    r"(?:than|compared\s+(?:with|to)|as\s+compared\s+(?:with|to)|versus|vs\.?|relative\s+to|"
    r"in\s+comparison\s+(?:with|to))\s+(?!(?:at\s+|the\s+|their\s+)?(?:baseline|before|pre\w*|initial|entry)\b)"
)
_REACH = 80


class SubjectArm:
    """The arm a comparison's subject ends with: where its words start (the outcome ends before them), and whether
    it is the control arm."""

    __slots__ = ("start", "control")

    def __init__(self, start: int, control: bool) -> None:
        self.start = start
        self.control = control


def subject_arm(low: str, sentence_start: int, verb_start: int, comparative_end: int) -> SubjectArm | None:
    """The arm the subject before a comparison's verb ends with (low: the lower-cased statement; the verb starts at
    verb_start, its comparative ends at comparative_end), when what follows the comparative sets it against another
    arm; None otherwise."""
    if _SET_AGAINST.match(low, comparative_end) is None:
        return None
    arm = _ARM_AT_END.search(low, max(sentence_start, verb_start - _REACH), verb_start)
    if arm is None or arm.start() <= sentence_start:
        return None
    control = CONTROL_WORDS.search(low, arm.start(), arm.end()) is not None
    return SubjectArm(arm.start(), control)
