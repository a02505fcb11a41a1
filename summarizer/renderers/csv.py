"""The brief as CSV: one row per statement, for spreadsheets and review tools.

Cells that a spreadsheet would read as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe, so that opening the file never runs statement text as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from summarizer.models import Brief, Finding

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
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def labelled_findings(brief: Brief) -> list[tuple[str, Finding]]:
    """Every finding with its stable id: safety-1, ..., efficacy-1, ..., contrasting-1, ..."""
    groups: Sequence[tuple[str, Sequence[Finding]]] = (
        ("safety", brief.safety.findings),
        ("efficacy", brief.efficacy.outcomes),
        ("contrasting", brief.contrasting),
    )
    return [(f"{prefix}-{i}", finding) for prefix, findings in groups for i, finding in enumerate(findings, start=1)]


def finding_ids_by_statement(brief: Brief) -> dict[str, list[str]]:
    """Statement id to the ids of the findings that cite it, in finding order."""
    cited: dict[str, list[str]] = {s.id: [] for s in brief.statements}
    for finding_id, finding in labelled_findings(brief):
        for statement_id in dict.fromkeys(finding.statement_ids):
            cited.setdefault(statement_id, []).append(finding_id)
    return cited


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
        )
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()
