"""JSON inputs: one document, or a sequence of documents (JSON Lines, pages written one after another).

Parsing stays within the read limits and fails with the reason: a number with too many digits, a number out
of range, nesting deeper than the parser allows. Lone UTF-16 surrogates (a "\\udfff" escape) cannot be written
out again, so they are replaced by U+FFFD with a warning.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import InputError
from summarizer.readers.limits import ReadLimits

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATES = re.compile("[\ud800-\udfff]")
_WHITESPACE = re.compile(r"[ \t\r\n]*")


@dataclass
class ParsedJson:
    """A parsed JSON input: the value (a list of the values for a sequence) and what was repaired."""

    value: Any
    is_sequence: bool = False
    warnings: list[str] = field(default_factory=list)


class _Decoding:
    """The parse hooks of one input, which refuse numbers a reader could not use."""

    def __init__(self, name: str, limits: ReadLimits) -> None:
        self.name = name
        self.limits = limits
        self.decoder = json.JSONDecoder(
            parse_int=self.integer, parse_float=self.number, parse_constant=self.constant
        )

    def integer(self, text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > self.limits.max_number_digits:
            raise InputError(
                f"{self.name}: a number in the JSON has {digits} digits, more than the limit of "
                f"{self.limits.max_number_digits} (input.max_number_digits)"
            )
        return int(text)

    def number(self, text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise InputError(f"{self.name}: the number {text[:40]} in the JSON is out of range")
        return value

    def constant(self, text: str) -> Any:
        raise InputError(f"{self.name}: {text} is not a JSON number")


def _too_deep(name: str) -> InputError:
    return InputError(f"{name}: the JSON is nested more deeply than the parser allows (about 1,000 levels)")


def _without_surrogates(value: Any) -> tuple[Any, int]:
    """Replace lone surrogates in every string of a parsed value, without recursion; return the count."""
    replaced = 0

    def clean(text: str) -> str:
        nonlocal replaced
        fixed, count = _SURROGATES.subn("\ufffd", text)
        replaced += count
        return fixed

    if isinstance(value, str):
        return clean(value), replaced
    stack = [value] if isinstance(value, dict | list) else []
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            pairs = list(container.items())
            container.clear()
            for key, item in pairs:
                if isinstance(item, str):
                    item = clean(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
                container[clean(key) if isinstance(key, str) else key] = item
        else:
            for index, item in enumerate(container):
                if isinstance(item, str):
                    container[index] = clean(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
    return value, replaced


def _finish(parsed: ParsedJson, text: str) -> ParsedJson:
    if _SURROGATE_ESCAPE.search(text):
        parsed.value, count = _without_surrogates(parsed.value)
        if count:
            parsed.warnings.append(
                f"{count} lone UTF-16 surrogate escape{'s' if count != 1 else ''} (such as \\udfff) "
                "replaced by U+FFFD"
            )
    return parsed


def parse_document(text: str, name: str, limits: ReadLimits) -> ParsedJson:
    """Parse one JSON value; raise json.JSONDecodeError for a syntax error, InputError past a limit."""
    decoding = _Decoding(name, limits)
    try:
        value = decoding.decoder.decode(text)
    except RecursionError:
        raise _too_deep(name) from None
    return _finish(ParsedJson(value), text)


def parse_sequence(text: str, name: str, limits: ReadLimits) -> ParsedJson:
    """Parse JSON values written one after another (JSON Lines, concatenated pages) into a list."""
    decoding = _Decoding(name, limits)
    values: list[Any] = []
    position = _WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]  # matches the empty string
    try:
        while position < len(text):
            value, position = decoding.decoder.raw_decode(text, position)
            values.append(value)
            position = _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]
    except RecursionError:
        raise _too_deep(name) from None
    return _finish(ParsedJson(values, is_sequence=True), text)


def syntax_error(name: str, exc: json.JSONDecodeError) -> InputError:
    """The one-line message for a JSON syntax error."""
    return InputError(f"{name}: the input is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
