"""The amount of a drug the patients needed besides the treatment is lower-is-better (polarity._NEEDED). Names
written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.polarity import rule_higher_is_better


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
