"""Forms of reported results the sentence reader reads (issue 23, helper s33-results).

Every sentence here is written for these tests (none is from a dev set). Each test names the grammar it checks:
a comparative given its size, an adverb after the result word, a change said of one arm, "the difference in X was
not significant", "did not show any significant difference", "no evidence of difference", "X did not change", a
change noun with a bracket before its object; and what must stay unread: the control arm's own course, an arm
named as an object, a difference between hazard ratios, a subject headed by a fall.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparative given its size, with the interval between the size and the comparative's "than"
        ("Serum ferritin was 14% lower (95% CI 6 to 22, p = 0.002) than in the control group.",
         [("Serum ferritin", "decreased")]),
        ("Walking distance was 2.5 times higher in the training group than in the usual care group (p < 0.01).",
         [("Walking distance", "increased")]),
        # an adverb after the result word
        ("Fasting glucose was reduced significantly (p = 0.01) in the metformin arm.",
         [("Fasting glucose", "decreased")]),
        # "less" before the arm it was said of
        ("Blood loss was significantly less in the tranexamic acid group (p = 0.003).",
         [("Blood loss", "decreased")]),
    ],
)
def test_a_comparative_result_is_read_with_its_size_adverb_or_arm(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


def test_a_change_said_of_one_arm_is_read() -> None:
    assert _read("The number of hypoglycaemic episodes increased in the insulin pump arm (p = 0.03).") == [
        ("number of hypoglycaemic episodes", "increased")
    ]


def test_the_control_arms_own_change_is_not_the_interventions() -> None:
    assert _read("Body weight fell in the placebo group.") == []
    assert _read(
        "Symptom scores fell significantly with the new inhaler, whereas these scores in the control group did not "
        "change."
    ) == [("Symptom scores", "decreased")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The difference in visual acuity between the groups was not statistically significant.",
         [("visual acuity", "no_difference")]),
        ("The differences between the arms in hospital stay and readmission were small and not significant.",
         [("hospital stay", "no_difference"), ("readmission", "no_difference")]),
        ("The change in body mass index did not reach statistical significance (p = 0.21).",
         [("body mass index", "no_difference")]),
        ("There was no significant difference in the changes in sleep latency and sleep efficiency.",
         [("sleep latency", "no_difference"), ("sleep efficiency", "no_difference")]),
        ("We found no evidence of a difference in exacerbation rates between the two inhalers (p = 0.4).",
         [("exacerbation rates", "no_difference")]),
        ("No significant difference was found between the three regimens, in terms of wound healing time.",
         [("wound healing time", "no_difference")]),
        ("Trough levels did not show any significant difference between the two dosing schedules.",
         [("Trough levels", "no_difference")]),
        ("Resting heart rate did not change during the eight weeks of training.",
         [("Resting heart rate", "no_difference")]),
    ],
)
def test_no_difference_is_read_in_its_common_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


def test_a_difference_between_hazard_ratios_is_an_interaction_not_an_outcome() -> None:
    assert _read("The difference in HRs between the two follow-up periods was not statistically significant.") == []


def test_a_change_noun_reads_its_object_after_a_bracket_or_a_verb_of_finding() -> None:
    assert _read("A significant reduction (p = 0.02) in plasma renin was found after the infusion.") == [
        ("plasma renin", "decreased")
    ]
    assert _read("A significant increase was noted in forced vital capacity after 12 weeks.") == [
        ("forced vital capacity", "increased")
    ]


def test_an_arm_named_as_the_object_of_a_change_is_no_outcome() -> None:
    assert _read("Significant improvements were found in the yoga group for fatigue and anxiety.") == []


def test_a_comparative_before_its_test_and_object_is_read() -> None:
    text = "The trained group had significantly shorter (p < 0.001) reaction times than the untrained group."
    assert _read(text) == [("reaction times", "decreased")]
    assert _read("Scores were 4 and 9, indicating significantly lower anxiety scores with music.") == [
        ("anxiety scores", "decreased")
    ]


def test_a_subject_headed_by_a_fall_gets_no_direction_from_a_comparative() -> None:
    # "the decreases in X were greater" says X fell more, not that X rose: the comparative is not read
    assert [c for _, c in _read("The decreases in systolic pressure were greater with the diuretic.")] != ["increased"]


def _directions(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.direction) for m in find_outcomes(text)]


def test_an_arm_that_outperformed_or_was_superior_improved_the_measure_named_after_it() -> None:
    assert _directions(
        "Children given the reading programme significantly outperformed those in the waiting-list group in measures "
        "of spelling (p = 0.01)."
    ) == [("spelling", "improved")]
    assert _directions("The new splint was superior to casting in wrist mobility.") == [("wrist mobility", "improved")]
    assert _directions("The short course was inferior to the standard course for cure rates.") == [
        ("cure rates", "worsened")
    ]
    # the control arm doing better says nothing of which way the intervention went
    assert _directions("Placebo was superior to the new hypnotic in sleep quality.") == []


def test_a_comparative_said_of_a_side_or_with_a_result_verb_is_read() -> None:
    assert _read("Itching was significantly lesser on the side treated with the gel (p < 0.05).") == [
        ("Itching", "decreased")
    ]
    assert _read("Patients required significantly fewer rescue doses of tramadol in the block group.") == [
        ("rescue doses of tramadol", "decreased")
    ]


def test_an_arm_that_scored_higher_or_caused_more_is_read() -> None:
    assert _read("Patients in the app group scored higher on the self-efficacy scale than controls (p = 0.01).") == [
        ("self-efficacy scale", "increased")
    ]
    assert _directions("Children given the tutoring performed significantly better in reading fluency.") == [
        ("reading fluency", "improved")
    ]
    assert _read("The older regimen caused more peripheral neuropathy (p < 0.01).") == [
        ("peripheral neuropathy", "increased")
    ]
    # the control arm scoring higher says nothing of which way the intervention went
    assert _read("The placebo group scored higher on the fatigue scale.") == []


def test_less_and_as_compared_take_their_arm_or_comparison_after_them() -> None:
    assert _read("Nocturia was less in treated than untreated men (P = 0.003).") == [("Nocturia", "decreased")]
    assert _read("Serum urate levels were significantly lower as compared to placebo (P < 0.05).") == [
        ("Serum urate levels", "decreased")
    ]


def test_a_negated_result_said_of_the_subject_is_no_difference() -> None:
    assert _read("Grip strength was not improved by the splint (p = 0.4).") == [("Grip strength", "no_difference")]
    assert _read("Arterial pressure did not increase in the vasopressin arm.") == [
        ("Arterial pressure", "no_difference")
    ]
    assert _read("No detectable differences were present in bone density or fracture healing time.") == [
        ("bone density", "no_difference"), ("fracture healing time", "no_difference")
    ]
    # the control arm's own course, and a subject whose two readings differ, are not read
    assert _read("Itch did not improve in the vehicle group.") == []
    assert _read("Insulin clearance was not reduced by 5 mg, but was reduced by 20 mg (p < 0.01).") == []


def test_an_outcome_named_with_the_interventions_arm_counts_for_it_without_the_arm() -> None:
    from summarizer.engines.extractive.outcomes import OutcomeMention
    from summarizer.engines.extractive.sections import _without_its_arm
    from summarizer.engines.extractive.target_profile import TargetProfile

    profile = TargetProfile("sertraline", frozenset({"sertraline"}))
    mention = OutcomeMention("remission rate for sertraline", "increased", "improved", "quote")
    assert _without_its_arm(mention, profile).outcome == "remission rate"
    # a name that is the intervention itself, or holds no arm, stays as it is
    for name in ("sertraline dose", "remission rate"):
        assert _without_its_arm(OutcomeMention(name, "increased", "improved", "q"), profile).outcome == name


def test_a_significant_difference_in_favour_of_an_arm_is_read_for_its_measure() -> None:
    assert _directions(
        "A significant difference between groups in favour of the coaching group was found for medication adherence "
        "(p = 0.01)."
    ) == [("medication adherence", "improved")]
    assert _directions("Significant differences in favor of placebo were observed for nasal congestion.") == [
        ("nasal congestion", "worsened")
    ]
    assert _directions("Improvements were also observed for walking speed after the programme.") == [
        ("walking speed", "improved")
    ]


def test_a_long_subject_of_no_difference_is_named_by_its_head_before_where_it_was_measured() -> None:
    assert _read("The mean total time to first feed in the neonatal unit did not differ between the two groups.") == [
        ("time to first feed", "no_difference")
    ]
    # a change is named by its head too when the words cut off name no arm (s39-readings); when they do, which arm
    # the subject is of matters, and it keeps the whole subject's limit
    changed = "The mean total time to first feed in the neonatal unit was significantly shorter with cup feeding."
    assert _read(changed) == [("time to first feed", "decreased")]
    of_an_arm = "The mean total time to first feed of infants randomised to cup feeding was significantly shorter."
    assert _read(of_an_arm) == []


def test_a_negated_change_compared_with_the_other_arm_is_no_absence_of_difference() -> None:
    assert _read("Hypertonic saline did not increase cerebral perfusion pressure as much as mannitol.") == []
    assert _read("Drug A did not reduce pain scores as effectively as drug B did.") == []
    assert _read("Drug A did not reduce the pain scores (p = 0.4).") == [("pain scores", "no_difference")]


def test_a_change_noun_that_heads_a_compared_subject_is_not_its_direction() -> None:
    read = _read("The mean increase in knee swelling in group A (drug X) was significantly less than that of group B.")
    assert ("knee swelling", "increased") not in read
    assert _read("There was a significant increase in HDL cholesterol in the treated group (p = 0.01).") == [
        ("HDL cholesterol", "increased")
    ]


def test_two_clauses_joined_by_and_keep_their_own_subjects_and_results() -> None:
    text = ("The success rate was significantly lower and the rate of complications was significantly higher in the "
            "standard group than in the guided group (p < 0.001).")
    assert sorted(_read(text)) == [("rate of complications", "increased"), ("success rate", "decreased")]
    assert _read("Ketamine reduced pain and nausea (p = 0.01).") == [("pain", "decreased"), ("nausea", "decreased")]


def test_no_difference_in_doing_something_to_an_outcome_is_no_difference() -> None:
    text = "There was no difference between the two drugs in preventing postoperative delirium (p = 0.4)."
    assert _read(text) == [("postoperative delirium", "no_difference")]
    assert _read("Drug A was effective in preventing postoperative delirium (p = 0.02).") == [
        ("postoperative delirium", "decreased")
    ]


def test_in_comparison_with_the_control_group_names_the_reference_not_the_arm_that_changed() -> None:
    text = ("Children given the probiotic had a shorter duration of fever in comparison with the control group "
            "(p = 0.03).")
    assert _read(text) == [("duration of fever", "decreased")]
