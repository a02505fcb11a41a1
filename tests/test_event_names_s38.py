"""Event names that misread their quote (issue 23, s38-events): the patients' own disease or a condition a drug was
studied in read as an event, an abbreviation listed beside its long form, a name split at a word the tagger missed,
a differential diagnosis read as an event. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.events import event_names_at
from summarizer.engines.extractive.evidence import compared
from summarizer.engines.extractive.patients_disease import names_the_indication, own_abbreviation
from summarizer.engines.extractive.screened import names_what_was_screened
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return (start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After the third dose of drugol, severe neutropenia occurred in a woman with chronic kidney disease.",
         "chronic kidney disease"),
        ("Hepatitis developed in two patients with psoriasis and diabetes on long-term drugol.", "diabetes"),
        ("Two patients with advanced ovarian cancer were treated sequentially with drugol and developed rash.",
         "advanced ovarian cancer"),
        ("Exposure to drugol is unchanged even in severe hepatic impairment.", "severe hepatic impairment"),
        ("Pruritus in a child with age-related hearing loss given drugol.", "age-related hearing loss"),
    ],
)
def test_who_the_patients_were_is_no_event(text: str, name: str) -> None:
    assert names_the_indication(text, *_at(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Severe neutropenia occurred in a woman with chronic kidney disease after the third dose of drugol.",
         "Severe neutropenia"),
        ("A trial of drugol in women with asthma; we then observed severe pancreatitis.", "severe pancreatitis"),
        ("Tests were done in a man with epilepsy who developed agranulocytosis on drugol.", "agranulocytosis"),
        ("Keratitis in a man with drugol-induced corneal ulcers.", "corneal ulcers"),
        ("Keratitis in a man with a severe allergic reaction to drugol.", "allergic reaction"),
    ],
)
def test_an_event_after_the_patients_stays(text: str, name: str) -> None:
    assert not names_the_indication(text, *_at(text, name))


def test_an_abbreviation_is_its_long_forms_name() -> None:
    text = "We saw drug reaction with eosinophilia (DRESS) and one DRESS-like rash after drugol."
    assert own_abbreviation(text, "DRESS", {"drug reaction with eosinophilia", "dress"})
    assert not own_abbreviation(text, "DRESS", {"dress"})  # no long form read: the abbreviation is the name
    assert not own_abbreviation("Fever (FEV) after drugol.", "FEV", {"fev"})
    names = [n for n, _ in event_names_at(text, [_at(text, "drug reaction with eosinophilia"), _at(text, "DRESS")])]
    assert names == ["drug reaction with eosinophilia"]


def test_a_differential_diagnosis_is_no_event() -> None:
    text = "Rashes with drugol are hard to distinguish from sunburn or UV-induced solar urticaria."
    assert names_what_was_screened(text, *_at(text, "solar urticaria"))
    kept = "The neuropathy must be differentiated from drugol-related optic neuritis."
    assert not names_what_was_screened(kept, *_at(kept, "optic neuritis"))


def test_a_name_the_tagger_split_at_one_word_is_one_name() -> None:
    brief = summarize(
        [Statement(id="S1", text="Twelve of 40 patients given moxifloxacin had acute clinical failure by day 7.")],
        engine="extractive",
    )
    claims = [f.claim for f in brief.safety.findings]
    assert all(" and failure" not in claim for claim in claims)


def test_what_one_group_was_free_of_against_anothers_rate_is_no_absent_event() -> None:
    text = ("Hepatotoxicity occurred in 40% of patients on the standard dose of drugol, while none of those on the "
            "reduced dose experienced hepatotoxicity or early relapse.")
    assert compared(text, "early relapse")
    assert not compared("No patient experienced early relapse, while all completed the course.", "early relapse")
