"""Names the statements name only as part of what a trial measured, by a result's grammar: inside what the arms
differed in ("no difference in WAZ between the groups", differed_measures.py) or in a result said of both arms alike
("pain due to X was insignificant in both groups", both_arms_results.py). Such a name is what was measured, or when,
never an arm: the target profile never chooses it as the intervention (target_profile.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.engines.extractive.both_arms_results import both_arms_anchors
from summarizer.engines.extractive.differed_measures import differed_measure_anchors
from summarizer.engines.extractive.treatment_mention import TreatmentReading

__all__ = ["outcome_part_anchors"]


def outcome_part_anchors(treatments: Sequence[TreatmentReading], texts: Sequence[str]) -> frozenset[str]:
    """The anchors of the names every statement naming them names only inside what the arms differed in, or only in
    results said of both arms alike (each kind over all the statements), the treatment readings in the order of
    their statements' texts."""
    return differed_measure_anchors(treatments, texts) | both_arms_anchors(treatments, texts)
