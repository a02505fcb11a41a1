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
    "maximal oxygen consumption",
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
