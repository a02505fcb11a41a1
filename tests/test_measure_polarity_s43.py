"""Measures of the body whose good direction is agreed (measure_polarity.py), and the tries and symptoms that
polarity.py's rules read (s43-polarity). Every name here is written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.measure_heads import completed_name
from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better


@pytest.mark.parametrize(
    "name",
    [
        "trough FEV1 at week 12",
        "forced expiratory volume in one second",
        "morning peak expiratory flow",
        "estimated GFR",
        "glomerular filtration rate at one year",
        "peak knee extensor torque",
        "maximal isometric grip force",
        "mean peak power on the cycle test",
        "total work performed in the sprint",
        "VO2max",
        "peak oxygen uptake",
        "maximal oxygen consumption",  # the most the body can take up, not a drug needed (polarity._drug_needed)
        "best corrected visual acuity",
        "mean retinal sensitivity",
        "seroconversion at day 28",
    ],
)
def test_a_function_or_a_performance_is_better_higher(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name",
    [
        "visceral fat area",
        "body fat percentage",
        "total fat mass at six months",
        "waist circumference",
        "liver fat content",
        "dental plaque index",
        "gingival index scores",
        "postoperative troponin I release",
        "serum CK-MB",
        "rate of abdominal obesity",
        "prevalence of obesity",
    ],
)
def test_stored_fat_plaque_and_heart_injury_markers_are_better_lower(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is False
    assert rule_higher_is_better(name) is False


@pytest.mark.parametrize(
    "name",
    [
        "fat-free mass",  # lean mass: its own rule (FREE_OF) says higher is better
        "free fat mass index",
        "dietary fat intake",  # fat eaten, not stored
        "faecal fat excretion",
        "vertical ground reaction force",  # a load on the body, not a force it makes
        "annual decline in FEV1",  # a decline named as the outcome
        "plaque removal efficacy",  # the burden's removal is the good
        "serum sodium, eGFR and potassium",  # a list of measures
        "resting oxygen consumption",  # not the peak the body can reach
        "statistical power",
        "insulin sensitivity index",  # not a sense's: GOOD_OUTCOME's own rule
        "sensitivity of the test",
        "patient acuity score",  # how ill, not how well one sees
        "body fat loss",  # a loss named as the outcome
        "weight loss in patients with obesity",  # obesity qualifies the people
        "reduction in FEV1",
    ],
)
def test_names_of_no_class_or_the_opposite_get_no_class_polarity(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is None


def test_a_class_polarity_gives_the_direction_of_a_change() -> None:
    assert outcome_direction("FEV1", "decreased") == "worsened"
    assert outcome_direction("waist circumference", "decreased") == "improved"
    assert outcome_direction("waist circumference", "no_difference") == "no_difference"


@pytest.mark.parametrize("name", ["the number of attempts at cannulation", "mean number of tries"])
def test_the_tries_it_took_are_better_fewer(name: str) -> None:
    assert rule_higher_is_better(name) is False


@pytest.mark.parametrize("name", ["number of successful attempts", "first attempt success rate"])
def test_a_successful_try_is_good_to_have(name: str) -> None:
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name", ["abdominal tenderness", "tender joint count", "muscle soreness", "nocturnal wheezing"]
)
def test_symptoms_felt_or_shown_are_better_lower(name: str) -> None:
    assert rule_higher_is_better(name) is False


def test_a_word_inside_another_is_no_symptom() -> None:
    assert rule_higher_is_better("tendon length") is None


@pytest.mark.parametrize(
    "name", ["the time taken", "time needed to complete the dressing", "time required for closure"]
)
def test_a_time_taken_is_better_shorter(name: str) -> None:
    assert rule_higher_is_better(name) is False


def test_something_else_taken_is_no_time_taken() -> None:
    assert rule_higher_is_better("number of tablets taken") is None


def test_a_time_taken_is_completed_by_what_it_was_taken_for() -> None:
    quote = "The mean time taken for wound closure was shorter in the stapler arm than in the suture arm."
    assert completed_name("time taken", quote) == "time taken for wound closure"


def test_a_time_taken_over_a_period_is_left_as_it_is() -> None:
    quote = "The time taken over 6 weeks did not differ."
    assert completed_name("time taken", quote) == "time taken"


@pytest.mark.parametrize("name", ["time to onset of peripheral neuropathy", "time to definite multiple sclerosis"])
def test_the_time_before_a_disease_is_better_longer(name: str) -> None:
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize("name", ["time to normoglycaemia", "time to diagnosis"])
def test_the_time_to_a_normal_state_or_a_judgement_is_not_the_time_before_a_disease(name: str) -> None:
    assert rule_higher_is_better(name) is not True


@pytest.mark.parametrize("name", ["mean glycated haemoglobin", "glycosylated hemoglobin at 6 months", "A1C"])
def test_the_other_names_of_hba1c_are_better_lower(name: str) -> None:
    assert rule_higher_is_better(name) is False


def test_haemoglobin_itself_is_no_hba1c() -> None:
    assert rule_higher_is_better("haemoglobin concentration") is None
