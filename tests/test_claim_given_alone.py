"""A combination that beat the intervention given alone is no claim that the intervention worked
(evidence.efficacy_claim, _given_alone); the combination's own claim stays. Sentences written for this test."""

from __future__ import annotations

from summarizer.engines.extractive.evidence import efficacy_claim
from summarizer.models import Statement

COMBINED = "Torvaline combined with a brace was more efficacious than torvaline alone at 6 months (P = 0.01)."


def _claim(text: str, *anchors: str) -> str | None:
    return efficacy_claim(Statement(id="S1", text=text), frozenset({0}), frozenset(anchors))


def test_the_part_given_alone_gets_no_claim() -> None:
    assert _claim(COMBINED, "torvaline") is None


def test_what_was_added_keeps_its_claim() -> None:
    assert _claim(COMBINED, "brace") == COMBINED


def test_a_claim_with_no_part_given_alone_stays() -> None:
    text = "Torvaline was found to be effective in reducing relapses (P = 0.01)."
    assert _claim(text, "torvaline") == text
