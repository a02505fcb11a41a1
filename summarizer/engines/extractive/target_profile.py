"""What the target paper studied: whether it reports an intervention, its name, and the statements about it.

Verdicts about safety and efficacy only make sense for a treatment (a drug, vaccine, procedure, cell product given
with therapeutic or preventive intent). Many cited papers test none: mechanisms, genetics, epidemiology, surveys.
The profile decides from the header (title and abstract, when the input has them) and from the treatments the
statements name (treatments.py) which treatment, if any, the target studied:

- With a header: a treatment named in the title (or in the abstract as given to someone), in a title that speaks
  of a trial, a treatment, its safety or efficacy, is the target's intervention.
- From the statements: each treatment is tallied over the statements that name it, a statement that cites the
  target alone counting 1 and one that cites it among several papers 1/2. A treatment is the target's
  intervention when statements worth at least VerdictRules.min_attributed (2, or a tenth of the statements when
  that is less, but at least 1) attribute an effect, a harm or safety to it in the sentences that name it, and
  statements worth at least VerdictRules.min_framed name it as something given (treated with, dose, therapy,
  vaccine, ...) more often than as an exposure (exposure to, smoking, intake, ...). A bare "therapy" or
  "intervention" with no name never qualifies. When the statements read as a case report (target.design), a
  drug named in a sentence that reports an adverse event counts as given even where the sentence names no person.

- Names no word list holds: when no listed treatment qualifies, the PICO reader's intervention spans in the
  statements become treatment names (learned_names.py; treatments.py trims them; a comparator's arm is left out), a
  sentence that names one and reports a comparison's result attributes that result to it, and the same rules decide,
  the attributions needing their full number unless they report a result in numbers or in a sentence about people
  or a trial (clinical_context.py; docs/EXTRACTIVE.md says why).
- When neither finds one, a trial's results that name one drug as given and attribute it nothing name it
  (given_drug.py). A short form the statements define for a disease or a symptom is never the intervention
  (named_conditions.py).
- Of treatments equally attributed, the one more often named is the intervention (which arm a comparison names
  first says which had the higher value, not which was tested); of those equally named, the word that fewer arms' names
  share ("agoraphobia" rather than "free" of "Agoraphobia Free" and "Stress Free"); then the one less often set
  against another arm in a sentence; the alphabet last. A short form the statements define for the comparator
  ("usual care (UC)") is never the intervention, nor is what the statements say the control arm received
  (control_arm_names.py), nor the word for an arm ("group"), nor a dose's size alone ("high" of "the high dose
  group"), nor a name the statements only report with its value ("MD = 35.2 g", valued_names.py), list as an
  outcome ("outcome measures (BBS and TUG)", outcome_lists.py) or name only in what the arms differed in or in a
  result of both arms alike ("pain due to X was similar in both groups", outcome_parts.py). What every arm had
  ("X alone" against "X plus Y", "the addition of Y to X") and a name only ever inside what was measured or counted
  ("the number of days of X", "the number of grafts", measured_names.py) are named only when nothing else qualifies.

The statements about the intervention are those that attribute an effect, a harm or safety to it; the sentences
that do so are kept too, so that the sections read only those.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.abbreviations import definitions_in
from summarizer.engines.extractive.arm_order import named_before_others, named_first
from summarizer.engines.extractive.caused_drug import only_caused_drug
from summarizer.engines.extractive.cited_work_anaphora import antecedents_lent, statements_referring_back
from summarizer.engines.extractive.citing_own_findings import without_own_findings
from summarizer.engines.extractive.control_arm_names import added_to_anchors, alone_arm_anchors, control_arm_anchors
from summarizer.engines.extractive.culprit_drug import culprit_over
from summarizer.engines.extractive.equivalence_reference import equivalence_references
from summarizer.engines.extractive.evidence import CELL_LEVEL
from summarizer.engines.extractive.given_drug import only_given_drug
from summarizer.engines.extractive.learned_names import learned_treatments
from summarizer.engines.extractive.learned_spans import DOSE_SIZES
from summarizer.engines.extractive.measured_names import measured_anchors
from summarizer.engines.extractive.name_roles import reads_as_outcome
from summarizer.engines.extractive.named_conditions import condition_anchors
from summarizer.engines.extractive.outcome_lists import outcome_listed_anchors
from summarizer.engines.extractive.outcome_parts import outcome_part_anchors
from summarizer.engines.extractive.pico import PicoTagger
from summarizer.engines.extractive.reading import SentenceReading, annotate
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.short_forms import (
    acronyms,
    aliases_of,
    anchors_match,
    comparator_short_forms,
    long_forms_of,
    short_forms_of,
    specific_anchors,
)
from summarizer.engines.extractive.treatment_mention import TreatmentMention, TreatmentReading, name_anchors
from summarizer.engines.extractive.treatment_names import ARM_WORDS, TREATMENT_CLASSES, clean_name, names_comparator
from summarizer.engines.extractive.trial_names import trial_name_anchors
from summarizer.engines.extractive.unnamed_drug import GenericMentions
from summarizer.engines.extractive.valued_names import valued_anchors
from summarizer.models import Target

ALONE_WEIGHT = 1.0
AMONG_OTHERS_WEIGHT = 0.5
# how many learned names that read as an outcome (name_roles.py) the profile sets aside; one more and it names none
MAX_VETOED = 2


@dataclass(frozen=True)
class VerdictRules:
    """The numbers of the rules that decide the intervention and the verdicts (docs/EXTRACTIVE.md says why these).

    Weights: a statement citing the target alone counts 1, one citing it among several papers 1/2.
    """

    min_attributed: float = 2.0  # attributions an intervention needs ...
    min_attributed_share: float = 0.1  # ... or this share of the statements when that is less (but at least 1)
    min_framed: float = 1.0  # statements naming it as something given
    min_dissent: float = 0.5  # weight the other sides need to make a verdict mixed ...
    dissent_share: float = 0.25  # ... and this share of all the weight


RULES = VerdictRules()
_TITLE_CUES = re.compile(
    r"\b(?:trial|randomi[sz]ed|placebo|pilot|phase\s+(?:[1-4]|i{1,3}v?)|safety|efficacy|effectiveness|"
    r"feasibility|tolerability|effects?\s+of|treatment|treating|therapy|therapeutic|versus|vs\.?|in\s+patients|"
    r"for\s+(?:the\s+)?(?:treatment|prevention)|prevents?|protects?|improves?|reduces?|extends?|cures?)\b",
    re.IGNORECASE,
)
_PRECLINICAL = re.compile(r"\bpre-?clinical\b", re.IGNORECASE)


@dataclass(frozen=True)
class TargetProfile:
    """The target's intervention (None when it studies none), and the statements and sentences about it."""

    name: str | None
    anchors: frozenset[str] = frozenset()  # the words that identify it in a statement
    statements: tuple[int, ...] = ()  # indices of the statements that attribute an effect or a harm to it
    sentences: dict[int, frozenset[int]] = field(default_factory=dict)  # those statements' sentences about it
    reason: str = ""  # one plain sentence: how it was found, or why there is none

    def about(self, index: int, sentence: int | None) -> bool:
        """Whether a sentence of a statement speaks about the intervention."""
        covered = self.sentences.get(index)
        return covered is not None and (sentence is None or sentence in covered)

    def only_compared_against(self, mentions: Iterable[TreatmentMention]) -> bool:
        """Whether a sentence's treatment mentions name the intervention only as what another arm is compared
        against ("higher in the X group (16%) than in the <intervention> group (2%)"): what the sentence says
        changed is the other arm's change. Not when the other arm is the control arm ("higher with placebo than
        with X"): the reading has already turned its change round (outcomes.py)."""
        named = [m for m in mentions if anchors_match(m.anchors, self.anchors)]
        return bool(named) and all(m.reference_frame and not m.against_control for m in named)

    def named_in(self, words: str) -> bool:
        """Whether words name the intervention, matched as its mentions are: their treatment anchors
        (treatments.name_anchors) against its anchors, short forms included."""
        return anchors_match(name_anchors(words), self.anchors)


@dataclass
class _Tally:
    mentions: float = 0.0
    attributed: float = 0.0
    therapy: float = 0.0
    exposure: float = 0.0
    names: Counter[str] = field(default_factory=Counter)
    reference: float = 0.0  # statements naming it only as what another arm is compared against
    tested: float = 0.0  # statements attributing it a test's result (counted for learned names only)
    caused: float = 0.0  # statements naming it where the patient had an adverse event (given_treatments)
    set_against: int = 0  # its mentions as what another arm is compared against, not the control ("than with X")


def min_attributed(statements: int, rules: VerdictRules = RULES) -> float:
    """How much attribution a treatment needs among this many statements: a tenth of them, between 1 and 2."""
    return min(rules.min_attributed, max(ALONE_WEIGHT, rules.min_attributed_share * statements))


def statement_weight(treatment: TreatmentReading) -> float:
    """1 for a statement that cites one work (or none we recognise), 1/2 for one that cites several."""
    return ALONE_WEIGHT if treatment.citations <= 1 else AMONG_OTHERS_WEIGHT


def _attributed_sentences(treatment: TreatmentReading, mention: TreatmentMention) -> frozenset[int]:
    """The sentences that attribute an effect, a harm or safety to a mention; a treatment that says who the patients
    were ("patients under metformin", "subjected to ostectomy") is attributed their harms only."""
    if mention.population_frame:
        return frozenset(treatment.scope(mention)) & frozenset(treatment.harm)
    return frozenset(treatment.scope(mention)) & treatment.effect_sentences()


class TreatmentTallies:
    """How often each treatment word is mentioned, attributed effects, framed as a therapy or as an exposure, and
    the names it goes by: taken a part of the statements at a time (the engine adds each part as it is read)."""

    def __init__(self) -> None:
        self.by_anchor: dict[str, _Tally] = {}

    def add(self, treatments: Iterable[TreatmentReading]) -> None:
        tallies = self.by_anchor
        for treatment in treatments:
            if not treatment.mentions:
                continue
            weight = statement_weight(treatment)
            seen: dict[str, tuple[bool, bool, bool, bool]] = {}
            tested: set[str] = set()
            caused: set[str] = set()
            for mention in treatment.mentions:
                sentences = _attributed_sentences(treatment, mention)
                attributed = bool(sentences)
                if treatment.tested and not mention.reference_frame and not sentences.isdisjoint(treatment.tested):
                    tested.update(specific_anchors(mention.anchors))
                if mention.event_cause:  # a drug's name, not a class word ("placebo injection")
                    caused.update(a for a in specific_anchors(mention.anchors) if a not in TREATMENT_CLASSES)
                for anchor in specific_anchors(mention.anchors):
                    tally = tallies.setdefault(anchor, _Tally())
                    tally.names[mention.name] += 1
                    if mention.reference_frame and not mention.against_control:
                        tally.set_against += 1
                    before = seen.get(anchor, (False, False, False, True))
                    seen[anchor] = (
                        before[0] or attributed,
                        before[1] or mention.therapy_frame,
                        before[2] or mention.exposure_frame,
                        before[3] and mention.reference_frame and not mention.against_control,
                    )
            for anchor, (attributed, therapy, exposure, reference) in seen.items():
                tally = tallies[anchor]
                tally.mentions += weight
                tally.attributed += weight if attributed else 0.0
                tally.therapy += weight if therapy else 0.0
                tally.exposure += weight if exposure else 0.0
                tally.reference += weight if reference else 0.0
                tally.tested += weight if anchor in tested else 0.0
                tally.caused += weight if anchor in caused else 0.0


@lru_cache(maxsize=1 << 12)
def _display(name: str) -> str:
    """A name as a reviewer would write it: without doses, durations and leading fillers (treatment_names.clean_name),
    title-case words lowered, acronyms and codes kept."""
    words = clean_name(name).split()
    if sum(w[:1].isupper() for w in words) >= max(2, len(words) - 1):
        words = [w if sum(c.isupper() for c in w) > 1 or any(c.isdigit() for c in w) else w.lower() for w in words]
    elif words and words[0][1:].islower():  # a capital that only starts the sentence
        words[0] = words[0].lower()
    return " ".join(words)


def _chosen_name(names: Counter[str]) -> str:
    """The most frequent name as a reviewer would write it (case-insensitively), the longer one on a tie."""
    displayed: Counter[str] = Counter()
    for name, count in names.items():  # only the chosen treatment's names are tidied, not every treatment's
        displayed[_display(name)] += count
    by_lower: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for name, count in displayed.items():
        key = name.lower()
        by_lower[key] += count
        surface.setdefault(key, name)
    best = max(by_lower, key=lambda key: (by_lower[key], len(key.split()), key))
    return surface[best]


def _with_short_forms(by_anchor: dict[str, _Tally], aliases: dict[str, tuple[str, ...]]) -> dict[str, _Tally]:
    """The tallies with each defined short form's counted for its long form's anchors too. A statement that names
    both (the one that defines it) is counted twice for the long form: by one statement per definition at most."""
    merged = dict(by_anchor)
    for short, long_anchors in aliases.items():
        tally = by_anchor.get(short)
        if tally is None:
            continue
        for anchor in long_anchors:
            before = merged.get(anchor, _Tally())
            merged[anchor] = _Tally(
                before.mentions + tally.mentions,
                before.attributed + tally.attributed,
                before.therapy + tally.therapy,
                before.exposure + tally.exposure,
                before.names + tally.names,
                before.reference + tally.reference,
                before.tested + tally.tested,
                before.caused + tally.caused,
                before.set_against + tally.set_against,
            )
    return merged


def _header_intervention(target: Target, res: Resources) -> tuple[str, set[str]] | None:
    """The treatment the title names in a trial or treatment context, with the words that identify it."""
    title = (target.title or "").strip()
    if not title or _TITLE_CUES.search(title) is None:
        return None
    title_reading = annotate(title, resources_=res, read_stance=False)
    mentions = [m for m in title_reading.treatment.mentions if specific_anchors(m.anchors)]
    if not mentions:
        return None
    mention = max(mentions, key=lambda m: (m.therapy_frame, len(specific_anchors(m.anchors))))
    wanted = set(specific_anchors(mention.anchors))
    name = _display(mention.name)
    abstract = target.abstract or ""
    at = abstract.lower().find(name.lower())
    if at >= 0:
        name = abstract[at : at + len(name)]
    wanted |= acronyms([a for a in mention.anchors if a not in TREATMENT_CLASSES] + ["cell"] * ("cell" in name))
    return name, wanted


def _statements_about(
    treatments: Sequence[TreatmentReading], wanted: set[str], generic: GenericMentions | None = None
) -> tuple[tuple[int, ...], dict[int, frozenset[int]]]:
    indices: list[int] = []
    sentences: dict[int, frozenset[int]] = {}
    for index, treatment in enumerate(treatments):
        covered: set[int] = set()
        for mention in treatment.mentions:
            unnamed_arm = mention.therapy_frame and not specific_anchors(mention.anchors)
            unnamed_arm = unnamed_arm and (generic is None or generic.interventions(index, treatment, mention))
            if anchors_match(mention.anchors, wanted) or unnamed_arm:
                # the target's intervention by name, or a trial arm without one ("in the intervention group")
                covered |= _attributed_sentences(treatment, mention)
        if covered:
            indices.append(index)
            sentences[index] = frozenset(covered)
    return tuple(indices), sentences


def profile_target(
    target: Target,
    readings: Sequence[SentenceReading],
    res: Resources,
    rules: VerdictRules = RULES,
    tallies: TreatmentTallies | None = None,
    texts: Sequence[str] = (),
    pico: Callable[[], PicoTagger | None] | None = None,
    alone_arms: bool = False,
    vetoed: frozenset[str] = frozenset(),
) -> TargetProfile:
    """Decide whether the target studied an intervention, name it, and find the statements about it.

    tallies: the readings' treatments already tallied (TreatmentTallies.add, of given_treatments), where the caller
    did as they came.
    texts: the statements' texts, whose abbreviation definitions link a short form to its long form.
    pico: loads the PICO reader (only when needed: it takes a second or two); when the word lists find no
    intervention, the names it reads as interventions in the texts are tallied too.
    alone_arms: whether a name the statements give an arm "alone" against an addition to it may be chosen
    (control_arm_names.alone_arm_anchors): only when no other name qualifies, since both arms had it.
    vetoed: learned names already chosen and found to read as an outcome (name_roles.py), never chosen again.
    """
    treatments = given_treatments(readings, target.design, texts)
    definitions = definitions_in([*texts, target.title or "", target.abstract or ""])
    aliases = aliases_of(definitions)
    header = _header_intervention(target, res)
    if header is not None:
        name, wanted = header
        wanted |= short_forms_of(wanted, aliases)
        indices, sentences = _statements_about(treatments, wanted)
        indices, sentences = _with_referring_back(indices, sentences, readings, texts)
        return TargetProfile(name, frozenset(wanted), indices, sentences, f"The title names the intervention, {name}.")
    by_anchor = _tallied(treatments, tallies, aliases)
    conditions = condition_anchors(definitions, res) if definitions else frozenset()
    # nor is a short form the statements define for the comparator ("usual care (UC)")
    conditions = conditions | comparator_short_forms(aliases)
    conditions |= trial_name_anchors(texts, res)  # "the Swedish Trial": a trial's name (trial_names.py)
    conditions |= control_arm_anchors(texts, _anchors_of)  # "the control group received X" (control_arm_names.py)
    conditions |= outcome_listed_anchors(texts, _anchors_of)  # "outcome measures (BBS and TUG)" (outcome_lists.py)
    conditions |= _valued(by_anchor, texts, aliases)  # "MD = 35.2 g": a measure, never an arm (valued_names.py)
    conditions |= outcome_part_anchors(treatments, texts)  # "no difference in WAZ between" (outcome_parts.py)
    # where two names side by side may be a trial's arms in the order a trial names them (arm_order.py), or one is set
    # as the standard of an equivalence (equivalence_reference.py): not in a case report, whose drugs named together
    # were given together ("after fludarabine and rituximab"), one after the other ("X was as effective as Y")
    arm_texts = () if target.design == "case_report" else texts
    # "X alone" against "X plus Y", and "the addition of Y to X": what both arms had; a name only ever inside what was
    # measured ("the number of days of X", measured_names.py); the standard an equivalence is claimed against
    alone = frozenset() if alone_arms else (
        alone_arm_anchors(texts, _anchors_of) | added_to_anchors(texts, _anchors_of)
        | measured_anchors(treatments, readings, texts) | equivalence_references(arm_texts, _anchors_of)
    )
    conditions |= alone | vetoed
    anchor = _chosen_anchor(by_anchor, len(treatments), rules, excluded=conditions, texts=arm_texts)
    if anchor is None and texts:
        by_anchor = _with_results_lent(by_anchor, antecedents_lent(treatments, readings, texts))
        anchor = _chosen_anchor(by_anchor, len(treatments), rules, excluded=conditions, texts=arm_texts)
    how = "The statements attribute effects to {}."
    reader = pico() if anchor is None and pico is not None and texts else None
    listed_tallies = by_anchor
    if reader is not None:
        listed = frozenset(a for a, tally in by_anchor.items() if tally.therapy >= rules.min_framed)
        treatments = without_own_findings(learned_treatments(treatments, readings, texts, reader, res), texts)
        by_anchor = _tallied(treatments, None, aliases)
        if not alone_arms:
            measured = measured_anchors(treatments, readings, texts)
            alone, conditions = alone | measured, conditions | measured
        conditions |= _valued(by_anchor, texts, aliases) | outcome_part_anchors(treatments, texts)
        # a learned name is less certain than a listed one: it needs the full number of attributions (or all of
        # the statements, when there are fewer), unless statements attribute it a result in numbers (a p-value, a
        # CI) or about people or a trial (clinical_context.py); a listed name the statements name as given,
        # attributed a result only in the learned reading (which reads a comparison's result as an effect), needs no
        # more than a listed name
        anchor = _chosen_anchor(
            by_anchor,
            len(treatments),
            rules,
            min(rules.min_attributed, len(treatments)),
            tested=True,
            listed=listed,
            excluded=conditions,
            texts=arm_texts,
        )
        how = "The statements attribute effects to {}, a name the PICO reader reads as an intervention."
    # a learned name has only the PICO reader's word that it was given: where the same reader reads its words as an
    # outcome (name_roles.py), it is no treatment; the next name, if any, or none
    if anchor is not None and reader is not None and reads_as_outcome(anchor, texts, reader):
        if len(vetoed) >= MAX_VETOED:
            return TargetProfile(None, reason=_no_intervention_reason(by_anchor))
        return profile_target(target, readings, res, rules, tallies, texts, pico, alone_arms, vetoed | {anchor})
    if anchor is None and texts:
        anchor = only_given_drug(listed_tallies, texts, res, rules.min_framed)
        anchor = None if anchor in conditions else anchor  # the control arm's drug (control_arm_names.py)
        how = "The statements report a trial's results and name one drug as given, {}."
    if anchor is None and texts:  # a case report's drug, named where the patient had an adverse event
        anchor = only_caused_drug(readings, texts, res, target.design, conditions)
        by_anchor, how = (listed_tallies if anchor else by_anchor), "The case report names {} with its harm."
    # a case report's drug named with the harm over the antidote, route or procedure the attribution rules chose
    if anchor is not None and texts:
        culprit = culprit_over(anchor, by_anchor[anchor].names, readings, texts, res, target.design, conditions)
        if culprit is not None and culprit in listed_tallies:
            anchor, by_anchor, how = culprit, listed_tallies, "The case report names {} with its harm."
    if anchor is None and alone:  # what both arms had, when no other name qualifies
        return profile_target(target, readings, res, rules, tallies, texts, pico, True, vetoed)
    if anchor is None:
        return TargetProfile(None, reason=_no_intervention_reason(by_anchor))
    name = _chosen_name(by_anchor[anchor].names)
    wanted = {anchor} | short_forms_of({anchor}, aliases) | long_forms_of(anchor, aliases)
    generic = GenericMentions(treatments, texts, wanted, target.design, res.drugs.terms)
    indices, sentences = _statements_about(treatments, wanted, generic)
    indices, sentences = _with_referring_back(indices, sentences, readings, texts)
    return TargetProfile(name, frozenset({anchor}), indices, sentences, how.format(name))


def _with_referring_back(
    indices: tuple[int, ...],
    sentences: dict[int, frozenset[int]],
    readings: Sequence[SentenceReading],
    texts: Sequence[str],
) -> tuple[tuple[int, ...], dict[int, frozenset[int]]]:
    """The statements about the intervention with those that name no treatment but refer back to the cited work's
    authors or treatment (cited_work_anaphora.py)."""
    if not texts:
        return indices, sentences
    referring = statements_referring_back(readings, texts)
    if not referring:
        return indices, sentences
    return tuple(sorted({*indices, *referring})), {**referring, **sentences}


def _with_results_lent(by_anchor: dict[str, _Tally], lent: dict[int, TreatmentMention]) -> dict[str, _Tally]:
    """A copy of the tallies with each result of a statement referring back lent to its antecedent
    (cited_work_anaphora.antecedents_lent: such a statement cites the target alone, so weighs ALONE_WEIGHT)."""
    tallies = dict(by_anchor)
    for mention in lent.values():
        for anchor in specific_anchors(mention.anchors):
            if anchor in tallies and not names_comparator(anchor):
                tallies[anchor] = replace(tallies[anchor], attributed=tallies[anchor].attributed + ALONE_WEIGHT)
    return tallies


def given_treatments(
    readings: Sequence[SentenceReading], design: str | None, texts: Sequence[str] = ()
) -> list[TreatmentReading]:
    """The readings' treatments as the profile tallies them. When the target reads as a case report (its design),
    a drug named in a sentence that reports an adverse event counts as given (a therapy frame) whether or not the
    sentence names a person: the patient is the one it was given to ("Pulmonary toxicity secondary to X"). So it
    does when no design is read and the statement (texts, in the readings' order) has no cue of animals or cells:
    basic science names the causes of effects in cells and animals the same way, and says where it worked. Under
    any other design the sentence must name a person (treatments.py). A statement that reports the citing work's
    own finding names no treatment of the target (citing_own_findings.py)."""
    if design == "case_report":
        given = [_causes_given(reading) if reading.event_sentences else reading.treatment for reading in readings]
    elif design is not None or not texts:
        given = [reading.treatment for reading in readings]
    else:
        pairs = zip(readings, texts, strict=True)
        given = [_causes_given(r) if r.event_sentences and _about_people(text) else r.treatment for r, text in pairs]
    return without_own_findings(given, texts) if texts else given


def _about_people(text: str) -> bool:
    """Whether a statement has no cue of a study in animals or in cells (design.about_animals_or_cells), of an effect on
    cells (evidence.CELL_LEVEL), or of preclinical work."""
    if CELL_LEVEL.search(text) is not None or _PRECLINICAL.search(text) is not None:
        return False
    return not about_animals_or_cells(text)


def _causes_given(reading: SentenceReading) -> TreatmentReading:
    treatment = reading.treatment
    events = reading.event_sentences
    if not any(m.sentence in events and not m.exposure_frame for m in treatment.mentions):
        return treatment
    mentions = tuple(
        m._replace(therapy_frame=True, event_cause=True) if m.sentence in events and not m.exposure_frame else m
        for m in treatment.mentions
    )
    return treatment._replace(mentions=mentions)


def _tallied(
    treatments: Sequence[TreatmentReading], tallies: TreatmentTallies | None, aliases: dict[str, tuple[str, ...]]
) -> dict[str, _Tally]:
    if tallies is None:
        tallies = TreatmentTallies()
        tallies.add(treatments)
    return _with_short_forms(tallies.by_anchor, aliases) if aliases else tallies.by_anchor


def _chosen_anchor(
    by_anchor: dict[str, _Tally],
    statements: int,
    rules: VerdictRules,
    needed: float | None = None,
    tested: bool = False,
    listed: AbstractSet[str] = frozenset(),
    excluded: AbstractSet[str] = frozenset(),
    texts: Sequence[str] = (),
) -> str | None:
    """The treatment the statements attribute the most effects to, among those attributed effects often enough
    (needed, by default min_attributed; with `tested`, min_attributed is enough in statements that attribute it a
    result in numbers or in sentences about people or a trial, clinical_context.py; those in `listed`,
    min_attributed) and named as something given more often than as an
    exposure; on a tie, the one more often named, then the one less often set against another arm, unless the
    statements (texts) name another before it where they name the two side by side.
    One that every statement naming it names only so ("than those in the X group", "compared with X") is the
    comparator, never the intervention. None when there is none."""
    least = min_attributed(statements, rules)
    needed = least if needed is None else needed
    eligible = {
        anchor: tally
        for anchor, tally in by_anchor.items()
        if not names_comparator(anchor)  # "placebo injection" is the other arm, never the intervention
        and anchor not in excluded  # nor is a disease the statements abbreviate ("Alzheimer's disease (AD)")
        and anchor not in ARM_WORDS  # nor the word for any arm ("the two groups (intervention group ...")
        and anchor not in DOSE_SIZES  # nor a dose's size alone ("high" of "the high dose group"): how much, not what
        and tally.reference < tally.mentions  # nor is an arm every statement names only as another's reference
        and (tally.attributed >= (least if anchor in listed else needed) or (tested and tally.tested >= least))
        and tally.therapy >= rules.min_framed and tally.exposure < tally.therapy
    }
    if not eligible:
        return None

    def weighed(a: str) -> tuple[float, bool, float, float, int, bool]:
        tally = eligible[a]
        return (
            tally.attributed,
            # of those equally attributed, one attributed as often as the rule asks of its kind of name before one
            # let in by the results in numbers or about people it is attributed (clinical_context.py)
            tally.attributed >= (least if a in listed else needed),
            # (how often each is named only as what another arm is compared against does not decide: in "higher in
            # the A group compared with the B group" A is the arm with the higher value, not the arm tested; measured
            # in docs/BENCHMARKS.md, s42-comparator)
            tally.caused,
            tally.mentions,
            -_arms_named(a, tally.names),
            a not in TREATMENT_CLASSES,
        )

    best = max(weighed(a) for a in eligible)
    tied = [a for a in eligible if weighed(a) == best]
    if len(tied) == 1:
        return tied[0]
    # of names the statements treat alike, the one less often set against another arm ("X had fewer events than Y"
    # names Y so), then the one a sentence naming two names first outside a comparison of results (s49-arms), then
    # the alphabet; but an arm named before it side by side ("X versus Y") is the arm tested (arm_order.py)
    names = {a: eligible[a].names for a in tied}
    first = named_before_others(texts, names)
    ranked = sorted(tied, key=lambda a: (-eligible[a].set_against, first[a], a), reverse=True)
    return named_first(ranked, texts, names) if texts else ranked[0]


def _valued(by_anchor: dict[str, _Tally], texts: Sequence[str], aliases: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The anchors whose names the statements only report with a value (valued_names.py), and the long forms' of
    such a short form ("Double cystic Artery (DA)" where "DA: 24.75 vs. 30.5")."""
    valued = valued_anchors({anchor: list(tally.names) for anchor, tally in by_anchor.items()}, texts)
    return valued.union(*(aliases.get(short, ()) for short in valued))


def _arms_named(anchor: str, names: Counter[str]) -> int:
    """How many different arms a word's names name: the different words before it that say which kind ("Agoraphobia
    Free" and "Stress Free", "generic feedback" and "tailored feedback" are two); words after it do not
    ("triamcinolone acetate" and "triamcinolone acetonide", "nevirapine therapy" are one). A word that two arms'
    names share ("free") says less which arm than one only one arm's name has ("agoraphobia")."""
    if len(names) == 1:
        return 1
    kinds = set()
    for name in names:
        words = specific_anchors(name_anchors(name))
        if anchor in words and words.index(anchor):
            kinds.add(tuple(words[: words.index(anchor)]))
    return max(1, len(kinds))


def _anchors_of(words: str) -> list[str]:
    return list(specific_anchors(name_anchors(words)))


def _no_intervention_reason(tallies: dict[str, _Tally]) -> str:
    if not tallies:
        return "The statements name no treatment, so the target does not appear to study an intervention."
    return (
        "No treatment is reported, in enough statements, as having an effect or a harm in the target's work, "
        "so the target does not appear to study an intervention."
    )
