"""pointed_events reads a plural pointing back by the same singular as the treatment names ("these toxicities" is
the "hepatic toxicity" named before; "this sepsis" keeps its s). Sentences written for these tests."""

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
