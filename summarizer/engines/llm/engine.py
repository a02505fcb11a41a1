"""The LLM engine: one call for a small input, map-reduce for a larger one, through the cache; and sentence reading."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from summarizer.engines.base import EngineResult, ProgressCallback, Reading, ReadRequest
from summarizer.engines.llm.checks import annotation_errors, assign_annotations, sections_errors, stance_errors
from summarizer.engines.llm.client import DeferHook
from summarizer.engines.llm.counts import intervention_ids, with_counted_support
from summarizer.engines.llm.dialects import bounds_for
from summarizer.engines.llm.fallback import extractive_readings
from summarizer.engines.llm.mapreduce import map_overhead, map_reduce
from summarizer.engines.llm.prompts import (
    SINGLE_TEMPLATE,
    PromptSet,
    StatementView,
    TargetView,
    restore_quotes,
    statement_views,
    target_view,
)
from summarizer.engines.llm.reading import annotation_of, read_sentences
from summarizer.engines.llm.schemas import AnnotationOut, ChunkOutput, Sections, SingleOutput
from summarizer.engines.llm.sections import contract_sections, empty_sections
from summarizer.engines.llm.session import Request, Session, open_session
from summarizer.engines.llm.structured import Answer, ask, outcome_warning
from summarizer.engines.llm.sync import run_sync
from summarizer.errors import ConfigError, NoValidOutputError
from summarizer.models import Annotation, Intervention, Statement, StatementType, Target
from summarizer.settings import Settings

ResultT = TypeVar("ResultT")


async def _single(
    session: Session, views: list[StatementView], target: TargetView, texts: dict[str, str], unclassified: set[str]
) -> Answer[SingleOutput]:
    """Annotate and summarise a small input in one call."""
    ids = [v.id for v in views]
    request = Request(
        SingleOutput,
        "brief",
        SINGLE_TEMPLATE,
        {"target": target, "statements": views},
        ids,
        bounds_for(SingleOutput, session.settings.max_tokens, ids),
    )

    def check(out: SingleOutput) -> tuple[SingleOutput, list[str]]:
        out = restore_quotes(out, texts)
        errors = annotation_errors(out.annotations, ids) + stance_errors(out.annotations, unclassified)
        return out, errors + sections_errors(out, texts)

    session.progress.expect(1)
    return await ask(session, request, check)


class LLMEngine:
    """Summarises statements with a model behind an OpenAI-compatible endpoint.

    Its sections come back as the model wrote them (quotes restored, re-asked while not grounded); the pipeline
    grounds them, as it grounds every engine's.
    """

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        prompts_dir: Path | None = None,
        progress: ProgressCallback | None = None,
        http_client: Any = None,
        defer: DeferHook | None = None,
    ) -> None:
        if not settings.llm.model:
            raise ConfigError("--model is required with --engine llm")
        self.settings = settings
        self.model: str = settings.llm.model
        self.prompts = PromptSet(Path(prompts_dir) if prompts_dir is not None else None)
        self.progress = progress
        self._http_client = http_client
        self._defer = defer  # set: requests not in the cache are handed over for a batch (engines/llm/batch_api.py)

    @property
    def annotated_by(self) -> str:
        """How the model's annotations are marked."""
        return f"llm:{self.model}"

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Annotate the statements and draw the brief's sections."""
        return run_sync(self.arun(target, statements))

    async def arun(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Async variant of run."""
        return await self._in_session(lambda session: self._summarise(session, target, list(statements)))

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences in batches of up to 64, through the cache."""
        return run_sync(self.aread(requests))

    async def aread(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Async variant of read."""
        limit = self.settings.max_statement_chars
        return await self._in_session(lambda session: read_sentences(session, list(requests), limit, self.annotated_by))

    async def _in_session(self, work: Callable[[Session], Awaitable[ResultT]]) -> ResultT:
        async with open_session(self.settings, self.prompts, self.progress, self._http_client, self._defer) as session:
            return await work(session)

    async def _summarise(self, session: Session, target: Target, statements: list[Statement]) -> EngineResult:
        texts = {s.id: s.text for s in statements}
        limit = self.settings.max_statement_chars
        views = statement_views(statements, limit)
        shown_target = target_view(target, statements)
        unclassified = {s.id for s in statements if s.type == "unclassified"}
        annotations: dict[str, AnnotationOut] = {}
        fallback: dict[str, Reading] = {}
        intervention: Intervention | None = None
        if not statements:
            session.warnings.append("llm: no statements, so no model call")
            sections: Sections = empty_sections("no citing statements")
        else:
            capacity = session.annotation_capacity(ChunkOutput)
            groups = session.pack(views, map_overhead(session, shown_target), capacity)
            sections_or_none: Sections | None = None
            if len(groups) == 1 and len(views) <= session.annotation_capacity(SingleOutput):
                answer = await _single(session, views, shown_target, texts, unclassified)
                if answer.too_long and len(views) > 1:
                    session.warnings.append(
                        outcome_warning("llm brief", answer, session.settings)
                        + "; split the statements into two groups"
                    )
                    half = len(views) // 2
                    groups = [views[:half], views[half:]]
                elif answer.value is None:
                    raise NoValidOutputError(outcome_warning("llm brief", answer, session.settings))
                else:
                    if answer.outcome != "ok":
                        session.warnings.append(outcome_warning("llm brief", answer, session.settings))
                    annotations = assign_annotations(answer.value.annotations, [v.id for v in views])
                    sections_or_none = answer.value
                    named = answer.value.intervention
                    if named is not None:
                        intervention = Intervention(name=named.name, statement_ids=intervention_ids(annotations))
                    groups = []
            elif len(groups) == 1:
                half = len(views) // 2
                groups = [views[:half], views[half:]]
            if groups:
                mapped = await map_reduce(session, groups, shown_target, texts)
                sections_or_none, annotations = mapped.sections, mapped.annotations
                fallback, intervention = mapped.fallback, mapped.intervention
            assert sections_or_none is not None
            sections = with_counted_support(sections_or_none, annotations, texts, session.warnings)
        safety, efficacy, contrasting = contract_sections(sections)
        return EngineResult(
            annotations=self._annotations(statements, annotations, fallback, session.warnings),
            intervention=intervention,
            inferred_types=self._inferred_types(statements, annotations),
            safety=safety,
            efficacy=efficacy,
            contrasting=contrasting,
            model=self.model,
            resolved_model=session.resolved_model,
            base_url=session.client.host,
            prompt_templates=self.prompts.hashes(sorted(session.templates)),
            usage=session.usage,
            warnings=session.warnings,
        )

    def _annotations(
        self,
        statements: Sequence[Statement],
        found: dict[str, AnnotationOut],
        fallback: dict[str, Reading],
        warnings: list[str],
    ) -> list[Annotation]:
        missing = [s for s in statements if s.id not in found]
        fallback = {
            **fallback,
            **extractive_readings([ReadRequest(id=s.id, text=s.text) for s in missing if s.id not in fallback]),
        }
        if missing:
            ids = [s.id for s in missing]
            shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            by = fallback[ids[0]].annotation.annotated_by
            warnings.append(
                f"llm: {len(ids)} statements got no valid annotation from the model {self.model} ({shown}); "
                f"their annotations are the extractive engine's (annotated_by {by})"
            )
        return [
            annotation_of(found[s.id], self.annotated_by) if s.id in found else fallback[s.id].annotation
            for s in statements
        ]

    @staticmethod
    def _inferred_types(statements: Sequence[Statement], found: dict[str, AnnotationOut]) -> dict[str, StatementType]:
        return {
            s.id: stance
            for s in statements
            if s.type == "unclassified" and s.id in found and (stance := found[s.id].stance) is not None
        }
