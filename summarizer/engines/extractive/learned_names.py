"""Treatment names no word list holds, read from the PICO reader's intervention spans: the part of the target profile
(target_profile.py) that runs only when the listed names give no intervention.

The PICO reader's spans in a statement become treatment names (treatments.py trims them and reads their frames) unless
they overlap an outcome the reading found: an outcome is no intervention. A span that begins before the outcome it runs
into ("quorvalin lowered readmissions": the reader's span goes on over the verb) keeps its part before the outcome, the
name; one that begins inside it is left out. An outcome's phrase can run on over the arm
it was measured in, though ("OLP for the i-gel", "the response time for LMQs"): a span that begins after one of the
prepositions that place an arm (treatment_frames.ARM_PREPOSITIONS: "for", "with", ...) inside the outcome's phrase
is the arm, not the outcome, and is kept. A short form the statements define for an outcome ("the median survival
time (MST)") is a measure's name wherever it stands, and no learned name.

The reader tags each sentence on its own and leaves a name untagged in some ("Mean response time for LMQs was 101
seconds, compared with 107 seconds for OEQs"), often the sentences whose grammar says best that it was an arm. A name
read in one statement (by the reader or the word lists) is read in the others too: only a name written as a proper
name, a short form or a code (with a capital or a digit), since a common word tagged once ("maximum block") is as
often a measure or a thing in its other places; only where it stands as a word of its own in a sentence that reports
a test's result in numbers, a p-value or a confidence interval (where a trial names its arms; not "J. Smith, MD"
in a citing paper's aside, nor "X transmission has received significant attention"), not as what a
measure is of ("the procedural quality of X"); and it is kept there only where its sentence frames it as given (an
arm set against another, a word of giving: what decides which name was tested), since an occurrence that says
nothing of it being given ("... and trended towards significance for X") would lend it another arm's result.

A sentence about people or a trial (clinical_context.py) counts as founded as a result in numbers is, and a learned
name there that is a word for people ("the neonate") or what the people had ("subjects with X") says who they were,
not what they were given: it is no mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

from summarizer.engines.extractive.abbreviations import find_definitions, short_key, singular_short
from summarizer.engines.extractive.clinical_context import care_of_people, says_who
from summarizer.engines.extractive.cues import PEOPLE_WITH, TESTED_IN_NUMBERS
from summarizer.engines.extractive.framed_names import framed_name_spans
from summarizer.engines.extractive.pico import PicoTagger
from summarizer.engines.extractive.reading import SentenceReading, reread_treatments
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.short_forms import specific_anchors
from summarizer.engines.extractive.tokenise import Span, lower_same_length, split_sentences
from summarizer.engines.extractive.treatment_frames import ARM_PREPOSITIONS, ARMS_SET_AGAINST
from summarizer.engines.extractive.treatment_mention import TreatmentReading
from summarizer.engines.extractive.treatment_names import DETERMINERS, GIVEN_OF, TESTED_OF

# a noun, then "of" and an article, right before a name; how far back it is read; the nouns of something given
_OF_BEFORE = re.compile(r"([a-z\-]+)\s+of\s+(?:the\s+|a\s+|an\s+)?\Z")
_OF_REACH = 40
_GIVEN_BEFORE_OF = GIVEN_OF | TESTED_OF | {"dose", "doses", "dosage", "dosages", "administration", "addition"}
# the PICO reader costs about 0.3 ms a statement: it reads the first this many
LEARNED_STATEMENTS = 300
# how many words of an outcome's phrase before a span are read for the preposition that places an arm
_ARM_REACH = 3
# the last item of a list before a name ("HLA-B57, or " of "HLA-B27, HLA-B57, or "), of one word
_ITEM_BEFORE = re.compile(r"[^\s,;.()]+(?:,\s+(?:or\s+|and\s+)?|\s+(?:or|and)\s+)$")
# how many items of a list before a name are read back for the people it follows, within how many characters
_LIST_ITEMS = 6
_LIST_REACH = 200
_WHO_REACH = 40


def learned_treatments(
    treatments: Sequence[TreatmentReading],
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
    pico: PicoTagger,
    res: Resources,
) -> list[TreatmentReading]:
    """The treatments with the names the PICO reader reads as interventions added, in the first LEARNED_STATEMENTS
    statements; a sentence that names a learned one and reports a comparison's result attributes that result to it
    (treatments.read_treatments)."""
    learned = list(treatments)
    read = [_read_spans(text, pico) for text in texts[:LEARNED_STATEMENTS]]
    measures = outcome_short_forms(texts[:LEARNED_STATEMENTS], readings)
    _reread_with(learned, read, readings, texts, res, measures)
    # a name read in one place is the same name where the reader leaves it untagged ("for LMQs ... compared with ...
    # for OEQs"): its other occurrences in sentences that report a test are read too, kept where framed as given
    names = _proper_names(learned)
    again = [_with_occurrences(text, found, names) for text, found in zip(texts, read, strict=False)]
    changed = [k for k, (before, after) in enumerate(zip(read, again, strict=True)) if len(after) > len(before)]
    if changed:
        first = {k: learned[k] for k in changed}
        _reread_with(learned, again, readings, texts, res, measures, changed)
        for k, before in first.items():
            learned[k] = _framed_again(before, learned[k])
    return learned


def _framed_again(before: TreatmentReading, after: TreatmentReading) -> TreatmentReading:
    """A statement read again with the names read elsewhere (after), keeping of the mentions it adds to its first
    reading (before) only those its sentence frames as given: an occurrence that says nothing of its name being given
    ("... and trended towards significance for X") lends it no result it did not have."""
    known = {(m.name, m.sentence) for m in before.mentions}
    kept = tuple(m for m in after.mentions if (m.name, m.sentence) in known or m.therapy_frame)
    return after._replace(mentions=kept)


def outcome_short_forms(texts: Sequence[str], readings: Sequence[SentenceReading]) -> frozenset[str]:
    """The short forms (abbreviations.short_key) the statements define for an outcome they read: a definition whose
    long form overlaps an outcome's phrase ("the median survival time (MST)", "visual analogue scale (VAS) scores")
    abbreviates a measure, never what was given."""
    shorts = set()
    for text, reading in zip(texts, readings, strict=False):
        if "(" not in text or not reading.outcomes:
            continue
        outcomes = [(m.start, m.start + len(m.outcome)) for m in reading.outcomes]
        for definition in find_definitions(text):
            if any(start < definition.end and definition.start < end for start, end in outcomes):
                shorts.add(short_key(definition.short))
    return frozenset(shorts)


def _reread_with(
    learned: list[TreatmentReading],
    read: Sequence[Sequence[Span]],
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
    res: Resources,
    measures: AbstractSet[str],
    indices: Sequence[int] | None = None,
) -> None:
    """Each statement's treatments (in `learned`, in place) read again with its spans (read), those that overlap an
    outcome the reading found left out (arm_in_outcome), and so the names that are a short form defined for an
    outcome (measures: outcome_short_forms)."""
    for index in range(len(read)) if indices is None else indices:
        found, text = read[index], texts[index]
        if not found:
            continue
        outcomes = [(m.start, m.start + len(m.outcome)) for m in readings[index].outcomes]
        low = lower_same_length(text) if outcomes else text
        spans = [cut for span in found if (cut := _before_outcomes(low, span, outcomes, found)) is not None]
        if not spans:
            continue
        reread = reread_treatments(text, readings[index], spans, res)
        if measures:
            kept = tuple(m for m in reread.mentions if short_key(m.name) not in measures)
            reread = reread._replace(mentions=kept)
        learned[index] = _with_care_of_people(text, reread)


def _before_outcomes(low: str, span: Span, outcomes: Sequence[Span], found: Sequence[Span]) -> Span | None:
    """A span as a name, given the outcomes' phrases the reading found (low: the statement lower-cased; found: all the
    spans read in it): whole where it overlaps none, or overlaps one only as an arm set against another
    (arm_in_outcome); else its part before the first outcome it runs into, when it begins before that outcome (the
    reader's span "X reduced Y" runs over the verb into the outcome: X is the name, treatments.py trims the verb);
    None when it begins inside an outcome (an outcome is no intervention)."""
    first, last = span
    starts = [
        start for start, end in outcomes
        if start < last and first < end and not arm_in_outcome(low, (start, end), span, found)
    ]
    if not starts:
        return span
    cut = min(starts)
    while cut > first and low[cut - 1].isspace():
        cut -= 1
    return (first, cut) if cut > first else None


def _proper_names(learned: Sequence[TreatmentReading]) -> frozenset[str]:
    """The names of the treatments read (with the learned names) that identify one (specific anchors), written as
    proper names (_proper)."""
    return frozenset(
        m.name for treatment in learned for m in treatment.mentions if specific_anchors(m.anchors) and _proper(m.name)
    )


def _proper(name: str) -> bool:
    """Whether a name is written as a proper name, a short form or a code: with a capital or a digit ("LMQs",
    "Endobutton", "HPV16"). A common word the reader tags as given in one place ("maximum block") is as often a
    measure or a thing elsewhere."""
    return any(c.isupper() or c.isdigit() for c in name)


def _with_occurrences(text: str, found: Sequence[Span], names: AbstractSet[str]) -> list[Span]:
    """A statement's spans with every other occurrence of the names in a sentence that reports a test's result in
    numbers (a p-value, a confidence interval: where a trial names its arms), where no span covers it; in an order
    that does not depend on the set's (a longer name first), so the same input reads the same."""
    spans = list(found)
    low = text.lower()
    for name in sorted(names, key=lambda n: (-len(n), n)):  # a longer name before the names it holds
        for at, end in _occurrences(text, name):
            if (
                not any(first < end and at < last for first, last in spans)
                and _in_tested_sentence(low, at) and not _of_a_measure(low, at)
            ):
                spans.append((at, end))
    return spans


def _of_a_measure(low: str, at: int) -> bool:
    """Whether the name at position `at` of a lower-cased text is what a noun before "of" measures ("the procedural
    quality of X", "the duration of X"): the object of a measure, not an arm; but not what a word said only of
    something given heads ("the efficacy of X", "the use of X", "a dose of X")."""
    before = _OF_BEFORE.search(low, max(0, at - _OF_REACH), at)
    return before is not None and before.group(1) not in _GIVEN_BEFORE_OF


def _in_tested_sentence(low: str, at: int) -> bool:
    """Whether position `at` of a lower-cased text is in a sentence that reports a test's result in numbers."""
    for start, end in split_sentences(low):
        if start <= at < end:
            return TESTED_IN_NUMBERS.search(low, start, end) is not None
    return False


def _occurrences(text: str, name: str) -> Iterator[Span]:
    """Where a name stands in a text as a word of its own (the same case), a short form with or without its plural's
    "s" ("LMQ", "LMQs": one name, as abbreviations.short_key reads it)."""
    for spelling in short_form_spellings(name):
        at = text.find(spelling)
        while at >= 0:
            end = at + len(spelling)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                yield at, end
            at = text.find(spelling, end)


def short_form_spellings(name: str) -> tuple[str, ...]:
    """A name and, for a short form in capitals (one word, ending in a capital or a digit, or in a plural's "s" after
    one), its other number: "NSAID" and "NSAIDs", "ACEIs" and "ACEI"; any other name as written only."""
    if " " in name or len(name) < 2 or sum(c.isupper() for c in name) < 2:
        return (name,)
    singular = singular_short(name)
    if singular != name:
        return (name, singular)
    if name[-1].isupper() or name[-1].isdigit():
        return (name, name + "s")
    return (name,)


def _read_spans(text: str, pico: PicoTagger) -> list[Span]:
    """The PICO reader's intervention spans in a statement and the names framed as given (framed_names.py)."""
    found: list[Span] = [(span.start, span.end) for span in pico.intervention_spans(text)]
    found.extend(framed_name_spans(text))
    return found


def arm_in_outcome(low: str, outcome: Span, span: Span, found: Sequence[Span]) -> bool:
    """Whether a span that overlaps an outcome's phrase (low: the statement lower-cased; found: all the spans read in
    it) is an arm set against another, not the outcome: it begins after a preposition inside the phrase that places
    an arm, a determiner allowed between, and its sentence goes on to set something against it ("OLP for the i-gel
    was higher than for the LMA", "pain scores with ketamine versus ..."; not what was needed or measured: "the need
    for CPAP", "the time for recovery"); or the phrase is the span itself, opening its sentence, and another span
    follows a word that sets it against the first ("EDOF was better than AOMF": the subject of a comparison of
    arms; not "higher SVR compared with ...")."""
    stop = low.find(". ", span[1])
    rest = low[span[1] : stop if stop >= 0 else len(low)]
    if span[0] <= outcome[0]:
        if span[0] < outcome[0] or span[1] < outcome[1] or not _opens_sentence(low, span[0]):
            return False
        return any(
            span[1] < other[0] <= span[1] + len(rest)
            and not ARMS_SET_AGAINST.isdisjoint(low[span[1] : other[0]].split())
            for other in found
        )
    words = low[outcome[0] : span[0]].split()[-_ARM_REACH:]
    while words and words[-1] in DETERMINERS:
        words.pop()
    if len(words) < 2 or words[-1] not in ARM_PREPOSITIONS:
        return False
    return not ARMS_SET_AGAINST.isdisjoint(rest.split())


def _opens_sentence(low: str, at: int) -> bool:
    """Whether the words before position `at` in its sentence are none or a determiner: a name there is the subject
    ("EDOF was better than AOMF"), not what a comparative before it measures ("higher SVR compared with ...")."""
    opens = max(low.rfind(". ", 0, at) + 2, low.rfind("; ", 0, at) + 2, 0)
    return all(word in DETERMINERS for word in low[opens:at].split())


def _with_care_of_people(text: str, reread: TreatmentReading) -> TreatmentReading:
    """A learned reading with its sentences about people or a trial counted as founded as a result in numbers is
    (clinical_context.py). A learned name there that is a word for people ("the neonate") or what the people had
    ("subjects with X") says who they were, not what they were given: it is no mention."""
    cared = frozenset(care_of_people(text)).difference(reread.tested)
    if not cared:
        return reread
    low = lower_same_length(text)
    mentions = tuple(
        m for m in reread.mentions if m.sentence not in cared or not (says_who(low, m.name) or _listed_who(low, m.name))
    )
    return reread._replace(mentions=mentions, tested=tuple(sorted(cared.union(reread.tested))))


def _listed_who(low: str, name: str) -> bool:
    """Whether a name is an item of a list that follows "<people> with" ("subjects with HLA-B27, HLA-B57, or
    HLA-B5801"): each item says who the people were, as the first does (clinical_context.says_who). Not a name
    after "and" alone ("patients with IR and TA was effective"): that may begin a clause of its own."""
    at = low.find(name.lower())
    before = low[max(0, at - _LIST_REACH) : at] if at > 0 else ""
    listed = False  # a list has a comma: "with IR and TA was effective" joins two clauses
    for _ in range(_LIST_ITEMS):
        item = _ITEM_BEFORE.search(before)
        if item is None:
            return False
        listed = listed or "," in item.group()
        before = before[: item.start()]
        if PEOPLE_WITH.search(before[-_WHO_REACH:]) is not None:
            return listed
    return False
