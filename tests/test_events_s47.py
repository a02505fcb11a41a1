"""s47-events: one harm listed once, event spans past the people who had it, a negation over alternatives, and
focusing adverbs left out of an event's name (issue 23). Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.events import event_names
from summarizer.engines.extractive.nested_events import core_name, listed_once
from summarizer.models import Statement
from summarizer.pipeline import summarize

_ENGINE = ExtractiveEngine()
_DAPSONE = frozenset({"dapsone"})


def _safety(text: str) -> tuple[str, list[str]]:
    brief = summarize([Statement(id="S1", text=text)], engine=_ENGINE)
    return brief.safety.assessment, [finding.claim for finding in brief.safety.findings]


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("hepatotoxicity of dapsone", "hepatotoxicity"),
        ("Toxicity from dapsone", "Toxicity"),
        ("risk for the development of methemoglobinemia", "methemoglobinemia"),
        ("increased susceptibility to developing agranulocytosis", "agranulocytosis"),
        ("hemolysis related to dapsone", "hemolysis"),
    ],
)
def test_a_harms_core_name_drops_the_intervention_and_the_frame(name: str, core: str) -> None:
    assert core_name(name, _DAPSONE) == core


@pytest.mark.parametrize(
    "name",
    [
        "loss of consciousness",  # its "of" names no owner
        "hepatotoxicity of rifampicin",  # another drug: it says whose harm it was
        "dapsone neuropathy",  # alone, it keeps the intervention's word: it may be how the harm is known
        "dapsone induced hemolysis",  # its cause, said by a participle
        "risk",
    ],
)
def test_a_name_that_says_more_than_the_intervention_keeps_its_words(name: str) -> None:
    assert core_name(name, _DAPSONE) == name


@pytest.mark.parametrize(
    ("events", "listed"),
    [
        (["Hemolysis", "acute hemolysis"], ["acute hemolysis"]),
        (["Skin toxicity", "skin toxicity of dapsone"], ["Skin toxicity"]),
        (["Agranulocytosis", "dapsone-induced agranulocytosis"], ["Agranulocytosis"]),
        (["Neuropathy", "dapsone neuropathy"], ["Neuropathy"]),
        (["dapsone skin toxicity", "skin toxicity of dapsone"], ["skin toxicity"]),
        (["Withdrawal", "dapsone withdrawal"], ["dapsone withdrawal"]),
        (["Neuropathy", "rifampicin neuropathy"], ["rifampicin neuropathy"]),
        (["Rash", "fever", "spectrum of dapsone rash with fever"], ["Rash", "fever"]),
    ],
)
def test_one_harm_read_twice_is_listed_once(events: list[str], listed: list[str]) -> None:
    assert [name for name, _ in listed_once([(event, 0) for event in events], _DAPSONE)] == listed


def test_distinct_harms_are_all_listed() -> None:
    events = [("Hemolysis", 0), ("methemoglobinemia", 0), ("rash", 1)]
    assert listed_once(events, _DAPSONE) == events


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Acute hemolysis after dapsone is rare, but hemolysis was seen in two of our patients.",
         "Acute hemolysis reported with dapsone."),
        ("Neuropathy is rare, but several cases of severe dapsone neuropathy have been reported.",
         "Neuropathy reported with dapsone."),
    ],
)
def test_a_claim_names_a_harm_once(text: str, claim: str) -> None:
    assessment, claims = _safety(text)
    assert assessment == "concerns_reported"
    assert claims == [claim]


def _event_spans(text: str) -> list[str]:
    from summarizer.engines.extractive.resources import bundled_data_files, resources_from
    from summarizer.engines.extractive.scan import Scan

    return [text[a:b] for a, b in Scan(text, resources_from(bundled_data_files())).event_spans]


def test_a_case_of_people_who_developed_a_harm_opens_its_span_at_the_harm() -> None:
    spans = _event_spans("We describe three cases of children who developed agranulocytosis on dapsone.")
    assert "agranulocytosis" in spans
    assert not any(span.startswith("children") for span in spans)


def test_cases_of_a_harm_still_open_its_span() -> None:
    assert "agranulocytosis" in _event_spans("We describe three cases of agranulocytosis on dapsone.")


def test_a_case_of_people_who_developed_a_harm_names_the_harm() -> None:
    text = "We describe three cases of children who developed agranulocytosis on dapsone."
    _, claims = _safety(text)
    assert any(claim.startswith("Agranulocytosis reported with dapsone") for claim in claims)
    assert not any(claim.startswith(("Children", "Cases")) for claim in claims)


def test_a_negation_before_alternatives_denies_each() -> None:
    assessment, claims = _safety("There was no increase in the rate of hepatitis or gout after starting dapsone.")
    assert not any("gout" in claim.lower() and not claim.startswith("No") for claim in claims)
    assert assessment != "concerns_reported"


def test_an_alternative_outside_a_negation_still_occurs() -> None:
    assessment, claims = _safety("There was an increase in the rate of hepatitis or gout after starting dapsone.")
    assert assessment == "concerns_reported"
    assert claims == ["Hepatitis reported with dapsone."]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "even" focuses and goes; "potentially" hedges the harm and stays: the brief may not say it was fatal
        ("Dapsone led to severe and even potentially fatal hemolysis.", "potentially fatal hemolysis"),
        ("Patients given dapsone who develop only fever should be examined.", "fever"),
    ],
)
def test_a_focusing_adverb_is_no_part_of_an_events_name(text: str, name: str) -> None:
    start = text.index("even") if "even" in text else text.index("only")
    names = [found.lower() for found in event_names(text, [(start, text.index(name) + len(name))])]
    assert names == [name]


def test_an_adverb_after_and_opens_the_lists_next_item() -> None:
    text = "Dapsone may cause hemolysis and possibly methemoglobinemia."
    start = text.index("hemolysis")
    assert event_names(text, [(start, len(text) - 1)]) == ("hemolysis and possibly methemoglobinemia",)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("In our view ceftriaxone was the likely cause of this patient's neutropenia.",
         "Neutropenia reported with ceftriaxone."),
        ("Prompt recognition of ceftriaxone as the cause of this adverse reaction avoided further tests.",
         "Adverse reaction reported with ceftriaxone."),
    ],
)
def test_a_word_pointing_back_or_whose_harm_it_was_is_no_part_of_its_name(text: str, claim: str) -> None:
    assert _safety(text)[1] == [claim]


def test_a_harm_named_with_a_people_word_keeps_it() -> None:
    text = "Ceftriaxone was followed by neonatal jaundice in two infants."
    start = text.index("neonatal")
    assert event_names(text, [(start, start + len("neonatal jaundice"))]) == ("neonatal jaundice",)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("We describe a woman who developed leukopenia on ceftriaxone and again developed this adverse reaction on "
         "rechallenge.", "Leukopenia reported with ceftriaxone."),
        ("Ceftriaxone caused leukopenia; adverse reactions were seen in two more patients.",
         "Leukopenia and adverse reactions reported with ceftriaxone."),
    ],
)
def test_a_generic_harm_pointing_back_is_the_named_one(text: str, claim: str) -> None:
    assert _safety(text)[1] == [claim]
