"""Grounding: every cited id exists and every quote is a verbatim substring of its statement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from summarizer.models import AdverseEvent, Efficacy, Finding, Intervention, Quote, Safety, Statement

FindingT = TypeVar("FindingT", bound=Finding)
# A quote grounds a finding only with at least this many words: one word ("safe", "fever", "MSC") is in many
# statements and states nothing; two ("well tolerated", "mortality decreased", "no deaths") can carry a claim.
MIN_QUOTE_WORDS = 2


@dataclass
class GroundingReport:
    """What grounding found wrong, as messages a model can act on."""

    errors: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.errors)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def quote_error(quote: Quote, texts: Mapping[str, str]) -> str | None:
    """Why a quote is not grounded, or None when it is."""
    text = texts.get(quote.statement_id)
    if text is None:
        return f"quote cites unknown statement id {quote.statement_id!r}"
    if quote.text not in text:
        return f"quote {quote.text[:80]!r} is not a verbatim substring of statement {quote.statement_id}"
    if len(quote.text.split()) < MIN_QUOTE_WORDS:
        return f"quote {quote.text[:80]!r} is too short to ground a finding: copy at least {MIN_QUOTE_WORDS} words"
    return None


def finding_errors(finding: Finding, texts: Mapping[str, str], where: str) -> list[str]:
    """Grounding errors of one finding, each prefixed with where it sits."""
    errors = [f"{where}: unknown statement id {sid!r}" for sid in finding.statement_ids if sid not in texts]
    errors += [f"{where}: {err}" for q in finding.quotes if (err := quote_error(q, texts))]
    if not finding.quotes:
        errors.append(f"{where}: finding has no quote")
    return errors


def section_errors(
    safety: Safety, efficacy: Efficacy, contrasting: Sequence[Finding], texts: Mapping[str, str]
) -> GroundingReport:
    """All grounding errors of the brief's sections."""
    report = GroundingReport()
    for i, f in enumerate(safety.findings):
        report.errors += finding_errors(f, texts, f"safety.findings[{i}]")
    for i, o in enumerate(efficacy.outcomes):
        report.errors += finding_errors(o, texts, f"efficacy.outcomes[{i}]")
    for i, f in enumerate(contrasting):
        report.errors += finding_errors(f, texts, f"contrasting[{i}]")
    for i, event in enumerate(safety.adverse_events):
        report.errors += [
            f"safety.adverse_events[{i}]: unknown statement id {sid!r}"
            for sid in event.statement_ids
            if sid not in texts
        ]
    return report


def _fully_grounded(finding: Finding, texts: Mapping[str, str]) -> bool:
    ids = finding.statement_ids
    return (
        bool(finding.quotes)
        and len(set(ids)) == len(ids)
        and all(sid in texts for sid in ids)
        and all(q.statement_id in ids and quote_error(q, texts) is None for q in finding.quotes)
    )


def ground_finding(finding: FindingT, texts: Mapping[str, str], warnings: list[str], where: str) -> FindingT | None:
    """Keep what is grounded of a finding: known ids and verbatim quotes; None if nothing is left."""
    if _fully_grounded(finding, texts):
        return finding
    kept_quotes: list[Quote] = []
    for quote in finding.quotes:
        if quote_error(quote, texts) is None:
            kept_quotes.append(quote)
            continue
        text = texts.get(quote.statement_id)
        repaired = _collapse(quote.text)
        fixed = Quote(statement_id=quote.statement_id, text=repaired) if repaired else None
        if text is not None and fixed is not None and quote_error(fixed, texts) is None:
            kept_quotes.append(fixed)
            warnings.append(f"{where}: repaired whitespace in a quote from {quote.statement_id}")
        else:
            warnings.append(f"{where}: dropped ungrounded quote ({quote_error(quote, texts)})")
    ids = [sid for sid in dict.fromkeys(finding.statement_ids) if sid in texts]
    dropped_ids = [sid for sid in finding.statement_ids if sid not in texts]
    if dropped_ids:
        warnings.append(f"{where}: dropped unknown statement ids {sorted(set(dropped_ids))}")
    for quote in kept_quotes:
        if quote.statement_id not in ids:
            ids.append(quote.statement_id)
    if not ids or not kept_quotes:
        warnings.append(f"{where}: dropped finding {finding.claim[:80]!r}: no grounded statement and quote")
        return None
    return finding.model_copy(update={"statement_ids": ids, "quotes": kept_quotes})


def ground_findings(
    findings: Sequence[FindingT], texts: Mapping[str, str], warnings: list[str], where: str
) -> list[FindingT]:
    """Ground each finding of a list, dropping those that cannot be grounded."""
    kept = []
    for i, finding in enumerate(findings):
        grounded = ground_finding(finding, texts, warnings, f"{where}[{i}]")
        if grounded is not None:
            kept.append(grounded)
    return kept


def ground_adverse_events(
    events: Sequence[AdverseEvent], texts: Mapping[str, str], warnings: list[str]
) -> list[AdverseEvent]:
    """Keep adverse events with at least one known statement id."""
    kept = []
    for event in events:
        ids = [sid for sid in dict.fromkeys(event.statement_ids) if sid in texts]
        if ids:
            kept.append(event.model_copy(update={"statement_ids": ids}))
        else:
            warnings.append(f"safety.adverse_events: dropped {event.name!r}: no known statement id")
    return kept


def ground_sections(
    safety: Safety,
    efficacy: Efficacy,
    contrasting: Sequence[Finding],
    statements: Sequence[Statement],
    warnings: list[str],
) -> tuple[Safety, Efficacy, list[Finding]]:
    """Drop what cannot be grounded; a verdict left without evidence falls back to insufficient_evidence, and a
    safety verdict of no concerns beside the adverse events it lists becomes mixed."""
    texts = {s.id: s.text for s in statements}
    findings = ground_findings(safety.findings, texts, warnings, "safety.findings")
    events = ground_adverse_events(safety.adverse_events, texts, warnings)
    safety = safety.model_copy(update={"findings": findings, "adverse_events": events})
    if safety.assessment != "insufficient_evidence" and not findings:
        warnings.append(
            f"safety: assessment {safety.assessment!r} had no grounded finding left; fell back to insufficient_evidence"
        )
        safety = safety.model_copy(
            update={"assessment": "insufficient_evidence", "summary": _fallback_summary("safety")}
        )
    if safety.assessment == "no_concerns_reported" and events:
        warnings.append(
            f"safety: assessment 'no_concerns_reported' contradicted its {len(events)} adverse event(s); made mixed"
        )
        safety = safety.model_copy(update={"assessment": "mixed"})
    outcomes = ground_findings(efficacy.outcomes, texts, warnings, "efficacy.outcomes")
    efficacy = efficacy.model_copy(update={"outcomes": outcomes})
    if efficacy.assessment != "insufficient_evidence" and not outcomes:
        warnings.append(
            f"efficacy: assessment {efficacy.assessment!r} had no grounded outcome left; "
            "fell back to insufficient_evidence"
        )
        efficacy = efficacy.model_copy(
            update={"assessment": "insufficient_evidence", "summary": _fallback_summary("efficacy")}
        )
    return safety, efficacy, ground_findings(contrasting, texts, warnings, "contrasting")


def _fallback_summary(topic: str) -> str:
    return f"No grounded {topic} finding remained, so the citing statements give insufficient evidence on {topic}."


def ground_intervention(
    intervention: Intervention | None, texts: Mapping[str, str], warnings: list[str]
) -> Intervention | None:
    """Keep the intervention's known statement ids; an unknown one is dropped with a warning."""
    if intervention is None:
        return None
    ids = [sid for sid in dict.fromkeys(intervention.statement_ids) if sid in texts]
    if len(ids) != len(intervention.statement_ids):
        unknown = sorted(set(intervention.statement_ids) - set(texts))
        if unknown:
            warnings.append(f"target.intervention: dropped unknown statement ids {unknown}")
    return intervention.model_copy(update={"statement_ids": ids})
