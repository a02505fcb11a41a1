"""A drug named as the treatment of an event that another drug caused is the antidote, not the culprit
(caused_drug.treats_the_event, culprit_drug.culprit_over). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.caused_drug import treats_the_event
from summarizer.models import Statement
from summarizer.pipeline import summarize

_NEUTRAL = [
    "A 58-year-old man was admitted to the medical ward in spring.",
    "His blood pressure and pulse were within normal limits.",
    "He lived alone and worked as a carpenter.",
    "Physical examination was otherwise unremarkable.",
    "He was discharged home on the ninth day.",
    "Follow-up visits were arranged every month.",
    "The family history was noncontributory.",
    "Laboratory values were recorded daily.",
]


def _treats(text: str, events: tuple[str, ...], drug: str) -> bool:
    return treats_the_event(text, events, text.lower().index(drug))


@pytest.mark.parametrize(
    ("text", "events", "drug", "treats"),
    [
        # the drug as the subject of the event's going away, the event after it
        ("Oral baclofen 10 mg relieved her painful dystonia within a day.", ("dystonia",), "baclofen", True),
        ("Intravenous biperiden ameliorated the dystonia caused by metoclopramide.", ("dystonia",), "biperiden", True),
        # no verb of relief: the drug is named with the event, not as its treatment
        ("Oral metoclopramide caused her painful dystonia within a day.", ("dystonia",), "metoclopramide", False),
        # the event's name right before "treated with"
        ("Phenytoin-induced gingival overgrowth treated with azithromycin.", ("gingival overgrowth",),
         "azithromycin", True),
        ("Phenytoin-induced gingival overgrowth treated with azithromycin.", ("gingival overgrowth",),
         "phenytoin", False),
        # what the event's name holds in brackets may stand between it and its treatment
        ("Severe thrombocytopenia (platelets below 10 x 10(9)/L) treated with romiplostim.", ("thrombocytopenia",),
         "romiplostim", True),
        # the event names what the patients had, "treated with" says who they were: not its treatment
        ("Hepatotoxicity in patients treated with isoniazid is common.", ("hepatotoxicity",), "isoniazid", False),
        # recovery with, and going away after a drug was given
        ("His neutropenia showed complete recovery with filgrastim.", ("neutropenia",), "filgrastim", True),
        ("Her hepatitis showed full recovery following treatment with prednisone, azathioprine and rest.",
         ("hepatitis",), "azathioprine", True),
        # a list after "treatment of E with" is not read as the event's treatment: the treatment may be of a disease
        ("Ototoxicity following treatment of sarcoma with cisplatin, ifosfamide and doxorubicin.", ("ototoxicity",),
         "ifosfamide", False),
        ("The agitation resolved promptly after administration of lorazepam.", ("agitation",), "lorazepam", True),
        # going away after a drug was stopped is a dechallenge: that drug caused the event
        ("The agitation resolved promptly after discontinuation of lorazepam.", ("agitation",), "lorazepam", False),
    ],
)
def test_a_drug_named_as_the_events_treatment(text: str, events: tuple[str, ...], drug: str, treats: bool) -> None:
    assert _treats(text, events, drug) is treats


def _intervention(texts: list[str]) -> str | None:
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)], engine="extractive")
    return brief.target.intervention.name.lower() if brief.target.intervention else None


def test_the_drug_that_caused_the_event_over_the_drug_that_relieved_it() -> None:
    texts = [
        "Intravenous administration of diphenhydramine ameliorated a severe dystonia induced by haloperidol.",
        "Intravenous diphenhydramine 50 mg ameliorated his dystonia symptoms rapidly.",
        "This report describes a severe dystonia after haloperidol treatment and shows that diphenhydramine "
        "treatment is useful in reducing the rigidity associated with haloperidol.",
        *_NEUTRAL,
    ]
    assert _intervention(texts) == "haloperidol"


def test_a_drug_that_relieved_nothing_stays_the_reports_drug() -> None:
    texts = [
        "Intravenous administration of diphenhydramine was followed by a severe dystonia in a young man.",
        "Intravenous diphenhydramine 50 mg preceded his dystonia symptoms by an hour.",
        "This report describes a severe dystonia after diphenhydramine treatment and shows that haloperidol "
        "is of no use in reducing the rigidity.",
        *_NEUTRAL,
    ]
    assert (_intervention(texts) or "").startswith("diphenhydramine")
