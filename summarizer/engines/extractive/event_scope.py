"""Where a harm's name is not a harm the statement reports: the grammar of reduction, of a failed benefit, of a
trial's name and of an unsettled association.

- "X reduced death due to bleeding": a harm in the scope of a verb of reduction is what the intervention lowered,
  never its adverse event (a modifier, "developed decreased appetite", a passive, "the dose was reduced", and the
  nouns "reduction", "treatment" are no such verb). These, a trial's name and a drug's name are only taken away
  from the names events.fallback_event_spans gives when the model says a harm is reported; never passed to it,
  so that it names no other word instead (scan.reduced, which also covers "treated with X", is not).
- "X did not reduce death" / "X was not superior to placebo for pain relief": the negation falls on a benefit, so
  the harm is neither reported nor reported absent (a failed benefit is no reassurance about harm).
- "In the CRASH-2 trial": a trial's name (capitals before "trial"/"study") names no event, nor a drug's name does.
- "The association between A and B has not been established": an association not shown is no event (a hedge).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from summarizer.engines.extractive.denied_rises import rise_denied_before
from summarizer.engines.extractive.scan import Scan, next_after
from summarizer.engines.extractive.tokenise import Span

# verbs that lower what they govern (cues._REDUCE_PREFIXES also marks "treat", "manage", "improve" and the nouns
# "reduction", "prevention": not these)
_LOWERING = frozenset({
    "reduces", "reduced", "reducing", "decreases", "decreased", "decreasing", "lowers", "lowered", "lowering",
    "prevents", "prevented", "preventing",
})
_LOWERING_BASE = frozenset({"reduce", "decrease", "lower", "prevent"})
_BEFORE_BASE = frozenset({"to", "may", "might", "can", "could", "will", "would", "did", "does", "do", "not", "also"})
# the word before a participle that makes it a modifier of the harm, or a passive with no object ("the dose was
# reduced, and the rash resolved"), never a verb of the intervention lowering a harm
_MODIFIER_CONTEXT = frozenset({
    "a", "an", "the", "of", "with", "and", "or", "had", "has", "have", "having", "developed", "develop", "develops",
    "showed", "show", "shows", "experienced", "presented", "exhibited", "caused", "causes", "induced", "by", "for",
    "significantly", "markedly", "severely", "severe", "transient", "persistent", "in", "as", "into", "from",
    "was", "were", "is", "are", "be", "been", "being", "dose", "doses", "dosage",
})
# a new clause ends what the verb lowers: "reduced X that led to Y", "reduced X and subsequently developed Y"
_SCOPE_END = re.compile(r"\b(?:that|which|who|whereas|but|then|subsequently|later|lead|leads|led|leading)\b"
                        r"|\band\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


def lowering_ranges(scan: Scan) -> list[Span]:
    """From each verb of reduction, itself included, to the end of what it governs ("reduced death due to
    bleeding")."""
    low, toks, starts = scan.low, scan.toks, scan.starts
    spans: list[Span] = []
    for start, end in scan.marks["red"]:
        word = low[start:end]
        i = _token_at(starts, start)
        before = toks[i - 1] if i > 0 else ""
        if word in _LOWERING:
            if before in _MODIFIER_CONTEXT:
                continue
        elif word not in _LOWERING_BASE or before not in _BEFORE_BASE:
            continue
        stop = next_after(scan.breaks, end, len(low))
        m = _SCOPE_END.search(low, end, stop)
        spans.append((start, m.start() if m else stop))
    return spans


def _token_at(starts: Sequence[int], pos: int) -> int:
    return bisect_left(starts, pos)


_TRIAL_NAME = re.compile(
    r"\b[A-Z][A-Z0-9]{2,}(?:[-\u2013][A-Za-z0-9]+)*(?=\s+(?:trials?|study|studies|investigators|group|registry)\b)"
)


def trial_name_spans(scan: Scan) -> list[Span]:
    """The capitalised names of trials and studies ("the CRASH-2 trial", "the ATLAS study")."""
    if "trial" not in scan.low and "stud" not in scan.low and "investigators" not in scan.low:
        return []
    return [m.span() for m in _TRIAL_NAME.finditer(scan.text)]


_UNSETTLED_GATE = re.compile(r"establish|demonstrat|prove|confirmed|shown|whether")
# a hedge on the association itself, not on its mechanism ("the mechanism of X-induced Y remains unclear" still
# reports Y)
_UNSETTLED = re.compile(
    r"\b(?:has|have|had|is|are|was|were)\s+(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:established|demonstrated|proven|proved|confirmed|shown)\b"
)
_WHETHER = re.compile(
    r"\bwhether\b[^.;]*?\b(?:is|are|remains?|remained|was)\s+(?:still\s+)?(?:unknown|unclear|uncertain)\b"
)


def unsettled_ranges(scan: Scan) -> list[Span]:
    """From a sentence's start to its hedge ("the association between A and B has not been established"), and
    a "whether" clause left open ("whether X raises the risk of Y is unknown")."""
    low = scan.low
    if _UNSETTLED_GATE.search(low) is None:  # one cheap search gates the hedges
        return []
    spans: list[Span] = []
    for m in _UNSETTLED.finditer(low):
        start, _ = scan.sentence_at(m.start())
        spans.append((start, m.start()))
    spans.extend(m.span() for m in _WHETHER.finditer(low))
    return spans


def unsettled_sentences(scan: Scan, spans: Sequence[Span]) -> list[Span]:
    """The sentences that hold a hedge: what they call absent is no reassurance either."""
    return [scan.sentence_at(start) for start, _ in spans]


_NEGATION = re.compile(r"\b(?:not|no|nor|neither|never|without|failed\s+to|fails\s+to|did\s+n't)\b")
_BENEFIT = re.compile(
    r"\b(?:reduc|decreas|lower|prevent|improv|superior|better|benefi|effective|efficac|alleviat|attenuat)"
)
_BENEFIT_REACH = 80


def failed_benefit(scan: Scan, span: Span) -> bool:
    """Whether the negation before a harm falls on a benefit ("did not reduce death", "not superior ... for pain")."""
    low = scan.low
    window_start = max(0, span[0] - _BENEFIT_REACH)
    window_start = max(window_start, low.rfind(". ", window_start, span[0]) + 1)  # within its sentence, cheaply
    negations = list(_NEGATION.finditer(low, window_start, span[0]))
    if not negations:
        return False
    first_word_end = low.find(" ", span[0], span[1])
    upto = first_word_end if first_word_end >= 0 else span[1]
    return _BENEFIT.search(low, negations[-1].end(), upto) is not None


# ", and" that opens a new clause, not the last item of a list: a conjunction or "given" ("in the absence of A, and
# given B leading to C": C is not absent), or a subject and its verb ("no A, and the patient was ..."); never a word
# that could be the list's last item ("no nausea, vomiting, and bleeding")
_CLAUSE_AFTER_AND = re.compile(
    r",\s+and\s+(?:given|considering|because|since|although|while|whereas|(?:the|this|these|those|we|it|he|she|"
    r"they|our)\s+(?:\w+\s+)?(?:was|were|is|are|has|have|had|did|may|might|can|could|should|would|will)\b)",
    re.IGNORECASE,
)


def clause_after_and(low: str, start: int, end: int) -> int:
    """Where a negation's scope from `start` ends before `end` at a new clause opened by ", and" (else `end`)."""
    found = _CLAUSE_AFTER_AND.search(low, start, end) if ", and" in low[start:end] else None
    return end if found is None else found.start()


def _in_a_later_clause(scan: Scan, negation_ends: Sequence[int], span: Span) -> bool:
    """Whether a new clause opened by ", and" stands between a harm and the last negation before it (negation_ends:
    the ends of the scan's forward negations, in order)."""
    last = bisect_right(negation_ends, span[0]) - 1
    return last >= 0 and clause_after_and(scan.low, negation_ends[last], span[0]) < span[0]


def not_absent(scan: Scan, spans: Sequence[Span]) -> list[Span]:
    """The absent events whose negation falls on a benefit, or on a rise in the harm's rate ("no increase in the
    incidence of X": denied_rises.py), or on a clause before the harm's ("in the absence of A, and given B"), not on
    the harm."""
    negation_ends = sorted(end for _, end in scan.forward)  # searched per harm: a list of 10,000 harms stays linear
    return [
        span for span in spans
        if failed_benefit(scan, span) or rise_denied_before(scan.low, span[0])
        or _in_a_later_clause(scan, negation_ends, span)
    ]


def not_named_events(scan: Scan) -> list[Span]:
    """What the fallback must not name: harms a verb of reduction lowers, and trials' names."""
    return [*lowering_ranges(scan), *trial_name_spans(scan)]


def drug_spans(scan: Scan) -> list[Span]:
    """The drugs' names: the fallback names no word of them ("tranexamic acid" names no event "acid")."""
    return [span for kind, span in scan.mask_spans if kind == "DRUG"]
