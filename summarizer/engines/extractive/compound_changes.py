"""A change noun after the measure it changed, in a result: "was associated with ALT and AST improvement", "led to a
further ICP reduction", "showed hearing improvement", "produced greater pain reductions than placebo".

English puts a measure before its change noun as a modifier ("weight reduction" is a reduction in weight). After a
verb of causing, finding or association the compound reports a result, as "a reduction in X" does after one: the
measure (or each measure of a list, "ALT, AST and GGT improvement") changed the way the noun says. Words that only
grade the change ("significant", "further", "greater", "marked") are no part of the measure, and a compound whose
noun opens its own object ("an improvement in X", "a reduction of X") is left to outcomes._verb_outcomes. A change
said of each arm alike ("similar pain reductions") is no difference; a denied one ("did not lead to a weight
reduction") is no difference too. A measure must be a noun phrase: a word of grade, time or people, or an adjective
closing it ("showed clinical improvement", "marked improvements"), reads nothing. Not in a purpose or a conjecture.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import HYPOTHETICAL, NOT_OUTCOMES, VERB_NEGATED
from summarizer.engines.extractive.outcome_spans import HYPOTHETICAL_CHARS, OutcomeMention, mention_at
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change, Direction

__all__ = ["compound_change_outcomes"]

_LEAD = (
    r"associated\s+with|result(?:s|ed)?\s+in|lead(?:s)?\s+to|led\s+to|leading\s+to|show(?:s|ed)?|produc(?:es|ed)|"
    r"caus(?:es|ed)|induc(?:es|ed)|achiev(?:es|ed)|observed|reported|demonstrated|experienced"
)
_GRADE = (
    r"an?|the|statistically|significant|significantly|marked|markedly|greater|larger|further|substantial|"
    r"considerable|clear|clinically|meaningful|relevant|mean|median|similar|comparable|modest|slight|small|"
    r"additional|early|rapid|sustained|overall|dramatic|important|moderate|remarkable|great|large|higher|more"
)
_NOUNS = {"improvement": "improved", "reduction": "decreased", "decrease": "decreased", "increase": "increased",
          "gain": "increased", "decline": "decreased"}
# the letters _LEAD's verbs open with: where a word opens with none, no verb of it starts
_LEAD_FIRST_LETTERS = "".join(sorted({verb[0] for verb in _LEAD.split("|")}))
COMPOUND_CHANGE = re.compile(
    # a verb, not a participle before a noun ("antipsychotic-induced weight gain", "the achieved reduction"); the
    # word's start and its first letter tested first, the look behind only then (the same place, sooner rejected)
    r"\b(?=[" + _LEAD_FIRST_LETTERS + r"])(?<!-)(?<!\bof\s)(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?:" + _LEAD
    + r")\s+(?P<grade>(?:(?:" + _GRADE + r")\s+)*)"
    # the measure: up to four words, or a list of them ("ALT, AST, and GGT")
    r"(?P<measure>[a-z0-9][\w\-+/']*(?:(?:\s+|,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[a-z0-9][\w\-+/']*){0,9}?)\s+"
    r"(?P<noun>improvement|reduction|decrease|increase|gain|decline)s?\b"
    # "an improvement in X" opens its own object (not "a weight reduction in the first month": a time)
    r"(?!\s+(?:of|from|on|to|was|were|is|are|by|has|had)\b|\s+in\s+(?!(?:the\s+)?(?:first|second|third|last|past|"
    r"next|following|initial|early|late|subsequent)\b))"
)
# words that cannot be part of a measure named before its change noun (a verb, a grade, a person, a time)
_NOT_MEASURE = frozenset({
    "a", "an", "the", "in", "of", "with", "by", "for", "to", "at", "on", "from", "after", "than", "this", "that",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "not", "no", "both", "all", "each", "patients",
    "group", "groups", "subjects", "participants", "treatment", "therapy", "time", "week", "weeks", "month",
    "months", "year", "years", "day", "days", "baseline", "significant", "nonsignificant", "greater", "further",
    "dose", "doses", "its", "their", "his", "her", "between", "correlation", "such", "large", "better", "earlier",
    "worse", "slight", "very", "small", "adequate", "sufficient", "optimal", "some", "any", "more", "less",
})
# endings of adjectives and participles ("clinical", "symptomatic", "cognitive", "sustainable", "marked"): a grade or
# a kind of change, not a measure
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ble", "ute", "ed", "ar")
# a later item of a list that opens with a grade of its own ("permanent", "transient", "significant") is its own
# phrase, and the compound's change noun is not shared by the items before it
_GRADE_ENDINGS = ("ent", "ant")
# a size or a time, not a measure: "2-fold", "12", "baseline-to-week"
_SIZE_OR_TIME = re.compile(r"^\d+(?:[.,]\d+)?$|-fold$|baseline|week|month")
_SAID_OF_EACH = frozenset({"similar", "comparable"})
_LIST_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# cheap gates before COMPOUND_CHANGE, which tries its verbs at every character: a change noun as a whole word ("an
# increase", not "increased"), and a stem of one of the verbs before it (_LEAD)
_NOUN_WORD = re.compile(r"(?:improvement|reduction|decrease|increase|gain|decline)s?\b")
_LEAD_STEMS = ("associated", "result", "lead", "led", "show", "produc", "caus", "induc", "achiev", "observed",
               "reported", "demonstrated", "experienced")


def compound_change_outcomes(scan: Scan) -> list[OutcomeMention]:
    """The measures a statement reports changed by a compound change noun (the module's docstring)."""
    low = scan.low
    if not _may_hold_a_compound(low):
        return []
    mentions: list[OutcomeMention] = []
    for match in COMPOUND_CHANGE.finditer(low):
        sentence_start = scan.sentence_at(match.start())[0]
        if HYPOTHETICAL.search(low, max(sentence_start, match.start() - HYPOTHETICAL_CHARS), match.start()):
            continue
        reading = _reading(low, sentence_start, match)
        for start, length in _measures(low, match):
            change, direction = reading
            if direction is None:
                direction = outcome_direction(scan.text[start : start + length], change, scan.res.polarity)
            mentions.append(mention_at(scan, start, length, change, direction))
    return mentions


def _may_hold_a_compound(low: str) -> bool:
    """Whether a text holds what every COMPOUND_CHANGE match does: a change noun as a word, and a verb's stem."""
    return (
        any(noun in low for noun in _NOUNS)
        and _NOUN_WORD.search(low) is not None
        and any(stem in low for stem in _LEAD_STEMS)
    )


def _reading(low: str, sentence_start: int, match: re.Match[str]) -> tuple[Change, Direction | None]:
    """The change the noun says (no difference when denied or said of each arm alike), and its direction where the
    noun gives it (an improvement), else None (the measure's polarity decides)."""
    grade = set(match.group("grade").split())
    denied = VERB_NEGATED.search(low, max(sentence_start, match.start() - 70), match.start("grade")) is not None
    if denied or not grade.isdisjoint(_SAID_OF_EACH):
        return "no_difference", "no_difference"
    label = _NOUNS[match.group("noun")]
    if label == "improved":
        return "unclear", "improved"
    return ("increased" if label == "increased" else "decreased"), None


def _measures(low: str, match: re.Match[str]) -> list[tuple[int, int]]:
    """Where each measure of the compound is named: every item of a list, each a noun phrase of the measure's
    words only (none when a word is not one: "showed that treatment improvement")."""
    found: list[tuple[int, int]] = []
    start = match.start("measure")
    text = match.group("measure")
    pos = 0
    items = _LIST_SPLIT.split(text)
    if any(item.split()[0].endswith(_GRADE_ENDINGS) for item in items[1:] if item.strip()):
        return []  # "IgA deficiency and permanent IgE increase": the last item, graded, is a phrase of its own
    for item in items:
        words = item.split()
        if not words or not _NOT_MEASURE.isdisjoint(words) or any(w.endswith("ly") for w in words) or (
            words[-1].endswith(_ADJECTIVE_ENDINGS) or words[0].endswith("ed")
            or any(_SIZE_OR_TIME.search(w) for w in words)
        ):
            return []
        at = text.find(item, pos)
        pos = at + len(item)
        if item in NOT_OUTCOMES or len(item) < 2:
            return []
        found.append((start + at, len(item)))
    return found
