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
constrained decoder (and OpenAI's structured outputs, which keep the schema's key order) writes the evidence before
the conclusions: the annotations (each first saying whose claim the statement reports: `attribution`) before the
intervention's name and the findings, inside every finding its quotes and ids before its claim, and the findings
before the verdicts. The intervention's statements are not asked for: they are the annotations attributed to the
target (ATTRIBUTED) on safety or efficacy. Each annotation names the harms and the efficacy outcome (with its
direction) its statement reports, so that the support of an adverse event or an outcome is counted in code
(counts.with_counted_support), not cut by the answer's item bounds. Every label is defined in the schema's
descriptions, which are kept.
"""

from __future__ import annotations

import copy
import typing
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from summarizer.grounding import MIN_QUOTE_WORDS
from summarizer.models import (
    AdverseEvent,
    Change,
    Direction,
    EfficacyAssessment,
    Finding,
    Outcome,
    Polarity,
    SafetyAssessment,
    Stance,
    Topic,
)

EventName = Annotated[str, StringConstraints(min_length=1)]
ANNOTATION_DEF = "Annotation"  # an annotation's schema, referred to from every statement's place in the answer
Attribution = Literal["target", "target_among_several", "other_work", "none"]
ATTRIBUTED = ("target", "target_among_several")  # attributions that tie a statement's claim to the target

_ATTRIBUTION = (
    "Whose result the statement reports: target = the target study's; target_among_several = a group of works "
    "that includes the target; other_work = another study's, even of the same drug; none = no result."
)
_TOPICS = "safety = harms or tolerability; efficacy = an effect on an outcome; other = neither."
_POLARITY = (
    "For the intervention: favourable = benefit or safe; unfavourable = harm or no benefit; neutral = no judgement."
)
_STANCE = (
    "Only for a statement without type=, else null: supporting = confirms the target's findings; contrasting = "
    "contradicts or questions them; mentioning = other."
)
_OCCURRED = "Harms that occurred with it, or that it warns of: name those '<harm> (warning)'."
WARNING_SUFFIX = "(warning)"  # how an annotation or a section names a harm warned of, not observed
_ABSENT = "Harms reported as not occurring."
DIRECTIONS: tuple[str, ...] = typing.get_args(Direction)
REPORTED_SEPARATOR = ": "
REPORTED_NAME_CHARS = 30
REPORTED_CHARS = REPORTED_NAME_CHARS + len(REPORTED_SEPARATOR) + max(len(d) for d in DIRECTIONS)
# an outcome a statement reports: '<outcome>: <direction>', the key by which the code gives an efficacy outcome every
# statement that supports it (counts.with_counted_support); one string, not an object: the answer's budget per
# statement (dialects.annotation_capacity) has room for one. Its classes leave out '"' and '\' as well as ':': a
# grammar made from the pattern (llama.cpp's) must not let the name close its JSON string (with them it does, and
# llama-server answers 500 "does not match the expected peg-native format")
ReportedOutcome = Annotated[
    str, StringConstraints(pattern=rf'^[^": \\\n][^":\\\n]{{0,{REPORTED_NAME_CHARS - 1}}}: ({"|".join(DIRECTIONS)})$')
]
_REPORTED = (
    "The efficacy outcome it reports of the intervention, as '<outcome>: <direction>' with the outcome named as in "
    "efficacy outcomes and direction as there; [] when none."
)
_QUOTES = f"First: {MIN_QUOTE_WORDS}+ words copied exactly; at least one."
_IDS = "Every statement that reports it."
_CLAIM = "Last: one sentence the quotes support."


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Labelled(_Out):
    """An item of an annotation list: it names the statement it is about."""

    id: str


class AnnotationOut(Labelled):
    """The model's annotation of one statement: whose claim, then what it says."""

    attribution: Attribution = Field(description=_ATTRIBUTION)
    topics: list[Topic] = Field(min_length=1, description=_TOPICS)
    polarity: Polarity = Field(description=_POLARITY)
    stance: Stance | None = Field(default=None, description=_STANCE)
    adverse_events: list[EventName] = Field(default_factory=list, description=_OCCURRED)
    absent_events: list[EventName] = Field(default_factory=list, description=_ABSENT)
    outcomes: list[ReportedOutcome] = Field(default_factory=list, description=_REPORTED)


class InterventionName(_Out):
    """The target's intervention as the model names it; its statements are derived from the annotations."""

    name: str = Field(min_length=1, description="What the target gave, as written.")


class ChunkOutput(_Out):
    """Map step: the annotations of one group of statements, what the target studied, and the group's findings."""

    annotations: list[AnnotationOut]
    intervention: InterventionName | None
    safety_findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    efficacy_outcomes: list[Outcome] = Field(default_factory=list)
    contrasting: list[Finding] = Field(default_factory=list)


class SafetyOut(_Out):
    """The safety section as a model writes it: evidence first, then the verdict; no certainty level."""

    findings: list[Finding] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    assessment: SafetyAssessment = Field(
        description="concerns_reported = harms attributed to it, occurred or warned of; no_concerns_reported = "
        "reported safe, well tolerated, or harms no more frequent than the comparator's; mixed = both; "
        "insufficient_evidence = nothing on its harms."
    )
    summary: str = Field(description="Two or three sentences restating only the findings listed.")
    certainty_note: str = Field(default="", description="A reason the model adds to the graded certainty, or ''.")


class EfficacyOut(_Out):
    """The efficacy section as a model writes it."""

    outcomes: list[Outcome] = Field(default_factory=list)
    assessment: EfficacyAssessment = Field(
        description="On the target's primary outcome where named: benefit_reported = it improved; "
        "no_benefit_reported = no difference; harm_reported = it worsened; mixed = statements each way on the same "
        "outcome; insufficient_evidence = nothing on its effect."
    )
    summary: str = Field(description="Two or three sentences restating only the outcomes listed.")
    certainty_note: str = Field(default="", description="A reason for less confidence, or ''.")


class SectionsOutput(_Out):
    """Reduce step: the intervention's name and the merged sections."""

    intervention: InterventionName | None
    contrasting: list[Finding] = Field(default_factory=list)
    safety: SafetyOut
    efficacy: EfficacyOut


class SingleOutput(_Out):
    """One call for a small input: the annotations, what the target studied, the final sections."""

    annotations: list[AnnotationOut]
    intervention: InterventionName | None
    contrasting: list[Finding] = Field(default_factory=list)
    safety: SafetyOut
    efficacy: EfficacyOut


class ReadingOut(Labelled):
    """The model's reading of one sentence, with the change of the asked outcome."""

    topics: list[Topic] = Field(min_length=1, description=_TOPICS)
    polarity: Polarity = Field(description=_POLARITY)
    stance: Stance
    adverse_events: list[EventName] = Field(default_factory=list, description="Harms that occurred with it.")
    absent_events: list[EventName] = Field(default_factory=list, description=_ABSENT)
    change: Change = "unclear"


class ReadOutput(_Out):
    """Readings of a batch of sentences."""

    readings: list[ReadingOut]


Sections = SectionsOutput | SingleOutput
ANNOTATION_LISTS = ("annotations", "readings")  # one item per statement of the request, in its order
ID_FIELDS = ("id", "statement_id", "statement_ids")  # strings (or lists of them) that are statement ids
_DROPPED_KEYWORDS = ("title", "default")
# keys a constrained decoder writes first inside an item: whose it is and the evidence, before the conclusion
EVIDENCE_FIRST = ("id", "statement_id", "attribution", "quotes", "statement_ids")
CONCLUSION_LAST = ("claim",)
# descriptions the contract's own models give to fields a model writes (the contract's text is for readers of a
# brief; these say what to put there)
FIELD_DESCRIPTIONS = {
    "quotes": _QUOTES,
    "statement_ids": _IDS,
    "claim": _CLAIM,
    "outcome": "The measured quantity, whole; a subgroup's is an outcome of its own.",
    "direction": "For the patient (mortality decreased: improved).",
    "change": "Of the measured quantity.",
}


def _described(key: str, node: dict[str, Any]) -> dict[str, Any]:
    """A property with the description a model needs (its own, else FIELD_DESCRIPTIONS')."""
    if "description" in node or key not in FIELD_DESCRIPTIONS:
        return node
    return {"description": FIELD_DESCRIPTIONS[key], **node}


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _strict(value) for key, value in node.items() if key not in _DROPPED_KEYWORDS}
    if "properties" in out:
        out.pop("description", None)  # a class's docstring: for this code's readers, not for a model
        kept = {k: v for k, v in out["properties"].items() if not v.get("readOnly")}
        first = [k for k in EVIDENCE_FIRST if k in kept]
        last = [k for k in CONCLUSION_LAST if k in kept]
        middle = [k for k in kept if k not in first and k not in last]
        out["properties"] = {k: _described(k, kept[k]) for k in [*first, *middle, *last]}
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    if "anyOf" in out and {"type": "null"} in out["anyOf"] and len(out) == 1:
        return out  # Optional[X]: kept as anyOf [X, null], which strict servers accept
    return out


@cache
def _strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    strict: dict[str, Any] = _strict(model.model_json_schema(ref_template="#/$defs/{model}"))
    renames = {"AnnotationOut": ANNOTATION_DEF, "ReadingOut": "Reading"}
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
    """The model's JSON schema made strict: every key required, no other key, no titles or defaults; descriptions
    kept (they define each label); inside every item the evidence keys first (EVIDENCE_FIRST).

    This is the one source of what an answer must look like; the validator is the model itself.
    """
    return copy.deepcopy(_strict_schema(model))
