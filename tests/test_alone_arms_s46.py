"""An arm given one treatment alone is the comparator of the arm that adds another (alone_arms.py), one definition
shared by four readers: numeric_results (which value is the comparator's), result_cues.CONTROL_ARM (a change said of
the comparator's arm), within_groups (the sentence compares the arms) and control_arm_names (what both arms had).
Every sentence here is written for these tests, each form with a case where it must not fire."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate
from summarizer.engines.extractive.alone_arms import ALONE_ARM, names_alone_arm
from summarizer.engines.extractive.control_arm_names import alone_arm_anchors
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.within_groups import within_groups_only


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(o.outcome, o.change, o.direction) for o in annotate(text).outcomes]


@pytest.mark.parametrize(
    "words",
    [
        "in the surgery-alone group",
        "in the fentanyl alone arm",
        "among CMF-alone patients",
        "in the education-only group",
        "in the valproate monotherapy cohort",
        "in patients given heparin alone",
        "in those who took the syrup alone",
        "than with low-dose ropivacaine alone",
        "of patients receiving medication only (p = 0.01)",
        "of the infants assigned to zinc only, 12%",
        # "a" is a name's letter here
        "in the vitamin A alone group",
        "in infants given vitamin A alone",
        "in those who underwent surgery alone",
    ],
)
def test_an_arm_given_one_treatment_alone(words: str) -> None:
    assert ALONE_ARM.search(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "in widowers living alone",
        "left alone in the room for ten minutes",
        "age alone did not explain the difference",
        "the only group that kept its dose",
        "a monotherapy arm",
        "a study that included only patients over 60",
        "in infants given zinc only once a day",
        "who took the tablets only 3 days before surgery",
        "in patients treated with the combination compared to zinc alone",
        "in patients who underwent a scan while living alone",
    ],
)
def test_no_arm_given_alone(words: str) -> None:
    assert ALONE_ARM.search(words) is None


def test_names_alone_arm_reads_only_the_words_it_is_given() -> None:
    low = "12% in the zinc group and 4% in the vitamin a-alone group"
    arm = low.index("in the vitamin")
    assert names_alone_arm(low) and names_alone_arm(low, arm)
    assert not names_alone_arm(low, 0, arm)  # the first arm's words: no arm alone there


def test_numeric_results_the_value_of_an_arm_given_one_treatment_only_is_the_comparators() -> None:
    combined = "and 4% of those given zinc plus vitamin A (p = 0.01)."
    assert _read("Sepsis occurred in 12% of the infants given zinc only " + combined) == [
        ("Sepsis", "decreased", "unclear")
    ]
    assert _read("Sepsis occurred in 12% of the infants in the zinc monotherapy group " + combined) == [
        ("Sepsis", "decreased", "unclear")
    ]


def test_numeric_results_people_alone_or_a_dose_given_only_once_are_no_comparator() -> None:
    # no arm is the comparator: the two values are not oriented, and no change is read
    for first, second in (
        ("mothers who lived alone", "mothers who lived with a partner"),
        ("the infants given zinc only once", "those given it twice"),
    ):
        assert _read(f"Sepsis occurred in 12% of {first} and 4% of {second} (p = 0.01).") == []


def test_control_arm_a_change_said_of_the_arm_given_one_treatment_alone_is_the_opposite_for_the_combination() -> None:
    for arm in ("with tamoxifen alone", "in the tamoxifen-only group", "in the tamoxifen monotherapy cohort"):
        assert _read(f"Relapse was significantly higher {arm} (P = 0.02).") == [("Relapse", "decreased", "improved")]


def test_control_arm_people_alone_or_an_unnamed_monotherapy_arm_leave_the_change_as_said() -> None:
    for people in ("in people who lived alone", "in the only arm that kept its dose"):
        assert _read(f"Relapse was significantly higher {people} (P = 0.02).") == [("Relapse", "increased", "worsened")]
    # "a monotherapy arm" says no treatment: in a trial of one drug against a combination it may be the intervention
    assert _read("Seizures were significantly more frequent in the monotherapy arm (p = 0.03).") == []


def _within(quote: str) -> bool:
    return within_groups_only(
        OutcomeMention(outcome="infection rate", change="decreased", direction="improved", quote=quote)
    )


@pytest.mark.parametrize(
    "comparator", ["in the soap-only group", "in wards given soap alone", "in those taking soap only"]
)
def test_within_groups_a_change_beside_an_arm_given_one_treatment_alone_compares_the_arms(comparator: str) -> None:
    assert not _within(
        f"Infection rate fell to 3% in the chlorhexidine and soap groups, against 11% {comparator} (p = 0.002)."
    )


@pytest.mark.parametrize(
    "people",
    ["among nurses who worked alone", "in nurses taking soap only once a day", "the only groups that used gloves"],
)
def test_within_groups_people_alone_or_an_adverb_only_compare_no_arms(people: str) -> None:
    assert _within(f"Infection rate fell in the chlorhexidine and soap groups, {people} (p = 0.002).")


def _alone(*texts: str) -> frozenset[str]:
    return alone_arm_anchors(texts, lambda words: words.lower().split())


def test_control_arm_names_an_arm_alone_before_its_noun_names_what_both_arms_had() -> None:
    assert _alone("Relapse was rarer with tamoxifen plus goserelin; 30% relapsed in the tamoxifen-alone cohort.") == {
        "tamoxifen"
    }


def test_control_arm_names_one_patient_treated_with_a_drug_alone_names_no_arm() -> None:
    # a case report's patient: a verb of giving names no arm here (the other readers take it, within a trial's result)
    case = "A woman treated with rituximab alone developed hepatitis; her sister had rituximab plus CHOP."
    assert _alone(case) == set()
