"""British and American spellings read alike where the engine looks a word up (s45): the listed drug and harm names
(data/listed_names.json), the case reports' harm words (data/harm_words.json) and single words of the word lists.

The names, rows and sentences here are written for these tests, not taken from a corpus."""

from __future__ import annotations

import json

import pytest

from summarizer.engines.extractive import load_resources
from summarizer.engines.extractive.harm_measures import HarmWords
from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.engines.extractive.resources import DATA_DIR, HARM_WORDS_FILE, LISTED_FILE
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.spelling_variants import american_spelling, british_spelling, other_spellings
from summarizer.engines.extractive.treatments import treatment_mentions
from summarizer.training.name_lists import filter_listed
from summarizer.training.polarity_harm_words import harm_words


def test_a_listed_name_is_kept_in_both_spellings() -> None:
    kept = filter_listed(frozenset({"Haemolytic anaemia", "Skin rash", "Hypokalemia"}), [], "effects", 4)
    assert kept == {"haemolytic anaemia", "hemolytic anemia", "skin rash", "hypokalemia", "hypokalaemia"}


def test_a_spelling_that_train_contradicts_is_dropped_on_its_own() -> None:
    # "tumour" stands outside every annotated span in three adverse-effect rows: that spelling is not kept as an
    # event, its American twin (never seen) is
    rows: list[dict[str, object]] = [
        {"label": "adverse_effect", "text": f"The tumour had shrunk when nausea began on day {day}.",
         "effects": ["nausea"]}
        for day in (2, 5, 9)
    ]
    assert filter_listed(frozenset({"tumor"}), rows, "effects", 4) == {"tumor"}


def test_a_harm_word_of_the_case_reports_is_kept_in_both_spellings() -> None:
    rows = [
        ("p1", ["apnoea"], ["drugol"]),
        ("p2", ["drugol-induced apnoea"], ["drugol"]),
        ("p3", ["urticaria"], ["medicamab"]),
        ("p4", ["urticaria"], ["drugol"]),
        ("p5", ["diarrhea"], ["drugol"]),  # one report only: neither spelling
    ]
    assert harm_words(rows) == ["apnea", "apnoea", "urticaria"]


def test_the_shipped_lists_hold_both_spellings() -> None:
    listed = json.loads((DATA_DIR / LISTED_FILE).read_text())
    effects = set(listed["effects"])
    assert {"hypokalemia", "hypokalaemia"} <= effects
    assert {"esophagitis", "oesophagitis"} <= effects
    assert {"estradiol", "oestradiol"} <= set(listed["drugs"])
    words = set(json.loads((DATA_DIR / HARM_WORDS_FILE).read_text())["words"])
    assert {"apnea", "apnoea", "diarrhea", "diarrhoea", "hypoglycemia", "hypoglycaemia"} <= words


@pytest.mark.parametrize("outcome", [
    "proportion of preterm infants with apnoea",
    "proportion of preterm infants with apnea",
    "annualised apnoea frequency",
    "annualized apnoea frequency",
])
def test_how_often_a_harm_happens_is_lower_is_better_in_either_spelling(outcome: str) -> None:
    polarity = load_resources().polarity
    assert polarity is not None
    assert rule_higher_is_better(outcome, polarity.harms) is False


@pytest.mark.parametrize("outcome", ["apnoea scores", "annualised hearing frequency"])
def test_no_occurrence_of_a_harm_says_nothing_in_either_spelling(outcome: str) -> None:
    assert rule_higher_is_better(outcome, HarmWords(frozenset({"apnea", "apnoea"}))) is None


def _treatment_names(text: str) -> list[str]:
    return [m.name for m in treatment_mentions(Scan(text, load_resources()))]


@pytest.mark.parametrize("text", [
    "Leptin homoeostasis was restored by the diet.",
    "Leptin homeostasis was restored by the diet.",
])
def test_a_molecule_before_its_homeostasis_is_biology_in_either_spelling(text: str) -> None:
    assert "Leptin" not in _treatment_names(text)


def test_a_plural_immunisation_is_counted_as_a_vaccine_in_either_spelling() -> None:
    def anchors(text: str) -> list[tuple[str, ...]]:
        return [m.anchors for m in treatment_mentions(Scan(text, load_resources()))]

    british = anchors("Measles immunisations cut admissions.")
    assert british == anchors("Measles immunizations cut admissions.")
    assert len(british) == 1 and british[0][-1] == "vaccine"


@pytest.mark.parametrize(("british", "american"), [
    ("colourless", "colorless"),
    ("laboured", "labored"),
    ("behavioural", "behavioral"),
    ("favourite", "favorite"),
    ("criticised", "criticized"),
    ("organising", "organizing"),
])
def test_a_suffix_is_respelled_after_its_stem(british: str, american: str) -> None:
    assert american_spelling(british) == american
    assert british_spelling(american) == british


@pytest.mark.parametrize("word", [
    # -or that begins another word part, -ise that is part of the stem
    "laboratory", "colorectal", "humoral", "otherwise", "advised", "exercise", "precise", "promising", "premises",
    "surprised", "advertising", "franchise",
])
def test_a_stem_that_only_looks_like_a_suffix_keeps_its_spelling(word: str) -> None:
    assert other_spellings(word) == frozenset()
