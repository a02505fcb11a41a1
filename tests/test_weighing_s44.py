"""The efficacy verdict weighed from the findings (issue 23, helper s44-verdicts): one result reported twice counts
once, and a result of no difference that a trial report states without naming its arms counts for the intervention.
The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.unnamed_null_results import unnamed_null_result
from summarizer.models import Brief, Statement
from summarizer.pipeline import summarize

LOWER_PAIN = "Pain scores at 24 hours were significantly lower in the ketorolac group than in the placebo group."
LOWER_PAIN_AGAIN = "Compared with placebo, ketorolac significantly reduced pain scores at 24 hours (P = 0.003)."
LESS_MORPHINE = "Patients given ketorolac needed significantly less rescue morphine than those given placebo."
NO_SHORTER_STAY = "Ketorolac did not significantly shorten the time to discharge compared with placebo (P = 0.41)."


def _brief(texts: list[str]) -> Brief:
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine())


def _claims(brief: Brief) -> list[str]:
    return [outcome.claim for outcome in brief.efficacy.outcomes]


def test_one_result_reported_twice_weighs_once() -> None:
    # the abstract and the results section report the same fall in pain: one improvement against one outcome that did
    # not differ is mixed evidence, not a majority of two that the one unchanged outcome cannot make mixed
    brief = _brief([LOWER_PAIN, LOWER_PAIN_AGAIN, NO_SHORTER_STAY])
    assert brief.efficacy.assessment == "mixed"
    pain = [o for o in brief.efficacy.outcomes if o.outcome.lower().startswith("pain")]
    assert len(pain) == 1 and pain[0].statement_ids == ["S1", "S2"]  # both statements are still quoted


def test_citing_works_that_report_one_result_each_count() -> None:
    # four citing works report the trial's fall in pain: a consistent majority that one null result does not make mixed
    citing = [f"In the trial of Okafor et al. [{i}], ketorolac significantly reduced pain scores." for i in range(1, 5)]
    brief = _brief([*citing, "Okafor et al. [2] found that ketorolac did not significantly shorten hospital stay."])
    assert brief.efficacy.assessment == "benefit_reported"


def test_two_results_weigh_as_two() -> None:
    # two different outcomes improved: a majority that one unchanged outcome does not make mixed
    brief = _brief([LOWER_PAIN, LESS_MORPHINE, NO_SHORTER_STAY])
    assert brief.efficacy.assessment == "benefit_reported"


def test_a_null_result_stated_without_the_arms_counts_for_the_intervention() -> None:
    null = "There was no significant difference in the length of hospital stay (P = 0.62)."
    brief = _brief([LOWER_PAIN, LESS_MORPHINE, null])
    assert "No difference in length of hospital stay with ketorolac." in _claims(brief)


@pytest.mark.parametrize(
    "text",
    [
        # another work's result, by its authors or its number
        "Smith et al. found no significant difference in the length of hospital stay (P = 0.62).",
        "No significant difference in the length of hospital stay was found in a later trial [4].",
        # each group's own course, not a comparison of the arms
        "The length of hospital stay did not change significantly in either group (P = 0.62).",
        # the control arm's own course
        "The control group showed no significant difference in the length of hospital stay.",
        # the citing authors' own result
        "We found no significant difference in the length of hospital stay (P = 0.62).",
    ],
)
def test_a_null_result_of_something_else_does_not_count(text: str) -> None:
    brief = _brief([LOWER_PAIN, LESS_MORPHINE, text])
    assert not any("hospital stay" in claim for claim in _claims(brief)), text


@pytest.mark.parametrize(
    "sentence",
    [
        "There were no significant differences in nausea scores (P = 0.38).",
        "Mean arterial pressure and heart rate were not significantly different.",
        "Quality of life scores were similar (P = 0.71).",
        "No difference in the change of grip strength was found between the two groups.",
        "Compared with the placebo group, no significant difference in sleep quality was seen (P = 0.2).",
    ],
)
def test_unnamed_null_result(sentence: str) -> None:
    assert unnamed_null_result(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The tremor did not improve after the dose was lowered.",  # no test: a case's course
        "Grip strength did not change significantly from baseline (P = 0.5).",  # against the start
        "There was no significant difference in serum ferritin between week 4 and week 12.",  # between two times
        "No significant change in body weight was seen in any group.",  # each group's course
        "Within the three groups, sleep quality did not differ significantly over time.",
        "In the placebo group there was no significant difference in sleep quality.",  # the control arm alone
        "In our cohort there was no significant difference in sleep quality.",  # the citing authors' own
        "no significant difference in sleep quality (P = 0.2).",  # a piece of a sentence
        "Sleep quality did not differ significantly between older and younger patients.",  # subgroups, not arms
        "In the subgroup with diabetes, there was no significant difference in sleep quality.",
    ],
)
def test_not_an_unnamed_null_result(sentence: str) -> None:
    assert not unnamed_null_result(sentence)
