"""Findings and summaries that misread their quote, read as a clinician would (issue 23, helper s39-misreads): a
safety summary that says no statement reports on safety while one is tagged safety, a proper name lower-cased, an
outcome's name that says more or less than the outcome (how or when it was measured, a time whose number was cut,
a lone quantifier). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcome_names import plausible_outcome_name, tidy_name
from summarizer.engines.extractive.wording import lower_first, outcome_claim, safety_summary, written_capital
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _brief(*texts: str):  # type: ignore[no-untyped-def]
    return summarize([Statement(id=f"S{i + 1}", text=t) for i, t in enumerate(texts)], engine="extractive")


def test_a_statement_tagged_safety_is_never_no_statement_on_safety() -> None:
    brief = _brief(
        "Walking poles reduced knee pain compared with usual walking in the trial (p = 0.01).",
        "Knee pain scores were lower with walking poles than with usual walking at 12 weeks (p < 0.001).",
        "The frequency of adverse events was similar in the three groups.",
        "No serious adverse effects were reported.",
    )
    tagged = [s.id for s in brief.statements if s.annotation is not None and "safety" in s.annotation.topics]
    assert tagged
    assert brief.safety.assessment == "insufficient_evidence"
    assert not brief.safety.summary.startswith("No statement reports on the safety")
    assert brief.safety.summary.startswith(f"{len(tagged)} statements of 4 speak of safety")
    assert "none attributes a harm or its absence to walking poles" in brief.safety.summary


def test_the_summary_says_none_only_when_none_is_tagged() -> None:
    assert safety_summary("X", 3, [], [], [], judged=False).startswith("No statement reports on the safety of X")


@pytest.mark.parametrize(
    ("name", "quoted", "expected"),
    [
        ("Melbourne", "Hand function improved on the AHA and Melbourne scales in both arms.", "Melbourne"),
        ("Barthel index", "Scores on the Barthel index did not differ.", "Barthel index"),
        ("Mortality", "Mortality did not differ between the arms.", "mortality"),
        ("Pain", "The arms were alike at baseline. Pain did not differ at week 6.", "pain"),
        ("Pain", "RESULTS: Pain did not differ at week 6.", "pain"),
        ("Pain", "", "pain"),
    ],
)
def test_a_capital_written_inside_a_sentence_is_a_proper_name(name: str, quoted: str, expected: str) -> None:
    assert lower_first(name, quoted) == expected


def test_a_capital_that_is_part_of_a_longer_word_is_not_the_name() -> None:
    assert not written_capital("Pain", "Low back Painful joints were rare. Pain did not differ.")


def test_the_claim_keeps_the_proper_name() -> None:
    quoted = "Scores on the Fugl-Meyer and Barthel scales did not differ between the groups."
    assert outcome_claim("Barthel scales", "no_difference", "no_difference", "mirror therapy", quoted) == (
        "No difference in Barthel scales with mirror therapy."
    )


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # a participle of measuring with its complement: how, when or where, not what
        ("serum ferritin measured at three visits", "serum ferritin"),
        ("grip strength assessed on both hands", "grip strength"),
        ("blood pressure recorded during the night", "blood pressure"),
        # a method named after the measure
        ("anxiety according to the STAI", "anxiety"),
        # a time whose number was cut after it
        ("wound exudate on Day", "wound exudate"),
        ("oedema in weeks", "oedema"),
        ("sessions attended per week", "sessions attended per week"),  # a rate, not a time point
        ("median number of days", "median number of days"),  # what is counted
        ("mortality within 90 days", "mortality within 90 days"),  # a time that belongs to the measure
        # what was counted keeps its complement
        ("share of children vaccinated according to schedule", "share of children vaccinated according to schedule"),
        ("fall risk assessed by the PPA", "fall risk"),
    ],
)
def test_an_outcome_name_says_what_was_measured(phrase: str, name: str) -> None:
    assert tidy_name(phrase) == name


@pytest.mark.parametrize("word", ["certain", "several", "various", "others"])
def test_a_lone_quantifier_names_no_outcome(word: str) -> None:
    assert not plausible_outcome_name(word)
    assert plausible_outcome_name(f"{word} complications")


def test_a_difference_for_certain_items_is_no_outcome_named_certain() -> None:
    brief = _brief(
        "Essays written after the writing course were not significantly longer than those written before; "
        "although significant differences for certain essays were found, the variance was wide.",
    )
    assert all(o.outcome.lower() != "certain" for o in brief.efficacy.outcomes)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("higher proportion of wound infections", "proportion of wound infections"),
        ("fewer number of falls", "number of falls"),
        ("lower limb strength", "lower limb strength"),  # anatomy, not a change
        ("lower back pain", "lower back pain"),
    ],
)
def test_a_comparative_before_a_measure_is_the_change_not_the_name(phrase: str, name: str) -> None:
    assert tidy_name(phrase) == name


def test_an_absent_event_is_named_as_inside_a_sentence() -> None:
    from summarizer.engines.extractive.wording import reassuring_claim

    quoted = "Headache did not occur in either arm."
    assert reassuring_claim([], ["Headache"], "drug Z", quoted) == "No headache reported with drug Z."
    assert reassuring_claim([], ["Stevens-Johnson syndrome"], "drug Z", "No case of Stevens-Johnson syndrome.") == (
        "No Stevens-Johnson syndrome reported with drug Z."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tinnitus is a rare side effect of rivastigmine.",
        "Rivastigmine causes side effects such as tinnitus.",
        "A woman given rivastigmine developed tinnitus as an adverse reaction.",
        "Tinnitus, a rare adverse event of rivastigmine, resolved on withdrawal.",
    ],
)
def test_a_generic_harm_set_beside_the_harm_it_names_is_one_event(text: str) -> None:
    from summarizer.engines.extractive.generic_events import generic_event

    brief = _brief(text, "Rivastigmine was given for dementia.")
    names = [event.name.lower() for event in brief.safety.adverse_events]
    assert "tinnitus" in names
    assert not any(generic_event(name) for name in names)


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("side effect", True),
        ("a rare but potentially lethal complication", True),
        ("adverse drug reactions", True),
        ("ocular side effects", False),  # where: specific
        ("granulomatous reaction", False),  # of what kind: specific
        ("hypersensitivity reaction", False),
        ("tinnitus", False),
    ],
)
def test_a_generic_harm_name_says_only_that_there_was_a_harm(name: str, generic: bool) -> None:
    from summarizer.engines.extractive.generic_events import generic_event

    assert generic_event(name) is generic


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a hedge on the negation, or a belief
        ("Rivastigmine may not cause tinnitus in older patients.", "tinnitus"),
        ("A causal link with tinnitus has not been established.", "tinnitus"),
        ("Rivastigmine was long thought to cause no tinnitus.", "tinnitus"),
        # news: what the literature lacked
        ("No case of tinnitus has been described previously with rivastigmine.", "tinnitus"),
        ("To our knowledge, tinnitus has never been linked to rivastigmine.", "tinnitus"),
        ("Rivastigmine is not known to cause tinnitus.", "tinnitus"),
        ("Rivastigmine has not been reported to cause tinnitus.", "tinnitus"),
        # the harm as the complement of what is negated
        ("No other cause for the tinnitus was found.", "tinnitus"),
        ("There was no discussion of tinnitus in the trial reports.", "tinnitus"),
        ("No other causes were found.", "causes"),
    ],
)
def test_an_absence_in_doubt_is_no_absent_event(sentence: str, event: str) -> None:
    from summarizer.engines.extractive.absence_frames import absence_in_doubt

    assert absence_in_doubt(sentence, event)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("No patient developed tinnitus.", "tinnitus"),
        ("Tinnitus was not observed in either arm.", "tinnitus"),
        ("We could not detect tinnitus in any patient.", "tinnitus"),
        ("There was no evidence of tinnitus at follow-up.", "tinnitus"),
        ("Patients previously treated with rivastigmine had no tinnitus.", "tinnitus"),
    ],
)
def test_an_absence_observed_stays(sentence: str, event: str) -> None:
    from summarizer.engines.extractive.absence_frames import absence_in_doubt

    assert not absence_in_doubt(sentence, event)


def test_a_case_report_of_news_gives_no_reassurance() -> None:
    brief = _brief(
        "A woman developed tinnitus two weeks after starting rivastigmine.",
        "To our knowledge, no case of tinnitus with rivastigmine has been reported in the literature.",
    )
    assert not any(f.claim.startswith("No ") for f in brief.safety.findings)
    assert brief.safety.assessment == "concerns_reported"


@pytest.mark.parametrize(
    ("text", "clause_break"),
    [
        ("none of the mice gained weight, and all developed alopecia by week 4", True),
        ("the drug is not recommended, and in rare cases may cause alopecia", True),
        ("no patient had fever, and they were discharged on day 3", True),
        ("no fever, nausea, and alopecia were seen", False),  # a list's comma
        ("no fever, and all other symptoms resolved", False),  # "all other": a list, not a clause
    ],
)
def test_and_with_a_new_subject_or_a_modal_ends_a_negation(text: str, clause_break: bool) -> None:
    from summarizer.engines.extractive.cues import CLAUSE_COMMA

    assert (CLAUSE_COMMA.search(text) is not None) is clause_break


def test_what_all_developed_after_none_responded_is_no_absent_event() -> None:
    brief = _brief(
        "A man was given rivastigmine for dementia.",
        "None of the three patients improved, and all developed tinnitus within a week of rivastigmine.",
    )
    assert not any(f.claim.startswith("No tinnitus") for f in brief.safety.findings)


def test_the_consistency_check_finds_no_problem_in_a_consistent_brief() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from brief_consistency import problems  # type: ignore[import-not-found]

    brief = _brief(
        "Walking poles reduced knee pain compared with usual walking in the trial (p = 0.01).",
        "The frequency of adverse events was similar in the three groups.",
    )
    assert problems(brief) == []
