"""A word of allocation ("allocated", "assigned", "randomised") says how patients came to an arm, not what the arm
was given: it never begins a treatment's name (treatment_names.STOP_BEFORE). Sentences written for this test."""

from __future__ import annotations

import pytest
from fake_pico import profile_name


@pytest.mark.parametrize("word", ["allocated", "assigned", "randomised", "randomized"])
def test_a_word_of_allocation_is_no_part_of_theprofile_name(word: str) -> None:
    name = profile_name(
        f"Nine patients {word} balance training fell during follow-up compared with 21 patients {word} usual care "
        "(p = 0.01).",
        f"Patients {word} balance training reported fewer falls than patients {word} usual care.",
    )
    assert name is not None and word not in name.lower()
