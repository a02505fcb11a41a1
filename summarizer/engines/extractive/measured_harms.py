"""A harm that a trial measured as one of its outcomes, read as the harm it is.

Trials often count side effects among their outcomes ("the incidence of sore throat was higher in group G", "the
incidence rate of myoclonus was higher with etomidate"). The rule reader reads these as results, and the efficacy
section lists them ("Incidence of sore throat increased with G (a worsening)"), as the trial's own labels count them;
but the safety section heard nothing of them, where a reader looks for the harms of a treatment. An outcome whose
condition is a harm, once the words that measure it are taken off ("the incidence rate of"), and that rose with the
intervention, is also a harm reported with it. What is a harm: a name of an adverse effect in the TRAIN case reports'
lexicon (ae_lexicon.json: "sore throat", "myoclonus", "hand-foot syndrome") or a harm word of cues.is_head
("thrombocytopenia"). A harm the treatment lowered or left unchanged is no harm reported with it.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.event_measures import measure_prefix_end
from summarizer.engines.extractive.events import is_harm_name
from summarizer.engines.extractive.harm_measures import MEASURE_EDGE, OCCURRENCE_WORDS
from summarizer.engines.extractive.outcome_spans import OutcomeMention
from summarizer.engines.extractive.resources import load_resources

__all__ = ["harm_measured", "rose_with_it"]

_WORD = re.compile(r"[a-z0-9][a-z0-9\-'\u2013]*")
# how often a condition happened: the words of a measure that counts it
_COUNTED = frozenset({"incidence", "incidences", "rate", "rates", "occurrence", "frequency", "proportion",
                      "percentage", "number", "risk", "odds"})
# words after a harm's name that say who had it or when, not what: "nausea in the first 24 hours"
_TAIL = re.compile(r"\s+(?:in|among|at|during|after|within|on|over)\s.*$")
_LIST = re.compile(r"\s+(?:and|or)\s+")
# a grade before the harm ("grade 3-4 thrombocytopenia"): severity, not a part of its name
_GRADE = re.compile(r"^(?:grade|grades)\s+[0-9ivx]+(?:\s*[-\u2013/]\s*[0-9ivx]+)?\s+")


def _measure_and_core(outcome: str) -> tuple[list[str], str]:
    """An outcome name's measure words ("the incidence rate of") and the condition it counts, without a grade or a
    tail of who or when."""
    words = _WORD.findall(_TAIL.sub("", outcome.lower().strip()))
    start = measure_prefix_end(words)
    while start < len(words) and words[start] in MEASURE_EDGE:  # "the number of patients who had X"
        start += 1
    end = len(words)
    while end > start and words[end - 1] in MEASURE_EDGE:  # "X episodes"
        end -= 1
    return [*words[:start], *words[end:]], _GRADE.sub("", " ".join(words[start:end]))


def _names_harm(name: str) -> bool:
    """A name of the lexicon, or one harm word alone."""
    return name in load_resources().effects.terms or (" " not in name and is_harm_name(name))


def harm_measured(outcome: str) -> str | None:
    """The harm an outcome counts ("incidence of sore throat": "sore throat"), or None when it counts no harm or
    does not say it counts how often ("sore throat" alone may be what an analgesic trial set out to lessen)."""
    measure, core = _measure_and_core(outcome)
    if not core or (_COUNTED.isdisjoint(measure) and OCCURRENCE_WORDS.isdisjoint(measure)):
        return None
    if all(_names_harm(part) for part in _LIST.split(core)):  # "nausea and vomiting": each a harm
        return core
    return None


def rose_with_it(mention: OutcomeMention) -> bool:
    """Whether an outcome mention, read for the intervention, says it rose with it and that this is worse."""
    return mention.change == "increased" and mention.direction == "worsened"
