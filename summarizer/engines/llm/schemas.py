"""What a model must answer: the output models, and the compact JSON schemas sent as its response format."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.models import (
    AdverseEvent,
    Certainty,
    Change,
    Finding,
    Outcome,
    Polarity,
    Topic,
)

# Output models: what a model must answer. Contract models forbid unknown keys, so these do too.


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


Stance = Literal["supporting", "mentioning", "contrasting"]


class AnnotationOut(_Out):
    """The model's annotation of one statement."""

    id: str
    topics: list[Topic]
    polarity: Polarity
    adverse_events: list[str] = Field(default_factory=list)
    absent_events: list[str] = Field(default_factory=list)
    stance: Stance = "mentioning"


class ChunkOutput(_Out):
    """Map step: annotations and findings of one group of statements."""

    annotations: list[AnnotationOut]
    safety_findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    efficacy_outcomes: list[Outcome] = Field(default_factory=list)
    contrasting: list[Finding] = Field(default_factory=list)


class SafetyOut(_Out):
    """The safety section as a model writes it."""

    assessment: Literal["no_concerns_reported", "concerns_reported", "mixed", "insufficient_evidence"]
    summary: str
    findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    certainty: Certainty


class EfficacyOut(_Out):
    """The efficacy section as a model writes it."""

    assessment: Literal["benefit_reported", "no_benefit_reported", "harm_reported", "mixed", "insufficient_evidence"]
    summary: str
    outcomes: list[Outcome] = Field(default_factory=list)
    certainty: Certainty


class SectionsOutput(_Out):
    """Reduce step: the merged safety, efficacy and contrasting sections."""

    safety: SafetyOut
    efficacy: EfficacyOut
    contrasting: list[Finding] = Field(default_factory=list)


class SingleOutput(SectionsOutput):
    """One call for a small input: annotations and the final sections."""

    annotations: list[AnnotationOut]


class ReadingOut(AnnotationOut):
    """The model's reading of one sentence, with the change of the asked outcome."""

    change: Change = "unclear"


class ReadOutput(_Out):
    """Readings of a batch of sentences."""

    readings: list[ReadingOut]


# Compact JSON schemas for the response_format (all keys required, no extra keys: OpenAI strict mode).


def _obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _arr(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _enum(*values: str) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


_STR = {"type": "string"}
_ID = {"$ref": "#/$defs/id"}
_TOPICS = _arr(_enum("safety", "efficacy", "other"))
_POLARITY = _enum("favourable", "unfavourable", "neutral", "unclear")
_STANCE = _enum("supporting", "mentioning", "contrasting")
_CHANGE = _enum("increased", "decreased", "no_difference", "unclear")
_CERTAINTY = _obj(level=_enum("high", "moderate", "low", "very_low"), reasons=_arr(_STR))
_FINDING_REF = _arr({"$ref": "#/$defs/finding"})
_OUTCOME_REF = _arr({"$ref": "#/$defs/outcome"})
_EVENTS = _arr(_obj(name=_STR, statement_ids=_arr(_ID)))


def _annotation(**extra: Any) -> dict[str, Any]:
    return _obj(
        id=_ID,
        topics=_TOPICS,
        polarity=_POLARITY,
        adverse_events=_arr(_STR),
        absent_events=_arr(_STR),
        stance=_STANCE,
        **extra,
    )


def _defs(ids: Sequence[str] | None) -> dict[str, Any]:
    finding = {
        "claim": _STR,
        "statement_ids": _arr(_ID),
        "quotes": _arr(_obj(statement_id=_ID, text=_STR)),
    }
    return {
        "id": _enum(*ids) if ids else _STR,
        "finding": _obj(**finding),
        "outcome": _obj(
            **finding,
            outcome=_STR,
            direction=_enum("improved", "worsened", "no_difference", "unclear"),
            change=_CHANGE,
        ),
    }


def _sections() -> dict[str, Any]:
    return {
        "safety": _obj(
            assessment=_enum("no_concerns_reported", "concerns_reported", "mixed", "insufficient_evidence"),
            summary=_STR,
            findings=_FINDING_REF,
            adverse_events=_EVENTS,
            certainty=_CERTAINTY,
        ),
        "efficacy": _obj(
            assessment=_enum(
                "benefit_reported", "no_benefit_reported", "harm_reported", "mixed", "insufficient_evidence"
            ),
            summary=_STR,
            outcomes=_OUTCOME_REF,
            certainty=_CERTAINTY,
        ),
        "contrasting": _FINDING_REF,
    }


def _with_defs(schema: dict[str, Any], ids: Sequence[str] | None) -> dict[str, Any]:
    return {**schema, "$defs": _defs(ids)}


MAX_FINDINGS = 4
MAX_CITED = 3
MAX_TEXT_CHARS = 240
MAX_SUMMARY_CHARS = 500


def bounded(schema: Any, annotations: int | None = None) -> Any:
    """Add size limits (for grammar-constrained servers such as llama.cpp): an answer cannot run on forever."""
    if isinstance(schema, list):
        return [bounded(item, annotations) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":
            result[key] = {name: _limit(name, bounded(sub, annotations), annotations) for name, sub in value.items()}
        else:
            result[key] = bounded(value, annotations)
    return result


def _limit(name: str, schema: dict[str, Any], annotations: int | None) -> dict[str, Any]:
    if schema.get("type") == "array":
        if name in ("annotations", "readings"):
            return {**schema, "minItems": annotations, "maxItems": annotations} if annotations is not None else schema
        if name in ("statement_ids", "quotes", "reasons"):
            return {**schema, "minItems": 1, "maxItems": MAX_CITED}
        if name in ("topics", "adverse_events", "absent_events") and schema["items"].get("type") == "string":
            return {**schema, "maxItems": MAX_CITED}
        return {**schema, "maxItems": MAX_FINDINGS}
    if schema.get("type") == "string" and "enum" not in schema:
        return {**schema, "maxLength": MAX_SUMMARY_CHARS if name == "summary" else MAX_TEXT_CHARS}
    return schema


def chunk_schema(ids: Sequence[str] | None) -> dict[str, Any]:
    """Schema of a map answer; `ids` (when given) constrains every statement id."""
    return _with_defs(
        _obj(
            annotations=_arr(_annotation()),
            safety_findings=_FINDING_REF,
            adverse_events=_EVENTS,
            efficacy_outcomes=_OUTCOME_REF,
            contrasting=_FINDING_REF,
        ),
        ids,
    )


def sections_schema(ids: Sequence[str] | None) -> dict[str, Any]:
    """Schema of a reduce answer."""
    return _with_defs(_obj(**_sections()), ids)


def single_schema(ids: Sequence[str] | None) -> dict[str, Any]:
    """Schema of the one-call answer for a small input."""
    return _with_defs(_obj(annotations=_arr(_annotation()), **_sections()), ids)


def read_schema(ids: Sequence[str] | None) -> dict[str, Any]:
    """Schema of a batch of readings."""
    return _with_defs(_obj(readings=_arr(_annotation(change=_CHANGE))), ids)
