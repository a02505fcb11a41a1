"""Input readers: recognise a citation export and read it into a Source of statements."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.readers.jsonl import looks_like_jsonl, read_jsonl, write_jsonl
from summarizer.readers.scite_api import classify_json, read_s2, read_scite_api
from summarizer.readers.scite_page import looks_like_scite_page, read_scite_page
from summarizer.readers.table import looks_like_table, read_table

__all__ = ["FORMATS", "detect_format", "load_statements", "read_source", "write_jsonl"]

FORMATS: tuple[str, ...] = ("scite-page", "scite-api", "csv", "s2", "jsonl")
_FORMAT_ALIASES = {"tsv": "csv"}
_MAX_WARNINGS = 50
_NOT_PARSED = object()
_JSON_START = re.compile(r"\[\s*[\[{\"\]]|\{\s*[\"}]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_SAMPLE = 65536


def _not_an_export(name: str) -> InputError:
    return InputError(f"{name}: the input is not a citation export (expected one of: {', '.join(FORMATS)})")


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: the input is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def _detect(text: str, name: str) -> tuple[str, Any]:
    """Return the format and, for JSON formats, the parsed document (or _NOT_PARSED)."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            data = _NOT_PARSED
            error = exc
        if data is not _NOT_PARSED:
            fmt = classify_json(data)
            if fmt is None:
                raise _not_an_export(name)
            return fmt, (data if fmt != "jsonl" else _NOT_PARSED)
        if looks_like_jsonl(stripped):
            return "jsonl", _NOT_PARSED
        if error.msg == "Extra data":
            # A complete JSON value followed by more: only worth a syntax error if the value is an export.
            first, _ = json.JSONDecoder().raw_decode(stripped)
            if classify_json(first) is None:
                raise _not_an_export(name)
        if _JSON_START.match(stripped):
            _parse_json(stripped, name)  # raises with the position of the error
    # The table test only looks at the header line, so it goes first: a page never starts with one.
    if looks_like_table(text):
        return "csv", _NOT_PARSED
    if looks_like_scite_page(text):
        return "scite-page", _NOT_PARSED
    raise _not_an_export(name)


def detect_format(text: str, name: str = "<input>") -> str:
    """Name the format of a citation export from its content; raise InputError when nothing fits."""
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    return _detect(text.lstrip("\ufeff"), name)[0]


def _decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, or cp1252 as a last resort."""
    binary = InputError(f"{name}: the input is binary, not text")
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return data.decode("utf-32")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
    except UnicodeDecodeError:
        raise binary from None
    if b"\x00" in data:
        raise binary
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise binary from None


def _check_text(text: str, name: str) -> str:
    """Strip a BOM; reject empty and binary-looking text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(f"{name}: the input is binary, not text")
    return text


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
        data = _decode(raw, name)
    text = _check_text(data, name)
    parsed: Any = _NOT_PARSED
    if input_format is None:
        fmt, parsed = _detect(text, name)
    else:
        fmt = _FORMAT_ALIASES.get(input_format.strip().lower(), input_format.strip().lower())
        if fmt not in FORMATS:
            raise InputError(f"unknown input format {input_format!r} (expected one of: {', '.join(FORMATS)})")
    if fmt == "scite-page":
        source = read_scite_page(text, name)
    elif fmt == "csv":
        source = read_table(text, name)
    elif fmt == "jsonl":
        source = read_jsonl(text, name)
    else:
        if parsed is _NOT_PARSED:
            parsed = _parse_json(text, name)
        source = read_scite_api(parsed, name) if fmt == "scite-api" else read_s2(parsed, name)
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
