"""A change said of the other arm with long figures between that arm and the comparison ("higher in A at 60 min
(figures; more figures) as compared to B") is still said of the other arm (evidence.said_of_the_other_arm), and is
turned round for the intervention B. Sentences written for this test."""

from __future__ import annotations

from summarizer.engines.extractive.evidence import for_the_intervention, said_of_the_other_arm
from summarizer.engines.extractive.outcome_spans import OutcomeMention

LONG_FIGURES = (
    "Serum lactate was significantly higher in the fasting arm at 60 min (lactate: t21 = 4.02, p = 0.001; pyruvate: "
    "t21 = 2.87, p = 0.009; both after correction) as compared to dextrolin and saline."
)
SHORT_FIGURES = "Serum lactate was higher in the fasting arm (2.1 vs 1.4 mmol/l) as compared to dextrolin."


def test_long_figures_between_the_arms_keep_the_comparison() -> None:
    assert said_of_the_other_arm(LONG_FIGURES, frozenset({"dextrolin"}))
    assert said_of_the_other_arm(SHORT_FIGURES, frozenset({"dextrolin"}))


def test_the_arm_that_changed_is_not_turned_round() -> None:
    assert not said_of_the_other_arm(LONG_FIGURES, frozenset({"fasting"}))


def test_the_change_reads_the_other_way_for_the_intervention() -> None:
    mention = OutcomeMention("serum lactate", "increased", "worsened", LONG_FIGURES)
    turned = for_the_intervention(mention, frozenset({"dextrolin"}))
    assert (turned.change, turned.direction) == ("decreased", "improved")


def test_a_comparison_beyond_the_figures_of_another_sentence_part_is_not_read() -> None:
    # a comma ends the first arm's clause before the comparison: no arm is set against the intervention
    text = "Serum lactate was higher in the fasting arm, and dextrolin was compared with saline in a second phase."
    assert not said_of_the_other_arm(text, frozenset({"dextrolin"}))
