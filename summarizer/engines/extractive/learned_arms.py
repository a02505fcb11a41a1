"""The arms of a trial among the names the PICO reader reads (treatments.py, for learned names only).

A trial reports each arm's result in the same place of a sentence: after the same preposition ("in the ACG (P = 0.23)
or the UCG (P = 0.41)", "rose from 4 during the WSD to 5 during the HCD (P < 0.01)"). Two different names in such
places of a sentence that reports a tested comparison of people are the arms the trial set against each other,
whatever words name them: something given (a therapy frame), as treatment_frames.parallel_arms reads arms after
"with" and "for". Here the places of time and setting count too ("in", "during"): a learned name is already one
the PICO reader reads as an intervention and not an outcome, and a second name in the same place, or joined to the
first by "and", "or", "versus" ("in the ACG or the UCG"), must be there.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import TESTED_RESULT
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_mention import TreatmentMention
from summarizer.engines.extractive.treatment_names import DETERMINERS

# the places of an arm's result: parallel_arms' prepositions, and those of the time or setting it was measured in
ARM_PLACES = frozenset({"in", "during"})
# the words that join a second arm to the first, in its place ("in the X or the Y", "for X versus Y")
_JOINERS = frozenset({"and", "or", "versus", "vs", "vs."})


def learned_arms(scan: Scan, mentions: list[TreatmentMention], firsts: Sequence[int]) -> list[TreatmentMention]:
    """The mentions (their first tokens: firsts) with the arms of a tested comparison of people given: two names
    with different anchors in arm places of one sentence (after the same preposition of ARM_PLACES, or the second
    joined to the first by _JOINERS)."""
    toks = scan.toks
    placed: dict[int, list[tuple[int, str]]] = {}
    for k, (mention, first) in enumerate(zip(mentions, firsts, strict=True)):
        if mention.exposure_frame or mention.population_frame:
            continue
        before = first - 1
        if before > 0 and toks[before] in DETERMINERS:
            before -= 1
        if before >= 0 and (toks[before] in ARM_PLACES or toks[before] in _JOINERS) and not mention.name.islower():
            placed.setdefault(mention.sentence, []).append((k, toks[before]))
    arms: set[int] = set()
    for sentence, found in placed.items():
        places = [place for _, place in found]
        if places[0] not in ARM_PLACES:
            found, places = found[1:], places[1:]  # a name joined to none in an arm's place before it
        shared = any(places.count(place) > 1 for place in ARM_PLACES.intersection(places))
        joined = any(place in _JOINERS for place in places)
        if len({mentions[k].anchors for k, _ in found}) < 2 or not (shared or joined):
            continue
        start, end = scan.sentences()[sentence]
        if TESTED_RESULT.search(scan.low, start, end) is None or about_animals_or_cells(scan.text[start:end]):
            continue
        arms.update(k for k, _ in found)
    if not arms:
        return mentions
    return [m._replace(therapy_frame=True) if k in arms else m for k, m in enumerate(mentions)]
