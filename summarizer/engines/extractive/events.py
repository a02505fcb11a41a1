"""Adverse events in a scanned statement: absent ones in negated lists, and which named events occurred."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from summarizer.engines.extractive.body_parts import BODY_PARTS, with_its_head
from summarizer.engines.extractive.change_phrases import joined_to_change, names_a_change
from summarizer.engines.extractive.changed_events import change_leads_name
from summarizer.engines.extractive.cues import (
    AFTER_NEGATION,
    EVENT_NAME_BREAK,
    EVENT_NAME_LEAD,
    FILLER,
    GENERIC_EVENT,
    GIVEN_PARTICIPLES,
    HARM_PREFIX,
    ITEM_STOP,
    LIST_HEAD_WORDS,
    LIST_SEPARATOR,
    MEASUREMENT_NOUNS,
    NEGATED_VERBS,
    NO_DIFFERENCE,
    NON_DRUG_CAUSES,
    NOT_EVENT_WORDS,
    PATTERN_A_SUFFIX,
    PEOPLE_NOUNS,
    REPORTED_VERBS,
    TREATMENT_CONNECTORS,
    TREATMENT_NOUNS,
    TREATMENT_WORDS,
    is_head,
    word_class,
)
from summarizer.engines.extractive.dechallenge import returned_on_stopping, stopped_drug_resolved_event
from summarizer.engines.extractive.event_measures import measure_prefix_end, names_a_quantity
from summarizer.engines.extractive.event_scope import clause_after_and
from summarizer.engines.extractive.fallback_events import subject_negated
from summarizer.engines.extractive.gone_events import GONE_GATE, went_away
from summarizer.engines.extractive.modifier_spans import joined_to_modified
from summarizer.engines.extractive.named_cause import drug_named_as_cause
from summarizer.engines.extractive.of_phrases import joined_by_of
from summarizer.engines.extractive.patients_disease import names_the_indication, own_abbreviation
from summarizer.engines.extractive.peoples_condition import names_the_peoples_condition
from summarizer.engines.extractive.resolution import RESOLVED_SPEED
from summarizer.engines.extractive.scan import DRUG_MASKS, Scan, cause_class
from summarizer.engines.extractive.screened import may_screen, names_what_was_screened
from summarizer.engines.extractive.tagged_modifiers import LONE_ADJECTIVE_ENDINGS
from summarizer.engines.extractive.tokenise import TOKEN, Span, occurrences, tokens
from summarizer.engines.extractive.treated_events import tied_to_treatment
from summarizer.engines.extractive.treatment_names import code_name_start

# how far after a negation a negated list is read ("did not notice any A, B or C")
LIST_SCOPE_CHARS = 300
_NAME_WORD = re.compile(r"[^\s,;:.()\[\]]+(?:\.[^\s,;:.()\[\]]+)*")
# words that end like an adjective but name an event on their own ("withdrawal", "febrile" in a list of events)
_EVENT_ADJECTIVES = frozenset({"febrile", "withdrawal", "colic", "panic"})
_NOT_EVENTS = NOT_EVENT_WORDS | BODY_PARTS  # a lone part of the body: where a harm happened
OVERLAP_EVENTS = 64


NO_EFFECT_WORDS = frozenset({"effect", "effects", "impact", "change", "changes", "difference", "differences"})
# a negated comparison ("no statistically significant differences between ... for adverse effects"): what follows
# was compared between the arms, not absent
_COMPARISON_AFTER_NEGATION = re.compile(
    r"\s*(?:(?:statistically|clinically)\s+)?(?:significant\s+)?(?:differences?|changes?)\s+(?:between|among|in|for)\b"
    # "no effect observed between supplementation groups for indices of depression or fatigue"
    r"|\s*(?:(?:statistically\s+)?significant\s+)?effects?\s+(?:(?:was|were)\s+)?(?:observed\s+|seen\s+|found\s+)?"
    r"(?:between|among)\b"
    # a negated benefit: "no benefit of X over placebo in A", "did not have significant impact in A, B or C": an
    # efficacy finding about A, B and C, not their absence
    r"|\s*(?:(?:have|has|had|show|shows|showed|find|found|confer|conferred|offer|offered|provide|provided)\s+)?"
    r"(?:an?\s+|any\s+)?(?:(?:statistically|clinically)\s+)?(?:significant\s+)?"
    r"(?:benefits?|advantages?|improvements?|impact|influence|efficacy)\s+(?:of|on|in|over|for|from|upon)\b"
    # "had no significant effect on A": A was measured and did not change, not absent
    r"|\s*(?:(?:have|has|had|show|shows|showed|exert|exerted)\s+)?(?:an?\s+|any\s+)?(?:(?:statistically|clinically)\s+)?"
    r"(?:significant\s+)?effects?\s+(?:on|upon)\b"
    # "no positive effects of X on A or B could be demonstrated": a wished-for effect not found, an efficacy finding
    r"|\s*(?:(?:statistically|clinically)\s+)?(?:(?:positive|beneficial|favou?rable|protective|therapeutic|"
    r"significant|additional|clinical)\s+)+(?:effects?|benefits?|impact|influence)\b"
)


def negated_tails(scan: Scan) -> list[Span]:
    """What each forward negation covers: up to a clause break, a new clause after ", and", the next negation or
    LIST_SCOPE_CHARS."""
    low = scan.low
    breaks = scan.breaks
    triggers = scan.forward
    tails = []
    for k, (_, tail_start) in enumerate(triggers):
        i = bisect_left(breaks, tail_start)
        tail_end = min(
            breaks[i] if i < len(breaks) else len(low),
            triggers[k + 1][0] if k + 1 < len(triggers) else len(low),
            tail_start + LIST_SCOPE_CHARS,
        )
        tails.append((tail_start, clause_after_and(low, tail_start, tail_end)))
    return tails


def negated_comparisons(scan: Scan, tails: Sequence[Span]) -> list[Span]:
    """What a negated comparison covers ("no significant differences between the groups in X or Y"; tails:
    negated_tails): X and Y were compared between the arms and did not differ, which says nothing of their being
    absent."""
    return [(start, end) for start, end in tails if _COMPARISON_AFTER_NEGATION.match(scan.low, start)]


_OCCURRED_VERBS = frozenset({
    "experienced", "developed", "had", "showed", "suffered", "exhibited", "presented", "reported",
})
# a verb of raising or causing after "without": "without increasing adverse events" names the adverse events
_RAISING = frozenset({
    "increasing", "raising", "elevating", "worsening", "aggravating", "exacerbating", "causing", "inducing",
    "producing", "provoking", "triggering", "precipitating",
})


def listed_absent_events(scan: Scan, tails: Sequence[Span] | None = None) -> list[Span]:
    """Items of a negated list ("did not notice any A, B or C") that name harms (tails: negated_tails, when the
    caller has them)."""
    low = scan.low
    spans: list[Span] = []
    for tail_start, tail_end in negated_tails(scan) if tails is None else tails:
        tail = low[tail_start:tail_end]
        words = TOKEN.findall(tail)
        if not any(w in LIST_HEAD_WORDS or is_head(w) for w in words):
            continue
        if _COMPARISON_AFTER_NEGATION.match(tail):
            continue  # "no significant differences between the groups for adverse effects": compared, not absent
        # skip a verb right after "did not"/"was not" ("noticed any", "observe")
        lead = AFTER_NEGATION.match(tail)
        first = lead.group().split()[0] if lead and lead.group().strip() else ""
        skip = lead is not None and (
            first.endswith("ed") or first in NEGATED_VERBS or first in FILLER or first in _RAISING
        )
        offset = tail_start + (lead.end() if skip and lead else 0)
        pos = offset
        negated_subject = subject_negated(scan, tail_start)
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
            if negated_subject:
                # "no patient given X developed A": who did not is no part of the name, what they did not develop is
                verb = max((k for k, m in enumerate(kept) if m.group() in _OCCURRED_VERBS), default=-1)
                kept = kept[verb + 1 :]
            while kept and kept[0].group() in FILLER:
                kept.pop(0)
            if not kept or not any(m.group() in LIST_HEAD_WORDS or is_head(m.group()) for m in kept):
                continue
            if _compares_effects([m.group() for m in kept]):
                continue  # "no effect on mortality" is an efficacy finding, not an absent adverse event
            start, end = item_start + kept[0].start(), item_start + kept[-1].end()
            if end - start <= 60:
                spans.append((start, end))
    return spans


# a qualifier that limits which events a negation speaks of: "no severe adverse events" is not "no adverse events",
# "dose-limiting toxicity was not reached" not "no toxicity"
_LIMITING_QUALIFIERS = re.compile(
    r"(?:\b(?:serious|severe|major|(?:clinically\s+)?(?:significant|relevant|important)|life[\s\-]threatening|"
    r"fatal|unexpected|dose[\s\-]limiting|(?:treatment|drug)[\s\-]related|prolonged|persistent|excessive|"
    r"inappropriate(?:ly)?|permanent|irreversible)\s+)+$",
    re.IGNORECASE,
)
_QUALIFIER_REACH = 60


def with_limiting_qualifier(text: str, spans: Sequence[Span]) -> list[Span]:
    """Absent events' spans with the qualifiers right before them that limit which events were absent."""
    out = []
    for start, end in spans:
        qualifier = _LIMITING_QUALIFIERS.search(text, max(0, start - _QUALIFIER_REACH), start) if start else None
        out.append((qualifier.start(), end) if qualifier is not None else (start, end))
    return out


def _compares_effects(words: Sequence[str]) -> bool:
    """Whether a negated item speaks of an effect or a difference rather than a harm: "no effect", "no effect of
    group on ...", "no interaction effects", "no main effects"; "no adverse effects" and "no side effects" stay
    harms (a harm word other than the effect word itself)."""
    if words[0] in NO_EFFECT_WORDS:
        return len(words) == 1 or words[1] == "of"
    return words[-1] in NO_EFFECT_WORDS and not any(is_head(w) for w in words[:-1])


def is_harm_name(name: str) -> bool:
    return any(is_head(tok) and tok not in GENERIC_EVENT for tok in tokens(name))


def harm_span(outcome: str, start: int) -> Span:
    """Where the harm an outcome (at `start`) names sits in the text, without "risk of" and the like."""
    prefix = HARM_PREFIX.match(outcome.lower())
    skip = prefix.end() if prefix else 0
    return (start + skip, start + len(outcome))


def names_overlap(name: str, events: Sequence[str]) -> bool:
    """Whether a name contains, or is part of, one of the events (the first OVERLAP_EVENTS of them: a statement
    that lists thousands of events is still read in linear time)."""
    low = name.lower()
    return any(e.lower() in low or low in e.lower() for e in events[:OVERLAP_EVENTS])


def general_harms(scan: Scan, spans: Sequence[Span]) -> tuple[tuple[str, int], ...]:
    """The harms a statement that names a drug or a treatment reports by their general name as having happened
    ("Adverse events occurred in 12 patients given X", "side effects of X were mild"), each with its sentence.
    The adverse-effect corpus marks only named effects, so its model (rightly, for that task) scores such sentences
    low; a brief still owes the reader the harm. None when the sentence says the harms did not differ between the
    arms, were few or slight, or says only how they were looked for ("adverse events were recorded at each
    visit")."""
    generic = [span for span in spans if _GENERIC_HARM.search(scan.text, *span) is not None]
    if not generic or NO_DIFFERENCE.search(scan.low) is not None:
        return ()
    if _SIMILAR_OR_MONITORED.search(scan.low) is not None:
        # "had similar side effects in 33% of their patients": a share of one group's people had them, said like
        # another group's (a citing paper's own); not the arms alike, nor how they were looked for
        generic = [span for span in generic if _IN_A_SHARE_OF_ONE_GROUP.match(scan.low, span[1]) is not None]
        if not generic or scan.low.count("%") > 1:
            return ()
    generic = [span for span in generic if not slight_harm(scan.text, scan.text[slice(*span)])]
    kept = occurring_spans(scan, generic) if generic else []
    return tuple((name, scan.sentence_index(start)) for name, start in event_names_at(scan.text, kept))


def slight_harm(sentence: str, event: str) -> bool:
    """Whether a sentence calls harms named by their general name few or slight, in or right around the name
    ("low toxicity", "fewer side effects", "adverse events were fewer") or by the predicate of their clause ("side
    effects of X are usually mild"): a reassurance, not a concern."""
    if _GENERIC_HARM.search(event) is None:
        return False
    low = sentence.lower()
    for start in occurrences(low, event.lower()):
        before = _WORD.findall(low, max(0, start - 40), start)[-_FEW_WINDOW:]
        after = _WORD.findall(low, start + len(event), start + len(event) + 40)[:_FEW_WINDOW + 1]
        own = _WORD.findall(low, start, start + len(event))
        if not (_FEW.isdisjoint(before) and _FEW.isdisjoint(own) and _FEW.isdisjoint(after)):
            return True
        if _SLIGHT_PREDICATE.match(low, start + len(event)) is not None:
            return True
    return False


def treatment_event(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether a sentence without a drug name ties a named event to a treatment: "developed a severe rash after
    the infusion of the cells" (the adverse-effect model learned from sentences that name drugs)."""
    if tied_to_treatment(scan, spans):  # "E occurred while receiving T", "developed E with T" (treated_events.py)
        return True
    if drug_named_as_cause(scan, spans) or stopped_drug_resolved_event(scan, _not_negated(scan)):
        return True  # named_cause.py; dechallenge.py, even in a reduction frame ("stopping D helped resolve E")
    words = scan.ngram_set
    if not spans or not DRUG_MASKS.isdisjoint(scan.masked) or (
        scan.tags is not None and max(scan.tags[0], default=-1.0) >= 0
    ):
        return False
    reported = not (REPORTED_VERBS.isdisjoint(words) or GIVEN_PARTICIPLES.isdisjoint(words))
    if reported and _reported_in_given(scan, spans):
        return True
    if TREATMENT_CONNECTORS.isdisjoint(words) or TREATMENT_NOUNS.isdisjoint(words):
        return False
    toks, ends = scan.toks, scan.ends
    n = len(toks)
    occurring = set(occurring_spans(scan, spans))
    for span in spans:
        j = bisect_left(ends, span[1])  # the last token of the name
        for k in range(j + 1, min(j + 3, n)):
            if toks[k] in TREATMENT_CONNECTORS:
                if not TREATMENT_NOUNS.isdisjoint(toks[k + 1 : k + 4]) and span in occurring:
                    return True
                break
    return False


def _not_negated(scan: Scan) -> list[Span]:
    return [span for span in scan.event_spans if not scan.negated.holds(span[0])]


def _reported_in_given(scan: Scan, spans: Sequence[Span]) -> bool:
    """ "arrhythmias have been noted in animals injected with the cells": an event reported in those given a
    treatment (a verb of reporting right after the event, a participle of giving later in its sentence)."""
    toks, ends, starts = scan.toks, scan.ends, scan.starts
    n = len(toks)
    for span in spans:
        j = bisect_left(ends, span[1])
        sentence_end = scan.sentence_at(span[0])[1]
        for k in range(j + 1, min(j + 5, n)):
            if toks[k] in REPORTED_VERBS:
                for m in range(k + 1, min(k + 12, n)):
                    if starts[m] >= sentence_end:
                        break
                    if toks[m] in GIVEN_PARTICIPLES:
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
    treated_sentences = {scan.sentence_at(start) for start in treated_starts}
    whole = (0, len(scan.text))
    kept = []
    for span in spans:
        sentence = scan.sentence_at(span[0])
        if not (sentence in treated_sentences or (sentence == whole and treated_starts)):
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


# a preposition opens no noun phrase: where a span starts with one ("manifested as an allergy", "suffered from
# chronic sinusitis", "progressed to membranous glomerulopathy"), the name is the phrase after it
_PREPOSITIONS = frozenset({"as", "from", "to", "into", "by", "at", "for", "in"})
# a verb in the past after an event's name, with the preposition that follows it: "hepatitis developed after X",
# "side effects noticed with morphine": the name ends before it ("related to" may name the event's kind, "AEs
# related to genital infections", and ends a name only as its last word: "adverse events related")
# adverbs that focus or hedge a clause, never words of an event's name: "even potentially fatal toxicities" names
# fatal toxicities, "SIADH and possibly hypokalemia" hypokalemia, "the gradient also decreased" the gradient
_FOCUS_ADVERBS = frozenset({
    "only", "even", "also", "potentially", "possibly", "probably", "especially", "particularly", "mainly", "just",
    "still", "already", "presumably", "likely",
})
# of those, the hedges: before a name they say how sure the harm is ("potentially fatal toxicities"), which the brief
# keeps; only the adverbs that focus are no part of a name's start
_HEDGES = frozenset({"potentially", "possibly", "probably", "presumably", "likely"})
_LEADING_FOCUS = _FOCUS_ADVERBS - _HEDGES
# a word that points back to a harm named before, never part of its name: "the cause of this adverse event"
_POINTING = frozenset({"this", "these"})
# whose harm it was, by a possessive of a people's noun: "this patient's leukopenia", "the children's rash"
_PEOPLES = re.compile(rf"{PEOPLE_NOUNS}['\u2019]s?")
_VERB_OF_THE_NAME = re.compile(r"(?!related$)[a-z]{3,}ed")
_PREPOSITION_AFTER = re.compile(r"\s+(?:to|with|by|after|following|during|on|in|within|when|while|from)\b")


def _modifies_after_of(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether the i-th word is a participle of change right after "of" that modifies the noun after it ("a syndrome
    of increased affect", "episodes of reduced consciousness"): part of the name, where after a noun it would be the
    verb that ends it ("diarrhoea increased with the dose")."""
    return i > 0 and words[i - 1].group().lower() == "of" and change_leads_name(
        [w.group().lower() for w in words[i : i + 2]]
    )


def _adverb_ends_name(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether the i-th word is a focusing adverb after a name ("the gradient also decreased"), which ends it; after
    "and"/"or" it opens the next item of a list ("SIADH and possibly hypokalemia"), left to the list's reader."""
    return i > 0 and words[i].group().lower() in _FOCUS_ADVERBS and (
        words[i - 1].group().lower() not in _FOCUS_ADVERBS | {"and", "or"}  # "even potentially fatal": none began
    )


def event_name_span(text: str, span: Span) -> Span | None:
    """The part of a span that names an event: without leading words that are not part of the name ("regarding
    adverse events", "report side effects", "no hypoglycemia"), and cut before a verb ("death is not necessarily
    news"). None if nothing is left."""
    start, end = span
    words = [m for m in _NAME_WORD.finditer(text, start, end)]
    lead = 1 if change_leads_name([w.group().lower() for w in words[:2]]) else 0  # "increased libido" is named
    for i, word in enumerate(words[lead:], lead):
        ends = word.group().lower() in EVENT_NAME_BREAK or _adverb_ends_name(words, i)
        if (ends or (i and _VERB_OF_THE_NAME.fullmatch(word.group()) and (
            _PREPOSITION_AFTER.match(text, word.end()) is not None
        ))) and not _modifies_after_of(words, i):  # "a syndrome of increased affect": a participle of the name
            words = words[:i]
            break
    while words and (
        words[0].group().lower() in EVENT_NAME_LEAD or words[0].group().lower() in _PREPOSITIONS
        or words[0].group().lower() in _LEADING_FOCUS or words[0].group().lower() in _POINTING
    ):
        words.pop(0)
    if words and _PEOPLES.fullmatch(words[0].group().lower()) is not None:
        words.pop(0)  # "this patient's leukopenia": the leukopenia
    words = words[measure_prefix_end([w.group().lower() for w in words]) :]  # "incidence rate of X": X
    if len(words) > 1 and words[-1].group().lower() == "related":
        words.pop()
    words = _without_grade([w.group().lower() for w in words], words)
    if not words:
        return None
    return (code_name_start(text, words[0].start()), words[-1].end())  # "5-FU toxicity", not "FU toxicity"


# an event's grade (the severity scale of trials' adverse-event reports): "grade 3", "grades 3-4", "grade III or IV"
_GRADE_WORDS = frozenset({"grade", "grades"})
_GRADE_NUMBER = re.compile(r"(?:\d|i{1,3}|iv|v)(?:\s*[-\u2013/]\s*(?:\d|i{1,3}|iv|v))?")
_GRADE_JOINS = frozenset({"or", "and", "to"})


def _without_grade(lows: list[str], words: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name without the grade that qualifies it: "grade 3 or 4 diarrhoea" and "diarrhoea of grade 3-4" name
    diarrhoea (a grade alone, "4 diarrhoea" after "grade 3 or", is no part of the name); "low grade fever" keeps
    its words."""
    start = 0
    while start < len(lows) and (
        lows[start] in _GRADE_WORDS or _GRADE_NUMBER.fullmatch(lows[start])
        or (start > 0 and lows[start] in _GRADE_JOINS and _GRADE_NUMBER.fullmatch(lows[start - 1]))
    ):
        start += 1
    if start == len(lows):
        return []
    for i in range(start + 1, len(lows) - 1):
        if lows[i] in _GRADE_WORDS and _GRADE_NUMBER.fullmatch(lows[i + 1]):
            return words[start : i - 1 if lows[i - 1] == "of" and i - 1 > start else i]
    return words[start:]


def is_clinical_event_name(name: str) -> bool:
    """Whether a name can be listed as an adverse event: not a lone adjective or change word ("systemic",
    "transgenic", "decrease", a lone part of the body), which a reading may keep as the trace of an event."""
    words = name.lower().split()
    if len(words) != 1:
        return bool(words)
    only = words[0]
    return only not in _NOT_EVENTS and (not only.endswith(LONE_ADJECTIVE_ENDINGS) or only in _EVENT_ADJECTIVES)


# harms by their general name: "adverse events", "side effects", "adverse drug reactions", "toxicity"
_GENERIC_HARM = re.compile(
    r"\b(?:adverse|side|undesirable|unwanted)[\s\-]+(?:drug[\s\-]+)?(?:events?|effects?|reactions?)\b|\btoxicit(?:y|ies)\b",
    re.IGNORECASE,
)
# a sentence whose general harms did not differ between arms, or that says only how they were looked for
_SIMILAR_OR_MONITORED = re.compile(
    r"\b(?:similar|comparable|equivalent|record(?:ed|ing)?|monitor(?:ed|ing)?|assess(?:ed|ing)?|"
    r"collect(?:ed|ing)?|evaluat(?:ed|ing)|measur(?:ed|ing)|grad(?:ed|ing))\b"
)
_IN_A_SHARE_OF_ONE_GROUP = re.compile(r"\s+in\s+\d+(?:\.\d+)?\s*%\s+of\s+(?:the\s+|their\s+)?(?:\w+\s+)?"
                                      r"(?:patients|cases|participants|subjects|children|women|men)\b")
# a word right before or after a general harm that makes it few or slight: "low toxicity", "fewer side effects"
_FEW = frozenset({"low", "lower", "few", "fewer", "less", "little", "minimal", "negligible", "reduced", "decreased"})
_FEW_WINDOW = 3
_WORD = re.compile(r"[a-z]+")
# a predicate that calls general harms acceptable: "side effects are generally transient or are well tolerated",
# "complications were minimal", the predicate closing its clause ("well tolerated in 12 of 14 patients" counts who
# had them). Harms called only "mild" or "transient" were still had: a concern, described so (tests of trial reading)
_ADVERBS = r"(?:(?:generally|usually|mainly|mostly|largely|typically|often|all|very|relatively|rather)\s+)*"
_SLIGHT_PREDICATE = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|have|has)\b)[\w\-]+){0,5}?\s+(?:were|was|are|is|(?:have|has)\s+been)\s+"
    rf"(?:{_ADVERBS}(?:mild|minor|transient|reversible)\s+(?:or|and)\s+(?:(?:were|was|are|is)\s+)?)?"
    rf"{_ADVERBS}(?:minimal|negligible|(?:well[\s\-]?)?tolerated|tolerable)\b(?=\s*(?:[,;.)\]]|$)|\s+(?:and|but)\b)",
    re.IGNORECASE,
)

# words of measurement after a symptom's or disease's name: the name then says what was measured, not that an event
# happened ("pain threshold", "pain scores", "the diabetes outcome measures", "haemoglobin level", "toxicity profile")
_MEASURE_HEADS = MEASUREMENT_NOUNS | {
    "threshold", "thresholds", "scale", "scales", "index", "concentration", "concentrations", "count", "counts",
    "assessment", "questionnaire", "severity", "intensity", "profile", "profiles",
}
_FATAL = frozenset({"fatal", "lethal"})
_RISK_OF = re.compile(r"\b(?:suggestive|indicative|risk|danger|possibility|chance)\s+of\s+(?:an?\s+)?$", re.IGNORECASE)
# qualifiers that make "effects" or "events" a statistical or wished-for effect, not a harm ("no significant main
# effects", "beneficial effects")
_NOT_HARMFUL_QUALIFIERS = frozenset({
    "main", "significant", "statistically", "overall", "interaction", "treatment", "beneficial", "positive",
    "protective", "therapeutic", "desired", "favourable", "favorable", "additive", "synergistic",
    "independent", "direct", "indirect", "differential",
})
# a point in time or a cause that an event name would follow, never the event: "between the visit and delivery",
# "until discharge", "after surgery", "at diagnosis"
_TIME_POINT = re.compile(
    r"\b(?:between\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}\s+and|until|till|before|after|since|from|at)\s+"
    r"(?:the\s+|their\s+|his\s+|her\s+)?$",
    re.IGNORECASE,
)
_TIME_TO = re.compile(r"\btime\s+to\s+(?:first\s+)?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\s\-]*([A-Za-z]+)")


# a verb in the past with its object, where a list's item would name an event: a clause, not a name
_CLAUSE_START = re.compile(r"[a-z]+ed\s+(?:a|an|the|to|that|his|her|their)\s", re.IGNORECASE)


def _names_a_measure(text: str, start: int, end: int, name: str) -> bool:
    """Whether a name, or the word right after it, says what was measured rather than an event."""
    words = name.lower().split()
    if words[0] in _FATAL and len(words) == 2:  # "fatal outcome": a death, unless only its risk is named
        return _RISK_OF.search(text, max(0, start - 30), start) is not None
    measured = words[-1] in _MEASURE_HEADS and not names_a_change(name)  # "increase in serum creatinine level"
    if measured or names_a_quantity(" ".join(words), text[max(0, start - 20) : start].lower()):
        return True
    head = next((i for i, w in enumerate(words) if w in GENERIC_EVENT), None)
    if head and all(w in _NOT_HARMFUL_QUALIFIERS for w in words[:head]):
        return True  # "main effects", "beneficial effects of the supplement"
    if _TIME_TO.search(text, max(0, start - 12), start) is not None:
        return True  # "time to death": a survival outcome, not a death
    if _TIME_POINT.search(text, max(0, start - 60), start) is not None:
        return True  # "between the 35-week visit and delivery", "until discharge": a time, not an event
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    # "fever cleared faster": the time to its resolution (resolution.py), never an event
    return following.group(1).lower() in _MEASURE_HEADS or RESOLVED_SPEED.match(text, end) is not None


def event_names_at(text: str, spans: Sequence[Span]) -> tuple[tuple[str, int], ...]:
    """The distinct event names of the spans (case-insensitively), each with where it first occurs; a name that
    says what was measured ("pain threshold"), the indication of the treatment or what was screened for or ruled out
    (screened.py) is none."""
    seen: dict[str, tuple[str, int]] = {}
    screens = may_screen(text)
    low = text.lower()
    gone = any(word in low for word in GONE_GATE)
    # "loss" + "of" + "consciousness", "subacute" + ..., "pressure" of "a drop in blood pressure", the tagger's
    # "bladder" of "perforation of the bladder"
    joined = joined_to_modified(text, joined_by_of(text, joined_to_change(text, spans)))
    whole = [with_its_head(text, span) for span in joined]
    named = (event_name_span(text, span) for span in whole)
    cleaned_spans = [cleaned for cleaned in named if cleaned is not None]
    read = {text[a:b].strip(" ,;:.").lower() for a, b in cleaned_spans}
    for cleaned in cleaned_spans:
        start, end = cleaned
        name = text[start:end].strip(" ,;:.")
        if _CLAUSE_START.match(name) is not None:
            continue  # "developed a spinal cord lesion": a verb and its object, no event's name
        if (
            name
            and name.lower() not in seen
            and not _names_a_measure(text, start, start + len(name), name)
            and not names_the_indication(text, start, start + len(name))
            and not names_the_peoples_condition(text, start, start + len(name))
            and not (screens and names_what_was_screened(text, start, start + len(name)))
            and not (gone and went_away(text, start, start + len(name)))
            and not returned_on_stopping(text, start, start + len(name))
            and not ("(" in text and own_abbreviation(text, name, read))
        ):
            seen[name.lower()] = (name, start)
    return tuple(seen.values())


def event_names(text: str, spans: Sequence[Span]) -> tuple[str, ...]:
    """The distinct event names of the spans, in order."""
    return tuple(name for name, _ in event_names_at(text, spans))
