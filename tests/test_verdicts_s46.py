"""s46-verdicts: the size of a named skeletal muscle is higher-is-better (measure_polarity.py);
bench/polarity_sources.py, what further sources could say of the polarity of the outcomes that leave a named trial
without a verdict; and bench/why_no_verdict.py's cause per trial. The names and sentences are written for these
tests, not taken from any corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from polarity_sources import _answer, _head, short_forms  # noqa: E402
from why_no_verdict import kind  # noqa: E402

from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better  # noqa: E402
from summarizer.training.polarity import Example  # noqa: E402


def _label(paper: str, higher: bool) -> Example:
    return Example(document=paper, outcome="serum zinc", higher_is_better=higher, weight=1.0, direct=True)


def test_another_papers_labels_answer_but_never_the_trials_own() -> None:
    labels = [_label("A", True), _label("B", True), _label("C", True)]
    assert _answer(labels, "Z") is True
    assert _answer([_label("A", False)], "A") is None  # only the trial's own paper: no answer


def test_labels_that_disagree_answer_nothing() -> None:
    assert _answer([_label("A", True), _label("B", False)], "Z") is None
    # three quarters agreeing is enough
    assert _answer([_label("A", True), _label("B", True), _label("C", True), _label("D", False)], "Z") is True


def test_the_last_word_of_a_names_core() -> None:
    assert _head("the mean plasma ghrelin level") == "ghrelin"
    assert _head("the number of") == ""


def test_a_short_form_defined_in_the_trials_statements_is_read_as_its_long_form() -> None:
    trials = {
        "ei-1": (
            ["CR at week 4"],
            ["A complete response (CR) was the primary outcome.", "CR at week 4 was higher with the new regimen."],
        ),
        # the short form is never defined: no answer from it
        "ei-2": (["PYY at 60 min"], ["PYY at 60 min was higher after the meal (P = 0.01)."]),
    }
    found = short_forms(trials, rule_higher_is_better)
    assert found == ["ei-1 'CR at week 4' -> 'complete response at week 4': True"]


def test_the_cause_of_a_trial_without_a_verdict() -> None:
    assert kind([(0, "unclear", "x"), (1, "not-about,unclear", "y")]) == "those about it: direction unclear"
    assert kind([(0, "left-out", "x")]) == "some left out (left-out, another-arm)"


@pytest.mark.parametrize(
    "name",
    [
        "biceps thickness",
        "the cross-sectional diameter of the left vastus lateralis",
        "CSA of the right quadriceps",
        "gastrocnemius muscle volume",
        "thickness of the deltoid",
    ],
)
def test_the_size_of_a_named_skeletal_muscle_is_higher_is_better(name: str) -> None:
    assert rule_higher_is_better(name) is True
    assert outcome_direction(name, "decreased") == "worsened"


@pytest.mark.parametrize(
    "name",
    [
        "biceps tendon thickness",  # a tendon's, not the muscle's
        "triceps skinfold thickness",  # the fat over the muscle
        "loss of quadriceps mass",  # its loss named as the outcome
        "tumour volume",  # no muscle
    ],
)
def test_no_muscle_size_for_a_tendon_a_skinfold_a_loss_or_another_organ(name: str) -> None:
    assert rule_higher_is_better(name) is not True
