"""The trial pseudo-targets' yardstick (bench/bench_brief.py): what a labelled change means for the patient.
Outcome names written for the test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_brief import labelled_direction  # noqa: E402


def test_the_relief_of_a_harm_is_good_to_have() -> None:
    assert labelled_direction("pain relief after the first dose", "increased") == "improved"
    assert labelled_direction("improvement in anxiety scores", "increased") == "improved"
    assert labelled_direction("reductions in depression ratings", "decreased") == "worsened"
    # the harm itself, and a time to its relief, keep their own reading
    assert labelled_direction("postoperative pain", "decreased") == "improved"
    assert labelled_direction("time to pain relief", "decreased") is None


def test_a_high_threshold_of_a_harm_is_good_to_have() -> None:
    assert labelled_direction("heat pain threshold at the forearm", "increased") == "improved"
    assert labelled_direction("cold pain tolerance", "decreased") == "worsened"
    # without the threshold the harm is lower-is-better
    assert labelled_direction("pain at rest", "increased") == "worsened"
