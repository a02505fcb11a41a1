"""Whether a sentence reports care given to people: the context in which a name the PICO reader reads as an
intervention is better founded (target_profile.py).

A citing paper reports a treatment study's finding in plain words: "Smith et al. showed that X was effective in
reducing vomiting in children", "patients treated with X had fewer relapses", "a placebo-controlled trial found that
X did not shorten the illness". The sentence names the people it was given to (patients, children, infants,
volunteers, ...) or the trial that gave it (a trial, randomisation, a placebo, blinding). Basic science names what
changed a measure in the same grammar ("IL-6 reduced the expression of ...", "smoking increased the risk"), but in
cells or animals, or with no person or trial in the sentence. So a learned name attributed a result in a sentence
about people or a trial, and in no sentence about animals or cells, counts as a learned name attributed a result in
numbers does: the profile's lesser number of attributions is enough for it.
"""

from __future__ import annotations

import re

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import PEOPLE_WITH
from summarizer.engines.extractive.tokenise import lower_same_length, split_sentences
from summarizer.engines.extractive.treatment_names import PERSON

__all__ = ["TRIAL_CONTEXT", "care_of_people", "names_people_or_trial", "says_who"]

# the words of a trial that gave a treatment: a trial, randomisation, a placebo, blinding
TRIAL_CONTEXT = re.compile(r"\b(?:trials?|randomi[sz]ed|randomi[sz]ation|placebo|double[\s\-]blind(?:ed)?)\b")
_BEFORE = 40


def care_of_people(text: str) -> tuple[int, ...]:
    """The indices of the sentences of a statement (tokenise.split_sentences) that name people or a trial, when the
    statement has no cue of a study in animals or in cells (none, when it has one)."""
    low = lower_same_length(text)
    cared = tuple(
        index for index, (start, end) in enumerate(split_sentences(text)) if names_people_or_trial(low, start, end)
    )
    return () if not cared or about_animals_or_cells(text) else cared


def names_people_or_trial(low: str, start: int, end: int) -> bool:
    """Whether the characters start to end of a lowered text name people (treatment_names.PERSON) or a trial."""
    return PERSON.search(low, start, end) is not None or TRIAL_CONTEXT.search(low, start, end) is not None


def says_who(low: str, name: str) -> bool:
    """Whether a name in a lowered statement says who the people were rather than what they were given: a word for
    people ("the neonate"), or what they had, after "<people> with" ("subjects with HLA-B27")."""
    if PERSON.fullmatch(name.lower()) is not None:
        return True
    at = low.find(name.lower())
    return at > 0 and PEOPLE_WITH.search(low[max(0, at - _BEFORE) : at]) is not None
