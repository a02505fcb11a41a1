"""A decimal point printed as a middle dot ("0·54", "p=0·003") reads as one. Sentences written for the test."""

from __future__ import annotations

from summarizer.engines.extractive import annotate
from summarizer.engines.extractive.tokenise import lower_same_length


def test_a_middle_dot_between_digits_is_a_decimal_point_and_offsets_carry_over() -> None:
    text = "Relapse 0·54 (p<0·001) in Na·K pumps"
    low = lower_same_length(text)
    assert low == "relapse 0.54 (p<0.001) in na·k pumps"
    assert len(low) == len(text)


def test_a_p_value_with_a_middle_dot_says_whether_the_difference_counts() -> None:
    significant = "Mortality was lower in the treated group than in the placebo group (12·1% vs 18·4%, p=0·003)."
    (mention,) = annotate(significant).outcomes
    assert (mention.outcome, mention.change, mention.direction) == ("Mortality", "decreased", "improved")
    assert mention.quote == significant  # the quote keeps the text as printed
    not_significant = "Mortality was lower in the treated group than in the placebo group (12·1% vs 13·4%, p=0·45)."
    (mention,) = annotate(not_significant).outcomes
    assert mention.change == "no_difference"
