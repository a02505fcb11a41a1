"""The contract's guarantees (docs/brief-v1.md), checked on a finished brief."""

from __future__ import annotations

from summarizer.grounding import section_errors
from summarizer.models import Brief
from summarizer.tally import compute_coverage, compute_tally, findings_on_retracted_citers


def contract_violations(brief: Brief) -> list[str]:
    """Check the contract's guarantees 1-4 and 6-10 on a brief; an empty list means they hold."""
    problems: list[str] = []
    try:
        Brief.model_validate_json(brief.model_dump_json())
    except ValueError as exc:
        problems.append(f"schema: {exc}")
    texts = {s.id: s.text for s in brief.statements}
    if len(texts) != len(brief.statements):
        problems.append("statements: duplicate ids")
    problems += section_errors(brief.safety, brief.efficacy, brief.contrasting, texts).errors
    if brief.tally != compute_tally(brief.statements):
        problems.append("tally: not what the statements give")
    if brief.coverage != compute_coverage(brief.statements, brief.safety, brief.efficacy, brief.contrasting):
        problems.append("coverage: not what the findings give")
    on_retracted = findings_on_retracted_citers(brief.statements, brief.safety, brief.efficacy, brief.contrasting)
    if brief.findings_on_retracted_citers != on_retracted:
        problems.append("findings_on_retracted_citers: not what the findings and their citing papers give")
    if brief.safety.assessment != "insufficient_evidence" and not brief.safety.findings:
        problems.append("safety: a verdict without a grounded finding")
    if brief.efficacy.assessment != "insufficient_evidence" and not brief.efficacy.outcomes:
        problems.append("efficacy: a verdict without a grounded outcome")
    if brief.safety.adverse_events and brief.safety.assessment == "no_concerns_reported":
        problems.append("safety: no_concerns_reported while the section lists adverse events")
    intervention = brief.target.intervention
    if intervention is None:
        for name, section in (("safety", brief.safety), ("efficacy", brief.efficacy)):
            if section.assessment != "insufficient_evidence":
                problems.append(f"{name}: a verdict without an intervention (target.intervention is null)")
    else:
        unknown = [sid for sid in intervention.statement_ids if sid not in texts]
        problems += [f"target.intervention: unknown statement id {sid!r}" for sid in unknown]
    problems += [
        f"target.design_statement_ids: unknown statement id {sid!r}"
        for sid in brief.target.design_statement_ids
        if sid not in texts
    ]
    if brief.target.design is None and brief.target.design_statement_ids:
        problems.append("target.design_statement_ids: statements for a design that is null")
    for name, certainty in (("safety", brief.safety.certainty), ("efficacy", brief.efficacy.certainty)):
        if not certainty.reasons:
            problems.append(f"{name}.certainty: no reason")
    return problems
