"""The brief's sections as a model writes them: empty ones for when there is nothing to say, and the contract's."""

from __future__ import annotations

from summarizer.engines.llm.schemas import SectionsOutput
from summarizer.models import Certainty, Efficacy, Finding, Safety


def empty_sections(reason: str) -> SectionsOutput:
    """Sections with insufficient evidence on both topics, for `reason`."""
    certainty = Certainty(level="very_low", reasons=[reason])
    return SectionsOutput.model_validate(
        {
            "safety": {
                "assessment": "insufficient_evidence",
                "summary": "The citing statements give no grounded safety finding.",
                "certainty": certainty.model_dump(),
            },
            "efficacy": {
                "assessment": "insufficient_evidence",
                "summary": "The citing statements give no grounded efficacy finding.",
                "certainty": certainty.model_dump(),
            },
        }
    )


def contract_sections(out: SectionsOutput) -> tuple[Safety, Efficacy, list[Finding]]:
    """The sections as the brief's contract models."""
    safety = Safety.model_validate(out.safety.model_dump())
    efficacy = Efficacy.model_validate(out.efficacy.model_dump())
    return safety, efficacy, [Finding.model_validate(f.model_dump()) for f in out.contrasting]
