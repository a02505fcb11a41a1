"""Checks of an answer against the statements it was asked about, as lines a model can act on in a re-ask.

What the sent schema cannot say is checked here (and what a server that ignores the schema may break): one
annotation per statement id, a stance for each unclassified statement, verbatim quotes (and known ids
when the schema could not enumerate them), and a verdict that rests on a finding.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from summarizer.engines.llm.schemas import ID_FIELDS, AnnotationOut, Labelled, Sections
from summarizer.engines.llm.sections import contract_sections
from summarizer.grounding import section_errors

AnnotationT = TypeVar("AnnotationT", bound=Labelled)


def stance_errors(items: Sequence[AnnotationOut], unclassified: Collection[str]) -> list[str]:
    """An unclassified statement (shown without type=) annotated without a stance: the one case a stance is asked."""
    return [
        f"annotations[{i}]: {item.id} is shown without a type; give its stance"
        for i, item in enumerate(items)
        if item.id in unclassified and item.stance is None
    ]


def annotation_errors(items: Sequence[Labelled], ids: Sequence[str], where: str = "annotations") -> list[str]:
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


def _cited_ids(value: Any, where: str) -> list[tuple[str, str]]:
    """(where, id) of every statement id an answer cites, at any depth."""
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _cited_ids(item, f"{where}[{i}]")]
    if not isinstance(value, BaseModel):
        return []
    found = []
    for name in type(value).model_fields:
        field = getattr(value, name)
        inner = f"{where}.{name}" if where else name
        if name in ID_FIELDS:
            found += [(inner, sid) for sid in ([field] if isinstance(field, str) else field)]
        else:
            found += _cited_ids(field, inner)
    return found


def schema_errors(out: BaseModel, ids: Collection[str], annotations: int | None = None) -> list[str]:
    """What the sent schema excludes but a server that does not follow it may answer: ids other than the request's
    (the schema enumerates them) and a number of annotations other than one per statement. These are re-asked in
    map-reduce too; grounding errors there are only dropped."""
    known = set(ids)
    errors = [f"{where}: unknown statement id {sid!r}" for where, sid in _cited_ids(out, "") if sid not in known]
    items = getattr(out, "annotations", None)
    if annotations is not None and items is not None and len(items) != annotations:
        errors.append(f"annotations: {len(items)} given for {annotations} statements; give one per statement")
    return errors


def verdict_errors(out: Sections) -> list[str]:
    """An assessment other than insufficient_evidence needs at least one finding; no concerns with adverse events
    listed contradicts itself."""
    errors = []
    if out.safety.assessment != "insufficient_evidence" and not out.safety.findings:
        errors.append(
            f"safety: assessment {out.safety.assessment} needs at least one finding, else insufficient_evidence"
        )
    if out.safety.assessment == "no_concerns_reported" and out.safety.adverse_events:
        errors.append(
            "safety: assessment no_concerns_reported contradicts the adverse_events listed; give concerns_reported "
            "or mixed, or list no adverse event"
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
