"""Checks of an answer against the statements it was asked about, as lines a model can act on in a re-ask."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from summarizer.engines.llm.schemas import AnnotationOut, ChunkOutput, SectionsOutput
from summarizer.engines.llm.sections import contract_sections
from summarizer.grounding import finding_errors, section_errors
from summarizer.models import AdverseEvent

AnnotationT = TypeVar("AnnotationT", bound=AnnotationOut)


def annotation_errors(items: Sequence[AnnotationOut], ids: Sequence[str], where: str = "annotations") -> list[str]:
    """Unknown ids, ids annotated twice, and ids without an annotation."""
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


def first_annotations(items: Sequence[AnnotationT], ids: Sequence[str]) -> dict[str, AnnotationT]:
    """The first annotation of each known id, by id."""
    known = set(ids)
    kept: dict[str, AnnotationT] = {}
    for item in items:
        if item.id in known and item.id not in kept:
            kept[item.id] = item
    return kept


def event_errors(events: Sequence[AdverseEvent], texts: dict[str, str], where: str) -> list[str]:
    """Adverse events that cite unknown statement ids."""
    return [
        f"{where}[{i}]: unknown statement id {sid!r}"
        for i, event in enumerate(events)
        for sid in event.statement_ids
        if sid not in texts
    ]


def chunk_errors(out: ChunkOutput, ids: Sequence[str], texts: dict[str, str]) -> list[str]:
    """Everything wrong with a map answer: its annotations, the grounding of its findings, its events' ids."""
    errors = annotation_errors(out.annotations, ids)
    for key, findings in (
        ("safety_findings", out.safety_findings),
        ("efficacy_outcomes", out.efficacy_outcomes),
        ("contrasting", out.contrasting),
    ):
        for i, finding in enumerate(findings):
            errors += finding_errors(finding, texts, f"{key}[{i}]")
    return errors + event_errors(out.adverse_events, texts, "adverse_events")


def verdict_errors(out: SectionsOutput) -> list[str]:
    """An assessment other than insufficient_evidence needs at least one finding."""
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


def sections_errors(out: SectionsOutput, texts: dict[str, str]) -> list[str]:
    """Grounding errors of the sections, then verdicts without evidence."""
    safety, efficacy, contrasting = contract_sections(out)
    return section_errors(safety, efficacy, contrasting, texts).errors + verdict_errors(out)
