"""What a verb of giving makes a treatment (given_objects.py), and a cited work's authors who are no subgroup of
patients (cues.SUBGROUP_BEFORE).

The sentences here are written for these tests (in the style of citing statements and trial reports), not taken from
a corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.cues import SUBGROUP_BEFORE


def _mentions(text: str) -> list[tuple[str, bool]]:
    reading = annotate(text, resources_=load_resources())
    return [(m.name, m.therapy_frame) for m in reading.treatment.mentions]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name the lists set aside in running text (a hormone, a nutrient), given by the verb
        ("Fewer deaths occurred among patients treated with insulin in the surgical unit [3].", "insulin"),
        ("Fractures were rarer in women who had received magnesium for two years [7].", "magnesium"),
        # a short form and a product no list holds
        ("Viral load fell faster in adults receiving QRTV than in the other arm [2].", "QRTV"),
        ("Nausea was less common in those who were given the ginger lozenge [4].", "ginger lozenge"),
        ("Subjects were randomised to receive ZK-9 or placebo for six weeks [5].", "ZK-9"),
        ("Bleeding was shorter with the addition of topical thrombin to the dressing [6].", "topical thrombin"),
        ("Intravenously administered magnesium shortened the seizures [8].", "magnesium"),
        # people and an auxiliary before the verb, "which" after an arm, an amount before the name
        ("Anaemia was commoner in infants whose mothers had received TMX-3 in pregnancy [2].", "TMX-3"),
        ("Calcium rose in the arm which received oral zinc compared with the other arm [4].", "oral zinc"),
        ("Bone density rose in women treated with weekly doses of oral ralvatide [5].", "oral ralvatide"),
    ],
)
def test_the_object_of_a_verb_of_giving_is_a_treatment_given(text: str, name: str) -> None:
    assert (name, True) in _mentions(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("These estimates should be treated with caution in older adults [3].", "caution"),
        ("The question has received considerable attention in recent reviews [2].", "considerable attention"),
        ("Given the small sample, the authors did not test subgroups [4].", "small sample"),
        ("Pain fell in those who received active treatment [5].", "active treatment"),
        ("Relapse was rare in patients who received placebo [5].", "placebo"),
        ("Hepatitis occurred in a man treated with repeated courses [9].", "repeated courses"),
        ("Sedation was deeper when propofol was administered alone [2].", "alone"),
        ("Weight was measured when the administered dose had been absorbed [2].", "dose"),
        ("The protocol which received approval was then applied [2].", "approval"),
    ],
)
def test_no_treatment_where_nothing_is_given_or_nothing_named(text: str, not_a_name: str) -> None:
    assert not_a_name not in [name for name, _ in _mentions(text)]


def test_the_name_ends_at_the_statements_verb_and_at_a_preposition() -> None:
    assert ("sodium bicarbonate", True) in _mentions(
        "Infants given sodium bicarbonate grew faster than the others [3]."
    )
    assert ("radiotherapy", True) in _mentions(
        "Recurrence was 9% in the group receiving radiotherapy prior to surgery [2]."
    )


def test_a_class_word_in_apposition_is_no_part_of_the_name() -> None:
    names = [name for name, _ in _mentions("Ulcers appeared in patients treated with the antiemetic agent dolverin.")]
    assert "dolverin" in names
    assert "antiemetic agent dolverin" not in names


def test_a_short_form_the_statement_defines_is_named_by_its_long_form() -> None:
    names = [name for name, _ in _mentions(
        "Two cases of sepsis in tacrolimus (TAC)-treated patients are reported, one in a man treated with TAC for "
        "uveitis."
    )]
    assert "TAC" not in names


@pytest.mark.parametrize(
    "prefix",
    [
        "the study by smith and colleagues, who reported a ",
        "as shown by lee et al., who reported a ",
        "in contrast to kim et al. [12] who showed a ",
        "the investigators, who reported a ",
    ],
)
def test_a_cited_works_authors_are_no_subgroup(prefix: str) -> None:
    assert SUBGROUP_BEFORE.search(prefix[-40:]) is None


@pytest.mark.parametrize(
    "prefix",
    ["in the patients who reported a ", "among those who had a ", "in children (n = 12) who had ", "women with no "],
)
def test_people_who_had_something_are_still_a_subgroup(prefix: str) -> None:
    assert SUBGROUP_BEFORE.search(prefix[-40:]) is not None
