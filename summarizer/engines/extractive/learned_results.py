"""Results the outcome rules leave without a direction, read given the intervention: by its arm, else by the change
model learned from Evidence Inference.

A sentence about the intervention often reports a comparison the rules of outcomes.py cannot orient: two arms
named and neither a control ("relapse rates were 12.4% in the cefixime group and 3.4% in the gatifloxacin group"),
or a result without a change verb ("there was no difference in total scores between the groups").

By its arm: a significant comparison in numbers of two arms that no control word tells apart (numeric_results.py)
is oriented when the words of exactly one arm name the intervention (as the profile matches its mentions, short
forms included): its value against the other arm's is the change, of the outcome named before the values
(outcomes.numeric_outcomes). This reads the sentence, and the change model does not.

Else the change model (features.efficacy_features, trained on the train documents of Evidence Inference:
intervention, comparator, outcome, evidence sentence -> increased, decreased, no difference) reads such a sentence
given the intervention's name, and its answer counts when it is at least MIN_PROBABILITY. The model learned from
comparisons only, and reads anything else as no difference: a sentence counts only when it reports a comparison's
result (cues.COMPARISON_RESULT: a p-value, a confidence interval, a ratio, significance, one arm set against another).

The outcome is the one the rules found in the sentence without a direction, else the PICO reader's first outcome
span there that reads as an outcome's name. What the change means for the patient is the outcome's polarity
(polarity.py): a change whose polarity is unknown is left out, and a result of no difference needs none.

Only the first LEARNED_STATEMENTS statements that need the model are read by it (the PICO reader costs about 0.3 ms a
statement and a second or two to load, so it is loaded only when a sentence has no outcome the rules named).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarizer.engines.extractive.cues import COMPARISON_RESULT, OBJ_CUT, PATTERN_A_SUFFIX, VERB_LABEL_STEMS
from summarizer.engines.extractive.features import efficacy_features
from summarizer.engines.extractive.linear import LinearModel
from summarizer.engines.extractive.numeric_results import numeric_results, oriented_by_arm
from summarizer.engines.extractive.outcome_names import plausible_outcome_name, tidy_name
from summarizer.engines.extractive.outcomes import OutcomeMention, numeric_outcomes
from summarizer.engines.extractive.pico import PicoTagger
from summarizer.engines.extractive.polarity import LearnedPolarity, outcome_direction
from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.result_cues import JUDGED_BETTER, JUDGED_WORSE
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatment_names import TRIAL_WORDS
from summarizer.models import Change

MIN_PROBABILITY = 0.8
# a span that opens with a conjunction or a count ("and 12 pharmacies") is a piece of a list of arms' numbers
_LEADING_NOT_A_NAME = re.compile(r"(?:and|or|but|\d)\b", re.IGNORECASE)
LEARNED_STATEMENTS = 300
# what a span may hold beyond the outcome's name: a discourse marker and its comma ("addition, the ..."), and a
# preposition or conjunction its name was cut after ("ratio of", "rate and")
_DISCOURSE_LEAD = re.compile(
    r"^(?:in\s+)?(?:addition|additionally|also|however|moreover|furthermore|overall|similarly|likewise|contrast|"
    r"particular|summary|conclusion|total),\s*",
    re.IGNORECASE,
)
# a change verb the span began with ("improved both median relapse-free survival")
_LEADING_CHANGE = re.compile(
    r"^(?:" + "|".join(stem for _, stems in VERB_LABEL_STEMS for stem in stems) + r")\w*\s+(?:both\s+)?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_CORRELATION = re.compile(r"\bcorrelat(?:ed|es|ion|ions)\b")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|that|who|where|when)\b", re.IGNORECASE)
_TRAILING_LINK = re.compile(
    r"(?:\s+(?:of|for|in|on|at|to|with|by|from|and|or|the|a|an|which|that|between|among|versus|vs))+$", re.IGNORECASE
)
# the complement of a measure a span was cut before ("ratio" + " of HCG episode rates for the ... group"): up to where
# an object's name ends (cues.OBJ_CUT), a comma, or a conjunction that opens another phrase ("and an improved ...")
_COMPLEMENT = re.compile(r"\s*of\s+(?P<words>(?:[^\W\d_]|\d+-[^\W\d_])[^.;:()\[\]]*)", re.IGNORECASE)
_COMPLEMENT_END = re.compile(
    r"\s*,|\s+(?:and|or|but)\s+(?:the|a|an|its|their|this|these|those|in|to|was|were)\b", re.IGNORECASE
)
_COMPLEMENT_WORDS = 6
# the words after a name that make it the trial's ("the QZ trial", "the QZ study")
_TRIAL_WORDS = tuple(sorted(TRIAL_WORDS))


@dataclass
class LearnedResults:
    """The change model and the PICO reader's loader (called at most once, when an outcome must be named)."""

    model: LinearModel
    pico: Callable[[], PicoTagger | None] | None = None
    polarity: LearnedPolarity | None = None  # the learned fallback of the outcome rules (polarity.py)
    min_probability: float = MIN_PROBABILITY
    max_statements: int = LEARNED_STATEMENTS
    _reader: PicoTagger | None = None
    _loaded: bool = False
    _read: int = 0

    def _pico_reader(self) -> PicoTagger | None:
        if not self._loaded:
            self._loaded = True
            self._reader = self.pico() if self.pico is not None else None
        return self._reader

    def outcomes(
        self,
        text: str,
        reading: SentenceReading,
        sentences: Sequence[int],
        intervention: str,
        named_in: Callable[[str], bool] | None = None,
    ) -> list[OutcomeMention]:
        """The results read, for the intervention, in these sentences of a statement (indices): by its arm where
        named_in (whether words name the intervention) orients a comparison in numbers, else by the model."""
        mentions = by_arm(text, sentences, named_in, self.polarity) if named_in is not None else []
        oriented = {m.sentence for m in mentions}
        rest = [index for index in sentences if index not in oriented]
        if not rest or self._read >= self.max_statements:
            return mentions
        self._read += 1
        spans = split_sentences(text)
        low = text.lower()
        for index in rest:
            if index >= len(spans):
                continue
            start, end = spans[index]
            arms = [m.name for m in reading.treatment.mentions if m.sentence == index and m.therapy_frame]
            # the intervention's own name counts too: the profile may have found it by a reader (the PICO reader's
            # names) that the statement's first reading did not run
            if not any(_as_arm(text, name, start, end) for name in arms) and not (
                intervention and _as_arm(low, intervention.lower(), start, end, named_only=True)
            ):
                continue  # the intervention is not one of the arms compared here
            if COMPARISON_RESULT.search(low, start, end) is None or _CORRELATION.search(low, start, end):
                # the model learned from comparisons of arms only: it reads anything else as no difference, a
                # correlation with a dose or a covariate too
                continue
            named = [m for m in reading.outcomes if m.sentence == index]
            outcome = named[0].outcome if named else self._pico_outcome(text, start, end)
            if outcome is None:
                continue
            sentence_text = text[start:end].strip()
            probabilities = self.model.probabilities(efficacy_features(sentence_text, intervention, None, outcome))
            label = max(probabilities, key=probabilities.__getitem__)
            if probabilities[label] < self.min_probability:
                continue
            change = _as_change(label)
            direction = outcome_direction(outcome, change, self.polarity)
            if direction == "unclear" or _judged_otherwise(low[start:end], direction):
                continue
            mentions.append(OutcomeMention(outcome, change, direction, sentence_text, index, text.find(outcome, start)))
        return mentions

    def _pico_outcome(self, text: str, start: int, end: int) -> str | None:
        reader = self._pico_reader()
        if reader is None:
            return None
        # the sentence's first outcome span only: the change model read the whole sentence, and a later span is
        # often another outcome than the one its answer is about ("This difference, which was not significant, is
        # explained by the shorter hospital stay": not "no difference in hospital stay")
        span = next((s for s in reader.spans(text[start:end]) if s.kind == "O"), None)
        if span is None:
            return None
        at = text.find(span.text, start, end)
        name = _span_name(span.text, text[at + len(span.text) : end] if at >= 0 else "")
        return name if name and plausible_outcome_name(name) and _LEADING_NOT_A_NAME.match(name) is None else None


def by_arm(
    text: str, sentences: Sequence[int], named_in: Callable[[str], bool], polarity: LearnedPolarity | None
) -> list[OutcomeMention]:
    """The comparisons in numbers of two arms, in these sentences of a statement (indices), that the arm naming the
    intervention orients (numeric_results.oriented_by_arm), as outcomes with what each change means for the
    patient; not those whose polarity is unknown, nor names that cannot be an outcome's."""
    if _DIGIT.search(text) is None:
        return []
    scan = Scan(text, Resources())  # numeric_results reads the text's numbers and words, not the lexicons
    wanted = set(sentences)
    oriented = [
        found
        for result in numeric_results(scan, Significance(scan))
        if result.arms is not None
        and scan.sentence_index(result.arms[0].span[0]) in wanted
        and (found := oriented_by_arm(result, text, named_in)) is not None
    ]
    return [
        m
        for m in numeric_outcomes(scan, oriented, polarity)
        if m.direction != "unclear" and plausible_outcome_name(m.outcome)
    ]


def _span_name(text: str, after: str = "") -> str | None:
    """The outcome's name in a PICO outcome span, which may run over a clause's edges: without a discourse marker
    before a comma ("addition, the median number of days" in "In addition, ..."), a change verb it begins with
    ("improved both ..."), a relative clause after a comma ("difference, which"), the punctuation that ends a
    clause, or a trailing preposition ("ratio of"), tidied as the rules' names are (outcomes.tidy_name). A span cut
    before the complement of its measure ("ratio of" HCG episode rates, "probability" of HIV infection or death) is
    given it back from `after`, the text that follows the span. None when the span names no measure."""
    name = _RELATIVE_CLAUSE.split(_LEADING_CHANGE.sub("", _DISCOURSE_LEAD.sub("", text)), maxsplit=1)[0]
    name = name.rstrip(",;: ")
    linked = _TRAILING_LINK.search(name)
    cut_before_of = linked is not None and linked.group().split()[-1].lower() == "of"
    if linked is not None:
        name = name[: linked.start()]
    whole = text + after
    at = max(whole.find(name), 0)
    tidy = tidy_name(name, whole[at + len(name) :])
    if tidy is None:
        return None
    at = whole.find(tidy, at)
    complement = _COMPLEMENT.match(whole, at + len(tidy))
    if complement is None or tidy != name or not (cut_before_of or len(tidy.split()) == 1):
        return tidy
    words = _COMPLEMENT_END.split(OBJ_CUT.sub("", complement.group("words")), maxsplit=1)[0].rstrip()
    if not words or len(words.split()) > _COMPLEMENT_WORDS:
        return tidy
    extended = tidy_name(whole[at : complement.start("words") + len(words)])
    return extended if extended is not None and plausible_outcome_name(extended) else tidy


def _as_arm(text: str, name: str, start: int, end: int, named_only: bool = False) -> bool:
    """Whether a name occurs in text[start:end] other than as the cause of an event ("a vasectomy-related adverse
    event" names those who had the event, not an arm). named_only: the name is not known as a treatment mention
    there, so it must not name the trial either ("the QZ trial found ...": the trial, not one of its arms)."""
    at = text.find(name, start, end)
    while at >= 0:
        after = text[at + len(name) : at + len(name) + 12].lstrip(" -").lower()
        if not after.startswith(PATTERN_A_SUFFIX) and not (named_only and after.startswith(_TRIAL_WORDS)):
            return True
        at = text.find(name, at + 1, end)
    return False


def _as_change(label: str) -> Change:
    if label not in ("increased", "decreased", "no_difference"):
        raise ValueError(f"the change model answered {label!r}")
    return label  # type: ignore[return-value]


def _judged_otherwise(sentence: str, direction: str) -> bool:
    """Whether a sentence (lower case) judges the arms the other way from a direction the change model read: "more
    effective than placebo" beside a worsening, "inferior to" beside an improvement."""
    judged = JUDGED_WORSE if direction == "improved" else JUDGED_BETTER
    return judged.search(sentence) is not None
