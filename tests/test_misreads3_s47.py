"""s47-misreads3: case reports' safety claims that misread their quotes (issue 23). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.event_scope import clause_after_and
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.engines.extractive.reading import annotate


def _indication(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_indication(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "indication"),
    [
        ("Severe pneumonia in an elderly woman with gout necessitated therapy with meropenem.", "pneumonia", True),
        ("Severe pneumonia in an elderly woman with gout necessitated therapy with meropenem.", "gout", True),
        ("Recurrent seizures required the use of levetiracetam.", "seizures", True),
        ("Her endocarditis prompted treatment with vancomycin and gentamicin.", "endocarditis", True),
        # a harm the drug caused, then treated: the harm, not what the drug was given for
        ("Lithium-induced hypothyroidism required treatment with levothyroxine.", "hypothyroidism", False),
        ("She developed hepatitis after isoniazid, which required treatment with steroids.", "hepatitis", False),
        # a participle is a harm someone treated, not the clause's subject needing a treatment
        ("He had a rash requiring treatment with antihistamines.", "rash", False),
    ],
)
def test_a_clauses_subject_that_needed_a_treatment_is_its_indication(text: str, name: str, indication: bool) -> None:
    assert _indication(text, name) is indication


def test_the_indication_that_necessitated_a_drug_is_no_harm_of_it() -> None:
    read = annotate("Severe pneumonia in an elderly woman with gout necessitated therapy with meropenem.")
    assert read.adverse_events == ()


@pytest.mark.parametrize(
    ("low", "cut_at"),
    [
        ("in the absence of any benefit of aspirin, and given its interaction with warfarin", ", and given"),
        ("no fever, and the patient was discharged", ", and the patient"),
        ("no rash, and we have since stopped the drug", ", and we have"),
    ],
)
def test_a_new_clause_after_and_ends_a_negations_scope(low: str, cut_at: str) -> None:
    assert clause_after_and(low, 0, len(low)) == low.index(cut_at)


@pytest.mark.parametrize(
    "low", ["no nausea, vomiting, and bleeding occurred", "no rash, and no fever", "without headache, and dizziness"]
)
def test_the_last_item_of_a_list_after_a_comma_and_stays_in_the_scope(low: str) -> None:
    assert clause_after_and(low, 0, len(low)) == len(low)


def test_what_a_later_clause_says_is_not_denied_by_an_earlier_absence() -> None:
    read = annotate(
        "In the absence of any proven benefit of aspirin here, and given the interaction of this drug with warfarin "
        "leading to fatal bleeding, the combination should be avoided."
    )
    assert "fatal bleeding" not in read.absent_events
    assert "bleeding" not in " ".join(read.absent_events)


def test_an_oxford_comma_list_stays_absent() -> None:
    read = annotate("No nausea, vomiting, and bleeding occurred with the drug.")
    assert set(read.absent_events) == {"nausea", "vomiting", "bleeding"}
