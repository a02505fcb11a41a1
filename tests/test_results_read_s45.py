"""Results of trials and citing sentences read in three general forms (s45): an arm "better/worse than" another "for"
a measure (the measure is the outcome, the arm is not), a treatment "given alone" as the comparator of the arm that
adds another to it, and "protective against" a harm. Every sentence here is written for these tests, each rule with a
case where it must not fire."""

from __future__ import annotations

from summarizer.engines.extractive import annotate


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(o.outcome, o.change, o.direction) for o in annotate(text).outcomes]


def test_better_than_another_arm_for_a_measure_names_the_measure_not_the_arm() -> None:
    assert _read("The silicone lens was significantly better than the hydrogel lens for reading speed (p = 0.02).") == [
        ("reading speed", "unclear", "improved")
    ]
    assert _read("The silicone lens was significantly worse than the hydrogel lens on wearing comfort (p = 0.03).") == [
        ("wearing comfort", "unclear", "worsened")
    ]


def test_better_than_another_arm_in_some_patients_names_no_measure() -> None:
    # the people it was better in are no measure
    outcomes = _read("The silicone lens was better than the hydrogel lens in older patients (p = 0.04).")
    assert all(name != "older patients" for name, _, _ in outcomes)
    assert _read("The results were better than expected.") == []


def test_a_treatment_given_alone_is_the_comparator_of_the_arm_that_adds_to_it() -> None:
    outcomes = _read("Recurrence was 3.1% in the chemoradiation group and 9.4% in the surgery-alone group (p < 0.001).")
    assert outcomes == [("Recurrence", "decreased", "improved")]
    assert _read(
        "Wound infection occurred in 14% of patients given cefazolin alone and 5% of those given cefazolin plus "
        "vancomycin (p = 0.01)."
    ) == [("Wound infection", "decreased", "improved")]


def test_people_who_live_alone_are_no_comparator_arm() -> None:
    # two groups of people compared, neither a treatment alone: no arm is the comparator, no change is read
    assert _read("Falls occurred in 22% of residents living alone and 9% of those living with family (p = 0.01).") == []


def test_protective_against_a_harm_decreases_it_and_a_denied_protection_is_no_difference() -> None:
    assert _read("The conjugate vaccine was protective against invasive otitis (OR 0.55, 95% CI 0.38-0.80).") == [
        ("invasive otitis", "decreased", "improved")
    ]
    assert _read("No protective effect against invasive otitis was found for the conjugate vaccine.") == [
        ("invasive otitis", "no_difference", "no_difference")
    ]
    assert _read("Protective goggles against splashes were worn by the nurses.") == []


def test_the_span_a_change_was_measured_over_is_no_part_of_its_name() -> None:
    outcomes = _read(
        "The change in serum zinc from week 0 to week 16 in the zinc group was significantly higher than that in the "
        "placebo group (p = 0.004)."
    )
    assert outcomes == [("change in serum zinc", "increased", "unclear")]
    # a change within both groups from their baseline is no comparison of the arms: nothing read as a change
    assert all(change == "no_difference" or change == "unclear" for _, change, _ in _read(
        "Serum zinc rose from baseline to week 16 in both groups (p < 0.01)."
    ))


def test_a_time_fronted_before_a_change_said_of_one_arm_is_when_it_was_measured() -> None:
    assert _read(
        "After 3 months of training (T2) the grip strength increased in the exercise group and decreased in the "
        "placebo group (p < 0.001)."
    ) == [("grip strength", "increased", "improved")]
    # a course with no arm named after it may be another treatment's: not read as the arm's result
    assert _read("After 3 days the swelling improved.") == []


def test_people_named_by_their_arm_are_a_count_of_that_arm() -> None:
    assert _read("Fewer zafirlukast-treated children had wheeze than placebo children (11% vs 29%, p = 0.02).") == [
        ("wheeze", "decreased", "improved")
    ]


def test_people_of_a_kind_are_no_arm_nor_the_trial() -> None:
    # people of a kind compared with others: no arms
    assert _read("A significantly greater share of obese children had wheeze than lean children (p < 0.001).") == []
    # people of a kind within an arm: a subgroup's result, not the trial's
    assert _read(
        "Significantly more asthmatic children in the zafirlukast arm compared to the placebo arm reported good sleep "
        "(41% vs 22%, p = 0.01)."
    ) == []


def test_a_result_shown_by_the_people_of_each_arm_is_read_as_their_counts() -> None:
    assert _read(
        "Remission was shown by 71.0% (44/62) of children receiving zafirlukast and 48.4% (30/62) of those receiving "
        "placebo (P = 0.01)."
    ) == [("Remission", "increased", "improved")]


def test_more_people_of_one_arm_compared_with_the_control_arm_is_a_change_in_that_arm() -> None:
    # the control arm is named after "compared to": it is not the arm the people are of
    assert _read(
        "Significantly more women in the pilates arm compared to the usual care arm reported high satisfaction "
        "(41% vs 22%, p = 0.01)."
    ) == [("high satisfaction", "increased", "improved")]


def test_a_significant_difference_takes_its_side_from_the_clause_after_it() -> None:
    assert _read(
        "There was a significant difference in itch scores between groups, where the menthol group had lower scores "
        "than the vehicle group (P < 0.001)."
    ) == [("itch scores", "decreased", "improved")]
    assert _read(
        "A significant difference in wound healing time was found between the groups, with longer times in the "
        "placebo group (p = 0.02)."
    ) == [("wound healing time", "decreased", "improved")]


def test_a_difference_with_no_arm_on_its_side_or_denied_gives_no_side() -> None:
    assert _read("There was a significant difference in itch scores at 6 hours, with lower scores in women.") == []
    assert _read(
        "There was no significant difference in itch scores between groups, with the vehicle group having higher "
        "scores."
    ) == [("itch scores", "no_difference", "no_difference")]


def test_a_change_said_of_the_arm_given_one_treatment_alone_is_the_opposite_for_the_combination() -> None:
    assert _read("Relapse was significantly higher in the cisplatin-alone group (P = 0.02).") == [
        ("Relapse", "decreased", "improved")
    ]
    # people alone are no arm: the change stays as said
    assert _read("Relapse was significantly higher in widowers living alone (P = 0.02).") == [
        ("Relapse", "increased", "worsened")
    ]
