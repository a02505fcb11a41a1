"""Prompts: Jinja2 templates, statements as delimited data, compact output schemas and output parsing."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import jinja2
import jinja2.meta
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import ConfigError
from summarizer.models import (
    AdverseEvent,
    Certainty,
    Change,
    Finding,
    Outcome,
    Polarity,
    Quote,
    Target,
    Topic,
)

SYSTEM_TEMPLATE = "system.j2"
MAP_TEMPLATE = "map.j2"
REDUCE_TEMPLATE = "reduce.j2"
SINGLE_TEMPLATE = "single.j2"
READ_TEMPLATE = "read.j2"
ModelT = TypeVar("ModelT", bound=BaseModel)

TEMPLATE_NAMES = (SYSTEM_TEMPLATE, MAP_TEMPLATE, REDUCE_TEMPLATE, SINGLE_TEMPLATE, READ_TEMPLATE)

_DELIMITER = re.compile(r"<(\s*/?\s*(?:statement|target|part)\b)", re.IGNORECASE)
_NEUTRALISED = re.compile(r"\u2039(\s*/?\s*(?:statement|target|part)\b)", re.IGNORECASE)
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def default_prompts_dir() -> Path:
    """The shipped templates: inside the installed package, or top-level prompts/ in a source checkout."""
    package_dir = Path(__file__).resolve().parents[2]  # summarizer/
    for candidate in (package_dir / "prompts", package_dir.parent / "prompts"):
        if (candidate / SYSTEM_TEMPLATE).is_file():
            return candidate
    raise ConfigError(f"the prompt templates are missing (looked in {package_dir / 'prompts'})")


def neutralise(text: str) -> str:
    """Defuse delimiter-like text inside data, so a statement cannot close or open a delimiter."""
    return _DELIMITER.sub("\u2039\\1", text)


def restore(text: str) -> str:
    """Undo `neutralise` on a quote the model copied from neutralised data."""
    return _NEUTRALISED.sub("<\\1", text)


def _attribute(text: str) -> str:
    return neutralise(text).replace('"', "'").replace("\n", " ")


@dataclass(frozen=True)
class StatementView:
    """A statement as a prompt shows it: id, text as data, and an optional question."""

    id: str
    text: str
    question: str = ""


def statement_view(statement_id: str, text: str, max_chars: int, question: str = "") -> StatementView:
    """Prepare one statement for a prompt: neutralise delimiters, cut to max_chars, quote-safe question."""
    return StatementView(id=statement_id, text=neutralise(text[:max_chars]), question=_attribute(question))


def target_line(target: Target | None) -> str:
    """The target as one line of data for the prompt (empty when nothing is known)."""
    if target is None:
        return ""
    parts = [target.title or "", f"({target.year})" if target.year else "", f"doi:{target.doi}" if target.doi else ""]
    return neutralise(" ".join(p for p in parts if p))


class PromptSet:
    """The templates of one run: the shipped ones, each overridable by a file of the same name in `directory`."""

    def __init__(self, directory: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if directory is not None:
            if not Path(directory).is_dir():
                raise ConfigError(f"prompt directory not found: {directory}")
            loaders.append(jinja2.FileSystemLoader(str(directory)))
        loaders.append(jinja2.FileSystemLoader(str(default_prompts_dir())))
        self._env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            trim_blocks=False,
        )

    def source(self, name: str) -> str:
        """The text of a template."""
        try:
            text, _, _ = self._env.loader.get_source(self._env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            raise ConfigError(f"prompt template not found: {name}") from None
        return text

    def render(self, name: str, **variables: Any) -> str:
        """Render a template; an undefined variable is an error."""
        try:
            return self._env.get_template(name).render(**variables).strip() + "\n"
        except jinja2.TemplateError as exc:
            raise ConfigError(f"prompt template {name}: {exc}") from None

    def used_by(self, name: str) -> list[str]:
        """The template and every template it includes, recursively."""
        seen: list[str] = []
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.append(current)
            parsed = self._env.parse(self.source(current))
            pending += [ref for ref in jinja2.meta.find_referenced_templates(parsed) if ref]
        return seen

    def hashes(self, names: Iterable[str]) -> dict[str, str]:
        """SHA-256 of the text of each named template and its includes."""
        result: dict[str, str] = {}
        for name in names:
            for used in self.used_by(name):
                result[used] = hashlib.sha256(self.source(used).encode("utf-8")).hexdigest()
        return dict(sorted(result.items()))


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


def compact_json(data: Any) -> str:
    """JSON without spaces, for prompts and schemas."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def parse_json_object(content: str | None) -> tuple[dict[str, Any] | None, str | None]:
    """Parse a model's answer as one JSON object (code fences tolerated); on failure say why."""
    if not content or not content.strip():
        return None, "the answer was empty; reply with one JSON object"
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text, strict=False)  # strict=False: raw newlines or tabs inside strings are tolerated
    except json.JSONDecodeError as exc:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[start : end + 1], strict=False) if 0 <= start < end else None
        except json.JSONDecodeError:
            data = None
        if data is None:
            return None, f"the answer is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    if not isinstance(data, dict):
        return None, "the answer must be one JSON object"
    return data, None


def validation_messages(exc: ValidationError, limit: int = 12) -> list[str]:
    """Pydantic errors as short lines a model can act on."""
    lines = []
    for error in exc.errors()[:limit]:
        where = ".".join(str(part) for part in error["loc"]) or "answer"
        lines.append(f"{where}: {error['msg']}")
    if exc.error_count() > limit:
        lines.append(f"... and {exc.error_count() - limit} more errors")
    return lines


def restore_quotes(quotes: Sequence[Quote], texts: dict[str, str]) -> list[Quote]:
    """Map quotes copied from neutralised text back to the statement's own characters."""
    restored = []
    for quote in quotes:
        text = texts.get(quote.statement_id)
        if text is not None and quote.text not in text and restore(quote.text) in text:
            quote = Quote(statement_id=quote.statement_id, text=restore(quote.text))
        restored.append(quote)
    return restored


def reask_message(errors: Sequence[str], limit: int = 20) -> str:
    """The user turn that feeds errors back to the model."""
    shown = list(errors[:limit])
    if len(errors) > limit:
        shown.append(f"... and {len(errors) - limit} more")
    return (
        "Your answer has these problems:\n- "
        + "\n- ".join(shown)
        + "\nAnswer again with the whole corrected JSON object. Cite only ids shown above; copy quotes exactly."
    )


def salvage(model: type[ModelT], data: dict[str, Any], max_drops: int = 200) -> tuple[ModelT | None, int]:
    """Validate after dropping each list item that fails validation; None if the answer's frame itself is invalid."""
    data = copy.deepcopy(data)
    for dropped in range(max_drops + 1):
        try:
            return model.model_validate(data), dropped
        except ValidationError as exc:
            loc = exc.errors()[0]["loc"]
        positions = [i for i, part in enumerate(loc) if isinstance(part, int)]
        if not positions:
            return None, dropped
        container: Any = data
        for part in loc[: positions[-1]]:
            container = container[part]
        if not isinstance(container, list) or not 0 <= int(loc[positions[-1]]) < len(container):
            return None, dropped
        del container[int(loc[positions[-1]])]
    return None, max_drops
