"""An event denied of the arm a comparison is set against is not a reassurance about the tested arm."""

from summarizer.engines.extractive.evidence import compared


def test_an_event_denied_after_compared_to_belongs_to_the_reference_arm() -> None:
    sentence = "Four patients in the stent group had a stroke, compared with no stroke in the medical therapy group."
    assert compared(sentence, "stroke")


def test_an_event_denied_after_versus_belongs_to_the_reference_arm() -> None:
    assert compared("Two infants developed sepsis versus no sepsis among controls.", "sepsis")


def test_an_event_denied_of_the_tested_arm_stays_a_reassurance() -> None:
    assert not compared("No stroke occurred in the stent group during follow-up.", "stroke")
    assert not compared("Rash occurred in 12% on drug A versus none of the children on drug B; no rash on C.", "rash")
    assert not compared("No seizures were seen, compared with the rate expected from earlier series.", "seizures")
