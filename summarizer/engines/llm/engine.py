"""The LLM engine: map-reduce over chunks of statements, validated, grounded and re-asked, through the cache."""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from summarizer.engines.base import EngineResult, Reading, ReadRequest
from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import ChatClient, Completion, ContextOverflow
from summarizer.engines.llm.prompts import (
    MAP_TEMPLATE,
    READ_TEMPLATE,
    REDUCE_TEMPLATE,
    SINGLE_TEMPLATE,
    SYSTEM_TEMPLATE,
    AnnotationOut,
    ChunkOutput,
    PromptSet,
    ReadOutput,
    SectionsOutput,
    SingleOutput,
    StatementView,
    bounded,
    chunk_schema,
    compact_json,
    neutralise,
    parse_json_object,
    read_schema,
    reask_message,
    restore_quotes,
    salvage,
    sections_schema,
    single_schema,
    statement_view,
    target_line,
    validation_messages,
)
from summarizer.engines.llm.tokens import TokenEstimator
from summarizer.errors import ConfigError, NoValidOutputError
from summarizer.grounding import finding_errors, ground_adverse_events, ground_findings, ground_sections, section_errors
from summarizer.models import (
    AdverseEvent,
    Annotation,
    Certainty,
    Efficacy,
    Finding,
    Outcome,
    Safety,
    Statement,
    StatementType,
    Target,
    Usage,
)
from summarizer.settings import Settings

ValueT = TypeVar("ValueT")
ModelT = TypeVar("ModelT", bound=BaseModel)
ResultT = TypeVar("ResultT")
MAX_READ_BATCH = 64
MAX_ENUM_IDS = 500  # OpenAI strict mode allows at most 1000 enum values in a schema
OUTPUT_TOKENS_PER_ANNOTATION = 32
OUTPUT_TOKENS_RESERVED = 400
MAX_REASK_ECHO_CHARS = 6000


class _NeedsReask(Exception):
    """An answer failed validation or grounding; the errors go back to the model."""


@dataclass
class _Answer(Generic[ValueT]):
    """The end of one exchange: the last usable value, what is still wrong with it, and how it ended."""

    outcome: str  # ok | invalid | refused | filtered | length | overflow
    value: ValueT | None = None
    errors: list[str] = field(default_factory=list)
    detail: str = ""
    observed: tuple[int, int] = (0, 0)  # prompt bytes and tokens of the exchange's first call


@dataclass
class _Partial:
    """Findings of a group of statements (map) or merged sections (reduce), as input to the next reduce."""

    safety_findings: list[Finding] = field(default_factory=list)
    adverse_events: list[AdverseEvent] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    contrasting: list[Finding] = field(default_factory=list)
    sections: SectionsOutput | None = None

    def is_empty(self) -> bool:
        """True when there is nothing to merge."""
        return self.sections is None and not (
            self.safety_findings or self.adverse_events or self.outcomes or self.contrasting
        )

    def prompt_text(self) -> str:
        """The partial as compact JSON data for the reduce prompt."""
        if self.sections is not None:
            return neutralise(compact_json(self.sections.model_dump(mode="json")))
        data = {
            "safety_findings": [f.model_dump(mode="json") for f in self.safety_findings],
            "adverse_events": [e.model_dump(mode="json") for e in self.adverse_events],
            "efficacy_outcomes": [o.model_dump(mode="json") for o in self.outcomes],
            "contrasting": [f.model_dump(mode="json") for f in self.contrasting],
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
class _ChunkResult:
    """What the map step kept for one group of statements."""

    annotations: dict[str, AnnotationOut] = field(default_factory=dict)
    partial: _Partial = field(default_factory=_Partial)
    valid: bool = False
    observed: tuple[int, int] = (0, 0)


class _Progress:
    """A one-line progress counter on stderr for runs of several calls."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.done = 0
        self.total = 0
        self.shown = False

    def expect(self, calls: int) -> None:
        """Announce more calls to come."""
        self.total += calls

    def advance(self) -> None:
        """Count one finished call."""
        self.done += 1
        if self.enabled and self.total > 1:
            self.shown = True
            total = max(self.total, self.done)
            width = 24
            filled = width * self.done // total
            sys.stderr.write(f"\rllm [{'#' * filled}{'.' * (width - filled)}] {self.done}/{total} calls")
            sys.stderr.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _run_sync(coro: Coroutine[Any, Any, ResultT]) -> ResultT:
    """Run a coroutine to completion, also when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _span(ids: Sequence[str]) -> str:
    if not ids:
        return "(none)"
    return ids[0] if len(ids) == 1 else f"{ids[0]}-{ids[-1]}"


def _annotation_errors(items: Sequence[AnnotationOut], ids: Sequence[str], where: str = "annotations") -> list[str]:
    known = set(ids)
    seen: set[str] = set()
    errors = []
    for i, item in enumerate(items):
        if item.id not in known:
            errors.append(f"{where}[{i}]: unknown statement id {item.id!r}")
        elif item.id in seen:
            errors.append(f"{where}[{i}]: {item.id} is annotated twice")
        seen.add(item.id)
    missing = [sid for sid in ids if sid not in seen]
    if missing:
        shown = ", ".join(missing[:20]) + (" ..." if len(missing) > 20 else "")
        errors.append(f"{where}: missing for {shown}; give one per statement")
    return errors


def _first_annotations(items: Sequence[AnnotationOut], ids: Sequence[str]) -> dict[str, AnnotationOut]:
    known = set(ids)
    kept: dict[str, AnnotationOut] = {}
    for item in items:
        if item.id in known and item.id not in kept:
            kept[item.id] = item
    return kept


def _restored_finding(finding: Finding, texts: dict[str, str]) -> Finding:
    return finding.model_copy(update={"quotes": restore_quotes(finding.quotes, texts)})


def _restored_outcome(outcome: Outcome, texts: dict[str, str]) -> Outcome:
    return outcome.model_copy(update={"quotes": restore_quotes(outcome.quotes, texts)})


def _event_errors(events: Sequence[AdverseEvent], texts: dict[str, str], where: str) -> list[str]:
    return [
        f"{where}[{i}]: unknown statement id {sid!r}"
        for i, event in enumerate(events)
        for sid in event.statement_ids
        if sid not in texts
    ]


def _restore_sections(out: SectionsOutput, texts: dict[str, str]) -> SectionsOutput:
    safety = out.safety.model_copy(update={"findings": [_restored_finding(f, texts) for f in out.safety.findings]})
    efficacy = out.efficacy.model_copy(
        update={"outcomes": [_restored_outcome(o, texts) for o in out.efficacy.outcomes]}
    )
    return out.model_copy(
        update={
            "safety": safety,
            "efficacy": efficacy,
            "contrasting": [_restored_finding(f, texts) for f in out.contrasting],
        }
    )


def _contract_sections(out: SectionsOutput) -> tuple[Safety, Efficacy, list[Finding]]:
    safety = Safety.model_validate(out.safety.model_dump())
    efficacy = Efficacy.model_validate(out.efficacy.model_dump())
    return safety, efficacy, [Finding.model_validate(f.model_dump()) for f in out.contrasting]


def _verdict_errors(out: SectionsOutput) -> list[str]:
    errors = []
    if out.safety.assessment != "insufficient_evidence" and not out.safety.findings:
        errors.append(
            f"safety: assessment {out.safety.assessment} needs at least one finding, else insufficient_evidence"
        )
    if out.efficacy.assessment != "insufficient_evidence" and not out.efficacy.outcomes:
        errors.append(
            f"efficacy: assessment {out.efficacy.assessment} needs at least one outcome, else insufficient_evidence"
        )
    return errors


def _sections_errors(out: SectionsOutput, texts: dict[str, str]) -> list[str]:
    safety, efficacy, contrasting = _contract_sections(out)
    return section_errors(safety, efficacy, contrasting, texts).errors + _verdict_errors(out)


def _empty_sections(reason: str) -> SectionsOutput:
    certainty = Certainty(level="very_low", reasons=[reason])
    return SectionsOutput.model_validate(
        {
            "safety": {
                "assessment": "insufficient_evidence",
                "summary": "The citing statements give no grounded safety finding.",
                "certainty": certainty.model_dump(),
            },
            "efficacy": {
                "assessment": "insufficient_evidence",
                "summary": "The citing statements give no grounded efficacy finding.",
                "certainty": certainty.model_dump(),
            },
        }
    )


def _merge_without_model(partials: Sequence[_Partial]) -> SectionsOutput:
    """Keep every grounded finding of the partials, without an overall verdict (the merge step failed)."""
    merged = _empty_sections("no valid merge answer from the model: findings are listed as drawn per group")
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


class _Run:
    """One run of the engine: the client, the cache, usage and warnings, within one event loop."""

    def __init__(self, engine: LLMEngine, client: ChatClient) -> None:
        self.engine = engine
        self.settings = engine.settings.llm
        self.client = client
        self.prompts = engine.prompts
        self.usage = Usage()
        self.warnings: list[str] = []
        self.templates: set[str] = {SYSTEM_TEMPLATE}
        self.estimator = TokenEstimator()
        self.resolved_model: str | None = None
        self.semaphore = asyncio.Semaphore(self.settings.concurrency)
        self.progress = _Progress(engine.show_progress)
        self.system = self.prompts.render(SYSTEM_TEMPLATE)

    def schema(self, raw: dict[str, Any], annotations: int | None = None) -> dict[str, Any]:
        """The schema as the dialect sends it (size-bounded for grammar-constrained servers)."""
        return raw if self.settings.response_format == "json_schema" else bounded(raw, annotations)

    def schema_text(self, schema: dict[str, Any]) -> str:
        """The schema for the prompt, only for the dialect without a response_format."""
        return compact_json(schema) if self.settings.response_format == "none" else ""

    def ids_for_schema(self, ids: Sequence[str]) -> list[str] | None:
        """Statement ids to constrain the schema to, when the settings allow."""
        if not self.settings.constrain_ids or not ids or len(ids) > MAX_ENUM_IDS:
            return None
        return list(ids)

    async def call(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> tuple[Completion, int]:
        """One bounded-concurrency call; counts usage, calibrates the token estimate, returns the prompt's bytes."""
        async with self.semaphore:
            completion = await self.client.complete(messages, schema, name, purpose=name)
        if completion.cached:
            self.usage.cached_calls += 1
        else:
            self.usage.calls += 1
            self.usage.prompt_tokens += completion.prompt_tokens
            self.usage.completion_tokens += completion.completion_tokens
        prompt_bytes = sum(len(m["content"].encode("utf-8")) for m in messages)
        self.estimator.observe(prompt_bytes, completion.prompt_tokens)
        if completion.resolved_model and self.resolved_model is None:
            self.resolved_model = completion.resolved_model
        self.progress.advance()
        return completion, prompt_bytes

    async def ask(
        self,
        user: str,
        schema: dict[str, Any],
        name: str,
        model: type[ModelT],
        ground: Callable[[ModelT], tuple[ModelT, list[str]]],
    ) -> _Answer[ModelT]:
        """Ask, validate and ground; re-ask with the errors (on a copy of the messages) a bounded number of times."""
        observed: list[tuple[int, int]] = []
        answer = await self._exchange(user, schema, name, model, ground, observed)
        if observed:
            answer.observed = observed[0]
        return answer

    async def _exchange(
        self,
        user: str,
        schema: dict[str, Any],
        name: str,
        model: type[ModelT],
        ground: Callable[[ModelT], tuple[ModelT, list[str]]],
        observed: list[tuple[int, int]],
    ) -> _Answer[ModelT]:
        messages = [{"role": "system", "content": self.system}, {"role": "user", "content": user}]
        conversation = list(messages)
        best: ModelT | None = None
        last_data: dict[str, Any] | None = None
        errors: list[str] = []
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.reask_attempts + 1),
            retry=retry_if_exception_type(_NeedsReask),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        self.usage.retries += 1
                        self.progress.expect(1)
                    completion, prompt_bytes = await self.call(conversation, schema, name)
                    observed.append((prompt_bytes, completion.prompt_tokens))
                    if completion.refusal:
                        return _Answer("refused", best, errors, " ".join(completion.refusal.split())[:160])
                    if completion.finish_reason == "content_filter":
                        return _Answer("filtered", best, errors)
                    if completion.finish_reason == "length":
                        return _Answer("length", best, errors)
                    data, parse_error = parse_json_object(completion.content)
                    if data is None:
                        errors = [parse_error or "the answer is not a JSON object"]
                    else:
                        last_data = data
                        try:
                            value, errors = ground(model.model_validate(data))
                            best = value
                        except ValidationError as exc:
                            errors = validation_messages(exc)
                    if not errors:
                        return _Answer("ok", best)
                    echo = (completion.content or "")[:MAX_REASK_ECHO_CHARS]
                    conversation = [  # keeps earlier attempts, so each re-ask is a distinct request
                        *conversation,
                        {"role": "assistant", "content": echo},
                        {"role": "user", "content": reask_message(errors)},
                    ]
                    raise _NeedsReask(errors)
        except _NeedsReask:
            pass
        except ContextOverflow as exc:
            return _Answer("overflow", best, errors, str(exc))
        if best is None and last_data is not None:
            salvaged, dropped = salvage(model, last_data)
            if salvaged is not None:
                best, errors = ground(salvaged)
                errors = [f"dropped {dropped} list items that failed validation", *errors]
        return _Answer("invalid", best, errors)

    def outcome_warning(self, where: str, answer: _Answer[Any]) -> str:
        """A distinct warning for each way an exchange can end without a clean answer."""
        attempts = self.settings.reask_attempts + 1
        if answer.outcome == "refused":
            return f"{where}: the model refused to answer ({answer.detail})"
        if answer.outcome == "filtered":
            return f"{where}: the endpoint's content filter blocked the answer"
        if answer.outcome == "length":
            return f"{where}: the answer was cut off at max_tokens ({self.settings.max_tokens})"
        if answer.outcome == "overflow":
            return f"{where}: the request is longer than the model's context ({answer.detail})"
        shown = "; ".join(answer.errors[:3])
        if answer.value is None:
            return f"{where}: no valid answer after {attempts} attempts ({shown})"
        return f"{where}: answer still had {len(answer.errors)} problems after {attempts} attempts ({shown})"

    # --- map ---------------------------------------------------------------------------------------------

    def pack(
        self, views: Sequence[StatementView], overhead: int, max_items: int | None = None
    ) -> list[list[StatementView]]:
        """Pack statements in order into groups under the token budget (and the output-size cap)."""
        budget = self.settings.chunk_token_budget
        cap = max_items or max(1, (self.settings.max_tokens - OUTPUT_TOKENS_RESERVED) // OUTPUT_TOKENS_PER_ANNOTATION)
        groups: list[list[StatementView]] = []
        current: list[StatementView] = []
        used = overhead
        for view in views:
            cost = self.estimator.estimate(f'<statement id="{view.id}">{view.text}</statement>\n')
            if current and (used + cost > budget or len(current) >= cap):
                groups.append(current)
                current, used = [], overhead
            current.append(view)
            used += cost
        if current:
            groups.append(current)
        return groups

    def map_overhead(self, target: str) -> int:
        """Estimated tokens of a map prompt without its statements."""
        user = self.prompts.render(
            MAP_TEMPLATE, target=target, statements=[], schema=self.schema_text(chunk_schema(None))
        )
        return self.estimator.estimate(self.system) + self.estimator.estimate(user)

    async def map_chunk(self, views: list[StatementView], target: str) -> list[_ChunkResult]:
        """Annotate one group and draw its findings; split it in two when the answer or the request is too long."""
        ids = [v.id for v in views]
        texts = {v.id: v.text for v in views}
        where = f"llm map {_span(ids)}"
        raw = chunk_schema(self.ids_for_schema(ids))
        schema = self.schema(raw, annotations=len(ids))
        self.templates.add(MAP_TEMPLATE)
        user = self.prompts.render(MAP_TEMPLATE, target=target, statements=views, schema=self.schema_text(schema))

        def check(out: ChunkOutput) -> tuple[ChunkOutput, list[str]]:
            out = self.restore_chunk(out, texts)
            errors = _annotation_errors(out.annotations, ids)
            for key, findings in (
                ("safety_findings", out.safety_findings),
                ("efficacy_outcomes", out.efficacy_outcomes),
                ("contrasting", out.contrasting),
            ):
                for i, finding in enumerate(findings):
                    errors += finding_errors(finding, texts, f"{key}[{i}]")
            errors += _event_errors(out.adverse_events, texts, "adverse_events")
            return out, errors

        answer = await self.ask(user, schema, "chunk", ChunkOutput, check)
        if answer.outcome in ("length", "overflow") and len(views) > 1:
            self.warnings.append(self.outcome_warning(where, answer) + "; split the group in two")
            half = len(views) // 2
            self.progress.expect(2)
            halves = await asyncio.gather(self.map_chunk(views[:half], target), self.map_chunk(views[half:], target))
            return [*halves[0], *halves[1]]
        if answer.outcome != "ok":
            self.warnings.append(self.outcome_warning(where, answer))
        if answer.value is None:
            return [_ChunkResult(observed=answer.observed)]
        result = self.ground_chunk(answer.value, ids, texts, where)
        result.observed = answer.observed
        return [result]

    @staticmethod
    def restore_chunk(out: ChunkOutput, texts: dict[str, str]) -> ChunkOutput:
        """Map quotes copied from neutralised text back to the statements' characters."""
        return out.model_copy(
            update={
                "safety_findings": [_restored_finding(f, texts) for f in out.safety_findings],
                "efficacy_outcomes": [_restored_outcome(o, texts) for o in out.efficacy_outcomes],
                "contrasting": [_restored_finding(f, texts) for f in out.contrasting],
            }
        )

    def ground_chunk(self, out: ChunkOutput, ids: list[str], texts: dict[str, str], where: str) -> _ChunkResult:
        """Keep what is grounded of a map answer."""
        warnings: list[str] = []
        partial = _Partial(
            safety_findings=ground_findings(out.safety_findings, texts, warnings, f"{where} safety_findings"),
            adverse_events=ground_adverse_events(out.adverse_events, texts, warnings),
            outcomes=ground_findings(out.efficacy_outcomes, texts, warnings, f"{where} efficacy_outcomes"),
            contrasting=ground_findings(out.contrasting, texts, warnings, f"{where} contrasting"),
        )
        self.warnings += warnings
        return _ChunkResult(annotations=_first_annotations(out.annotations, ids), partial=partial, valid=True)

    # --- reduce ------------------------------------------------------------------------------------------

    async def reduce_group(self, partials: list[_Partial], target: str, texts: dict[str, str]) -> SectionsOutput:
        """Merge partials into sections in one call; split on a too-long answer; merge without a model on failure."""
        cited = list(dict.fromkeys(sid for p in partials for sid in p.cited_ids()))
        where = f"llm reduce of {len(partials)} parts"
        schema = self.schema(sections_schema(self.ids_for_schema(cited)))
        self.templates.add(REDUCE_TEMPLATE)
        user = self.prompts.render(
            REDUCE_TEMPLATE, target=target, parts=[p.prompt_text() for p in partials], schema=self.schema_text(schema)
        )

        def check(out: SectionsOutput) -> tuple[SectionsOutput, list[str]]:
            out = _restore_sections(out, texts)
            return out, _sections_errors(out, texts)

        answer = await self.ask(user, schema, "sections", SectionsOutput, check)
        if answer.outcome in ("length", "overflow") and len(partials) > 1:
            self.warnings.append(self.outcome_warning(where, answer) + "; merged the parts in two halves")
            half = len(partials) // 2
            self.progress.expect(3)
            first, second = await asyncio.gather(
                self.reduce_group(partials[:half], target, texts), self.reduce_group(partials[half:], target, texts)
            )
            return await self.reduce_group([_Partial(sections=first), _Partial(sections=second)], target, texts)
        if answer.outcome != "ok":
            self.warnings.append(self.outcome_warning(where, answer))
        if answer.value is None:
            self.warnings.append(f"{where}: kept the parts' grounded findings without an overall verdict")
            return _merge_without_model(partials)
        return answer.value

    @property
    def reduce_budget(self) -> int:
        """Estimated prompt tokens one merge call may take."""
        return self.settings.reduce_token_budget or 2 * self.settings.chunk_token_budget

    def group_partials(self, partials: list[_Partial], overhead: int) -> list[list[_Partial]]:
        """Group partials under the merge budget, at least two per group so that each level shrinks."""
        budget = self.reduce_budget
        groups: list[list[_Partial]] = []
        current: list[_Partial] = []
        used = overhead
        for partial in partials:
            cost = self.estimator.estimate(partial.prompt_text()) + 8
            if len(current) >= 2 and used + cost > budget:
                groups.append(current)
                current, used = [], overhead
            current.append(partial)
            used += cost
        if current:
            if len(current) == 1 and groups:
                groups[-1].append(current[0])
            else:
                groups.append(current)
        return groups

    def reduce_overhead(self, target: str, estimator: TokenEstimator) -> int:
        """Estimated tokens of a reduce prompt without its parts."""
        empty_user = self.prompts.render(REDUCE_TEMPLATE, target=target, parts=[], schema="")
        return estimator.estimate(self.system) + estimator.estimate(empty_user)

    async def reduce(self, partials: list[_Partial], target: str, texts: dict[str, str]) -> SectionsOutput:
        """Reduce in as many levels as the budget needs (the estimate calibrated from every call so far)."""
        self.estimator.calibrate()
        overhead = self.reduce_overhead(target, self.estimator)
        level = partials
        while True:
            groups = self.group_partials(level, overhead)
            self.progress.expect(len(groups))
            merged = await asyncio.gather(*(self.reduce_group(g, target, texts) for g in groups))
            if len(merged) == 1:
                return merged[0]
            level = [_Partial(sections=s) for s in merged]

    # --- single call -------------------------------------------------------------------------------------

    async def single(self, views: list[StatementView], target: str, texts: dict[str, str]) -> _Answer[SingleOutput]:
        """Annotate and summarise a small input in one call."""
        ids = [v.id for v in views]
        schema = self.schema(single_schema(self.ids_for_schema(ids)), annotations=len(ids))
        self.templates.add(SINGLE_TEMPLATE)
        user = self.prompts.render(SINGLE_TEMPLATE, target=target, statements=views, schema=self.schema_text(schema))

        def check(out: SingleOutput) -> tuple[SingleOutput, list[str]]:
            restored = _restore_sections(out, texts)
            out = out.model_copy(
                update={"safety": restored.safety, "efficacy": restored.efficacy, "contrasting": restored.contrasting}
            )
            return out, _annotation_errors(out.annotations, ids) + _sections_errors(out, texts)

        self.progress.expect(1)
        return await self.ask(user, schema, "brief", SingleOutput, check)


class LLMEngine:
    """Summarises statements with a model behind an OpenAI-compatible endpoint."""

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        prompts_dir: Path | None = None,
        show_progress: bool = False,
        http_client: Any = None,
    ) -> None:
        if not settings.llm.model:
            raise ConfigError("--model is required with --engine llm")
        self.settings = settings
        self.model: str = settings.llm.model
        self.prompts = PromptSet(Path(prompts_dir) if prompts_dir is not None else None)
        self.show_progress = show_progress
        self._http_client = http_client

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Annotate the statements and draw the brief's sections."""
        return _run_sync(self.arun(target, statements))

    async def _with_run(self, work: Callable[[_Run], Awaitable[ResultT]]) -> ResultT:
        cache = CallCache.open(self.settings.cache)
        client = ChatClient(self.settings.llm, cache, http_client=self._http_client)
        run = _Run(self, client)
        try:
            return await work(run)
        finally:
            run.progress.close()
            await client.aclose()
            if cache is not None:
                cache.close()

    async def arun(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Async variant of run."""
        return await self._with_run(lambda run: self._summarise(run, target, list(statements)))

    def _views(self, statements: Sequence[Statement]) -> list[StatementView]:
        limit = self.settings.max_statement_chars
        return [statement_view(s.id, s.text, limit) for s in statements]

    async def _summarise(self, run: _Run, target: Target, statements: list[Statement]) -> EngineResult:
        texts = {s.id: s.text for s in statements}
        views = self._views(statements)
        target_text = target_line(target)
        annotations: dict[str, AnnotationOut] = {}
        if not statements:
            run.warnings.append("llm: no statements, so no model call")
            sections = _empty_sections("no citing statements")
        else:
            groups = run.pack(views, run.map_overhead(target_text))
            sections_or_none: SectionsOutput | None = None
            if len(groups) == 1:
                answer = await run.single(views, target_text, texts)
                if answer.outcome in ("length", "overflow") and len(views) > 1:
                    run.warnings.append(
                        run.outcome_warning("llm brief", answer) + "; split the statements into two groups"
                    )
                    half = len(views) // 2
                    groups = [views[:half], views[half:]]
                elif answer.value is None:
                    raise NoValidOutputError(run.outcome_warning("llm brief", answer))
                else:
                    if answer.outcome != "ok":
                        run.warnings.append(run.outcome_warning("llm brief", answer))
                    ids = [v.id for v in views]
                    annotations = _first_annotations(answer.value.annotations, ids)
                    sections_or_none = answer.value
                    groups = []
            if groups:
                sections_or_none, annotations = await self._map_reduce(run, groups, target_text, texts)
            assert sections_or_none is not None
            sections = sections_or_none
        safety, efficacy, contrasting = _contract_sections(sections)
        safety, efficacy, contrasting = ground_sections(safety, efficacy, contrasting, statements, run.warnings)
        return EngineResult(
            annotations=self._annotations(statements, annotations, run.warnings),
            inferred_types=self._inferred_types(statements, annotations),
            safety=safety,
            efficacy=efficacy,
            contrasting=contrasting,
            model=self.model,
            resolved_model=run.resolved_model,
            base_url=run.client.host,
            prompt_templates=self.prompts.hashes(sorted(run.templates)),
            usage=run.usage,
            warnings=run.warnings,
        )

    async def _map_reduce(
        self, run: _Run, groups: list[list[StatementView]], target: str, texts: dict[str, str]
    ) -> tuple[SectionsOutput, dict[str, AnnotationOut]]:
        run.progress.expect(len(groups))
        maps = [asyncio.create_task(run.map_chunk(g, target)) for g in groups]
        merges: list[asyncio.Task[SectionsOutput]] = []
        try:
            results, merges, rest = await self._stream_merges(run, maps, target, texts)
            if not any(r.valid for r in results):
                reasons = "; ".join(dict.fromkeys(w.split(": ", 1)[-1] for w in run.warnings[-3:]))
                raise NoValidOutputError(f"no valid model output for any group of statements ({reasons})")
            annotations: dict[str, AnnotationOut] = {}
            for result in results:
                annotations.update(result.annotations)
            partials = [_Partial(sections=s) for s in await asyncio.gather(*merges)] + rest
        finally:
            for task in [*maps, *merges]:
                task.cancel()
        if not partials:
            run.warnings.append("llm: the model drew no grounded finding from any group, so no merge call")
            return _empty_sections("no grounded finding in the citing statements"), annotations
        return await run.reduce(partials, target, texts), annotations

    @staticmethod
    async def _stream_merges(
        run: _Run, maps: list[asyncio.Task[list[_ChunkResult]]], target: str, texts: dict[str, str]
    ) -> tuple[list[_ChunkResult], list[asyncio.Task[SectionsOutput]], list[_Partial]]:
        """Start first-level merges while later groups are still being mapped.

        Groups of merges are formed in input order, with sizes estimated from the first map call only, so the same
        answers always give the same merge requests (and a re-run hits the cache).
        """
        estimator = TokenEstimator()
        overhead = 0
        budget = run.reduce_budget
        results: list[_ChunkResult] = []
        merges: list[asyncio.Task[SectionsOutput]] = []
        current: list[_Partial] = []
        used = 0
        for index, task in enumerate(maps):
            chunk_results = await task
            if index == 0:
                estimator.observe(*chunk_results[0].observed)
                estimator.calibrate()
                overhead = run.reduce_overhead(target, estimator)
                used = overhead
            results += chunk_results
            for partial in (r.partial for r in chunk_results if not r.partial.is_empty()):
                cost = estimator.estimate(partial.prompt_text()) + 8
                if len(current) >= 2 and used + cost > budget:
                    run.progress.expect(1)
                    merges.append(asyncio.create_task(run.reduce_group(current, target, texts)))
                    current, used = [], overhead
                current.append(partial)
                used += cost
        return results, merges, current  # the trailing group goes straight to the next level

    def _annotations(
        self, statements: Sequence[Statement], found: dict[str, AnnotationOut], warnings: list[str]
    ) -> list[Annotation]:
        by = f"llm:{self.model}"
        missing = [s for s in statements if s.id not in found]
        fallback = _fallback_readings(missing)
        if missing:
            ids = [s.id for s in missing]
            shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            source = "the extractive engine" if fallback else "a neutral default (topics other, polarity unclear)"
            warnings.append(f"llm: {len(ids)} statements got no annotation from the model ({shown}); used {source}")
        result = []
        for statement in statements:
            item = found.get(statement.id)
            if item is None:
                result.append(
                    fallback.get(statement.id)
                    or Annotation(topics=["other"], polarity="unclear", annotated_by="default")
                )
                continue
            result.append(
                Annotation(
                    topics=list(dict.fromkeys(item.topics)) or ["other"],
                    polarity=item.polarity,
                    annotated_by=by,
                    adverse_events=item.adverse_events,
                    absent_events=item.absent_events,
                )
            )
        return result

    @staticmethod
    def _inferred_types(statements: Sequence[Statement], found: dict[str, AnnotationOut]) -> dict[str, StatementType]:
        return {s.id: found[s.id].stance for s in statements if s.type == "unclassified" and s.id in found}

    # --- read --------------------------------------------------------------------------------------------

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences in batches of up to 64, through the cache."""
        return _run_sync(self.aread(requests))

    async def aread(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Async variant of read."""
        return await self._with_run(lambda run: self._read(run, list(requests)))

    async def _read(self, run: _Run, requests: list[ReadRequest]) -> list[Reading]:
        limit = self.settings.max_statement_chars
        aliases = [f"S{i}" for i in range(1, len(requests) + 1)]  # ids the model sees; any request id works
        views = [statement_view(alias, r.text, limit, _question(r)) for alias, r in zip(aliases, requests, strict=True)]
        overhead = run.estimator.estimate(run.system) + 400
        batches = run.pack(views, overhead, max_items=MAX_READ_BATCH)
        run.progress.expect(len(batches))
        found: dict[str, AnnotationOut] = {}
        changes: dict[str, str] = {}
        for batch_result in await asyncio.gather(*(self._read_batch(run, b) for b in batches)):
            for item in batch_result:
                found[item.id] = item
                changes[item.id] = item.change
        by = f"llm:{self.model}"
        missing = [
            ReadRequest(id=alias, text=r.text) for alias, r in zip(aliases, requests, strict=True) if alias not in found
        ]
        fallback = _fallback_readings_full(missing)
        readings = []
        for alias, request in zip(aliases, requests, strict=True):
            item = found.get(alias)
            if item is None:
                reading = fallback.get(alias) or Reading(
                    id=alias,
                    annotation=Annotation(topics=["other"], polarity="unclear", annotated_by="default"),
                    stance="mentioning",
                )
                readings.append(reading.model_copy(update={"id": request.id}))
                continue
            annotation = Annotation(
                topics=list(dict.fromkeys(item.topics)) or ["other"],
                polarity=item.polarity,
                annotated_by=by,
                adverse_events=item.adverse_events,
                absent_events=item.absent_events,
            )
            change = changes[alias] if request.outcome else None
            readings.append(Reading(id=request.id, annotation=annotation, stance=item.stance, change=change))  # type: ignore[arg-type]
        return readings

    async def _read_batch(self, run: _Run, views: list[StatementView]) -> list[Any]:
        ids = [v.id for v in views]
        schema = run.schema(read_schema(run.ids_for_schema(ids)), annotations=len(ids))
        run.templates.add(READ_TEMPLATE)
        user = run.prompts.render(READ_TEMPLATE, statements=views, schema=run.schema_text(schema))

        def check(out: ReadOutput) -> tuple[ReadOutput, list[str]]:
            return out, _annotation_errors(out.readings, ids, "readings")

        answer = await run.ask(user, schema, "readings", ReadOutput, check)
        if answer.outcome in ("length", "overflow") and len(views) > 1:
            half = len(views) // 2
            run.progress.expect(2)
            first, second = await asyncio.gather(
                self._read_batch(run, views[:half]), self._read_batch(run, views[half:])
            )
            return [*first, *second]
        if answer.value is None:
            return []
        kept = _first_annotations(answer.value.readings, ids)
        return list(kept.values())


def _question(request: ReadRequest) -> str:
    if not request.outcome:
        return ""
    versus = f" vs {request.comparator}" if request.comparator else ""
    return f"{request.intervention or 'the intervention'}{versus}: {request.outcome}"


def _fallback_readings_full(requests: Sequence[ReadRequest]) -> dict[str, Reading]:
    """Readings from the extractive engine for what the model did not read (empty if it is unavailable)."""
    if not requests:
        return {}
    try:
        from summarizer.engines.extractive import ExtractiveEngine

        readings = ExtractiveEngine().read(list(requests))
    except Exception:  # the extractive engine is optional here; any failure means: use the neutral default
        return {}
    return {r.id: r for r in readings}


def _fallback_readings(statements: Sequence[Statement]) -> dict[str, Annotation]:
    """Annotations from the extractive engine for statements the model did not annotate."""
    requests = [ReadRequest(id=s.id, text=s.text) for s in statements]
    return {sid: r.annotation for sid, r in _fallback_readings_full(requests).items()}
