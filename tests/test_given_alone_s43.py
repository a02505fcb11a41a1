"""What a combination gained over the intervention given alone is no result of the intervention against its
comparator (evidence.given_alone): the efficacy section does not count it, and no claim of efficacy rests on it.
Sentences written for this test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.evidence import efficacy_claim, given_alone
from summarizer.models import Statement

THAN_THAT_WITH = "Velotrin combined with splinting had greater efficacy than that with velotrin alone (P = 0.03)."
THAN_PLAIN = "Grip strength rose more with velotrin plus splinting than with velotrin only at week 8."


@pytest.mark.parametrize("text", [THAN_THAT_WITH, THAN_PLAIN])
def test_the_intervention_given_alone_is_what_was_beaten(text: str) -> None:
    assert given_alone(text, frozenset({"velotrin"}))


def test_what_was_added_is_not_the_part_given_alone() -> None:
    assert not given_alone(THAN_THAT_WITH, frozenset({"splinting"}))


def test_one_part_of_a_combination_alone_is_not_the_whole_intervention() -> None:
    # the intervention is velotrin with splinting: that it beat velotrin alone is its own result
    assert not given_alone(THAN_THAT_WITH, frozenset({"velotrin", "splinting"}))


def test_a_comparison_with_the_control_arm_is_not_given_alone() -> None:
    text = "Pain fell more with velotrin than with placebo alone in the first week."
    assert not given_alone(text, frozenset({"velotrin"}))
    assert not given_alone("Velotrin lowered pain more than placebo did (P = 0.01).", frozenset({"velotrin"}))


def test_the_claim_of_efficacy_follows_the_same_rule() -> None:
    text = "Velotrin with splinting was shown to be more effective than that with velotrin alone."
    statement = Statement(id="S1", text=text)
    assert efficacy_claim(statement, frozenset({0}), frozenset({"velotrin"})) is None
    assert efficacy_claim(statement, frozenset({0}), frozenset({"splinting"})) == text
