"""What a person can do and the quality of what they get (higher is better), what care costs (lower is better) in
measure_polarity.py, and the threshold of a harm (higher is better) in polarity.py (s44-polarity). Every name here
is written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better


@pytest.mark.parametrize(
    "name",
    [
        "ability to climb stairs unaided",
        "reading abilities at the end of term",
        "memory performance on the recall task",
        "active knee range of motion",
        "shoulder range of movement",
        "distance walked in six minutes",
        "6-minute walk distance",
        "self-selected walking speed",
        "cardiorespiratory fitness",
        "muscular endurance of the trunk",
        "exercise tolerance on the treadmill",
        "daily physical activity",
        "self-rated health status",
        "vitality",
        "subjective sleep quality",
        "quality of the bowel preparation",
        "global QoL",
    ],
)
def test_what_a_person_can_do_and_its_quality_is_better_higher(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name",
    [
        "ECOG performance status",  # scales of performance status run either way
        "decline in reading ability",  # its decline named as the outcome
        "impaired motor performance",
        "inability to swallow",
        "sedentary time",
        "sleep quality index",  # an instrument's scores: some score the burden
        "quality of life questionnaire for reflux scores",
        "poor sleep quality",
        "heart rate variability",  # no ability ("variability", "probability" hold the letters, not the word)
        "probability of discharge home",
    ],
)
def test_what_is_no_ability_nor_quality_gets_no_higher_class(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is not True


@pytest.mark.parametrize(
    "name",
    ["total costs at one year", "the mean cost per admission", "health service costs", "drug costs per month"],
)
def test_what_care_costs_is_better_lower(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is False
    assert outcome_direction(name, "decreased") == "improved"


@pytest.mark.parametrize(
    "name",
    ["cost savings", "cost reduction per patient", "knowledge of the costs of smoking", "cost-effectiveness",
     "perceived cost of the device", "cost per QALY gained"],
)
def test_a_saving_or_a_view_of_a_cost_is_no_cost(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is None


@pytest.mark.parametrize(
    "name",
    ["pressure pain threshold", "heat pain threshold at the forearm", "the threshold for pain", "tolerance to pain",
     "seizure threshold", "glucose tolerance"],
)
def test_the_threshold_of_a_harm_is_better_higher(name: str) -> None:
    assert rule_higher_is_better(name) is True
    assert outcome_direction(name, "increased") == "improved"


@pytest.mark.parametrize(
    "name",
    [
        "hearing threshold",  # no harm's threshold: a higher one is worse hearing, and the rules say nothing
        "opioid tolerance",
        "transfusion threshold",
        "pain intensity",  # a harm without its threshold stays a harm
        "pain threshold, pain intensity and pain duration",  # a list: what holds of one need not of the others
    ],
)
def test_no_threshold_of_a_harm_is_not_better_higher(name: str) -> None:
    assert rule_higher_is_better(name) is not True


@pytest.mark.parametrize("name", ["PFS", "median DFS at five years", "ORR at week 24", "relapse-free survival (RFS)"])
def test_the_short_forms_of_survival_and_response_are_better_higher(name: str) -> None:
    assert rule_higher_is_better(name) is True
    assert outcome_direction(name, "decreased") == "worsened"


@pytest.mark.parametrize("name", ["OS group", "CR values", "PFS events", "pfsx"])
def test_short_forms_that_stand_for_other_things_get_no_good_direction(name: str) -> None:
    assert rule_higher_is_better(name) is not True


@pytest.mark.parametrize("name", ["serum creatinine", "the mean plasma creatinine level", "levels of serum creatinine"])
def test_the_creatinine_left_in_the_blood_is_better_lower(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is False
    assert outcome_direction(name, "increased") == "worsened"


@pytest.mark.parametrize(
    "name",
    ["creatinine clearance", "24-hour urinary creatinine", "albumin to creatinine ratio", "serum creatinine change"],
)
def test_what_is_not_the_creatinine_in_the_blood_gets_no_lower_class(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is not False


@pytest.mark.parametrize("name", ["hsCRP", "hs-CRP at week 8"])
def test_high_sensitivity_crp_is_crp(name: str) -> None:
    assert rule_higher_is_better(name) is False


def test_a_word_that_holds_the_letters_of_crp_is_not_crp() -> None:
    assert rule_higher_is_better("hscrpx") is None


@pytest.mark.parametrize("name", ["emotional functioning", "motor skills at two years", "self-care at discharge"])
def test_a_persons_functioning_skills_and_self_care_are_better_higher(name: str) -> None:
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name",
    ["impaired role functioning", "social skills deficits", "NYHA functional class", "the functional severity index"],
)
def test_their_impairment_or_a_class_that_runs_the_other_way_is_not_better_higher(name: str) -> None:
    assert rule_higher_is_better(name) is not True
