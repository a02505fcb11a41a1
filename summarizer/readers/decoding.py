"""Bytes to text: the encodings citation exports come in, and the check that the text is text."""

from __future__ import annotations

import codecs
import re

from summarizer.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_SAMPLE = 65536


def decode(data: bytes, name: str) -> str:
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


def checked_text(text: str, name: str) -> str:
    """Strip a BOM; reject empty and binary-looking text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(f"{name}: the input is binary, not text")
    return text
