"""Reader for CSV and TSV tables of citation statements, with tolerant header names."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Citing, Source, StatementType, Target
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
    "text": ("snippet", "citation statement", "statement", "text", "citation context", "context"),
    "type": ("type", "classification", "citation type"),
    "confidence": ("confidence", "type confidence"),
    "section": ("section",),
    "citing_doi": ("citing doi", "source doi", "source", "doi"),
    "citing_title": ("citing title", "title"),
    "citing_year": ("citing year", "year"),
    "citing_journal": ("citing journal", "journal", "venue"),
    "target_doi": ("target doi", "cited doi", "target"),
    "self_cite": ("self cite", "self cites", "self citation"),
}
_KNOWN_KEYS = {re.sub(r"[\s_\-.]+", "", alias) for aliases in _ALIASES.values() for alias in aliases}
_STRONG_TEXT_KEYS = {"snippet", "citationstatement", "citationcontext", "statement", "citationstatements"}
_DELIMITERS = ("\t", ",", ";", "|")


def _header_key(cell: str) -> str:
    """Compare headers case-, space-, underscore- and hyphen-insensitively."""
    return re.sub(r"[\s_\-.]+", "", cell.strip().lstrip("\ufeff").lower())


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


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


def looks_like_table(text: str) -> bool:
    """Tell whether the first line is a table header naming at least one known column."""
    delimiter, body = _sniff(text)
    cells = _split_header(_first_line(body), delimiter)
    keys = [_header_key(cell) for cell in cells]
    if any(key in _STRONG_TEXT_KEYS for key in keys):
        return True
    # Single words like "Title" or "Text" start prose too; demand two known columns otherwise.
    return sum(key in _KNOWN_KEYS for key in keys) >= 2


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


def _value(
    row: list[str], column: int | None, parse: Callable[[Any], Any], where: str, maker: StatementMaker
) -> Any:
    """Parse one optional cell; a bad value is dropped with a warning."""
    if column is None or column >= len(row):
        return None
    try:
        return parse(row[column])
    except BadValue as exc:
        maker.warn(f"{where}: {exc}; dropped")
        return None


def read_table(text: str, name: str) -> Source:
    """Read a CSV or TSV table with one citation statement per row."""
    delimiter, body = _sniff(text)
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
            raise InputError(
                f"{name}: no statement text column (expected one of: snippet, citation statement, "
                f"statement, text, citation context, context); columns found: {found}"
            )
        maker = StatementMaker(name)
        targets: dict[str, int] = {}
        text_column = columns["text"]
        type_column = columns.get("type")
        section_column = columns.get("section")
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue
            where = f"line {reader.line_num}"
            statement_text = row[text_column] if text_column < len(row) else ""
            if not statement_text.strip():
                maker.warn(f"{where}: empty statement text; skipped")
                continue
            statement_type: StatementType = "unclassified"
            type_source = "none"
            if type_column is not None and type_column < len(row):
                try:
                    statement_type, type_source = parse_type(row[type_column])
                except BadValue as exc:
                    maker.warn(f"{where}: {exc}; treated as unclassified")
            target_doi = _value(row, columns.get("target_doi"), clean_doi, where, maker)
            if target_doi:
                targets[target_doi] = targets.get(target_doi, 0) + 1
            citing = Citing(
                doi=_value(row, columns.get("citing_doi"), clean_doi, where, maker),
                title=_value(row, columns.get("citing_title"), clean_text, where, maker),
                year=_value(row, columns.get("citing_year"), parse_year, where, maker),
                journal=_value(row, columns.get("citing_journal"), clean_text, where, maker),
            )
            maker.add(
                statement_text,
                citing=citing,
                section=_value(row, section_column, clean_text, where, maker),
                statement_type=statement_type,
                type_source=type_source,
                confidence=_value(row, columns.get("confidence"), parse_confidence, where, maker),
                self_cite=_value(row, columns.get("self_cite"), parse_bool, where, maker),
            )
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable table (line {reader.line_num}): {exc}") from None
    target_doi = max(targets, key=targets.__getitem__) if targets else None
    if len(targets) > 1:
        maker.warn(f"the rows cite {len(targets)} different targets; using the most frequent, {target_doi}")
    return Source(format="csv", target=Target(doi=target_doi), statements=maker.statements, warnings=maker.warnings)


SPEC = ReaderSpec(
    "csv",
    "CSV or TSV table, one statement per row, with tolerant header names",
    read_table,
    aliases=("tsv",),
    detection_rank=40,  # the table test only looks at the header line, so it goes first: a page never starts with one
    recognise_text=looks_like_table,
)
