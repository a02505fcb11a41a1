"""The project's own JSON Lines format: a target record, then one record per statement."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.models import Source, Statement, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import StatementMaker
from summarizer.readers.jsondoc import parse_document
from summarizer.readers.limits import active_limits

# Characters json.dumps leaves raw with ensure_ascii=False but str.splitlines() and some tools treat as line ends.
_LINE_BREAKING = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _dumps(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _LINE_BREAKING.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


def write_jsonl(source: Source) -> str:
    """Return the source as JSON Lines: a target record, then one statement record per line."""
    lines = [
        _dumps(
            {
                "record": "target",
                "format": source.format,
                "target": source.target.model_dump(mode="json", exclude_none=True),
            }
        )
    ]
    for statement in source.statements:
        record = statement.model_dump(mode="json", exclude_none=True)
        if statement.target_marker:  # not in a brief, but read back from this format (Statement.target_marker)
            record["target_marker"] = statement.target_marker
        lines.append(_dumps({"record": "statement", **record}))
    return "\n".join(lines) + "\n"


_FIRST_RECORD_CHARS = 1_000_000


def _first_record(text: str) -> Any:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip():
            if len(line) > _FIRST_RECORD_CHARS:
                return None
            try:
                return json.loads(line)
            except (ValueError, RecursionError):
                return None
        start = end + 1
    return None


def looks_like_jsonl(text: str) -> bool:
    """Tell whether the first non-blank line is one of this format's records."""
    record = _first_record(text)
    if not isinstance(record, dict):
        return False
    return record.get("record") in ("target", "statement") or (
        "record" not in record and isinstance(record.get("text"), str) and "id" in record
    )


def is_jsonl_record(data: Any) -> bool:
    """Tell whether a parsed JSON document is one of this format's records (a file of one line)."""
    return isinstance(data, dict) and data.get("record") in ("target", "statement")


def _validation_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"])
    return f"{location}: {error['msg']}" if location else error["msg"]


def read_jsonl(text: str, name: str) -> Source:
    """Read the project's JSON Lines; statements are renumbered S1, S2, ... in file order."""
    maker = StatementMaker(name)
    limits = active_limits()
    target: Target | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            parsed = parse_document(line, f"{name}: line {number}", limits)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: line {number} is not valid JSON ({exc.msg})") from None
        record = parsed.value
        maker.warnings += [f"line {number}: {warning}" for warning in parsed.warnings]
        if not isinstance(record, dict):
            raise InputError(f"{name}: line {number} is not a JSON object")
        kind = record.pop("record", "statement")
        if kind == "target":
            if target is not None:
                raise InputError(f"{name}: line {number} is a second target record")
            try:
                target = Target.model_validate(record.get("target") or {})
            except ValidationError as exc:
                raise InputError(
                    f"{name}: line {number} is not a valid target ({_validation_message(exc)})"
                ) from None
        elif kind == "statement":
            text_value = record.get("text")
            if isinstance(text_value, str) and not text_value.strip():
                maker.warn(f"line {number}: empty statement text; skipped")
                continue
            record["id"] = f"S{len(maker.statements) + 1}"
            if "type_source" not in record:
                given = record.get("type") not in (None, "unclassified")
                record["type_source"] = "source" if given else "none"
            try:
                statement = Statement.model_validate(record)
            except ValidationError as exc:
                raise InputError(
                    f"{name}: line {number} is not a valid statement ({_validation_message(exc)})"
                ) from None
            maker.statements.append(statement)
            maker.targets.append(None)
        else:
            raise InputError(f"{name}: line {number} has an unknown record type {kind!r}")
    return Source(
        format="jsonl", target=target or Target(), statements=maker.statements, warnings=maker.warnings
    )


SPEC = ReaderSpec(
    "jsonl",
    "the summarizer's own JSON Lines: a target record, then one record per statement",
    read_jsonl,
    detection_rank=10,  # first: a statement record would pass for a scite citation object
    recognise_document=is_jsonl_record,
    recognise_json_text=looks_like_jsonl,
)
