"""An absent event keeps the qualifiers that limit which events were absent: "no prolonged sedation" is not "no
sedation" (events.with_limiting_qualifier). Sentences written for the test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("No patient in either arm had inappropriately prolonged sedation after the infusion.",
         "inappropriately prolonged sedation"),
        ("No persistent nausea was reported with the new regimen.", "persistent nausea"),
        ("There was no irreversible hearing loss in the treated children.", "irreversible hearing loss"),
        ("No clinically relevant bleeding occurred in the apixaban group.", "clinically relevant bleeding"),
    ],
)
def test_the_qualifier_stays_with_the_absent_event(text: str, absent: str) -> None:
    assert absent in annotate(text).absent_events


def test_an_unqualified_absence_is_unchanged() -> None:
    assert annotate("No nausea was reported with the new regimen.").absent_events == ("nausea",)
