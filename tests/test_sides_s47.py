"""Which arm a result is about (result_cues.CONTROL_ARM, result_cues.AGAINST_OTHER_ARM): a change said of the control
arm with its adverb first ("rose significantly in the placebo group"), the standard treatment as the control ("in
the standard treatment group", "with standard therapy"), and the other arm a control arm's change is set against
("in the control group compared to the intervention group"). Every sentence here is written for these tests, each
form with a case where it must not fire."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.result_cues import AGAINST_OTHER_ARM, CONTROL_ARM


def _read(text: str) -> list[tuple[str, str]]:
    return [(o.outcome, o.change) for o in find_outcomes(text)]


@pytest.mark.parametrize(
    "words",
    [
        " significantly in the placebo group",
        " markedly among the sham arm",
        " statistically significantly in the control group",
        " slightly in the usual care group",
        " in the standard regimen group",
        " in the standard regimen arm",
        " with standard therapy",
        " for the standard of care arm",
    ],
)
def test_a_change_said_of_the_control_arm(words: str) -> None:
    assert CONTROL_ARM.match(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        " significantly in the lactoferrin group",
        " in the standard-dose group",
        " in the standard dose arm",
        " significantly after the first week in the placebo group",
        " in the children who met the standard",
    ],
)
def test_no_change_said_of_the_control_arm(words: str) -> None:
    assert CONTROL_ARM.match(words) is None


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("grip strength fell significantly in the control group compared to the exercise group", "control"),
        ("the itch score rose in the placebo group (4.1 ± 1.2) relative to the cream group", "placebo"),
        ("sleep latency was longer in the sham arm than in the acupuncture arm", "sham"),
        ("pain rose in the control group, as compared with the two active groups", "control"),
    ],
)
def test_the_other_arm_a_control_arm_is_set_against(text: str, after: str) -> None:
    control = CONTROL_ARM.match(text, text.index(after) - len(" in the "))
    assert control is not None
    assert AGAINST_OTHER_ARM.match(text, control.end()) is not None


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("grip strength fell significantly in the control group (p = 0.01).", "control"),
        ("grip strength fell in the control group compared with baseline", "control"),
        ("grip strength fell in the placebo group, and the exercise group gained weight", "placebo"),
    ],
)
def test_a_control_arm_set_against_no_other_arm(text: str, after: str) -> None:
    control = CONTROL_ARM.match(text, text.index(after) - len(" in the "))
    assert control is not None
    assert AGAINST_OTHER_ARM.match(text, control.end()) is None


def test_a_change_in_the_control_arm_alone_is_not_the_interventions() -> None:
    # the adverb before the arm used to hide it: the control arm's own rise was read as the intervention's
    assert _read("Serum ferritin rose significantly in the placebo group (p = 0.01).") == []
    assert _read("Serum ferritin rose significantly in the lactoferrin group (p = 0.01).") == [
        ("Serum ferritin", "increased")
    ]


def test_a_result_said_of_the_standard_arm_is_turned_round() -> None:
    assert _read("Pain scores were higher in the standard treatment group than in the laser group (p = 0.02).") == [
        ("Pain scores", "decreased")
    ]
    # a standard dose is no control arm: either arm may be given it
    assert _read("Pain scores were higher in the standard-dose group than in the high-dose group (p = 0.02).") == [
        ("Pain scores", "increased")
    ]


def test_a_change_of_the_control_arm_set_against_the_other_arm_is_the_interventions_turned_round() -> None:
    found = find_outcomes(
        "Grip strength fell significantly in the control group compared to the exercise group (p = 0.01)."
    )
    assert [(m.outcome, m.change, m.direction) for m in found] == [("Grip strength", "increased", "improved")]
    assert find_outcomes("Grip strength fell significantly in the control group (p = 0.01).") == []
