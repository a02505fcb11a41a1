"""An event named by a change the patient had: "increased libido", "decreased appetite", "worsened renal function".

A participle of change after an event's name ends the name ("hepatitis increased after X": the name is
"hepatitis", events.event_name_span). Before a noun, at the start of the name, it is the name's own modifier: the
change is the event ("developed an increased libido with X"), and the name keeps it. A participle that says a benefit
("improved") never names an event, nor one followed by a word of grammar ("increased by", "increased the risk").
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["change_leads_name"]

# participles of change that may name what happened to the patient, before the noun they modify
_CHANGE_PARTICIPLES = frozenset({"increased", "decreased", "reduced", "worsened", "elevated", "diminished"})
# words after which the participle is a verb, not the name's modifier: "increased by", "increased the risk",
# "increased to 22 mmHg", "decreased in 3 patients"
_NOT_A_NOUN = frozenset({
    "by", "the", "a", "an", "to", "from", "in", "of", "on", "with", "and", "or", "after", "during", "following",
    "at", "as", "than", "when", "while", "its", "their", "his", "her", "this", "that", "these", "those", "it",
    "significantly", "markedly", "slightly", "further", "again",
})


def change_leads_name(words: Sequence[str]) -> bool:
    """Whether the first of a name's (lower-cased) words is a participle of change that modifies the noun after it,
    so it is part of the event's name: "increased libido", not "increased by 20%"."""
    return (
        len(words) > 1
        and words[0] in _CHANGE_PARTICIPLES
        and words[1].isalpha()
        and words[1] not in _NOT_A_NOUN
        and not words[1].endswith("ly")
    )


def named_as_event(outcome: str, events: Sequence[str]) -> bool:
    """Whether an outcome's change is one of the events, named by it: the outcome "ocular pressure" and the event
    "increased ocular pressure" are one finding, a harm, never also a result of unclear direction."""
    low = outcome.lower()
    for event in events:
        first, _, rest = event.lower().partition(" ")
        if first in _CHANGE_PARTICIPLES and rest == low:
            return True
    return False
