"""Twins merged: pointed_events reads a plural pointing back by the same singular as the treatment names ("these
toxicities" is the "hepatic toxicity" named before; "this sepsis" keeps its s), and both_arms_results reads an arm
after a name as differed_measures does ("X and the Y groups"); whole_terms and modifier_spans read one cause word
("exercise-provoked"). Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.pointed_events import pointed_to
from summarizer.engines.extractive.treatment_mention import singular


def test_a_plural_in_ies_points_back_to_its_singular() -> None:
    sentence = "These toxicities resolved within a week of stopping the drug."
    assert pointed_to("toxicities", sentence, ["rash", "hepatic toxicity"]) == "hepatic toxicity"


def test_a_word_ending_in_is_or_us_is_no_plural() -> None:
    assert singular("sepsis") == "sepsis"
    assert singular("virus") == "virus"
    assert singular("tablets") == "tablet"
    sentence = "This sepsis was the first of its kind."
    assert pointed_to("sepsis", sentence, ["neonatal sepsis"]) == "neonatal sepsis"
    assert pointed_to("sepsis", sentence, ["rash"]) == "sepsis"


def test_a_name_before_and_the_other_arms_group_is_an_arm_in_both_readers() -> None:
    from summarizer.engines.extractive.both_arms_results import in_both_arms_result

    text = "nausea due to propofol sedation was as frequent in both groups."
    assert in_both_arms_result("propofol", text)
    text = "nausea due to propofol and the etomidate groups was as frequent in both groups."
    assert not in_both_arms_result("propofol", text)


def test_one_cause_word_for_whole_terms_and_modifiers() -> None:
    from summarizer.engines.extractive.whole_terms import CAUSE_WORD

    for word in ("heparin-induced", "exercise-provoked", "drug-triggered", "statin-associated"):
        assert CAUSE_WORD.fullmatch(word)
    for word in ("induced", "thrombocytopenia", "well-tolerated"):
        assert not CAUSE_WORD.fullmatch(word)


def test_one_reading_of_a_name_that_is_only_the_intervention() -> None:
    from summarizer.engines.extractive.nested_events import names_only_the_intervention

    anchors = frozenset({"statin"})
    assert names_only_the_intervention("statins", anchors)
    assert names_only_the_intervention("Statin", anchors)
    assert not names_only_the_intervention("statin myopathy", anchors)
    assert not names_only_the_intervention("", anchors)
