"""ADE events the reader missed and findings that misread their quote (issue 23, helper s41-misreads): an event named
by a change ("increased libido"), an event tied to a treatment given at the time, the patients' own disease or a
cofactor beside the treatment read as its event, an adjective without its noun ("cardiac" of "cardiac glycosides"), a
process noun that lost its modifier ("utilization" of "glucose uptake and utilization"), and a characteristic of the
patients at enrolment read as an outcome. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.changed_events import change_leads_name, named_as_event
from summarizer.engines.extractive.event_measures import measure_prefix_end, names_a_quantity
from summarizer.engines.extractive.events import event_name_span, event_names, is_clinical_event_name
from summarizer.engines.extractive.outcome_names import patients_characteristic, shares_the_modifier, tidy_name
from summarizer.engines.extractive.outcome_spans import split_pieces
from summarizer.engines.extractive.patients_disease import beside_a_treatment, names_the_indication
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treated_events import tied_to_treatment


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["increased", "appetite"], True),
        (["decreased", "hearing"], True),
        (["increased", "by"], False),  # "increased by 20%": a verb
        (["increased", "markedly"], False),
        (["improved", "mood"], False),  # a benefit names no event
        (["increased"], False),
    ],
)
def test_a_change_leads_an_event_name_only_before_its_noun(words: list[str], expected: bool) -> None:
    assert change_leads_name(words) is expected


def test_an_event_named_by_a_change_keeps_the_change() -> None:
    text = "A man of 60 developed increased thirst while taking lithium."
    span = event_name_span(text, _at(text, "increased thirst"))
    assert span is not None and text[slice(*span)] == "increased thirst"
    # after the event's name the change word still ends it: "rash increased after ..." names the rash
    text = "The rash increased after each dose."
    span = event_name_span(text, _at(text, "rash increased"))
    assert span is not None and text[slice(*span)] == "rash"


def test_the_outcome_whose_change_is_the_event_is_that_event() -> None:
    assert named_as_event("intraocular pressure", ("Increased intraocular pressure",))
    assert not named_as_event("intraocular pressure", ("glaucoma",))
    reading = annotate("Increased intraocular pressure in two patients with uveitis treated with prednisolone.")
    assert "Increased intraocular pressure" in reading.adverse_events
    assert all(m.outcome.lower() != "intraocular pressure" for m in reading.outcomes)


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks later, severe neutropenia occurred while the patient was receiving the second course of FOLFOX.",
        "Grade 4 thrombocytopenia was observed in two of five patients at the 80 mg/m2 dose level.",
    ],
)
def test_an_event_that_happened_while_a_treatment_was_given_is_read(text: str) -> None:
    scan = Scan(text, load_resources())
    assert tied_to_treatment(scan, scan.event_spans)
    reading = annotate(text)
    assert reading.safety_signal == "concern"
    assert any("penia" in event for event in reading.adverse_events)


def test_an_event_had_with_the_treatment_is_tied_to_it() -> None:
    text = "Three weeks later he developed a severe neuropathy with the chemotherapy."
    scan = Scan(text, load_resources())
    assert tied_to_treatment(scan, [_at(text, "neuropathy")])
    text = "Three weeks later he developed a severe neuropathy with numbness of both feet."
    assert not tied_to_treatment(Scan(text, load_resources()), [_at(text, "neuropathy")])


def test_no_event_where_none_happened_while_treated() -> None:
    reading = annotate("No patient developed neutropenia while receiving the second course of FOLFOX.")
    assert reading.adverse_events == ()


def test_a_disease_beside_the_treatment_is_a_cofactor_not_its_event() -> None:
    text = "The father had psoriasis and methotrexate exposure in the months before conception."
    assert beside_a_treatment(text, *_at(text, "psoriasis"))
    text = "Smoking, chronic hepatitis, and long-term azathioprine therapy may together have promoted the lymphoma."
    assert beside_a_treatment(text, *_at(text, "chronic hepatitis"))
    # weighed as event and cause, or a clause after it: the event stays
    text = "The scale suggests a probable relationship between hepatitis and isoniazid therapy."
    assert not beside_a_treatment(text, *_at(text, "hepatitis"))
    text = "She developed a rash and required steroid therapy."
    assert not beside_a_treatment(text, *_at(text, "rash"))
    text = "Four patients developed hypotension, and tachycardia soon after administration of the drug."
    assert not beside_a_treatment(text, *_at(text, "hypotension"))


def test_the_disease_of_a_patient_who_went_on_to_have_an_event_is_no_event() -> None:
    text = "We describe a woman with rheumatoid arthritis and asthma who developed pancytopenia during leflunomide use."
    assert names_the_indication(text, *_at(text, "asthma"))
    assert not names_the_indication(text, *_at(text, "pancytopenia"))
    reading = annotate(text)
    assert "pancytopenia" in reading.adverse_events and "asthma" not in reading.adverse_events


def test_a_disease_before_a_product_names_what_it_is_for() -> None:
    text = "Eyelash growth is a known effect of prostaglandin glaucoma drops."
    assert names_the_indication(text, *_at(text, "glaucoma"))


def test_past_the_patients_disease_the_event_after_the_verb_is_read() -> None:
    reading = annotate("We saw a boy with pneumococcal meningitis who received ceftriaxone and later developed SJS.")
    assert reading.adverse_events == ("SJS",)


def test_a_sentence_with_a_negated_subject_reports_no_event_by_the_fallback() -> None:
    reading = annotate("No published reports, however, exist of exfoliative disease after treatment with levofloxacin.")
    assert reading.adverse_events == ()


@pytest.mark.parametrize(("name", "expected"), [("Cardiac", False), ("celiac", False), ("rash", True),
                                                ("febrile", True), ("celiac disease", True)])
def test_a_lone_adjective_is_no_event_name(name: str, expected: bool) -> None:
    assert is_clinical_event_name(name) is expected


def test_a_process_noun_shares_the_modifier_of_the_one_before_it() -> None:
    assert shares_the_modifier("glucose uptake", "utilization")
    assert not shares_the_modifier("blood pressure", "mortality")
    assert not shares_the_modifier("uptake", "utilization")  # nothing to share
    assert split_pieces("insulin secretion and clearance") == ["insulin secretion and clearance"]
    assert split_pieces("blood pressure and mortality") == ["blood pressure", "mortality"]


def test_a_characteristic_at_enrolment_is_no_outcome() -> None:
    text = "The mean duration of diabetes was 8.2 years in the insulin group and 9.1 years in the control group."
    assert patients_characteristic(text, text.index("duration"), "duration of diabetes")
    assert patients_characteristic("", 0, "mean age")
    text = "The duration of fever was 3.1 days with zinc and 3.4 days with placebo."
    assert not patients_characteristic(text, text.index("duration"), "duration of fever")
    reading = annotate(
        "The mean duration of diabetes was 8.2 years in the insulin group and 9.1 years in the control group, "
        "but this difference was not statistically significant (P > 0.05)."
    )
    assert all("duration" not in m.outcome.lower() for m in reading.outcomes)


@pytest.mark.parametrize(
    ("name", "before", "expected"),
    [
        ("systolic blood pressure", "", True),
        ("heart rate", "the ", True),
        ("blood pressure", "she developed high ", False),  # a departure: an event
        ("elevated heart rate", "", False),
        ("pressure", "", False),  # a name whose words were not all read stays
        ("acceleration of the heart rate", "", False),  # its change is named
    ],
)
def test_a_quantity_the_body_always_has_is_a_measure(name: str, before: str, expected: bool) -> None:
    assert names_a_quantity(name, before) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["the", "incidence", "rate", "of", "the", "adverse", "event", "of", "hypokalaemia"], 8),
        (["composite", "endpoint", "of", "pruritus"], 3),
        (["adverse", "events"], 0),
        (["signs", "of", "toxicity"], 0),  # no measure's word before "of"
    ],
)
def test_a_measure_before_the_harm_it_counts_is_no_part_of_its_name(words: list[str], expected: int) -> None:
    assert measure_prefix_end(words) == expected


def test_an_event_counted_by_a_measure_is_named_without_it() -> None:
    text = "The incidence rate of the adverse event of hypokalaemia was higher in the drug A group than in controls."
    assert event_names(text, [(4, text.index(" was"))]) == ("hypokalaemia",)


def test_an_outcome_name_from_a_relative_clause_loses_its_verb() -> None:
    assert tidy_name("displayed seroconversion") == "seroconversion"
    assert tidy_name("achieved clinical remission") == "clinical remission"


def test_a_disease_the_patient_had_while_on_a_treatment_may_be_its_event() -> None:
    text = "We report a man with adrenal insufficiency who has been on long-term inhaled fluticasone."
    assert not names_the_indication(text, *_at(text, "adrenal insufficiency"))
