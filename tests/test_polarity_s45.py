"""A response as the head of an outcome's name, not the first noun of a compound, and how well an image shows what it
is of (polarity.py); the muscle a body has (measure_polarity.py), s45-polarity. Every name here is written for the
test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better


@pytest.mark.parametrize(
    "name",
    [
        "response rate at week 12",
        "the overall responses",
        "clinical response to the first cycle",
        "tumour response rates",
        "complete response after induction",
        "response evaluation criteria met",
        "PASI75 response",
    ],
)
def test_a_response_to_treatment_is_good_to_have(name: str) -> None:
    if "tumour" in name:  # a tumour is a harm too: the rules say nothing of a name that is both
        assert rule_higher_is_better(name) is None
    else:
        assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name",
    [
        "congruent response types reaction intercepts",
        "response selection latencies",
        "response bias on the go/no-go task",
        "response inhibition errors of omission",
    ],
)
def test_a_response_that_only_qualifies_another_noun_says_nothing(name: str) -> None:
    # "response inhibition errors" is still read by its own head: errors made are fewer-is-better
    expected = False if "errors" in name else None
    assert rule_higher_is_better(name) is expected


def test_a_rise_in_a_compound_of_response_is_no_improvement() -> None:
    assert outcome_direction("response selection latencies", "increased") == "unclear"
    assert outcome_direction("response rate", "increased") == "improved"


@pytest.mark.parametrize(
    "name",
    [
        "skeletal muscle mass",
        "thigh muscle cross-sectional area",
        "quadriceps muscle thickness",
        "lean body mass",
        "appendicular lean soft tissue mass",
    ],
)
def test_the_muscle_a_body_has_is_higher_is_better(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True
    assert rule_higher_is_better(name) is True


@pytest.mark.parametrize(
    "name",
    [
        "loss of skeletal muscle mass",  # its loss named as the outcome: more of that is worse
        "decline in lean body mass",
        "muscle mass, grip strength and gait speed",  # a list: what holds of one need not of the others
        "muscle tone in the affected limb",  # spasticity: a high tone is no good
        "muscle cramps at night",
    ],
)
def test_no_class_for_a_loss_a_list_or_another_measure(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is None


def test_a_muscle_harm_stays_lower_is_better() -> None:
    assert rule_higher_is_better("muscle damage markers") is False
    assert outcome_direction("muscle soreness", "increased") == "worsened"


@pytest.mark.parametrize(
    "name",
    [
        "lesion conspicuity on the portal venous phase",
        "the tumour-to-muscle SI ratio",
        "metastasis-to-background signal intensity ratio",
        "contrast-to-noise ratio of the hepatic lesions",
        "SNR in the arterial phase",
        "vascular enhancement of the portal vein",
    ],
)
def test_how_well_an_image_shows_a_lesion_is_higher_is_better(name: str) -> None:
    assert rule_higher_is_better(name) is True
    assert outcome_direction(name, "increased") == "improved"


@pytest.mark.parametrize(
    "name",
    [
        "tumour enhancement after two cycles",  # the tumour's own enhancement, which treatment may lower
        "signal intensity of the tendon lesion",
        "lesion size on the portal venous phase",
        "lesion conspicuity, lesion size and artefacts",  # a list
    ],
)
def test_a_lesions_own_signal_or_size_is_no_image_quality(name: str) -> None:
    assert rule_higher_is_better(name) is not True


@pytest.mark.parametrize(
    "name",
    [
        "the number of correct answers on the quiz",
        "perfect scores per session",
        "patients with adequate bowel cleansing",
        "proportion with good recovery at discharge",
        "satisfactory seal of the mask",
        "successful cannulation at the first pass",
        "successful first-pass intubation",
    ],
)
def test_what_an_adjective_judges_done_right_is_higher_is_better(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True


@pytest.mark.parametrize(
    "name",
    [
        "incorrect inhaler technique",
        "the number of inappropriate prescriptions per 100 visits",
        "improper needle disposal",
        "unsatisfactory radiographs",
        "unsuccessful lumbar punctures",
    ],
)
def test_what_an_adjective_judges_done_wrong_is_lower_is_better(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is False


@pytest.mark.parametrize(
    "name",
    [
        "belief that exercise is a good habit",  # the adjective inside a clause the name quotes
        "appropriate shocks from the device",  # shocks a device gives: fewer are better
        "optimal PEEP level",  # a setting
        "positive blood cultures",  # a test's result
        "good",  # nothing judged
        "adequate hydration, sleep and diet",  # a list
        "correct",
        "successful cannulation attempts",  # may count the tries a success took
        "number of tries until a correct placement",
        "time to adequate sedation",  # a time: polarity.py's rules of times decide it
    ],
)
def test_no_judgement_read_outside_a_judged_head(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is None


def test_an_unsuccessful_try_is_no_success() -> None:
    assert rule_higher_is_better("unsuccessful lumbar punctures") is False
    assert outcome_direction("unsuccessful cannulations", "decreased") == "improved"
    assert rule_higher_is_better("successful lumbar punctures") is True


def test_the_time_to_what_is_done_right_stays_the_sooner_the_better() -> None:
    assert rule_higher_is_better("time to adequate sedation") is False
    assert outcome_direction("time to adequate sedation", "decreased") == "improved"
