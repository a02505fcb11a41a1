"""A dechallenge: the sentence says an event went away when a drug was stopped, which tells that the drug caused it.

A case report often gives its evidence of cause in this form ("upon discontinuation of D, her ascites resolved",
"when D was withdrawn, the urticaria vanished", "D was withheld and the ileus resolved"). The adverse-effect model
scores such a sentence low, since nothing in it says the patient developed anything; the grammar is plain all the
same: in one sentence,

- a drug with a word of stopping it or lowering its dose right before it ("discontinuation of D", "withholding D")
  or right after it ("D was withdrawn", "the dose of D was reduced");
- an event with a word of its going away right after it ("the rash resolved", "her ascites disappeared") or right
  before it ("resolution of the rash", "recovery from E", "helped resolve E");
- and the stopping first: before the event's going away, or after it where a word of time joins them ("the rash
  resolved after D was stopped"). "D was stopped after the infection resolved" tells the reverse order (the event
  went first, then the drug it was given for), and is no dechallenge; nor is "after tapering D, E was started, and
  the rash resolved": another drug was started between the stopping and the going away, and may have cleared it.

A relapse when the drug is stopped ("seizures recurred after D was discontinued") is the disease returning, never
a dechallenge: only words of going away count. Negated events are read elsewhere (their spans are not passed here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.scan import DRUG_MASKS, Scan
from summarizer.engines.extractive.tokenise import Span

__all__ = ["stopped_drug_resolved_event"]

_STOP_NOUN = (
    r"(?:discontinu\w*|withdrawal|withdrawing|withdrew|cessation|ceasing|stopping|withholding|interruption|"
    r"interrupting|termination|terminating|abstinence|tapering)"
)
# the stopping right before the drug: "discontinuation of D", "withholding D", "the withdrawal of the D"
_STOP_BEFORE = re.compile(
    rf"\b{_STOP_NOUN}\s+(?:(?:of|from)\s+)?(?:(?:the|his|her|their|all|oral|intravenous|topical)\s+)*"
    r"(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# the stopping right after the drug: "D was withdrawn", "D and E were stopped", "the dose of D was reduced"
_STOP_AFTER = re.compile(
    r"^[\s,]*(?:\([^()]{0,30}\)\s*)?(?:(?:therapy|treatment|medication|administration)\s+)?,?\s*"
    r"(?:(?:was|were|had\s+been|has\s+been|have\s+been|being|is|are)\s+)(?:\w+ly\s+)?"
    r"(?:discontinued|withdrawn|stopped|withheld|ceased|tapered|interrupted|terminated|reduced|lowered|decreased)\b",
    re.IGNORECASE,
)
_GONE_VERB = r"(?:resolv|disappear|subsid|vanish|remitt?|regress|heal|abat|clear|normali[sz]|recover)(?:e|es|ed|ing|s)?"
# the event's going away right after its name: "the rash resolved", "her ascites had completely disappeared"
_GONE_AFTER = re.compile(
    r"^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?(?:\w+ly\s+|all\s+|both\s+){0,2}"
    rf"{_GONE_VERB}\b",
    re.IGNORECASE,
)
# the going away right before the name: "resolution of the rash", "recovery from E", "helped resolve a patient's E"
_GONE_BEFORE = re.compile(
    r"\b(?:(?:resolution|disappearance|regression|remission|recovery|healing)\s+(?:of|from|in)"
    rf"|{_GONE_VERB})\s+(?:(?:the|his|her|their|a|an|this)\s+)?(?:[\w\-]+'s\s+)?(?:[\w\-]+\s+){{0,1}}$",
    re.IGNORECASE,
)
# a word of time that puts the event's going away before what follows it ("the rash resolved after D was stopped"),
# or the stopping after the event's going away ("D was stopped after the infection resolved")
_TIME_WORD = re.compile(r"\b(?:after|upon|on|following|when|once|with|within)\b", re.IGNORECASE)
_GONE_FIRST = re.compile(
    r"\b(?:after|once|until|when|since|as\s+soon\s+as)\s+(?:(?:the|his|her|their|a|an|this|all)\s+)?(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# another treatment begun after the stopping: "E was started", "switched to E", "replaced by E"
_STARTED = re.compile(
    r"\b(?:started|initiated|begun|began|commenced|introduced|instituted|switched|switching|replaced|substituted)\b",
    re.IGNORECASE,
)
_REACH = 60  # characters around a name where the words of stopping or going away are read


def stopped_drug_resolved_event(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether one of the event spans is said to have gone away when a drug named in its sentence was stopped."""
    if not spans or DRUG_MASKS.isdisjoint(scan.masked):
        return False
    drugs = [span for kind, span in scan.mask_spans if kind == "DRUG"]
    return any(_dechallenge(scan, event, drugs) for event in spans)


def _dechallenge(scan: Scan, event: Span, drugs: Sequence[Span]) -> bool:
    text = scan.text
    first, last = scan.sentence_at(event[0])
    gone = _went_away_at(text, event, first, last)
    if gone is None:
        return False
    for drug in drugs:
        if not first <= drug[0] < last:
            continue
        stop = _stopped_at(text, drug, first, last)
        if stop is not None and _stopped_first(text, stop, gone, event):
            return True
    return False


def _went_away_at(text: str, event: Span, first: int, last: int) -> int | None:
    """Where the words that say the event went away are, or None."""
    if _GONE_AFTER.match(text[event[1] : min(last, event[1] + _REACH)]) is not None:
        return event[1]
    before = _GONE_BEFORE.search(text[max(first, event[0] - _REACH) : event[0]])
    return None if before is None else max(first, event[0] - _REACH) + before.start()


def _stopped_at(text: str, drug: Span, first: int, last: int) -> int | None:
    """Where the words that say the drug was stopped are, or None."""
    window = max(first, drug[0] - _REACH)
    before = _STOP_BEFORE.search(text[window : drug[0]])
    if before is not None:
        return window + before.start()
    after = _STOP_AFTER.match(text[drug[1] : min(last, drug[1] + _REACH)])
    return None if after is None else drug[1] + after.end() - 1


def _stopped_first(text: str, stop: int, gone: int, event: Span) -> bool:
    """Whether the stopping came before the going away (module doc)."""
    if stop < min(gone, event[0]):
        # "D was stopped after the infection resolved": the event's clause begins with a word of time
        if _STARTED.search(text, stop, min(gone, event[0])) is not None:
            return False
        return _GONE_FIRST.search(text[max(stop, event[0] - _REACH) : event[0]]) is None
    between = text[max(gone, event[1]) : stop]
    return _TIME_WORD.search(between) is not None and not any(mark in between for mark in ".;")


# the event's coming back or growing worse right after its name: "her arthritis became more active", "the seizures
# recurred"
_RETURNED_AFTER = re.compile(
    r"^\s*(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?(?:\w+ly\s+){0,2}"
    r"(?:became\s+(?:more\s+active|worse|active)|worsened|flared|relapsed|recurred|returned|reappeared|"
    r"exacerbated|deteriorated)\b",
    re.IGNORECASE,
)
_ANY_GONE = re.compile(rf"\b{_GONE_VERB}\b", re.IGNORECASE)
_STOPPED_WORDS = re.compile(
    rf"\b{_STOP_NOUN}\b|\b(?:discontinued|withdrawn|stopped|withheld|ceased|tapered|interrupted|terminated)\b",
    re.IGNORECASE,
)
# the stopping right after the return, joined by a word of time: "recurred after discontinuing D", "flared when D was
# stopped" (not "flared after the second infusion of D, which was discontinued": the infusion came first)
_THEN_STOPPED = re.compile(
    rf"^\s*(?:after|upon|on|following|when|once)\s+(?:(?:the|his|her|their)\s+)?(?:{_STOP_NOUN}\b"
    r"|[\w\-]+\s+(?:was|were|had\s+been)\s+(?:discontinued|withdrawn|stopped|withheld|ceased|tapered|interrupted))",
    re.IGNORECASE,
)


def returned_on_stopping(text: str, start: int, end: int) -> bool:
    """Whether, in a sentence that tells a dechallenge (an event went away: "upon discontinuation of D her ascites
    resolved"), the event at [start, end) is said to have come back or worsened once the drug was stopped ("... and
    her arthritis became more active"): the disease the drug held down returning, not the drug's harm. Outside such
    a sentence the reading is left as it was ("the symptoms recurred after steroids were stopped" may be another
    drug's harm that the steroids treated)."""
    returned = _RETURNED_AFTER.match(text[end : end + _REACH])
    if returned is None or _ANY_GONE.search(text) is None:
        return False
    if _THEN_STOPPED.match(text[end + returned.end() : end + returned.end() + _REACH]) is not None:
        return True
    first = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start)) + 1
    return _STOPPED_WORDS.search(text, first, start) is not None
