"""A case report's treatment named only by its kind: "administration of the drug", "this agent", "the medication".

In a trial's report a treatment without a name ("the intervention group", "the treatment") is the tested arm, and the
target profile reads its sentences as about the intervention. In a case report such a mention is the intervention's
only where nothing says it is another's:
- its sentence names another drug: "administration of infliximab", "oral administration of the beta-blocker
  propranolol" are those drugs, not the report's;
- it is a definite noun that refers back ("the drug", "this agent", "the medication") and the report names as given
  a drug besides the intervention: a report often names two given drugs, the one blamed for the harm and the one
  given for it ("The methimazole was stopped and G-CSF was initiated. || Administration of the drug for 8 days did
  not shorten the recovery period"), and its statements come one sentence each and not always in the report's order,
  so the antecedent cannot be found by position: the noun may be either's and is read as neither's. A class noun
  ("administration of loop diuretics", "an ACE inhibitor") keeps its reading: it names the kind of the drug, which a
  report names for its own drug.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from summarizer.engines.extractive.short_forms import anchors_match
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatment_mention import TreatmentMention, TreatmentReading

__all__ = ["CASE_REPORT", "GenericMentions"]

CASE_REPORT = "case_report"
# a definite noun that refers back to a drug named elsewhere
_REFERS_BACK = re.compile(
    r"\b(?:the|this|that|these|those|such)\s+(?:drugs?|agents?|medications?|medicines?|compounds?|substances?)\b",
    re.IGNORECASE,
)


def _another_drug(mention: TreatmentMention, wanted: Set[str], drugs: Set[str]) -> bool:
    """Whether a mention names a drug of the drug lexicon (`drugs`) other than the intervention (its anchors
    `wanted`). A class's words ("loop diuretics", "angiotensin-converting enzyme inhibitor") are no lexicon drug: they
    may name the kind of the report's own drug."""
    return any(a in drugs for a in mention.anchors) and not anchors_match(mention.anchors, wanted)


def _sentence(text: str, at: int) -> str:
    spans = split_sentences(text)
    if not spans:
        return text
    start, end = spans[min(at, len(spans) - 1)]
    return text[start:end]


class GenericMentions:
    """Which mentions that name a treatment only by its kind are the intervention's, in a target's statements."""

    def __init__(
        self,
        treatments: Sequence[TreatmentReading],
        texts: Sequence[str],
        wanted: Set[str],
        design: str | None,
        drugs: Set[str] = frozenset(),
    ) -> None:
        self._case_report = design == CASE_REPORT and len(texts) == len(treatments)
        self._texts = texts
        self._wanted = wanted
        self._drugs = drugs
        self._other_given = self._case_report and any(
            _another_drug(m, wanted, drugs) and m.therapy_frame and not m.reference_frame
            for t in treatments for m in t.mentions
        )

    def interventions(self, index: int, treatment: TreatmentReading, mention: TreatmentMention) -> bool:
        """Whether the generic mention of statement `index` may be read as the intervention."""
        if not self._case_report:
            return True
        if any(
            m.sentence == mention.sentence and _another_drug(m, self._wanted, self._drugs) for m in treatment.mentions
        ):
            return False
        if not self._other_given:
            return True
        return _REFERS_BACK.search(_sentence(self._texts[index], mention.sentence)) is None
