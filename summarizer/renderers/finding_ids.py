"""Stable ids of a brief's findings (safety-1, efficacy-1, contrasting-1, ...), shared by the CSV and HTML briefs."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.models import Brief, Finding


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
