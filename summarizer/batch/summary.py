"""summary.csv of a batch run: one row per target, from the targets' records."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from summarizer.renderers.csv import defuse_formula

COLUMNS = (
    "id",
    "status",
    "title",
    "safety",
    "efficacy",
    "intervention",
    "statements",
    "citing_papers",
    "withheld_contexts",
    "brief",
    "briefed_at",
    "checked_at",
)


def summary_row(record: Mapping[str, Any]) -> list[str]:
    """The row of one target; text from the services is defused so a spreadsheet never runs it as a formula."""
    row = []
    for column in COLUMNS:
        value = record.get(column)
        row.append(defuse_formula(str(value)) if value is not None else "")
    return row


def render_summary(records: Iterable[Mapping[str, Any]]) -> str:
    """summary.csv: a header, then one row per record, in the order of the targets file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(summary_row(record))
    return out.getvalue()
