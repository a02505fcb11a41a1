"""What the control arm was given: "the control group received paracetamol" names the comparator, not the intervention.

A trial with an active control says what its control arm had in the same words as what the tested arm had: "the
control group received X", "patients in the comparison arm were given X", "the usual care group was treated with
X". The treatment so named is the comparator's, and the profile never chooses it as the intervention
(target_profile.py), unless the statements also name it as what the tested arm received ("the intervention group
received X"): then the arms share it (a background treatment both had) and the wording says nothing about which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["control_arm_anchors"]

# an arm, then a verb of giving, then what it was given (up to a clause's end, "and", "while", a bracket or a number)
_ARM = r"(?P<arm>\w+)\s+(?:group|arm)s?\s+(?:patients\s+)?"
_GIVEN = r"(?:received|receiving|got|(?:was|were)\s+(?:given|treated\s+with|administered|assigned\s+to))\s+"
_STOP = r"(?!(?:and|or|while|whereas|for|at|in|with|plus)\b)"
_WHAT = r"(?:the\s+|a\s+|an\s+)?(?P<what>[A-Za-z][\w\-]*(?:\s+" + _STOP + r"[A-Za-z][\w\-]*){0,3})"
_ARM_GIVEN = re.compile(_ARM + _GIVEN + _WHAT, re.IGNORECASE)
# the words that name the control arm, and those that name the tested arm
CONTROL_ARMS = frozenset({"control", "comparison", "placebo", "reference"})
TESTED_ARMS = frozenset({"intervention", "experimental", "treatment", "study", "active"})


def control_arm_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words (anchors_of: a name's treatment anchors) of what the statements say the control arm was
    given, less those they say the tested arm was given too."""
    control: set[str] = set()
    tested: set[str] = set()
    for text in texts:
        if " group" not in text and " arm" not in text:
            continue
        for match in _ARM_GIVEN.finditer(text):
            arm = match.group("arm").lower()
            if arm in CONTROL_ARMS:
                control.update(anchors_of(match.group("what")))
            elif arm in TESTED_ARMS:
                tested.update(anchors_of(match.group("what")))
    return frozenset(control - tested)
