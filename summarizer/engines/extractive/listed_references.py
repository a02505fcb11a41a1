"""The intervention named as a later arm of a list that another arm is compared against.

A trial of three arms or more often sets one arm against the others in one clause: "dropout was higher with A (74%)
than with B (67%) or C (70%)", "scores improved more in the A group compared with the B, C and D groups". The
change the sentence reads is A's; the arms after "than" or "compared with" are what A is compared against, every one
of them, not only the first. The treatment reader (treatment_frames.as_reference) marks a name as such a reference
when the words before it reach the reference word within its clause, and stops at a comma: the comma between the
listed arms, or one inside an arm's parenthesised figures ("B (414/620, 67%) or C"), leaves the later arms
unmarked, and their change is then read as their own.

Here the clause after the reference word is read with its parentheses set aside, its listed arms split at commas and
at "and" / "or", and the intervention is a listed reference when one of the later arms names it, no arm before the
reference word does, and that arm is not the control (a sentence whose compared arm is the control, "higher with
placebo than with B or X", is already turned round by the outcome reader, outcomes.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summarizer.engines.extractive.cues import CONTROL_WORDS

__all__ = ["named_as_listed_reference"]

# the word that makes what follows it the reference of a comparison (not "rather than", "other than", nor "than" before
# a number: "more than 50%")
_REFERENCE = re.compile(
    r"\b(?:compared\s+(?:with|to)|(?<!rather\s)(?<!other\s)than|versus|vs\.?|relative\s+to)\s+(?![\d.,]+\b)",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# where the clause of the listed arms ends, once their parentheses are set aside
_CLAUSE_END = re.compile(
    r"[;:]|\.(?:\s|$)|,\s*(?:which|where|whereas|while|but|with|and\s+(?:the|this|these|that|it))\b|"
    r"\b(?:was|were|is|are|has|have|had|did|do|does|showed|shown|resulting|giving|indicating|suggesting)\b",
    re.IGNORECASE,
)
# an arm's name is a short noun phrase: a longer item is no arm, and the list ends before it
ARM_WORDS = 6
# another arm named before the reference word: one assigned, given or received, the X group or arm, or a name with a
# capital after "with", "in" or "for" ("higher with MoodGYM than with A or B"); not a fronted "compared with
# baseline, X and Y reduced ...", which names no arm before it
_ARM_BEFORE = re.compile(
    r"\b(?:assigned|allocated|randomi[sz]ed)\s+to\s+\S|\b(?:receiving|received|given|treated\s+with|using)\s+\S|"
    r"\b(?:with|in|for|among|after)\s+(?:the\s+)?(?:[\w\-+/]+\s+){1,3}(?:groups?|arms?|conditions?)\b|"
    r"\b(?:with|in|for|after)\s+(?:the\s+)?[\w\-+/]*[A-Z][\w\-+/]*"
)
_LIST_BREAK = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+", re.IGNORECASE)


def named_as_listed_reference(sentence: str, named_in: Callable[[str], bool], other_arms: Sequence[str]) -> bool:
    """Whether a sentence names the intervention (named_in: whether words name it) only as a later arm of the list
    after its first reference word, with another arm named before that word (one of other_arms, the names of the
    sentence's other treatments, or by _ARM_BEFORE) and no control there."""
    reference = _REFERENCE.search(sentence)
    if reference is None:
        return False
    before = sentence[: reference.start()]
    if named_in(before) or CONTROL_WORDS.search(before.lower()) is not None:
        return False
    if not any(arm and arm in before for arm in other_arms) and _ARM_BEFORE.search(before) is None:
        return False
    after = _PARENTHESES.sub(" ", _PARENTHESES.sub(" ", sentence[reference.end() :]))
    end = _CLAUSE_END.search(after)
    arms = []
    for arm in _LIST_BREAK.split(after[: end.start() if end else len(after)]):
        if len(arm.split()) > ARM_WORDS:
            break
        if arm.strip():
            arms.append(arm)
    return len(arms) > 1 and not named_in(arms[0]) and any(named_in(arm) for arm in arms[1:])
