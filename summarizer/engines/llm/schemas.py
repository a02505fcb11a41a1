"""What a model must answer: the output models, and the one JSON schema each is sent as.

The output models compose the contract's own types (Finding, Outcome, Quote, AdverseEvent, Intervention), so the
validator of an answer is the contract's. The JSON schema sent to a server is derived from these models by
`strict_schema` (pydantic's JSON schema with a strict pass: every key required, no other key, no defaults or titles;
the contract's fields that the pipeline fills, marked readOnly, are left out, and `answer_data` leaves them out of
what a reduce prompt shows of earlier answers);
`summarizer.engines.llm.dialects` then adds the statement-id enum and the item and length bounds of one request.
Annotations are a list with exactly one item per statement of the request (minItems = maxItems), in the order the
statements are shown, each naming its statement's id: a server that follows the schema cannot leave a statement out,
and a model that skips or reorders one is caught by the ids (checks.assign_annotations). Keys are ordered so that a
constrained decoder writes the evidence (intervention, annotations, findings, quotes, events, outcomes) before the
verdicts (assessment, summary).
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from summarizer.models import (
    AdverseEvent,
    Change,
    EfficacyAssessment,
    Finding,
    Intervention,
    Outcome,
    Polarity,
    SafetyAssessment,
    Stance,
    Topic,
)

EventName = Annotated[str, StringConstraints(min_length=1)]
ANNOTATION_DEF = "A"  # short: an annotation's schema is referred to from every statement's place in the answer


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnnotationOut(_Out):
    """The model's annotation of one statement."""

    id: str
    topics: list[Topic]
    polarity: Polarity
    stance: Stance
    adverse_events: list[EventName] = Field(default_factory=list)
    absent_events: list[EventName] = Field(default_factory=list)


class InterventionName(_Out):
    """The target's intervention as a merge names it (its statements are the groups' own)."""

    name: str = Field(min_length=1)


class ChunkOutput(_Out):
    """Map step: what the target studied, the annotations and the findings of one group of statements."""

    intervention: Intervention | None
    annotations: list[AnnotationOut]
    safety_findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    efficacy_outcomes: list[Outcome] = Field(default_factory=list)
    contrasting: list[Finding] = Field(default_factory=list)


class SafetyOut(_Out):
    """The safety section as a model writes it: evidence first, then the verdict; no certainty level."""

    findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    assessment: SafetyAssessment
    summary: str
    certainty_note: str = Field(default="", description="A reason the model adds to the graded certainty, or ''.")


class EfficacyOut(_Out):
    """The efficacy section as a model writes it."""

    outcomes: list[Outcome] = Field(default_factory=list)
    assessment: EfficacyAssessment
    summary: str
    certainty_note: str = ""


class SectionsOutput(_Out):
    """Reduce step: the intervention's name and the merged sections."""

    intervention: InterventionName | None
    contrasting: list[Finding] = Field(default_factory=list)
    safety: SafetyOut
    efficacy: EfficacyOut


class SingleOutput(_Out):
    """One call for a small input: what the target studied, the annotations, the final sections."""

    intervention: Intervention | None
    annotations: list[AnnotationOut]
    contrasting: list[Finding] = Field(default_factory=list)
    safety: SafetyOut
    efficacy: EfficacyOut


class ReadingOut(AnnotationOut):
    """The model's reading of one sentence, with the change of the asked outcome."""

    change: Change = "unclear"


class ReadOutput(_Out):
    """Readings of a batch of sentences."""

    readings: list[ReadingOut]


Sections = SectionsOutput | SingleOutput
ANNOTATION_LISTS = ("annotations", "readings")  # one item per statement of the request, in its order
ID_FIELDS = ("id", "statement_id", "statement_ids")  # strings (or lists of them) that are statement ids
_DROPPED_KEYWORDS = ("title", "default", "description")


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _strict(value) for key, value in node.items() if key not in _DROPPED_KEYWORDS}
    if "properties" in out:
        out["properties"] = {k: v for k, v in out["properties"].items() if not v.get("readOnly")}
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    if "anyOf" in out and {"type": "null"} in out["anyOf"] and len(out) == 1:
        return out  # Optional[X]: kept as anyOf [X, null], which strict servers accept
    return out


@cache
def _strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    strict: dict[str, Any] = _strict(model.model_json_schema(ref_template="#/$defs/{model}"))
    renames = {"AnnotationOut": ANNOTATION_DEF, "ReadingOut": ANNOTATION_DEF}
    defs = strict.get("$defs", {})
    strict["$defs"] = {renames.get(name, name): value for name, value in defs.items()}
    renamed: dict[str, Any] = _rename_refs(strict, renames)
    return renamed


def _rename_refs(node: Any, names: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_rename_refs(item, names) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            target = value.rsplit("/", 1)[-1]
            value = f"#/$defs/{names.get(target, target)}"
        out[key] = _rename_refs(value, names)
    return out


PIPELINE_FIELDS = frozenset(
    name
    for model in (Finding, Outcome)
    for name, info in model.model_fields.items()
    if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("readOnly")
)


def _without_pipeline_fields(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_pipeline_fields(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: _without_pipeline_fields(value) for key, value in node.items() if key not in PIPELINE_FIELDS}


def answer_data(model: BaseModel) -> Any:
    """An answer (or a part of one) as JSON data in the shape the model was asked for: without the fields the
    pipeline fills."""
    return _without_pipeline_fields(model.model_dump(mode="json"))


def shared_strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`strict_schema`, shared: the caller must not change it."""
    return _strict_schema(model)


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema made strict: every key required, no other key, no titles, defaults or descriptions.

    This is the one source of what an answer must look like; the validator is the model itself.
    """
    return copy.deepcopy(_strict_schema(model))
