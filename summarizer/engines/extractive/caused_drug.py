"""A case report's drug: the one its sentences name where the patient had an adverse event.

A case report tells of one patient (or a few) and one harm, and often names the drug once or twice: in a title
("Reversible X due to long-term oral D therapy", "D-induced X"), in the history ("developed X shortly after a course
of D", "X during D exposure"). The target profile asks a treatment for attributions in a share of the statements
(target_profile.min_attributed: a tenth of them, between 1 and 2), which a report of eleven or more sentences that
names its drug in one sentence does not meet. When no treatment qualifies by that rule nor by the trial's rules, and
few statements cite a work (a citing paper's words may speak of any drug of any work), the drug that the most
statements name in a sentence reporting the patient's adverse event is the report's intervention. A drug is a name
of the drug lexicon (learned from the adverse-effect corpus) or a word of a class of things given; in a case report
"exposure to D" of such a drug is its being given (the exposure frame is for smoking, pollution and the like).

Two readings are not a drug's cause: a drug named only as what another arm is compared against, and a drug named as
the treatment of an event the sentence names ("treatment of antibiotic-associated colitis with D", "the rash was
treated with D", "the seizures responded to D", "D-induced E treated with C", "C ameliorated his E"): the patient was
given the drug for the harm, not harmed by it.
A statement that advises ("users of D who develop a fever should be screened") reports no harm the patient had.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from summarizer.citations import count_citations
from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.evidence import CELL_LEVEL
from summarizer.engines.extractive.patients_disease import TREATED_WITH, treated_after
from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.treatment_mention import TreatmentMention, is_given_class
from summarizer.engines.extractive.treatment_names import MODIFIED_CLASSES, names_comparator

__all__ = ["caused_counts", "most_caused", "only_caused_drug", "treats_the_event"]

# what says, right before a drug's name, that it was given for an event named earlier in the sentence: "treatment
# of E with", "E was (successfully) treated with", "E responded to", "E resolved with", "complete recovery (from E)
# with" or "following treatment with" (a list: "with A, B"), "E resolved after administration of" (not "who was
# treated with D", which says who the patients were: they may have had E after D; nor "E resolved after
# discontinuation of D", a dechallenge, which names the cause)
_TREATS_BEFORE = re.compile(
    r"(?:\b(?:treatment|management|therapy)\s+(?:of|for)\b[^.;:]*?\bwith"
    rf"|(?<!who\s)(?<!that\s)(?<!which\s)\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?{TREATED_WITH}"
    r"|\b(?:responded|responding|resolved|improved)\s+(?:\w+ly\s+)?(?:to|with|on)"
    r"|\b(?:recovery|recovered|remission)\b[^.;:]{0,60}?\b(?:with|following\s+(?:treatment|therapy)\s+with)"
    r"(?:\s+[\w\-]+,)*"
    r"|\b(?:resolved|improved|recovered|disappeared|subsided)\s+(?:\w+ly\s+)?(?:after|following)\s+(?:the\s+)?"
    r"(?:administration|injection|infusion|initiation|treatment|therapy)\s+(?:of|with))"
    r"\s+(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)
_REACH = 120
# at most three words (the drug's qualifiers: "oral", "high-dose") between the words that say an event was treated
# (patients_disease.treated_after) and the drug: "E (grade 3) treated with oral D"
_DRUGS_QUALIFIERS = re.compile(r"(?:[\w\-]+\s+){0,3}")
# the drug as the subject of the event's going away, the event named after it: "D (25 mg) ameliorated his E"
_RELIEVES_AFTER = re.compile(
    r"[\w\-]*(?:\s+[\w\-().,/]+){0,3}?\s+(?:ameliorated|relieved|alleviated|reversed|resolved|abolished)"
    r"(?:\s+[\w\-]+){0,3}\s+$",
    re.IGNORECASE,
)
_RELIEF_REACH = 80
# a recommendation, not a report of what the patient had: "users of D who develop a fever should be screened"
_ADVISED = re.compile(r"\b(?:should|must|ought\s+to|(?:is|are)\s+(?:recommended|advised))\b", re.IGNORECASE)
# the share of the statements that may cite a work (a date, "in May 1998", reads as an author-year citation): a
# citing paper's statements nearly all cite one
CITED_SHARE = 0.25
_BEFORE_EVENT = 50  # "treatment of antibiotic-associated colitis": the treatment word and the event's qualifiers
_GENERIC = MODIFIED_CLASSES | {"administration"}


def treats_the_event(text: str, events: Sequence[str], drug_at: int) -> bool:
    """Whether the drug named at drug_at is given for an event (of `events`) of its sentence: named before it ("E was
    treated with D", "E treated with D") or after it, as what the drug relieved ("D ameliorated his E")."""
    sentence_start = max(text.rfind(". ", 0, drug_at), text.rfind("; ", 0, drug_at)) + 1
    low = text.lower()
    first_event = min(
        (at for at in (low.find(event.lower(), sentence_start, drug_at) for event in events) if at >= 0),
        default=-1,
    )
    if first_event < 0:
        return _relieves_an_event(text, events, drug_at)
    # "treatment of E with D": the treatment word may come right before the event's name
    window = max(sentence_start, first_event - _BEFORE_EVENT, drug_at - _REACH)
    if _TREATS_BEFORE.search(text, window, drug_at) is not None:
        return True
    return _treated_right_after_event(low, events, sentence_start, drug_at) or _relieves_an_event(text, events, drug_at)


def _treated_right_after_event(low: str, events: Sequence[str], sentence_start: int, drug_at: int) -> bool:
    """Whether an event's name is followed by "treated with" and then the drug ("E treated with D")."""
    for event in events:
        at = low.find(event.lower(), sentence_start, drug_at)
        while at >= 0:
            end = at + len(event)
            treated = treated_after(low, end, drug_at, reversed_too=True)
            if treated is not None and _DRUGS_QUALIFIERS.fullmatch(low, treated.end(), drug_at) is not None:
                return True
            at = low.find(event.lower(), end, drug_at)
    return False


def _relieves_an_event(text: str, events: Sequence[str], drug_at: int) -> bool:
    """Whether the drug named at drug_at is the subject of a verb of relief whose object is an event named after it
    in its sentence ("D ameliorated his E")."""
    sentence_end = len(text)
    for stop in (". ", "; "):
        found = text.find(stop, drug_at)
        if found >= 0:
            sentence_end = min(sentence_end, found)
    low = text.lower()
    for event in events:
        at = low.find(event.lower(), drug_at, min(sentence_end, drug_at + _RELIEF_REACH))
        if at > drug_at and _RELIEVES_AFTER.match(text, drug_at, at) is not None:
            return True
    return False


def _drug(anchor: str, res: Resources) -> bool:
    return anchor in res.drugs.terms or (is_given_class(anchor) and anchor not in _GENERIC)


def _caused_anchors(reading: SentenceReading, text: str, res: Resources) -> set[str]:
    """The drugs a statement names in a sentence that reports the patient's adverse event, not as its treatment."""
    events = frozenset(reading.event_sentences)
    found: set[str] = set()
    for mention in reading.treatment.mentions:
        if mention.sentence not in events or mention.reference_frame:
            continue
        drugs = [a for a in mention.anchors if _drug(a, res) and not names_comparator(a)]
        if drugs and not _the_events_treatment(text, reading.adverse_events, mention):
            found.update(drugs)
    return found


def _about_people(text: str) -> bool:
    """Whether a statement has no cue of a study in animals or cells: with no design read, basic science names the
    causes of effects in cells and animals as a case report does in its patient."""
    return CELL_LEVEL.search(text) is None and not about_animals_or_cells(text)


def _the_events_treatment(text: str, events: Sequence[str], mention: TreatmentMention) -> bool:
    at = text.find(mention.name)
    return at > 0 and treats_the_event(text, events, at)


def caused_counts(
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
    res: Resources,
    design: str | None,
    excluded: AbstractSet[str] = frozenset(),
) -> Counter[str]:
    """How many statements name each drug where the patient had an adverse event (not as the event's treatment),
    when at most CITED_SHARE of the statements cite a work; empty when the statements are not a case report's
    (another design). With no design read, a statement with cues of animals or cells names no such drug."""
    caused: Counter[str] = Counter()
    if design not in (None, "case_report") or not texts:
        return caused
    for reading, text in zip(readings, texts, strict=True):
        if not (reading.event_sentences and reading.treatment.mentions) or _ADVISED.search(text) is not None:
            continue
        if design is not None or _about_people(text):
            caused.update(_caused_anchors(reading, text, res) - excluded)
    # the citations are counted last, and only when a drug was found: most sets of statements name none
    if caused and _cite_too_many(texts):
        return Counter()
    return caused


def _cite_too_many(texts: Sequence[str]) -> bool:
    """Whether more than CITED_SHARE of the statements cite a work: a citing paper's statements, not a report's."""
    allowed = CITED_SHARE * len(texts)
    citing = 0
    for text in texts:
        if count_citations(text) > 0:
            citing += 1
            if citing > allowed:
                return True
    return False


def only_caused_drug(
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
    res: Resources,
    design: str | None,
    excluded: AbstractSet[str] = frozenset(),
) -> str | None:
    """The anchor of the drug the most statements name where the patient had an adverse event (caused_counts); of
    drugs named as often, the one the statements name most, then the first named. None when there is none."""
    caused = caused_counts(readings, texts, res, design, excluded)
    return most_caused(caused, readings, texts, res)


def most_caused(
    caused: Counter[str], readings: Sequence[SentenceReading], texts: Sequence[str], res: Resources
) -> str | None:
    """Of the drugs counted (caused_counts), the one the most statements name with the harm; then the one the
    statements name most, a drug of the lexicon, the first named. None when none is counted."""
    if not caused:
        return None
    named: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for index, (reading, text) in enumerate(zip(readings, texts, strict=True)):
        anchors = {a for m in reading.treatment.mentions for a in m.anchors if a in caused}
        if not anchors:
            continue
        low = text.lower()  # of the few statements that name a counted drug only
        for anchor in anchors:
            named[anchor] += 1
            first.setdefault(anchor, (-index, -low.find(anchor)))
    return max(sorted(caused), key=lambda a: (caused[a], named[a], a in res.drugs.terms, first.get(a, (0, 0))))
