"""A harm's name cut after its first words, made whole by the adverse-event lexicon's name that holds it.

Where the adverse-effect model says a statement reports a harm but no name was kept, the fallback reader
(fallback_events.py) takes the effect tagger's words or a harm's head word alone, and may cut a classifying word off
the front: "ulcer" of "a colonic ulcer", "ketoacidosis" of "diabetic ketoacidosis", "block" of "AV block". The scan
has already matched the whole name against the lexicon learned from the TRAIN case reports (data/ae_lexicon.json,
the EFFECT spans of scan.mask_spans) and the published phenotype list (data/listed_names.json, EFFECTL); a drug's
name is masked before, so "lithium toxicity" stays "toxicity", the claim naming the drug. A span that ends inside
such a name and starts after its first word is taken from the name's start. Only plain words joined by spaces are
taken in, none that joins two names ("pulmonary infiltrates with eosinophilia" is not one name here), and not a
leading word of degree, course or hedge ("severe", "prolonged", "possible") or of cause ("heparin-induced"): it says
how bad, how sure or why the harm is, not which harm, and a harm keeps one name over the statements. The longer name
then passes the name filters of events.event_names_at (the indication, the patients' own condition) again.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.event_hedges import is_hedge_word
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span

__all__ = ["CAUSE_WORD", "is_degree_or_course", "whole_term_span"]

# words that say how bad or how long a harm was, which qualify any harm and name none
_DEGREE_OR_COURSE = frozenset({
    "severe", "mild", "moderate", "serious", "fatal", "lethal", "life-threatening", "significant", "marked",
    "intense", "profound", "massive", "extreme", "high", "transient", "prolonged", "persistent", "refractory",
    "acute", "chronic", "recurrent", "new-onset", "progressive", "sustained", "protracted", "reversible",
    "irreversible",
})
# the words before a span that may join it into one name: plain words, each followed by one space, none that joins
# two names ("pulmonary infiltrates with eosinophilia", "eye irritation and dryness": the list's reader's)
_PLAIN_WORDS = re.compile(r"(?:(?!(?:with|and|or|nor|but)[ ])[A-Za-z][A-Za-z\-]*[ ])+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
# the scan's spans of names: of the case reports' lexicon (EFFECT) and of the published phenotype list (EFFECTL)
_LEXICON_NAMES = frozenset({"EFFECT", "EFFECTL"})
# a word that says the harm's cause ("heparin-induced"): the claim names the drug, the harm keeps its own name
CAUSE_WORD = re.compile(r"[\w\-]+-(?:induced|associated|related|caused|provoked|triggered)")


def is_degree_or_course(word: str) -> bool:
    """Whether a lower-cased word says how bad or how long a harm was ("severe", "acute", "fatal")."""
    return word in _DEGREE_OR_COURSE


def _is_qualifier(word: str) -> bool:
    low = word.lower()
    return low in _DEGREE_OR_COURSE or is_hedge_word(low) or CAUSE_WORD.fullmatch(low) is not None


def _name_start(text: str, term_start: int, span_start: int) -> int:
    """Where the name starts: the lexicon name's start, past its leading words of degree, course or hedge; the
    span's own start where the words between are not plain words or are all such qualifiers."""
    gap = text[term_start:span_start]
    if _PLAIN_WORDS.fullmatch(gap) is None:
        return span_start
    for word in _WORD.finditer(gap):
        if not _is_qualifier(word.group()):
            return min(span_start, term_start + word.start())
    return span_start


def whole_term_span(scan: Scan, span: Span) -> Span:
    """The span from the start of the lexicon's harm name that it ends inside of ("colonic ulcer" for "ulcer"), less
    a leading word of degree, course or hedge; the span as it is where no lexicon name starts before it."""
    start, end = span
    for kind, (term_start, term_end) in scan.mask_spans:
        if kind in _LEXICON_NAMES and term_start < start < term_end <= end:
            return (_name_start(scan.text, term_start, start), end)
    return span
