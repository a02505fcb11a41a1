"""The brief's sections from the extractive readings: safety, efficacy and the contrasting findings.

Safety and efficacy judge the target's intervention only (target_profile.py): they read the statements that
attribute an effect or a harm of it to the target, and in those only the sentences that speak about it. Without an
intervention both are insufficient_evidence, and the summary says why.

This module selects the evidence of each section and puts the section together; what counts as evidence is in
evidence.py, the weighing of the sides into a verdict in verdicts.py, and the wording of claims and summaries in
wording.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from summarizer.certainty import DRAFT
from summarizer.engines.extractive.absence_frames import absence_in_doubt
from summarizer.engines.extractive.arm_comparison import (
    ARMS,
    TREATED_AGAINST_CONTROL,
    arms_compared,
    names_no_other_treatment,
)
from summarizer.engines.extractive.cause_only import caused_by_one_of
from summarizer.engines.extractive.conceded_safety import safety_only_conceded
from summarizer.engines.extractive.cues import REASSURING
from summarizer.engines.extractive.denied_rises import rise_denied_in
from summarizer.engines.extractive.event_hedges import hedged_name
from summarizer.engines.extractive.event_nouns import event_noun
from summarizer.engines.extractive.events import is_clinical_event_name, names_overlap, slight_harm
from summarizer.engines.extractive.evidence import (
    CELL_LEVEL,
    ReadStatement,
    also_occurring,
    compared,
    compares_doses,
    coordinated_with_intervention,
    efficacy_claim,
    for_the_intervention,
    given_alone,
    in_control_arm,
    indication,
    measured_before_treatment,
    names_intervention,
    outcome_key,
    quote,
    safety_word_negated,
    said_of_another_arm,
    sentence,
    statement_finding,
)
from summarizer.engines.extractive.generic_events import without_generic_beside_named
from summarizer.engines.extractive.learned_results import LearnedResults
from summarizer.engines.extractive.measure_heads import completed_name
from summarizer.engines.extractive.measured_harms import harm_measured, rose_with_it
from summarizer.engines.extractive.nested_events import listed_once, names_only_the_intervention
from summarizer.engines.extractive.outcomes import OutcomeMention, plausible_outcome_name
from summarizer.engines.extractive.own_report import own_report_statements
from summarizer.engines.extractive.pointed_events import pointed_to
from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.engines.extractive.reading import contrast_quote
from summarizer.engines.extractive.short_forms import anchors_match
from summarizer.engines.extractive.superiority import superiority_claim
from summarizer.engines.extractive.target_polarity import TargetPolarity
from summarizer.engines.extractive.target_profile import RULES, TargetProfile, VerdictRules, statement_weight
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatment_mention import TreatmentMention
from summarizer.engines.extractive.unnamed_null_results import unnamed_null_result
from summarizer.engines.extractive.verdicts import efficacy_verdict, safety_verdict, weigh
from summarizer.engines.extractive.within_groups import within_groups_only
from summarizer.engines.extractive.wording import (
    concern_claim,
    contrasting_claim,
    effective_claim,
    efficacy_summary,
    outcome_claim,
    reassuring_claim,
    safety_summary,
    without_stray_brackets,
)
from summarizer.models import (
    AdverseEvent,
    Efficacy,
    Finding,
    Outcome,
    Safety,
    Statement,
    StatementType,
)

__all__ = [
    "ReadStatement",
    "contrasting_findings",
    "efficacy_section",
    "no_intervention_efficacy",
    "no_intervention_safety",
    "safety_section",
    "weigh",
]

_CLAIM_KEY = ("reported effective", "improved")


def no_intervention_safety(reason: str) -> Safety:
    """The safety section of a target that studies no intervention: nothing to judge."""
    return Safety(assessment="insufficient_evidence", summary=reason, certainty=DRAFT)


def no_intervention_efficacy(reason: str) -> Efficacy:
    """The efficacy section of a target that studies no intervention: nothing to judge."""
    return Efficacy(assessment="insufficient_evidence", summary=reason, certainty=DRAFT)


def _concern_events(item: ReadStatement, index: int, profile: TargetProfile) -> list[tuple[str, int]]:
    """The adverse events of a statement that are harms of the intervention, with their sentences: not those of
    sentences about something else, not what it improved ("reduced chronic inflammation"), not a cell-level
    effect, an indication or what happened in the control arm."""
    reading = item.reading
    improved = [m.outcome for m in reading.outcomes if m.direction != "worsened"]
    kept = []
    events = [*zip(reading.adverse_events, reading.event_sentences, strict=False), *reading.general_harms]
    for event, at in events:
        if not profile.about(index, at) or not is_clinical_event_name(event):
            continue
        if names_overlap(event, improved):
            continue
        text = sentence(item.statement, at)
        if CELL_LEVEL.search(text) or indication(text, event) or in_control_arm(text, event, profile.anchors):
            continue
        if _the_other_arms(item, at, profile, text):
            continue
        if slight_harm(text, event):
            continue
        kept.append((event, at))
    return kept


class _LazyPolarity:
    """The target's polarity of outcome names (target_polarity.py), read from its statements once, when first asked:
    most briefs measure no harm among their outcomes."""

    def __init__(self, items: Sequence[ReadStatement]) -> None:
        self._items = items
        self._polarity: TargetPolarity | None = None

    def get(self) -> TargetPolarity:
        if self._polarity is None:
            self._polarity = TargetPolarity(i.statement.text for i in self._items if i.reading.polarity_cues)
        return self._polarity


def _measured_harms(
    item: ReadStatement, index: int, profile: TargetProfile, named: list[str], polarity: _LazyPolarity
) -> list[tuple[str, int]]:
    """The harms a trial counted among its outcomes that rose with the intervention ("the incidence of sore throat
    was higher in group G": sore throat), with their sentences (measured_harms.py), those not named already."""
    if not any(m.change != "no_difference" and harm_measured(m.outcome) for m in item.reading.outcomes):
        return []
    found: list[tuple[str, int]] = []
    for mention in _rule_outcomes(item, index, profile, polarity.get()):
        harm = harm_measured(mention.outcome) if rose_with_it(mention) else None
        if harm is not None and not names_overlap(harm, [*named, *(h for h, _ in found)]):
            at = mention.outcome.lower().find(harm)
            found.append((mention.outcome[at : at + len(harm)] if at >= 0 else harm, mention.sentence))
    return found


def _safety_comparison(mention: OutcomeMention) -> bool:
    """Whether an outcome compared is safety's, not efficacy's: a harm whose rate its quote denies a rise ("no
    increase in the incidence of X", denied_rises.py; not "the rate of healing", good to have)."""
    return mention.change == "no_difference" and rise_denied_in(mention.quote, mention.outcome) and (
        rule_higher_is_better(mention.outcome) is not True
    )


def _by_their_nouns(statement: Statement, events: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The events named by a noun ("died" -> "death", event_nouns.py), once each; a lone verb form with no noun of
    a harm names none, and the people who had a harm name the harm their clause names."""
    named: dict[str, tuple[str, int]] = {}
    for event, at in events:
        noun = event_noun(event, sentence(statement, at))
        if noun is not None:
            named.setdefault(noun.lower(), (noun, at))
    return list(named.values())


# "fewer failures with A than with B": the reference arm had more of the event, not less
_FEWER = re.compile(r"\b(?:less|fewer|lower|reduced|decreased|smaller)\b")
# a comparison of a trial's arms, not of doses or diagnoses ("more than 35 g", "graft versus host", "rather than")
_ARMS_NAMED = re.compile(r"\b(?:group|groups|arm|arms)\b")


def _the_other_arms(item: ReadStatement, at: int, profile: TargetProfile, text: str) -> bool:
    """Whether a sentence's event is the other arm's: the sentence names the intervention only as what the other arm
    is compared against ("failure occurred in 20% in the B group as compared to 1% in the <intervention> group"),
    a sentence that names the trial's arms, with no word saying the other arm had less of it."""
    low = text.lower()
    if _ARMS_NAMED.search(low) is None or _FEWER.search(low) is not None:
        return False
    return profile.only_compared_against([m for m in item.reading.treatment.mentions if m.sentence == at])


def safety_section(items: Sequence[ReadStatement], profile: TargetProfile, rules: VerdictRules = RULES) -> Safety:
    """The safety section: events reported with the intervention, reassurances, and the assessment they add up to."""
    if profile.name is None:
        return no_intervention_safety(profile.reason)
    name = profile.name
    concerns: list[ReadStatement] = []
    reassuring: list[ReadStatement] = []
    findings: list[Finding] = []
    by_claim: dict[str, Finding] = {}
    events: dict[str, tuple[str, list[str]]] = {}
    polarity = _LazyPolarity(items)
    for index in profile.statements:
        item = items[index]
        reading = item.reading
        concern = reading.safety_signal == "concern"
        kept = _concern_events(item, index, profile) if concern or reading.general_harms else []
        kept += _measured_harms(item, index, profile, [e for e, _ in kept], polarity)
        kept = [(without_stray_brackets(event), at) for event, at in without_generic_beside_named(item.statement, kept)]
        kept = listed_once(_by_their_nouns(item.statement, kept), profile.anchors | {name.lower()})
        if kept and events:  # "this syndrome": the harm named before
            before = [shown for shown, _ in events.values()]
            kept = [(pointed_to(event, sentence(item.statement, at), before), at) for event, at in kept]
        if concern and not kept:
            continue
        if kept:
            concerns.append(item)
            hedged = [hedged_name(sentence(item.statement, at), event) for event, at in kept]  # "potentially fatal"
            for (event, _), shown in zip(kept, hedged, strict=True):
                event_ids = events.setdefault(event.lower(), (shown, []))[1]  # one harm, hedged or not
                if not event_ids or event_ids[-1] != item.statement.id:
                    event_ids.append(item.statement.id)
            quoted = sentence(item.statement, kept[0][1])
            claim = concern_claim(hedged, name, quoted)
            _add_finding(findings, by_claim, statement_finding(item, claim, quoted))
        elif reading.safety_signal == "reassuring" and profile.about(index, reading.safety_sentence):
            sentence_text = sentence(item.statement, reading.safety_sentence or 0)
            absent = [
                event
                for event in reading.absent_events
                if is_clinical_event_name(event)
                and not compared(sentence_text, event)
                and not also_occurring(sentence_text, event)
                and not absence_in_doubt(sentence_text, event)
                and not names_only_the_intervention(event, profile.anchors)  # "no CPM reported with CPM": its arm
            ]
            if reading.absent_events and not absent and not reading.safety_outcomes and (
                REASSURING.search(sentence_text.lower()) is None
            ):
                continue  # its only "absent events" are outcomes compared between the arms
            if not absent and not reading.safety_outcomes and (
                safety_word_negated(sentence_text)  # "it is not safe to smoke": nothing called safe, no harm absent
                or safety_only_conceded(sentence_text)  # "although D is safe, E may occur": the caution is the point
            ):
                continue
            reassuring.append(item)
            claim = reassuring_claim(reading.safety_outcomes, absent, name, sentence_text)
            _add_finding(findings, by_claim, statement_finding(item, claim, reading.safety_quote))
    assessment = safety_verdict(concerns, reassuring, rules)
    event_names = [event for event, _ in events.values()]
    # the statements about the intervention that the reading tagged safety: some report a harm that is not one of
    # the intervention (an indication, the control arm) or an outcome compared between the arms, and so are no
    # evidence; the summary still counts them rather than say that no statement speaks of its safety
    speaking = [items[index] for index in profile.statements if "safety" in items[index].reading.topics]
    # and those tagged safety that are not about it: the summary says that they speak of safety, not of its
    tagged = [item for item in items if "safety" in item.reading.topics]
    summary = safety_summary(
        name, len(items), concerns, reassuring, event_names, judged=assessment != "insufficient_evidence",
        speaking=speaking, tagged=tagged,
    )
    return Safety(
        assessment=assessment,
        summary=summary,
        findings=findings,
        adverse_events=[AdverseEvent(name=event, statement_ids=event_ids) for event, event_ids in events.values()],
        certainty=DRAFT,
    )


def _add_finding(findings: list[Finding], by_claim: dict[str, Finding], finding: Finding) -> None:
    """Adds a finding, or its statement and quote to the one that makes the same claim (by_claim: the findings so
    far by their claim): one claim is listed once, with every statement it rests on, as the efficacy section lists
    an outcome once."""
    existing = by_claim.get(finding.claim)
    if existing is None:
        by_claim[finding.claim] = finding
        findings.append(finding)
        return
    # each statement is read once, so its id is new unless it is the last one added (as efficacy_section checks)
    for statement_id, finding_quote in zip(finding.statement_ids, finding.quotes, strict=False):
        if existing.statement_ids[-1] != statement_id:
            existing.statement_ids.append(statement_id)
            existing.quotes.append(finding_quote)


def efficacy_section(
    items: Sequence[ReadStatement],
    profile: TargetProfile,
    rules: VerdictRules = RULES,
    learned: LearnedResults | None = None,
) -> Efficacy:
    """The efficacy section: each outcome of the intervention with its direction and quotes, and the assessment.

    learned: reads, with the change model, the sentences about the intervention in which the rules found no outcome
    with a direction (learned_results.py)."""
    if profile.name is None:
        return no_intervention_efficacy(profile.reason)
    name = profile.name
    outcomes: list[Outcome] = []
    by_key: dict[tuple[str, str], Outcome] = {}
    used: list[ReadStatement] = []
    sides: dict[str, list[ReadStatement]] = {"improved": [], "worsened": [], "no_difference": []}
    counted: dict[str, set[str]] = {side: set() for side in sides}
    polarity = TargetPolarity(item.statement.text for item in items if item.reading.polarity_cues)
    own_report = own_report_statements([item.statement for item in items])
    read = {index: _rule_outcomes(items[index], index, profile, polarity) for index in profile.statements}
    if learned is not None:
        _add_learned_outcomes(read, items, profile, learned, rules)
    for index, mentions in _arms_compared(items, profile, polarity, own_report).items():
        read[index] = [*read.get(index, ()), *mentions]
    for index in sorted(read):
        item = items[index]
        mentions = [m for m in read[index] if not _safety_comparison(m)]
        if read[index] and not mentions:
            continue  # only safety's comparisons: a harm's rate denied a rise
        if not mentions:
            about = profile.sentences.get(index, frozenset())
            claim = efficacy_claim(item.statement, about, profile.anchors) or superiority_claim(
                item.statement, about, profile.anchors
            )
            if claim is not None:
                used.append(item)
                _count_on_side(sides["improved"], counted["improved"], item, {_CLAIM_KEY[0]}, index in own_report)
                claimed = by_key.get(_CLAIM_KEY)
                if claimed is None:
                    by_key[_CLAIM_KEY] = claimed = _claim_outcome(name, item.statement, claim)
                    outcomes.append(claimed)
                else:
                    claimed.statement_ids.append(item.statement.id)
                    claimed.quotes.append(quote(item.statement, claim))
            continue
        used.append(item)
        for direction in dict.fromkeys(m.direction for m in mentions):
            results = {outcome_key(m.outcome) for m in mentions if m.direction == direction}
            _count_on_side(sides[direction], counted[direction], item, results, index in own_report)
        for read_mention in mentions:
            mention = replace(read_mention, outcome=completed_name(read_mention.outcome, read_mention.quote, name))
            key = (outcome_key(mention.outcome), mention.direction)
            mention_quote = quote(item.statement, mention.quote)
            existing = by_key.get(key)
            if existing is not None:
                if existing.statement_ids[-1] != item.statement.id:
                    existing.statement_ids.append(item.statement.id)
                    existing.quotes.append(mention_quote)
                continue
            outcome = Outcome(
                outcome=mention.outcome,
                direction=mention.direction,
                change=mention.change,
                claim=outcome_claim(mention.outcome, mention.change, mention.direction, name, mention.quote),
                statement_ids=[item.statement.id],
                quotes=[mention_quote],
            )
            by_key[key] = outcome
            outcomes.append(outcome)
    assessment = efficacy_verdict(sides, rules)
    by_direction = [
        (label, list(dict.fromkeys(o.outcome for o in outcomes if o.direction == direction)))
        for direction, label in (("improved", "improved"), ("worsened", "worsened"), ("no_difference", "unchanged"))
    ]
    summary = efficacy_summary(name, len(items), used, by_direction, judged=assessment != "insufficient_evidence")
    return Efficacy(assessment=assessment, summary=summary, outcomes=outcomes, certainty=DRAFT)


def _count_on_side(
    side: list[ReadStatement], counted: set[str], item: ReadStatement, results: set[str], own_report: bool
) -> None:
    """Count a statement on a side of the verdict unless it is of a trial's own report (own_report.py) and every
    result that puts it there (an outcome, by its outcome_key) was already counted there: a trial that reports one
    result twice, in the abstract and again in the results or in two overlapping passages, reports one result, which
    weighs once. Statements of works that cite the trial each count, as the citing works that report it, those
    whose citation marker was lost among them."""
    if not own_report:
        side.append(item)
        return
    if results <= counted:
        return
    counted.update(results)
    side.append(item)


def _counted(mention: OutcomeMention, profile: TargetProfile) -> bool:
    """Whether an outcome mention is a finding about the intervention against its comparator: not the intervention
    itself nor the arm set beside it, not a comparison of doses, not a measure taken before treatment, not a change
    within the groups (within_groups.py), not what a combination gained over the intervention given alone."""
    low = mention.quote.lower()
    return (
        not names_intervention(mention.outcome, profile.anchors)
        # the arm set beside the outcome is named in its sentence: where no anchor is, no pattern is built for it
        and not (any(a in low for a in profile.anchors) and coordinated_with_intervention(mention, profile.anchors))
        and not compares_doses(mention.quote)
        and not measured_before_treatment(mention.outcome, mention.quote)
        and not within_groups_only(mention)
        and not given_alone(mention.quote, profile.anchors)
    )


# the arm an outcome's name ends with: "the CGI-I response rate for fluoxetine", "pain scores with ketamine"
_ARM_TAIL = re.compile(r"\s+(?:for|with|after|on|in|among|receiving)\s+(?:the\s+)?(?=\S)", re.IGNORECASE)


def _without_its_arm(mention: OutcomeMention, profile: TargetProfile) -> OutcomeMention:
    """A mention whose name ends with the intervention's arm ("CGI-I response rate for fluoxetine"), named without
    it: the result is the intervention's against its comparator, and the name the measure's. Unchanged when no such
    tail names the intervention, or what is left names no measure."""
    for tail in _ARM_TAIL.finditer(mention.outcome):
        head = mention.outcome[: tail.start()]
        if names_intervention(mention.outcome[tail.end() :], profile.anchors) and not names_intervention(
            head, profile.anchors
        ):
            return replace(mention, outcome=head) if plausible_outcome_name(head) else mention
    return mention


def _arms_compared(
    items: Sequence[ReadStatement], profile: TargetProfile, polarity: TargetPolarity, own_report: frozenset[int]
) -> dict[int, list[OutcomeMention]]:
    """The outcomes read in sentences that do not name the intervention but compare the trial's arms and name no
    other treatment (arm_comparison.py), by statement: with a direction where the sentence sets the treated arm,
    named generically, against the control arm ("pain was lower in the treated group than in the control group");
    of no difference where it compares the arms however named ("no difference between the groups in X"), or where a
    statement of a trial's own report (own_report) states a result of no difference without naming them
    (_UnnamedArms)."""
    found: dict[int, list[OutcomeMention]] = {}
    for index, item in enumerate(items):
        outcomes = item.reading.outcomes
        if not outcomes or all(profile.about(index, m.sentence) for m in outcomes):
            continue
        unnamed = _UnnamedArms(item, index in own_report)
        by_sentence: dict[int, str | None] = {}
        for m in outcomes:
            if m.sentence not in by_sentence:
                kind = None if profile.about(index, m.sentence) else (
                    arms_compared(m.quote.lower()) or unnamed.kind(m.sentence)
                )
                by_sentence[m.sentence] = kind if kind is not None and names_no_other_treatment(
                    (t for t in item.reading.treatment.mentions if t.sentence == m.sentence), profile.named_in
                ) else None
        treated = frozenset(at for at, kind in by_sentence.items() if kind == TREATED_AGAINST_CONTROL)
        alike = frozenset(at for at, kind in by_sentence.items() if kind is not None)
        if alike:
            mentions = _rule_outcomes(item, index, profile, polarity, (treated, alike))
            if mentions:
                found[index] = mentions
    return found


class _UnnamedArms:
    """The sentences of a statement that report a result of no difference without naming a treatment, in a statement
    of a trial's own report (own_report.py): they report it of the trial's arms (unnamed_null_results.py). The
    statement's sentences are split once, when a sentence is first asked about."""

    def __init__(self, item: ReadStatement, own_report: bool) -> None:
        self._item = item
        self._own_report = own_report
        self._sentences: list[str] | None = None

    def kind(self, at: int) -> str | None:
        """ARMS where sentence `at` reports such a result, None otherwise."""
        if not self._own_report or any(t.sentence == at for t in self._item.reading.treatment.mentions):
            return None
        if self._sentences is None:
            text = self._item.statement.text
            self._sentences = [text[a:b].strip() for a, b in split_sentences(text)]
        if not self._sentences:
            return None
        return ARMS if unnamed_null_result(self._sentences[min(at, len(self._sentences) - 1)]) else None


def _rule_outcomes(
    item: ReadStatement,
    index: int,
    profile: TargetProfile,
    polarity: TargetPolarity,
    compared: tuple[frozenset[int], frozenset[int]] | None = None,
) -> list[OutcomeMention]:
    """The outcomes with a direction the rules read in the statement's sentences about the intervention (named
    without the intervention's arm, _without_its_arm); where the outcome's name left its direction unclear, the
    polarity the target's statements give it (target_polarity.py). compared: instead of the sentences about the
    intervention, those that compare its arm with the control arm (all their outcomes read) and those that compare
    the arms (their outcomes of no difference read), _arms_compared."""
    read = [
        _without_its_arm(m, profile) for m in item.reading.outcomes
        if (profile.about(index, m.sentence) if compared is None else m.sentence in compared[0] or (
            m.sentence in compared[1] and m.change == "no_difference"
        ))
    ]
    counted = [
        m for m in polarity.directions(read)
        if m.direction != "unclear" and _counted(m, profile) and not said_of_another_arm(m, profile.anchors)
    ]
    by_sentence: dict[int, list[TreatmentMention]] = defaultdict(list)
    for treatment in item.reading.treatment.mentions:
        by_sentence[treatment.sentence].append(treatment)
    return [
        for_the_intervention(m, profile.anchors, profile.only_compared_against(by_sentence.get(m.sentence, ())))
        for m in counted
        if m.direction != "improved" or not _caused_by_the_intervention(m, by_sentence.get(m.sentence, ()), profile)
    ]


def _caused_by_the_intervention(
    mention: OutcomeMention, mentions: Sequence[TreatmentMention], profile: TargetProfile
) -> bool:
    """Whether the outcome's sentence says the intervention caused it (cause_only.py)."""
    names = [m.name for m in mentions if anchors_match(m.anchors, profile.anchors)]
    return bool(names) and caused_by_one_of(mention.quote, mention.outcome, names)


def _add_learned_outcomes(
    read: dict[int, list[OutcomeMention]],
    items: Sequence[ReadStatement],
    profile: TargetProfile,
    learned: LearnedResults,
    rules: VerdictRules,
) -> None:
    """Where the statements the rules read outcomes in weigh too little for a verdict (rules.min_attributed), the
    change model reads the other statements about the intervention (learned_results.py). Where the rules have
    enough, it is not needed, and the PICO reader it may load is not loaded."""
    weight = sum(statement_weight(items[index].reading.treatment) for index, found in read.items() if found)
    if weight >= rules.min_attributed:
        return
    for index, found in read.items():
        if not found:
            item, about = items[index], sorted(profile.sentences[index])
            mentions = learned.outcomes(item.statement.text, item.reading, about, profile.name or "", profile.named_in)
            read[index] = [m for m in mentions if _counted(m, profile)]


def _claim_outcome(name: str, statement: Statement, claimed: str) -> Outcome:
    """The finding of the statements that call the intervention effective without naming what it improved."""
    return Outcome(
        outcome=_CLAIM_KEY[0],
        direction="improved",
        change="unclear",
        claim=effective_claim(name),
        statement_ids=[statement.id],
        quotes=[quote(statement, claimed)],
    )


def contrasting_findings(items: Sequence[ReadStatement], types: dict[str, StatementType]) -> list[Finding]:
    """A finding for each statement that contrasts with or questions the cited work."""
    findings = []
    for item in items:
        contrasting = types.get(item.statement.id) == "contrasting"
        if not (contrasting or item.reading.questions_cited_work):
            continue
        findings.append(
            statement_finding(
                item, contrasting_claim(contrasting), item.reading.stance_quote or contrast_quote(item.statement.text)
            )
        )
    return findings
