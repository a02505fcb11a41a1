"""Input readers: the READERS registry, detection, and reading a citation export into a Source of statements.

Each format is its own module defining a ReaderSpec; it is registered here with one line, and the command line,
the service and the messages take their lists of formats from READERS.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.readers import jsonl, s2, scite_api, scite_page, table
from summarizer.readers.base import ReaderSpec
from summarizer.readers.decoding import checked_text, decode
from summarizer.readers.jsonl import write_jsonl
from summarizer.registry import Registry, UnknownName

__all__ = ["READERS", "ReaderSpec", "detect_format", "load_statements", "read_source", "write_jsonl"]

READERS: Registry[ReaderSpec] = Registry("input format")


# Registration order is the order the formats are listed in; detection order is each spec's detection_rank.
READERS.register(scite_page.SPEC)
READERS.register(scite_api.SPEC)
READERS.register(table.SPEC)
READERS.register(s2.SPEC)
READERS.register(jsonl.SPEC)

_MAX_WARNINGS = 50
_NOT_PARSED = object()
_JSON_START = re.compile(r"\[\s*[\[{\"\]]|\{\s*[\"}]")


def _not_an_export(name: str) -> InputError:
    return InputError(f"{name}: the input is not a citation export (expected one of: {', '.join(READERS.names())})")


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: the input is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def _in_detection_order() -> list[ReaderSpec]:
    return sorted(READERS, key=lambda spec: spec.detection_rank)


def _reader_of_document(data: Any) -> ReaderSpec | None:
    """The reader that claims a parsed JSON document, or None when it is no citation export."""
    for spec in _in_detection_order():
        if spec.recognise_document is not None and spec.recognise_document(data):
            return spec
    return None


def _detect(text: str, name: str) -> tuple[ReaderSpec, Any]:
    """Return the reader and, for readers of JSON documents, the parsed document (or _NOT_PARSED)."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            data = _NOT_PARSED
            error = exc
        if data is not _NOT_PARSED:
            spec = _reader_of_document(data)
            if spec is None:
                raise _not_an_export(name)
            return spec, (data if spec.reads_document else _NOT_PARSED)
        for spec in _in_detection_order():
            if spec.recognise_json_text is not None and spec.recognise_json_text(stripped):
                return spec, _NOT_PARSED
        if error.msg == "Extra data":
            # A complete JSON value followed by more: only worth a syntax error if the value is an export.
            first, _ = json.JSONDecoder().raw_decode(stripped)
            if _reader_of_document(first) is None:
                raise _not_an_export(name)
        if _JSON_START.match(stripped):
            _parse_json(stripped, name)  # raises with the position of the error
    for spec in _in_detection_order():
        if spec.recognise_text is not None and spec.recognise_text(text):
            return spec, _NOT_PARSED
    raise _not_an_export(name)


def detect_format(text: str, name: str = "<input>") -> str:
    """Name the format of a citation export from its content; raise InputError when nothing fits."""
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    return _detect(text.lstrip("\ufeff"), name)[0].name


def _capped(warnings: list[str]) -> list[str]:
    if len(warnings) <= _MAX_WARNINGS:
        return warnings
    extra = len(warnings) - _MAX_WARNINGS
    return [*warnings[:_MAX_WARNINGS], f"... and {extra} more warning{'s' if extra != 1 else ''}"]


def read_source(data: bytes | str, input_format: str | None = None, name: str = "<input>") -> Source:
    """Read a citation export given as bytes or text; detect its format unless input_format names it."""
    raw = bytes(data) if isinstance(data, bytes | bytearray) else data.encode("utf-8", "surrogatepass")
    input_sha256 = hashlib.sha256(raw).hexdigest()
    if isinstance(data, bytes | bytearray):
        if not raw.strip():
            raise InputError(f"{name}: the input is empty")
        data = decode(raw, name)
    text = checked_text(data, name)
    parsed: Any = _NOT_PARSED
    if input_format is None:
        spec, parsed = _detect(text, name)
    else:
        try:
            spec = READERS.get(input_format)
        except UnknownName:
            expected = ", ".join(READERS.names())
            raise InputError(f"unknown input format {input_format!r} (expected one of: {expected})") from None
    if spec.reads_document:
        if parsed is _NOT_PARSED:
            parsed = _parse_json(text, name)
        source = spec.read(parsed, name)
    else:
        source = spec.read(text, name)
    if not source.statements:
        detail = f" ({source.warnings[-1]})" if source.warnings else ""
        raise InputError(f"{name}: no citation statements found{detail}")
    source.warnings = _capped(source.warnings)
    source.input_sha256 = input_sha256
    return source


def load_statements(path: str | Path, input_format: str | None = None) -> Source:
    """Read a citation export from a file, or from standard input when path is "-"."""
    if str(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data: bytes | str = stream.read() if stream is not None else sys.stdin.read()
        return read_source(data, input_format, name="<stdin>")
    file_path = Path(path)
    try:
        if file_path.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        data = file_path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return read_source(data, input_format, name=str(path))
