"""A result that is a smaller change, not a change the other way: "X decreased significantly less in the A group",
"a smaller increase in X with A", "the rise in X was less with A". The readers turn such a result round (X fell less
with A, so X is higher with A than with B: "increased"), which gives the comparison's direction right; a claim worded
"X increased with A" then says what its quote does not. `smaller_change` gives the change the quote says was smaller,
as a noun, so that the claim's wording (wording.outcome_claim) can say "a smaller decrease in X with A"."""

from __future__ import annotations

import re

__all__ = ["smaller_change"]

# a change verb and the noun that names its change
_VERB_NOUNS = {
    "decreased": "decrease", "increased": "increase", "reduced": "reduction", "declined": "decline",
    "fell": "fall", "rose": "rise", "dropped": "drop", "improved": "improvement", "worsened": "worsening",
    "deteriorated": "deterioration",
}
_NOUN_STEMS = (
    "decrease", "increase", "reduction", "decline", "fall", "rise", "drop", "improvement", "worsening",
    "deterioration", "gain", "loss",
)
_VERBS = "|".join(_VERB_NOUNS)
_NOUNS = "|".join(f"{noun}s?" for noun in _NOUN_STEMS)
_ADVERB = r"(?:(?:statistically\s+)?(?:significantly|markedly|substantially|much|far|slightly)\s+)?"
# "less" that is an amount of the change, not a bound ("fell by less than 5%") nor a frequency ("less often")
_LESS = r"less\b(?!\s+than\s+(?:\d|[<>]|about\b|half\b))(?!\s+(?:often|frequently|commonly|likely)\b)"
# "X decreased significantly less", "X was reduced less": the subject before the verb
_VERB_LESS = re.compile(rf"\b(?:(?:was|were)\s+)?(?P<verb>{_VERBS})\s+{_ADVERB}{_LESS}")
# "a smaller increase in X", "less decline in X", "a significantly smaller mean reduction of X"
_SMALLER_NOUN = re.compile(
    rf"\b{_ADVERB}(?:smaller|lesser|less)\s+(?:(?:mean|median|average|absolute|relative)\s+)?(?P<noun>{_NOUNS})"
    r"\s+(?:in|of)\s+(?:the\s+)?"
)
# "the increase in X was (significantly) less/smaller"
_NOUN_WAS_SMALLER = re.compile(
    rf"\b(?P<noun>{_NOUNS})\s+(?:in|of)\s+(?:the\s+)?(?P<subject>[^.;:]{{1,80}}?)\s+(?:was|were)\s+{_ADVERB}"
    r"(?:smaller|lesser|less)\b(?!\s+than\s+\d)"
)
# how far the subject's name may lie before its verb ("X in the A group decreased less")
_SUBJECT_REACH = 60


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and noun[:-1] in _NOUN_STEMS else noun


def smaller_change(quote: str, outcome: str) -> str | None:
    """The change (a noun: "decrease", "rise") that `quote` says was smaller in `outcome`, or None where the quote
    does not say its change in the outcome was smaller."""
    low = quote.lower()
    name = outcome.lower().strip()
    at = low.find(name)
    if not name or at < 0:
        return None
    end = at + len(name)
    for match in _SMALLER_NOUN.finditer(low):
        if match.end() == at:
            return _singular(match.group("noun"))
    for match in _NOUN_WAS_SMALLER.finditer(low):
        if match.start("subject") <= at < match.end("subject"):
            return _singular(match.group("noun"))
    for match in _VERB_LESS.finditer(low):
        if end <= match.start() <= end + _SUBJECT_REACH and not re.search(r"[.;:]", low[end : match.start()]):
            return _VERB_NOUNS[match.group("verb")]
    return None

