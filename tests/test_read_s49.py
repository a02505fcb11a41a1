"""s49-read: forms of the patients' own past read as no harm of the treatment (issue 23)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.body_parts import with_its_head
from summarizer.engines.extractive.conceded_safety import safety_only_conceded
from summarizer.engines.extractive.events import is_clinical_event_name
from summarizer.engines.extractive.fallback_events import fallback_event_spans
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan


def _is_the_patients(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_indication(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Doxazosin lowered blood pressure in elderly men who have suffered a recent myocardial infarction.",
         "myocardial infarction"),
        ("We describe a woman who had previously undergone a splenectomy and later developed sepsis on drug X.",
         "splenectomy"),
        ("Two children who had had an earlier seizure were given valproate.", "seizure"),
        ("Nurses who had sustained a prior back injury were excluded from the cohort.", "back injury"),
    ],
)
def test_what_the_people_had_been_through_before_is_theirs(text: str, name: str) -> None:
    assert _is_the_patients(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a perfect tense of an event's own verb reports the event
        ("A man who had developed severe hepatitis after starting isoniazid was admitted.", "hepatitis"),
        ("A patient who had experienced lithium-induced tremor stopped the drug.", "lithium-induced tremor"),
        # a time after the name makes it the treatment's
        ("Patients who have suffered a stroke after starting the drug were counted.", "stroke"),
        # no "who": the verb is the report's own
        ("The child suffered a seizure two hours after the vaccine.", "seizure"),
    ],
)
def test_an_event_the_treatment_brought_is_no_history(text: str, name: str) -> None:
    assert not _is_the_patients(text, name)


# --- the fallback's name after a verb of having an event ends before a clause of time

def _names_after_having(text: str) -> list[str]:
    scan = Scan(text, load_resources())
    return [text[a:b] for a, b in fallback_event_spans(scan, [], past_own=True)]


def test_a_clause_of_time_is_not_read_into_the_harms_name() -> None:
    names = _names_after_having("Four women with migraine developed wheezing while using sumatriptan nasal spray.")
    assert names and all("while" not in name for name in names)


def test_a_name_with_no_clause_after_it_is_read_as_before() -> None:
    names = _names_after_having("Four women with migraine developed wheezing spells on the second day.")
    assert any("wheezing" in name for name in names)


# --- a safety granted in a concessive clause is no report that the drug is safe

@pytest.mark.parametrize(
    "sentence",
    [
        "Although the new anticoagulant is usually well tolerated, major bleeding can occur in older adults.",
        "While intrathecal baclofen is considered safe, withdrawal after pump failure may be life-threatening.",
        "Despite its good safety record in adults, the vaccine should be given to infants with caution.",
    ],
)
def test_a_conceded_safety_is_not_asserted(sentence: str) -> None:
    assert safety_only_conceded(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the concession follows the main clause and concedes something else
        "The inhaled steroid was safe and effective in children, although it costs more than the tablet.",
        # a safety asserted outside the concession as well
        "Although the trial was small, the implant was well tolerated by every patient.",
        # no concession at all
        "The infusion was well tolerated and no patient stopped treatment.",
    ],
)
def test_an_asserted_safety_stands(sentence: str) -> None:
    assert not safety_only_conceded(sentence)


# --- a part of the body alone is where a harm happened, not the harm

def _widened(text: str, part: str) -> str:
    start = text.index(part)
    a, b = with_its_head(text, (start, start + len(part)))
    return text[a:b]


def test_an_organ_after_of_is_read_with_the_noun_it_completes() -> None:
    assert _widened("The scan showed rupture of the spleen two days after the infusion.", "spleen") == (
        "rupture of the spleen"
    )
    assert _widened("Biopsy found inflammation of both kidneys.", "kidneys") == "inflammation of both kidneys"


def test_an_organ_after_a_word_of_place_or_a_participle_is_left_alone() -> None:
    assert _widened("Swelling spread over part of the face within hours.", "face") == "face"
    assert _widened("The rash was confined to a patch covering of the hand.", "hand") == "hand"
    assert _widened("She described numbness of the hand.", "numbness") == "numbness"  # no organ: as read


def test_a_lone_organ_is_no_clinical_event_but_a_harm_in_it_is() -> None:
    assert not is_clinical_event_name("Skin")
    assert not is_clinical_event_name("bladder")
    assert is_clinical_event_name("skin rash")
    assert is_clinical_event_name("Perforation of the bladder")
