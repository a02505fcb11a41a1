"""A change verb after "not" is denied ("did not reduce X"), but "not only V X but also ..." says X changed too.
Sentences written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate


def _changes(text: str) -> dict[str, tuple[str, str]]:
    return {o.outcome: (o.change, o.direction) for o in annotate(text).outcomes}


@pytest.mark.parametrize("emphasis", ["not only", "not just", "not merely"])
def test_not_only_does_not_deny_the_change(emphasis: str) -> None:
    changes = _changes(f"The walking programme {emphasis} improved fatigue but also reduced anxiety (P < 0.01).")
    assert changes["fatigue"][1] == "improved"
    assert changes["anxiety"] == ("decreased", "improved")


def test_a_plain_not_still_denies_the_change() -> None:
    assert _changes("The walking programme did not reduce fatigue (P = 0.41).")["fatigue"] == (
        "no_difference",
        "no_difference",
    )
