"""The condition of the people an event was seen in, named as "in a case of X", by "outpatients/inpatients with X",
or before "who participated / were enrolled" (s46). Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.patients_disease import names_the_indication


def _says(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_indication(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("Severe hyponatraemia caused by the diuretic in a case of heart failure.", "heart failure"),
    ("Lactic acidosis due to the biguanide in two cases of chronic kidney disease.", "chronic kidney disease"),
    ("Four of 20 outpatients with bipolar disorder who participated in the open study developed a rash.",
     "bipolar disorder"),
    ("Eleven inpatients with anorexia nervosa who were enrolled in the trial had bradycardia on the new drug.",
     "anorexia nervosa"),
])
def test_the_condition_of_the_people_is_theirs(text: str, name: str) -> None:
    assert _says(text, name)


@pytest.mark.parametrize(("text", "name"), [
    # "a case of X" that opens the sentence names the event the case reports
    ("A case of agranulocytosis induced by the antithyroid drug.", "agranulocytosis"),
    # the event, not the people's condition
    ("Severe hyponatraemia caused by the diuretic in a case of heart failure.", "hyponatraemia"),
    ("Four of 20 outpatients with bipolar disorder who participated in the open study developed a rash.", "rash"),
])
def test_the_event_is_not_the_peoples_condition(text: str, name: str) -> None:
    assert not _says(text, name)
