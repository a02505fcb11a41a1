"""A case report's culprit drug over the antidote, route or procedure the attribution rules chose (culprit_drug.py).
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import load_resources
from summarizer.engines.extractive.culprit_drug import names_a_drug
from summarizer.models import Statement
from summarizer.pipeline import summarize

_NEUTRAL = [
    "A 61-year-old woman was admitted to our ward in the winter.",
    "Her blood pressure and pulse were within normal limits.",
    "She lived with her daughter and worked as a teacher.",
    "Physical examination was otherwise unremarkable.",
    "She was discharged home on the seventh day.",
    "Follow-up visits were arranged every month.",
    "The family history was noncontributory.",
    "Laboratory values were recorded daily.",
]


def _intervention(texts: list[str]) -> str | None:
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)], engine="extractive")
    return brief.target.intervention.name.lower() if brief.target.intervention else None


@pytest.mark.parametrize(
    ("name", "drug"),
    [
        ("intravitreal injection", False),
        ("transcatheter arterial infusion", False),
        ("valproic acid therapy", True),
        ("warfarin-related", True),
    ],
)
def test_a_name_that_holds_a_drug(name: str, drug: bool) -> None:
    assert names_a_drug(name, load_resources()) is drug


def test_the_drug_blamed_for_the_harm_over_its_antidote() -> None:
    texts = [
        "The woman developed severe hypoglycaemia two days after starting glipizide.",
        "The hypoglycaemia was treated with octreotide, which restored normal glucose levels.",
        "Octreotide prevented further episodes of hypoglycaemia in this patient.",
        "Octreotide reduced the need for intravenous dextrose.",
        *_NEUTRAL,
    ]
    assert _intervention(texts) == "glipizide"


def test_the_drug_blamed_for_the_harm_over_the_route_it_was_given_by() -> None:
    texts = [
        "Acute pancreatitis developed after intraperitoneal infusion of cisplatin.",
        "We describe acute pancreatitis during intraperitoneal infusion of cisplatin for ovarian cancer.",
        "Intraperitoneal infusion reduced the tumour burden in earlier patients.",
        "Intraperitoneal infusion improved survival in a previous series.",
        *_NEUTRAL,
    ]
    assert _intervention(texts) == "cisplatin"


def test_a_drug_attributed_effects_and_never_the_harms_treatment_stays() -> None:
    texts = [
        "The patient received methotrexate, and her arthritis improved within three months.",
        "In this patient methotrexate reduced the number of swollen joints.",
        "Methotrexate lowered her C-reactive protein level.",
        "She developed a rash after she took ibuprofen for a headache.",
        *_NEUTRAL,
    ]
    assert _intervention(texts) == "methotrexate"
