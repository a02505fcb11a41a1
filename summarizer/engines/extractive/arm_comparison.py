"""Sentences that compare a trial's arms without naming the intervention: the treated arm by a generic name ("the
intervention group", "the treated group", "the experimental arm", "the study group", "treated patients") set against
the control arm ("the control group", "placebo", "sham", "usual care"), or the arms compared however named ("no
difference between the groups in X"). Trial reports, and the statements that cite them, name the arms so once the
intervention has been named: such a sentence is about the intervention (the target's treated arm against its
comparator) though it does not name it, provided it names no other treatment (sections.py; where only the arms are
compared, only a result of no difference says something of the intervention)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from summarizer.engines.extractive.cues import CONTROL_WORDS
from summarizer.engines.extractive.treatment_mention import TreatmentMention
from summarizer.engines.extractive.treatment_names import MODIFIED_CLASSES, TREATMENT_CLASSES

__all__ = [
    "ARMS", "TREATED_AGAINST_CONTROL", "arms_compared", "compares_treated_with_control", "names_no_other_treatment",
]

TREATED_AGAINST_CONTROL = "treated_against_control"
ARMS = "arms"

# the treated arm by a generic name: "the intervention group", "treated patients", "the experimental arm", "verum"
TREATED_ARM = re.compile(
    r"\b(?:(?:intervention|treatment|treated|experimental|study|active|verum)\s+(?:group|arm)s?|"
    r"treated\s+(?:patients|participants|subjects)|verum)\b"
)
# cheap test before the patterns: the words every comparison of the arms holds one of
_ARM_HINTS = ("group", " arm", "treated", "verum")
_GENERIC = TREATMENT_CLASSES | MODIFIED_CLASSES
# the arms compared however they are named: "between the groups", "between the two treatment arms", "between the A
# and B groups", "between-group", "intergroup", "across treatment groups", "among the three groups", "similar in both
# groups"
BETWEEN_ARMS = re.compile(
    r"\b(?:between|across|among)\s+(?:the\s+)?(?:(?:two|three|both|all|study|treatment|intervention)\s+)*(?:groups|arms|"
    r"treatments|conditions)\b|\bbetween[\s\-‐]groups?\b|\binter-?group\b"
    r"|\bbetween\s+(?:the\s+)?[^.;:()\[\]]{1,40}?\s+and\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:groups?|arms?)\b"
    # "similar in both groups" compares them; "no change in X in both groups" is each arm's own course
    r"|\b(?:similar|comparable|alike|the\s+same)\s+(?:(?:in|for)\s+)?(?:both|either|the\s+(?:two|three))\s+(?:groups|arms)\b"
)
_BETWEEN_HINTS = ("between", "across", "among", "intergroup", "inter-group", "both", "either", "two", "three")
# "no change in X within group I, and the between-group difference was significant": the arms did differ, and the
# no difference read there is one arm's own course
_DIFFERENCE_SIGNIFICANT = re.compile(
    r"\bdifferences?\s+(?:was|were)\s+(?:also\s+)?(?:statistically\s+|highly\s+)?significant\b"
)


def compares_treated_with_control(sentence: str) -> bool:
    """Whether a (lower-cased) sentence names the treated arm generically (TREATED_ARM) and the control arm
    (cues.CONTROL_WORDS): "pain was lower in the treated group than in the control group"."""
    if not any(hint in sentence for hint in _ARM_HINTS):
        return False
    return TREATED_ARM.search(sentence) is not None and CONTROL_WORDS.search(sentence) is not None


def arms_compared(sentence: str) -> str | None:
    """How a (lower-cased) sentence compares the trial's arms: TREATED_AGAINST_CONTROL where it sets the treated arm,
    named generically, against the control arm (compares_treated_with_control); ARMS where it compares the arms
    however named ("no difference between the groups in X", BETWEEN_ARMS), which says which arm did better only
    where it says the arms did not differ; None where it does neither."""
    if compares_treated_with_control(sentence):
        return TREATED_AGAINST_CONTROL
    if any(hint in sentence for hint in _BETWEEN_HINTS) and BETWEEN_ARMS.search(sentence) is not None and (
        _DIFFERENCE_SIGNIFICANT.search(sentence) is None
    ):
        return ARMS
    return None


def names_no_other_treatment(mentions: Iterable[TreatmentMention], is_the_intervention: Callable[[str], bool]) -> bool:
    """Whether a sentence's treatment mentions name no treatment but the intervention: each is the intervention
    (is_the_intervention, on its name) or a generic one ("the intervention", "treatment")."""
    return all(
        not (set(m.anchors) - _GENERIC) or is_the_intervention(m.name) for m in mentions
    )
