"""An adverse event named by a lone verb ("died", "collapsed", "agitated") is named by its noun, or not at all.

The event readers take a harm's span from the words of a case report; where the harm is told by what the patient did
("the patient collapsed whilst receiving ...", "he died of respiratory failure", "became agitated and confused") the
span may be that verb alone, and the brief would read "Collapsed reported with carboplatin". A past tense or a
participle in -ed is never a noun, so it names no event as it stands: its noun does ("collapse", "agitation",
"confusion", "death"), where that noun names a harm (a harm word of cues.is_head, or the head of a name of the
adverse-event lexicon, data/ae_lexicon.json); a word with no such noun is a modifier left without its head
("generalized" of "a generalized, pruritic eruption") and names nothing. Names of two words or more, and words in
-ing (a gerund is a noun: "vomiting", "shivering"), are left as they are.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from summarizer.engines.extractive.cues import is_head
from summarizer.engines.extractive.harm_measures import LEVEL_WORDS

_DATA = Path(__file__).resolve().parent / "data"
# "die" is the one verb of the harms whose noun is not made from it by an ending
_DYING = frozenset({"died", "dies", "die"})


@cache
def _lexicon_heads() -> frozenset[str]:
    """The last words of the adverse-event lexicon's names ("collapse" of "circulatory collapse") and the case
    reports' harm words (data/harm_words.json, harm_measures.HarmWords)."""
    heads: set[str] = set()
    for name, key in (("ae_lexicon.json", "terms"), ("harm_words.json", "words")):
        try:
            terms = json.loads((_DATA / name).read_text(encoding="utf-8")).get(key, [])
        except (OSError, ValueError, AttributeError):
            continue
        heads.update(str(term).lower().split()[-1] for term in terms if str(term).strip())
    return frozenset(heads)


def _names_harm(noun: str) -> bool:
    return is_head(noun) or noun in _lexicon_heads()


def _nouns_of(verb: str) -> list[str]:
    """The nouns a verb form in -ed may come from, by the endings of English nominalisation: "agitated" ->
    "agitation", "confused" -> "confusion", "infected" -> "infection", "hospitalized" -> "hospitalization",
    "collapsed" -> "collapse"."""
    stem = verb[:-2]
    nouns = []
    if verb.endswith(("sed", "ted")):
        nouns.append(stem + "ion")  # agitate -> agitation, confuse -> confusion, infect -> infection
    if verb.endswith(("ized", "ised")):
        nouns.append(stem[:-1] + "ation")  # hospitalize -> hospitalization
    nouns.extend((verb[:-1], stem))  # collapse(d), faint(ed)
    return nouns


def event_noun(event: str) -> str | None:
    """The name an event is listed by: itself; or, for a lone verb form in -ed, its noun where that names a harm;
    None where it is such a verb form with no noun of a harm (it names nothing)."""
    words = event.split()
    if len(words) != 1:
        return event
    word = words[0].lower()
    if word in _DYING:
        return "death"
    if not word.endswith("ed") or word.endswith("eed") or len(word) < 5 or is_head(word):
        return event  # "bleed", "need": no verb form
    if word in LEVEL_WORDS:
        return None  # "decreased", "elevated": a change of a level not named
    return next((noun for noun in _nouns_of(word) if _names_harm(noun)), None)
