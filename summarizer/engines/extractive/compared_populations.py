"""Who the patients were, or what one arm was given: "patients on X" in a sentence set against the comparator.

"Patients on metformin" usually says who the patients were, their background treatment
(treatment_names.population_frame), and a sentence naming a treatment so is attributed their harms only. In a
sentence that sets them against the comparator's arm ("lower in patients on X than in patients on placebo",
"patients on X versus those on usual care", "compared with patients on placebo, patients on X ..."), "on X" says
what one arm of the comparison was given: the arm tested, not the population.
"""

from __future__ import annotations

from bisect import bisect_left

from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatment_frames import ARMS_SET_AGAINST
from summarizer.engines.extractive.treatment_names import GIVING_VERBS, names_comparator

# how many words after "than", "versus", "compared" may come before the comparator's word ("than in those on placebo")
COMPARATOR_REACH = 6


def set_against_comparator(scan: Scan, first: int, sentence: Span) -> bool:
    """Whether the name starting at token `first`, after "on", is one arm of a comparison with the comparator's arm
    named the same way: a word that sets arms against each other ("than", "versus", "compared") followed closely by
    "on" and the comparator's word ("than in those on placebo", "versus patients on usual care"), the name itself not
    among those words (then it is the reference: "than in patients on X"), and no word of giving between the name
    and the comparison ("patients on metformin who received X ... than those on placebo": X is the arm)."""
    toks, starts = scan.toks, scan.starts
    lo, hi = bisect_left(starts, sentence[0]), bisect_left(starts, sentence[1])
    for i in range(lo, hi):
        if toks[i] not in ARMS_SET_AGAINST:
            continue
        end = min(hi, i + 1 + COMPARATOR_REACH)
        if i < first < end:
            continue
        if first < i and not GIVING_VERBS.isdisjoint(toks[first:i]):
            continue
        if any(toks[k - 1] == "on" and names_comparator(toks[k]) for k in range(i + 2, end)):
            return True
    return False
