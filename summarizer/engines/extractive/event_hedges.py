"""How sure a statement is of a harm it names: the hedge right before the harm's name.

A modal adverb or adjective before a name ("potentially fatal toxicities", "a possible side effect", "suspected
drug-induced nephritis") says the harm may happen, not that it did. The tagger's span often starts after it (it reads
"fatal toxicities"), and a claim built on the span alone ("Fatal toxicities reported with D") says more than its
quote. The hedge is read here and kept at the name's start, so the claim says what the quote says ("Potentially fatal
toxicities reported with D"); so is a noun of chance before it ("the risk of neutropenia": "Risk of neutropenia
reported with D"). Only these words are read (any word before a span pulled into the name brings in verbs,
determiners and the patients, s47-misreads3), and only for a harm reported: "possible side effects ... were not
observed" is listed as no side effects.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.tokenise import occurrences

__all__ = ["hedged_name", "is_hedge_word"]

# the modal words of English that say a harm may be, not that it is: adverbs before an adjective ("potentially
# lethal"), adjectives and participles before a noun ("possible toxicity", "suspected pneumonitis")
_HEDGE_WORDS = r"(?:potentially|possibly|probably|presumably|possible|potential|probable|suspected|presumed|putative)"
_HEDGE_BEFORE = re.compile(rf"\b{_HEDGE_WORDS}[ \t]+$", re.IGNORECASE)
_HEDGE_WORD = re.compile(_HEDGE_WORDS)
# a noun of chance before a harm: "the risk of neutropenia", "the possibility of developing a hematoma" say the harm
# may come, not that it came
_CHANCE_BEFORE = re.compile(
    r"\b(?:risks?|possibility|danger|chance|likelihood)[ \t]+(?:of|for)[ \t]+"
    r"(?:(?:developing|the[ \t]+development[ \t]+of|an?|the)[ \t]+)*$",
    re.IGNORECASE,
)
# the longest hedge and its space: how far back the look reaches
_REACH = 16
_CHANCE_REACH = 48


def _hedge_before(low: str, at: int) -> re.Match[str] | None:
    """The hedge right before a name that starts at `at` in a lower-cased sentence."""
    return _HEDGE_BEFORE.search(low, max(0, at - _REACH), at) or _CHANCE_BEFORE.search(
        low, max(0, at - _CHANCE_REACH), at
    )


def hedged_name(sentence: str, name: str) -> str:
    """The name with the hedge its sentence puts right before it wherever it names it ("potentially fatal
    toxicities", "risk of neutropenia"); the name as it is where one mention has none or the sentence does not hold
    it."""
    low = sentence.lower()
    hedges = [_hedge_before(low, at) for at in occurrences(low, name.lower())]
    if not hedges or hedges[0] is None or any(hedge is None for hedge in hedges):
        return name
    return sentence[hedges[0].start() : hedges[0].end()] + name


def is_hedge_word(word: str) -> bool:
    """Whether a lower-case word is one of the modal words before a harm's name ("possible", "suspected")."""
    return _HEDGE_WORD.fullmatch(word) is not None
