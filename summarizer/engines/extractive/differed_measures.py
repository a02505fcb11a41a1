"""Names the statements name only as what the arms differed in: "no difference in WAZ between intervention and control
groups", "no significant difference between the two treatment groups in ... days on which symptomatic treatment was
taken".

A comparison's "difference(s) in" (or "differed in") takes what was measured as its complement; the arms stand after
"between", "among", "with", "in the ... group". A name inside that complement and after no word that places an arm
is part of the outcome (a score's short form, the rescue treatment counted), not an arm. Where every statement that
names it names it so, the target profile never chooses it as the intervention (target_profile.py): when the
statements name the arms only as "the intervention and control groups", no name is the honest answer.

Not a name the complement gives an arm ("difference in pain in the ketamine group", "difference in favour of X",
"difference in pain between the ketamine and fentanyl groups": after "between"), nor one after "with", "after",
"receiving" (measured_names.ARM_PLACES).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.measured_names import ARM_PLACES, whole_word_places
from summarizer.engines.extractive.short_forms import specific_anchors
from summarizer.engines.extractive.treatment_mention import TreatmentReading

__all__ = ["ARM_AFTER_NAME", "brackets_blanked", "differed_in", "differed_measure_anchors"]

# a difference's noun or verb
_DIFFER = re.compile(r"\bdiffer(?:ence|ences|ed|s|ing)?\b")
# where a sentence ends ("7.0" is no end) or a new clause starts
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)|\b(?:but|whereas|while|although)\b")
# the words that open a difference's complement ("in") or name its arms instead
_COMPLEMENT_WORDS = re.compile(r"\b(?:in|between|among|amongst)\b")
# the words that, anywhere between the complement's "in" and the name, name an arm ("in pain with X", "in patients
# receiving X") ...
_ARM_BETWEEN = frozenset(
    {"between", "among", "versus", "vs", "vs.", "than", "with", "receiving", "given", "using", "after", "following",
     "under", "during"}
)
# an arm named right after the name: "X group(s)", "X arm", "X-treated patients", "X versus Y", "X and the Y groups"
ARM_AFTER_NAME = re.compile(
    r"\s*(?:-?\s*(?:groups?|arms?|cohorts?|treated|recipients|users|patients|subjects|participants|versus|vs|and\s+(?:the\s+)?"
    r"[\w\-]+\s+(?:groups?|arms?)))\b"
)
_IN_FAVOUR = re.compile(r"\bin\s+favou?r\s+of\b")


def differed_measure_anchors(treatments: Sequence[TreatmentReading], texts: Sequence[str]) -> frozenset[str]:
    """The anchors of the names that every statement naming them names only inside a difference's complement
    (differed_in), the treatment readings in the order of their statements' texts."""
    inside: set[str] = set()
    outside: set[str] = set()
    for treatment, text in zip(treatments, texts, strict=False):
        if not treatment.mentions:
            continue
        low = text.lower()
        differs = "differ" in low
        for mention in treatment.mentions:
            measured = differs and differed_in(mention.name.lower(), low)
            (inside if measured else outside).update(specific_anchors(mention.anchors))
    return frozenset(inside - outside)


def differed_in(name: str, text: str) -> bool:
    """Whether every place a (lower-cased) text names a (lower-cased) name, as whole words, stands inside the
    complement of "difference(s) in" / "differed in", after no word that places an arm. False where the text does not
    name it."""
    places = list(whole_word_places(text, name))
    unbracketed = brackets_blanked(text)
    return bool(places) and all(_in_complement(unbracketed, text, name, at) for at in places)


def _in_complement(unbracketed: str, text: str, name: str, at: int) -> bool:
    if unbracketed[at] != text[at]:  # in brackets: the values of each arm ("(1.0 with X versus 0.0 with Y)")
        return False
    clause = _clause_before(unbracketed, at)
    differ = list(_DIFFER.finditer(clause))
    if not differ:
        return False
    after_differ = clause[differ[-1].end() :]
    opening = list(_COMPLEMENT_WORDS.finditer(after_differ))
    if not opening or opening[-1].group() != "in" or _IN_FAVOUR.search(after_differ):
        return False
    between = [word.strip("(),") for word in after_differ[opening[-1].end() :].split()]
    # ... and right before it (ARM_PLACES: "in pain in X", "on X", "for X")
    if not _ARM_BETWEEN.isdisjoint(between) or (between and between[-1] in ARM_PLACES):
        return False
    return ARM_AFTER_NAME.match(text, at + len(name)) is None


def brackets_blanked(text: str) -> str:
    """The text with what brackets hold blanked out, at the same places: a result's values ("(−0.14; 95% CI ...)")
    end no clause."""
    depth, chars = 0, []
    for char in text:
        if char in "([{":
            depth += 1
        chars.append(" " if depth else char)
        if char in ")]}" and depth:
            depth -= 1
    return "".join(chars)


def _clause_before(text: str, at: int) -> str:
    """The text of the clause a place stands in, up to that place."""
    before = text[:at]
    ends = list(_CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before
