"""Two misreads of reassurance the safety section sets aside (evidence.a_share_free_of, safety_word_negated): a share
of the patients free of an event is its rate, not its absence; a negated "safe" calls nothing safe. Sentences
written for this test."""

from __future__ import annotations

from summarizer.engines.extractive.evidence import a_share_free_of, safety_word_negated

SHARES = "By day 4, 91% versus 63% of patients were free of blistering with the gel (P = 0.01)."


def test_a_share_free_of_an_event_is_its_rate() -> None:
    assert a_share_free_of(SHARES, "blistering")
    assert a_share_free_of("Only 42% of the children remained without wheezing at one year.", "wheezing")


def test_all_patients_free_of_an_event_is_its_absence() -> None:
    assert not a_share_free_of("By day 4, 100% of patients were free of blistering.", "blistering")
    assert not a_share_free_of("All patients were free of blistering at day 4.", "blistering")
    assert not a_share_free_of("No blistering occurred in the 28 patients treated (0% of visits).", "blistering")


def test_an_event_the_sentence_does_not_name_is_not_read() -> None:
    assert not a_share_free_of(SHARES, "nausea")


def test_a_negated_safe_calls_nothing_safe() -> None:
    assert safety_word_negated("More pupils agreed that it is not safe to drink alcohol before driving.")
    assert safety_word_negated("The higher dose was never well tolerated by the older patients.")


def test_a_safe_no_negation_governs_stays() -> None:
    assert not safety_word_negated("The gel was safe and well tolerated in all age groups.")
    assert not safety_word_negated("Not only was the gel safe, it was also cheap.")
    assert not safety_word_negated("The gel was not inferior, and it was well tolerated.")
    assert not safety_word_negated("Blistering fell by half with the gel.")  # no word of safety at all
