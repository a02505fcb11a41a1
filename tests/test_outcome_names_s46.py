"""s46-names: outcome names cut or garbled by form, and the polarity of a time counted in its units (issue 23).
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcome_names import tidy_name
from summarizer.engines.extractive.outcome_spans import split_pieces
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.polarity import rule_higher_is_better


def _names(sentence: str) -> list[str]:
    return [mention.outcome for mention in find_outcomes(sentence)]


# numbered grades coordinated before one head name one outcome


def test_grades_joined_by_or_share_their_head() -> None:
    mentions = find_outcomes(
        "Grade 3 or 4 neutropenia was more frequent with drug A than with placebo (12% vs 2%, p=0.001)."
    )
    assert [(m.outcome, m.direction) for m in mentions] == [("Grade 3 or 4 neutropenia", "worsened")]


def test_grade_word_repeated_before_the_second_numeral() -> None:
    assert _names("Drug A reduced grade 2 and grade 3 mucositis (p<0.01).") == ["grade 2 and grade 3 mucositis"]


def test_a_number_after_a_name_that_ends_in_no_numeral_stays_apart() -> None:
    assert _names("HbA1c and 2 h glucose were lower with drug A (p<0.01).") == ["HbA1c", "2 h glucose"]
    assert split_pieces("type 2 diabetes and 3 other conditions") == ["type 2 diabetes", "3 other conditions"]


# an adjective of having or lacking a quality shares the next part's noun


def test_coordinated_quality_adjectives_share_their_noun() -> None:
    sentence = (
        "There was no difference in physician assessment of painful and swollen joints between the groups (p = 0.4)."
    )
    assert _names(sentence) == ["physician assessment of painful and swollen joints"]


def test_a_noun_of_an_amount_or_a_lone_adjective_stays_apart() -> None:
    assert split_pieces("a handful and two cups") == ["a handful", "two cups"]
    assert split_pieces("pain and restless legs") == ["pain", "restless legs"]
    assert split_pieces("wakeful and restful") == ["wakeful", "restful"]


# a verb of happening ends the name


def test_occurred_ends_the_name_it_follows() -> None:
    assert _names("A significant reduction in the size of the ulcers occurred in the cream group (P < 0.05).") == [
        "size of the ulcers"
    ]


def test_a_hyphenated_number_word_after_a_preposition_still_cuts() -> None:
    sentence = "Drug A had no significant effect on walking speed over the 2-year follow-up."
    assert _names(sentence) == ["walking speed"]


def test_a_name_without_a_verb_of_happening_is_kept_whole() -> None:
    assert tidy_name("number of falls in the first month") == "number of falls in the first month"


# a number joined by a hyphen to letters opens a word of the name


def test_a_hyphenated_number_word_stays_in_the_name() -> None:
    mentions = find_outcomes(
        "The larger dose gave significantly higher serum 25-OH-D levels than the smaller dose (P < 0.01)."
    )
    assert [m.outcome for m in mentions] == ["serum 25-OH-D levels"]


def test_a_bare_value_after_the_name_still_ends_it() -> None:
    assert _names("Drug A resulted in lower HbA1c 7.1 versus 7.9 (p = 0.01).") == ["HbA1c"]


# a fronted phrase of the means a measure was taken by


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (
            "using a numeric rating scale, nurse's overall rating of handling ease",
            "nurse's overall rating of handling ease",
        ),
        ("numeric rating scale, nurse's overall rating", "nurse's overall rating"),
        ("with the questionnaire, quality of life", "quality of life"),
    ],
)
def test_a_fronted_means_is_cut_from_the_name(phrase: str, name: str) -> None:
    assert tidy_name(phrase) == name


@pytest.mark.parametrize("phrase", ["blood pressure, heart rate", "pain scale, mood and sleep"])
def test_a_list_of_measures_keeps_its_commas(phrase: str) -> None:
    assert tidy_name(phrase) == phrase


# a time counted in its units until an event takes the event's opposite polarity, as "time to" does


@pytest.mark.parametrize(
    ("name", "higher_is_better"),
    [
        ("days to wound healing", False),
        ("the median number of days to complete healing", False),
        ("hours until first bowel movement", False),
        ("days to relapse", True),
        ("number of weeks until recurrence", True),
    ],
)
def test_units_to_an_event(name: str, higher_is_better: bool) -> None:
    assert rule_higher_is_better(name) is higher_is_better


@pytest.mark.parametrize("name", ["7 days to 3 months", "days before surgery"])
def test_a_span_or_a_time_point_is_no_time_to_an_event(name: str) -> None:
    assert rule_higher_is_better(name) is None


# a participle after a count or a share is an adjective of what is counted, and the count is the outcome


def test_a_count_of_what_a_participle_qualifies_is_named_whole() -> None:
    mentions = find_outcomes(
        "The two arms did not differ significantly in the cumulative number of restored teeth (p = 0.10)."
    )
    assert [(m.outcome, m.change) for m in mentions] == [("cumulative number of restored teeth", "no_difference")]


def test_the_participle_of_a_count_gives_it_no_change() -> None:
    mentions = find_outcomes("The proportion of improved patients was higher with drug A (p = 0.01).")
    assert all(m.change == "unclear" and m.direction == "unclear" for m in mentions)


def test_a_change_verb_before_a_count_still_reads() -> None:
    mentions = find_outcomes("Drug A significantly reduced the number of falls (p=0.01).")
    assert [(m.outcome, m.change) for m in mentions] == [("number of falls", "decreased")]
