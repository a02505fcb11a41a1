"""Numbers given per arm with the outcome as the verb's object (issue 23, s38-armnums); sentences written for
these tests."""

from __future__ import annotations

from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance


def _read(text: str) -> list[tuple[str, str | None]]:
    scan = Scan(text, Resources())
    return [
        (r.change, text[r.named[0] : r.named[1]] if r.named else None)
        for r in numeric_results(scan, Significance(scan))
    ]


def test_percentages_per_arm_then_the_outcome_as_object() -> None:
    text = "At week 24, 48% of patients on the drug and 19% on placebo achieved clinical remission (P < 0.001)."
    assert _read(text) == [("increased", "clinical remission")]


def test_counts_out_of_a_number_per_arm() -> None:
    text = (
        "Overall, 18 of 52 patients in the drug group and 30 of 49 in the control group developed pneumonia (p = 0.01)."
    )
    assert _read(text) == [("decreased", "pneumonia")]


def test_a_test_not_significant_is_no_difference() -> None:
    text = "In all, 40% with the drug and 35% with placebo attained a major response, p = 0.4."
    assert _read(text) == [("no_difference", "major response")]


def test_a_count_in_brackets_is_no_arm_value() -> None:
    text = "Rates were similar (7.1% (12 of 170) of treated patients and 6.5% (11 of 169) of control patients)."
    assert all(named is None for _, named in _read(text))


def _outcomes(text: str) -> list[tuple[str, str]]:
    from summarizer.engines.extractive.outcomes import find_outcomes

    return [(m.outcome, m.change) for m in find_outcomes(text)]


def test_denied_positive_effect_is_no_difference_in_each_outcome() -> None:
    text = "No positive effects of the supplement on fatigue or sleep quality could be shown in this trial."
    assert _outcomes(text) == [("fatigue", "no_difference"), ("sleep quality", "no_difference")]


def test_positive_effect_not_denied_says_no_direction() -> None:
    assert _outcomes("The supplement had a positive effect on fatigue.") == []


def test_better_outcome_in_terms_of_each_outcome() -> None:
    text = "Patients in the exercise group had a better outcome (p < 0.01) in terms of pain, disability, and sleep."
    from summarizer.engines.extractive.outcomes import find_outcomes

    found = [(m.outcome, m.direction) for m in find_outcomes(text)]
    assert found == [("pain", "improved"), ("disability", "improved"), ("sleep", "improved")]


def test_worse_results_for_an_outcome_and_the_control_arm_as_subject() -> None:
    from summarizer.engines.extractive.outcomes import find_outcomes

    worse = find_outcomes("The surgical group showed significantly worse results for wound healing.")
    assert [(m.outcome, m.direction) for m in worse] == [("wound healing", "worsened")]
    assert find_outcomes("The placebo group had better results for sleep.") == []
