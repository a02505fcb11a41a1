"""A significant difference between the arms in a measure, its side said in the clause after it.

Trials often say first that the arms differed in a measure and then, in a clause of the same sentence, which arm had
more or less of it: "there was a significant difference in pain scores between groups, where the nerve block group
had lower scores than the control group", "a significant difference in HbA1c was found between the groups, with
lower values in the intervention group", "a significant difference between the two groups in wound healing time, the
laser group being shorter". The first clause names the measure, the second the side: the measure went the way of the
comparative in the arm it names (the opposite way when that arm is the control). A difference said of no arm, a
difference denied ("no significant difference"), a side said of a time or a subgroup rather than an arm, and a
difference that is the sentence's only clause give no side, and are not read here.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTROL_WORDS, NOT_OUTCOMES
from summarizer.engines.extractive.outcome_spans import OutcomeMention, cut_object, mention_at, pieces, result_reading
from summarizer.engines.extractive.scan import Scan

__all__ = ["sided_differences"]

_COMPARATIVE = r"(?P<word>lower|higher|greater|fewer|less|more|shorter|longer|smaller|larger|better|worse)"
_ARM = r"(?P<arm>(?:the\s+)?(?:[\w\-+/]+\s+){1,3}?(?:groups?|arms?)|groups?\s+[a-z0-9]{1,3})"
# "(a) (statistically) significant difference (was found) (between the groups) in X"
_DIFFERENCE_IN = re.compile(
    r"(?<!no\s)(?<!not\s)\b(?:statistically\s+)?significant\s+differences?\s+(?:was\s+|were\s+)?"
    r"(?:found\s+|observed\s+|seen\s+|noted\s+|detected\s+)?(?:between\s+(?:the\s+)?(?:two\s+|three\s+)?"
    r"(?:groups?|arms?)\s+)?(?:in|for|regarding|in\s+terms\s+of|with\s+respect\s+to)\s+(?:the\s+)?"
    r"(?P<obj>[a-z][^.;:()\[\]]{1,80})"
)
# the side, in the clause after the measure: "where the A group had lower scores", "with the A group having higher
# X", "the A group being shorter", "with lower values in the A group"
_SIDES = (
    re.compile(
        r"(?:,\s*|\s+)(?:(?:where|whereas|with|and)\s+)?" + _ARM + r"\s+(?:patients\s+)?(?:had|having|has|have|showed|"
        r"showing|was|were|being|exhibited|exhibiting|achieved|achieving)\s+(?:a\s+|an\s+)?(?:statistically\s+)?"
        r"(?:significantly\s+)?" + _COMPARATIVE + r"\b"
    ),
    re.compile(
        r"(?:,\s*|\s+)with\s+(?:(?:a|an|the)\s+)?(?:significantly\s+)?" + _COMPARATIVE
        + r"\s+(?:[\w\-]+\s+){0,3}?(?:in|among|for)\s+" + _ARM
    ),
)
# the measure's clause ends at a comma or where the arms it was compared between are named
_CLAUSE_END = re.compile(r",|\s+between\b")
_REACH = 100


def sided_differences(scan: Scan) -> list[OutcomeMention]:
    """The measures a significant difference between the arms is said in, each with the change its side gives the
    intervention (see the module's docstring)."""
    low = scan.low
    if "significant difference" not in low:
        return []
    mentions: list[OutcomeMention] = []
    for match in _DIFFERENCE_IN.finditer(low):
        obj = cut_object(_CLAUSE_END.split(match.group("obj"), 1)[0]).rstrip()
        if not obj or obj in NOT_OUTCOMES:
            continue
        _, sentence_end = scan.sentence_at(match.start())
        side = _side_after(low, match.start("obj") + len(obj), min(sentence_end, match.end() + _REACH))
        if side is None:
            continue
        control = CONTROL_WORDS.search(side.group("arm")) is not None
        for piece_start, piece_end in pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
            change, direction = result_reading(
                scan.text[piece_start:piece_end], side.group("word"), control, scan.res.polarity
            )
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, change, direction))
    return mentions


def _side_after(low: str, start: int, end: int) -> re.Match[str] | None:
    """The clause that says which arm had more or less of the measure, after it and within its sentence."""
    for at in range(start, end):
        if not (at == start or low[at - 1] in " ,)"):
            continue
        side = _SIDES[0].match(low, at, end) or _SIDES[1].match(low, at, end)
        if side is not None:
            between = low[start:at]
            return side if ";" not in between and " but " not in between else None
    return None
