"""The offline extractive engine: rules and small linear models, no network, deterministic."""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from summarizer.engines.base import EngineResult, Reading, ReadRequest
from summarizer.engines.extractive.reading import (
    ANNOTATOR_VERSION,
    EncoderMix,
    Resources,
    SentenceReading,
    annotate,
    contrast_quote,
    load_resources,
)
from summarizer.models import (
    AdverseEvent,
    Annotation,
    Certainty,
    CertaintyLevel,
    Efficacy,
    EfficacyAssessment,
    Finding,
    Outcome,
    Quote,
    Safety,
    SafetyAssessment,
    Statement,
    StatementType,
    Target,
)

INDIRECT_REASON = "indirect: evidence comes from citing statements, not from the trial data"
FEW_STATEMENTS = 5
FEW_PUBLICATIONS = 3
_LEVELS: tuple[CertaintyLevel, ...] = ("high", "moderate", "low", "very_low")
PARALLEL_MIN_STATEMENTS = 4000

_AnnotationJob = tuple[str, bool]  # text, read its stance?
_worker_resources: list[Resources] = []


class SentenceEncoder(Protocol):
    """What the engine needs of a sentence encoder (summarizer.encoder.SafetyEncoder)."""

    mix: EncoderMix
    name: str

    def probabilities(self, texts: Sequence[str]) -> list[float]: ...


def _init_worker(resources: Resources) -> None:
    # Runs in a forked child: the resources arrive by fork, not by pickling.
    _worker_resources.append(resources)


def _annotate_jobs(jobs: Sequence[_AnnotationJob], resources: Resources | None = None) -> list[SentenceReading]:
    res = resources if resources is not None else _worker_resources[0]
    return [annotate(text, resources_=res, read_stance=read_stance) for text, read_stance in jobs]


def _annotate_in_processes(jobs: list[_AnnotationJob], resources: Resources, workers: int) -> list[SentenceReading]:
    size = -(-len(jobs) // (workers * 4))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(resources,)) as pool:
        return [reading for part in pool.map(_annotate_jobs, chunks) for reading in part]


@dataclass(frozen=True)
class _Item:
    statement: Statement
    reading: SentenceReading


def _annotation(reading: SentenceReading, annotated_by: str) -> Annotation:
    return Annotation(
        topics=list(reading.topics),
        polarity=reading.polarity,
        annotated_by=annotated_by,
        adverse_events=list(reading.adverse_events),
        absent_events=list(reading.absent_events),
    )


def _quote(statement: Statement, text: str | None) -> Quote:
    """A quote of `text` if it is in the statement, otherwise of the whole statement."""
    if text and text in statement.text:
        return Quote(statement_id=statement.id, text=text)
    return Quote(statement_id=statement.id, text=statement.text)


def _statement_finding(item: _Item, claim: str, quote_text: str | None) -> Finding:
    """A finding resting on one statement, quoting the sentence that carries it."""
    return Finding(claim=claim, statement_ids=[item.statement.id], quotes=[_quote(item.statement, quote_text)])


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _join(names: Sequence[str], conjunction: str = "and") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _ids(items: Sequence[_Item]) -> str:
    return ", ".join(item.statement.id for item in items)


def _publications(items: Sequence[_Item]) -> int | None:
    keys = {
        (i.statement.citing.doi or "").lower() or (i.statement.citing.title or "").lower()
        for i in items
        if i.statement.citing.doi or i.statement.citing.title
    }
    return len(keys) if keys else None


def _certainty(items: Sequence[_Item], mixed: bool, topic: str) -> Certainty:
    """GRADE-style certainty: start low (indirect), downgrade for imprecision and inconsistency."""
    reasons = [INDIRECT_REASON]
    level = 2  # "low"
    n = len(items)
    pubs = _publications(items)
    if n == 0:
        reasons.append(f"imprecision: no statement addresses {topic}")
        level += 1
    elif n < FEW_STATEMENTS or (pubs is not None and pubs < FEW_PUBLICATIONS):
        where = f" from {pubs} citing publication{'s' if pubs != 1 else ''}" if pubs is not None else ""
        verb = "addresses" if n == 1 else "address"
        reasons.append(f"imprecision: only {n} statement{'s' if n != 1 else ''}{where} {verb} {topic}")
        level += 1
    if mixed:
        reasons.append(f"inconsistency: the statements disagree about {topic}")
        level += 1
    return Certainty(level=_LEVELS[min(level, 3)], reasons=reasons)


def _safety(items: Sequence[_Item]) -> Safety:
    concerns = [i for i in items if i.reading.safety_signal == "concern"]
    reassuring = [i for i in items if i.reading.safety_signal == "reassuring"]
    findings: list[Finding] = []
    events: dict[str, tuple[str, list[str]]] = {}
    for item in concerns:
        names = list(item.reading.adverse_events)
        for name in names:
            key = name.lower()
            if key not in events:
                events[key] = (name, [])
            ids = events[key][1]
            if not ids or ids[-1] != item.statement.id:  # items come in order: a repeat is the last one
                ids.append(item.statement.id)
        findings.append(
            _statement_finding(item, f"A citing statement reports {_join(names)}.", item.reading.safety_quote)
        )
    for item in reassuring:
        absent = list(item.reading.absent_events)
        claim = (
            f"A citing statement reports no {_join(absent, 'or')}."
            if absent
            else "A citing statement describes the intervention as safe or well tolerated."
        )
        findings.append(_statement_finding(item, claim, item.reading.safety_quote))
    assessment: SafetyAssessment
    if concerns and reassuring:
        assessment = "mixed"
    elif concerns:
        assessment = "concerns_reported"
    elif reassuring:
        assessment = "no_concerns_reported"
    else:
        assessment = "insufficient_evidence"
    total = len(items)
    if assessment == "insufficient_evidence":
        summary = f"None of the {total} statements reports on safety, so there is no evidence either way."
    else:
        addressing = len(concerns) + len(reassuring)
        parts = [f"{addressing} of {total} statements {_verb(addressing, 'addresses', 'address')} safety."]
        if reassuring:
            parts.append(f"{len(reassuring)} {_verb(len(reassuring), 'reassures', 'reassure')} ({_ids(reassuring)}).")
        if concerns:
            names = [name for name, _ in events.values()]
            reports = _verb(len(concerns), "reports", "report")
            parts.append(f"{len(concerns)} {reports} adverse events ({_ids(concerns)}): {_join(names[:8])}.")
        summary = " ".join(parts)
    return Safety(
        assessment=assessment,
        summary=summary,
        findings=findings,
        adverse_events=[AdverseEvent(name=name, statement_ids=ids) for name, ids in events.values()],
        certainty=_certainty([*concerns, *reassuring], assessment == "mixed", "safety"),
    )


def _outcome_claim(outcome: str, change: str, direction: str) -> str:
    if direction == "no_difference":
        return f"A citing statement reports no difference in {outcome} with the intervention."
    if change in ("increased", "decreased"):
        return f"A citing statement reports {outcome} {change} with the intervention ({direction} for the patient)."
    return f"A citing statement reports the intervention {direction} {outcome}."


def _efficacy(items: Sequence[_Item]) -> Efficacy:
    outcomes: list[Outcome] = []
    by_key: dict[tuple[str, str, str], Outcome] = {}
    used: list[_Item] = []
    for item in items:
        mentions = [m for m in item.reading.outcomes if m.direction != "unclear"]
        if mentions:
            used.append(item)
        for mention in mentions:
            key = (mention.outcome.lower(), mention.direction, mention.change)
            quote = _quote(item.statement, mention.quote)
            existing = by_key.get(key)
            if existing is not None:
                if existing.statement_ids[-1] != item.statement.id:
                    existing.statement_ids.append(item.statement.id)
                    existing.quotes.append(quote)
                continue
            outcome = Outcome(
                outcome=mention.outcome,
                direction=mention.direction,
                change=mention.change,
                claim=_outcome_claim(mention.outcome, mention.change, mention.direction),
                statement_ids=[item.statement.id],
                quotes=[quote],
            )
            by_key[key] = outcome
            outcomes.append(outcome)
    directions = {o.direction for o in outcomes}
    assessment: EfficacyAssessment
    good = "improved" in directions
    bad = "worsened" in directions
    none = "no_difference" in directions
    if good and (bad or none):
        assessment = "mixed"
    elif good:
        assessment = "benefit_reported"
    elif bad:
        assessment = "harm_reported"
    elif none:
        assessment = "no_benefit_reported"
    else:
        assessment = "insufficient_evidence"
    total = len(items)
    if assessment == "insufficient_evidence":
        summary = f"None of the {total} statements reports an outcome of the intervention."
    else:
        parts = [f"{len(used)} of {total} statements {_verb(len(used), 'reports', 'report')} outcomes ({_ids(used)})."]
        for label, verb in (("improved", "improved"), ("worsened", "worsened"), ("no_difference", "unchanged")):
            names = [o.outcome for o in outcomes if o.direction == label]
            if names:
                parts.append(f"Reported as {verb}: {_join(names[:8])}.")
        summary = " ".join(parts)
    return Efficacy(
        assessment=assessment,
        summary=summary,
        outcomes=outcomes,
        certainty=_certainty(used, assessment == "mixed", "efficacy"),
    )


def _contrasting(items: Sequence[_Item], types: dict[str, StatementType]) -> list[Finding]:
    findings = []
    for item in items:
        contrasting = types.get(item.statement.id) == "contrasting"
        if not (contrasting or item.reading.questions_cited_work):
            continue
        claim = (
            "A citing statement contrasts its findings with the cited work."
            if contrasting
            else "A citing statement questions the cited work's claims."
        )
        findings.append(
            _statement_finding(item, claim, item.reading.stance_quote or contrast_quote(item.statement.text))
        )
    return findings


class ExtractiveEngine:
    """Rules and small linear models over each statement; sections drawn from counts and quotes."""

    name = "extractive"

    def __init__(
        self, workers: int = 1, resources: Resources | None = None, encoder: SentenceEncoder | None = None
    ) -> None:
        self.workers = max(1, workers)
        self.encoder = encoder
        suffix = f"+{encoder.name}" if encoder is not None else ""
        self.version = ANNOTATOR_VERSION + suffix
        self.annotated_by = f"extractive-{ANNOTATOR_VERSION}{suffix}"
        resources = resources if resources is not None else load_resources()
        if encoder is not None:
            resources = dataclasses.replace(resources, encoder_mix=encoder.mix)
        self._resources = resources

    def _with_encoder(
        self, readings: list[SentenceReading], texts: Sequence[str], reread: Callable[[int, float], SentenceReading]
    ) -> None:
        """Re-read, with the encoder's probability, the statements that could report an adverse effect."""
        if self.encoder is None:
            return
        candidates = [i for i, reading in enumerate(readings) if reading.ade_candidate]
        if not candidates:
            return
        probabilities = self.encoder.probabilities([texts[i] for i in candidates])
        for i, probability in zip(candidates, probabilities, strict=True):
            readings[i] = reread(i, probability)

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences one by one, as `run` annotates statements."""

        def read_one(i: int, probability: float | None = None) -> SentenceReading:
            request = requests[i]
            return annotate(
                request.text,
                outcome=request.outcome,
                intervention=request.intervention,
                comparator=request.comparator,
                resources_=self._resources,
                encoder_probability=probability,
            )

        sentence_readings = [read_one(i) for i in range(len(requests))]
        self._with_encoder(sentence_readings, [request.text for request in requests], read_one)
        readings = []
        for request, reading in zip(requests, sentence_readings, strict=True):
            readings.append(
                Reading(
                    id=request.id,
                    annotation=_annotation(reading, self.annotated_by),
                    stance=reading.stance,
                    change=reading.change,
                )
            )
        return readings

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Annotate every statement, infer missing types, and draw the safety, efficacy and contrasting sections."""
        jobs = [(s.text, s.type == "unclassified") for s in statements]
        parallel = (
            self.workers > 1
            and len(jobs) >= PARALLEL_MIN_STATEMENTS
            and "fork" in multiprocessing.get_all_start_methods()
        )
        if parallel:
            readings = _annotate_in_processes(jobs, self._resources, self.workers)
        else:
            readings = _annotate_jobs(jobs, self._resources)

        def reread(i: int, probability: float) -> SentenceReading:
            text, read_stance = jobs[i]
            return annotate(text, resources_=self._resources, read_stance=read_stance, encoder_probability=probability)

        self._with_encoder(readings, [text for text, _ in jobs], reread)
        items = [_Item(s, r) for s, r in zip(statements, readings, strict=True)]
        inferred: dict[str, StatementType] = {
            i.statement.id: i.reading.stance for i in items if i.statement.type == "unclassified"
        }
        types = {i.statement.id: inferred.get(i.statement.id, i.statement.type) for i in items}
        return EngineResult(
            annotations=[_annotation(i.reading, self.annotated_by) for i in items],
            inferred_types=inferred,
            safety=_safety(items),
            efficacy=_efficacy(items),
            contrasting=_contrasting(items, types),
        )
