"""An effect of a treatment on a measure with a word that judges it ("a beneficial effect of X on Y", "no significant
effect of X on Y") reports the measure improved, worsened or not different (effect_outcomes; issue 23, s43-citing2).
The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in find_outcomes(text)]


def test_a_judged_effect_says_which_way_the_measure_went() -> None:
    assert ("night cramps", "unclear", "improved") in _read(
        "A crossover trial in older adults showed a beneficial effect of quinine on night cramps [ 4] .")
    assert ("renal function", "unclear", "worsened") in _read(
        "Two cohorts of patients reported deleterious effects of lithium on renal function [ 4] .")
    # the measure after a head that says how it was taken
    assert ("serum ferritin", "unclear", "improved") in _read(
        "A positive effect of oral iron on changes in serum ferritin was seen in pregnant women [ 4] .")


def test_no_effect_is_no_difference() -> None:
    assert ("night cramps", "no_difference", "no_difference") in _read(
        "A crossover trial in older adults showed no significant effect of quinine on night cramps [ 4] .")
    assert ("night cramps", "no_difference", "no_difference") in _read(
        "The trial found no beneficial effect of quinine on night cramps in older adults [ 4] .")


def test_a_guess_a_purpose_animals_or_an_unjudged_effect_report_nothing() -> None:
    # a view, a purpose, a question
    assert not _read("Earlier reports suggested a beneficial effect of quinine on night cramps [ 4] .")
    assert not _read("We set out to evaluate the beneficial effect of quinine on night cramps [ 4] .")
    assert not _read("Quinine may have a beneficial effect on night cramps, and a beneficial effect of quinine on "
                     "sleep may follow [ 4] .")
    # in animals
    assert not _read("In rats, a protective effect of quinine on muscle damage was seen [ 4] .")
    # "significant" alone says no way; side effects are harms, not a judged effect on a measure
    assert not _read("A significant effect of quinine on night cramps was seen in older adults [ 4] .")
    assert not _read("The side effects of quinine on hearing were reported in older adults [ 4] .")


def test_a_judged_effect_denied_after_its_measure_is_not_read_as_found() -> None:
    assert ("night cramps", "unclear", "improved") not in _read(
        "In older adults, a beneficial effect of quinine on night cramps was not found [ 4] .")


def test_a_change_noun_after_a_verb_of_finding_names_the_measure_after_in_the() -> None:
    # "reported a decrease in the X": a result reported, so "in the" opens the measure, not a place or an arm
    assert ("duration of sleep", "decreased") in [(o, c) for o, c, _ in _read(
        "Lee and colleagues reported a decrease in the duration of sleep with the addition of caffeine [ 4] .")]
    # no verb of finding and no comparison: a narrative, the change not read as a result here
    assert not _read("An increase in the heart rate causing palpitations was seen [ 4] .")

