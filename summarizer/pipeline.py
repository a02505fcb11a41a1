"""The pipeline: normalise statements, run an engine, ground its output, tally, and assemble the brief."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import BaseModel

from summarizer._version import __version__
from summarizer.certainty import grade_section, notes_of
from summarizer.citations import citation_marks, mark_group_citations
from summarizer.design import DesignReading, read_design
from summarizer.engines import Engine, EngineResult, make_engine
from summarizer.grounding import ground_intervention, ground_sections
from summarizer.models import Brief, Efficacy, Intervention, Provenance, Safety, Source, Statement, Target
from summarizer.settings import Settings
from summarizer.tally import compute_coverage, compute_tally, findings_on_retracted_citers

ModelT = TypeVar("ModelT", bound=BaseModel)

NO_INTERVENTION_SUMMARY = (
    "The target does not appear to study an intervention (no treatment was found that its citing statements "
    "report effects or harms of), so there is no {topic} verdict to give."
)


def normalise(statements: Sequence[Statement], in_place: bool = False) -> list[Statement]:
    """Normalise whitespace, merge exact duplicates into occurrences, number the statements S1, S2, ..., and mark
    those that cite the target among several works (cites_several, cited_works).

    A statement already in that form is returned as it is, not copied, so that normalising twice costs no memory;
    the strings many statements share (sections, types) are kept once.
    in_place: change the given statement objects themselves rather than copies of them (the caller owns them, and
    lets go of the list): the same values, without a copy of each statement that changes.
    """
    merged: dict[tuple[object, ...], tuple[Statement, str, int]] = {}
    for statement in statements:
        text = statement.text
        if not _spaced_once(text):
            # a text of only separators that str.split() takes for spaces (\x1c-\x1f) is kept: the contract's \S
            # allows it
            joined = " ".join(text.split()) or text
            text = text if joined == text else joined
        citing = statement.citing
        key = (text, citing.doi, citing.title, citing.year, statement.section)
        kept = merged.get(key)
        if kept is None:
            merged[key] = (statement, text, statement.occurrences)
        else:
            merged[key] = (kept[0], text, statement.occurrences + kept[2])
    shared: dict[str | None, str | None] = {}
    normalised = []
    for i, (first, text, occurrences) in enumerate(merged.values(), start=1):
        number = f"S{i}"
        several, works = citation_marks(text)
        marked = first.cites_several == several and first.cited_works == works
        if first.id == number and first.text is text and first.occurrences == occurrences:
            if not marked:
                first = _updated(first, {"cites_several": several, "cited_works": works}, in_place)
            normalised.append(first)
            continue
        update: dict[str, object] = {
            "id": number,
            "text": text,
            "occurrences": occurrences,
            "cites_several": several,
            "cited_works": works,
        }
        for name in _SHARED_FIELDS:
            value = getattr(first, name)
            update[name] = shared.setdefault(value, value)
        normalised.append(_updated(first, update, in_place))
    return normalised


def _spaced_once(text: str) -> bool:
    """Whether the text is already as normalise spaces it (most are): no space at either end or beside another, and
    no other white space (every white space but the space is unprintable to str.isprintable). Quicker to tell than
    to split and join the text again."""
    return "  " not in text and text[:1] != " " and text[-1:] != " " and text.isprintable()


def _updated(model: ModelT, update: dict[str, object], in_place: bool) -> ModelT:
    """model.model_copy(update=update), or, in place, the same change made to the model itself: the values set as
    they are (no validation, as model_copy) and the fields marked set. Pydantic's own assignment does that much for
    a plain field, through a dispatch per attribute that costs more than the change on 20,000 statements."""
    if not in_place:
        return model.model_copy(update=update)
    vars(model).update(update)
    model.model_fields_set.update(update)
    return model


# strings that many statements share: one object each, not one per statement
_SHARED_FIELDS = ("section", "type", "type_source")


def _statements_sha256(statements: Sequence[Statement]) -> str:
    digest = hashlib.sha256()
    for s in statements:
        digest.update(s.model_dump_json(exclude={"annotation"}).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _limit_warnings(statements: Sequence[Statement], settings: Settings) -> list[str]:
    limit = settings.max_statement_chars
    return [
        f"statement {s.id} has {len(s.text)} characters, over the limit of {limit}; "
        "an LLM engine reads only its first part"
        for s in statements
        if len(s.text) > limit
    ]


def _as_source(source: Source | Sequence[Statement]) -> Source:
    if isinstance(source, Source):
        return source
    return Source(format="statements", statements=list(source))


def _resolve_engine(engine: str | Engine | None, settings: Settings) -> Engine:
    if engine is None:
        return make_engine(settings.engine, settings)
    if isinstance(engine, str):
        return make_engine(engine, settings)
    return engine


def withhold_verdicts(
    safety: Safety, efficacy: Efficacy, intervention: Intervention | None, warnings: list[str]
) -> tuple[Safety, Efficacy]:
    """Both verdicts judge the target's intervention: without one, both are insufficient_evidence (the contract,
    docs/brief-v1.md), whatever the engine concluded; the findings stay, the summary says why."""
    if intervention is not None:
        return safety, efficacy
    if safety.assessment != "insufficient_evidence":
        warnings.append(
            f"safety: assessment {safety.assessment!r} withheld: the engine found no intervention the target studies"
        )
        safety = safety.model_copy(
            update={"assessment": "insufficient_evidence", "summary": NO_INTERVENTION_SUMMARY.format(topic="safety")}
        )
    if efficacy.assessment != "insufficient_evidence":
        warnings.append(
            f"efficacy: assessment {efficacy.assessment!r} withheld: the engine found no intervention the target "
            "studies"
        )
        efficacy = efficacy.model_copy(
            update={"assessment": "insufficient_evidence", "summary": NO_INTERVENTION_SUMMARY.format(topic="efficacy")}
        )
    return safety, efficacy


def assemble_brief(
    target: Target,
    statements: Sequence[Statement],
    result: EngineResult,
    engine_name: str,
    settings: Settings,
    input_sha256: str | None,
    warnings: Sequence[str] = (),
    in_place: bool = False,
    design: DesignReading | None = None,
) -> Brief:
    """Annotate the statements with the engine's result, ground its sections once, grade them from the target's
    design, and tally.

    in_place: annotate the given statement objects themselves rather than copies of them (the caller owns them).
    design: the target's design as read from the normalised statements (read here when not given).
    """
    if design is None:
        design = read_design(target, statements)
    if len(result.annotations) != len(statements):
        raise RuntimeError(
            f"engine {engine_name} returned {len(result.annotations)} annotations for {len(statements)} statements"
        )
    annotated = []
    inferred_types = result.inferred_types
    for statement, annotation in zip(statements, result.annotations, strict=True):
        update: dict[str, object] = {"annotation": annotation}
        inferred = inferred_types.get(statement.id) if statement.type == "unclassified" else None
        if inferred is not None:
            update["type"] = inferred
            update["type_source"] = engine_name
        annotated.append(_updated(statement, update, in_place))
    all_warnings = [*warnings, *result.warnings]
    safety, efficacy, contrasting = ground_sections(
        result.safety, result.efficacy, result.contrasting, annotated, all_warnings
    )
    texts = {s.id: s.text for s in annotated}
    intervention = ground_intervention(result.intervention, texts, all_warnings)
    safety, efficacy = withhold_verdicts(safety, efficacy, intervention, all_warnings)
    safety, efficacy, contrasting = mark_group_citations(annotated, safety, efficacy, contrasting)
    safety_notes, efficacy_notes = notes_of(result.safety.certainty), notes_of(result.efficacy.certainty)
    safety = safety.model_copy(
        update={
            "certainty": grade_section(
                safety.findings, annotated, safety.assessment == "mixed", "safety", safety_notes, design.design
            )
        }
    )
    efficacy = efficacy.model_copy(
        update={
            "certainty": grade_section(
                efficacy.outcomes,
                annotated,
                efficacy.assessment == "mixed",
                "efficacy",
                efficacy_notes,
                design.design,
            )
        }
    )
    on_retracted = findings_on_retracted_citers(annotated, safety, efficacy, contrasting)
    all_warnings += [
        f"the finding at {pointer} rests only on statements from retracted citing papers" for pointer in on_retracted
    ]
    provenance = Provenance(
        engine=engine_name,
        model=result.model,
        resolved_model=result.resolved_model,
        base_url=result.base_url,
        prompt_templates=result.prompt_templates,
        config_sha256=settings.sha256(),
        input_sha256=input_sha256 or _statements_sha256(statements),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        tool_version=__version__,
        usage=result.usage,
        warnings=all_warnings,
    )
    return Brief(
        target=target.model_copy(
            update={
                "intervention": intervention,
                "design": design.design,
                "design_statement_ids": design.statement_ids,
            }
        ),
        statements=annotated,
        tally=compute_tally(annotated),
        safety=safety,
        efficacy=efficacy,
        contrasting=contrasting,
        coverage=compute_coverage(annotated, safety, efficacy, contrasting),
        provenance=provenance,
        findings_on_retracted_citers=on_retracted,
    )


class _Run:
    """One brief in the making: the source, its normalised statements, the engine and the settings."""

    def __init__(
        self,
        source: Source | Sequence[Statement],
        engine: str | Engine | None,
        settings: Settings | None,
        owned: bool = False,
    ) -> None:
        self.owned = owned
        self.settings = settings or Settings()
        self.source = _as_source(source)
        self.statements = normalise(self.source.statements, in_place=owned)
        self._design: DesignReading | None = None
        if owned:  # the source's own statements, where normalising replaced them, are let go before the engine runs
            self.source = self.source.model_copy(update={"statements": self.statements})
        self.engine = _resolve_engine(engine, self.settings)

    @property
    def design(self) -> DesignReading:
        """The target's design, read once from the normalised statements for every engine; certainty starts from
        it. Read when first asked: an engine that reads in worker processes asks for it once they have started."""
        if self._design is None:
            self._design = read_design(self.source.target, self.statements)
        return self._design

    @property
    def engine_target(self) -> Target:
        """The target as the engine gets it: with the design read here once (an engine need not read it again)."""
        design = {"design": self.design.design, "design_statement_ids": self.design.statement_ids}
        return self.source.target.model_copy(update=design)

    def finish(self, result: EngineResult, input_sha256: str | None) -> Brief:
        warnings = [*self.source.warnings, *_limit_warnings(self.statements, self.settings)]
        return assemble_brief(
            self.source.target,
            self.statements,
            result,
            self.engine.name,
            self.settings,
            input_sha256 or self.source.input_sha256,
            warnings,
            in_place=self.owned,
            design=self.design,
        )


def summarize(
    source: Source | Sequence[Statement],
    engine: str | Engine | None = None,
    settings: Settings | None = None,
    input_sha256: str | None = None,
    owned: bool = False,
) -> Brief:
    """Make the evidence brief of a source's statements with the named engine (default: from settings).

    owned: the caller hands the source over; its statements may become the brief's (annotated in place, not
    copied), so that a large input is held once.
    """
    run = _Run(source, engine, settings, owned)
    return run.finish(_engine_result(run), input_sha256)


def _engine_result(run: _Run) -> EngineResult:
    """The engine's result for the run's statements. An engine that can take its target while it reads
    (`run_reading_first`: the extractive engine, which reads in worker processes) gets it then, so that the design
    is read beside its workers rather than before they start."""
    run_reading_first = getattr(run.engine, "run_reading_first", None)
    if run_reading_first is not None:
        return run_reading_first(run.statements, lambda: run.engine_target)
    return run.engine.run(run.engine_target, run.statements)


async def asummarize(
    source: Source | Sequence[Statement],
    engine: str | Engine | None = None,
    settings: Settings | None = None,
    input_sha256: str | None = None,
) -> Brief:
    """Async variant of summarize: uses the engine's `arun` when it has one."""
    import asyncio  # loaded by async callers only, not by the command line

    run = _Run(source, engine, settings)
    arun = getattr(run.engine, "arun", None)
    if arun is not None:
        result = await arun(run.engine_target, run.statements)
    else:
        result = await asyncio.to_thread(run.engine.run, run.engine_target, run.statements)
    return run.finish(result, input_sha256)
