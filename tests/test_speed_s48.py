"""s48-speed: anchor_words without the per-word patterns it did not need gives the anchors it gave; the search for a
subject's words in outcome_spans (without a pattern compiled per call) answers as the pattern it replaced."""

from __future__ import annotations

import re

import pytest

from summarizer.engines.extractive import outcome_spans
from summarizer.engines.extractive.treatment_mention import anchor_words, head_class
from summarizer.engines.extractive.treatment_names import (
    CAUSE_SUFFIX,
    GENERIC_MODIFIERS,
    TRAILING_PUNCT,
    WEIGHT_PHRASE,
    anchor_form,
    is_name_word,
)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _anchor_words_as_before(name_low: str) -> tuple[str, ...]:
    """anchor_words as written before s48, every pattern applied to every word."""
    name_low = WEIGHT_PHRASE.sub("weight-loss", name_low)
    words = [re.sub(r"['’]s$", "", w).strip(TRAILING_PUNCT + "'’").rstrip(".") for w in re.split(r"\s+", name_low)]
    anchors: list[str] = []
    for word in words:
        if not word:
            continue
        head = "weight-loss" if word == "weight-loss" else head_class(word)
        if head is not None:
            anchors.append(head)
            continue
        word = anchor_form(CAUSE_SUFFIX.sub("", word))
        if word in GENERIC_MODIFIERS or len(word) < 2 or not is_name_word(word):
            continue
        anchors.append(word if any(c.isdigit() for c in word) else _singular(word))
    return tuple(dict.fromkeys(anchors))


NAMES = [
    "zoledronate's infusions",  # a possessive cut
    "the drug’s tablets",  # the curly apostrophe too
    "o's",  # a word that is all possessive
    "a structured weight loss programme",  # the weight phrase made one word
    "reduction in body weight with orlistat",
    "lightweight splints",  # "weight" inside a word: no weight phrase
    "isoniazid-induced hepatitis",  # a cause suffix cut
    "well-known remedies",  # a hyphen with no cause suffix: kept whole
    "msc-based therapy",
    "25-hydroxyvitamin d supplements",
    "(aspirin), 'statins'.",
    "  two   spaced   words ",
    "",
]


@pytest.mark.parametrize("name", NAMES)
def test_anchor_words_as_before(name: str) -> None:
    assert anchor_words.__wrapped__(name) == _anchor_words_as_before(name)


def test_anchor_words_cuts_what_it_cut() -> None:
    assert anchor_words.__wrapped__("isoniazid-induced hepatitis")[0] == "isoniazid"
    assert "weight-loss" in anchor_words.__wrapped__("a structured weight loss programme")
    assert "weight-loss" not in anchor_words.__wrapped__("lightweight splints")
    assert anchor_words.__wrapped__("zoledronate's infusions")[0] == "zoledronate"
    assert "well-known" in anchor_words.__wrapped__("well-known remedies")


SUBJECTS = [
    ("serum ferritin  levels were lower", ["ferritin", "levels"], 0, 40, (6, 22)),
    ("the   pain (vas) scores fell", ["pain"], 0, 30, (6, 10)),
    ("pain scores and pain\tscores", ["pain", "scores"], 12, 27, (16, 27)),  # the first after `start`
    ("pain scores", ["pain", "scores"], 0, 8, None),  # the last word past `end`: not found
    ("painscores", ["pain", "scores"], 0, 10, None),  # no space between: not found
    ("a+b (c) rose", ["a+b", "(c)"], 0, 12, (0, 7)),  # characters a pattern would need escaped
]


@pytest.mark.parametrize(("low", "words", "start", "end", "expected"), SUBJECTS)
def test_words_at_answers_as_the_pattern_did(
    low: str, words: list[str], start: int, end: int, expected: tuple[int, int] | None
) -> None:
    assert outcome_spans._words_at(low, words, start, end) == expected
