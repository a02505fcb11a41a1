"""A treatment named in a statement: the mention and the statement's reading of its treatments (the types
treatments.py fills and target_profile.py adds up), and the words that say which treatment a name is (its
anchors: a treatment word's class, or the name's identifying words, singular)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from summarizer.engines.extractive.per_word import shared_table
from summarizer.engines.extractive.treatment_names import (
    CAUSE_SUFFIX,
    GENERIC_MODIFIERS,
    HEAD_CLASS,
    LIFESTYLE_CLASSES,
    NOT_PROCEDURES,
    PROCEDURE_SUFFIXES,
    TRAILING_PUNCT,
    TREATMENT_CLASSES,
    WEIGHT_PHRASE,
    anchor_form,
    is_name_word,
)

__all__ = [
    "TreatmentMention",
    "TreatmentReading",
    "anchor_words",
    "head_class",
    "is_given_class",
    "name_anchors",
    "singular",
]


# Named tuples rather than dataclasses: readings travel back from the worker processes, and tuples of ints unpickle
# several times faster than frozen dataclasses holding frozensets.
class TreatmentMention(NamedTuple):
    """A treatment named in a statement: its exact text, the words that identify it, and its frame."""

    name: str
    anchors: tuple[str, ...]
    sentence: int
    therapy_frame: bool
    exposure_frame: bool
    # who the patients were, not what was tested: "patients under metformin", "subjected to ostectomy"
    population_frame: bool = False
    # what another arm is compared against: "shorter than with X", "versus X", "compared with X"
    reference_frame: bool = False
    # named in a sentence that reports an adverse event the patient had (target_profile.given_treatments)
    event_cause: bool = False
    # the reference of a comparison whose other side is the control arm ("higher with placebo than with X")
    against_control: bool = False


class TreatmentReading(NamedTuple):
    """The treatments a statement names and the sentences (indices) that report an effect or a harm."""

    mentions: tuple[TreatmentMention, ...] = ()
    effect: tuple[int, ...] = ()  # sentences reporting an effect on an outcome (or its absence)
    harm: tuple[int, ...] = ()  # sentences reporting a harm (adverse event, worsened outcome)
    reassure: tuple[int, ...] = ()  # sentences calling a treatment safe or naming absent adverse events
    anaphoric: tuple[int, ...] = ()  # sentences that begin by referring back ("It", "The drug")
    sentences: int = 1  # how many sentences the statement has
    citations: int = 0  # how many works the statement cites (counted only when it names a treatment)
    # sentences that report a test's result (a p-value, a confidence interval, significance), read only with the
    # names of another reader (a learned name attributed a tested result is better founded)
    tested: tuple[int, ...] = ()

    def effect_sentences(self) -> frozenset[int]:
        """Sentences that report any effect or harm, or reassure."""
        return frozenset((*self.effect, *self.harm, *self.reassure))

    def scope(self, mention: TreatmentMention) -> list[int]:
        """The sentences a mention speaks for: its own, and the following ones that refer back to it."""
        own = {m.sentence for m in self.mentions}
        covered = [mention.sentence]
        for s in range(mention.sentence + 1, self.sentences):
            if s in own or s not in self.anaphoric:
                break
            covered.append(s)
        return covered


@shared_table
def singular(word: str) -> str:
    """A lower-cased word's singular, by its ending ("therapies": "therapy", "tablets": "tablet"; "sepsis", "virus"
    and "class" stay)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@shared_table
def head_class(word: str) -> str | None:
    """The class a treatment word is counted under, or None: the listed words, and words that end like a procedure
    or a therapy ("appendectomy", "angioplasty", "physiotherapy"), each its own class."""
    head = HEAD_CLASS.get(word)
    if head is None and len(word) >= 8 and word.endswith(PROCEDURE_SUFFIXES) and word not in NOT_PROCEDURES:
        return word
    return head


# a procedure named as the setting of a result, not as what was tested: "pain after tonsillectomy"
_SETTING_BEFORE = re.compile(r"\b(?:after|following|undergoing|before|during)\s+(?:\w+\s+){0,2}\Z")
_SETTING_WINDOW = 40


def named_as_setting(low: str, at: int) -> bool:
    """Whether the name at this offset of a lower-cased text is the setting of the result ("after tonsillectomy",
    "in patients undergoing surgery"), not what was given."""
    return _SETTING_BEFORE.search(low, max(0, at - _SETTING_WINDOW), at) is not None


def is_given_class(anchor: str) -> bool:
    """Whether an anchor is a treatment word that says something was given (not a lifestyle change alone)."""
    return anchor not in LIFESTYLE_CLASSES and (anchor in TREATMENT_CLASSES or head_class(anchor) == anchor)


def name_anchors(name: str) -> tuple[str, ...]:
    """The words of a treatment's name that say which treatment it is (as its mentions' anchors are)."""
    return anchor_words(name.lower())


# a possessive's ending: "pio's" is "pio" (the possessed noun follows it)
_POSSESSIVE_ENDS = ("'s", "’s")
_WORD_EDGES = TRAILING_PUNCT + "'’"
_SPACES = re.compile(r"\s+")


def _bare(word: str) -> str:
    """A word of a name without its possessive ending and the punctuation around it."""
    if word.endswith(_POSSESSIVE_ENDS):
        word = word[:-2]
    return word.strip(_WORD_EDGES).rstrip(".")


@lru_cache(maxsize=1 << 14)
def anchor_words(name_low: str) -> tuple[str, ...]:
    """The words of a name that say which treatment it is, singular, with a treatment word as its class."""
    if "weight" in name_low:  # every WEIGHT_PHRASE match holds the word
        name_low = WEIGHT_PHRASE.sub("weight-loss", name_low)
    anchors: list[str] = []
    # the word tables are looked up by subscript: calling a PerWord costs a Python-level __call__ look-up
    for word in map(_bare, _SPACES.split(name_low)):
        if not word:
            continue
        head = "weight-loss" if word == "weight-loss" else head_class[word]
        if head is not None:
            anchors.append(head)
            continue
        word = anchor_form(CAUSE_SUFFIX.sub("", word) if "-" in word else word)  # each suffix opens with "-"
        if word in GENERIC_MODIFIERS or len(word) < 2 or not is_name_word[word]:
            continue  # nor a dose, a duration, a number, a negation or a word of the study's design
        anchors.append(word if any(c.isdigit() for c in word) else singular[word])
    return tuple(dict.fromkeys(anchors))
