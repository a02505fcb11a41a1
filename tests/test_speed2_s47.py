"""s47-speed2: the exact gates before names_the_indication's patterns, and before the outcome-name classes of polarity
and measure_polarity, let through every text a pattern matches and hold back texts it cannot match; the readings
themselves are unchanged."""

from __future__ import annotations

import re

import pytest

from summarizer.engines.extractive import measure_polarity as mp
from summarizer.engines.extractive import patients_disease as pd
from summarizer.engines.extractive import polarity as pol
from summarizer.engines.extractive.cues import PEOPLE_WITH


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("pattern", "words", "before"),
    [
        (pd._FOR_THE_DISEASE, pd._FOR_THE_DISEASE_WORDS, "The cream was Used To Treat "),
        (pd._FOR_THE_DISEASE, pd._FOR_THE_DISEASE_WORDS, "a drug indicated in "),
        (pd._HAD_OR_GIVEN_FOR, pd._HAD_OR_GIVEN_FOR_WORDS, "a woman with a long History of "),
        (pd._HAD_OR_GIVEN_FOR, pd._HAD_OR_GIVEN_FOR_WORDS, "the tablets were prescribed for "),
        (pd._STUDIED_IN, pd._STUDIED_IN_WORDS, "its half-life stays the same even in "),
        (pd._IN_PEOPLE_WITH, pd._IN_PEOPLE_WITH_WORDS, "a rash appeared in two elderly men with "),
        (pd._AGENT_BEFORE, pd._AGENT_WORDS, "a fever Triggered by "),
        # letters outside ASCII that an IGNORECASE pattern reads as ASCII ones
        (pd._FOR_THE_DISEASE, pd._FOR_THE_DISEASE_WORDS, "the ointment uſed to treat "),
        (pd._IN_PEOPLE_WITH, pd._IN_PEOPLE_WITH_WORDS, "a rash appeared in a boy WİTH "),
    ],
)
def test_a_gate_lets_through_what_its_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...], before: str
) -> None:
    text = before + "gout"
    start = len(before)
    assert pattern.search(text, 0, start) is not None
    assert pd._gated_search(pattern, words, pd._lowercased(text[:start]), text, 0, start) is not None


def test_a_gate_holds_back_a_text_without_its_words() -> None:
    text = "the nurses recorded gout"
    start = text.index("gout")
    before = pd._lowercased(text[:start])
    for pattern, words in [
        (pd._FOR_THE_DISEASE, pd._FOR_THE_DISEASE_WORDS),
        (pd._HAD_OR_GIVEN_FOR, pd._HAD_OR_GIVEN_FOR_WORDS),
        (pd._STUDIED_IN, pd._STUDIED_IN_WORDS),
        (pd._AGENT_BEFORE, pd._AGENT_WORDS),
    ]:
        assert pd._gated_search(pattern, words, before, text, 0, start) is None


def test_lowercased_words_read_the_letters_an_ignorecase_pattern_reads() -> None:
    assert pd._lowercased("Treated For") == "treated for"
    assert pd._lowercased("uſed wıth WİTH \u212aIDNEY") == "used with with kidney"


@pytest.mark.parametrize(
    ("before", "ends"),
    [
        ("in children with ", True),
        ("in children With Severe Chronic ", True),
        ("patients treated with drug A and in adults with the ", True),
        ("patients with the drug ", False),  # a word PEOPLE_WITH does not let stand between
        ("patients with", False),  # no space after "with"
        ("patients who had ", False),  # no "with" at all
    ],
)
def test_ends_after_with_is_what_people_with_needs(before: str, ends: bool) -> None:
    assert pd._ends_after_with(pd._lowercased(before)) is ends
    if not ends:  # the gate holds back only texts PEOPLE_WITH cannot match
        assert PEOPLE_WITH.search(before + "asthma", 0, len(before)) is None
    elif before.startswith("in children"):
        assert PEOPLE_WITH.search(before + "asthma", 0, len(before)) is not None


@pytest.mark.parametrize(
    ("text", "name", "indication"),
    [
        ("Methotrexate, a drug used to treat psoriasis, caused hepatitis.", "psoriasis", True),
        ("Methotrexate, a drug used to treat psoriasis, caused hepatitis.", "hepatitis", False),
        ("Hepatitis developed in a man with chronic gout after the drug.", "gout", True),
        ("The drug given to the nurses caused hepatitis.", "hepatitis", False),
        ("Stomatitis was seen, even in renal impairment, after the drug.", "renal impairment", True),
        ("Fever induced by ampicillin was short.", "ampicillin", True),
    ],
)
def test_names_the_indication_reads_as_before(text: str, name: str, indication: bool) -> None:
    assert pd.names_the_indication(text, *_span(text, name)) is indication


# polarity and measure_polarity: a name tries a class's patterns only where it holds one of the class's words

@pytest.mark.parametrize(
    ("pattern", "words", "name"),
    [
        (pol.GOOD_OVERRIDE, pol._GOOD_OVERRIDE_WORDS, "fasting hdl cholesterol"),
        (pol.FREE_OF, ("free",), "days free of migraine"),
        (pol.IMAGE_VISIBILITY, pol._IMAGE_VISIBILITY_WORDS, "liver-to-spleen signal ratio"),
        (pol.IMAGE_VISIBILITY, pol._IMAGE_VISIBILITY_WORDS, "mean cnr"),
        (pol.GAIN_NAMED, pol._GAIN_WORDS, "disappearance of warts"),
        (pol.SKILL_OUTCOME, pol._SKILL_WORDS, "inhaler knowledge scores"),
        (pol.KEPT_TO, pol._KEPT_TO_WORDS, "course completion"),
        (pol._HOW_OFTEN, pol._HOW_OFTEN_WORDS, "weekly cramp frequency"),
    ],
)
def test_a_name_gate_lets_through_what_its_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...], name: str
) -> None:
    assert pattern.search(name) is not None
    assert pol._found(pattern, words, name)


@pytest.mark.parametrize("name", ["serum sodium", "days in hospital", "mean arterial pressure"])
def test_a_name_without_a_gates_words_is_not_searched(name: str) -> None:
    for pattern, words in [
        (pol.GOOD_OVERRIDE, pol._GOOD_OVERRIDE_WORDS),
        (pol.IMAGE_VISIBILITY, pol._IMAGE_VISIBILITY_WORDS),
        (pol.GAIN_NAMED, pol._GAIN_WORDS),
        (pol.KEPT_TO, pol._KEPT_TO_WORDS),
    ]:
        assert not pol._found(pattern, words, name)
        assert pattern.search(name) is None


@pytest.mark.parametrize(
    ("name", "higher"),
    [
        ("peak knee extension torque", True),
        ("two-minute walking distance", True),
        ("sleep quality", True),
        ("alcohol abstinence", True),
        ("visceral fat area", False),
        ("costs of inpatient care", False),
        ("inadequate bowel preparation", False),
        ("number of dosing errors", False),
        ("serum sodium", None),  # of no class: held back by both gates
        ("fev1 decline", None),  # a function's decline is no function measure
    ],
)
def test_measure_classes_read_as_before(name: str, higher: bool | None) -> None:
    assert mp.measure_higher_is_better(name) is higher


def test_a_class_gate_holds_back_a_name_of_no_class() -> None:
    assert not any(map("serum sodium".__contains__, mp._HIGHER_WORDS + mp._LOWER_WORDS))
    assert not mp._higher_class("serum sodium") and not mp._lower_class("serum sodium")
