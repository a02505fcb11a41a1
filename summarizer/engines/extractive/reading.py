"""Per-statement reading for the extractive engine: topics, polarity, adverse events, stance and change.

Rules find the cues (negation scopes, adverse-event names, outcome phrases, direction words); three small
logistic-regression models over word n-grams and those cues (weights in data/*.json, trained by training.py through
scripts/train_extractive.py) decide the stance, whether a sentence reports an adverse effect, and the change of a
named outcome. Without the weight files the rules alone decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from summarizer.engines.extractive.arm_rates import comparator_highest
from summarizer.engines.extractive.changed_events import named_as_event
from summarizer.engines.extractive.cues import (
    CONTRAST_CUES,
    DIR_WORDS,
    EFFICACY_WORDS,
    HEAD,
    LIST_HEAD_WORDS,
    NO_DIFFERENCE,
    OUR_STUDY,
    OURS_WORDS,
    QUESTIONS_CLAIM,
    REASSURING,
    SAFETY_OUTCOME,
    SAFETY_WORDS,
    SUPPORT_CUES,
    is_cause_word,
)
from summarizer.engines.extractive.event_measures import measured_not_occurring, names_a_measure
from summarizer.engines.extractive.event_scope import (
    drug_spans,
    not_absent,
    not_named_events,
    unsettled_ranges,
    unsettled_sentences,
)
from summarizer.engines.extractive.events import (
    event_names,
    event_names_at,
    general_harms,
    harm_span,
    is_harm_name,
    listed_absent_events,
    names_overlap,
    negated_comparisons,
    negated_tails,
    occurring_spans,
    treatment_event,
    with_limiting_qualifier,
)
from summarizer.engines.extractive.fallback_events import fallback_event_spans, only_patients_disease
from summarizer.engines.extractive.features import ade_features, efficacy_features, stance_features
from summarizer.engines.extractive.numeric_results import NumericResult
from summarizer.engines.extractive.outcomes import OutcomeMention, find_outcomes_and_numbers, outcome_direction
from summarizer.engines.extractive.resources import Resources, load_resources
from summarizer.engines.extractive.scan import NAME_MASKS, Ranges, Scan, merge_spans, within
from summarizer.engines.extractive.target_polarity import cues as polarity_cues
from summarizer.engines.extractive.tokenise import Span, lower_same_length, split_sentences
from summarizer.engines.extractive.treatment_mention import TreatmentReading
from summarizer.engines.extractive.treatments import read_treatments
from summarizer.models import Change, Direction, Polarity, Stance, Topic

ANNOTATOR_VERSION = "1"
SafetySignal = Literal["concern", "reassuring", "none"]


@dataclass(frozen=True)
class SentenceReading:
    """Everything the extractive engine reads in one statement."""

    topics: tuple[Topic, ...]
    polarity: Polarity
    adverse_events: tuple[str, ...]
    absent_events: tuple[str, ...]
    stance: Stance
    change: Change
    direction: Direction
    outcomes: tuple[OutcomeMention, ...] = ()
    safety_signal: SafetySignal = "none"
    safety_quote: str | None = None
    stance_quote: str | None = None
    questions_cited_work: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    # whether the statement could report an adverse effect (it names a drug, an effect or a harm), so that the
    # adverse-effect model (and a sentence encoder, when one is used) decides
    ade_candidate: bool = False
    # the sentence (index in the statement) of each adverse event, in the order of adverse_events
    event_sentences: tuple[int, ...] = ()
    safety_sentence: int | None = None
    treatment: TreatmentReading = field(default_factory=TreatmentReading)
    # adverse events reported as an outcome that fell or did not differ ("fewer serious adverse events")
    safety_outcomes: tuple[OutcomeMention, ...] = ()
    # harms reported by their general name ("adverse events occurred in 12 patients"), with their sentences: no
    # adverse effect for the sentence-level task, but a concern in a brief (events.general_harms)
    general_harms: tuple[tuple[str, int], ...] = ()
    # whether the statement may say what an outcome is to the patient ("prevents migraine"): the efficacy section
    # searches only these for the target's own polarity of an outcome (target_polarity.py)
    polarity_cues: bool = False

    def __reduce__(self) -> tuple[type[SentenceReading], tuple[object, ...]]:
        # pickled as its fields, in order (readings come back from the engine's worker processes): compiled by mypyc,
        # a frozen dataclass cannot be unpickled by setting its fields one by one (tests/test_reading_pickle.py)
        return (
            SentenceReading,
            (
                self.topics,
                self.polarity,
                self.adverse_events,
                self.absent_events,
                self.stance,
                self.change,
                self.direction,
                self.outcomes,
                self.safety_signal,
                self.safety_quote,
                self.stance_quote,
                self.questions_cited_work,
                self.scores,
                self.ade_candidate,
                self.event_sentences,
                self.safety_sentence,
                self.treatment,
                self.safety_outcomes,
                self.general_harms,
                self.polarity_cues,
            ),
        )


def _rule_stance(low: str) -> Stance:
    ours = OUR_STUDY.search(low) is not None
    if ours and CONTRAST_CUES.search(low):
        return "contrasting"
    if ours and SUPPORT_CUES.search(low):
        return "supporting"
    return "mentioning"


def _rule_change(low: str) -> Change:
    if NO_DIFFERENCE.search(low):
        return "no_difference"
    labels = {label for label, regex in DIR_WORDS if regex.search(low)}
    if "increased" in labels and "decreased" not in labels:
        return "increased"
    if "decreased" in labels and "increased" not in labels:
        return "decreased"
    return "unclear"


def _argmax(probs: dict[str, float]) -> str:
    return max(probs, key=probs.__getitem__)


def shown_stance(reading: SentenceReading, contrasting_min: float | None) -> Stance:
    """The type a brief shows for an unclassified statement: the reading's stance, but `contrasting` only where the
    stance model gave it a probability of at least contrasting_min (where the model's out-of-fold precision for it
    reaches 0.8; None: never, and never for a rule's guess, whose precision is unmeasured). A statement wrongly shown
    as contrasting is worse than one left `mentioning`, since each becomes a finding of the brief. The reading's own
    stance, which `summarizer eval --task stance` scores, is the model's likeliest label."""
    if reading.stance != "contrasting":
        return reading.stance
    probability = reading.scores.get("stance:contrasting")
    if contrasting_min is None or probability is None or probability < contrasting_min:
        return "mentioning"
    return "contrasting"


def annotate(
    text: str,
    outcome: str | None = None,
    intervention: str | None = None,
    comparator: str | None = None,
    resources_: Resources | None = None,
    read_stance: bool = True,
    encoder_probability: float | None = None,
) -> SentenceReading:
    """Read one statement: topics, polarity, adverse events (occurred / absent), stance and change.

    With read_stance=False (the statement's type is already known) the stance is not read and is "mentioning".
    encoder_probability is a sentence encoder's P(adverse effect); resources_.encoder_mix says how it counts.
    """
    res = resources_ or load_resources()
    scan = Scan(text, res)
    low = scan.low
    scores: dict[str, float] = {}

    stance: Stance
    if not read_stance:
        stance = "mentioning"
    elif res.stance is not None:
        probs = res.stance.probabilities(stance_features(text, scan))
        stance = _argmax(probs)  # type: ignore[assignment]
        scores.update({f"stance:{k}": v for k, v in probs.items()})
    else:
        stance = _rule_stance(low)

    # adverse events: named as occurring (model says a harm is reported), or only as absent (negated)
    harm_words = any(map(HEAD, scan.word_values)) or not LIST_HEAD_WORDS.isdisjoint(scan.toks)
    if scan.event_spans or harm_words:
        negated, reduced = scan.negated, scan.reduced
        tails = negated_tails(scan) if scan.forward else []
        compared = Ranges(negated_comparisons(scan, tails))
        absent_spans = merge_spans(
            [s for s in scan.event_spans if within(s, negated) and not within(s, compared)]
            + listed_absent_events(scan, tails)
        )
        failed = not_absent(scan, absent_spans) if absent_spans else []  # "did not reduce death": no reassurance
        unsettled = Ranges(unsettled_ranges(scan))  # "an association ... has not been established": no event
    else:
        negated, reduced, absent_spans, failed, unsettled = Ranges(), Ranges(), [], [], Ranges()
    absent = Ranges(absent_spans)
    present_spans = [
        s for s in scan.event_spans
        if not within(s, negated) and not within(s, reduced) and not within(s, absent) and not within(s, unsettled)
    ]
    if failed or unsettled.spans:
        hedged = Ranges(unsettled_sentences(scan, unsettled.spans))
        absent_spans = [s for s in absent_spans if s not in failed and not within(s, hedged)]
    # the model runs only when something could be named: a drug, an effect, a harm word or "X-induced"-like word
    candidate = (
        bool(scan.event_spans) or harm_words or not NAME_MASKS.isdisjoint(scan.masked)
        or any(map(is_cause_word.__getitem__, scan.toks))
    )
    if res.ade is not None:
        p_ade = res.ade.probabilities(ade_features(text, res, scan))["adverse_effect"] if candidate else 0.0
    else:
        p_ade = 1.0 if present_spans and any(kind == "DRUG" for kind, _ in scan.mask_spans) else 0.0
    threshold = res.ade_threshold
    if res.encoder_mix is not None and encoder_probability is not None:
        threshold = res.encoder_mix.threshold
        if candidate:
            p_ade = res.encoder_mix.weight * encoder_probability + (1.0 - res.encoder_mix.weight) * p_ade
    scores["ade"] = p_ade
    # the rule stands even when the encoder doubts: the ADE corpus wants a named drug, but "developed a rash after
    # the infusion" is a safety signal in a statement about a treatment
    reports_event = p_ade >= threshold or treatment_event(scan, present_spans)
    if reports_event and (not present_spans or only_patients_disease(text, present_spans)):  # fallback_events.py
        # the fallback's names, less a harm a verb of reduction lowers and a trial's or a drug's name (only taken
        # away, never passed on: the fallback then names no other word)
        named = fallback_event_spans(scan, absent_spans, past_own=bool(present_spans))
        not_named = Ranges([*failed, *unsettled.spans, *not_named_events(scan), *drug_spans(scan)]) if named else None
        present_spans = [s for s in named if not_named is None or not within(s, not_named)]
    if reports_event:
        present_spans = measured_not_occurring(low, occurring_spans(scan, present_spans))
    if "%" in low:  # an event's rates listed per arm, the comparator's the highest: no concern of the intervention
        present_spans = [s for s in present_spans if not comparator_highest(low, *scan.sentence_at(s[0]))]
    adverse_events = event_names(text, present_spans) if reports_event else ()
    absent_events = event_names(text, with_limiting_qualifier(text, absent_spans)) if absent_spans else ()

    outcomes: tuple[OutcomeMention, ...] = ()
    numbers: list[NumericResult] | None = None  # the comparisons in numbers, where the outcome reader read them
    change: Change
    direction: Direction
    if outcome or intervention or comparator:
        if res.efficacy is not None:
            probs = res.efficacy.probabilities(efficacy_features(text, intervention, comparator, outcome))
            change = _argmax(probs)  # type: ignore[assignment]
            scores.update({f"change:{k}": v for k, v in probs.items()})
        else:
            change = _rule_change(low)
        direction = outcome_direction(outcome or "", change, res.polarity)
    else:
        found, numbers = find_outcomes_and_numbers(text, scan)
        outcomes = tuple(m for m in found if not names_overlap(m.outcome, absent_events) and not (
            adverse_events and named_as_event(m.outcome, adverse_events)  # "increased ocular pressure": the event
        ))
        changes = {m.change for m in outcomes}
        change = changes.pop() if len(changes) == 1 else "unclear"
        directions = {m.direction for m in outcomes}
        direction = directions.pop() if len(directions) == 1 else "unclear"
    # adverse events as an outcome ("serious adverse events were fewer with X than with placebo") speak to safety:
    # fewer or no more of them reassure, more of them are a concern, named as the outcome names them
    safety_outcomes = tuple(m for m in outcomes if SAFETY_OUTCOME.search(m.outcome.lower()))
    reassuring_outcomes = tuple(m for m in safety_outcomes if m.change in ("decreased", "no_difference"))
    # harms by their general name, unless the sentence reads them as an outcome compared between the arms
    general = () if reports_event or safety_outcomes else general_harms(scan, present_spans)
    if general and "%" in low:
        general = tuple(g for g in general if not comparator_highest(low, *scan.sentences()[g[1]]))
    # an outcome that is a harm and increased ("increased risk of secondary infections") is an adverse event
    harms = [m for m in outcomes if m.change == "increased" and m.direction == "worsened" and (
        is_harm_name(m.outcome) or m in safety_outcomes
    ) and not names_a_measure(m.outcome.lower())]
    if unsettled.spans:  # "whether X raises the risk of Y is unknown": neither a harm nor a result
        outcomes = tuple(m for m in outcomes if m not in harms or not unsettled.holds(m.start))
        harms = [m for m in harms if not unsettled.holds(m.start)]
    harm_spans: list[tuple[int, int]] = []
    if safety_outcomes:
        outcomes = tuple(m for m in outcomes if m not in safety_outcomes)
    if harms:
        outcomes = tuple(m for m in outcomes if m not in harms)
        harm_spans = [harm_span(m.outcome, m.start) for m in harms]
        if not adverse_events:
            present_spans = harm_spans
        adverse_events = tuple(dict.fromkeys([*adverse_events, *event_names(text, harm_spans)]))

    safety_cue = not SAFETY_WORDS.isdisjoint(scan.ngram_set)
    reassuring_match = REASSURING.search(low) if safety_cue else None
    if reassuring_outcomes:
        safety_cue = True
    safety_signal: SafetySignal = "none"
    safety_quote = None
    safety_sentence = None
    event_sentences: tuple[int, ...] = ()
    if adverse_events:
        safety_signal = "concern"
        safety_quote = scan.sentence_text(present_spans[0][0])
        safety_sentence = scan.sentence_index(present_spans[0][0])
        first_at = {name.lower(): start for name, start in event_names_at(text, [*present_spans, *harm_spans])}
        event_sentences = tuple(scan.sentence_index(first_at.get(name.lower(), 0)) for name in adverse_events)
    elif absent_events or reassuring_match or reassuring_outcomes:
        safety_signal = "reassuring"
        if absent_spans:
            where = absent_spans[0][0]
        elif reassuring_outcomes:
            where = reassuring_outcomes[0].start
        else:
            where = reassuring_match.start()  # type: ignore[union-attr]
        safety_quote = scan.sentence_text(where)
        safety_sentence = scan.sentence_index(where)
    safety_topic = safety_signal != "none" or safety_cue

    efficacy_topic = bool(outcomes) or bool(outcome) or (
        not safety_topic and not EFFICACY_WORDS.isdisjoint(scan.ngram_set)
    )

    topics: list[Topic] = []
    if safety_topic:
        topics.append("safety")
    if efficacy_topic:
        topics.append("efficacy")
    if not topics:
        topics.append("other")

    ours = not OURS_WORDS.isdisjoint(scan.ngram_set)
    questions = ours and QUESTIONS_CLAIM.search(low) is not None
    stance_quote = None
    if stance != "mentioning" or questions:
        cue = SUPPORT_CUES.search(low) if stance == "supporting" else CONTRAST_CUES.search(low)
        if cue is None and questions:
            cue = QUESTIONS_CLAIM.search(low)
        stance_quote = scan.sentence_text(cue.start()) if cue else None
    treatment = _read_treatments(scan, outcomes, event_sentences, safety_signal, safety_sentence, numbers=numbers)
    return SentenceReading(
        topics=tuple(topics),
        polarity=_polarity(safety_signal, outcomes, direction if outcome else None),
        adverse_events=adverse_events,
        absent_events=absent_events,
        stance=stance,
        change=change,
        direction=direction,
        outcomes=outcomes,
        safety_signal=safety_signal,
        safety_quote=safety_quote,
        stance_quote=stance_quote,
        questions_cited_work=questions,
        scores=scores,
        ade_candidate=candidate,
        event_sentences=event_sentences,
        safety_sentence=safety_sentence,
        treatment=treatment,
        safety_outcomes=reassuring_outcomes if safety_signal == "reassuring" else (),
        general_harms=general,
        polarity_cues=polarity_cues(scan.toks, low),
    )


def _read_treatments(
    scan: Scan,
    outcomes: Sequence[OutcomeMention],
    event_sentences: Sequence[int],
    safety_signal: SafetySignal,
    safety_sentence: int | None,
    learned: Sequence[Span] = (),
    numbers: Sequence[NumericResult] | None = None,
) -> TreatmentReading:
    """The statement's treatments, with the sentences of its outcomes, events and reassurance as what they report
    (numbers: the scan's comparisons in numbers, where already read)."""
    return read_treatments(
        scan,
        scan.tags[0] if scan.tags is not None else None,
        [m.sentence for m in outcomes if m.direction != "worsened" and not m.direction == m.change == "unclear"],
        [*event_sentences, *(m.sentence for m in outcomes if m.direction == "worsened")],
        [safety_sentence] if safety_signal == "reassuring" and safety_sentence is not None else [],
        event_sentences,
        learned,
        numbers,
    )


def reread_treatments(
    text: str, reading: SentenceReading, learned: Sequence[Span], resources_: Resources | None = None
) -> TreatmentReading:
    """A statement's treatments read again with the names another reader found in it (character spans), what its
    sentences report taken from its reading."""
    scan = Scan(text, resources_ or load_resources())
    return _read_treatments(
        scan, reading.outcomes, reading.event_sentences, reading.safety_signal, reading.safety_sentence, learned
    )


def contrast_quote(text: str) -> str | None:
    """The sentence of a statement that carries a contrast or questioning cue, if any."""
    low = lower_same_length(text)
    cue = CONTRAST_CUES.search(low) or QUESTIONS_CLAIM.search(low)
    if cue is None:
        return None
    for start, end in split_sentences(text):
        if start <= cue.start() < end:
            return text[start:end].strip()
    return None


def _polarity(
    safety_signal: SafetySignal, outcomes: Sequence[OutcomeMention], direction: Direction | None
) -> Polarity:
    signs: set[Polarity] = set()
    if safety_signal == "concern":
        signs.add("unfavourable")
    elif safety_signal == "reassuring":
        signs.add("favourable")
    directions = {m.direction for m in outcomes}
    if direction is not None:
        directions.add(direction)
    if "improved" in directions:
        signs.add("favourable")
    if "worsened" in directions or "no_difference" in directions:
        signs.add("unfavourable")
    if not signs:
        return "neutral"
    if len(signs) > 1:
        return "unclear"
    return signs.pop()
