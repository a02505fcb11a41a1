"""Results that are no finding for the intervention (issue 23, helper s34-precision): each arm's own change
reported side by side, with nothing that compares the arms. Sentences written for these
tests, not taken from the dev data."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes


def _changes(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


def test_each_arms_change_side_by_side_is_no_finding() -> None:
    assert _changes(
        "Fatigue scores fell from 7.1 to 3.0 in the walking group and from 7.0 to 3.2 in the control group."
    ) == []
    assert _changes(
        "Resting heart rate rose by 8 and 9 beats per minute in those assigned to the tablet and placebo, respectively."
    ) == []


def test_arms_compared_or_set_against_each_other_still_read() -> None:
    assert _changes("Fatigue scores fell in the walking group (p = 0.01) but not in the control group.") == [
        ("Fatigue scores", "decreased")
    ]


def test_two_arms_values_with_a_test_are_a_comparison() -> None:
    assert _changes(
        "Mean satisfaction was 7.9 in the splint group and 8.6 in the control group (p = 0.01)."
    ) == [("satisfaction", "decreased")]


def test_a_difference_whose_interval_holds_zero_is_no_difference() -> None:
    assert _changes(
        "Itch was slightly lower with the cream than with the vehicle (mean difference -0.4, 95% CI -1.1 to 0.3)."
    ) == [("Itch", "no_difference")]
    assert _changes(
        "Itch was lower with the cream than with the vehicle (mean difference -1.4, 95% C.I. -2.1, -0.6)."
    ) == [("Itch", "decreased")]


def test_a_harms_reduction_or_timing_is_a_result_not_an_adverse_event() -> None:
    from summarizer.engines.extractive.event_measures import measured_not_occurring, names_a_measure
    from summarizer.engines.extractive.polarity import rule_higher_is_better

    low = "the patch gave larger headache reductions than the gel, and delayed the time to first vomiting."
    headache, vomiting = low.index("headache"), low.index("vomiting")
    assert measured_not_occurring(low, [(headache, headache + 8), (vomiting, vomiting + 8)]) == []
    occurred = "headache occurred soon after the onset of vomiting."
    assert measured_not_occurring(occurred, [(0, 8), (occurred.index("vomiting"), len(occurred) - 1)]) == [
        (0, 8), (occurred.index("vomiting"), len(occurred) - 1)
    ]
    assert names_a_measure("headache reductions") and names_a_measure("time to first vomiting")
    assert not names_a_measure("headache")
    assert rule_higher_is_better("pain reductions") is True
    assert rule_higher_is_better("reduction in pain") is True
    assert rule_higher_is_better("dose reduction") is None


def test_event_rates_per_arm_with_the_comparators_the_highest() -> None:
    from summarizer.engines.extractive.arm_rates import comparator_highest

    def highest(text: str) -> bool:
        low = text.lower()
        return comparator_highest(low, 0, len(low))

    assert highest("Dizziness was reported by 4.1%, 3.9% and 5.2% of those in the low-dose, high-dose and placebo "
                   "arms, respectively.")
    assert highest("Cough occurred in 12% with the inhaler (p = 0.2) and 9% with the spray, compared with 20% with "
                   "placebo.")
    assert not highest("Dizziness was reported by 9.1% and 5.2% of those in the tablet and placebo arms, respectively.")
    assert not highest("Cough occurred in 22% with the inhaler, compared with 20% with placebo.")
    assert not highest("Cough occurred in 22% of patients with the inhaler.")


def test_a_better_outcome_is_a_judgement_of_the_arm() -> None:
    from summarizer.engines.extractive.result_cues import JUDGED_BETTER, JUDGED_WORSE

    assert JUDGED_BETTER.search("the brace group had a better outcome in terms of pain and grip (p = 0.01)")
    assert JUDGED_BETTER.search("walking gave better results for fatigue than rest")
    assert JUDGED_WORSE.search("the sling group had worse outcomes in terms of pain")
    assert not JUDGED_BETTER.search("no better outcome was seen with the brace")
