"""The trial pseudo-targets' yardstick (bench/bench_brief.py): what a labelled change means for the patient, and
the verdicts the labelled directions support whatever the unclear ones are. Outcome names written for the test."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_brief import labelled_direction, robust_expectation  # noqa: E402


def test_the_relief_of_a_harm_is_good_to_have() -> None:
    assert labelled_direction("pain relief after the first dose", "increased") == "improved"
    assert labelled_direction("improvement in anxiety scores", "increased") == "improved"
    assert labelled_direction("reductions in depression ratings", "decreased") == "worsened"
    # the harm itself, and a time to its relief, keep their own reading
    assert labelled_direction("postoperative pain", "decreased") == "improved"
    assert labelled_direction("time to pain relief", "decreased") is None


def test_a_verdict_is_expected_only_when_the_unclear_prompts_cannot_change_it() -> None:
    nothing_unclear = robust_expectation(Counter(improved=2, no_difference=1), 0)
    assert nothing_unclear == {"benefit_reported", "mixed"}
    # three improvements and one unclear result: benefit whatever the unclear one was
    assert "benefit_reported" in robust_expectation(Counter(improved=3), 1)
    # one null result and two unclear ones: benefit or harm, the labels cannot tell
    assert robust_expectation(Counter(no_difference=1), 2) == frozenset()
