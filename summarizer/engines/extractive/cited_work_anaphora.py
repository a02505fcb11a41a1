"""Statements that speak of the cited work's results without naming its treatment.

A citing paper often spends several sentences on one cited work: the first names what it tested, the next ones say
what its authors found, referring back to them or to the treatment ("Those authors [11] also observed no significant
difference in edema", "they did not find any serious side effects [27]", "a trial using the same extract [12] found
an improvement in symptom scores"). Such a statement names no treatment, so no treatment attribution reaches it,
and its finding is lost. When the target's intervention is known from the other statements, a statement is read as
about it when all of these hold:

- it names no treatment the word lists know (a statement naming another treatment speaks of that one);
- it cites exactly one work (the target alone: a statement citing several may speak of any of them);
- it refers back to the cited work's authors, their study or its treatment by the grammar of anaphora: "those / the /
  these authors", "their study / trial / patients / results", "they found / observed / reported / showed / did
  not", "the same drug / extract / regimen". "This study" is not one: in a citing paper it most often names the
  citing paper's own work.

Then the sentences of the statement in which the reading found an outcome, an event or a safety finding are about the
intervention. Only general language of reference is used; docs/BENCHMARKS.md (issue 23, helper s34-citing) records
what the rule changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.citations import count_citations
from summarizer.engines.extractive.reading import SentenceReading

_REFERS_BACK = re.compile(
    r"\b(?:(?:those|these|the)\s+authors|"
    r"their\s+(?:study|studies|trial|trials|series|patients|subjects|participants|results?|data|findings|cohort)|"
    r"they\s+(?:also\s+)?(?:found|observed|reported|showed|noted|demonstrated|documented|did\s+not|could\s+not)|"
    r"the\s+same\s+(?:drug|extract|treatment|therapy|regimen|agent|compound|preparation|product|vaccine|"
    r"intervention|procedure|dose|formulation))\b"
)


def _reported_sentences(reading: SentenceReading) -> frozenset[int]:
    """The sentences of a statement in which the reading found an outcome, an adverse event or a safety finding."""
    found = {mention.sentence for mention in reading.outcomes}
    found.update(reading.event_sentences)
    found.update(sentence for _, sentence in reading.general_harms)
    if reading.safety_signal != "none" and reading.safety_sentence is not None:
        found.add(reading.safety_sentence)
    return frozenset(found)


# a word each of _REFERS_BACK's forms holds, whatever its case: a substring test is far cheaper than the pattern
_CHEAP_CUES = ("uthor", "hey ", "heir ", "same ")


def refers_back_to_cited_work(text: str) -> bool:
    """Whether a statement refers back to the cited work's authors, study or treatment (the module's grammar)."""
    if not any(cue in text for cue in _CHEAP_CUES):
        return False
    return _REFERS_BACK.search(text.lower()) is not None


def statements_referring_back(readings: Sequence[SentenceReading], texts: Sequence[str]) -> dict[int, frozenset[int]]:
    """The statements (index: sentences) that name no treatment the word lists know, cite the target alone, refer
    back to the cited work, and report an outcome, an event or a safety finding: what they report is the target's
    intervention's. (The PICO reader's spans do not count as treatments here: in such a sentence they are most often
    a word of the result, "evaluation", "the drug".)"""
    found: dict[int, frozenset[int]] = {}
    for index, (reading, text) in enumerate(zip(readings, texts, strict=False)):
        # cheap checks first: most statements hold none of the cue words, name a treatment or report nothing
        if not any(cue in text for cue in _CHEAP_CUES) or reading.treatment.mentions:
            continue
        if not (reading.outcomes or reading.safety_signal != "none" or reading.general_harms):
            continue
        sentences = _reported_sentences(reading)
        if sentences and refers_back_to_cited_work(text) and count_citations(text) == 1:
            found[index] = sentences
    return found
