"""s48-read: forms of misreading found by reading train trial briefs as a clinician would (issue 23)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.differed_measures import differed_in, differed_measure_anchors
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
