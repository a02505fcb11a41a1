"""s48-trialharms: the patients' own disease read through a bracketed aside after the people ("eight patients (mean
age, 15 years) with X"). Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.patients_disease import names_the_indication


def _indication(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_indication(text, start, start + len(name))


def test_the_disease_of_people_in_whom_something_was_done_is_read_through_a_bracketed_aside() -> None:
    text = "Scans were done in six children (two of them twins) with nephroblastoma before and after vincristine."
    assert _indication(text, "nephroblastoma")


def test_the_aside_may_give_the_peoples_ages() -> None:
    text = "Hearing was tested in nine adults (median age, 61 years) with head and neck cancer after cisplatin."
    assert _indication(text, "head and neck cancer")


def test_the_disease_of_people_then_treated_is_read_through_the_aside() -> None:
    text = "Forty patients (22 women, 18 men) with gastric lymphoma were treated with rituximab at two centres."
    assert _indication(text, "gastric lymphoma")


def test_a_harm_after_a_comma_that_closes_the_people_is_not_their_disease() -> None:
    text = "Vincristine caused neuropathy in six children (two of them twins), with constipation in four."
    assert not _indication(text, "constipation")


def test_a_harm_the_people_developed_is_not_their_disease() -> None:
    text = "Six children (two of them twins) developed neuropathy with vincristine."
    assert not _indication(text, "neuropathy")


def test_a_bracket_that_is_not_about_the_people_does_not_make_a_harm_their_disease() -> None:
    text = "Rituximab (375 mg/m2) with fludarabine caused neutropenia in two patients."
    assert not _indication(text, "neutropenia")
