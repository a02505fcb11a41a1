"""Map-reduce for inputs over one call's budget: annotate and draw findings per group, then merge them in levels."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.engines.base import Reading, ReadRequest
from summarizer.engines.llm.checks import assign_annotations, schema_errors
from summarizer.engines.llm.counts import Counts, count, intervention_ids
from summarizer.engines.llm.dialects import bounds_for
from summarizer.engines.llm.fallback import extractive_readings
from summarizer.engines.llm.packing import GreedyPacker, pack
from summarizer.engines.llm.prompts import (
    MAP_TEMPLATE,
    REDUCE_TEMPLATE,
    StatementView,
    TargetView,
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
NO_MERGE_ANSWER = "no valid merge answer from the model: findings are listed as drawn per group"


@dataclass
class Partial:
    """Findings of a group of statements (map) or of merged parts (reduce), with the code-made counts of the
    statements behind them, as input to the next reduce. A merged part keeps its sections (for a merge of one part,
    which needs no call) but shows the next merge only its findings and counts, never its verdicts."""

    safety_findings: list[Finding] = field(default_factory=list)
    adverse_events: list[AdverseEvent] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    contrasting: list[Finding] = field(default_factory=list)
    intervention: str | None = None
    counts: Counts = field(default_factory=Counts)
    sections: SectionsOutput | None = None

    @classmethod
    def merged(cls, sections: SectionsOutput, parts: Sequence[Partial]) -> Partial:
        """The merge of `parts` as a part of the next level: its findings, and the parts' counts summed."""
        return cls(
            safety_findings=list(sections.safety.findings),
            adverse_events=list(sections.safety.adverse_events),
            outcomes=list(sections.efficacy.outcomes),
            contrasting=list(sections.contrasting),
            intervention=sections.intervention.name if sections.intervention else None,
            counts=sum((p.counts for p in parts), Counts()),
            sections=sections,
        )

    def has_findings(self) -> bool:
        """True when the part holds a finding, outcome or adverse event."""
        return bool(self.safety_findings or self.adverse_events or self.outcomes or self.contrasting)

    def is_empty(self) -> bool:
        """True when there is nothing to merge: no finding and no statement counted."""
        return not self.has_findings() and self.counts.statements == 0

    def prompt_text(self) -> str:
        """The partial as compact JSON data for the reduce prompt: counts, then findings (never verdicts)."""
        data = {
            "counts": self.counts.data(),
            "intervention": self.intervention,
            "safety_findings": [answer_data(f) for f in self.safety_findings],
            "adverse_events": [answer_data(e) for e in self.adverse_events],
            "efficacy_outcomes": [answer_data(o) for o in self.outcomes],
            "contrasting": [answer_data(f) for f in self.contrasting],
        }
        return neutralise(compact_json({k: v for k, v in data.items() if v}))

    def held_ids(self) -> dict[str, list[str]]:
        """Statement ids the part cites, per section of the merged answer, in first-seen order."""
        return {
            "safety": _ids_of([*self.safety_findings, *self.adverse_events]),
            "efficacy": _ids_of(self.outcomes),
            "contrasting": _ids_of(self.contrasting),
        }

    def cited_ids(self) -> list[str]:
        """Statement ids this partial cites, in first-seen order."""
        return list(dict.fromkeys(sid for ids in self.held_ids().values() for sid in ids))


def _ids_of(items: Sequence[Finding | AdverseEvent]) -> list[str]:
    ids: list[str] = []
    for item in items:
        ids += item.statement_ids
        if isinstance(item, Finding):
            ids += [q.statement_id for q in item.quotes]
    return list(dict.fromkeys(ids))


@dataclass
class ChunkResult:
    """What the map step kept for one group of statements."""

    annotations: dict[str, AnnotationOut] = field(default_factory=dict)
    fallback: dict[str, Reading] = field(default_factory=dict)  # the extractive engine's, for what the model left
    intervention: str | None = None
    partial: Partial = field(default_factory=Partial)
    valid: bool = False
    observed: tuple[int, int] = (0, 0)


def _span(ids: Sequence[str]) -> str:
    if not ids:
        return "(none)"
    return ids[0] if len(ids) == 1 else f"{ids[0]}-{ids[-1]}"


# --- map ---------------------------------------------------------------------------------------------------------


def _map_request(session: Session, views: list[StatementView], target: TargetView) -> Request[ChunkOutput]:
    ids = [v.id for v in views]
    bounds = bounds_for(ChunkOutput, session.settings.max_tokens, ids)
    return Request(ChunkOutput, "chunk", MAP_TEMPLATE, {"target": target, "statements": views}, ids, bounds)


def map_overhead(session: Session, target: TargetView) -> int:
    """Estimated tokens of a map prompt without its statements."""
    user, _ = session.prepare(_map_request(session, [], target))
    return session.estimator.estimate(session.system) + session.estimator.estimate(user)


async def map_chunk(
    session: Session, views: list[StatementView], target: TargetView, full_texts: dict[str, str]
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
    if answer.value is None:
        result = ChunkResult(partial=Partial(counts=Counts(statements=len(ids), groups=1)))
    else:
        result = _ground_chunk(session, answer.value, ids, texts, where)
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
    annotations = assign_annotations(out.annotations, ids)
    partial.counts = count(annotations.values())
    return ChunkResult(annotations=annotations, intervention=partial.intervention, partial=partial, valid=True)


# --- reduce ------------------------------------------------------------------------------------------------------


def reduce_budget(session: Session) -> int:
    """Estimated prompt tokens one merge call may take."""
    return session.settings.reduce_token_budget or 2 * session.settings.chunk_token_budget


def reduce_overhead(session: Session, target: TargetView, estimator: TokenEstimator) -> int:
    """Estimated tokens of a reduce prompt without its parts."""
    empty_user = session.prompts.render(REDUCE_TEMPLATE, target=target, parts=[], groups=0, statements=0, schema="")
    return estimator.estimate(session.system) + estimator.estimate(empty_user)


def _part_cost(partial: Partial, estimator: TokenEstimator) -> int:
    return estimator.estimate(partial.prompt_text()) + PART_SEPARATOR_TOKENS


def merge_without_model(partials: Sequence[Partial], reason: str = NO_MERGE_ANSWER) -> SectionsOutput:
    """Keep every grounded finding of the partials, without an overall verdict (the merge step failed, or there is
    nothing to merge)."""
    named = [p.intervention for p in partials if p.intervention]
    merged = empty_sections(reason, InterventionName(name=Counter(named).most_common(1)[0][0]) if named else None)
    safety_findings = [f for p in partials for f in p.safety_findings]
    events = [e for p in partials for e in p.adverse_events]
    outcomes = [o for p in partials for o in p.outcomes]
    contrasting = [f for p in partials for f in p.contrasting]
    if not (safety_findings or events or outcomes or contrasting):
        return merged
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


def _merged_held(out: SectionsOutput) -> dict[str, set[str]]:
    return {
        "safety": set(_ids_of([*out.safety.findings, *out.safety.adverse_events])),
        "efficacy": set(_ids_of(out.efficacy.outcomes)),
        "contrasting": set(_ids_of(out.contrasting)),
    }


def kept_errors(out: SectionsOutput, partials: Sequence[Partial]) -> list[str]:
    """What a merge lost of what its parts held: statement ids a part cites in a section that the merge cites
    nowhere in that section, and adverse events (by name) that the merge no longer lists."""
    merged = _merged_held(out)
    errors = []
    for section in ("safety", "efficacy", "contrasting"):
        lost = [sid for p in partials for sid in p.held_ids()[section] if sid not in merged[section]]
        if lost:
            shown = ", ".join(dict.fromkeys(lost))
            errors.append(f"{section}: the parts cite {shown} there, the merge does not; keep every id the parts hold")
    names = {_name_key(e.name) for e in out.safety.adverse_events}
    lost_events = [e.name for p in partials for e in p.adverse_events if _name_key(e.name) not in names]
    if lost_events:
        errors.append(f"safety.adverse_events: the parts list {', '.join(dict.fromkeys(lost_events))}; keep them")
    return errors


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def keep_what_parts_held(
    out: SectionsOutput, partials: Sequence[Partial], warnings: list[str], where: str
) -> SectionsOutput:
    """The merge with what it still lost restored from the parts: a part's finding none of whose ids the merge
    cites in that section is added as the part drew it; a lost adverse event is added; the ids a merged event lost
    are added to it."""
    lost = kept_errors(out, partials)
    if not lost:
        return out
    warnings.append(f"{where}: the merge lost what its parts held ({'; '.join(lost)[:300]})")
    merged = _merged_held(out)
    safety_findings = list(out.safety.findings)
    outcomes = list(out.efficacy.outcomes)
    contrasting = list(out.contrasting)
    events = {_name_key(e.name): e for e in out.safety.adverse_events}
    restored = 0
    for p in partials:
        for kept, found, section in (
            (safety_findings, p.safety_findings, "safety"),
            (outcomes, p.outcomes, "efficacy"),
            (contrasting, p.contrasting, "contrasting"),
        ):
            for finding in found:
                if not set(finding.statement_ids) & merged[section]:
                    kept.append(finding)  # type: ignore[arg-type]
                    merged[section] |= set(finding.statement_ids)
                    restored += 1
        for event in p.adverse_events:
            key = _name_key(event.name)
            have = events.get(key)
            if have is None:
                events[key] = event
                restored += 1
            elif set(event.statement_ids) - set(have.statement_ids):
                ids = list(dict.fromkeys([*have.statement_ids, *event.statement_ids]))
                events[key] = have.model_copy(update={"statement_ids": ids})
    if restored:
        warnings.append(f"{where}: restored {restored} findings or adverse events of the parts that the merge left out")
    safety = out.safety.model_copy(update={"findings": safety_findings, "adverse_events": list(events.values())})
    efficacy = out.efficacy.model_copy(update={"outcomes": outcomes})
    return out.model_copy(update={"safety": safety, "efficacy": efficacy, "contrasting": contrasting})


async def reduce_group(
    session: Session, partials: list[Partial], target: TargetView, texts: dict[str, str]
) -> SectionsOutput:
    """Merge partials into sections in one call (none for one merged part, none when no part holds a finding);
    split on a too-long answer; merge without a model on failure. What the merge lost of what its parts held
    (kept_errors) is said in a warning and restored from the parts: a re-ask would resend every part for it."""
    if len(partials) == 1 and partials[0].sections is not None:
        return partials[0].sections
    if not any(p.has_findings() for p in partials):
        return merge_without_model(partials, "no grounded finding in the citing statements")
    cited = list(dict.fromkeys(sid for p in partials for sid in p.cited_ids()))
    where = f"llm reduce of {len(partials)} parts"
    bounds = bounds_for(SectionsOutput, session.settings.max_tokens, cited, annotated=False)
    counts = sum((p.counts for p in partials), Counts())
    request = Request(
        SectionsOutput,
        "sections",
        REDUCE_TEMPLATE,
        {
            "target": target,
            "parts": [p.prompt_text() for p in partials],
            "groups": counts.groups,
            "statements": counts.statements,
        },
        cited,
        bounds,
    )

    enumerated = session.enumerates(cited)

    def check(out: SectionsOutput) -> tuple[SectionsOutput, list[str]]:  # grounding errors: dropped, not re-asked
        return restore_quotes(out, texts), schema_errors(out, cited) if enumerated else []

    answer = await ask(session, request, check)
    # halves make progress unless they are two merged parts already (their merge would be this request again)
    splittable = len(partials) > 2 or (len(partials) == 2 and any(p.sections is None for p in partials))
    if answer.too_long and splittable:
        session.warnings.append(outcome_warning(where, answer, session.settings) + "; merged the parts in two halves")
        half = len(partials) // 2
        session.progress.expect(3)
        first, second = await asyncio.gather(
            reduce_group(session, partials[:half], target, texts),
            reduce_group(session, partials[half:], target, texts),
        )
        halves = [Partial.merged(first, partials[:half]), Partial.merged(second, partials[half:])]
        return await reduce_group(session, halves, target, texts)
    if answer.outcome != "ok":
        session.warnings.append(outcome_warning(where, answer, session.settings))
    if answer.value is None:
        session.warnings.append(f"{where}: kept the parts' grounded findings without an overall verdict")
        return merge_without_model(partials)
    return keep_what_parts_held(answer.value, partials, session.warnings, where)


def group_partials(session: Session, partials: list[Partial], overhead: int) -> list[list[Partial]]:
    """Group partials under the merge budget, at least two per group so that each level shrinks."""
    groups = pack(partials, lambda p: _part_cost(p, session.estimator), reduce_budget(session), overhead, min_items=2)
    if len(groups) > 1 and len(groups[-1]) == 1:
        last = groups.pop()
        groups[-1] += last
    return groups


async def reduce(
    session: Session, partials: list[Partial], target: TargetView, texts: dict[str, str]
) -> SectionsOutput:
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
        level = [Partial.merged(s, g) for s, g in zip(merged, groups, strict=True)]


# --- both --------------------------------------------------------------------------------------------------------


def _intervention(
    results: Sequence[ChunkResult], merged: SectionsOutput | None, annotations: dict[str, AnnotationOut]
) -> Intervention | None:
    """The target's intervention: the merge's name (when there was a merge; else the groups' most frequent one),
    with the statements the annotations attribute to the target on safety or efficacy (counted in code)."""
    named = [r.intervention for r in results if r.intervention is not None]
    if merged is not None and merged.intervention is None:
        return None
    if merged is not None and merged.intervention is not None:
        name = merged.intervention.name
    elif named:
        name = Counter(named).most_common(1)[0][0]
    else:
        return None
    return Intervention(name=name, statement_ids=intervention_ids(annotations))


_NO_MERGE = empty_sections("no grounded finding in the citing statements")


@dataclass
class MapReduceResult:
    """The merged sections, the model's annotations, the extractive engine's for the rest, the intervention."""

    sections: SectionsOutput
    annotations: dict[str, AnnotationOut]
    fallback: dict[str, Reading]
    intervention: Intervention | None


async def map_reduce(
    session: Session, groups: list[list[StatementView]], target: TargetView, texts: dict[str, str]
) -> MapReduceResult:
    """Map every group, merging as results arrive, then reduce to one set of sections; also the annotations and
    the target's intervention."""
    session.progress.expect(len(groups))
    maps = [asyncio.create_task(map_chunk(session, g, target, texts)) for g in groups]
    merges: list[tuple[asyncio.Task[SectionsOutput], list[Partial]]] = []
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
        merged = await asyncio.gather(*(task for task, _ in merges))
        partials = [Partial.merged(s, g) for s, (_, g) in zip(merged, merges, strict=True)] + rest
    finally:
        for task in [*maps, *(task for task, _ in merges)]:
            task.cancel()
    annotations = {sid: annotations[sid] for sid in texts if sid in annotations}  # input order
    if not any(p.has_findings() for p in partials):
        session.warnings.append("llm: the model drew no grounded finding from any group, so no merge call")
        return MapReduceResult(_NO_MERGE, annotations, fallback, _intervention(results, None, annotations))
    sections = await reduce(session, partials, target, texts)
    return MapReduceResult(sections, annotations, fallback, _intervention(results, sections, annotations))


async def _stream_merges(
    session: Session, maps: list[asyncio.Task[list[ChunkResult]]], target: TargetView, texts: dict[str, str]
) -> tuple[list[ChunkResult], list[tuple[asyncio.Task[SectionsOutput], list[Partial]]], list[Partial]]:
    """Start first-level merges while later groups are still being mapped.

    Groups of merges are formed in input order, with sizes estimated from the first map call only, so the same
    answers always give the same merge requests (and a re-run hits the cache). Every group's part counts, with
    or without findings: its counts are part of the verdicts.
    """
    estimator = TokenEstimator()
    packer: GreedyPacker[Partial] | None = None
    results: list[ChunkResult] = []
    merges: list[tuple[asyncio.Task[SectionsOutput], list[Partial]]] = []
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
                merges.append((asyncio.create_task(reduce_group(session, closed, target, texts)), closed))
    rest = packer.current if packer is not None else []
    return results, merges, rest  # the trailing group goes straight to the next level
