"""An effect of a treatment on a measure, said with a word that judges it: "a beneficial effect of X on Y", "protective
effects of X on Y have been shown", "no significant effect of X on Y".

The judging word says which way Y went for the patient: beneficial, positive, favourable, protective or therapeutic
is Y improved; harmful, detrimental, deleterious or adverse is Y worsened; "no (significant) effect" is no
difference. "A significant effect" alone says no way, and is not read. A conjecture or a view is no finding ("have
suggested a beneficial effect", "a possible protective effect", "may have a beneficial effect"), nor a purpose ("to
assess the beneficial effect of X on Y").
"""

from __future__ import annotations

import re

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import HYPOTHETICAL, OBJ_CUT
from summarizer.engines.extractive.outcome_spans import OutcomeMention, mention_at
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change, Direction

__all__ = ["effect_outcomes"]

_GOOD = r"beneficial|positive|favou?rable|protective|therapeutic"
_BAD = r"harmful|detrimental|deleterious|adverse|negative"
EFFECT_ON = re.compile(
    r"\b(?P<no>no\s+(?:(?:statistically\s+)?significant\s+|clear\s+|measurable\s+)?(?:(?:" + _GOOD + r")\s+)?)?"
    r"(?:(?:statistically\s+)?significant(?:ly)?\s+|clear\s+|marked\s+|strong\s+)?"
    r"(?:(?P<good>" + _GOOD + r")|(?P<bad>" + _BAD + r"))?\s*"
    r"effects?\s+of\s+(?P<treatment>[^.;:()\[\]]{1,60}?)\s+on\s+(?P<rest>[^.;:()\[\]]+)"
)
# a head that names how the measure was taken, not the measure: "on changes in body weight", "on levels of IL-6"
_MEASURE_HEAD = re.compile(r"(?:the\s+)?(?:changes?|levels?|values?)\s+(?:in|of)\s+")
# where the measure's name ends: a verb of the clause, a place, people or a time after it
_NAME_END = re.compile(
    r"\s+(?:(?:has|have|had|was|were|is|are|been|be)\b|(?:in|among|with|at|after|during|over|compared|versus|vs|than|"
    r"and\s+(?:on|in)|when|which|that|who)\b)|\s*,"
)
# the effect denied after its measure: "a beneficial effect of X on Y was not found"
_DENIED_AFTER = re.compile(r"[^.;:]{0,40}?\b(?:(?:was|were|is|are|has|have|had)\s+(?:been\s+)?(?:not|never)|"
                           r"(?:could|did|does|do)\s+not|failed\s+to|not\s+(?:been\s+)?(?:found|shown|seen|observed))\b")
# a view, a guess or a question, anywhere in the effect's sentence: no finding ("beneficial effects of X on Y were
# evaluated", "is believed to be due to")
_CONJECTURE = re.compile(
    r"\b(?:suggest\w*|believ\w*|possibl[ey]|potential(?:ly)?|putative|presum\w*|speculat\w*|thought|assess\w*|"
    r"evaluat\w*|examin\w*|investigat\w*|explor\w*|whether|unclear|unknown)\b"
)


def effect_outcomes(scan: Scan) -> list[OutcomeMention]:
    """The measures a statement says a treatment had a judged effect on, each improved, worsened or not different
    by the judging word (the module's docstring); none in a conjecture, a view or a purpose."""
    if "effect" not in scan.low:
        return []
    mentions: list[OutcomeMention] = []
    for match in EFFECT_ON.finditer(scan.low):
        reading = _reading(match)
        if reading is None or _conjectured_or_not_in_people(scan, match.start()):
            continue
        head = _MEASURE_HEAD.match(scan.low, match.start("rest"))
        rest_start = match.start("rest") if head is None else head.end()
        name = _measure_name(scan.low[rest_start : match.end("rest")])
        if name and not (match.group("no") is None and _DENIED_AFTER.match(scan.low, rest_start + len(name))):
            mentions.append(mention_at(scan, rest_start, len(name), *reading))
    return mentions


def _reading(match: re.Match[str]) -> tuple[Change, Direction] | None:
    if match.group("no"):
        return None if match.group("bad") else ("no_difference", "no_difference")
    if match.group("good"):
        return ("unclear", "improved")
    if match.group("bad"):
        return ("unclear", "worsened")
    return None


def _conjectured_or_not_in_people(scan: Scan, pos: int) -> bool:
    sentence = scan.sentence_text(pos)
    low = sentence.lower()
    before = scan.low[scan.sentence_at(pos)[0] : pos]
    return (_CONJECTURE.search(low) is not None or HYPOTHETICAL.search(before) is not None
            or about_animals_or_cells(sentence))


def _measure_name(rest: str) -> str:
    end = _NAME_END.search(rest)
    name = rest[: end.start()] if end is not None else rest
    return OBJ_CUT.sub("", name).strip()
