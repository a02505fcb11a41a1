"""The arms of a trial among the names the PICO reader reads (treatments.py, for learned names only).

A trial reports each arm's result in the same place of a sentence: after the same preposition ("in the ACG (P = 0.23)
or the UCG (P = 0.41)", "rose from 4 during the WSD to 5 during the HCD (P < 0.01)"). Two different names in such
places of a sentence that reports a tested comparison of people are the arms the trial set against each other,
whatever words name them: something given (a therapy frame), as treatment_frames.parallel_arms reads arms after
"with" and "for". Here the places of time and setting count too ("in", "during"): a learned name is already one
the PICO reader reads as an intervention and not an outcome, and a second name in the same place, or joined to the
first by "and", "or", "versus" ("in the ACG or the UCG"), or the comparator's word in the same place ("in the SeG
... but not in the placebo group"), must be there. Only short forms and codes take these places (a lower-case word
after "in" is as often what was measured: "in house dust").
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import TESTED_RESULT
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_mention import TreatmentMention
from summarizer.engines.extractive.treatment_names import COMPARATOR, CONTROL_CARE, DETERMINERS

# the places of an arm's result: parallel_arms' prepositions, and those of the time or setting it was measured in
ARM_PLACES = frozenset({"in", "during"})
# the words that join a second arm to the first, in its place ("in the X or the Y", "for X versus Y")
_JOINERS = frozenset({"and", "or", "versus", "vs", "vs."})


def learned_arms(scan: Scan, mentions: list[TreatmentMention], firsts: Sequence[int]) -> list[TreatmentMention]:
    """The mentions (their first tokens: firsts) with the arms of a tested comparison of people given: a short form
    or a code (_coded) in an arm place of a sentence (after a preposition of ARM_PLACES, or joined by _JOINERS to a
    name in one) where a different name, or the comparator's word, stands in the same place or is joined to it
    ("fell in the TXB-2 group (P < 0.01) but not in the control group")."""
    toks = scan.toks
    placed: dict[int, list[tuple[str, str]]] = {}  # by sentence: each name's anchors and its place
    named: list[tuple[int, int]] = []  # the mentions in an arm place: their index and first token
    for k, (mention, first) in enumerate(zip(mentions, firsts, strict=True)):
        if mention.exposure_frame or mention.population_frame or not _coded(mention.name):
            continue
        place = _place(toks, first)
        if place:
            placed.setdefault(mention.sentence, []).append((" ".join(mention.anchors), place))
            named.append((k, first))
    if not named:
        return mentions
    for i in _comparators(toks):
        place = _place(toks, i)
        if place:
            placed.setdefault(scan.sentence_index(scan.starts[i]), []).append(("", place))
    arms: set[int] = set()
    for sentence, found in placed.items():
        if not _set_against(found):
            continue
        start, end = scan.sentences()[sentence]
        if TESTED_RESULT.search(scan.low, start, end) is None or about_animals_or_cells(scan.text[start:end]):
            continue
        arms.update(k for k, _ in named if mentions[k].sentence == sentence)
    if not arms:
        return mentions
    return [m._replace(therapy_frame=True) if k in arms else m for k, m in enumerate(mentions)]


def _coded(name: str) -> bool:
    """Whether a name is written as a short form or a code ("WSD", "SeG", "AN1792"): two capitals or a digit. A
    word in lower case after "in" is as often what was measured ("in house dust"), and one with only a capital
    ("True", "Sham") a label that says nothing of what was given."""
    return sum(c.isupper() for c in name) >= 2 or any(c.isdigit() for c in name)


def _place(toks: Sequence[str], first: int) -> str:
    """The preposition of ARM_PLACES or the joiner before token `first` (a determiner may stand between), or ""."""
    before = first - 1
    if before > 0 and toks[before] in DETERMINERS:
        before -= 1
    return toks[before] if before >= 0 and (toks[before] in ARM_PLACES or toks[before] in _JOINERS) else ""


def _comparators(toks: Sequence[str]) -> list[int]:
    """The tokens that name the comparator's arm by themselves ("placebo", "control", "sham"; not "usual", "standard",
    which name it only with "care")."""
    return [i for i, tok in enumerate(toks) if tok in COMPARATOR and tok not in CONTROL_CARE]


def _set_against(found: list[tuple[str, str]]) -> bool:
    """Whether a sentence's names in arm places (anchors, place; "" for the comparator's word) set two different
    ones against each other: in the same place, or the second joined to the first."""
    kept: list[tuple[str, str]] = []
    for anchors, place in found:
        if place in _JOINERS and not kept:
            continue  # joined to no name in an arm's place before it
        kept.append((anchors, place))
    if len({anchors for anchors, _ in kept}) < 2:
        return False
    places = [place for _, place in kept]
    return any(place in _JOINERS or places.count(place) > 1 for place in places)
