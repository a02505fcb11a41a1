"""s48-read: forms of misreading found by reading train trial briefs as a clinician would (issue 23)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.both_arms_results import in_both_arms_result
from summarizer.engines.extractive.differed_measures import differed_in, differed_measure_anchors
from summarizer.engines.extractive.outcome_parts import outcome_part_anchors
from summarizer.engines.extractive.treatment_mention import TreatmentMention, TreatmentReading


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("hba1c", "there was no difference in hba1c between the coaching and usual care arms."),
        ("rescue inhaler", "the groups did not differ in the number of days on which a rescue inhaler was used."),
        (
            "paracetamol",
            "no significant differences were seen between the two groups in sleep quality (p = 0.4; 95% ci 0.1 to 0.3),"
            " nights of pain, or doses of paracetamol taken.",
        ),
    ],
)
def test_a_name_inside_what_the_arms_differed_in_is_measured(name: str, text: str) -> None:
    assert differed_in(name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("coaching", "there was no difference in hba1c between the coaching and usual care groups."),
        ("coaching", "there was no difference in hba1c in the coaching group."),
        ("coaching", "the difference in hba1c was in favour of coaching."),
        ("coaching", "hba1c differed in patients receiving coaching."),
        ("coaching", "the difference in hba1c (7.1 with coaching versus 7.4 with usual care) was small."),
        ("coaching", "coaching lowered hba1c; there was no difference in weight."),
        ("coaching", "there was no difference in weight. coaching lowered hba1c."),
    ],
)
def test_an_arm_beside_a_difference_is_not_measured(name: str, text: str) -> None:
    assert not differed_in(name, text)


def _reading(*names: str) -> TreatmentReading:
    return TreatmentReading(
        mentions=tuple(TreatmentMention(name, (name.split()[-1].lower(),), 0, True, False) for name in names)
    )


def test_only_a_name_every_statement_names_inside_a_difference_is_excluded() -> None:
    texts = [
        "There was no difference in days on which rescue medication was taken between the two groups.",
        "Patients given rescue medication slept better.",
        "The groups did not differ in the number of nights on which melatonin was needed.",
    ]
    anchors = differed_measure_anchors([_reading("rescue medication"), _reading("rescue medication"),
                                        _reading("melatonin")], texts)
    assert anchors == frozenset({"melatonin"})


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("contrast injection", "discomfort due to contrast injection was comparable in both groups (p = 0.6)."),
        ("skin incision", "before skin incision, mean arterial pressure was 85 mmhg in both study groups."),
        ("rescue salbutamol", "the use of rescue salbutamol fell by half within each group."),
    ],
)
def test_a_name_in_a_result_said_of_both_arms_is_no_arm(name: str, text: str) -> None:
    assert in_both_arms_result(name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ondansetron", "nausea fell in both groups, but ondansetron reduced vomiting more."),
        ("ondansetron", "nausea was less frequent in patients receiving ondansetron in both groups."),
        ("ondansetron", "nausea fell in both the ondansetron and placebo groups."),
        ("ondansetron", "nausea rates (ondansetron 10%, placebo 30%) differed in both groups."),
        ("ondansetron", "ondansetron reduced nausea compared with placebo."),
    ],
)
def test_an_arm_beside_a_result_of_both_arms_is_kept(name: str, text: str) -> None:
    assert not in_both_arms_result(name, text)


def test_outcome_parts_join_both_kinds() -> None:
    texts = [
        "Pain due to contrast injection was comparable in both groups.",
        "The groups did not differ in the number of nights on which melatonin was needed.",
        "Ondansetron reduced nausea in both groups.",
        "Ondansetron reduced vomiting compared with placebo.",
    ]
    readings = [_reading("contrast injection"), _reading("melatonin"), _reading("Ondansetron"), _reading("Ondansetron")]
    assert outcome_part_anchors(readings, texts) == frozenset({"injection", "melatonin"})
