"""Findings that misread their own quotes (issue 23, helper s37-misreads): each rule on sentences written for it."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.clinical_context import says_who
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.screened import names_what_was_screened
from summarizer.engines.extractive.superiority import superiority_claim
from summarizer.engines.extractive.treatment_names import code_name_start
from summarizer.models import Brief, Citing, Statement
from summarizer.pipeline import summarize


def _brief(*texts: str) -> Brief:
    statements = [
        Statement(id=f"S{i}", text=text, type="mentioning", citing=Citing(doi=f"10.1/{i}"))
        for i, text in enumerate(texts, start=1)
    ]
    return summarize(statements, engine=ExtractiveEngine())


def _event_names(brief: Brief) -> list[str]:
    return [event.name.lower() for event in brief.safety.adverse_events]


# the indication named after "history of" / "therapy of" in a sentence with no "with" at all
@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Bronchospasm is a known complication of propranolol therapy despite a negative history of asthma.",
         ["bronchospasm"]),
        ("Hypothyroidism developed during lithium therapy of bipolar disorder in a 40-year-old woman.",
         ["hypothyroidism"]),
        ("Agranulocytosis during clozapine therapy of schizophrenia is a known hazard.", ["agranulocytosis"]),
    ],
)
def test_an_indication_named_without_with_is_no_adverse_event(text: str, events: list[str]) -> None:
    assert _event_names(_brief(text)) == events


def test_an_unusual_response_to_the_therapy_of_a_disease_lists_no_disease() -> None:
    assert "endometriosis" not in _event_names(_brief("An unusual response to progestin therapy of endometriosis."))


def test_a_second_disease_joined_to_one_that_says_its_cause_is_an_event() -> None:
    brief = _brief("Treatment of vancomycin-associated nephritis and ototoxicity remains difficult.")
    assert _event_names(brief)[-1] == "ototoxicity"


# one "people with X" pattern (cues.PEOPLE_WITH) for both readers: a single patient, and a severity word before X
@pytest.mark.parametrize(
    "text",
    [
        "Neutropenia developed in a patient with psoriasis treated with methotrexate.",
        "Methotrexate-induced neutropenia in a girl with psoriasis.",
    ],
)
def test_a_single_patients_indication_is_no_adverse_event(text: str) -> None:
    assert _event_names(_brief(text)) == ["neutropenia"]


@pytest.mark.parametrize(
    ("low", "name"),
    [
        ("in patients with severe hla-b27 positive uveitis, adalimumab reduced flares.", "hla-b27 positive uveitis"),
        ("in a patient with mild asthma, montelukast reduced wheeze.", "asthma"),
    ],
)
def test_what_the_people_had_says_who_they_were_not_what_they_were_given(low: str, name: str) -> None:
    assert says_who(low, name)
    assert not says_who(low, low.split(", ")[1].split()[0])


# what was screened for or ruled out is no finding: neither an event nor "No X reported"
@pytest.mark.parametrize(
    "text",
    [
        "Users of methyldopa who develop a fever should be screened to rule out a haemolytic anaemia.",
        "Before the first dose of infliximab, patients should be screened for tuberculosis and hepatitis B.",
    ],
)
def test_what_was_screened_for_is_no_finding(text: str) -> None:
    assert _brief(text).safety.findings == []


@pytest.mark.parametrize(
    ("text", "name", "screened"),
    [
        ("In this woman on amiodarone, pulmonary fibrosis was ruled out by CT.", "pulmonary fibrosis", True),
        ("Pulmonary fibrosis (PF) and other lung diseases were ruled out.", "Pulmonary fibrosis", True),
        ("Laboratory tests ruled out the common causes of acute hepatitis.", "acute hepatitis", False),
        ("A link between natalizumab and lymphoma cannot be ruled out.", "lymphoma", False),
        ("A second course does not rule out a relapse of the rash.", "relapse of the rash", False),
        ("Hepatitis developed after isoniazid, and viral hepatitis was ruled out.", "Hepatitis", False),
    ],
)
def test_a_name_is_what_was_ruled_out_only_as_the_thing_excluded(text: str, name: str, screened: bool) -> None:
    start = text.index(name)
    assert names_what_was_screened(text, start, start + len(name)) is screened


# a drug's code name that starts with a number and a hyphen is kept whole; a dose or a duration is not a name
def test_a_code_name_with_a_leading_number_is_kept_whole() -> None:
    brief = _brief("Fatal 5-FU toxicity after capecitabine in a man with DPD deficiency.")
    assert [event.name for event in brief.safety.adverse_events] == ["5-FU toxicity"]
    brief = _brief("In the trial, 6-MP reduced relapses compared with placebo (p = 0.01).")
    assert brief.target.intervention is not None
    assert brief.target.intervention.name == "6-MP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 5-HT3 antagonist", "5-HT3 antagonist"),
        ("after 2-CdA therapy", "2-CdA therapy"),
        ("a 5-MG dose", "MG dose"),
        ("a 12-MONTH course", "MONTH course"),
        ("the 3-D scan", "D scan"),
        ("1.5-FU", "FU"),
    ],
)
def test_only_a_number_and_a_code_word_make_a_code_name(text: str, expected: str) -> None:
    start = text.index("-") + 1
    assert text[code_name_start(text, start) :] == expected


# a condition that went away faster with a treatment is that condition improved (resolution.py)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diarrhoea subsided more quickly with zinc tablets than with placebo (p < 0.01).",
         [("Diarrhoea", "improved")]),
        ("Rash resolved significantly sooner in children given the cream than in those given the vehicle.",
         [("Rash", "improved")]),
        ("In the trial, pain resolved more slowly with tramadol than with placebo (p = 0.04).",
         [("pain", "worsened")]),
        ("In the trial, fever cleared faster with placebo than with ibuprofen (p = 0.02).", [("fever", "worsened")]),
        ("In the trial, fever did not clear faster with ibuprofen than with placebo.", [("fever", "no_difference")]),
        ("Fever cleared faster with paracetamol, but the difference was not significant (p = 0.3).",
         [("Fever", "no_difference")]),
        ("Patients recovered faster with early mobilisation than with bed rest (p = 0.01).", []),
        ("The steroid was cleared more rapidly from the circulation of these two patients.", []),
    ],
)
def test_a_condition_that_went_away_faster_is_that_condition_improved(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.outcome, m.direction) for m in find_outcomes(text)] == expected


def test_a_condition_that_cleared_faster_is_a_benefit_in_the_brief() -> None:
    brief = _brief("Diarrhoea subsided more quickly with zinc tablets than with placebo (p < 0.01).")
    assert brief.safety.findings == []
    assert [o.claim for o in brief.efficacy.outcomes] == ["Diarrhoea improved with zinc tablets."]


# X affirmed superior to another arm with no outcome named: a benefit of X, its outcome unnamed (superiority.py)
def test_an_arm_shown_superior_with_no_outcome_named_is_reported_effective() -> None:
    brief = _brief("In a randomised trial, ondansetron was shown to be superior to placebo.")
    assert [o.claim for o in brief.efficacy.outcomes] == ["Ondansetron reported effective (outcome as quoted)."]
    assert brief.efficacy.assessment == "benefit_reported"


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Two trials confirm the superiority of ondansetron over metoclopramide in adults after surgery.", True),
        ("The superiority of ondansetron was highly significant (p < 0.001).", True),
        ("This trial was designed to test the superiority of ondansetron over metoclopramide.", False),
        ("The trial failed to show the superiority of ondansetron over placebo.", False),
        ("The superiority of metoclopramide over ondansetron was confirmed in two trials.", False),
        ("In the trial, metoclopramide was superior to ondansetron.", False),
        ("In the trial, ondansetron was superior to placebo in preventing vomiting.", False),
        ("Ondansetron 8 mg was superior to 4 mg.", False),
        ("Debate continues on the superiority of ondansetron or droperidol for nausea.", False),
    ],
)
def test_superiority_is_the_interventions_only_when_affirmed_of_it_with_no_outcome(text: str, claimed: bool) -> None:
    statement = Statement(id="S1", text=text)
    assert (superiority_claim(statement, frozenset({0}), frozenset({"ondansetron"})) is not None) is claimed


# an event's name ends before a verb in the past and its preposition ("developed after", "noticed with")
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Hepatitis developed after isoniazid, and viral hepatitis was ruled out.",
         "Hepatitis reported with isoniazid."),
        ("No serious adverse events related to the vaccine were observed.",
         "No serious adverse events reported with vaccine."),
    ],
)
def test_an_event_name_ends_before_its_verb(text: str, claim: str) -> None:
    assert [f.claim for f in _brief(text).safety.findings] == [claim]
