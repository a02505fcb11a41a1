"""Outcomes a statement says an intervention changed, and what each change means for the patient."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.engines.extractive.cues import (
    BAD_OUTCOME,
    FILLER,
    GOOD_OUTCOME,
    HYPOTHETICAL,
    NOT_OUTCOMES,
    OBJ_CUT,
    OBJ_SPLIT,
    OUTCOME_VERB,
    OUTCOME_VERB_STEMS,
    TIME_OUTCOME,
    VERB_LABEL_STEMS,
    VERB_NEGATED,
)
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change, Direction


@dataclass(frozen=True)
class OutcomeMention:
    """An outcome the sentence says changed, with the sentence that says it."""

    outcome: str
    change: Change
    direction: Direction
    quote: str


def outcome_direction(outcome: str, change: Change) -> Direction:
    """What a change of this outcome means for the patient (mortality decreased = improved)."""
    if change == "no_difference" or change == "unclear":
        return change
    low = outcome.lower()
    bad = BAD_OUTCOME.search(low) is not None or TIME_OUTCOME.search(low) is not None
    good = GOOD_OUTCOME.search(low) is not None and TIME_OUTCOME.search(low) is None
    if bad == good:
        return "unclear"
    if bad:
        return "improved" if change == "decreased" else "worsened"
    return "improved" if change == "increased" else "worsened"


def _verb_label(verb: str) -> str | None:
    for label, stems in VERB_LABEL_STEMS:
        if verb.startswith(stems):
            return label
    if verb.startswith(("rise", "rising")):
        return "increased"
    return None


@lru_cache(maxsize=1 << 16)
def _may_start_outcome_verb(tok: str) -> bool:
    return any(part.startswith(OUTCOME_VERB_STEMS) for part in re.split(r"[\-']", tok))


def find_outcomes(text: str, scan: Scan | None = None) -> list[OutcomeMention]:
    """Outcomes a statement says an intervention changed ("decreases inflammatory cytokines and mortality")."""
    scan = scan or Scan(text, Resources())
    low = scan.low
    mentions: list[OutcomeMention] = []
    may_start = list(map(_may_start_outcome_verb, scan.toks))
    if True not in may_start:
        return mentions
    pos = scan.starts[may_start.index(True)]  # no change verb starts before this word
    while True:
        match = OUTCOME_VERB.search(low, pos)
        if match is None:
            break
        pos = match.start("obj")
        verb = match.group("verb")
        verb_label = _verb_label(verb)
        sentence_start, _ = scan.sentence_at(match.start())
        prefix = low[sentence_start : match.start()]
        if verb_label is None or HYPOTHETICAL.search(prefix):
            continue
        obj = OBJ_CUT.sub("", match.group("obj"))
        obj = re.sub(r"^(?:or|and)\s+", "", obj)
        if not obj.strip():
            continue
        negated = VERB_NEGATED.search(prefix[-30:]) is not None
        piece_pos = match.start("obj")
        for piece in OBJ_SPLIT.split(obj):
            idx = low.find(piece, piece_pos) if piece else -1
            if idx < 0:
                continue
            piece_pos = idx + len(piece)
            words = piece.split()
            if words[:3] == ["in", "some", "cases"]:
                words = words[3:]
            while words and words[0] in FILLER:
                words.pop(0)
            if not words:
                continue
            name_low = " ".join(words)
            start = low.find(name_low, idx)
            if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
                continue
            name = text[start : start + len(name_low)]
            change: Change
            direction: Direction
            if negated:
                change, direction = "no_difference", "no_difference"
            elif verb_label in ("increased", "decreased"):
                change = "increased" if verb_label == "increased" else "decreased"
                direction = outcome_direction(name, change)
                if verb.startswith(("prevent", "alleviat", "ameliorat", "reliev", "mitigat")):
                    direction = "improved"
            else:
                change = "unclear"
                direction = "improved" if verb_label == "improved" else "worsened"
            mentions.append(
                OutcomeMention(outcome=name, change=change, direction=direction, quote=scan.sentence_text(start))
            )
    return mentions
