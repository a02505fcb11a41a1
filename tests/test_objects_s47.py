"""s47-objects: subjects and objects the outcome readers cut or missed. The full stop of a genus abbreviation inside
an object ("reduced S. aureus infection", cues.OBJECT_CHAR); "both" before a coordinated object
(cues.BOTH_OF_A_LIST); a change said of both arms counted by their kind ("the two diets", cues.EVERY_ARM); a subject
listed with commas (outcome_spans._list_start); a test given in brackets after each listed item
(outcome_spans._tested_bracket_before). The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources


def _outcomes(text: str) -> dict[str, tuple[str, str]]:
    reading = annotate(text, resources_=load_resources())
    return {m.outcome.lower(): (m.change, m.direction) for m in reading.outcomes}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The new vaccine significantly reduced S. aureus bacteraemia compared with the old one (p = 0.02).",
         "s. aureus bacteraemia"),
        ("Triple therapy lowered the rate of H. pylori persistence more than dual therapy (p = 0.01).",
         "rate of h. pylori persistence"),
        ("The yoghurt drink prevented C. difficile diarrhoea in more children than the plain drink (p = 0.04).",
         "c. difficile diarrhoea"),
    ],
)
def test_a_genus_abbreviation_stays_inside_the_object(text: str, outcome: str) -> None:
    assert outcome in _outcomes(text)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a letter that labels a noun and ends a sentence the splitter kept whole is no genus
        ("The supplement lowered serum vitamin D. Patients ate the same food.", "serum vitamin d"),
        ("The booster increased antibodies to hepatitis B. The nurses gave every dose.", "antibodies to hepatitis b"),
    ],
)
def test_a_letter_after_a_noun_still_ends_the_object(text: str, outcome: str) -> None:
    found = _outcomes(text)
    assert outcome in found, found
    assert not any("patients" in name or "nurses" in name for name in found), found


def test_both_before_two_coordinated_names_opens_the_object() -> None:
    found = _outcomes(
        "Ginger gave a significant reduction in both nausea and retching compared with placebo (p < 0.01)."
    )
    assert found.get("nausea", ("", ""))[0] == "decreased"
    assert found.get("retching", ("", ""))[0] == "decreased"
    found = _outcomes("The gel significantly improved both wound closure and scar quality compared with saline.")
    assert {"wound closure", "scar quality"} <= found.keys()


def test_both_before_the_arms_opens_no_object() -> None:
    found = _outcomes("There was a significant reduction in both groups and the gel was well tolerated (p < 0.01).")
    assert not any("groups" in name or "gel" in name for name in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The two regimens were associated with a reduction of liver fat (p < 0.001) without significant differences "
        "between groups.",
        "Both diets reduced waist size (p < 0.001), with no significant difference between the groups.",
    ],
)
def test_a_change_said_of_both_arms_counted_by_their_kind_is_no_difference_when_they_did_not_differ(text: str) -> None:
    found = _outcomes(text)
    assert found and all(reading == ("no_difference", "no_difference") for reading in found.values()), found


def test_a_change_of_one_arm_against_the_others_is_still_its_effect() -> None:
    found = _outcomes("Drug A reduced both pain and stiffness compared with the two other drugs (p < 0.01).")
    assert found.get("pain", ("", ""))[0] == "decreased"


def test_every_item_of_a_listed_subject_is_read() -> None:
    found = _outcomes(
        "Fasting glucose, insulin resistance and body weight were significantly lower in the metformin group than "
        "in the placebo group (p < 0.01)."
    )
    assert {"fasting glucose", "insulin resistance", "body weight"} <= found.keys(), found
    found = _outcomes("Time to walk, stay in ICU and stay in hospital were all shorter in the early group (p < 0.01).")
    assert {"time to walk", "stay in icu", "stay in hospital"} <= found.keys(), found


@pytest.mark.parametrize(
    ("text", "not_an_outcome"),
    [
        # a sentence adverb or a setting set off by a comma is no item of the list
        ("However, fatigue and nausea were significantly lower in the yoga group than in the control group "
         "(p = 0.03).", "however"),
        ("Compared with usual care, fatigue and nausea were significantly lower in the yoga group (p = 0.03).",
         "compared with usual care"),
        ("After six weeks, fatigue and nausea were significantly lower in the yoga group than in the control "
         "group (p = 0.03).", "after six weeks"),
        # the items name kinds of the scales the last item names: not measures of their own
        ("Mean change on the Sleep, Mood, and Energy subscales was higher with the yoga programme than with "
         "usual care.", "sleep"),
        # adjectives that share the last item's noun
        ("The mean verbal, spatial and memory scores were similar in the two groups.", "mean verbal"),
    ],
)
def test_what_a_comma_sets_off_before_a_list_is_no_item_of_it(text: str, not_an_outcome: str) -> None:
    found = _outcomes(text)
    assert not any(name.startswith(not_an_outcome) for name in found), found


def test_a_test_in_brackets_after_each_listed_item_is_passed_over() -> None:
    found = _outcomes(
        "Time to relapse (HR 0.61, P = 0.004) and overall survival (HR 0.70, P = 0.02) were significantly longer "
        "in the maintenance group than in the observation group."
    )
    assert found.get("time to relapse", ("", ""))[0] == "increased", found
    assert found.get("overall survival", ("", ""))[0] == "increased", found


def test_a_bracket_that_qualifies_a_noun_is_not_passed_over() -> None:
    found = _outcomes("The vials of lidocaine (2%) and saline (10 mL, sterile) were alike in colour.")
    assert "saline" not in found, found
