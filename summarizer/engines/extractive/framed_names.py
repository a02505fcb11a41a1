"""Names the grammar alone says were tested as a treatment, whatever the word lists or the PICO reader make of them.

Citing papers often name the cited trial's intervention only as the object of a word that is said of nothing but
something given: "confirms the efficacy of FREMS in reducing pain", "the effectiveness of X for Y", "the superiority
of X over Y", "the addition of X to Y". An efficacy, a superiority or an addition is always a treatment's, so the noun
phrase after "of" names what was given even when it is a short form no list holds and the PICO reader does not tag
it. These spans join the PICO reader's in the profile's learned path (target_profile.py, only when the word lists
find no intervention); the learned path trims them to a name (treatments.py) and reads their frame
(treatment_frames.named_as_tested: "the efficacy of X"), and the same rules decide whether one is the intervention.
A name marked as a trade mark ("the Zorvex™ mask", "Dentasol®") is a product's, often a trial's device or
preparation that no list holds: it joins them too, and its frame and the outcome check decide as for the others
(software and questionnaires are marked so as well).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.engines.extractive.treatment_names import GIVEN_OF, STOP_BEFORE

__all__ = ["NameSpan", "framed_name_spans"]


class NameSpan(NamedTuple):
    """A name's characters in a statement (as a PICO span has them)."""

    start: int
    end: int


# the words said only of something given (treatment_names.GIVEN_OF), then "of", an article, and a dose given "of" it
# ("the superiority of 2.0 ml/kg of hypertonic saline"); the name is the run of words that follows
_FRAMED = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, GIVEN_OF), key=len, reverse=True)) + r")\s+of\s+"
    r"(?:(?:the|a|an)\s+)?(?:\d[\d.,]*\s*\S+\s+of\s+)?(?P<name>[^\s,;:()\[\].]+(?:[ \t]+[^\s,;:()\[\].]+){0,3})",
    re.IGNORECASE,
)
# a name as the subject of a passive verb of giving: "MV-CEA was given i.p. to patients", "6 cycles of X were
# administered"; the name is the run of up to three words right before the verb's auxiliary
_GIVEN_VERBS = ("given", "administered", "injected", "infused")
_GIVEN_VERB = re.compile(
    r"\s(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:" + "|".join(_GIVEN_VERBS) + r")\b", re.IGNORECASE
)
# the words right before the auxiliary (read backwards from it), up to punctuation that breaks a phrase
_WORDS_BEFORE = re.compile(r"(?:[^\s,;:()\[\]]+[ \t]+){0,2}[^\s,;:()\[\]]+\Z")
_NAME_REACH = 80
# a name joined by a hyphen to a participle that says it was given ("zelmoritide-treated patients"), or to one that
# says it caused the harms named next ("GH-associated side effects", "X-related adverse events"): side effects and
# adverse events are a treatment's; the name is the word before the hyphen
_HARMS = r"(?:side[\s-]effects?|adverse\s+(?:events?|effects?|reactions?)|toxicit(?:y|ies))"
_HYPHENED = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z][\w]*(?:-\d+)?)-(?:treated\b|(?:associated|related|induced)\s+" + _HARMS + r")",
    re.IGNORECASE,
)
# a name whose effect the possessive says was good ("PIO's beneficial effect on insulin action", "X's protective
# effects"): "beneficial", "therapeutic" and "protective" are said of something given
_POSSESSED_EFFECT = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z][\w-]*)['’]s\s+(?:beneficial|therapeutic|protective)\s+effects?\b",
    re.IGNORECASE,
)
# a product's name marked as a trade mark ("the Zorvex™ mask", "Dentasol®"): up to three words before the sign, each
# with a capital or a digit (a product's name is a proper name); the sign is no part of the name
_TRADE_MARKED = re.compile(r"(?P<name>(?:[A-Z0-9][^\s,;:()\[\]®™]*[ \t]+){0,2}[A-Z0-9][^\s,;:()\[\]®™]*)[®™]")
# a word that ends the name: a function word ("in", "over", "for", "to"), or a verb's form in -ing ("in reducing")
_ENDS_NAME = STOP_BEFORE | frozenset({"versus", "vs", "compared", "than", "over", "and", "or"})


def framed_name_spans(text: str) -> list[NameSpan]:
    """The spans of the names after "the efficacy of", "the effectiveness of", "the superiority of", "the addition
    of" (GIVEN_OF) in a statement, each cut at the first function word or -ing form; none when no such word is said."""
    low = text.lower()
    spans = []
    if " of " in low and any(word in low for word in GIVEN_OF):
        for match in _FRAMED.finditer(text):
            start = end = match.start("name")
            for word in re.finditer(r"\S+", match.group("name")):
                bare = word.group().lower()
                if bare in _ENDS_NAME or bare.endswith("ing"):
                    break
                end = match.start("name") + word.end()
            if end > start:
                spans.append(NameSpan(start, end))
    if any(verb in low for verb in _GIVEN_VERBS):
        spans.extend(_given_name_spans(text))
    if "-treated" in low or "-associated" in low or "-related" in low or "-induced" in low:
        spans.extend(NameSpan(m.start("name"), m.end("name")) for m in _HYPHENED.finditer(text))
    if "®" in text or "™" in text:
        spans.extend(NameSpan(m.start("name"), m.end("name")) for m in _TRADE_MARKED.finditer(text))
    if "s beneficial" in low or "s therapeutic" in low or "s protective" in low:
        spans.extend(NameSpan(m.start("name"), m.end("name")) for m in _POSSESSED_EFFECT.finditer(text))
    return spans


def _given_name_spans(text: str) -> list[NameSpan]:
    """The spans of the names a passive verb of giving has as its subject ("X was given to patients"): the words
    right before the auxiliary, back to the first function word ("6 cycles of X were given": X)."""
    spans = []
    for verb in _GIVEN_VERB.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, verb.start() - _NAME_REACH), verb.start())
        if before is None:
            continue
        end = start = before.end()
        for word in reversed(list(re.finditer(r"\S+", before.group()))):
            bare = word.group().lower()
            if bare in _ENDS_NAME or bare.endswith("ing") or not any(c.isalpha() for c in bare):
                break
            start = before.start() + word.start()
        if end > start:
            spans.append(NameSpan(start, end))
    return spans
