"""Sentences and clauses that name an outcome with a result word but report no result of the treatment: a power
calculation or a modelling assumption ("80% power to detect a 20% reduction in mortality", "we assumed a reduction
of 15% in X"), which states what was planned or supposed, and a comparison of the arms before the treatment ("at
baseline, X was similar in both groups", "before induction, MAP was similar"), which says the groups were alike, not
that the treatment made no difference."""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTRAST
from summarizer.engines.extractive.scan import Scan

# the cheap word check before any planned-sentence scan
_PLANNED_WORDS = ("power", "assum")
# a power calculation or an assumption of a model: the sentence states what was supposed, not what was found
PLANNED = re.compile(
    r"\b\d{1,3}(?:\.\d+)?\s*%\s*(?:statistical\s+)?power\b|\bpower\s+(?:of|=)\s*(?:0?\.\d|\d{1,3}\s*%)"
    r"|\b(?:powered|power)\s+to\s+detect\b|\b(?:we|was|were|is|are|be|been)\s+assumed\b|\bassuming\s+(?:a|an|that)\b"
)
# the cheap word check before any before-treatment scan
_BEFORE_WORDS = ("baseline", "before", "entry", "randomi", "admission", "time of")
# a time before the treatment the comparison is said at; not "from baseline" (a change since then, a result)
BEFORE_TREATMENT = re.compile(
    r"(?<!than )(?<!from )(?<!that )(?<!with )(?<!to )\b(?:at|on)\s+(?:the\s+)?"
    r"(?:baseline|(?:study\s+)?entry|randomi[sz]ation|admission|enrol?ment)\b"
    r"|\bbaseline\s+(?:characteristics|values?|levels?|data)\b"
    # "the largest follicle at the time of treatment did not differ": measured when the treatment was given
    r"|\bat\s+the\s+time\s+of\s+(?:the\s+)?(?:treatment|randomi[sz]ation|enrol?ment|inclusion|allocation)\b"
    r"|\bbefore\s+(?:the\s+)?(?:induction|randomi[sz]ation|enrol?ment|the\s+start|starting|initiation|allocation)\b"
)
# a later time in the same clause: the comparison is (also) of after the treatment, a result
_LATER = re.compile(
    r"\b(?:after|post|end|follow[\s\-]?up|months?|weeks?|days?|hours?|years?|discharge|thereafter|later)\b"
)


def planned_sentences(scan: Scan) -> set[int]:
    """The sentences that state a power calculation or an assumption (PLANNED): an outcome in them is no result."""
    if not any(word in scan.low for word in _PLANNED_WORDS):
        return set()
    return {i for i, (start, end) in enumerate(scan.sentences()) if PLANNED.search(scan.low, start, end)}


def before_treatment(scan: Scan, pos: int) -> bool:
    """Whether the clause at pos (between the contrasts around it, cues.CONTRAST) compares the arms at a time before
    the treatment (BEFORE_TREATMENT) and at no later one."""
    low = scan.low
    if not any(word in low for word in _BEFORE_WORDS):
        return False
    start, end = scan.sentence_at(pos)
    before = [m.end() for m in CONTRAST.finditer(low, start, pos)]
    after = CONTRAST.search(low, pos, end)
    lo, hi = (before[-1] if before else start), (after.start() if after else end)
    return BEFORE_TREATMENT.search(low, lo, hi) is not None and _LATER.search(low, lo, hi) is None
