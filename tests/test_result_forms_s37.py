"""Forms of reported results the sentence reader reads, and arms named generically (issue 23, helper s37-readings).

Every sentence here is written for these tests (none is from a dev set): a time put before the subject without a
comma, a significant comparative before the measure it compares with the verb that says it was observed, how often
something occurred in one arm against another, "no treatment differences in X", "the effect of A on X was not
significant"; a sentence that sets the treated arm, named generically, against the control arm, or that compares the
arms however named and finds no difference (arm_comparison.py); and what must stay unread: a course after a time
("after 3 days the rash improved after ..."), which may be another treatment's, each arm's own course, a name that
opens with a negation.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.arm_comparison import (
    ARMS,
    TREATED_AGAINST_CONTROL,
    arms_compared,
    compares_treated_with_control,
)
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time before the subject, without a comma
        ("At 8 weeks serum ferritin was significantly lower in the treated group than in the control group "
         "(p = 0.02).", [("serum ferritin", "decreased")]),
        ("After 10 days of therapy the wound area was significantly smaller with the gel than with saline (p = 0.01).",
         [("wound area", "decreased")]),
        ("At week 16 the mean walking distance was significantly longer in the exercise arm (p = 0.03).",
         [("walking distance", "increased")]),
        # a significant comparative before the measure, observed; said of the control arm, the other way round
        ("Significantly fewer wound infections were recorded in the silver dressing group (p = 0.01).",
         [("wound infections", "decreased")]),
        ("Significantly higher anxiety scores were observed in the placebo group (p = 0.004).",
         [("anxiety scores", "decreased")]),
        # how often it occurred in one arm against another
        ("Vomiting occurred significantly less often with the new regimen than with the standard one (p = 0.03).",
         [("Vomiting", "decreased")]),
        ("Dizziness was observed more frequently in the control arm (p = 0.04).", [("Dizziness", "decreased")]),
        # no difference: the arms' difference named "treatment differences"; an effect said not significant
        ("No treatment differences were detected in sleep latency (p = 0.5).", [("sleep latency", "no_difference")]),
        ("The effect of the exercise programme on grip strength was not statistically significant.",
         [("grip strength", "no_difference")]),
        # a list longer than the pattern's reach: its last name is read to the end of its word, not cut inside it
        ("There were no significant differences in the mean duration of hospital stay, the number of wound "
         "infections, or the mean postoperative opioid consumption scores between the two groups.",
         [("mean duration of hospital stay", "no_difference"), ("number of wound infections", "no_difference"),
          ("mean postoperative opioid consumption scores", "no_difference")]),
        # a name that opens with a negation is no measure
        ("There was a small decrease or no change in muscle tone in both groups, with no between-group difference "
         "in muscle tone.", [("muscle tone", "no_difference")]),
    ],
)
def test_result_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


def test_a_course_after_a_time_is_not_read_as_a_comparison() -> None:
    read = _read("After 3 days the rash improved after the infusion of saline.")
    assert not any(outcome.lower().startswith(("after", "rash")) for outcome, _ in read)


def test_a_comparative_without_significance_is_not_read_here() -> None:
    assert _read("Higher doses were given in the second week.") == []


@pytest.mark.parametrize(
    ("sentence", "compares"),
    [
        ("relapse was less frequent in the treated group than in the control group", True),
        ("pain was lower in the experimental arm than with placebo", True),
        ("pain was lower in the first group than in the second", False),
        ("the intervention group was larger", False),
    ],
)
def test_compares_treated_with_control(sentence: str, compares: bool) -> None:
    assert compares_treated_with_control(sentence) is compares


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("there was no significant difference between the groups in wound healing time", ARMS),
        ("no between-group differences were found for sleep quality", ARMS),
        ("grip strength did not differ between the laser and sham groups", ARMS),
        ("hospital stay was similar in both groups (p = 0.4)", ARMS),
        ("pain was lower in the treated group than in the control group", TREATED_AGAINST_CONTROL),
        # each arm's own course, not a comparison of the arms
        ("there was no significant change in body weight in both groups", None),
        # the arms did differ: the no change is one arm's own
        ("x did not change in group 1, and the between-group difference was significant (p = 0.01)", None),
    ],
)
def test_arms_compared(sentence: str, kind: str | None) -> None:
    assert arms_compared(sentence) == kind


def test_no_difference_between_the_groups_counts_for_the_intervention() -> None:
    statements = [
        Statement(id="S1", text="Zelvamab reduced joint swelling in patients with arthritis (p < 0.01)."),
        Statement(id="S2", text="There was no significant difference between the groups in serum creatinine."),
        Statement(id="S3", text="Serum albumin did not change in both groups."),
        # the arms of another trial, named by their treatments
        Statement(id="S4", text="There was no difference in serum potassium between the metformin and sitagliptin "
                                "groups."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert [(o.outcome, o.direction) for o in brief.efficacy.outcomes if "S2" in o.statement_ids] == [
        ("serum creatinine", "no_difference")
    ]
    assert not [o for o in brief.efficacy.outcomes if {"S3", "S4"} & set(o.statement_ids)]


def test_a_generic_arm_comparison_counts_for_the_intervention() -> None:
    statements = [
        Statement(id="S1", text="Zelvamab reduced joint swelling in patients with arthritis (p < 0.01)."),
        Statement(id="S2", text="In this trial of zelvamab, joint pain was significantly lower in the treated group "
                                "than in the placebo group (p = 0.002)."),
        Statement(id="S3", text="Anxiety scores were significantly lower in the experimental group than in the "
                                "control group (p = 0.01)."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.target.intervention is not None
    anxiety = [o for o in brief.efficacy.outcomes if "S3" in o.statement_ids]
    assert [(o.outcome, o.direction) for o in anxiety] == [("Anxiety scores", "improved")]
