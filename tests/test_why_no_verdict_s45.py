"""bench/why_no_verdict.py: why a trial's outcomes give no efficacy verdict (issue 23, helper s45-verdicts). The
sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from why_no_verdict import kind, trial_reasons  # noqa: E402

from summarizer.engines.extractive import load_resources  # noqa: E402


def test_an_improvement_is_counted_and_gives_a_verdict() -> None:
    name, verdict, found = trial_reasons(
        [
            "Patients were randomised to melatonin or placebo for four weeks.",
            "Sleep quality improved significantly more with melatonin than with placebo (P = 0.003).",
        ],
        load_resources(),
    )
    assert name is not None and "melatonin" in name.lower()
    assert verdict == "benefit_reported"
    assert any(why == "counted" for _, why, _ in found)


def test_the_kinds_of_trials_without_a_verdict() -> None:
    assert kind([]) == "no outcome read"
    assert kind([(0, "not-about", "x"), (1, "not-about,unclear", "y")]) == "all not about the named intervention"
    assert kind([(0, "unclear", "x"), (1, "not-about", "y")]) == "those about it: direction unclear"
    assert kind([(0, "left-out", "x"), (1, "unclear", "y")]) == "some left out (left-out, another-arm)"
    # not a trial without a verdict: one outcome was counted
    assert kind([(0, "counted", "x"), (1, "unclear", "y")]).startswith("one counted")
