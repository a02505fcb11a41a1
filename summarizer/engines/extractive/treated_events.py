"""An event the sentence says happened while, or after, the patient was given a treatment.

The adverse-effect model scores a sentence as a whole, and a case report's sentence that names its drug only in
passing ("multiple abscesses occurred in both thighs while the patient was receiving the third course of the CHOP
regimen") can score low. The grammar that ties the event to the treatment is plain all the same:

- the event, a verb that says it happened ("occurred", "developed", "appeared", "ensued", "was observed"), and in the
  same clause a participle of being given a treatment or its dose ("while receiving", "in patients treated with",
  "at the 100 mg dose level");
- a verb that says the patient had the event, the event, and right after it a preposition that ties it to a treatment
  ("developed a severe neuropathy with the chemotherapy", "suffered seizures during the infusion").

A negated sentence ("no patient developed X while receiving Y") is read elsewhere (its spans are no present events),
and so are harms by their general name ("adverse events occurred in 9 children treated with X": events.general_harms).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from summarizer.engines.extractive.cues import FILLER, GENERIC_EVENT, GIVEN_PARTICIPLES, TREATMENT_WORDS
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span

__all__ = ["tied_to_treatment"]

# verbs after an event that say it happened
_HAPPENED = frozenset({
    "occurred", "developed", "appeared", "ensued", "arose", "emerged", "recurred", "occurring", "developing",
    "appearing", "observed", "noted", "seen",
})
# verbs before an event that say the patient had it
_HAD = frozenset({"developed", "experienced", "suffered", "presented", "complained"})
# words of a treatment being taken at the time, after the event and its verb: "while receiving", "on treatment"
_BEING_GIVEN = GIVEN_PARTICIPLES | frozenset({"taking", "using", "receiving", "dose", "doses", "dosage"})
# prepositions that tie an event to the treatment right after it
_TIED = frozenset({"with", "after", "following", "during", "on", "under"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "this", "that", "each"})
_VERB_REACH = 3  # tokens between an event's name and the verb that says it happened
_GIVEN_REACH = 12  # tokens from that verb to the participle of being given the treatment
_HAD_REACH = 5  # tokens from the verb that says the patient had the event to the event


def tied_to_treatment(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether one of the event spans is said to have happened while or after a treatment was given (module doc)."""
    toks = scan.toks
    if not spans or (_HAPPENED.isdisjoint(toks) and _HAD.isdisjoint(toks)):
        return False
    return any(
        (_happened_while_given(scan, span) or _had_with_treatment(scan, span)) and not _generic(scan.low, span)
        for span in spans
    )


# the words of a harm's general name ("adverse events", "side effects", "toxicity"): the brief reads those
# (events.general_harms); the sentence's own signal is for a named event
_GENERAL_WORDS = GENERIC_EVENT | FILLER | frozenset({
    "adverse", "side", "drug", "undesirable", "unwanted", "toxicity", "toxicities",
})


def _generic(low: str, span: Span) -> bool:
    return all(word in _GENERAL_WORDS for word in low[span[0] : span[1]].split())


def _happened_while_given(scan: Scan, span: Span) -> bool:
    """ "E occurred ... while the patient was receiving T": a verb of happening right after the event, then a
    participle of being given a treatment in the same sentence."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    n = len(toks)
    j = bisect_left(ends, span[1])
    sentence_end = scan.sentence_at(span[0])[1]
    for k in range(j + 1, min(j + 1 + _VERB_REACH, n)):
        if toks[k] in _HAPPENED:
            for m in range(k + 1, min(k + 1 + _GIVEN_REACH, n)):
                if starts[m] >= sentence_end or toks[m] in (".", ";"):
                    break
                if toks[m] in _BEING_GIVEN:
                    return True
            return False
    return False


def _had_with_treatment(scan: Scan, span: Span) -> bool:
    """ "developed E with the chemotherapy": a verb of having the event before it, and a preposition right after it
    whose object is a treatment word."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    n = len(toks)
    first = bisect_left(starts, span[0])
    if not any(toks[i] in _HAD for i in range(max(0, first - _HAD_REACH), first)):
        return False
    j = bisect_left(ends, span[1])
    k = j + 1
    if k >= n or toks[k] not in _TIED:
        return False
    k += 1
    while k < n and (toks[k] in _DETERMINERS or _leads_to_the_treatment(toks, k)):
        k += 1
    if k >= n:
        return False
    drug_starts = {s for kind, (s, _) in scan.mask_spans if kind == "DRUG"}
    return toks[k] in TREATMENT_WORDS or starts[k] in drug_starts or (
        scan.tags is not None and scan.tags[0][k] >= 0.0
    )


# the words between the preposition and the treatment that say how much or which part of it was given: "after the
# use of D", "following initiation of D", "after 23 months of D", "during a course of D"
_LEADING_NOUNS = frozenset({
    "use", "initiation", "start", "introduction", "course", "courses", "cycle", "cycles", "months", "weeks", "days",
    "years", "month", "week", "day", "year", "several", "few", "high", "low", "prolonged", "long-term",
})


def _leads_to_the_treatment(toks: Sequence[str], k: int) -> bool:
    """Whether the word at k only leads to the treatment named after it: a leading noun or a number followed (past
    another such word) by "of"."""
    word = toks[k]
    if not (word in _LEADING_NOUNS or word[0].isdigit() or word == "of"):
        return False
    return word != "of" or (k > 0 and (toks[k - 1] in _LEADING_NOUNS or toks[k - 1][0].isdigit()))
