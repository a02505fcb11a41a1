"""A drop or a fall in a measure that a sentence reports: "showed a significant fall in FEV1", "induced a fall in blood
pressure", "the authors observed ..., a drop in viremia after 24 weeks".

"Drop" and "fall" are change nouns as "decrease" is, but each also names something else ("a fall in the last 12
months" is an accident, "eye drops" a form of a drug), so they are read only in a sentence that reports a result: a
verb of finding or of causing before them in their sentence ("showed", "observed", "reported", "induced", "led to",
"there was"). A comparative before the noun says how big it was beside another arm's: "a larger drop in X" is X
lower, "a smaller drop in X" X higher (as held_back_courses reads "a smaller reduction"). Not in a purpose or a
conjecture. A drop denied ("did not show a fall in X") is not read: read as no difference, it gave the one labelled
citing group that holds it (docs/BENCHMARKS.md, s46-citing) a verdict of no benefit, because the benefit its other
sentence reports is not attributed to the treatment; a denial is left unread rather than read into a wrong verdict.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import HYPOTHETICAL, VERB_NEGATED
from summarizer.engines.extractive.outcome_spans import (
    HYPOTHETICAL_CHARS,
    OutcomeMention,
    cut_object,
    mention_at,
    object_pieces,
)
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change

__all__ = ["drop_outcomes"]

_DROP_IN = re.compile(
    r"\b(?:a|an)\s+(?P<size>(?:(?:statistically\s+)?significant|marked|considerable|sharp|rapid|steep|"
    r"substantial|dramatic|greater|larger|smaller|slower|less|slight|small|mean|median|clear|further)\s+)?"
    r"(?P<noun>drop|fall)\s+in\s+"
    r"(?!(?:the\s+)?(?:last|past|first|next|previous|\d))(?:the\s+)?(?P<obj>[a-z][^.;:()\[\]]{1,80})"
)
_SMALLER = frozenset({"smaller", "slower", "less"})
# a verb of finding or of causing before the noun, in its sentence: the drop is a reported result
_REPORTED_BEFORE = re.compile(
    r"\b(?:show(?:s|ed|n)?|observed|found|reported|demonstrated|revealed|noted|documented|recorded|induced|caused|"
    r"produced|resulted\s+in|resulting\s+in|led\s+to|leading\s+to|there\s+(?:was|were))\b"
)


def drop_outcomes(scan: Scan) -> list[OutcomeMention]:
    """The measures a statement reports a drop or a fall in (the module's docstring), each decreased (increased
    after a comparative of less), with what that means for the patient."""
    low = scan.low
    if "drop" not in low and "fall" not in low:
        return []
    mentions: list[OutcomeMention] = []
    for match in _DROP_IN.finditer(low):
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        if _REPORTED_BEFORE.search(before) is None or HYPOTHETICAL.search(before):
            continue
        if VERB_NEGATED.search(low, max(sentence_start, match.start() - 70), match.start("noun")):
            continue  # denied: see the module's docstring
        size = (match.group("size") or "").split()
        change: Change = "increased" if size and size[-1] in _SMALLER else "decreased"
        for start, length in _object_pieces(low, match):
            name = scan.text[start : start + length]
            mentions.append(mention_at(scan, start, length, change, outcome_direction(name, change, scan.res.polarity)))
    return mentions


def _object_pieces(low: str, match: re.Match[str]) -> list[tuple[int, int]]:
    """Where each coordinated measure of the noun's object is named ("a fall in FEV1 and FVC": both)."""
    return object_pieces(low, cut_object(match.group("obj")), match.start("obj"))
