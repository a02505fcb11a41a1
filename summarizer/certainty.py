"""GRADE-style certainty of a section drawn from citation statements: start low, downgrade for few or mixed.

The pipeline grades both sections of every brief from the grounded evidence, whatever the engine: engines draft
their sections with DRAFT (or `draft(notes)`) and never set a level themselves. An engine may add notes (a model's
reason, say); they reach the brief as reasons after the graded ones, only while the section has grounded evidence.
The rules, in plain words: docs/CERTAINTY.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.models import Certainty, CertaintyLevel, Finding, Statement

INDIRECT_REASON = "indirect: evidence comes from citing statements, not from the trial data"
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


def grade_certainty(statements: Sequence[Statement], mixed: bool, topic: str) -> Certainty:
    """GRADE-style certainty: start low (indirect), downgrade for imprecision and inconsistency."""
    reasons = [INDIRECT_REASON]
    level = 2  # "low"
    n = len(statements)
    pubs = _publications(statements)
    if n == 0:
        reasons.append(f"imprecision: no statement addresses {topic}")
        level += 1
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
) -> Certainty:
    """Certainty of a section from the statements its grounded findings cite, in the order they are cited; an
    engine's notes follow the graded reasons while some evidence is left (a note about dropped evidence would
    mislead)."""
    by_id = {s.id: s for s in statements}
    cited = dict.fromkeys(sid for finding in findings for sid in finding.statement_ids if sid in by_id)
    graded = grade_certainty([by_id[sid] for sid in cited], mixed, topic)
    if cited and notes:
        graded = graded.model_copy(update={"reasons": [*graded.reasons, *notes]})
    return graded
