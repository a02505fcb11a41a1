"""The arm checks of the efficacy section build a pattern only for the names a quote holds (a speed edit): they give
what a pattern for every name gives, on sentences written for this test."""

from __future__ import annotations

import re

import pytest

from summarizer.engines.extractive.evidence import coordinated_with_intervention, said_of_another_arm
from summarizer.engines.extractive.outcome_spans import OutcomeMention


def _every_pattern_coordinated(mention: OutcomeMention, anchors: frozenset[str]) -> bool:
    low, name = mention.quote.lower(), re.escape(mention.outcome.lower())
    for anchor in anchors:
        arm = re.escape(anchor)
        pattern = (
            rf"(?<![\w\-]){arm}(?:\s+(?:group|arm))?\s+(?:and|or|versus|vs\.?)\s+{name}(?![\w\-])"
            rf"|(?<![\w\-]){name}\s+(?:and|or|versus|vs\.?)\s+{arm}(?![\w\-])"
        )
        if re.search(pattern, low):
            return True
    return False


_QUOTES = [
    ("Ketorolac versus morphine made no difference to nausea.", "morphine", frozenset({"ketorolac"})),
    ("Nausea was less frequent with ketorolac than with morphine.", "nausea", frozenset({"ketorolac"})),
    ("Pain scores and ketorolac use did not differ.", "pain scores", frozenset({"ketorolac", "diclofenac"})),
    ("Pain scores fell with diclofenac.", "pain scores", frozenset({"ketorolac"})),
    ("Sleep improved in the ketorolac group, while the diclofenac group slept less.", "sleep",
     frozenset({"ketorolac", "diclofenac"})),
    ("Sleep improved in the placebo group, while ketorolac patients slept less.", "sleep", frozenset({"ketorolac"})),
]


@pytest.mark.parametrize(("quote", "outcome", "anchors"), _QUOTES)
def test_a_name_the_quote_lacks_never_coordinates(quote: str, outcome: str, anchors: frozenset[str]) -> None:
    mention = OutcomeMention(outcome=outcome, change="decreased", direction="improved", quote=quote)
    assert coordinated_with_intervention(mention, anchors) == _every_pattern_coordinated(mention, anchors)


def test_the_checks_on_sentences_written_for_them() -> None:
    coordinated = OutcomeMention("morphine", "no_difference", "no_difference", _QUOTES[0][0])
    assert coordinated_with_intervention(coordinated, frozenset({"ketorolac"}))
    assert not coordinated_with_intervention(coordinated, frozenset({"diclofenac"}))
    other_arm = OutcomeMention("slept less", "decreased", "worsened", _QUOTES[5][0])
    assert said_of_another_arm(other_arm, frozenset({"diclofenac"})) is False  # no arm the quote names
