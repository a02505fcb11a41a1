"""Names of the events a statement reports when the adverse-effect model says it reports one but no event's name
was matched: the words the effect tagger takes, then harm words, then the words next to a verb of having an event
("developed A", "A after X"); none in a sentence whose subject is negated ("No published reports exist of A").
Where every name matched is the patients' own disease ("an infant with sepsis who received D and subsequently
developed E": patients_disease.names_the_indication), only the words right after a verb of having an event are
taken, past a determiner, or a name the tagger takes that a change leads ("increased intraocular pressure"): the
event, when the sentence names one there."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from summarizer.engines.extractive.changed_events import change_leads_name
from summarizer.engines.extractive.cues import (
    FALLBACK_AFTER,
    FALLBACK_BEFORE,
    FALLBACK_STOP,
    GENERIC_EVENT,
    PEOPLE_NOUNS,
    is_head,
)
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.engines.extractive.peoples_condition import names_the_peoples_condition
from summarizer.engines.extractive.scan import Ranges, Scan, token_span, within
from summarizer.engines.extractive.tagged_modifiers import with_its_noun
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.whole_terms import whole_term_span

__all__ = ["fallback_event_spans", "only_patients_disease", "subject_negated"]

# a sentence whose subject is negated: "No patient ...", "None of the children ..." (not "A woman with no history of
# X developed Y", where only the history is negated)
_NEGATED_SUBJECT = re.compile(r"(?:no|none\s+of|neither\s+of)\b")


def subject_negated(scan: Scan, pos: int) -> bool:
    """Whether the sentence holding this position opens with a negated subject."""
    start, _ = scan.sentence_at(pos)
    while start < len(scan.low) and not scan.low[start].isalpha():
        start += 1
    return _NEGATED_SUBJECT.match(scan.low, start) is not None



def _tagged_spans(scan: Scan, margins: Sequence[float]) -> list[Span]:
    """Runs of adjacent words the effect tagger calls part of an effect name, as character spans; a run that ends
    in a modifier (no harm's head) goes on over one plain word the tagger missed ("acute clinical failure" is one
    name, never "acute" and "failure")."""
    spans: list[Span] = []
    run_start = -1
    for i, margin in enumerate([*margins, -50.0]):
        if margin >= 0.0 and run_start < 0:
            run_start = i
        elif margin < 0.0 and run_start >= 0 and _one_word_inside(scan, margins, i):
            continue
        elif margin < 0.0 and run_start >= 0:
            span = token_span(scan, run_start, i - 1)
            if span:
                spans.append(span)
            run_start = -1
    return spans


def _one_word_inside(scan: Scan, margins: Sequence[float], i: int) -> bool:
    """Whether token i, untagged, is one plain word between a tagged modifier and a tagged word, spaces around it."""
    if i + 1 >= len(margins) or margins[i + 1] < 0.0 or margins[i - 1] < 0.0:
        return False
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    if text[ends[i - 1] : starts[i]].strip() or text[ends[i] : starts[i + 1]].strip():
        return False  # "suppression, typically aplastic anemia": a comma between, no one name
    word, last = toks[i], toks[i - 1]
    return word.isalpha() and last.isalpha() and word not in FALLBACK_STOP and not is_head(last) and not (
        word.endswith(("ed", "ing"))
    )


def fallback_event_spans(scan: Scan, absent: Sequence[Span], past_own: bool = False) -> list[Span]:
    """When the model says a harm is reported but no name matched: harm-like words, then trigger-adjacent words,
    each from the start of the lexicon's name that holds it ("colonic ulcer", never "ulcer": whole_terms.py).
    past_own: the names matched are all the patients' own disease (only_patients_disease): then only the words
    right after a verb of having an event are taken ("who received D and developed E")."""
    spans = _fallback_spans(scan, absent, past_own)
    if any(kind != "DRUG" for kind, _ in scan.mask_spans):
        return [whole_term_span(scan, span) for span in spans]
    return spans


def _fallback_spans(scan: Scan, absent: Sequence[Span], past_own: bool) -> list[Span]:
    if past_own:
        return _named_by_a_change(scan) or _after_a_verb_of_having(scan)
    blocked = scan.negated + absent
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    if scan.tags is not None:
        margins = scan.tags[1]
        tagged = [_through_to_noun(scan, with_its_noun(scan, span, margins)) for span in _tagged_spans(scan, margins)]
        spans = [span for span in tagged if not within(span, blocked) and not subject_negated(scan, span[0])]
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
            if j > i + 1 and not subject_negated(scan, starts[i]):  # "no patient given X experienced A"
                return [(starts[i + 1], ends[j - 1])]
        if tok in FALLBACK_BEFORE and i > 0:
            j = i - 1
            while j >= 0 and j >= i - 3 and content(j):
                j -= 1
            if j < i - 1 and not subject_negated(scan, starts[i]) and not _denied_alternative(scan, j + 1, blocked):
                return [(starts[j + 1], ends[i - 1])]
    return []


# the words that join alternatives: under a negation each is denied ("no increase in A or B", "neither A nor B")
_ALTERNATIVE = frozenset({"or", "nor"})


def _denied_alternative(scan: Scan, first: int, blocked: Ranges) -> bool:
    """Whether a name starting at token `first` is an alternative after "or"/"nor" inside a negation's scope: "there
    was no increase in pancreatitis or gout after X" denies gout as it denies pancreatitis."""
    return first > 0 and scan.toks[first - 1] in _ALTERNATIVE and within((scan.starts[first], scan.ends[first]),
                                                                         blocked)


_WORD_OF_A_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
_HEAD_REACH = 3  # words after a lone modifier in which the harm's head is looked for


def _through_to_noun(scan: Scan, span: Span) -> Span:
    """A one-word span the tagger took that is no harm's head ("acute", "gastric"), with the words after it up to the
    harm's head ("acute non-lymphocytic leukemia", "acute adverse effects", "gastric ulcer"): a modifier alone names
    no event. Any other span as it is (a noun that is no harm's head, "ventricular size", is not taken)."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    i = bisect_left(starts, span[0])
    if i >= len(toks) or ends[i] != span[1] or is_head(toks[i]):
        return span
    last = min(i + _HEAD_REACH, len(toks) - 1)
    for j in range(i + 1, last + 1):
        word = toks[j]
        if text[ends[j - 1] : starts[j]] != " " or _WORD_OF_A_NAME.fullmatch(word) is None or word in FALLBACK_STOP:
            break
        if is_head(word):
            return (span[0], ends[j])
        if word.endswith(("ed", "ing", "ly")):
            break
    return span


def only_patients_disease(text: str, spans: Sequence[Span]) -> bool:
    """Whether every span names the patients' own disease ("an infant with sepsis who received D"): then the
    statement's event, if it names one, is elsewhere, and the fallback looks for it."""
    return bool(spans) and all(
        names_the_indication(text, start, end) or names_the_peoples_condition(text, start, end) for start, end in spans
    )


_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their"})
# words that open a clause of time or condition: the name read after a verb of having ends before them ("developed
# bronchospasm while taking D")
_CLAUSE_OPENERS = frozenset({"while", "whilst", "when", "whenever", "until", "since", "because", "although", "as"})
_NAME_REACH = 3
_SIGNS = frozenset({"signs", "symptoms", "features", "evidence", "manifestations"})
_PERSON = re.compile(PEOPLE_NOUNS)


def _named_by_a_change(scan: Scan) -> list[Span]:
    """The effect tagger's names that a change leads ("increased intraocular pressure in patients with uveitis
    treated with D"), none the patients' own disease."""
    if scan.tags is None:
        return []
    return [
        span for span in _tagged_spans(scan, scan.tags[1])
        if change_leads_name(scan.low[span[0] : span[1]].split()[:2]) and not subject_negated(scan, span[0])
        and not names_the_indication(scan.text, *span)
    ][:3]


def _after_a_verb_of_having(scan: Scan) -> list[Span]:
    """The words right after a verb of having an event ("developed", "experienced"), past a determiner, up to a word
    of grammar: "subsequently developed TEN" gives "TEN"; none that is the patients' own disease or in a sentence
    whose subject is negated."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    n = len(toks)
    drug_starts = {span[0] for kind, span in scan.mask_spans if kind == "DRUG"}
    for i, tok in enumerate(toks):
        if tok not in FALLBACK_AFTER or subject_negated(scan, starts[i]):
            continue
        j = i + 1
        while j < n and toks[j] in _DETERMINERS:
            j += 1
        if j + 1 < n and toks[j] in _SIGNS and toks[j + 1] == "of":
            j += 2  # "developed signs of D toxicity": the toxicity
        k = j
        while k < n and k < j + _NAME_REACH and toks[k].isalpha() and toks[k] not in FALLBACK_STOP and (
            toks[k] not in _CLAUSE_OPENERS
        ) and (
            scan.text[ends[k - 1] : starts[k]] == " "
        ):
            k += 1
        while k > j and starts[k - 1] in drug_starts:
            k -= 1  # a drug's name opens an event's name ("D toxicity"), never ends it
        if k < n and _PERSON.fullmatch(toks[k]):
            continue  # "we experienced a male patient": the words describe a person, no event
        if k > j and not names_the_indication(scan.text, starts[j], ends[k - 1]):
            return [(starts[j], ends[k - 1])]
    return []
