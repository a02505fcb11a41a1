"""The brief's sections as a model writes them: empty ones for when there is nothing to say, and the contract's."""

from __future__ import annotations

from summarizer.certainty import DRAFT, draft
from summarizer.engines.llm.schemas import EfficacyOut, InterventionName, SafetyOut, Sections, SectionsOutput
from summarizer.models import Efficacy, Finding, Safety


def empty_sections(reason: str, intervention: InterventionName | None = None) -> SectionsOutput:
    """Sections with insufficient evidence on both topics, for `reason` (the summaries say it)."""
    return SectionsOutput(
        intervention=intervention,
        safety=SafetyOut(
            assessment="insufficient_evidence",
            summary=f"The citing statements give no grounded safety finding ({reason}).",
        ),
        efficacy=EfficacyOut(
            assessment="insufficient_evidence",
            summary=f"The citing statements give no grounded efficacy finding ({reason}).",
        ),
    )


def contract_sections(out: Sections) -> tuple[Safety, Efficacy, list[Finding]]:
    """The sections as the brief's contract models; certainty is a draft the pipeline grades (with the model's note)."""
    safety = Safety(
        assessment=out.safety.assessment,
        summary=out.safety.summary,
        findings=list(out.safety.findings),
        adverse_events=list(out.safety.adverse_events),
        certainty=draft([out.safety.certainty_note]) if out.safety.certainty_note.strip() else DRAFT,
    )
    efficacy = Efficacy(
        assessment=out.efficacy.assessment,
        summary=out.efficacy.summary,
        outcomes=list(out.efficacy.outcomes),
        certainty=draft([out.efficacy.certainty_note]) if out.efficacy.certainty_note.strip() else DRAFT,
    )
    return safety, efficacy, list(out.contrasting)
