"""The brief's sections from the extractive readings: safety, efficacy and the contrasting findings.

Safety and efficacy judge the target's intervention only (target_profile.py): they read the statements that
attribute an effect or a harm of it to the target, and in those only the sentences that speak about it. Without an
intervention both are insufficient_evidence, and the summary says why.

A verdict rests on the statements' weights (1 for a statement that cites the target alone, 1/2 for one that cites
it among several papers). Statements that point another way make the verdict "mixed" only when they weigh at least
VerdictRules.min_dissent and at least VerdictRules.dissent_share of all: one statement against a consistent
majority does not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from summarizer.certainty import DRAFT
from summarizer.engines.extractive.cues import REASSURING
from summarizer.engines.extractive.events import is_clinical_event_name, names_overlap
from summarizer.engines.extractive.reading import SentenceReading, contrast_quote
from summarizer.engines.extractive.target_profile import RULES, TargetProfile, VerdictRules, statement_weight
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatments import TREATMENT_CLASSES
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

# an effect on cancer cells or cells in culture is what a drug is tested for there, not an adverse event of it
CELL_LEVEL = re.compile(r"\b(?:cancer|tumou?r|leuka?emia)\s+cells?\b|\bcell\s+lines?\b|\bin\s+vitro\b", re.IGNORECASE)
SHOWN_IDS = 5
_INDICATION_AFTER = r"(?:drugs?|medications?|therap(?:y|ies)|treatments?|patients|cohort|model|mice|rats)\b"
_INDICATION_BEFORE = r"\b(?:treat(?:s|ed|ing|ment)?(?:\s+(?:of|for))?|for|against|anti-?)"
SHOWN_NAMES = 8
# the comparator arm of a trial: what happens there is not an effect of the intervention
_CONTROL_ARM = re.compile(
    r"\b(?:control|placebo|sham|usual[\s\-]care|standard[\s\-]care)\s+(?:groups?|arms?|recipients|patients|subjects)\b|"
    r"\bcontrols\b|\b(?:with|on|receiving|given)\s+(?:a\s+)?placebo\b",
    re.IGNORECASE,
)
_MORE_WORDS = re.compile(r"\b(?:higher|more|greater|increased|excess|elevated|twice|double)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:while|whereas|but|since|although)\b", re.IGNORECASE)
# "no differences for edema": an outcome compared between arms, not an adverse event found absent
_NO_DIFFERENCE = re.compile(
    r"\bno\s+(?:statistically\s+)?(?:significant\s+)?(?:differences?|changes?)\s+(?:in|for|of|on|between)\b"
    r"[^.;]{0,80}$",
    re.IGNORECASE,
)
# a sentence that says the intervention worked without naming an outcome, as a finding (in the past tense or as
# reported): "reported intranasal midazolam to be 100% effective", "showing effectiveness in treating vitiligo with
# Ginkgo biloba", "reported to have a survival benefit"; not a purpose ("to evaluate the efficacy of"), a
# conjecture ("may be effective"), a negation, or what is known in general ("X is an effective treatment for Y")
EFFICACY_CLAIM = re.compile(
    r"\b(?:(?:was|were|been|proved|proven|found|shown|reported)\s+(?:[\w\-]+\s+){0,3}?(?:to\s+be\s+)?(?:[\w%]+\s+){0,2}?"
    r"(?:effective|efficacious|beneficial)\b|(?:showing|showed|shows|demonstrat\w+|confirm\w*|report\w*)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:effectiveness|efficacy)\b|(?:survival|clinical|therapeutic|significant)\s+"
    r"benefits?\b)",
    re.IGNORECASE,
)
_CLAIM_DOUBTED = re.compile(
    r"\b(?:not|no|nor|never|without|lack|lacked|failed|may|might|could|would|should|whether|if|evaluate|assess|"
    r"investigate|determine|aim|aimed|hypothes\w*|expected|potential|possible|unclear|doubt\w*|question\w*)\b|"
    r"\bonly\s+(?:among|in|for)\b",  # a benefit in a subgroup only is not a benefit of the intervention
    re.IGNORECASE,
)
_CLAIM_KEY = ("reported effective", "improved")
_SAFETY_TERMS = re.compile(r"adverse|side[\s\-]effect|toxicit|complication|safety", re.IGNORECASE)


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


def _sentence(statement: Statement, index: int) -> str:
    spans = split_sentences(statement.text)
    start, end = spans[min(index, len(spans) - 1)]
    return statement.text[start:end].strip()


def _statement_finding(item: ReadStatement, claim: str, quote_text: str | None) -> Finding:
    """A finding resting on one statement, quoting the sentence that carries it."""
    return Finding(claim=claim, statement_ids=[item.statement.id], quotes=[_quote(item.statement, quote_text)])


def _count(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _join(names: Sequence[str], conjunction: str = "and") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _ids(items: Sequence[ReadStatement]) -> str:
    """The first ids, and how many more: a summary stays short however many statements there are."""
    ids = [item.statement.id for item in items]
    shown = ", ".join(ids[:SHOWN_IDS])
    return shown if len(ids) <= SHOWN_IDS else f"{shown} and {len(ids) - SHOWN_IDS} more"


def _names(names: Sequence[str]) -> str:
    shown = list(names[:SHOWN_NAMES])
    if len(names) > SHOWN_NAMES:
        shown.append(_count(len(names) - SHOWN_NAMES, "other"))
    return _join(shown)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def weigh(sides: Mapping[str, Sequence[ReadStatement]], rules: VerdictRules = RULES) -> tuple[str | None, bool]:
    """The side the statements weigh most for, and whether the evidence is mixed.

    It is mixed when the statements for the other sides weigh at least rules.min_dissent and rules.dissent_share of
    all, unless
    a single statement stands against a majority of several (or the sides weigh the same: then it is mixed too).
    """
    weights = {
        side: sum(statement_weight(i.reading.treatment) for i in group) for side, group in sides.items() if group
    }
    total = sum(weights.values())
    if total <= 0:
        return None, False
    top = max(weights, key=lambda side: (weights[side], len(sides[side]), side))
    dissent = total - weights[top]
    dissenting = sum(len(sides[side]) for side in weights if side != top)
    if dissent > 0 and dissent >= weights[top]:
        return top, True
    lone = dissenting == 1 and len(sides[top]) >= 2
    return top, dissent >= rules.min_dissent and dissent >= rules.dissent_share * total and not lone


# the words either side of an event name that make it an indication; the name itself is found with str.find,
# since a pattern compiled for each name cost 0.75 ms a call
_INDICATION_FOLLOWS = re.compile(r"\s+" + _INDICATION_AFTER)
_INDICATION_PRECEDES = re.compile(_INDICATION_BEFORE + r"\s+(?:\w+\s+)?\Z")
_WORD_CHAR = re.compile(r"\w")


def _word_boundary(text: str, at: int) -> bool:
    """What the pattern `\\b` says at this position."""
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    after = at < len(text) and _WORD_CHAR.match(text, at) is not None
    return before != after


def _indication(sentence: str, event: str) -> bool:
    """Whether the event is what a treatment is for ("a diabetes drug", "treatment of hepatitis"), not a harm."""
    name = event.lower()
    low = sentence.lower()
    start = low.find(name)
    while start != -1:
        end = start + len(name)
        if _word_boundary(low, start) and _INDICATION_FOLLOWS.match(low, end):
            return True  # "hepatitis patients", "a diabetes drug"
        if _word_boundary(low, end) and _INDICATION_PRECEDES.search(low, 0, start):
            return True  # "treatment of hepatitis", "for severe pain"
        start = low.find(name, start + 1)
    return False


def _occurrences(text: str, name: str) -> list[int]:
    """Where a name stands in a text, left to right without overlaps (as re.finditer would find it, with no
    pattern to compile for each name)."""
    found = []
    start = text.find(name)
    while start != -1:
        found.append(start)
        start = text.find(name, start + max(1, len(name)))
    return found


def _clause_at(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence around [start, end): between the clause breaks (",", ";", while, but, ...)."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]


def _in_control_arm(sentence: str, event: str, anchors: frozenset[str]) -> bool:
    """Whether every mention of an event is in a clause about the control arm: one that names it and not the
    intervention ("in the control group 4 patients developed wound infection"), or one that compares the two arms
    without saying which had more ("a difference between X and the control group in the incidence of wound
    infection"). "Nausea was more frequent than in the placebo group" stays an adverse event."""
    low = sentence.lower()
    found = _occurrences(low, event.lower())
    if not found:
        return False
    for start in found:
        clause = _clause_at(low, start, start + len(event))
        if _CONTROL_ARM.search(clause) is None or _MORE_WORDS.search(clause) is not None:
            return False
        names_intervention = any(a in clause for a in anchors if a not in TREATMENT_CLASSES)
        if names_intervention and "differ" not in clause:
            return False
    return True


def _compared(sentence: str, event: str) -> bool:
    """Whether an absent event is an outcome that did not differ between the arms ("no differences for edema"):
    only adverse events in general ("no difference in adverse events") are then a reassurance."""
    if _SAFETY_TERMS.search(event):
        return False
    return any(
        _NO_DIFFERENCE.search(sentence, max(0, start - 200), start) is not None
        for start in _occurrences(sentence.lower(), event.lower())
    )


def _names_intervention(outcome: str, anchors: frozenset[str]) -> bool:
    """Whether an outcome's name is the intervention itself ("availability of antiretroviral therapies")."""
    words = {w.strip(".,;:()").rstrip("s") for w in outcome.lower().split()}
    return any(anchor.rstrip("s") in words for anchor in anchors if anchor not in TREATMENT_CLASSES)


def no_intervention_safety(reason: str) -> Safety:
    """The safety section of a target that studies no intervention: nothing to judge."""
    return Safety(assessment="insufficient_evidence", summary=reason, certainty=DRAFT)


def no_intervention_efficacy(reason: str) -> Efficacy:
    """The efficacy section of a target that studies no intervention: nothing to judge."""
    return Efficacy(assessment="insufficient_evidence", summary=reason, certainty=DRAFT)


def safety_section(items: Sequence[ReadStatement], profile: TargetProfile, rules: VerdictRules = RULES) -> Safety:
    """The safety section: events reported with the intervention, reassurances, and the assessment they add up to."""
    if profile.name is None:
        return no_intervention_safety(profile.reason)
    name = profile.name
    concerns: list[ReadStatement] = []
    reassuring: list[ReadStatement] = []
    findings: list[Finding] = []
    events: dict[str, tuple[str, list[str]]] = {}
    for index in profile.statements:
        item = items[index]
        reading = item.reading
        if reading.safety_signal == "concern":
            # what the intervention improved ("reduced chronic inflammation") is not an adverse event of it
            improved = [m.outcome for m in reading.outcomes if m.direction != "worsened"]
            kept = []
            for event, sentence in zip(reading.adverse_events, reading.event_sentences, strict=False):
                if not profile.about(index, sentence) or not is_clinical_event_name(event):
                    continue
                if names_overlap(event, improved):
                    continue
                text = _sentence(item.statement, sentence)
                if CELL_LEVEL.search(text) or _indication(text, event) or _in_control_arm(text, event, profile.anchors):
                    continue
                kept.append((event, sentence))
            if not kept:
                continue
            concerns.append(item)
            for event, _ in kept:
                key = event.lower()
                ids = events.setdefault(key, (event, []))[1]
                if not ids or ids[-1] != item.statement.id:
                    ids.append(item.statement.id)
            claim = f"{_capital(_join([event for event, _ in kept]))} reported with {name}."
            findings.append(_statement_finding(item, claim, _sentence(item.statement, kept[0][1])))
        elif reading.safety_signal == "reassuring" and profile.about(index, reading.safety_sentence):
            sentence_text = _sentence(item.statement, reading.safety_sentence or 0)
            absent = [event for event in reading.absent_events if not _compared(sentence_text, event)]
            if reading.absent_events and not absent and not reading.safety_outcomes and (
                REASSURING.search(sentence_text.lower()) is None
            ):
                continue  # its only "absent events" are outcomes compared between the arms
            reassuring.append(item)
            if reading.safety_outcomes:
                claim = " ".join(
                    f"No difference in {_lower_first(m.outcome)} with {name}." if m.change == "no_difference"
                    else f"{_capital(m.outcome)} {m.change} with {name}."
                    for m in reading.safety_outcomes
                )
            elif absent:
                claim = f"No {_join(absent, 'or')} reported with {name}."
            else:
                claim = f"{_capital(name)} described as safe or well tolerated."
            findings.append(_statement_finding(item, claim, reading.safety_quote))
    side, mixed = weigh({"concerns": concerns, "reassuring": reassuring}, rules)
    assessment: SafetyAssessment
    if side is None:
        assessment = "insufficient_evidence"
    elif mixed:
        assessment = "mixed"
    else:
        assessment = "concerns_reported" if side == "concerns" else "no_concerns_reported"
    if assessment == "insufficient_evidence":
        summary = f"No statement reports on the safety of {name}, so there is no evidence either way."
    else:
        addressing = len(concerns) + len(reassuring)
        verb = "reports" if addressing == 1 else "report"
        parts = [f"{_count(addressing, 'statement')} of {len(items)} {verb} on the safety of {name}."]
        if reassuring:
            parts.append(f"{_count(len(reassuring), 'reports', 'report')} no harm ({_ids(reassuring)}).")
        if concerns:
            names = [event for event, _ in events.values()]
            parts.append(f"{_count(len(concerns), 'reports', 'report')} adverse events ({_ids(concerns)}): "
                         f"{_names(names)}.")
        summary = " ".join(parts)
    return Safety(
        assessment=assessment,
        summary=summary,
        findings=findings,
        adverse_events=[AdverseEvent(name=event, statement_ids=ids) for event, ids in events.values()],
        certainty=DRAFT,
    )


def _lower_first(text: str) -> str:
    """A name as it reads inside a sentence: "Mortality" becomes "mortality", "HbA1c" and "ICU stay" stay."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _outcome_claim(outcome: str, change: str, direction: str, name: str) -> str:
    if direction == "no_difference":
        return f"No difference in {_lower_first(outcome)} with {name}."
    if change in ("increased", "decreased"):
        better = "an improvement" if direction == "improved" else "a worsening"
        return f"{_capital(outcome)} {change} with {name} ({better})."
    return f"{_capital(outcome)} {direction} with {name}."


def _outcome_key(outcome: str) -> str:
    words = outcome.lower().split()
    while words and words[0] in ("the", "a", "an", "in", "of"):
        words.pop(0)
    return " ".join(words)


def efficacy_section(
    items: Sequence[ReadStatement], profile: TargetProfile, rules: VerdictRules = RULES
) -> Efficacy:
    """The efficacy section: each outcome of the intervention with its direction and quotes, and the assessment."""
    if profile.name is None:
        return no_intervention_efficacy(profile.reason)
    name = profile.name
    outcomes: list[Outcome] = []
    by_key: dict[tuple[str, str], Outcome] = {}
    used: list[ReadStatement] = []
    sides: dict[str, list[ReadStatement]] = {"improved": [], "worsened": [], "no_difference": []}
    for index in profile.statements:
        item = items[index]
        mentions = [
            m for m in item.reading.outcomes
            if m.direction != "unclear"
            and profile.about(index, m.sentence)
            and not _names_intervention(m.outcome, profile.anchors)
        ]
        if not mentions:
            claim = _efficacy_claim(item.statement, profile.sentences.get(index, frozenset()))
            if claim is not None:
                used.append(item)
                sides["improved"].append(item)
                claimed = by_key.get(_CLAIM_KEY)
                if claimed is None:
                    by_key[_CLAIM_KEY] = claimed = _claim_outcome(name, item.statement, claim)
                    outcomes.append(claimed)
                else:
                    claimed.statement_ids.append(item.statement.id)
                    claimed.quotes.append(_quote(item.statement, claim))
            continue
        used.append(item)
        for direction in dict.fromkeys(m.direction for m in mentions):
            sides[direction].append(item)
        for mention in mentions:
            key = (_outcome_key(mention.outcome), mention.direction)
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
                claim=_outcome_claim(mention.outcome, mention.change, mention.direction, name),
                statement_ids=[item.statement.id],
                quotes=[quote],
            )
            by_key[key] = outcome
            outcomes.append(outcome)
    side, mixed = weigh(sides, rules)
    assessment: EfficacyAssessment
    if side is None:
        assessment = "insufficient_evidence"
    elif mixed and sides["improved"]:
        assessment = "mixed"
    elif side == "improved":
        assessment = "benefit_reported"
    else:
        assessment = "harm_reported" if side == "worsened" else "no_benefit_reported"
    if assessment == "insufficient_evidence":
        summary = f"No statement reports an outcome of {name}."
    else:
        verb = "reports" if len(used) == 1 else "report"
        parts = [f"{_count(len(used), 'statement')} of {len(items)} {verb} outcomes of {name} ({_ids(used)})."]
        for label, verb in (("improved", "improved"), ("worsened", "worsened"), ("no_difference", "unchanged")):
            names = list(dict.fromkeys(o.outcome for o in outcomes if o.direction == label))
            if names:
                parts.append(f"Reported as {verb}: {_names(names)}.")
        summary = " ".join(parts)
    return Efficacy(assessment=assessment, summary=summary, outcomes=outcomes, certainty=DRAFT)


def _efficacy_claim(statement: Statement, sentences: frozenset[int]) -> str | None:
    """The first sentence about the intervention that says, unhedged and not negated, that it worked."""
    for index in sorted(sentences):
        text = _sentence(statement, index)
        if EFFICACY_CLAIM.search(text) is not None and _CLAIM_DOUBTED.search(text) is None:
            return text
    return None


def _claim_outcome(name: str, statement: Statement, sentence: str) -> Outcome:
    """The finding of the statements that call the intervention effective without naming what it improved."""
    return Outcome(
        outcome=_CLAIM_KEY[0],
        direction="improved",
        change="unclear",
        claim=f"{_capital(name)} reported effective (no outcome named).",
        statement_ids=[statement.id],
        quotes=[_quote(statement, sentence)],
    )


def contrasting_findings(items: Sequence[ReadStatement], types: dict[str, StatementType]) -> list[Finding]:
    """A finding for each statement that contrasts with or questions the cited work."""
    findings = []
    for item in items:
        contrasting = types.get(item.statement.id) == "contrasting"
        if not (contrasting or item.reading.questions_cited_work):
            continue
        claim = (
            "Contrasts its findings with the cited work."
            if contrasting
            else "Questions the cited work's claims."
        )
        findings.append(
            _statement_finding(item, claim, item.reading.stance_quote or contrast_quote(item.statement.text))
        )
    return findings
