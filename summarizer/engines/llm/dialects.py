"""How a request asks for structured output, per dialect: the response_format, the schema it carries, and its bounds.

Every dialect sends the same schema (schemas.strict_schema of the output model), adapted by one function:
- `json_schema`: OpenAI strict structured output. Only the keywords OpenAI documents for strict mode are used
  (enum, anyOf, $ref, pattern, minItems, maxItems), so a non-empty string is `pattern`, not `minLength`.
- `json_object`: `{"type": "json_object", "schema": ...}`: llama.cpp (llama-cpp-python's server and llama-server)
  turns the schema into a grammar, so it also carries `minLength`/`maxLength`; servers that drop the `schema` key
  (vLLM, Ollama, OpenAI) see it in the prompt when `schema_in_prompt` is on.
- `none`: no response_format; the schema goes into the prompt.

Bounds derive from `max_tokens`: the largest answer the bounded schema allows is estimated at CHARS_PER_TOKEN
characters a token and must fit, so a grammar-constrained small model cannot run past `max_tokens`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from summarizer.engines.llm.schemas import (
    ANNOTATION_DEF,
    ANNOTATION_LISTS,
    ID_FIELDS,
    REPORTED_CHARS,
    shared_strict_schema,
)

DIALECTS = ("json_schema", "json_object", "none")
FALLBACK = {"json_schema": "json_object"}  # the one fallback when a server refuses a dialect
NON_BLANK = r"^[\s\S]*\S[\s\S]*$"  # a string with a non-space character, anchored for servers that anchor patterns
CHARS_PER_TOKEN = 3.0  # JSON answers: conservative, so that the estimate of the largest answer errs high
MAX_FINDINGS = 8
MIN_FINDINGS = 1
FINDINGS_STEPS = (8, 6, 4)  # items of a list tried first, each with as many ids as fit; then fewer (3, 2, 1)
MAX_CITED = 64  # statement ids one finding may cite, at most (fewer when the request has fewer)
QUOTES_STEPS = (4, 2)
ID_DEF = "Id"


@dataclass(frozen=True)
class Bounds:
    """Item and length bounds of one answer."""

    annotations: int | None = None  # exactly this many annotations (one per statement of the request)
    findings: int = MAX_FINDINGS  # items of each list of findings, outcomes or events
    cited: int = 2  # statement ids of one finding or event
    quotes: int = 2  # quotes of one finding (at least one)
    names: int = 2  # adverse events of one annotation
    absent: int = 1  # absent events of one annotation
    reported: int = 1  # outcomes one annotation names
    intervention_ids: int | None = None  # statements about the intervention (default: the annotations)
    text_chars: int = 200  # a claim, a quote, a certainty note
    name_chars: int = 40  # an intervention, an adverse event, an outcome
    event_chars: int = 32  # a harm an annotation names (its list is in every statement's annotation)
    summary_chars: int = 400


def response_format(dialect: str, schema: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The response_format of a dialect."""
    if dialect == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}
    if dialect == "json_object":
        return {"type": "json_object", "schema": schema}
    return None


def _string_bound(key: str, parent: str, bounds: Bounds) -> int:
    if parent == ANNOTATION_DEF and key == "outcomes":
        return REPORTED_CHARS  # its pattern bounds it too
    if key == "summary":
        return bounds.summary_chars
    if key in ("adverse_events", "absent_events"):
        return bounds.event_chars
    if key in ("name", "outcome"):
        return bounds.name_chars
    return bounds.text_chars


def _array_bound(key: str, parent: str, bounds: Bounds, item: dict[str, Any]) -> int:
    if key in ANNOTATION_LISTS and bounds.annotations is not None:
        return bounds.annotations
    if parent == "Intervention" and key == "statement_ids":
        return bounds.intervention_ids or bounds.annotations or bounds.cited
    if key == "statement_ids":
        return bounds.cited
    if key == "quotes":
        return bounds.quotes
    if key == "topics":
        return 2  # safety and efficacy; other alone
    if key == "adverse_events" and item.get("type") == "string":
        return bounds.names
    if key == "absent_events" and item.get("type") == "string":
        return bounds.absent
    if parent == ANNOTATION_DEF and key == "outcomes":
        return bounds.reported
    return bounds.findings


def _adapt(node: Any, dialect: str, bounds: Bounds, enum: bool, key: str = "", parent: str = "") -> Any:
    if isinstance(node, list):
        return [_adapt(item, dialect, bounds, enum, key, parent) for item in node]
    if not isinstance(node, dict):
        return node
    if enum and key in ID_FIELDS and node.get("type") == "string":
        return {"$ref": f"#/$defs/{ID_DEF}"}
    out: dict[str, Any] = {}
    for name, value in node.items():
        if name == "properties":
            out[name] = {k: _adapt(v, dialect, bounds, enum, k, parent) for k, v in value.items()}
        elif name == "$defs":
            out[name] = {k: _adapt(v, dialect, bounds, enum, "", k) for k, v in value.items()}
        else:
            out[name] = _adapt(value, dialect, bounds, enum, key, parent)
    if out.get("type") == "array":
        out["maxItems"] = _array_bound(key, parent, bounds, node.get("items", {}))
        if key in ANNOTATION_LISTS and bounds.annotations is not None:
            out["minItems"] = bounds.annotations
        elif key == "quotes":
            out["minItems"] = 1  # a finding rests on a quote (checks.sections_errors, grounding)
    elif out.get("type") == "string" and "enum" not in out:
        minimum = out.pop("minLength", 0)
        if dialect == "json_schema":
            if minimum:
                out["pattern"] = NON_BLANK
        else:
            if minimum:
                out["minLength"] = minimum
            out["maxLength"] = _string_bound(key, parent, bounds)
    return out


def request_schema(
    model: type[BaseModel], dialect: str, ids: Sequence[str], bounds: Bounds, enum: bool = True
) -> dict[str, Any]:
    """The schema of `model` as `dialect` sends it: statement ids as an enum (unless `enum` is off or there are
    none), and the bounds (one annotation per statement)."""
    enum = enum and bool(ids)
    schema: dict[str, Any] = _adapt(shared_strict_schema(model), dialect, bounds, enum)  # _adapt copies
    if enum:
        schema.setdefault("$defs", {})[ID_DEF] = {"type": "string", "enum": list(ids)}
    return schema


# --- sizes -------------------------------------------------------------------------------------------------------


def largest_answer_chars(schema: dict[str, Any], node: Any = None) -> int:
    """Characters of the largest compact JSON answer a bounded schema allows (strings at their maxLength)."""
    node = schema if node is None else node
    if "$ref" in node:
        return largest_answer_chars(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    if "anyOf" in node:
        return max(largest_answer_chars(schema, option) for option in node["anyOf"])
    if "enum" in node:
        return max((len(str(value)) for value in node["enum"]), default=0) + 2
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        return 2 + sum(len(k) + 4 + largest_answer_chars(schema, v) for k, v in props.items())
    if kind == "array":
        count = node.get("maxItems", 1)
        return 2 + count * (largest_answer_chars(schema, node.get("items", {})) + 1)
    if kind == "string":
        return node.get("maxLength", 1000) + 2
    if kind == "null":
        return 4
    return 24


def fits(model: type[BaseModel], bounds: Bounds, max_tokens: int, ids: Sequence[str] = ()) -> bool:
    """Whether the largest answer the bounds allow fits in max_tokens."""
    sized = request_schema(model, "json_object", ids, bounds)
    return largest_answer_chars(sized) <= max_tokens * CHARS_PER_TOKEN


def _cited_steps(ids: Sequence[str]) -> list[int]:
    most = max(2, min(len(ids), MAX_CITED))
    steps = [most]
    while steps[-1] > 2:
        steps.append(max(2, steps[-1] // 2))
    return steps


def bounds_for(model: type[BaseModel], max_tokens: int, ids: Sequence[str], annotated: bool = True) -> Bounds:
    """Item bounds sized from max_tokens: the most findings per list (8, 6 or 4), each with as many statement ids
    (up to every id of the request) and quotes as let the largest answer still fit; when not even 4 findings of 2
    ids fit, fewer findings (at least one)."""
    base = Bounds(annotations=len(ids) if annotated else None, intervention_ids=len(ids) if ids else None)
    for findings in FINDINGS_STEPS:
        if not fits(model, replace(base, findings=findings), max_tokens, ids):
            continue  # not even with 2 ids and 2 quotes each
        for cited in _cited_steps(ids):
            for quotes in QUOTES_STEPS:
                bounds = replace(base, findings=findings, cited=cited, quotes=quotes)
                if fits(model, bounds, max_tokens, ids):
                    return bounds
    for findings in range(min(FINDINGS_STEPS) - 1, MIN_FINDINGS - 1, -1):
        bounds = replace(base, findings=findings)
        if fits(model, bounds, max_tokens, ids):
            return bounds
    return replace(base, findings=MIN_FINDINGS)


@functools.cache
def annotation_capacity(model: type[BaseModel], max_tokens: int, id_chars: int = 6) -> int:
    """The most statements one request may annotate so that its largest answer fits in max_tokens."""
    low, high = 1, 4096
    while low < high:
        middle = (low + high + 1) // 2
        ids = [f"S{i:0{id_chars - 1}d}" for i in range(middle)]
        if fits(model, Bounds(annotations=middle, findings=MIN_FINDINGS + 1, intervention_ids=middle), max_tokens, ids):
            low = middle
        else:
            high = middle - 1
    return low
