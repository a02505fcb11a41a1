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


_POINTER_GROUPS = {"/safety/findings": "safety", "/efficacy/outcomes": "efficacy", "/contrasting": "contrasting"}


def finding_id_of_pointer(pointer: str) -> str:
    """The stable id (safety-1, ...) of a finding named by its JSON Pointer (/safety/findings/0, ...)."""
    group, _, index = pointer.rpartition("/")
    return f"{_POINTER_GROUPS[group]}-{int(index) + 1}"


def findings_on_retracted_citers(brief: Brief) -> set[str]:
    """The ids of the findings that rest only on statements from retracted citing papers."""
    return {finding_id_of_pointer(pointer) for pointer in brief.findings_on_retracted_citers}


def finding_ids_by_statement(brief: Brief) -> dict[str, list[str]]:
    """Statement id to the ids of the findings that cite it, in finding order."""
    cited: dict[str, list[str]] = {s.id: [] for s in brief.statements}
    for finding_id, finding in labelled_findings(brief):
        for statement_id in dict.fromkeys(finding.statement_ids):
            cited.setdefault(statement_id, []).append(finding_id)
    return cited
