"""s49-verdicts: a result that is a smaller change (smaller_changes.smaller_change) is worded as one, not as a
change the other way. The sentences and names are written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.smaller_changes import smaller_change


@pytest.mark.parametrize(
    ("quote", "outcome", "change"),
    [
        # a change verb with "less" after it, the subject before
        ("Grip strength declined significantly less in the yoga arm than in the waiting-list arm (p = 0.02).",
         "Grip strength", "decline"),
        ("Bone density of the hip was reduced less with the spray than with the drops (P < 0.05).",
         "Bone density of the hip", "reduction"),
        # a smaller change noun before "in X"
        ("The patch gave a significantly smaller rise in heart rate than the tablet (p = 0.004).",
         "heart rate", "rise"),
        ("Swimmers showed less decline in lung volume than runners (p = 0.03).", "lung volume", "decline"),
        ("There were smaller median increases in body weight with the new diet (p = 0.01).", "body weight", "increase"),
        # the change noun as the subject, the comparative after the copula
        ("The increase in thirst scores was significantly smaller with the lozenge (p = 0.01).",
         "thirst scores", "increase"),
    ],
)
def test_a_result_said_as_a_smaller_change_gives_that_change(quote: str, outcome: str, change: str) -> None:
    assert smaller_change(quote, outcome) == change


@pytest.mark.parametrize(
    ("quote", "outcome"),
    [
        # a bound on the size, not a smaller change than the other arm's
        ("Grip strength declined by less than 5% in the yoga arm (p = 0.02).", "Grip strength"),
        # how often, not how much
        ("Fever recurred less often with the spray (p = 0.04).", "Fever"),
        # a greater change, and a plain change
        ("Heart rate fell significantly more with the patch (p = 0.01).", "Heart rate"),
        ("Heart rate fell with the patch (p = 0.01).", "Heart rate"),
        # a smaller change of another measure than the outcome read
        ("There was a smaller rise in heart rate and lower thirst scores with the lozenge (p = 0.01).",
         "thirst scores"),
        # "less" in another clause than the outcome's
        ("Thirst scores were lower; heart rate declined less with the lozenge (p = 0.01).", "Thirst scores"),
    ],
)
def test_a_result_that_is_not_a_smaller_change_gives_none(quote: str, outcome: str) -> None:
    assert smaller_change(quote, outcome) is None

