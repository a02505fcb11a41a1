"""The amount of a drug the patients needed besides the treatment is lower-is-better (polarity._NEEDED). Names
written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.polarity import name_rules_higher_is_better, rule_higher_is_better


@pytest.mark.parametrize("name", [
    "cumulative buprenorphine consumption",  # a word shaped like a drug's name (cues.word_class)
    "the mean amount of oxycodone consumption in the first day",
    "consumption of opioids in the first week",
    "supplementary antiemetic use",
    "use of rescue analgesia",
])
def test_a_drug_needed_is_lower_is_better(name: str) -> None:
    assert rule_higher_is_better(name) is False


@pytest.mark.parametrize("name", [
    "fish consumption",  # food: not a drug needed
    "atorvastatin use",  # a drug's use may be the aim (adherence): only classes given for a symptom count for use
    "condom use",
])
def test_other_consumption_or_use_says_nothing(name: str) -> None:
    assert rule_higher_is_better(name) is None


@pytest.mark.parametrize("name", [
    "glucose test rates at six months",
    "uptake of hepatitis C screening",
    "rates of blood pressure testing",
])
def test_how_often_a_test_is_done_says_nothing_of_the_condition(name: str) -> None:
    """A measure of the care given (polarity.TEST_DONE): the condition tested for does not give it a polarity."""
    assert rule_higher_is_better(name) is None


def test_a_test_result_keeps_its_polarity() -> None:
    """A test's result is no measure of care: "positive test rate" keeps the polarity of what it detects."""
    assert name_rules_higher_is_better("the positive test rate for infection") is False
    assert name_rules_higher_is_better("the rate of positive tests for infection") is False


@pytest.mark.parametrize("name", [
    "weekly inhaler compliance",
    "compliance with the exercise programme",
    "attendance at follow-up visits",
    "the programme completion rate",
])
def test_keeping_to_a_treatment_is_higher_is_better(name: str) -> None:
    """As adherence is (polarity.KEPT_TO)."""
    assert name_rules_higher_is_better(name) is True


@pytest.mark.parametrize("name", ["non-compliance with the diet", "poor attendance at sessions"])
def test_failing_to_keep_to_a_treatment_gets_no_polarity_from_it(name: str) -> None:
    assert name_rules_higher_is_better(name) is None


def test_a_bare_completion_rate_gets_no_polarity() -> None:
    """Often the trial's own: how many stayed in the study."""
    assert name_rules_higher_is_better("the completion rate for the extension period") is None


def test_the_time_to_complete_is_still_better_short() -> None:
    assert name_rules_higher_is_better("time to completion of the questionnaire") is False


@pytest.mark.parametrize(("name", "expected"), [
    ("attitudes towards a balanced diet", None),  # "die" is no part of "diet"
    ("the time to a normal diet", False),  # a time to a gain: the sooner the better
    ("patients who died in hospital", False),
    ("functional independence", None),  # "dependence" is no part of "independence"
    ("alcohol dependence", False),
    ("prevention of pressure ulcers", None),  # "event" is no part of "prevention"
    ("serious adverse events", False),
])
def test_bad_words_are_whole_words(name: str, expected: bool | None) -> None:
    assert name_rules_higher_is_better(name) is expected


@pytest.mark.parametrize("name", [
    "abdominal discomfort", "emotional distress", "itchy skin", "pruritus intensity", "insomnia",
    "verbal aggression", "anger scores",
])
def test_a_symptom_is_lower_is_better(name: str) -> None:
    """Symptoms felt or shown, as pain and fatigue are (BAD_OUTCOME)."""
    assert name_rules_higher_is_better(name) is False


@pytest.mark.parametrize("name", ["task switching", "perceived danger"])
def test_a_symptom_word_inside_another_word_is_none(name: str) -> None:
    assert name_rules_higher_is_better(name) is None
