"""How often, how many or how much of a harm: lower is better, whatever the harm ("Diarrhoea longitudinal
prevalence", "the proportion of patients with delirium", "scores indicating undersedation").

An outcome that measures how often a condition happens (its prevalence, incidence, occurrence, rate, frequency, the
number or proportion of patients with it, the number of its episodes or days, the scores that indicate it) is
bad to have when the condition is a harm. The measure must open or close the name ("heart rate variability" measures
no occurrence), and every condition it names ("nausea and vomiting") must be a harm, read from its head word (its
last word, once the measure's words are taken off):
- a harm word of the case reports: a condition named alone as a drug's adverse effect in at least two TRAIN case
  reports of the ADE corpus (HarmWords, data/harm_words.json, written by scripts/build_harm_words.py);
- a harm word or a disease ending of cues.is_head ("seizures", "hepatitis", "neutropenia");
- an excess or a lack named as such ("oversedation", "undertreatment", "overweight": over- or under- before a
  harm word or a noun of an act or a state).

Guards: nothing is decided for a condition that is desired or absent ("adequate sedation", "patients without
delirium", "free of seizures"), nor for a ratio, a list of outcomes (a comma), a level or a change ("low blood
pressure"), nor where no measure of occurrence is named ("sedation" alone, "sedation scores": a sedative's aim may be
its harm's name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.engines.extractive.cues import is_head
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS

# words of a level or a change: after them a name means its excess or its lack, not itself (also
# target_polarity.py's, and summarizer.training.polarity_ade's)
LEVEL_WORDS = frozenset({
    "low", "lower", "high", "higher", "reduced", "decreased", "increased", "elevated", "raised", "excess",
    "excessive", "inadequate", "insufficient", "abnormal", "loss", "lack", "impaired", "poor", "decline",
    "reduction", "increase", "decrease", "deficient", "altered", "changes", "change",
})
# words that say how often or how many: one of them must be in the name
OCCURRENCE_WORDS = frozenset({
    "prevalence", "incidence", "occurrence", "occurrences", "rate", "rates", "frequency", "frequencies", "number",
    "numbers", "proportion", "proportions", "percentage", "percentages", "percent", "episodes", "episode", "days",
    "presence", "development", "indicating", "indicative",
})
# words around the condition that measure it or say who has it: taken off both ends before its head is read
MEASURE_EDGE = OCCURRENCE_WORDS | FUNCTION_WORDS | frozenset({
    "mean", "median", "average", "total", "overall", "cumulative", "longitudinal", "annual", "annualized", "annualised",
    "point", "period", "lifetime", "weekly", "monthly", "daily", "crude", "adjusted", "reported", "new", "score",
    "scores", "patients", "participants", "subjects", "children", "infants", "women", "men", "people", "persons",
    "who", "had", "having", "experienced", "experiencing", "developed", "developing", "showing", "reflecting",
    "per", "year", "years", "patient", "subject", "person", "child", "episode", "episodes", "days", "day",
})
# a condition that is wanted or absent, a level or a ratio: no harm is measured
NOT_A_HARM = LEVEL_WORDS | frozenset({
    "adequate", "satisfactory", "successful", "effective", "good", "optimal", "complete", "sufficient", "desired",
    "target", "without", "no", "free", "absence", "absent", "non", "ratio", "resolved", "resolution",
})
# over- or under- before a noun of an act or a state: an excess or a lack
_DEPARTURE = re.compile(r"^(?:over|under)-?(?P<rest>[a-z]{4,})$")
_DEPARTED_NOUN = re.compile(r"(?:ation|ment|weight|dose|dosing|dosage|use)$")
_WORD = re.compile(r"[a-z][a-z\-']*")
_BRACKETED = re.compile(r"\([^()]*\)")
_JUDGEMENT = ("gnosis", "gnoses")


@dataclass(frozen=True)
class HarmWords:
    """The condition words named alone as adverse effects in the case reports (data/harm_words.json)."""

    words: frozenset[str] = frozenset()

    def names_harm(self, word: str) -> bool:
        """Whether a condition's head word names a harm (the case reports' words, cues.is_head, an excess or a
        lack); never a judgement of one ("diagnosis", "prognosis": their ending is a disease's)."""
        if word.endswith(_JUDGEMENT):
            return False
        if word in self.words or is_head(word):
            return True
        departure = _DEPARTURE.match(word)
        if departure is None:
            return False
        rest = departure.group("rest")
        return rest in self.words or is_head(rest) or _DEPARTED_NOUN.search(rest) is not None

    def occurrence_of_harm(self, low: str) -> bool:
        """Whether a lower-cased outcome name measures how often a harm happens (then lower is better): a measure
        of occurrence at its start or its end, and every condition it names a harm."""
        if "," in low or "/" in low:
            return False  # a list of outcomes, or a ratio
        words = _WORD.findall(_BRACKETED.sub(" ", low))
        if OCCURRENCE_WORDS.isdisjoint(words) or not NOT_A_HARM.isdisjoint(words):
            return False
        heads = _heads(words)
        return bool(heads) and all(self.names_harm(head) for head in heads)

    def parts(self) -> tuple[Any, ...]:
        """Plain containers for the start-up cache; from_parts takes them back."""
        return (tuple(sorted(self.words)),)

    @classmethod
    def from_parts(cls, parts: Sequence[Any]) -> HarmWords:
        return cls(frozenset(parts[0]))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> HarmWords:
        """From harm_words.json: its `words`."""
        words = data.get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError("harm words JSON needs a list of strings `words`")
        return cls(frozenset(words))


NO_HARM_WORDS = HarmWords()


def _heads(words: Sequence[str]) -> list[str]:
    """The head word of each condition the name measures: the last word of the name without the measure's words at
    its ends, and of each side of an "and" or "or" ("nausea and vomiting"); none when no measure of occurrence is at
    an end ("heart rate variability" measures no occurrence). A name cut at "per" ("breaks per subject") loses what
    follows."""
    if "per" in words:
        words = words[: words.index("per")]
    core = list(words)
    measured = False
    while core and core[0] in MEASURE_EDGE:
        measured = measured or core[0] in OCCURRENCE_WORDS
        core.pop(0)
    while core and core[-1] in MEASURE_EDGE:
        measured = measured or core[-1] in OCCURRENCE_WORDS
        core.pop()
    if not measured:
        return []
    heads: list[str] = []
    part: list[str] = []
    for word in (*core, "and"):
        if word in ("and", "or"):
            if part:
                heads.append(part[-1])
            part = []
        else:
            part.append(word)
    return heads
