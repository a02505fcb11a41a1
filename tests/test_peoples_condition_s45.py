"""The condition of the people named by "PEOPLE with X": the subject of a verb of having an event, or those a drug was
given to (s45). Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.peoples_condition import names_the_peoples_condition
from summarizer.engines.extractive.reading import annotate


def _says(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_peoples_condition(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("A 40-year-old man with chronic gout developed a toxic epidermal necrolysis on allopurinol.", "gout"),
    ("Two women with lupus nephritis (LN) presented with pancytopenia while taking the new agent.", "lupus nephritis"),
    ("A boy with asthma and eczema subsequently developed urticaria on the cephalosporin.", "asthma"),
    ("A boy with asthma and eczema subsequently developed urticaria on the cephalosporin.", "eczema"),
    ("The infusion was given to a 9-year-old girl with sickle cell disease on the ward.", "sickle cell disease"),
    ("We report a young man with Graves' disease in whom deafness developed on methimazole.", "Graves' disease"),
    ("A 50-year-old woman with sarcoidosis whose treatment included methotrexate developed hepatic fibrosis.",
     "sarcoidosis"),
    ("Elderly patients with hemosiderosis were given deferiprone for a year.", "hemosiderosis"),
])
def test_the_condition_of_the_people_is_theirs(text: str, name: str) -> None:
    assert _says(text, name)


@pytest.mark.parametrize(("text", "name"), [
    # the event the subject developed, not the condition before it
    ("A 40-year-old man with chronic gout developed a toxic epidermal necrolysis on allopurinol.",
     "toxic epidermal necrolysis"),
    # a name that says its own cause is an event, wherever it stands
    ("The antibiotic was restarted in error to a man with antibiotic-induced colitis.", "colitis"),
    ("A woman with neutropenia induced by the antithyroid drug developed sepsis.", "neutropenia"),
    ("The first man with penicillamine-induced myasthenia in whom the drug was restarted is described.", "myasthenia"),
    # "developed after D": a participle that gives the name its cause, not the subject's verb
    ("Four children with seizures developed after the vaccine were seen in clinic.", "seizures"),
    # no people named with it
    ("Severe headache developed on the second day of the infusion.", "headache"),
    # "compared to": a comparison of groups, not those a drug was given to
    ("Weight loss was larger compared to patients with nausea in the other arm.", "nausea"),
])
def test_other_names_are_not_the_peoples_condition(text: str, name: str) -> None:
    assert not _says(text, name)


@pytest.mark.parametrize(("text", "event", "condition"), [
    ("A 35-year-old woman with chronic psoriasis developed fulminant hepatitis while on methotrexate.",
     "fulminant hepatitis", "psoriasis"),
    ("Two men with bipolar disorder developed tremor three weeks after lithium was started.", "tremor",
     "bipolar disorder"),
    ("A 50-year-old woman with sarcoidosis whose treatment included methotrexate developed hepatic fibrosis.",
     "hepatic fibrosis", "sarcoidosis"),
    ("Elderly patients with hemosiderosis were given deferiprone and two developed agranulocytosis.",
     "agranulocytosis", "hemosiderosis"),
])
def test_the_subjects_condition_is_no_event_of_the_drug(text: str, event: str, condition: str) -> None:
    events = [name.lower() for name in annotate(text).adverse_events]
    assert event in events
    assert not any(condition in name for name in events)


def test_a_person_after_a_verb_of_having_is_no_event() -> None:
    text = "We experienced a female patient with gout and diabetes whose illnesses were treated with two drugs."
    events = [name.lower() for name in annotate(text).adverse_events]
    assert not any(word in name for name in events for word in ("female", "gout", "diabetes"))
    assert annotate("He experienced a severe headache after the infusion.").adverse_events == ("headache",)


def test_the_disease_that_progressed_to_another_is_the_patients_own() -> None:
    text = "Progression of hairy cell leukaemia to lymphoma was seen while she took the new agent."
    start = text.index("hairy")
    assert names_the_peoples_condition(text, start, start + len("hairy cell leukaemia"))
    later = text.index("lymphoma")
    assert not names_the_peoples_condition(text, later, later + len("lymphoma"))


def test_a_progression_with_no_later_state_is_no_sign_of_the_patients_disease() -> None:
    text = "Rapid progression of pulmonary fibrosis followed the second course of the drug."
    start = text.index("pulmonary")
    assert not names_the_peoples_condition(text, start, start + len("pulmonary fibrosis"))
