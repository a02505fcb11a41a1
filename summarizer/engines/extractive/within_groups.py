"""A change measured within the groups, against their own start, is no result of the intervention against its
comparator.

A trial's result is a difference between its arms. A sentence that says how an outcome changed within the groups
("compared to the baseline data, the A and B groups showed a significant reduction of X", "X decreased
significantly in both groups", "within-group p = 0.01") and names no comparison between them says that X moved
during the trial, in every arm it names, not that the intervention moved it more than its comparator did. Its
change gives the intervention no direction (a no difference read in such a sentence is left alone: "similar in both
groups" is a comparison of the arms).

Read from the general grammar of trial reports, two kinds of cue:
- WITHIN: the change's reference is the start ("compared with baseline", "relative to pre-treatment values",
  "from baseline ... in both groups"), or it is said of several groups at once ("in both groups", "in all three
  groups", "in the A and B groups", "within groups", "in each group");
- BETWEEN: the sentence also compares the arms ("between the groups", "than the control group", "versus placebo",
  "compared with B", "group difference", "interaction", an arm of one treatment given alone: "8.2% in the
  surgery-alone group"): then the change may well be the arms' difference, and it is kept.

A change said to be significant in one arm "but not in" another ("X fell significantly in the A group but not in the
control group") is two tests within the groups, whatever arms it names: that one is significant and the other not
is no test of their difference. It is within the groups unless the sentence also compares the arms explicitly
("than", "versus", "between the groups").

A sentence that gives the test of the arms' difference its own p-value ("X rose from 25.9 to 27.3 (P = 0.03) in the
A group only (between-group differences P < 0.19)") is decided by that test: when it is not significant, the change
(significant or not within its arm) is no difference the intervention made against its comparator.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.alone_arms import names_alone_arm
from summarizer.engines.extractive.cues import P_VALUE
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.significance import p_significant

# the start a change is measured from
_START = (
    r"(?:the\s+)?(?:baseline|pre-?treatment|pre-?intervention|pre-?operative|initial|entry)"
    r"(?:\s+(?:data|values?|levels?|measurements?|scores?))?"
)
# the change's reference is the start, or it is said of several groups at once
WITHIN = re.compile(
    r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|than(?:\s+at)?|over)\s+" + _START + r"\b|"
    r"\bwithin[\s\-]+(?:the\s+)?(?:groups?|arms?)\b|"
    r"\b(?:in|for)\s+(?:both|each|all|either)\s+(?:of\s+the\s+)?(?:(?:two|three|four|treatment|study)\s+)?"
    r"(?:groups?|arms?)\b|"
    r"\bboth\s+(?:the\s+)?(?:groups?|arms?)\s+(?:showed|had|demonstrated|experienced|exhibited|achieved|improved|"
    r"increased|decreased|reduced)\b|"
    r"\b(?:in\s+)?the\s+[\w\-+/.]+(?:\s+[\w\-+/.]+){0,3}\s+and\s+[\w\-+/.]+(?:\s+[\w\-+/.]+){0,3}\s+groups\b",
    re.IGNORECASE,
)
# a comparison word whose other side is not the start, a difference or an interaction between groups
_ARMS_COMPARED = (
    r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|than)\s+(?!(?:at\s+)?" + _START + r"\b)|"
    r"\bbetween[\s\-]+(?:the\s+)?(?:(?:two|three|treatment|study)\s+)?(?:groups?|arms?)\b|"
    r"\b(?:inter|between)[\s\-]?group\b|\bgroup\s+differences?\b|\binteraction\b"
)
# the sentence also compares the arms: an explicit comparison, or it names a control arm (or an arm given one
# treatment alone: alone_arms.names_alone_arm, read beside BETWEEN by _compares_the_arms)
BETWEEN = re.compile(
    _ARMS_COMPARED + r"|\b(?:placebo|control|sham|usual\s+care|standard\s+care|untreated)\b", re.IGNORECASE
)
# a change significant in one arm "but not in" another: two tests within the groups
ONE_ARM_ONLY = re.compile(r"\b(?:in|among)\s(?:[^.;]|\.(?=\d))*?\bbut\s+not\s+(?:in|among)\s", re.IGNORECASE)
# an explicit comparison of the arms (a control arm's name is none here: the "but not in" names it)
ARMS_COMPARED = re.compile(_ARMS_COMPARED, re.IGNORECASE)
# the test of the arms' difference, named, with its p-value close after: "(between-group differences P<0.19)", "the
# difference between the groups was not significant (p = 0.4)", "group-by-time interaction, p = 0.3"
_BETWEEN_TEST = re.compile(
    r"\b(?:(?:between|inter)[\s\-]?groups?\s+(?:differences?|comparisons?)|"
    r"(?:differences?|comparisons?)\s+between\s+(?:the\s+)?(?:(?:two|three|treatment|study)\s+)?(?:groups|arms)|"
    r"group\s+differences?|interactions?)\b(?:[^.;]|\.\d){0,40}?" + P_VALUE.pattern,
    re.IGNORECASE,
)
# a difference between the arms affirmed somewhere in the sentence ("but after the treatment a significant
# difference (p = 0.04) was observed"): then a test not significant is another time's or another measure's
_DIFFERENCE_AFFIRMED = re.compile(
    r"\bsignificant(?:ly)?\s+(?:statistical\s+)?differen|\bdiffer(?:s|ed)?\s+significantly"
)
_DENIAL_REACH = 25
_DENIED_BEFORE = re.compile(r"\b(?:no|not|non|without)\b[^.;,]{0,20}$|non-?$")
# cheap gate: a sentence without one of these holds no WITHIN cue
_GATE = ("baseline", "pre", "initial", "entry", "within", "both", "each", "all ", "either", " and ")


def within_groups_only(mention: OutcomeMention) -> bool:
    """Whether a change (increased or decreased) is read in a sentence that measures it within the groups and
    compares no arms: then it is no result of the intervention against its comparator."""
    low = mention.quote.lower()
    if _one_arm_only(mention, low):
        return True
    if mention.change not in ("increased", "decreased"):
        return False
    if _arms_not_different(low):
        return True
    if not any(word in low for word in _GATE):
        return False
    return WITHIN.search(low) is not None and not _compares_the_arms(low)


def _arms_not_different(low: str) -> bool:
    """Whether a lower-cased sentence tests the arms' difference with a p-value (_BETWEEN_TEST), every such test is
    not significant, and no significant difference is affirmed elsewhere in it."""
    if "group" not in low and "interaction" not in low:
        return False
    tests = [p_significant(m.group("op"), float(m.group("value"))) for m in _BETWEEN_TEST.finditer(low)]
    return bool(tests) and not any(tests) and not _difference_affirmed(low)


def _difference_affirmed(low: str) -> bool:
    return any(
        _DENIED_BEFORE.search(low, max(0, m.start() - _DENIAL_REACH), m.start()) is None
        for m in _DIFFERENCE_AFFIRMED.finditer(low)
    )


def _compares_the_arms(low: str) -> bool:
    """Whether a lower-cased sentence compares the arms (BETWEEN) or names an arm given one treatment alone, the
    comparator of the arm that adds another to it ("8.2% in the surgery-alone group")."""
    return BETWEEN.search(low) is not None or names_alone_arm(low)


def _one_arm_only(mention: OutcomeMention, low: str) -> bool:
    """Whether a change or a way ("a significant improvement in X in the A group but not in the B group") is said to
    be significant in one arm but not in another, with no comparison of the arms."""
    read = mention.change in ("increased", "decreased") or mention.direction in ("improved", "worsened")
    return read and ONE_ARM_ONLY.search(low) is not None and ARMS_COMPARED.search(low) is None
