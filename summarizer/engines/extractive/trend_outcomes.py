"""A trend a sentence reports in a measure: "there was a trend toward a shorter median time to treatment failure",
"showed a trend towards a less frequent glucose infusion", "a trend of higher infection rates ..., however not
significant"; and as a verb, in the past: "X tended to be lower in the A group than in the B group", "X tended to
decrease", "A tended to decrease X".

A trend is how a result that did not reach significance is reported: the measure is named after a comparative
("toward lower X"), and the arms did not differ in it, whichever way the trend ran. The comparative is not part of
the measure's name: "shorter median time to treatment failure" is "median time to treatment failure". A trend said
to be significant ("a significant trend toward lower X": a test for trend across doses) is a result of another
kind and is not read here, nor is a trend in a purpose or a conjecture ("to test for a trend toward ..."). "Tends
to" in the present says what is usual ("costs tend to be higher in these patients"), not what a trial found: only
"tended" is read. The measure of "tended to be lower" is its subject; of "tended to decrease" its object where a noun
phrase follows the verb ("prednisolone tended to decrease lipolysis"), else its subject ("pain tended to decrease
in the active group").
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import HYPOTHETICAL
from summarizer.engines.extractive.outcome_spans import (
    HYPOTHETICAL_CHARS,
    OutcomeMention,
    cut_object,
    mention_at,
    object_pieces,
    outcome_words,
    pieces,
    subject_before,
)
from summarizer.engines.extractive.scan import Scan

__all__ = ["trend_outcomes"]

_COMPARATIVES = (
    r"higher|lower|greater|fewer|more|less|increased|decreased|reduced|improved|better|worse|smaller|larger|"
    r"shorter|longer|faster|slower|earlier|later|elevated|diminished"
)
# "a trend towards a less frequent X": how often, said of the measure X
_HOW_OFTEN = r"(?:frequent|common|severe|intense|pronounced|rapid)"
# "a trend for a better efficacy of X in Y": a judgement of the treatment, not a measure
_NOT_A_MEASURE = r"(?:efficacy|effect|effects|effectiveness|benefit|outcomes?|results?)\b"
_TREND_TOWARD = re.compile(
    r"\b(?P<trend>trends?|tendency|tendencies)\s+(?:of|to|toward|towards|for)\s+(?:a\s+|an\s+)?"
    r"(?:(?:slightly|somewhat|marginally|modestly|non-?significantly)\s+)?"
    rf"(?:{_COMPARATIVES})\s+(?:{_HOW_OFTEN}\s+)?(?!than\b|in\b|among\b|with\b|for\b|at\b|after\b|{_NOT_A_MEASURE})"
    r"(?P<obj>[a-z][^.,;:()\[\]]{1,80})"
)
# what follows "for" or "versus" in the object is the arm or dose it was seen in ("increased bronchodilation for all
# doses of A versus B"), not part of the measure
_OBJECT_END = re.compile(r"\s+(?:for|versus|vs|compared|than|among|between|after|during|at|with|in)\b.*$")
_CHANGE_VERBS = r"increase|decrease|rise|fall|decline|drop|improve|worsen|reduce|lower"
_TENDED_TO = re.compile(
    r"\s+tended\s+to\s+(?:(?P<be>be)\s+(?:\w+ly\s+)?(?:" + _COMPARATIVES + r")|(?P<verb>" + _CHANGE_VERBS + r"))\b"
)
# what follows a verb that is no object of it: where, when, by how much, a comparison or an adverb
_NO_OBJECT = re.compile(
    r"\s*(?:$|[,;.(]|(?:in|among|with|for|at|after|during|over|from|by|to|than|compared|versus|vs|between|slightly|"
    r"somewhat|significantly|only|further|more|less|but|and|although|though|while|whereas|when|as)\b)"
)
# "whether X tended to ...": a question, its subject between
_ASKED = re.compile(r"\b(?:whether|if)\b")
# the words up to a bracket or a clause's punctuation
_PHRASE = re.compile(r"[^.,;:()\[\]]{1,80}")
# a subject of one word cut before its complement ("the need | for operative interventions (i.e. ...) tended to be
# lower"): the head alone names no measure (a longer one is named before the arm it was measured in: "the response
# rate | for the vaccine group")
_COMPLEMENT_CUT = re.compile(r"\s+(?:for|of)\b")
# "a significant trend toward X": significance claimed for the trend itself (not denied before it)
_SIGNIFICANT_TREND = re.compile(r"(?<!non)(?<!non-)(?<!in)significant\s+(?:linear\s+)?$")
_DENIED = re.compile(r"\b(?:no|not|without)\s+(?:\w+\s+){0,3}$")


def trend_outcomes(scan: Scan) -> list[OutcomeMention]:
    """The measures a statement reports a trend in, or says tended to change, each with no difference between the
    arms (the module's docstring)."""
    if "tend" not in scan.low and "trend" not in scan.low:
        return []
    return [*_trend_nouns(scan), *_tended(scan)]


def _trend_nouns(scan: Scan) -> list[OutcomeMention]:
    low = scan.low
    mentions: list[OutcomeMention] = []
    for match in _TREND_TOWARD.finditer(low):
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        if HYPOTHETICAL.search(before) or _SIGNIFICANT_TREND.search(before) or _DENIED.search(before[-30:]):
            continue
        for start, length in _object_pieces(low, match):
            mentions.append(mention_at(scan, start, length, "no_difference", "no_difference"))
    return mentions


def _tended(scan: Scan) -> list[OutcomeMention]:
    low = scan.low
    mentions: list[OutcomeMention] = []
    for match in _TENDED_TO.finditer(low):
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        if HYPOTHETICAL.search(before) or _ASKED.search(before):
            continue
        found = _tended_object(low, match.end()) if match.group("verb") else None
        if found is None:
            span = subject_before(scan, match.start(), long_heads=True, compared=True)
            found = pieces(low, span) if span is not None else []
        for start, end in found:
            if " " in low[start:end].strip() or not _COMPLEMENT_CUT.match(low, end):
                mentions.append(mention_at(scan, start, end - start, "no_difference", "no_difference"))
    return mentions


def _tended_object(low: str, at: int) -> list[tuple[int, int]] | None:
    """Where each measure of a change verb's object is named, as (start, end); None when the verb has no object."""
    if _NO_OBJECT.match(low, at):
        return None
    phrase = _PHRASE.match(low, at)
    obj = _OBJECT_END.sub("", cut_object(phrase.group())) if phrase else ""
    name = " ".join(outcome_words(obj)) if obj.strip() else ""
    start = low.find(name, at) if name else -1
    return pieces(low, (start, start + len(name))) if start >= 0 else None


def _object_pieces(low: str, match: re.Match[str]) -> list[tuple[int, int]]:
    """Where each coordinated measure of the trend's object is named."""
    return object_pieces(low, _OBJECT_END.sub("", cut_object(match.group("obj"))), match.start("obj"))
