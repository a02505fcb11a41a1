"""Case-report events the reader missed (issue 23, helper s43-ade): an event that went away when its drug was stopped
(a dechallenge), a disease that came back when its drug was stopped (no event), an event whose drug the sentence
names as its cause, and an event had after some amount of a treatment. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.absence_frames import absence_in_doubt
from summarizer.engines.extractive.dechallenge import returned_on_stopping, stopped_drug_resolved_event
from summarizer.engines.extractive.events import is_clinical_event_name
from summarizer.engines.extractive.named_cause import drug_named_as_cause
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treated_events import tied_to_treatment


def _scan(text: str) -> Scan:
    return Scan(text, load_resources())


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Once clozapine was withdrawn, his pancreatitis subsided within a week.", "pancreatitis"),
        ("Following discontinuation of the amiodarone, the patient's hepatitis resolved.", "hepatitis"),
        ("The neutropenia disappeared two weeks after carbamazepine was stopped.", "neutropenia"),
        ("Lithium was withheld and the hypothyroidism had completely resolved by the next visit.", "hypothyroidism"),
    ],
)
def test_an_event_gone_when_its_drug_was_stopped_is_a_dechallenge(text: str, event: str) -> None:
    assert stopped_drug_resolved_event(_scan(text), [_at(text, event)])


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the event went first, then the drug given for it was stopped
        ("Amoxicillin was discontinued after the pneumonia resolved.", "pneumonia"),
        # the drug treated the event: no drug was stopped
        ("The pneumonia resolved after a week of treatment with amoxicillin.", "pneumonia"),
        # a relapse on stopping is the disease coming back, not a going away
        ("The seizures recurred after carbamazepine was discontinued.", "seizures"),
        # another drug was started after the stopping: it may have cleared the event
        (
            "After tapering of prednisone, rituximab was started and the nephrotic syndrome resolved.",
            "nephrotic syndrome",
        ),
    ],
)
def test_no_dechallenge_without_the_stopping_first(text: str, event: str) -> None:
    assert not stopped_drug_resolved_event(_scan(text), [_at(text, event)])


def test_a_dechallenge_sentence_reports_its_event() -> None:
    text = "Once clozapine was withdrawn, his pancreatitis subsided within a week."
    reading = annotate(text)
    assert reading.safety_signal == "concern"
    assert "pancreatitis" in reading.adverse_events


def test_a_disease_back_once_its_drug_was_stopped_is_no_event() -> None:
    text = "Upon cessation of etanercept her rash cleared, but her arthritis became more active."
    assert returned_on_stopping(text, *_at(text, "arthritis"))
    reading = annotate(text)
    assert "arthritis" not in reading.adverse_events
    text = "After withdrawal of methotrexate the uveitis resolved and the psoriasis recurred within a month."
    assert returned_on_stopping(text, *_at(text, "psoriasis"))


def test_a_return_outside_a_dechallenge_is_left_as_read() -> None:
    # the flare followed the infusion; the drug was stopped because of it
    text = "Her colitis flared after the third infusion of the antibody, which was then discontinued."
    assert not returned_on_stopping(text, *_at(text, "colitis"))
    # no event went away: another drug's harm may have come back when its treatment was stopped
    text = "The pneumonitis recurred after prednisone was stopped, with a high level of amiodarone."
    assert not returned_on_stopping(text, *_at(text, "pneumonitis"))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Interstitial nephritis secondary to omeprazole therapy.", "nephritis"),
        ("We describe pancreatitis induced by valproate in a child with epilepsy.", "pancreatitis"),
        ("A second case of agranulocytosis probably caused by the use of clozapine.", "agranulocytosis"),
        ("An unusual form of amiodarone-induced hepatitis.", "hepatitis"),
    ],
)
def test_an_event_whose_drug_is_named_as_its_cause_is_read(text: str, event: str) -> None:
    assert drug_named_as_cause(_scan(text), [_at(text, event)])


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the cause is an organism, whatever the lexicon says of its name
        ("Two patients had a skin infection caused by Pseudomonas aeruginosa after surgery.", "infection"),
        # the drug's name is part of another thing: an antibody, not the drug given
        ("His hypoglycaemia was due to insulin antibodies.", "hypoglycaemia"),
        # a cause named without any drug
        ("The hepatitis was due to a viral infection.", "hepatitis"),
        # a trial's comparison of the harm between its arms: an outcome, not a case's event
        ("Pain due to propofol injection was similar in both groups (P>0.05).", "Pain"),
        # a harm by its general name is read with the words that say how few there were (events.general_harms)
        ("Clozapine-related adverse events were rare in both groups.", "adverse events"),
    ],
)
def test_no_drug_named_as_the_cause(text: str, event: str) -> None:
    assert not drug_named_as_cause(_scan(text), [_at(text, event)])


def test_a_negated_caused_event_is_no_event() -> None:
    reading = annotate("No omeprazole-induced nephritis was seen in these patients.")
    assert reading.adverse_events == ()


@pytest.mark.parametrize(
    "text",
    [
        "The woman developed pancreatitis after 3 weeks of azathioprine.",
        "He developed a painful neuropathy following the use of the chemotherapy.",
    ],
)
def test_an_event_had_after_some_of_a_treatment_is_tied_to_it(text: str) -> None:
    event = "pancreatitis" if "pancreatitis" in text else "neuropathy"
    assert tied_to_treatment(_scan(text), [_at(text, event)])


def test_an_event_had_after_something_else_is_not_tied_to_a_treatment() -> None:
    text = "The woman developed pancreatitis after 3 weeks of heavy drinking."
    assert not tied_to_treatment(_scan(text), [_at(text, "pancreatitis")])


def test_a_litotes_reports_no_absence() -> None:
    sentence = "Allergic reactions to penicillin are not uncommon, often presenting as urticaria."
    assert absence_in_doubt(sentence, "urticaria")
    # a real negation beside the litotes still says the event was absent
    sentence = "Such reactions are not unusual, but no urticaria was seen in this patient."
    assert not absence_in_doubt(sentence, "urticaria")
    assert not absence_in_doubt("No urticaria was seen in this patient.", "urticaria")


def test_a_fatal_outcome_is_an_event_and_a_clinical_outcome_a_measure() -> None:
    assert annotate("A fatal outcome after an overdose of colchicine.").adverse_events == ("fatal outcome",)
    assert is_clinical_event_name("fatal outcome")
    assert annotate("The clinical outcome of patients given colchicine was good.").adverse_events == ()
    # only its risk named: no event
    risk = "Signs suggestive of a fatal outcome were seen after the overdose of colchicine."
    assert annotate(risk).adverse_events == ()


def test_stopping_a_drug_that_helped_resolve_the_event_is_a_dechallenge() -> None:
    text = "Stopping the lamotrigine, and giving fluids, helped resolve the patient's rash."
    assert "rash" in annotate(text).adverse_events


def test_an_event_gone_when_the_dose_was_lowered_is_a_dechallenge_and_one_gone_on_treatment_is_not() -> None:
    assert annotate("After the dose of lithium was reduced, the tremor disappeared.").adverse_events == ("tremor",)
    assert annotate("The tremor disappeared after treatment with propranolol.").adverse_events == ()
