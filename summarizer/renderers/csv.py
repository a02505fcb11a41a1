"""The brief as CSV: one row per statement, for spreadsheets and review tools.

Cells that a spreadsheet would read as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe, so that opening the file never runs statement text as a formula.
"""

from __future__ import annotations

import csv
import io

from summarizer.models import Brief
from summarizer.renderers.finding_ids import finding_ids_by_statement
from summarizer.renderers.spec import RendererSpec

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "text",
    "citing_doi",
    "citing_title",
    "citing_year",
    "section",
    "type",
    "type_source",
    "confidence",
    "occurrences",
    "topics",
    "polarity",
    "finding_ids",
    "citing_retracted",
    "citing_editorial_notices",
    "self_cite",
    "cites_several",
    "cited_works",
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(cell: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would otherwise evaluate as a formula."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _cell(value: object) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    return defuse_formula(str(value))


def render_csv(brief: Brief) -> str:
    """One row per statement, with the ids of the findings that cite it."""
    cited = finding_ids_by_statement(brief)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in brief.statements:
        annotation = s.annotation
        row = (
            s.id,
            s.text,
            s.citing.doi,
            s.citing.title,
            s.citing.year,
            s.section,
            s.type,
            s.type_source,
            s.confidence,
            s.occurrences,
            ";".join(annotation.topics) if annotation else "",
            annotation.polarity if annotation else "",
            ";".join(cited.get(s.id, [])),
            s.citing.retracted,
            ";".join(s.citing.editorial_notices),
            s.self_cite,
            s.cites_several,
            s.cited_works,
        )
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


CSV_RENDERER = RendererSpec(
    name="csv",
    media_type="text/csv; charset=utf-8",
    suffixes=("csv",),
    summary="one row per statement, with the ids of the findings that cite it, for spreadsheets and review tools",
    render=render_csv,
)
