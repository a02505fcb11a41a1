"""The control arm named by what it had: "the X control group" and the control arm's initials ("the CG received X")
name the comparator (control_arm_names.py), so the profile never names it the intervention. Sentences written for
these tests."""

from __future__ import annotations

from fake_pico import profile_name

from summarizer.engines.extractive.control_arm_names import control_arm_anchors, named_control_anchors


def _words(words: str) -> list[str]:
    return words.lower().split()


def test_a_name_before_control_group_names_the_control_arm() -> None:
    assert named_control_anchors(["Sleep was longer than in the melatonin control group (p = 0.03)."], _words) == {
        "melatonin"
    }
    assert named_control_anchors(["Anxiety fell less in a wait-list control condition."], _words) == {"wait-list"}
    assert named_control_anchors(["The two-drug control arm had more relapses."], _words) == {"two-drug"}


def test_no_name_when_the_words_before_control_group_are_no_noun_phrase_of_it() -> None:
    texts = [
        "Pain fell in both the intervention and control groups.",  # the arms' words, joined
        "Compared with gabapentin, control group patients slept less.",  # a clause before it
        "Patients took gabapentin whereas control group patients took nothing.",  # no determiner opens the name
        "Scores in the control group rose.",  # no name at all
    ]
    assert named_control_anchors(texts, _words) == frozenset()


def test_the_control_arms_initials_name_what_it_received() -> None:
    assert control_arm_anchors(["The CG received oral iron for six weeks."], _words) == {"oral", "iron"}
    # what the tested arm received too is what both arms had: no comparator's name
    shared = control_arm_anchors(
        ["The CG received oral iron and the intervention group received oral iron plus folate."], _words
    )
    assert shared == frozenset()
    # "cg" inside another word is no arm
    assert control_arm_anchors(["The PCG received oral iron."], _words) == frozenset()


def test_the_named_control_arm_is_never_named_the_intervention() -> None:
    statements = (
        "Mortality was higher in the paracetamol group compared with the ketorolac group (p = 0.01).",
        "Nausea was more frequent in the paracetamol group than in the ketorolac group (p = 0.04).",
    )
    assert profile_name(*statements) == "paracetamol"  # the wording alone cannot tell
    assert profile_name(*statements, "Pain scores in the paracetamol control group were stable.") != "paracetamol"
