"""A change measured within the groups is no result of the intervention against its comparator (within_groups.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.within_groups import within_groups_only


def _mention(quote: str, change: str = "decreased") -> OutcomeMention:
    direction = {"decreased": "improved", "increased": "worsened"}.get(change, change)
    return OutcomeMention(outcome="plaque score", change=change, direction=direction, quote=quote)  # type: ignore[arg-type]


@pytest.mark.parametrize("quote", [
    "Compared with baseline values, the gel and the rinse groups showed a significant fall in plaque score (P < 0.01).",
    "Plaque score decreased significantly in both groups after six weeks (p = 0.002).",
    "Plaque score fell in the brushing and flossing groups (within-group p < 0.05).",
    "In all three groups the plaque score was lower than at baseline (p < 0.001).",
])
def test_a_change_within_the_groups_gives_no_direction(quote: str) -> None:
    assert within_groups_only(_mention(quote))


@pytest.mark.parametrize("quote", [
    # the arms compared: the difference between them is the result
    "Plaque score fell more in the gel group than in the rinse group (p = 0.01).",
    "Reductions from baseline in plaque score were greater with the gel versus placebo (P < 0.05).",
    "Both groups improved, but the fall in plaque score was greater in the gel group compared with the rinse group.",
    "Plaque score decreased in both groups, with a significant difference between the groups (p = 0.03).",
    # no cue of a change within the groups
    "The gel significantly reduced the plaque score (p = 0.004).",
])
def test_a_comparison_of_the_arms_is_kept(quote: str) -> None:
    assert not within_groups_only(_mention(quote))


def test_no_difference_is_left_alone() -> None:
    """"Similar in both groups" compares the arms: a reading of no difference is never dropped here."""
    assert not within_groups_only(_mention("Plaque score was similar in both groups (p = 0.62).", "no_difference"))
