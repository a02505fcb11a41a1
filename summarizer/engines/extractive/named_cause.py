"""An event the sentence says a named drug caused: "D-induced E", "E induced by D", "E secondary to D".

The adverse-effect model scores a sentence as a whole, and a title or a discussion that names the harm and its drug
in one phrase ("Renal tubular acidosis secondary to D", "Parenteral-D-induced hypotension") can score low when
nothing else in it speaks of a patient. The phrase itself says that the drug caused the event:

- a word of cause joined to the drug right before the event: "D-induced", "D-related", "D-associated"
  (scan.cause_class);
- a word of cause right after the event, then the drug: "induced by", "caused by", "precipitated by", "triggered
  by", "secondary to", "due to", "attributed to", "attributable to", optionally through "the use of", "the
  administration of", "treatment with" ("E due to the use of D").

The drug is a name of the drug lexicon (a DRUG mask), and it must be the thing given, not a part of something else:
the word after it is punctuation, a word of grammar or a treatment word ("due to D therapy", "secondary to D in a
patient"), never another noun ("due to insulin antibodies", "secondary to iron deposition": an antibody and a
deposit, not a drug given); and a capitalised name followed by a lower-case one inside a sentence ("caused by
Staphylococcus aureus") is an organism's binomial name, whatever the drug lexicon holds. Negated events ("no
D-induced E was seen") are not passed here (their spans are not present events), nor are events in a hedged or
unsettled clause. A harm by its general name ("D-related adverse events") is read elsewhere, with the words that say
how few or slight it was (events.general_harms, events.slight_harm), and is not this rule's. Nor is a sentence
that reports a comparison's result ("pain due to D injection did not differ between the groups (P>0.05)"): there
the harm is an outcome compared between a trial's arms, which evidence.py weighs, not a case's event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from summarizer.engines.extractive.cues import GENERIC_EVENT, TREATMENT_WORDS
from summarizer.engines.extractive.scan import Scan, cause_class
from summarizer.engines.extractive.tokenise import Span

__all__ = ["drug_named_as_cause"]

# a word of cause right after the event's name (past an abbreviation in brackets), up to the drug
_CAUSE_AFTER = re.compile(
    r"^\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:(?:was|were|is|are|being)\s+)?(?:(?:probably|possibly|likely)\s+)?"
    r"(?:(?:induced|caused|precipitated|provoked|triggered)\s+by|(?:secondary|due|attributable|attributed)\s+to)\s+",
    re.IGNORECASE,
)
# what may stand between the word of cause and the drug: "the use of", "intravenous", "treatment with"
_TO_THE_DRUG = re.compile(
    r"^(?:(?:the|a|an|his|her|their|oral|intravenous|topical|systemic|high-dose|long-term)\s+)*"
    r"(?:(?:use|administration|ingestion|intake|injection|infusion|treatment|therapy)\s+(?:of|with)\s+"
    r"(?:(?:the|oral|intravenous|topical|systemic|high-dose|long-term)\s+)*)?$",
    re.IGNORECASE,
)
# the words that may follow a drug given (besides punctuation and treatment words)
_AFTER_THE_DRUG = frozenset({
    "in", "and", "or", "with", "for", "at", "during", "after", "given", "was", "were", "is", "are", "as", "by", "on",
    "alone", "use", "intake", "ingestion", "toxicity", "overdose", "exposure",
})
# an organism's name: a capitalised genus and a lower-case species ("Pseudomonas aeruginosa", "Candida albicans")
_BINOMIAL = re.compile(r"[A-Z][a-z]{3,}\s+[a-z]{4,}(?:a|ae|us|um|i|is|ii|es)\b")
# the words of a comparison's result: a p-value, significance, the groups compared
_COMPARED = re.compile(
    r"\bp\s*[<>=\u2264\u2265]|\bstatistical(?:ly)?\b|\b(?:in)?significant(?:ly)?\b|\bdid\s+not\s+differ\b|"
    r"\b(?:both|two|all|between|among)\s+(?:the\s+)?(?:groups|arms)\b"
)
_REACH = 80  # characters after the event where its cause is read


def drug_named_as_cause(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether one of the event spans is said to have been caused by a drug the sentence names (module doc)."""
    if not spans:
        return False
    drugs = [span for kind, span in scan.mask_spans if kind == "DRUG"]
    return any(
        (_hyphen_cause(scan, span) or _cause_after(scan, span, drugs)) and not _general_name(scan, span)
        and _COMPARED.search(scan.low, *scan.sentence_at(span[0])) is None
        for span in spans
    )


def _general_name(scan: Scan, span: Span) -> bool:
    words = scan.low[span[0] : span[1]].split()
    return not words or words[-1] in GENERIC_EVENT


def _hyphen_cause(scan: Scan, span: Span) -> bool:
    """ "D-induced E": the word right before the event joins a drug to a word of cause."""
    j = bisect_left(scan.starts, span[0])
    return 0 < j <= len(scan.toks) and cause_class(scan.toks[j - 1], scan.res) is not None


def _cause_after(scan: Scan, span: Span, drugs: Sequence[Span]) -> bool:
    """ "E induced by D", "E secondary to the use of D", the drug being the thing given."""
    if not drugs:
        return False
    text = scan.text
    cause = _CAUSE_AFTER.match(text[span[1] : span[1] + _REACH])
    if cause is None:
        return False
    at = span[1] + cause.end()
    drug = next((d for d in drugs if d[0] >= at), None)
    return (
        drug is not None and _TO_THE_DRUG.match(text[at : drug[0]]) is not None and _given_alone(scan, drug)
        and _BINOMIAL.match(text, drug[0]) is None
    )


def _given_alone(scan: Scan, drug: Span) -> bool:
    """Whether the word after the drug leaves it the thing given ("D therapy", "D in a patient", "D."), not a part of
    another thing ("insulin antibodies")."""
    rest = scan.text[drug[1] : drug[1] + 2].strip()
    k = bisect_left(scan.starts, drug[1])
    if not rest or not rest[0].isalnum() or k >= len(scan.toks):
        return True
    word = scan.toks[k]
    return word in _AFTER_THE_DRUG or word in TREATMENT_WORDS
