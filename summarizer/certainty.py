"""GRADE-style certainty of a section drawn from citation statements: start where the target's design starts,
downgrade for indirectness, few statements and disagreement.

The pipeline grades both sections of every brief from the grounded evidence, whatever the engine: engines draft
their sections with DRAFT (or `draft(notes)`) and never set a level themselves. An engine may add notes (a model's
reason, say); they reach the brief as reasons after the graded ones, only while the section has grounded evidence.
The rules, in plain words: docs/CERTAINTY.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.design import design_label
from summarizer.models import Certainty, CertaintyLevel, Finding, Statement, StudyDesign

INDIRECT_REASON = "indirect: evidence comes from citing statements, not from the trial data"
# where GRADE starts for each design the brief reads (summarizer/design.py), as an index into _LEVELS
DESIGN_START: dict[str, int] = {
    "randomised_trial": 0,
    "non_randomised_trial": 2,
    "observational": 2,
    "case_report": 3,
    "animal": 2,
    "in_vitro": 2,
}
UNKNOWN_DESIGN_START = 2  # low: evidence not known to be randomised
NOT_HUMAN_REASONS = {
    "animal": "indirect: population not human (an animal study)",
    "in_vitro": "indirect: population not human (an in vitro study)",
}
FEW_STATEMENTS = 5
FEW_PUBLICATIONS = 3
_LEVELS: tuple[CertaintyLevel, ...] = ("high", "moderate", "low", "very_low")
DRAFT_REASON = "not graded yet: the pipeline grades the grounded section"
DRAFT = Certainty(level="very_low", reasons=[DRAFT_REASON])
NOTE_PREFIX = "note: "


def draft(notes: Sequence[str] = ()) -> Certainty:
    """A draft certainty that carries an engine's notes (each kept as "note: ..." once the section is graded)."""
    kept = [f"{NOTE_PREFIX}{' '.join(n.split())}" for n in notes if n.strip()]
    return Certainty(level="very_low", reasons=[DRAFT_REASON, *kept])


def notes_of(certainty: Certainty) -> list[str]:
    """The notes an engine added to its draft certainty."""
    return [reason for reason in certainty.reasons if reason.startswith(NOTE_PREFIX)]


def _publications(statements: Sequence[Statement]) -> int | None:
    keys = {
        (s.citing.doi or "").lower() or (s.citing.title or "").lower()
        for s in statements
        if s.citing.doi or s.citing.title
    }
    return len(keys) if keys else None


def _start(design: StudyDesign | None) -> tuple[int, list[str]]:
    """Where a section starts, after the indirectness every brief has, with the reasons that say why.

    A design the statements name: GRADE's start for it, one level down for a population that is not human (animal,
    in vitro). A review, another design or none: evidence not known to be randomised, which GRADE starts at low, as
    for an observational study (so an unknown design never reads above a known observational one). Then one level
    down because the evidence is citation statements, not the study's data (docs/CERTAINTY.md).
    """
    if design is not None and design in DESIGN_START:
        level = DESIGN_START[design]
        reasons = [f"design: {design_label(design)}, where GRADE starts at {_LEVELS[level].replace('_', ' ')}"]
    else:
        level = UNKNOWN_DESIGN_START
        what = "not read from the statements, so it"
        if design is not None:
            what = f"{design_label(design)}, whose evidence"
        reasons = [f"design: {what} is not known to be randomised, where GRADE starts at low"]
    if design in NOT_HUMAN_REASONS:
        reasons.append(NOT_HUMAN_REASONS[design])
        level += 1
    reasons.append(INDIRECT_REASON)
    return level + 1, reasons


def grade_certainty(
    statements: Sequence[Statement], mixed: bool, topic: str, design: StudyDesign | None = None
) -> Certainty:
    """GRADE-style certainty: start where the design starts, down for indirectness, imprecision, inconsistency."""
    level, reasons = _start(design)
    n = len(statements)
    pubs = _publications(statements)
    if n == 0:  # no evidence: very low, whatever the design
        reasons.append(f"imprecision: no statement addresses {topic}")
        level = len(_LEVELS) - 1
    elif n < FEW_STATEMENTS or (pubs is not None and pubs < FEW_PUBLICATIONS):
        where = f" from {pubs} citing publication{'s' if pubs != 1 else ''}" if pubs is not None else ""
        verb = "addresses" if n == 1 else "address"
        reasons.append(f"imprecision: only {n} statement{'s' if n != 1 else ''}{where} {verb} {topic}")
        level += 1
    if mixed:
        reasons.append(f"inconsistency: the statements disagree about {topic}")
        level += 1
    return Certainty(level=_LEVELS[min(level, 3)], reasons=reasons)


def grade_section(
    findings: Sequence[Finding],
    statements: Sequence[Statement],
    mixed: bool,
    topic: str,
    notes: Sequence[str] = (),
    design: StudyDesign | None = None,
) -> Certainty:
    """Certainty of a section from the target's design and the statements its grounded findings cite, in the order
    they are cited; an engine's notes follow the graded reasons while some evidence is left (a note about dropped
    evidence would mislead)."""
    by_id = {s.id: s for s in statements}
    cited = dict.fromkeys(sid for finding in findings for sid in finding.statement_ids if sid in by_id)
    graded = grade_certainty([by_id[sid] for sid in cited], mixed, topic, design)
    if cited and notes:
        graded = graded.model_copy(update={"reasons": [*graded.reasons, *notes]})
    return graded
