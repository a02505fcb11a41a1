"""Counts computed from the statements and the findings, never by a model: the tally and the coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from summarizer.models import CitingFlags, Coverage, Efficacy, Finding, Safety, Statement, Tally, TypeCounts

UNKNOWN_SECTION = "unknown"


def compute_tally(statements: Sequence[Statement]) -> Tally:
    """Count the statements by type and section, and their citing publications."""
    by_type = Counter(s.type for s in statements)
    by_section = Counter(s.section or UNKNOWN_SECTION for s in statements)
    publications = {
        (s.citing.doi or "").lower() or (s.citing.title or "").lower()
        for s in statements
        if s.citing.doi or s.citing.title
    }
    return Tally(
        statements=len(statements),
        duplicates_merged=sum(s.occurrences for s in statements) - len(statements),
        citing_publications=len(publications) if publications else None,
        by_type=TypeCounts.model_validate(dict(by_type)),
        by_section=dict(by_section),
        citing_flags=CitingFlags(
            retracted=sum(1 for s in statements if s.citing.retracted),
            editorial_notice=sum(1 for s in statements if s.citing.editorial_notices),
            self_cite=sum(1 for s in statements if s.self_cite),
        ),
    )


def findings_on_retracted_citers(
    statements: Sequence[Statement], safety: Safety, efficacy: Efficacy, contrasting: Sequence[Finding]
) -> list[str]:
    """JSON Pointers to the findings whose every statement comes from a retracted citing paper."""
    retracted = {s.id for s in statements if s.citing.retracted}
    if not retracted:
        return []
    groups: tuple[tuple[str, Sequence[Finding]], ...] = (
        ("/safety/findings", safety.findings),
        ("/efficacy/outcomes", efficacy.outcomes),
        ("/contrasting", contrasting),
    )
    return [
        f"{prefix}/{index}"
        for prefix, findings in groups
        for index, finding in enumerate(findings)
        if finding.statement_ids and all(sid in retracted for sid in finding.statement_ids)
    ]


def compute_coverage(
    statements: Sequence[Statement], safety: Safety, efficacy: Efficacy, contrasting: Sequence[Finding]
) -> Coverage:
    """Which statements at least one finding cites."""
    findings: list[Finding] = [*safety.findings, *efficacy.outcomes, *contrasting]
    cited = {sid for f in findings for sid in f.statement_ids}
    uncited = [s.id for s in statements if s.id not in cited]
    return Coverage(statements_in=len(statements), statements_cited=len(statements) - len(uncited), uncited_ids=uncited)
