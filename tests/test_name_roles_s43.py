"""The check that the name the target profile chose does not read as an outcome (name_roles.py). Sentences written for
these tests."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.name_roles import RoleTags, role_tags
from summarizer.engines.extractive.pico import load_pico_tagger

_IRON_TRIAL = [
    "The primary outcome was the change in serum ferritin from baseline to week 12.",
    "Serum ferritin increased significantly more in the intervention group (p = 0.002).",
    "Mean serum ferritin concentrations at week 12 were 35 ng/ml and 22 ng/ml, respectively.",
    "Patients receiving lactoferrin sachets had higher haemoglobin at week 12 (p = 0.03).",
    "Lactoferrin was well tolerated, and constipation was less frequent than with ferrous sulphate.",
]


def test_a_measured_substance_reads_as_an_outcome_and_the_supplement_given_does_not() -> None:
    tagger = load_pico_tagger()
    assert tagger is not None
    ferritin = role_tags(("ferritin",), _IRON_TRIAL, tagger)
    assert ferritin.words == 3 and ferritin.outcome_more_than_given()
    lactoferrin = role_tags(("lactoferrin",), _IRON_TRIAL, tagger)
    assert lactoferrin.words == 2 and not lactoferrin.outcome_more_than_given()


def test_one_word_is_too_little_and_an_outcome_must_be_tagged_over_twice_as_often() -> None:
    assert not RoleTags(outcome=1, words=1).outcome_more_than_given()
    assert RoleTags(outcome=1, words=2).outcome_more_than_given()
    assert RoleTags(outcome=3, intervention=1, words=4).outcome_more_than_given()
    assert not RoleTags(outcome=2, intervention=1, words=3).outcome_more_than_given()


_SYRUP_TRIAL = [
    "Children on Calmora syrup had fewer days of diarrhoea than those on placebo (p = 0.01).",
    "Stool frequency fell faster with Calmora syrup than with placebo (p = 0.02).",
]


def test_the_profile_sets_aside_a_chosen_name_that_reads_as_an_outcome() -> None:
    assert (profile_with(_SYRUP_TRIAL, "Calmora syrup").name or "").lower() == "calmora syrup"
    assert profile_with(_SYRUP_TRIAL, "Calmora syrup", outcomes=("Calmora syrup",)).name is None
