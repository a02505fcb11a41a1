"""A case report's drug named where the patient had an adverse event (issue 23, s39-ade): the drug a report names in
one sentence of its harm is the intervention although one sentence is below the share of attributions the profile
asks; a drug named as the treatment of the harm is not its cause; the agent after "induced by" is no event. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.caused_drug import treats_the_event
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.models import Statement
from summarizer.pipeline import summarize

# sentences of a case report that name no drug and no harm: enough of them that one sentence naming the drug is
# below a tenth of the statements
_NEUTRAL = [
    "A 54-year-old man was admitted to our department in the spring.",
    "His blood pressure and heart rate were within normal limits.",
    "He lived alone and worked as a carpenter.",
    "Physical examination was otherwise unremarkable.",
    "He was discharged home on the ninth day.",
    "Follow-up visits were scheduled every month.",
    "The family history was noncontributory.",
    "He did not smoke and drank little.",
    "Laboratory values were recorded daily.",
    "The case was discussed at the weekly meeting.",
]


def _brief(texts: list[str]):  # type: ignore[no-untyped-def]
    return summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)], engine="extractive")


def test_one_sentence_of_the_harm_names_the_reports_drug() -> None:
    texts = ["Eleven days after starting oral amoxicillin, the man developed a severe generalized urticaria.",
             *_NEUTRAL]
    brief = _brief(texts)
    assert brief.target.intervention is not None
    assert brief.target.intervention.name.lower() == "amoxicillin"
    assert brief.safety.assessment == "concerns_reported"


def test_a_drug_given_for_the_harm_is_not_its_cause() -> None:
    texts = [
        "Eleven days after starting oral amoxicillin, the man developed a severe generalized urticaria.",
        "The urticaria was treated with intravenous hydrocortisone and hydrocortisone was continued for two days.",
        "Hydrocortisone was tapered over a week.",
        *_NEUTRAL,
    ]
    brief = _brief(texts)
    assert brief.target.intervention is not None
    assert brief.target.intervention.name.lower() == "amoxicillin"


@pytest.mark.parametrize(
    ("text", "event", "drug", "treats"),
    [
        ("The urticaria was treated with intravenous hydrocortisone.", "urticaria", "hydrocortisone", True),
        ("Treatment of drug-associated colitis with oral vancomycin was started.", "colitis", "vancomycin", True),
        ("Her seizures responded promptly to lorazepam.", "seizures", "lorazepam", True),
        # who was given the drug, then what happened: the drug may be the cause
        ("A woman who was treated with lisinopril developed angioedema.", "angioedema", "lisinopril", False),
        ("Angioedema developed in a woman who was treated with lisinopril.", "Angioedema", "lisinopril", False),
        ("Angioedema developed two days after lisinopril was started.", "Angioedema", "lisinopril", False),
    ],
)
def test_a_drug_given_for_the_event(text: str, event: str, drug: str, treats: bool) -> None:
    assert treats_the_event(text, [event], text.index(drug)) is treats


@pytest.mark.parametrize(
    ("text", "name", "agent"),
    [
        ("Acute kidney injury induced by severe dehydration in a runner.", "severe dehydration", True),
        ("Acute kidney injury induced by severe dehydration in a runner.", "by severe dehydration", True),
        ("Acute kidney injury caused by a contrast medium.", "a contrast medium", True),
        ("Acute kidney injury induced by severe dehydration in a runner.", "Acute kidney injury", False),
    ],
)
def test_the_agent_of_an_event_is_no_event(text: str, name: str, agent: bool) -> None:
    start = text.index(name)
    assert names_the_indication(text, start, start + len(name)) is agent


@pytest.mark.parametrize(
    ("text", "name", "indication"),
    [
        ("Neutropenia developed after chemotherapy with drugol, drugex and drugan (DDD) for diffuse large B-cell "
         "lymphoma.", "B-cell lymphoma", True),
        ("She had received therapy with drugol for rheumatoid arthritis.", "rheumatoid arthritis", True),
        # a verb between the treatment and "for": what follows is an event
        ("He received chemotherapy with drugol and was admitted for febrile neutropenia.", "febrile neutropenia",
         False),
        ("Patients on therapy with drugol should be monitored for myopathy.", "myopathy", False),
        # the agent of an event that complicates a treatment is the treatment's harm
        ("A case induced by hypothyroidism complicating therapy with drugol is presented.", "hypothyroidism", False),
    ],
)
def test_the_disease_a_named_treatment_was_given_for(text: str, name: str, indication: bool) -> None:
    start = text.index(name)
    assert names_the_indication(text, start, start + len(name)) is indication


def test_a_profile_names_what_was_measured() -> None:
    from summarizer.engines.extractive.events import event_names

    text = "Drugol has a favourable toxicity profile and rarely causes nausea."
    spans = [(text.index("toxicity"), text.index("toxicity") + len("toxicity")),
             (text.index("nausea"), text.index("nausea") + len("nausea"))]
    assert event_names(text, spans) == ("nausea",)


def test_advice_reports_no_harm_the_patient_had() -> None:
    texts = ["Users of carbamazepine who develop a rash should stop it at once.", *_NEUTRAL]
    assert _brief(texts).safety.findings == []
