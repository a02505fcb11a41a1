"""Reader for CSV and TSV tables of citation statements, with tolerant header names."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from summarizer.errors import InputError
from summarizer.models import Source, Statement, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import (
    BadValue,
    StatementMaker,
    clean_doi,
    clean_text,
    parse_bool,
    parse_confidence,
    parse_type,
    parse_year,
)

# Field -> header aliases in order of preference, compared after _header_key().
_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "snippet",
        "citation statement",
        "citation text",
        "citing sentence",
        "citation sentence",
        "citance",
        "statement",
        "text",
        "citation context",
        "citing context",
        "context",
        "sentence",
    ),
    "type": ("type", "classification", "citation type"),
    "confidence": ("confidence", "type confidence"),
    "section": ("section",),
    "citing_doi": ("citing doi", "source doi", "source", "doi"),
    "citing_title": ("citing title", "title"),
    "citing_year": ("citing year", "year"),
    "citing_journal": ("citing journal", "journal", "venue"),
    "target_doi": ("target doi", "cited doi", "target"),
    "self_cite": ("self cite", "self cites", "self citation"),
    "citing_retracted": ("citing retracted", "retracted"),
    "citing_notices": ("citing editorial notices", "editorial notices", "editorial notice"),
}
_KNOWN_KEYS = {re.sub(r"[\s_\-.]+", "", alias) for aliases in _ALIASES.values() for alias in aliases}
_TEXT_KEYS = {re.sub(r"[\s_\-.]+", "", alias) for alias in _ALIASES["text"]}
# Header names that only a table of statements uses; "text", "context" and "sentence" alone start prose too.
_STRONG_TEXT_KEYS = _TEXT_KEYS - {"text", "context", "sentence"} | {"citationstatements"}
_DELIMITERS = ("\t", ",", ";", "|")
# A one-column file is read with a delimiter that never occurs in text, so commas in its sentences stay.
_NO_DELIMITER = "\x1f"
_SENTENCE_WORDS = 4
_SAMPLE_ROWS = 20
# Python's csv refuses fields over 131,072 characters; a statement that long is read as the same text in JSON is.
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def _header_key(cell: str) -> str:
    """Compare headers case-, space-, underscore- and hyphen-insensitively."""
    return re.sub(r"[\s_\-.]+", "", cell.strip().lstrip("\ufeff").lower())


_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits at


def _complete_lines(text: str, size: int) -> tuple[list[str], bool]:
    """The whole lines within the first `size` characters (as str.splitlines gives them), and whether that is all."""
    whole = size >= len(text)
    lines = text[:size].splitlines(keepends=True)
    if not whole and lines:
        lines.pop()  # it may be cut off
    return [line.rstrip(_LINE_ENDS) for line in lines], whole


def _leading_lines(text: str, count: int) -> list[str]:
    """The first lines of the text, without splitting all of a large input."""
    size = 65536
    while True:
        lines, whole = _complete_lines(text, size)
        if whole or len(lines) >= count:
            return lines[:count]
        size *= 4


def _first_line(text: str) -> str:
    size = 65536
    while True:
        lines, whole = _complete_lines(text, size)
        for line in lines:
            if line.strip():
                return line
        if whole:
            return ""
        size *= 4


def _split_header(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _sniff(text: str) -> tuple[str, str]:
    """Return (delimiter, text without an Excel "sep=" line), preferring the one giving known headers."""
    first = _first_line(text)
    if first.lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter = first.strip()[4]
        return delimiter, text.split("\n", 1)[1] if "\n" in text else ""
    best = (-1, -1, ",")
    for delimiter in _DELIMITERS:
        cells = _split_header(first, delimiter)
        if len(cells) < 2 and delimiter != ",":
            continue
        known = sum(_header_key(cell) in _KNOWN_KEYS for cell in cells)
        best = max(best, (known, len(cells), delimiter), key=lambda score: score[:2])
    return best[2], text


def _one_column(text: str, delimiter: str) -> bool:
    """Tell whether the file is a single column of sentences under a statement-text header."""
    first = _first_line(text)
    cells = _split_header(first, delimiter)
    if len(cells) != 1 or _header_key(cells[0]) not in _TEXT_KEYS:
        return False
    if any(len(_split_header(first, other)) > 1 for other in _DELIMITERS):
        return False
    rows = [line for line in _leading_lines(text, 1 + _SAMPLE_ROWS * 2)[1:] if line.strip()][:_SAMPLE_ROWS]
    sentences = sum(len(line.split()) >= _SENTENCE_WORDS for line in rows)
    return bool(rows) and sentences * 2 >= len(rows)


def looks_like_table(text: str) -> bool:
    """Tell whether the first line is a table header naming at least one known column, or the file is one column
    of sentences headed by a statement-text name (text, context, sentence, ...)."""
    delimiter, body = _sniff(text)
    cells = _split_header(_first_line(body), delimiter)
    keys = [_header_key(cell) for cell in cells]
    if any(key in _STRONG_TEXT_KEYS for key in keys):
        return True
    # Single words like "Title" or "Text" start prose too; demand two known columns otherwise.
    return sum(key in _KNOWN_KEYS for key in keys) >= 2 or _one_column(body, delimiter)


def _columns(header: list[str]) -> dict[str, int]:
    """Map each field to the column of its most preferred alias."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        positions.setdefault(_header_key(cell), index)
    columns: dict[str, int] = {}
    for field, aliases in _ALIASES.items():
        for alias in aliases:
            key = _header_key(alias)
            if key in positions:
                columns[field] = positions[key]
                break
    return columns


def _notices(value: Any) -> list[str]:
    """Editorial notices written in one cell, separated by semicolons."""
    return [part.strip() for part in str(value).split(";") if part.strip()]


class _Column:
    """One optional column and how its cells are read: each distinct cell is parsed once (a table's DOIs, years,
    sections, types and confidences repeat), a bad one is warned of at every row that has it."""

    def __init__(self, index: int | None, parse: Callable[[Any], Any], bad: str = "dropped", memo: bool = True):
        self.index = -1 if index is None else index
        self.parse = parse
        self.bad = bad  # what becomes of a bad value, for the warning
        # cell -> (value, None) or (None, why it is bad); none for a parse that makes a mutable value
        self.seen: dict[str, tuple[Any, str | None]] | None = {} if memo else None

    def value(self, row: list[str], width: int, line: Callable[[], int], maker: StatementMaker) -> Any:
        """The parsed value of this column's cell in the row (None where the row has no such cell or it is bad)."""
        if not 0 <= self.index < width:
            return None
        cell = row[self.index]
        seen = self.seen
        parsed = seen.get(cell) if seen is not None else None
        if parsed is None:
            try:
                parsed = (self.parse(cell), None)
            except BadValue as exc:
                parsed = (None, str(exc))
            if seen is not None:
                seen[cell] = parsed
        if parsed[1] is not None:
            maker.warn(f"line {line()}: {parsed[1]}; {self.bad}")
        return parsed[0]


# the statements of a table are validated a batch at a time (each checked as Statement(...) checks it, in one call)
_STATEMENTS: TypeAdapter[list[Statement]] = TypeAdapter(list[Statement])
_BATCH = 1024


def _validated(name: str, rows: list[dict[str, Any]], statements: list[Statement]) -> None:
    """Add the statements of the rows (the fields StatementMaker.add gives) to statements, and empty the rows."""
    try:
        statements += _STATEMENTS.validate_python(rows)
    except ValidationError as exc:  # pragma: no cover - the values are parsed first
        raise InputError(f"{name}: invalid statement: {exc.errors()[0]['msg']}") from None
    rows.clear()


def read_table(text: str, name: str) -> Source:
    """Read a CSV or TSV table with one citation statement per row."""
    delimiter, body = _sniff(text)
    if _one_column(body, delimiter):
        delimiter = _NO_DELIMITER
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise InputError(f"{name}: the table has no header row")
        columns = _columns(header)
        if "text" not in columns:
            found = ", ".join(repr(cell.strip()) for cell in header if cell.strip()) or "none"
            expected = ", ".join(_ALIASES["text"])
            raise InputError(f"{name}: no statement text column (expected one of: {expected}); columns found: {found}")
        maker = StatementMaker(name)
        text_column = columns["text"]
        kinds = _Column(columns.get("type"), parse_type, "treated as unclassified")
        target_doi = _Column(columns.get("target_doi"), clean_doi)
        retracted = _Column(columns.get("citing_retracted"), parse_bool) if "citing_retracted" in columns else None
        notices = _Column(columns.get("citing_notices"), _notices, memo=False) if "citing_notices" in columns else None
        citing_doi = _Column(columns.get("citing_doi"), clean_doi)
        citing_title = _Column(columns.get("citing_title"), clean_text)
        citing_year = _Column(columns.get("citing_year"), parse_year)
        citing_journal = _Column(columns.get("citing_journal"), clean_text)
        section = _Column(columns.get("section"), clean_text)
        confidence = _Column(columns.get("confidence"), parse_confidence)
        self_cite = _Column(columns.get("self_cite"), parse_bool)

        def line() -> int:
            return reader.line_num

        rows: list[dict[str, Any]] = []  # the next batch
        statements = maker.statements
        for row in reader:
            if not row or not any(map(str.strip, row)):
                continue
            width = len(row)
            statement_text = row[text_column] if text_column < width else ""
            if not statement_text.strip():
                maker.warn(f"line {line()}: empty statement text; skipped")
                continue
            statement_type, type_source = kinds.value(row, width, line, maker) or ("unclassified", "none")
            maker.targets.append(target_doi.value(row, width, line, maker))
            citing: dict[str, Any] = {}
            # the flags only when the table has the columns, so plain tables pay nothing
            if retracted is not None:
                citing["retracted"] = retracted.value(row, width, line, maker)
            if notices is not None:
                citing["editorial_notices"] = notices.value(row, width, line, maker) or []
            citing["doi"] = citing_doi.value(row, width, line, maker)
            citing["title"] = citing_title.value(row, width, line, maker)
            citing["year"] = citing_year.value(row, width, line, maker)
            citing["journal"] = citing_journal.value(row, width, line, maker)
            if len(rows) == _BATCH:
                _validated(name, rows, statements)
            # the fields StatementMaker.add gives, so that each statement is the same, fields set included
            rows.append(
                {
                    "id": f"S{len(statements) + len(rows) + 1}",
                    "text": statement_text,
                    "citing": citing,
                    "section": section.value(row, width, line, maker),
                    "type": statement_type,
                    "type_source": type_source,
                    "confidence": confidence.value(row, width, line, maker),
                    "occurrences": 1,
                    "intents": [],
                    "is_influential": None,
                    "self_cite": self_cite.value(row, width, line, maker),
                    "target_marker": None,
                }
            )
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable table (line {reader.line_num}): {exc}") from None
    _validated(name, rows, statements)
    return Source(
        format="csv",
        target=Target(),
        statements=maker.statements,
        warnings=maker.warnings,
        statement_targets=maker.targets,
    )


SPEC = ReaderSpec(
    "csv",
    "CSV or TSV table, one statement per row, with tolerant header names",
    read_table,
    aliases=("tsv",),
    detection_rank=40,  # the table test only looks at the header line, so it goes first: a page never starts with one
    recognise_text=looks_like_table,
)
