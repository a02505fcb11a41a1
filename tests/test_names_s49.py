"""s49-names: a short form written in capitals whose letters spell an English word ("the IS strategy arm", "the AT
group") names a trial arm; the same letters in lower case, or among words all in capitals, are the English word."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.tokenise import TOKEN, lower_same_length, written_as_short_form


def _names(text: str) -> list[str]:
    reading = annotate(text, resources_=load_resources())
    return [m.name for m in reading.treatment.mentions]


def _short_form_at(text: str, word: str) -> bool:
    matches = list(TOKEN.finditer(lower_same_length(text)))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    index = next(k for k, m in enumerate(matches) if text[m.start() : m.end()] == word)
    return written_as_short_form(text, starts, ends, index)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fasting glucose fell further in the IS strategy arm than in the usual care arm [4].", "IS strategy"),
        ("Wound pain was milder in the AT group than in the control group at day 3.", "AT"),
        ("Relapse was rarer in the DO group than in the placebo group (12% vs 20%).", "DO"),
    ],
)
def test_a_short_form_in_capitals_names_its_arm(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        # the English words, in lower case: no arm is named by them
        "Pain is lower in the control group than before surgery.",
        "Pain was lower at the group level than at the ward level.",
        # a title in capitals: every word is, so none is a short form
        "IS THE EARLY GROUP LOWER IN PAIN THAN THE LATE GROUP",
        "Nausea fell in the treated group AS WELL AS the control group.",
    ],
)
def test_no_arm_named_by_an_english_word_or_a_title_in_capitals(text: str) -> None:
    names = [n.lower() for n in _names(text)]
    assert not {"is", "at", "as", "as well", "is the early"} & set(names)
    assert not any(n.split()[0] in {"is", "at", "as"} for n in names)


def test_written_as_short_form_reads_the_case_of_the_word_and_its_neighbours() -> None:
    assert _short_form_at("lower in the IS arm than in the IP arm", "IS")
    assert not _short_form_at("the sample IS LARGE", "IS")  # a neighbour in capitals
    assert not _short_form_at("this is small", "is")  # lower case
    assert not _short_form_at("the IS", "the")
    assert not _short_form_at("IS", "IS")  # alone: nothing to set it against
    assert not _short_form_at("in the ABCDEF arm", "ABCDEF")  # too long for a short form of initials


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Recall was better in group 2 (spaced flashcards) than in the lecture group [3].", "spaced flashcards"),
        ("Antibody titres rose more in Arm B (with QX-7 booster) than in Arm A.", "QX-7 booster"),
        ("Swelling was less in Group II (oral bromelain 500 mg) than in Group I (placebo).", "oral bromelain"),
    ],
)
def test_a_name_in_brackets_after_an_arms_label_is_what_that_arm_had(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scores rose in Group K (from 1.2 to 2.4) but not in Group L (n = 21).",
        "Scores rose in group 1 (experimental group) but not in group 2 (Fig. 4).",
        "Scores rose in group A (control) but not in group B (women over 60).",
        "Scores rose in the second group (mean 4.1) but not in the first.",
    ],
)
def test_no_name_from_a_bracket_of_figures_a_comparator_people_or_an_arm(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Itch fell in children who wore the silver-coated vest but not in the others.", "silver-coated vest"),
        ("Headache ceased sooner in patients taking QX-9 than in those taking placebo.", "QX-9"),
        ("Blood loss was lower in those who underwent keyhole repair [2].", "keyhole repair"),
    ],
)
def test_what_people_wore_took_or_underwent_is_what_they_had(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Half of the women who took part reported nausea at week 2.", "part"),
        ("Falls were as frequent in those taking concomitant sedatives as in the others.", "concomitant sedatives"),
        ("Pain was worse in those who took time off work after surgery.", "time"),
    ],
)
def test_no_object_had_in_an_idiom_or_a_co_treatment(text: str, not_a_name: str) -> None:
    assert not_a_name not in _names(text)
