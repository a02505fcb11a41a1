"""The condition of the people an event was seen in, named as "in a case of X", by "outpatients/inpatients with X",
or before "who participated / were enrolled"; a participle of change after "of" inside an event's name (s46).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.events import event_name_span
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


def _event_name(text: str, span_text: str) -> str | None:
    start = text.index(span_text)
    span = event_name_span(text, (start, start + len(span_text)))
    return None if span is None else text[span[0] : span[1]]


def test_a_participle_of_change_after_of_is_part_of_the_name() -> None:
    text = "Bouts of reduced alertness were seen in three children given the syrup."
    assert _event_name(text, "Bouts of reduced alertness") == "Bouts of reduced alertness"


def test_a_participle_of_change_after_a_noun_ends_the_name() -> None:
    text = "Nausea increased with the higher dose of the syrup."
    assert _event_name(text, "Nausea increased with") == "Nausea"


@pytest.mark.parametrize("people", ["an adolescent", "a teenager", "a toddler", "a newborn", "a kidney recipient"])
def test_the_people_named_by_age_or_by_what_they_received_had_the_condition(people: str) -> None:
    text = f"Severe hyponatraemia caused by the diuretic in {people} with heart failure."
    assert _says(text, "heart failure")
    assert not _says(text, "hyponatraemia")
