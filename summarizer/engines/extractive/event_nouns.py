"""An adverse event named by a lone verb ("died", "collapsed", "agitated") is named by its noun, or not at all.

The event readers take a harm's span from the words of a case report; where the harm is told by what the patient did
("the patient collapsed whilst receiving ...", "he died of respiratory failure", "became agitated and confused") the
span may be that verb alone, and the brief would read "Collapsed reported with carboplatin". A past tense or a
participle in -ed is never a noun, so it names no event as it stands: its noun does ("collapse", "agitation",
"confusion", "death"), where that noun names a harm (a harm word of cues.is_head, or the head of a name of the
adverse-event lexicon, data/ae_lexicon.json); a word with no such noun is a modifier left without its head
("generalized" of "a generalized, pruritic eruption") and names nothing. Names of two words or more, and words in
-ing (a gerund is a noun: "vomiting", "shivering"), are left as they are. Nor do the people a harm befell name
one ("Patients reported with olanzapine", of "three cases of patients who developed leukopenia"): the harm their
clause says they developed does ("leukopenia"), or nothing.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

from summarizer.engines.extractive.cues import PEOPLE_NOUNS, is_head
from summarizer.engines.extractive.harm_measures import LEVEL_WORDS

# the package's data folder, found through the package: a module compiled with mypyc has another __file__
_PACKAGE = "summarizer.engines.extractive"
# "die" is the one verb of the harms whose noun is not made from it by an ending
_DYING = frozenset({"died", "dies", "die"})
# "patients who developed X during ...": the object of the people's clause, up to a preposition or a break
_PEOPLE_WHO_DEVELOPED = re.compile(
    rf"\b{PEOPLE_NOUNS}\s+who\s+(?:developed|had|experienced|suffered|presented\s+with)\s+(?:an?\s+|the\s+)?"
    r"(?P<harm>[\w\-]+(?:\s+[\w\-]+){0,2}?)(?=\s+(?:during|after|while|with|following|on|in|when|from|and|or)\b|"
    r"\s*[,.;()]|\s*$)"
)
_ONLY_PEOPLE = re.compile(rf"(?:(?:the|these|those|some|all|many|several|two|three|four|five)\s+)?{PEOPLE_NOUNS}")


@cache
def _words_of(name: str, key: str) -> frozenset[str]:
    """The last words of the names listed under `key` in a bundled data file (lower case)."""
    terms = json.loads(files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")).get(key, [])
    return frozenset(str(term).lower().split()[-1] for term in terms if str(term).strip())


def _lexicon_heads() -> frozenset[str]:
    """The last words of the adverse-event lexicon's names ("collapse" of "circulatory collapse") and the case
    reports' harm words (data/harm_words.json, harm_measures.HarmWords)."""
    return _words_of("ae_lexicon.json", "terms") | _case_report_harms()


def _case_report_harms() -> frozenset[str]:
    return _words_of("harm_words.json", "words")


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


def event_noun(event: str, sentence: str = "") -> str | None:
    """The name an event is listed by: itself; or, for a lone verb form in -ed, its noun where that names a harm;
    None where it is such a verb form with no noun of a harm, or only people whose clause in the sentence names no
    harm (it names nothing)."""
    words = event.split()
    if _ONLY_PEOPLE.fullmatch(event.lower()) is not None:
        return _harm_they_developed(sentence)  # "patients": who had the harm, not the harm
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


def _harm_they_developed(sentence: str) -> str | None:
    """The harm the people of a sentence developed ("patients who developed leukopenia during ..."), where it is
    one (its last word a harm's); None otherwise."""
    found = _PEOPLE_WHO_DEVELOPED.search(sentence.lower())
    if found is None:
        return None
    harm = found.group("harm")
    head = harm.split()[-1]  # the lexicon's heads hold words of good too ("response"): only a harm word counts
    return harm if is_head(head) or head in _case_report_harms() else None
