"""A negated "safe" calls nothing safe: the safety section sets such a statement aside when it reports no absent
event and no safety outcome (evidence.safety_word_negated). Sentences written for this test."""

from __future__ import annotations

from summarizer.engines.extractive.evidence import safety_word_negated


def test_a_negated_safe_calls_nothing_safe() -> None:
    assert safety_word_negated("More pupils agreed that it is not safe to drink alcohol before driving.")
    assert safety_word_negated("The higher dose was never well tolerated by the older patients.")


def test_a_safe_no_negation_governs_stays() -> None:
    assert not safety_word_negated("The gel was safe and well tolerated in all age groups.")
    assert not safety_word_negated("Not only was the gel safe, it was also cheap.")
    assert not safety_word_negated("The gel was not inferior, and it was well tolerated.")


def test_a_sentence_without_a_word_of_safety_is_not_read() -> None:
    assert not safety_word_negated("Blistering fell by half with the gel.")
