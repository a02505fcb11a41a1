"""A negated change read as an absent event ("did not reduce X", "may impair Y") is no absent event: the name begins
with the verb of change (evidence.compared). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.evidence import compared


def test_a_name_beginning_with_a_verb_of_change_is_no_absent_event() -> None:
    sentence = "The reminders did not reduce missed doses or improve adherence in the clinic."
    assert compared(sentence, "reduce missed doses")
    assert compared(sentence, "improve adherence")
    assert compared("Paraffin may not soothe the skin and may impair healing.", "impair healing")


def test_events_named_by_a_participle_or_a_harm_stay_absent_events() -> None:
    # "elevated", "impaired", "decreased" before a noun name an event; a harm in general is a reassurance
    assert not compared("No patient had elevated liver enzymes.", "elevated liver enzymes")
    assert not compared("There was no impaired renal function at discharge.", "impaired renal function")
    assert not compared("The drug was given without increasing adverse events.", "increasing adverse events")
    assert not compared("No nausea was reported.", "nausea")
