"""The brief's sections from the extractive readings: safety, efficacy and the contrasting findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.certainty import DRAFT
from summarizer.engines.extractive.reading import SentenceReading, contrast_quote
from summarizer.models import (
    AdverseEvent,
    Efficacy,
    EfficacyAssessment,
    Finding,
    Outcome,
    Quote,
    Safety,
    SafetyAssessment,
    Statement,
    StatementType,
)


@dataclass(frozen=True)
class ReadStatement:
    """A statement with the engine's reading of it."""

    statement: Statement
    reading: SentenceReading


def _quote(statement: Statement, text: str | None) -> Quote:
    """A quote of `text` if it is in the statement, otherwise of the whole statement."""
    if text and text in statement.text:
        return Quote(statement_id=statement.id, text=text)
    return Quote(statement_id=statement.id, text=statement.text)


def _statement_finding(item: ReadStatement, claim: str, quote_text: str | None) -> Finding:
    """A finding resting on one statement, quoting the sentence that carries it."""
    return Finding(claim=claim, statement_ids=[item.statement.id], quotes=[_quote(item.statement, quote_text)])


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _join(names: Sequence[str], conjunction: str = "and") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _ids(items: Sequence[ReadStatement]) -> str:
    return ", ".join(item.statement.id for item in items)


def safety_section(items: Sequence[ReadStatement]) -> Safety:
    """The safety section: events reported, reassurances, the assessment they add up to, and its certainty."""
    concerns = [i for i in items if i.reading.safety_signal == "concern"]
    reassuring = [i for i in items if i.reading.safety_signal == "reassuring"]
    findings: list[Finding] = []
    events: dict[str, tuple[str, list[str]]] = {}
    for item in concerns:
        names = list(item.reading.adverse_events)
        for name in names:
            key = name.lower()
            if key not in events:
                events[key] = (name, [])
            ids = events[key][1]
            if not ids or ids[-1] != item.statement.id:  # items come in order: a repeat is the last one
                ids.append(item.statement.id)
        findings.append(
            _statement_finding(item, f"A citing statement reports {_join(names)}.", item.reading.safety_quote)
        )
    for item in reassuring:
        absent = list(item.reading.absent_events)
        claim = (
            f"A citing statement reports no {_join(absent, 'or')}."
            if absent
            else "A citing statement describes the intervention as safe or well tolerated."
        )
        findings.append(_statement_finding(item, claim, item.reading.safety_quote))
    assessment: SafetyAssessment
    if concerns and reassuring:
        assessment = "mixed"
    elif concerns:
        assessment = "concerns_reported"
    elif reassuring:
        assessment = "no_concerns_reported"
    else:
        assessment = "insufficient_evidence"
    total = len(items)
    if assessment == "insufficient_evidence":
        summary = f"None of the {total} statements reports on safety, so there is no evidence either way."
    else:
        addressing = len(concerns) + len(reassuring)
        parts = [f"{addressing} of {total} statements {_verb(addressing, 'addresses', 'address')} safety."]
        if reassuring:
            parts.append(f"{len(reassuring)} {_verb(len(reassuring), 'reassures', 'reassure')} ({_ids(reassuring)}).")
        if concerns:
            names = [name for name, _ in events.values()]
            reports = _verb(len(concerns), "reports", "report")
            parts.append(f"{len(concerns)} {reports} adverse events ({_ids(concerns)}): {_join(names[:8])}.")
        summary = " ".join(parts)
    return Safety(
        assessment=assessment,
        summary=summary,
        findings=findings,
        adverse_events=[AdverseEvent(name=name, statement_ids=ids) for name, ids in events.values()],
        certainty=DRAFT,
    )


def _outcome_claim(outcome: str, change: str, direction: str) -> str:
    if direction == "no_difference":
        return f"A citing statement reports no difference in {outcome} with the intervention."
    if change in ("increased", "decreased"):
        return f"A citing statement reports {outcome} {change} with the intervention ({direction} for the patient)."
    return f"A citing statement reports the intervention {direction} {outcome}."


def efficacy_section(items: Sequence[ReadStatement]) -> Efficacy:
    """The efficacy section: each outcome with its direction and quotes, the assessment, and its certainty."""
    outcomes: list[Outcome] = []
    by_key: dict[tuple[str, str, str], Outcome] = {}
    used: list[ReadStatement] = []
    for item in items:
        mentions = [m for m in item.reading.outcomes if m.direction != "unclear"]
        if mentions:
            used.append(item)
        for mention in mentions:
            key = (mention.outcome.lower(), mention.direction, mention.change)
            quote = _quote(item.statement, mention.quote)
            existing = by_key.get(key)
            if existing is not None:
                if existing.statement_ids[-1] != item.statement.id:
                    existing.statement_ids.append(item.statement.id)
                    existing.quotes.append(quote)
                continue
            outcome = Outcome(
                outcome=mention.outcome,
                direction=mention.direction,
                change=mention.change,
                claim=_outcome_claim(mention.outcome, mention.change, mention.direction),
                statement_ids=[item.statement.id],
                quotes=[quote],
            )
            by_key[key] = outcome
            outcomes.append(outcome)
    directions = {o.direction for o in outcomes}
    assessment: EfficacyAssessment
    good = "improved" in directions
    bad = "worsened" in directions
    none = "no_difference" in directions
    if good and (bad or none):
        assessment = "mixed"
    elif good:
        assessment = "benefit_reported"
    elif bad:
        assessment = "harm_reported"
    elif none:
        assessment = "no_benefit_reported"
    else:
        assessment = "insufficient_evidence"
    total = len(items)
    if assessment == "insufficient_evidence":
        summary = f"None of the {total} statements reports an outcome of the intervention."
    else:
        parts = [f"{len(used)} of {total} statements {_verb(len(used), 'reports', 'report')} outcomes ({_ids(used)})."]
        for label, verb in (("improved", "improved"), ("worsened", "worsened"), ("no_difference", "unchanged")):
            names = [o.outcome for o in outcomes if o.direction == label]
            if names:
                parts.append(f"Reported as {verb}: {_join(names[:8])}.")
        summary = " ".join(parts)
    return Efficacy(
        assessment=assessment,
        summary=summary,
        outcomes=outcomes,
        certainty=DRAFT,
    )


def contrasting_findings(items: Sequence[ReadStatement], types: dict[str, StatementType]) -> list[Finding]:
    """A finding for each statement that contrasts with or questions the cited work."""
    findings = []
    for item in items:
        contrasting = types.get(item.statement.id) == "contrasting"
        if not (contrasting or item.reading.questions_cited_work):
            continue
        claim = (
            "A citing statement contrasts its findings with the cited work."
            if contrasting
            else "A citing statement questions the cited work's claims."
        )
        findings.append(
            _statement_finding(item, claim, item.reading.stance_quote or contrast_quote(item.statement.text))
        )
    return findings
