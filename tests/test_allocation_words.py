"""A word of allocation ("allocated", "assigned", "randomised") says how patients came to an arm, not what the arm
was given: it never begins a treatment's name (treatment_names.STOP_BEFORE). Sentences written for this test."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.target_profile import profile_target
from summarizer.models import Target


def _name(*texts: str) -> str | None:
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    return profile_target(Target(), readings, res, texts=list(texts)).name


@pytest.mark.parametrize("word", ["allocated", "assigned", "randomised", "randomized"])
def test_a_word_of_allocation_is_no_part_of_the_name(word: str) -> None:
    name = _name(
        f"Nine patients {word} balance training fell during follow-up compared with 21 patients {word} usual care "
        "(p = 0.01).",
        f"Patients {word} balance training reported fewer falls than patients {word} usual care.",
    )
    assert name is not None and word not in name.lower()
