"""The classes of measure_polarity.py added for the long tail of outcomes (s43-polarity2): habits given up, tasks done
accurately, errors made, the size of a surgical cut. Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better


@pytest.mark.parametrize(
    "name",
    [
        "continuous abstinence at week 24",
        "quit rates at one year",
        "tobacco cessation confirmed by cotinine",
        "cessation of cigarette smoking",
        "abstinence from drinking",
        "accurate dose measurement",
        "share of accurately named pictures",
    ],
)
def test_habits_given_up_and_accuracy_are_better_higher(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True


@pytest.mark.parametrize(
    "name",
    [
        "dosing errors per nurse",
        "number of spelling mistakes",
        "prescription error rate",
        "wound incision length in cm",
        "size of the abdominal scar",
        "length of the transverse incision",
    ],
)
def test_errors_and_incisions_are_better_lower(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is False


@pytest.mark.parametrize(
    "name",
    [
        "participants who quit the trial",  # a dropout, not a habit given up
        "inaccurate readings",  # its opposite: no class claims it
        "reduction of dosing errors",  # the error's fall named as the outcome
        "scar reduction",
        "days to incision healing",  # a time, not the cut's size
        "incision length, pain scores",  # a list of measures
        "standard questionnaire total",
    ],
)
def test_names_the_new_classes_leave_alone(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is None


def test_error_free_stays_good() -> None:
    assert rule_higher_is_better("error-free dispensing days") is True


def test_directions_of_the_new_classes() -> None:
    assert outcome_direction("dosing errors per nurse", "decreased") == "improved"
    assert outcome_direction("quit rates at one year", "increased") == "improved"
    assert outcome_direction("wound incision length in cm", "increased") == "worsened"
