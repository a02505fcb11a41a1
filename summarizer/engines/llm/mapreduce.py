"""Map-reduce for inputs over one call's budget: annotate and draw findings per group, then merge them in levels."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.engines.base import Reading, ReadRequest
from summarizer.engines.llm.checks import assign_annotations, schema_errors
from summarizer.engines.llm.dialects import bounds_for
from summarizer.engines.llm.fallback import extractive_readings
from summarizer.engines.llm.packing import GreedyPacker, pack
from summarizer.engines.llm.prompts import (
    MAP_TEMPLATE,
    REDUCE_TEMPLATE,
    StatementView,
    compact_json,
    neutralise,
    restore_quotes,
)
from summarizer.engines.llm.schemas import AnnotationOut, ChunkOutput, InterventionName, SectionsOutput, answer_data
from summarizer.engines.llm.sections import empty_sections
from summarizer.engines.llm.session import Request, Session
from summarizer.engines.llm.structured import ask, outcome_warning
from summarizer.engines.llm.tokens import TokenEstimator
from summarizer.errors import NoValidOutputError
from summarizer.grounding import ground_adverse_events, ground_findings
from summarizer.models import AdverseEvent, Finding, Intervention, Outcome

PART_SEPARATOR_TOKENS = 8  # what a reduce prompt spends around each part


@dataclass
class Partial:
    """Findings of a group of statements (map) or merged sections (reduce), as input to the next reduce."""

    safety_findings: list[Finding] = field(default_factory=list)
    adverse_events: list[AdverseEvent] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    contrasting: list[Finding] = field(default_factory=list)
    intervention: str | None = None
    sections: SectionsOutput | None = None

    def is_empty(self) -> bool:
        """True when there is nothing to merge."""
        return self.sections is None and not (
            self.safety_findings or self.adverse_events or self.outcomes or self.contrasting
        )

    def prompt_text(self) -> str:
        """The partial as compact JSON data for the reduce prompt."""
        if self.sections is not None:
            return neutralise(compact_json(answer_data(self.sections)))
        data = {
            "intervention": self.intervention,
            "safety_findings": [answer_data(f) for f in self.safety_findings],
            "adverse_events": [answer_data(e) for e in self.adverse_events],
            "efficacy_outcomes": [answer_data(o) for o in self.outcomes],
            "contrasting": [answer_data(f) for f in self.contrasting],
        }
        return neutralise(compact_json({k: v for k, v in data.items() if v}))

    def cited_ids(self) -> list[str]:
        """Statement ids this partial cites, in first-seen order."""
        findings: list[Finding] = [*self.safety_findings, *self.outcomes, *self.contrasting]
        events = list(self.adverse_events)
        if self.sections is not None:
            findings += [*self.sections.safety.findings, *self.sections.efficacy.outcomes, *self.sections.contrasting]
            events += self.sections.safety.adverse_events
        ids = [sid for f in findings for sid in [*f.statement_ids, *(q.statement_id for q in f.quotes)]]
        ids += [sid for e in events for sid in e.statement_ids]
        return list(dict.fromkeys(ids))


@dataclass
class ChunkResult:
    """What the map step kept for one group of statements."""

    annotations: dict[str, AnnotationOut] = field(default_factory=dict)
    fallback: dict[str, Reading] = field(default_factory=dict)  # the extractive engine's, for what the model left
    intervention: Intervention | None = None
    partial: Partial = field(default_factory=Partial)
    valid: bool = False
    observed: tuple[int, int] = (0, 0)


def _span(ids: Sequence[str]) -> str:
    if not ids:
        return "(none)"
    return ids[0] if len(ids) == 1 else f"{ids[0]}-{ids[-1]}"


# --- map ---------------------------------------------------------------------------------------------------------


def _map_request(session: Session, views: list[StatementView], target: str) -> Request[ChunkOutput]:
    ids = [v.id for v in views]
    bounds = bounds_for(ChunkOutput, session.settings.max_tokens, ids)
    return Request(ChunkOutput, "chunk", MAP_TEMPLATE, {"target": target, "statements": views}, ids, bounds)


def map_overhead(session: Session, target: str) -> int:
    """Estimated tokens of a map prompt without its statements."""
    user, _ = session.prepare(_map_request(session, [], target))
    return session.estimator.estimate(session.system) + session.estimator.estimate(user)


async def map_chunk(
    session: Session, views: list[StatementView], target: str, full_texts: dict[str, str]
) -> list[ChunkResult]:
    """Annotate one group and draw its findings; split it in two when the answer or the request is too long.

    A map answer is re-asked only for what the sent schema excludes (see checks.schema_errors), not for grounding
    errors: a re-ask would resend the whole group for one quote, so its ungrounded findings are dropped with a
    warning, and the other groups still count. The statements the model left unannotated are read by the
    extractive engine in a worker thread while other groups are still waited for.
    """
    ids = [v.id for v in views]
    texts = {sid: full_texts[sid] for sid in ids}
    where = f"llm map {_span(ids)}"

    def check(out: ChunkOutput) -> tuple[ChunkOutput, list[str]]:
        return restore_quotes(out, texts), schema_errors(out, ids, len(ids))

    answer = await ask(session, _map_request(session, views, target), check)
    if answer.too_long and len(views) > 1:
        session.warnings.append(outcome_warning(where, answer, session.settings) + "; split the group in two")
        half = len(views) // 2
        session.progress.expect(2)
        halves = await asyncio.gather(
            map_chunk(session, views[:half], target, full_texts), map_chunk(session, views[half:], target, full_texts)
        )
        return [*halves[0], *halves[1]]
    if answer.outcome not in ("ok", "invalid") or (answer.outcome == "invalid" and answer.value is None):
        session.warnings.append(outcome_warning(where, answer, session.settings))
    result = ChunkResult() if answer.value is None else _ground_chunk(session, answer.value, ids, texts, where)
    result.observed = answer.observed
    missing = [ReadRequest(id=sid, text=texts[sid]) for sid in ids if sid not in result.annotations]
    if missing:
        result.fallback = await asyncio.to_thread(extractive_readings, missing)
    return [result]


def _ground_chunk(session: Session, out: ChunkOutput, ids: list[str], texts: dict[str, str], where: str) -> ChunkResult:
    """Keep what is grounded of a map answer: only that goes into a merge prompt."""
    warnings: list[str] = []
    partial = Partial(
        safety_findings=ground_findings(out.safety_findings, texts, warnings, f"{where} safety_findings"),
        adverse_events=ground_adverse_events(out.adverse_events, texts, warnings),
        outcomes=ground_findings(out.efficacy_outcomes, texts, warnings, f"{where} efficacy_outcomes"),
        contrasting=ground_findings(out.contrasting, texts, warnings, f"{where} contrasting"),
        intervention=out.intervention.name if out.intervention else None,
    )
    session.warnings += warnings
    intervention = None
    if out.intervention is not None:
        known = [sid for sid in dict.fromkeys(out.intervention.statement_ids) if sid in texts]
        intervention = out.intervention.model_copy(update={"statement_ids": known})
    annotations = assign_annotations(out.annotations, ids)
    return ChunkResult(annotations=annotations, intervention=intervention, partial=partial, valid=True)


# --- reduce ------------------------------------------------------------------------------------------------------


def reduce_budget(session: Session) -> int:
    """Estimated prompt tokens one merge call may take."""
    return session.settings.reduce_token_budget or 2 * session.settings.chunk_token_budget


def reduce_overhead(session: Session, target: str, estimator: TokenEstimator) -> int:
    """Estimated tokens of a reduce prompt without its parts."""
    empty_user = session.prompts.render(REDUCE_TEMPLATE, target=target, parts=[], schema="")
    return estimator.estimate(session.system) + estimator.estimate(empty_user)


def _part_cost(partial: Partial, estimator: TokenEstimator) -> int:
    return estimator.estimate(partial.prompt_text()) + PART_SEPARATOR_TOKENS


def merge_without_model(partials: Sequence[Partial]) -> SectionsOutput:
    """Keep every grounded finding of the partials, without an overall verdict (the merge step failed)."""
    names = [p.intervention or (p.sections.intervention.name if p.sections and p.sections.intervention else None)
             for p in partials]  # fmt: skip
    named = [n for n in names if n]
    merged = empty_sections(
        "no valid merge answer from the model: findings are listed as drawn per group",
        InterventionName(name=Counter(named).most_common(1)[0][0]) if named else None,
    )
    safety_findings: list[Finding] = []
    events: list[AdverseEvent] = []
    outcomes: list[Outcome] = []
    contrasting: list[Finding] = []
    for p in partials:
        safety_findings += p.safety_findings
        events += p.adverse_events
        outcomes += p.outcomes
        contrasting += p.contrasting
        if p.sections is not None:
            safety_findings += p.sections.safety.findings
            events += p.sections.safety.adverse_events
            outcomes += p.sections.efficacy.outcomes
            contrasting += p.sections.contrasting
    safety = merged.safety.model_copy(
        update={
            "findings": safety_findings,
            "adverse_events": events,
            "summary": f"{len(safety_findings)} safety findings are listed without an overall verdict.",
        }
    )
    efficacy = merged.efficacy.model_copy(
        update={
            "outcomes": outcomes,
            "summary": f"{len(outcomes)} efficacy outcomes are listed without an overall verdict.",
        }
    )
    return merged.model_copy(update={"safety": safety, "efficacy": efficacy, "contrasting": contrasting})


async def reduce_group(session: Session, partials: list[Partial], target: str, texts: dict[str, str]) -> SectionsOutput:
    """Merge partials into sections in one call (none for one merged part); split on a too-long answer; merge
    without a model on failure."""
    if len(partials) == 1 and partials[0].sections is not None:
        return partials[0].sections
    cited = list(dict.fromkeys(sid for p in partials for sid in p.cited_ids()))
    where = f"llm reduce of {len(partials)} parts"
    bounds = bounds_for(SectionsOutput, session.settings.max_tokens, cited, annotated=False)
    request = Request(
        SectionsOutput,
        "sections",
        REDUCE_TEMPLATE,
        {"target": target, "parts": [p.prompt_text() for p in partials]},
        cited,
        bounds,
    )

    enumerated = session.enumerates(cited)

    def check(out: SectionsOutput) -> tuple[SectionsOutput, list[str]]:  # grounding errors: dropped, not re-asked
        return restore_quotes(out, texts), schema_errors(out, cited) if enumerated else []

    answer = await ask(session, request, check)
    if answer.too_long and len(partials) > 1:
        session.warnings.append(outcome_warning(where, answer, session.settings) + "; merged the parts in two halves")
        half = len(partials) // 2
        session.progress.expect(3)
        first, second = await asyncio.gather(
            reduce_group(session, partials[:half], target, texts),
            reduce_group(session, partials[half:], target, texts),
        )
        return await reduce_group(session, [Partial(sections=first), Partial(sections=second)], target, texts)
    if answer.outcome != "ok":
        session.warnings.append(outcome_warning(where, answer, session.settings))
    if answer.value is None:
        session.warnings.append(f"{where}: kept the parts' grounded findings without an overall verdict")
        return merge_without_model(partials)
    return answer.value


def group_partials(session: Session, partials: list[Partial], overhead: int) -> list[list[Partial]]:
    """Group partials under the merge budget, at least two per group so that each level shrinks."""
    groups = pack(
        partials, lambda p: _part_cost(p, session.estimator), reduce_budget(session), overhead, min_items=2
    )
    if len(groups) > 1 and len(groups[-1]) == 1:
        last = groups.pop()
        groups[-1] += last
    return groups


async def reduce(session: Session, partials: list[Partial], target: str, texts: dict[str, str]) -> SectionsOutput:
    """Reduce in as many levels as the budget needs (the estimate calibrated from every call so far)."""
    session.estimator.calibrate()
    overhead = reduce_overhead(session, target, session.estimator)
    level = partials
    while True:
        if len(level) == 1 and level[0].sections is not None:
            return level[0].sections  # a merge of one merged part makes no call
        groups = group_partials(session, level, overhead)
        session.progress.expect(len(groups))
        merged = await asyncio.gather(*(reduce_group(session, g, target, texts) for g in groups))
        if len(merged) == 1:
            return merged[0]
        level = [Partial(sections=s) for s in merged]


# --- both --------------------------------------------------------------------------------------------------------


def _intervention(results: Sequence[ChunkResult], merged: SectionsOutput | None) -> Intervention | None:
    """The target's intervention: the merge's name (when there was a merge; else the groups' most frequent one),
    with every statement a group attributed to it."""
    named = [r.intervention for r in results if r.intervention is not None]
    if merged is not None and merged.intervention is None:
        return None
    if merged is not None and merged.intervention is not None:
        name = merged.intervention.name
    elif named:
        name = Counter(i.name for i in named).most_common(1)[0][0]
    else:
        return None
    ids = list(dict.fromkeys(sid for i in named for sid in i.statement_ids))
    return Intervention(name=name, statement_ids=ids)


_NO_MERGE = empty_sections("no grounded finding in the citing statements")


@dataclass
class MapReduceResult:
    """The merged sections, the model's annotations, the extractive engine's for the rest, the intervention."""

    sections: SectionsOutput
    annotations: dict[str, AnnotationOut]
    fallback: dict[str, Reading]
    intervention: Intervention | None


async def map_reduce(
    session: Session, groups: list[list[StatementView]], target: str, texts: dict[str, str]
) -> MapReduceResult:
    """Map every group, merging as results arrive, then reduce to one set of sections; also the annotations and
    the target's intervention."""
    session.progress.expect(len(groups))
    maps = [asyncio.create_task(map_chunk(session, g, target, texts)) for g in groups]
    merges: list[asyncio.Task[SectionsOutput]] = []
    try:
        results, merges, rest = await _stream_merges(session, maps, target, texts)
        if not any(r.valid for r in results):
            reasons = "; ".join(dict.fromkeys(w.split(": ", 1)[-1] for w in session.warnings[-3:]))
            raise NoValidOutputError(f"no valid model output for any group of statements ({reasons})")
        annotations: dict[str, AnnotationOut] = {}
        fallback: dict[str, Reading] = {}
        for result in results:
            annotations.update(result.annotations)
            fallback.update(result.fallback)
        partials = [Partial(sections=s) for s in await asyncio.gather(*merges)] + rest
    finally:
        for task in [*maps, *merges]:
            task.cancel()
    if not partials:
        session.warnings.append("llm: the model drew no grounded finding from any group, so no merge call")
        return MapReduceResult(_NO_MERGE, annotations, fallback, _intervention(results, None))
    sections = await reduce(session, partials, target, texts)
    return MapReduceResult(sections, annotations, fallback, _intervention(results, sections))


async def _stream_merges(
    session: Session, maps: list[asyncio.Task[list[ChunkResult]]], target: str, texts: dict[str, str]
) -> tuple[list[ChunkResult], list[asyncio.Task[SectionsOutput]], list[Partial]]:
    """Start first-level merges while later groups are still being mapped.

    Groups of merges are formed in input order, with sizes estimated from the first map call only, so the same
    answers always give the same merge requests (and a re-run hits the cache).
    """
    estimator = TokenEstimator()
    packer: GreedyPacker[Partial] | None = None
    results: list[ChunkResult] = []
    merges: list[asyncio.Task[SectionsOutput]] = []
    for task in maps:
        chunk_results = await task
        if packer is None:
            estimator.observe(*chunk_results[0].observed)
            estimator.calibrate()
            overhead = reduce_overhead(session, target, estimator)
            packer = GreedyPacker(reduce_budget(session), overhead, min_items=2)
        results += chunk_results
        for partial in (r.partial for r in chunk_results if not r.partial.is_empty()):
            closed = packer.add(partial, _part_cost(partial, estimator))
            if closed is not None:
                session.progress.expect(1)
                merges.append(asyncio.create_task(reduce_group(session, closed, target, texts)))
    rest = packer.current if packer is not None else []
    return results, merges, rest  # the trailing group goes straight to the next level
