"""Checks of an answer against the statements it was asked about, as lines a model can act on in a re-ask.

What the sent schema cannot say is checked here (and what a server that ignores the schema may break): one
annotation per statement id, verbatim quotes (and known ids
when the schema could not enumerate them), and a verdict that rests on a finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from summarizer.engines.llm.schemas import AnnotationOut, ChunkOutput, Sections
from summarizer.engines.llm.sections import contract_sections
from summarizer.grounding import finding_errors, section_errors
from summarizer.models import AdverseEvent, Intervention

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
        errors.append(f"{where}: missing for {shown}; give one per statement, in the order shown")
    return errors


def assign_annotations(items: Sequence[AnnotationT], ids: Sequence[str]) -> dict[str, AnnotationT]:
    """Each statement's annotation: by the ids the model gave when they are the request's ids each once (in any
    order); else, when there is one item per statement (as the schema demands), by position; else by the ids that
    are known, first one kept."""
    by_id: dict[str, AnnotationT] = {}
    for item in items:
        if item.id in set(ids) and item.id not in by_id:
            by_id[item.id] = item
    if len(by_id) == len(ids) == len(items) or len(items) != len(ids):
        return {sid: by_id[sid] for sid in ids if sid in by_id}
    return dict(zip(ids, items, strict=True))


def _id_errors(ids: Sequence[str], texts: Mapping[str, str], where: str) -> list[str]:
    return [f"{where}: unknown statement id {sid!r}" for sid in ids if sid not in texts]


def event_errors(events: Sequence[AdverseEvent], texts: Mapping[str, str], where: str) -> list[str]:
    """Adverse events that cite unknown statement ids."""
    return [err for i, event in enumerate(events) for err in _id_errors(event.statement_ids, texts, f"{where}[{i}]")]


def intervention_errors(intervention: Intervention | None, texts: Mapping[str, str]) -> list[str]:
    """An intervention that cites unknown statement ids."""
    return [] if intervention is None else _id_errors(intervention.statement_ids, texts, "intervention")


def chunk_errors(out: ChunkOutput, ids: Sequence[str], texts: Mapping[str, str]) -> list[str]:
    """Everything wrong with a map answer: its annotations, the grounding of its findings, its events' ids."""
    errors = annotation_errors(out.annotations, ids) + intervention_errors(out.intervention, texts)
    for key, findings in (
        ("safety_findings", out.safety_findings),
        ("efficacy_outcomes", out.efficacy_outcomes),
        ("contrasting", out.contrasting),
    ):
        for i, finding in enumerate(findings):
            errors += finding_errors(finding, texts, f"{key}[{i}]")
    return errors + event_errors(out.adverse_events, texts, "adverse_events")


def verdict_errors(out: Sections) -> list[str]:
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


def sections_errors(out: Sections, texts: Mapping[str, str]) -> list[str]:
    """Grounding errors of the sections, then verdicts without evidence."""
    safety, efficacy, contrasting = contract_sections(out)
    return section_errors(safety, efficacy, contrasting, texts).errors + verdict_errors(out)
