"""Outcome names a clinician reads as the name of a measure (issue 23): tidied to the measure, or refused.

The names and sentences here are written for these tests; none is a sentence of the benchmark data.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.cues import OBJ_CUT
from summarizer.engines.extractive.learned_results import _span_name
from summarizer.engines.extractive.outcomes import find_outcomes, plausible_outcome_name, tidy_name


@pytest.mark.parametrize(
    ("phrase", "after", "name"),
    [
        # determiners and conjunctions before the name, function words and adverbs after it
        ("the serum sodium levels", "", "serum sodium levels"),
        ("this healing effect", "", "healing effect"),
        ("wound infections and", "", "wound infections"),
        ("pain scores between", "", "pain scores"),
        ("itching markedly", "", "itching"),
        ("night cough more", "", "night cough"),
        ("relapse rates of up", "", "relapse rates"),
        # the study's words for its measure
        ("the primary outcome: days off school", "", "days off school"),
        ("secondary endpoint grip strength", "", "grip strength"),
        ("trends in anxiety scores", "", "anxiety scores"),
        ("bone density for the primary outcome", "", "bone density"),
        ("median ± SD of serum calcium", "", "serum calcium"),
        # a fronted phrase before a comma; a clause after a relative word, an auxiliary, a dash or "and this"
        ("after surgery, the time needed for drain removal", "", "time needed for drain removal"),
        ("sleep quality and this difference", "", "sleep quality"),
        ("arm had resting heart rate 4.2", "", "resting heart rate"),
        ("percentage of nights with wheeze–in any of the four sites", "", "percentage of nights with wheeze"),
        # a participle whose complement was cut after the name, or that says how the measure was taken
        ("hospital deaths recorded", " for the early feeding group", "hospital deaths"),
        ("grip strength measured", " by dynamometer", "grip strength"),
        ("anxiety rated by the parents", "", "anxiety"),
        ("bone age expressed as a z score", "", "bone age"),
        # durations that say when, not what
        ("wheeze three weeks", " after the first dose", "wheeze"),
        ("hiccups roughly two hours", " after the infusion", "hiccups"),
    ],
)
def test_a_name_is_cut_to_the_measure(phrase: str, after: str, name: str) -> None:
    assert tidy_name(phrase, after) == name


@pytest.mark.parametrize(
    ("phrase", "after"),
    [
        ("distance walked", " in six minutes"),  # a participle the measure is named by
        ("time required for extubation", ""),
        ("number of doses missed", " did not differ"),
        ("return to work within 6 weeks", ""),  # a time that is part of the measure
        ("mortality by week 12", ""),
        ("type 1 diabetes", ""),
        ("grade 2–3 neutropenia", ""),
        ("overall survival", ""),
        ("feeling of fullness", ""),
        ("swelling of the ankle", ""),
        ("blood supply", ""),  # a noun in -ly
        ("systolic, diastolic and mean arterial pressure", ""),  # a list of measures
    ],
)
def test_a_name_of_a_measure_stays_as_it_is(phrase: str, after: str) -> None:
    assert tidy_name(phrase, after) == phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "within two weeks of a dose change",  # a preposition opens it
        "in a linear fashion",
        "after two days the rash",
        "we could not tell",  # a pronoun
        "then recurred",  # an adverb
        "later",
        "much",
        "very much",
        "nausea may be caused or",  # a conjecture
        "dose of X produced a fast response",  # a verb with its object
        "pain demonstrated no differences",
        "showing an early benefit",
        "appeared with a delay",
        "the question of whether dosing matters",  # a clause after "of whether"
        "the rate of these late events",  # named before, not here
        "trial name (",  # a piece of a bracket
        "35 min",  # a time only
    ],
)
def test_a_phrase_that_names_no_measure_is_refused(phrase: str) -> None:
    assert tidy_name(phrase) is None


def test_a_harm_named_with_its_cause_is_cut_only_when_it_got_better() -> None:
    """"a tremor induced by lithium" names a harm and its cause: cut when the sentence says it improved, otherwise
    left whole, so that it is not taken for the harm an event names."""
    assert tidy_name("persistent tremor induced", " by lithium", cut_causes=True) == "persistent tremor"
    assert tidy_name("persistent tremor induced", " by lithium") == "persistent tremor induced"


def test_counts_of_people_and_lone_measure_heads_name_no_measure() -> None:
    assert not plausible_outcome_name("proportion of patients")
    assert not plausible_outcome_name("participants")
    assert not plausible_outcome_name("risk")
    assert not plausible_outcome_name("probability")
    assert plausible_outcome_name("proportion of patients with remission")
    assert plausible_outcome_name("risk of stroke")


def test_a_statistic_or_a_time_span_alone_names_no_measure() -> None:
    assert not plausible_outcome_name("average")
    assert not plausible_outcome_name("3-d averages")
    assert not plausible_outcome_name("maximum values")
    assert plausible_outcome_name("24-h urinary sodium")
    assert plausible_outcome_name("5-HT levels")
    assert not plausible_outcome_name("patients receiving 5 mg")
    assert not plausible_outcome_name("more effective to strength gain")
    assert plausible_outcome_name("more severe pain")
    assert plausible_outcome_name("number of patients receiving rescue medication")


def _names(text: str) -> list[str]:
    return [m.outcome for m in find_outcomes(text)]


def test_a_relative_pronoun_is_no_outcome_name() -> None:
    assert _names("Two children developed a rash which later improved.") == []


def test_adjectives_that_share_a_head_stay_with_it() -> None:
    assert _names("Drug Q lowered supine systolic and diastolic pressure.") == [
        "supine systolic and diastolic pressure"
    ]


def test_what_a_count_counts_is_its_measure() -> None:
    assert _names("The number of patients with falls was lower in the exercise group.") == [
        "number of patients with falls"
    ]
    assert _names("The proportion of patients in the exercise group was lower.") == []


def test_a_number_that_starts_a_word_after_of_stays_in_the_name() -> None:
    assert OBJ_CUT.sub("", "the uptake of 18f-fluorodeoxyglucose") == "the uptake of 18f-fluorodeoxyglucose"
    assert OBJ_CUT.sub("", "the risk of 30-day readmission") == "the risk of 30-day readmission"
    assert OBJ_CUT.sub("", "the rate of 12% in") == "the rate of"


def test_another_change_after_an_article_ends_an_object() -> None:
    assert OBJ_CUT.sub("", "the risk of stroke and an improved quality of life") == "the risk of stroke"


def test_a_pico_span_cut_before_its_complement_is_given_it_back() -> None:
    assert _span_name("ratio of", " fall rates for the yoga group compared with") == "ratio of fall rates"
    assert _span_name("likelihood", " of readmission or death among the older women") == (
        "likelihood of readmission or death"
    )
    assert _span_name("mean pain score", " of the children did not differ") == "mean pain score"
    assert _span_name("group had serum urate 0.8", " (95% CI 0.1–1.5)") == "serum urate"
    assert _span_name("we found no change") is None


def test_a_measure_head_alone_names_the_measure_its_sentence_named_before() -> None:
    text = ("The overall rate of wound dehiscence in the trial was 8%; the rate was 7% with sutures and 9% with "
            "staples (p = 0.6).")
    assert _names(text) == ["rate of wound dehiscence"]
    assert _names("The rate was 7% with sutures and 9% with staples (p = 0.6).") == []
