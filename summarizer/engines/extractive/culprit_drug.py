"""A case report's culprit over the name the attribution rules chose.

In a case report the drug blamed for the harm ("D-induced E", "E due to D", "E after starting D") is often named in
one or two sentences, while what was done about the harm is named, and attributed effects, in several: the antidote
("treated with X", "recovery following treatment with X"), the route or procedure the drug was given by
("intravitreal injection", "intrabiliary infusion"), the operation it was given during. The target profile's
attribution rules (target_profile.py) then name what was done, not what harmed. When the statements read as a case
report (caused_drug.caused_counts: a case report's design or none read, few statements citing a work) and name a
drug of the drug lexicon with the patient's harm (caused_drug.most_caused), that drug is the report's intervention
instead of the chosen name when the chosen name is no drug (none of its names holds a drug of the lexicon: a route,
a procedure, an organism) or the statements name it as the treatment of the harm (caused_drug.treats_the_event).
A chosen drug the statements name only as given, never as the harm's treatment, is kept: a report may name a second
drug with the harm (one given with it, one it interacted with) without that drug being the one it reports on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

from summarizer.engines.extractive.caused_drug import caused_counts, most_caused, treats_the_event
from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.resources import Resources

__all__ = ["culprit_over"]

_WORD_SPLIT = re.compile(r"[\s\-/]+")
# the most words a drug's name in the lexicon is matched over ("granulocyte colony stimulating factor")
_LONGEST_TERM = 4


def names_a_drug(name: str, res: Resources) -> bool:
    """Whether a name holds a drug of the lexicon, as a word or a run of words ("avastin-injections",
    "valproic acid therapy"); a route, a procedure or an organism does not ("intravitreal injection")."""
    words = [w for w in _WORD_SPLIT.split(name.lower()) if w]
    return any(
        " ".join(words[start:end]) in res.drugs.terms
        for start in range(len(words))
        for end in range(start + 1, min(len(words), start + _LONGEST_TERM) + 1)
    )


def _named_as_treatment(names: Iterable[str], readings: Sequence[SentenceReading], texts: Sequence[str]) -> bool:
    """Whether a statement names the chosen treatment (by any of its names) as the treatment of an adverse event
    the report names, in that statement or another ("The hypoglycaemia was treated with X")."""
    events = tuple(dict.fromkeys(event for reading in readings for event in reading.adverse_events))
    if not events:
        return False
    lowered = {name.lower() for name in names}
    for text in texts:
        low = text.lower()
        for name in lowered:
            at = low.find(name)
            while at > 0:
                if treats_the_event(text, events, at):
                    return True
                at = low.find(name, at + 1)
    return False


def culprit_over(
    anchor: str,
    names: Counter[str],
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
    res: Resources,
    design: str | None,
    excluded: AbstractSet[str] = frozenset(),
) -> str | None:
    """The anchor of the drug a case report names with its harm, to be named instead of the chosen anchor (whose
    names are `names`); None when the chosen anchor stands."""
    culprit = most_caused(caused_counts(readings, texts, res, design, excluded), readings, texts, res)
    if culprit is None or culprit == anchor or culprit not in res.drugs.terms:
        return None
    if any(names_a_drug(name, res) for name in names) and not _named_as_treatment(names, readings, texts):
        return None
    return culprit
