"""A result of no difference that a trial report states without naming its arms: "There were no significant
differences in pain scores (P = 0.41)", "The postoperative visual acuity and IOP were not significantly different".

A trial report names its arms once and then reports its results by outcome; a sentence that names no treatment and
says, in the words of a test, that an outcome did not differ says it of the trial's arms, the intervention against
its comparator (sections.py reads it for a statement that cites no work and names no treatment in that sentence).

Not every sentence without a treatment is such a result. Set aside:
- a piece of a sentence (it does not begin with a capital): its start, which may name the arms, is not there;
- a course within the groups, not a comparison of them: an outcome that did not change, remained, was unchanged, in
  any or each group, between two times ("no difference in the titer between week 3 and week 12"), against the
  baseline ("did not increase with regard to the basal levels"), before and after treatment;
- one arm's own course: a sentence that names the control arm and compares it with nothing ("the control group did
  not show differences in blood lactate", "In group A (control), there was no significant reduction in X");
- a sentence in the words of no test ("the asthma symptoms did not improve", "did not alter disease progression"):
  a case's course, or a claim, not a trial's result;
- a comparison of subgroups of patients ("between male and female patients", "when analysed by age");
- the citing authors' own result ("we found no difference", "in the present study") and another work's result (a
  sentence that cites one: "In another trial by Smith et al. [4], ... had no significant difference").
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTROL_WORDS

__all__ = ["unnamed_null_result"]

# the words in which a test of the arms' difference is reported
_TESTED = re.compile(
    r"\bdiffer|\bsimilar\b|\bcomparable\b|\bequivalent\b|\bsignifican|\bstatistic|\bp\s*[=<>≤≥]|\bp\s*-\s*value"
)
# a course in time, within the groups: a change, a level kept, times compared with each other, the baseline
_OWN_COURSE = re.compile(
    r"\bchang|\bunchanged\b|\bremain|\bbefore\s+and\s+after\b|\bbas(?:al|eline)\b|\bpre-?(?:treatment|operative)\b|"
    r"\bbetween\s+(?:the\s+)?(?:first\s+|second\s+|last\s+)?(?:weeks?|days?|months?|years?|visits?|times?|"
    r"sessions?|measurements?)\b|"
    r"\b(?:in|within|for)\s+(?:any|each|every|all|either|both)\s+(?:(?:of\s+)?(?:the\s+)?(?:\w+\s+)?)groups?\b|"
    r"\bwithin\s+(?:the\s+)?(?:\w+\s+)?groups?\b"
)
# what compares the arms, whichever words name them
_COMPARED = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:groups?|arms?)\b|"
    r"\bthan\b|\bcompared\b|\bversus\b|\bvs\b|\brelative\s+to\b"
)
# patients compared with each other, not the arms: subgroups by sex or age ("between treated male and female
# patients", "when analysed by gender")
_SUBGROUPS = re.compile(
    r"\bsub-?groups?\b|\bstratif|\b(?:by|according\s+to)\s+(?:gender|sex|age)\b|"
    r"\b(?:males?|females?|men|women|boys|girls|younger|older)\s+(?:\w+\s+)?(?:and|or|versus|vs\.?)\s+"
    r"(?:males?|females?|men|women|boys|girls|younger|older)\b"
)
# the citing authors' own study
_OWN_STUDY = re.compile(r"\b(?:we|our|us)\b|\b(?:present|current)\s+(?:study|trial|work|series)\b")
_AUTHOR = re.compile(r"\bet\s+al\b")


def unnamed_null_result(sentence: str) -> bool:
    """Whether a sentence that names no treatment reports, as a trial reports a test of its arms, that an outcome
    did not differ: the words of a test, no course within the groups (unless the arms are also compared), not the
    control arm's own course, not the citing authors' result nor another work's by its authors' names (a statement
    that cites a work by number is set aside by sections.py)."""
    if not sentence[:1].isupper():
        return False  # a piece of a sentence whose start, where the arms may be named, was cut off
    low = sentence.lower()
    if _TESTED.search(low) is None or _OWN_STUDY.search(low) is not None or _AUTHOR.search(low) is not None:
        return False
    if _SUBGROUPS.search(low) is not None:
        return False
    compared = _COMPARED.search(low) is not None
    if _OWN_COURSE.search(low) is not None and not _arms_compared_too(low):
        return False
    return CONTROL_WORDS.search(low) is None or compared


def _arms_compared_too(low: str) -> bool:
    """Whether a sentence with a course within the groups also compares the arms ("no difference in the change of X
    between the groups"): a comparison of the groups, not of times."""
    return re.search(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:groups?|arms?)\b", low) is not None
