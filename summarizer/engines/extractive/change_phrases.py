"""A harm named as a change of a measure: the change noun and what changed are one name.

Case reports name a harm by how a measure moved: "a severe drop in blood pressure", "marked elevation of serum
creatine kinase", "a fatal rise in intracranial pressure". The tagger may take only a piece of such a phrase, the
measure ("pressure") or the change noun alone ("elevation", "increase"), and the claim then lists "Pressure" or
"Elevation" as the harm, which says nothing a clinician can read. Where a tagged span lies inside such a phrase, the
name is the whole phrase, from the change noun to the end of the measure's noun phrase. Only spans the tagger read
are named so: a change phrase no span touches ("an increase in dose") is not made a harm here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.cues import HARM_PREFIX, ITEM_STOP
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.tokenise import Span

__all__ = ["CHANGE_NOUNS", "joined_to_change", "names_a_change"]

# nouns that say a measure moved, and which way ("loss of" is left out: "loss of consciousness" names an event
# without a measure, and the of-phrase reader joins it)
_RISING = frozenset({"increase", "increases", "elevation", "elevations", "rise", "rises"})
CHANGE_NOUNS = _RISING | frozenset({
    "decrease", "decreases", "fall", "falls", "drop", "drops", "decline", "declines", "reduction", "reductions",
    "lowering",
})
_CHANGE = re.compile(
    r"\b(?:" + "|".join(sorted(CHANGE_NOUNS, key=len, reverse=True)) + r")(?=[ \t]+(?:in|of)[ \t])",
    re.IGNORECASE,
)
# (not "in vivo", "in vitro", "in situ": where it was measured, not what)
_PREPOSITION = re.compile(r"[ \t]+(?:in(?![ \t]+(?:vivo|vitro|situ)\b)|of)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
# what a change of which is no harm: a dose raised or lowered ("an increase in the dose of D")
_DOSING = frozenset({"dose", "doses", "dosage", "dosages", "dosing"})
# an arm's name in or after the measure: "a greater increase in the X + Y group" is an arm's, not a measure's
_ARM_IN_MEASURE = re.compile(r"[^,.;:()]{0,60}?\b(?:groups?|arms?)\b", re.IGNORECASE)
# a word of the measure's noun phrase: letters or digits with the marks of a lab name ("Na+", "HbA1c", "CD4-positive")
_MEASURE_WORD = re.compile(r"[ \t]*([A-Za-z0-9][\w\-+/]*)")
_MEASURE_WORDS = 5
# words that end the measure's noun phrase: prepositions and verbs of a clause after it ("in a patient", "was seen"),
# joining words (a list's next item is the list reader's), and a participle ("associated with")
_PHRASE_STOP = ITEM_STOP | frozenset({"and", "or", "but", "nor", "of", "as", "because", "while", "when", "who"})


def _measure_end(text: str, start: int) -> int | None:
    """Where the measure's noun phrase that begins at `start` ends; None when no word of it is there. "of" goes on
    with the phrase only between words of it ("the number of apneic events"), never before a number ("a decrease in
    sodium of 8 mEq/L")."""
    end = None
    at = start
    for _ in range(_MEASURE_WORDS):
        word = _MEASURE_WORD.match(text, at)
        if word is None:
            break
        low = word.group(1).lower()
        if low == "of" and end is not None:
            following = _MEASURE_WORD.match(text, word.end())
            if following is not None and following.group(1)[0].isalpha() and following.group(1).lower() not in (
                _PHRASE_STOP
            ):
                at = word.end()
                continue
            break
        if low in _PHRASE_STOP or (end is not None and low.endswith(("ed", "ing"))):
            break  # "... associated with", "the QT interval causing torsades de pointes"
        end = word.end()
        at = word.end()
    return end


def _change_phrases(text: str) -> list[tuple[int, int, int]]:
    """Each change phrase: where it starts, where its change noun ends, where its measure ends. Not a dose's change,
    one of an arm, nor one of a count of a harm."""
    phrases = []
    for change in _CHANGE.finditer(text):
        measure = _PREPOSITION.match(text, change.end())
        if measure is None:
            continue
        end = _measure_end(text, measure.end())
        if end is None or _ARM_IN_MEASURE.match(text, measure.end()) is not None:
            continue
        measured = text[measure.end() : end].lower()
        if HARM_PREFIX.match(measured) is not None:
            continue  # "an increase in the rate of hepatitis": the harm is what was counted, named by itself
        if _DOSING.isdisjoint(measured.split()):
            phrases.append((change.start(), change.end(), end))
    return phrases


def joined_to_change(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans in their order, each that lies inside a change phrase ("pressure" of "a drop in blood pressure",
    "elevation" of "elevation of serum creatine kinase") or ends with its change noun ("severe drop") made one with
    the whole phrase, once. A span that already runs into the measure keeps its own end ("ST elevation in the right
    precordial leads")."""
    if not spans or _CHANGE.search(text) is None:
        return list(spans)
    phrases = _change_phrases(text)
    joined: list[Span] = []
    for span in spans:
        phrase = next(
            (p for p in phrases if p[0] <= span[0] < p[2] and span[1] <= p[2] or span[0] < p[0] and span[1] == p[1]),
            None,
        )
        whole = span if phrase is None else (min(span[0], phrase[0]), phrase[2])
        if whole not in joined:
            joined.append(whole)
    return joined


def names_a_change(name: str) -> bool:
    """Whether a name is a change of a measure that is no improvement by the rules' polarity ("increase in serum
    creatinine level"): an event, though its last word is a measure's; "an increase in pain threshold" is none."""
    words = name.lower().split()
    if len(words) < 3 or words[0] not in CHANGE_NOUNS or words[1] not in ("in", "of"):
        return False
    measure = " ".join(words[3:] if words[2] == "the" else words[2:])
    return bool(measure) and outcome_direction(
        measure, "increased" if words[0] in _RISING else "decreased"
    ) != "improved"
