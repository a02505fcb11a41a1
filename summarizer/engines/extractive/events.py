"""Adverse events in a scanned statement: absent ones in negated lists, and which named events occurred."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from summarizer.engines.extractive.cues import (
    AFTER_NEGATION,
    FALLBACK_AFTER,
    FALLBACK_BEFORE,
    FALLBACK_STOP,
    FILLER,
    GENERIC_EVENT,
    HARM_PREFIX,
    ITEM_STOP,
    LIST_HEAD_WORDS,
    LIST_SEPARATOR,
    NEGATED_VERBS,
    NON_DRUG_CAUSES,
    PATTERN_A_SUFFIX,
    TREATMENT_CONNECTORS,
    TREATMENT_NOUNS,
    TREATMENT_WORDS,
    is_head,
    word_class,
)
from summarizer.engines.extractive.scan import DRUG_MASKS, Scan, cause_class, token_span, within
from summarizer.engines.extractive.tokenise import TOKEN, Span, tokens


def listed_absent_events(scan: Scan) -> list[Span]:
    """Items of a negated list ("did not notice any A, B or C") that name harms."""
    low = scan.low
    spans: list[Span] = []
    for _, tail_start in scan.forward:
        tail_end = next((b for b in scan.breaks if b >= tail_start), len(low))
        tail = low[tail_start:tail_end]
        words = TOKEN.findall(tail)
        if not any(w in LIST_HEAD_WORDS or is_head(w) for w in words):
            continue
        # skip a verb right after "did not"/"was not" ("noticed any", "observe")
        lead = AFTER_NEGATION.match(tail)
        first = lead.group().split()[0] if lead and lead.group().strip() else ""
        skip = lead is not None and (first.endswith("ed") or first in NEGATED_VERBS or first in FILLER)
        offset = tail_start + (lead.end() if skip and lead else 0)
        pos = offset
        for item in LIST_SEPARATOR.split(low[offset:tail_end]):
            item_start = low.find(item, pos) if item else -1
            if item_start < 0:
                continue
            pos = item_start + len(item)
            item = re.split(r"[\(\[]", item, maxsplit=1)[0]
            item_words = list(TOKEN.finditer(item))
            kept = []
            for m in item_words:
                if m.group() in ITEM_STOP or m.group()[0].isdigit():
                    break
                kept.append(m)
            while kept and kept[0].group() in FILLER:
                kept.pop(0)
            if not kept or not any(m.group() in LIST_HEAD_WORDS or is_head(m.group()) for m in kept):
                continue
            start, end = item_start + kept[0].start(), item_start + kept[-1].end()
            if end - start <= 60:
                spans.append((start, end))
    return spans


def is_harm_name(name: str) -> bool:
    return any(is_head(tok) and tok not in GENERIC_EVENT for tok in tokens(name))


def harm_span(text: str, outcome: str) -> Span:
    """Where the harm an outcome names sits in the text, without "risk of" and the like."""
    start = text.find(outcome)
    prefix = HARM_PREFIX.match(outcome.lower())
    skip = prefix.end() if prefix else 0
    return (start + skip, start + len(outcome))


def names_overlap(name: str, events: Sequence[str]) -> bool:
    low = name.lower()
    return any(e.lower() in low or low in e.lower() for e in events)


def treatment_event(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether a sentence without a drug name ties a named event to a treatment: "developed a severe rash after
    the infusion of the cells" (the adverse-effect model learned from sentences that name drugs)."""
    words = scan.ngram_set
    if not spans or TREATMENT_CONNECTORS.isdisjoint(words) or TREATMENT_NOUNS.isdisjoint(words):
        return False
    if not DRUG_MASKS.isdisjoint(scan.masked) or (scan.tags is not None and max(scan.tags[0], default=-1.0) >= 0):
        return False
    toks, ends = scan.toks, scan.ends
    n = len(toks)
    for span in spans:
        j = bisect_left(ends, span[1])  # the last token of the name
        for k in range(j + 1, min(j + 3, n)):
            if toks[k] in TREATMENT_CONNECTORS:
                if not TREATMENT_NOUNS.isdisjoint(toks[k + 1 : k + 4]) and occurring_spans(scan, [span]):
                    return True
                break
    return False


def occurring_spans(scan: Scan, spans: Sequence[Span]) -> list[Span]:
    """The event spans that may be an effect of a treatment rather than of a disease.

    Kept: names whose sentence names a drug or a treatment, and that do not follow a non-drug cause
    ("COVID-19 associated thrombosis").
    """
    toks, starts = scan.toks, scan.starts
    treated = [
        i for i, tok in enumerate(toks)
        if tok in TREATMENT_WORDS or word_class(tok) == "DRUGX" or ("-" in tok and cause_class(tok, scan.res))
    ]
    if scan.tags is not None:
        treated.extend(i for i, margin in enumerate(scan.tags[0]) if margin >= 0.0)
    treated_starts = [starts[i] for i in treated]
    treated_starts.extend(span[0] for kind, span in scan.mask_spans if kind == "DRUG")
    kept = []
    for span in spans:
        sentence = scan.sentence_at(span[0])
        if not any(sentence[0] <= start < sentence[1] for start in treated_starts):
            continue
        j = bisect_left(starts, span[0])
        if 1 < j < len(toks) and toks[j - 1].endswith(PATTERN_A_SUFFIX):
            cause = j - 2
            while cause > 0 and toks[cause][0].isdigit():
                cause -= 1
            if toks[cause] in NON_DRUG_CAUSES:
                continue
        kept.append(span)
    return kept


def _tagged_spans(scan: Scan, margins: Sequence[float]) -> list[Span]:
    """Runs of adjacent words the effect tagger calls part of an effect name, as character spans."""
    spans: list[Span] = []
    run_start = -1
    for i, margin in enumerate([*margins, -50.0]):
        if margin >= 0.0 and run_start < 0:
            run_start = i
        elif margin < 0.0 and run_start >= 0:
            span = token_span(scan, run_start, i - 1)
            if span:
                spans.append(span)
            run_start = -1
    return spans


def fallback_event_spans(scan: Scan, absent: Sequence[Span]) -> list[Span]:
    """When the model says a harm is reported but no name matched: harm-like words, then trigger-adjacent words."""
    blocked = [*scan.negated, *absent]
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    if scan.tags is not None:
        tagged = _tagged_spans(scan, scan.tags[1])
        spans = [span for span in tagged if not within(span, blocked)]
        if spans:
            return spans[:3]
    spans = [
        (starts[i], ends[i])
        for i, tok in enumerate(toks)
        if is_head(tok) and tok not in GENERIC_EVENT and not within((starts[i], ends[i]), blocked)
    ]
    if not spans:
        spans = [span for kind, span in scan.mask_spans if kind != "DRUG" and not within(span, blocked)]
    if spans:
        return spans[:3]
    drug_starts = {span[0] for kind, span in scan.mask_spans if kind == "DRUG"}

    def content(i: int) -> bool:
        tok = toks[i]
        return tok.isalpha() and tok not in FALLBACK_STOP and starts[i] not in drug_starts and len(tok) > 2

    n = len(toks)
    for i, tok in enumerate(toks):
        if tok in FALLBACK_AFTER:
            j = i + 1
            while j < n and j <= i + 3 and content(j):
                j += 1
            if j > i + 1:
                return [(starts[i + 1], ends[j - 1])]
        if tok in FALLBACK_BEFORE and i > 0:
            j = i - 1
            while j >= 0 and j >= i - 3 and content(j):
                j -= 1
            if j < i - 1:
                return [(starts[j + 1], ends[i - 1])]
    return []


def event_names(text: str, spans: Sequence[Span]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for start, end in spans:
        name = text[start:end].strip(" ,;:.")
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return tuple(seen.values())
