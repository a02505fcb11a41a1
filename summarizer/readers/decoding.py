"""Bytes to text: reading within the size limit, the encodings citation exports come in, and the check that the
text is text. Nothing is decoded silently: bytes that are not UTF-8 are reported with the line they are on."""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from summarizer.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# any character a UTF-8 multi-byte sequence gives, other than the replacement character itself
_NON_ASCII = re.compile("[\u0080-\ufffc\ufffe-\U0010ffff]")
_BINARY_SAMPLE = 65536
_CHUNK = 1024 * 1024
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SHOWN_LINES = 5


def _binary(name: str) -> InputError:
    return InputError(f"{name}: the input is binary, not text")


def too_large(name: str, limit: int) -> InputError:
    """The error for an input over the size limit."""
    return InputError(
        f"{name}: the input is larger than the limit of {limit:,} bytes (input.max_bytes in the settings file)"
    )


def read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read a stream up to the size limit; refuse binary data as soon as its first block shows it."""
    first = stream.read(_BINARY_SAMPLE)
    if b"\x00" in first and not first.startswith(_WIDE_BOMS):
        raise _binary(name)
    chunks = [first]
    total = len(first)
    if total > limit:
        raise too_large(name, limit)
    while first:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise too_large(name, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _lines_with(text: str, char: str) -> list[int]:
    lines: list[int] = []
    start = 0
    line = 1
    while len(lines) < _SHOWN_LINES:
        found = text.find(char, start)
        if found < 0:
            break
        line += text.count("\n", start, found)
        if not lines or lines[-1] != line:
            lines.append(line)
        start = found + 1
    return lines


def _line_list(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines)
    return f"line {shown}" if len(lines) == 1 else f"lines {shown}"


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM) or UTF-16/32 with BOM; anything else is decoded with a warning that
    names the lines: UTF-8 with its bad bytes replaced (U+FFFD) when the rest is UTF-8, else Windows-1252."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return data.decode("utf-32"), []
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), []
    except UnicodeDecodeError:
        raise _binary(name) from None
    if b"\x00" in data:
        raise _binary(name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_line = data.count(b"\n", 0, exc.start) + 1
        bad_byte = data[exc.start]
    replaced = data.decode("utf-8", errors="replace")
    if _NON_ASCII.search(replaced):
        lines = _lines_with(replaced, "\ufffd")
        return replaced, [
            f"invalid UTF-8 on {_line_list(lines)}{' and others' if len(lines) == _SHOWN_LINES else ''}: "
            "the bad bytes were replaced by U+FFFD"
        ]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: line {first_line} is neither UTF-8 nor Windows-1252 text (byte 0x{bad_byte:02x}); "
            "save the file as UTF-8"
        ) from None
    return text, [
        f"not UTF-8 (line {first_line} has byte 0x{bad_byte:02x}): read as Windows-1252; "
        "check accented letters, or save the file as UTF-8"
    ]


def checked_text(text: str, name: str, decoded: bool = False) -> tuple[str, list[str]]:
    """Strip a BOM; reject empty and binary-looking text; replace lone surrogates, which cannot be written out
    (text decoded from bytes here has none: the decoders refuse them)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise _binary(name)
    if decoded:
        return text, []
    text, count = _SURROGATES.subn("\ufffd", text)
    warnings = [f"{count} lone UTF-16 surrogate{'s' if count != 1 else ''} replaced by U+FFFD"] if count else []
    return text, warnings
