"""Statements that speak of the cited work's results without naming its treatment.

A citing paper often spends several sentences on one cited work: the first names what it tested, the next ones say
what its authors found, referring back to them or to the treatment ("Those authors [11] also observed no significant
difference in edema", "they did not find any serious side effects [27]", "a trial using the same extract [12] found
an improvement in symptom scores"). Such a statement names no treatment, so no treatment attribution reaches it,
and its finding is lost. When the target's intervention is known from the other statements, a statement is read as
about it when all of these hold:

- it names no treatment the word lists know (a statement naming another treatment speaks of that one);
- it cites exactly one work (the target alone: a statement citing several may speak of any of them);
- it refers back to the cited work's authors, their study or its treatment by the grammar of anaphora: "those / the /
  these authors" (or investigators, researchers), "their study / trial / patients / results", "they found /
  observed / reported / showed / concluded / did not", "the same drug / extract / regimen". "This study" is not
  one: in a citing paper it most often names the citing paper's own work (and "they find", in the present, is as
  often the patients as the authors: "they find a way to manage their complaints").

Then the sentences of the statement in which the reading found an outcome, an event or a safety finding are about the
intervention. A statement may also begin with a pronoun or a noun for the treatment as the subject of a result ("It
is effective in relieving ...", "The drug reduced ..."): the subject of a statement about the cited work is the cited
work's treatment, as "it" at the start of a second sentence is the first sentence's subject (treatments._ANAPHOR).

When the word lists find no intervention because the only statements with results are those that refer back, the
result is lent to its antecedent (`antecedents_lent`): the first treatment named as given (a therapy frame, not as
the comparator or as who the patients were) in the statement right before it. "Jones et al.
compared X with placebo [12]. || These authors found a significant reduction in pain [12]." then attributes the
reduction to X, as a reader does. Only general language of reference is used; docs/BENCHMARKS.md (issue 23, helpers
s34-citing and s37-citing) records what the rules changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.citations import count_citations
from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.treatment_mention import TreatmentMention, TreatmentReading, named_as_setting

_REFERS_BACK = re.compile(
    r"\b(?:(?:those|these|the)\s+(?:authors|investigators|researchers)|"
    r"their\s+(?:study|studies|trial|trials|series|patients|subjects|participants|results?|data|findings|cohort)|"
    r"they\s+(?:also\s+)?(?:found|observed|reported|showed|noted|demonstrated|documented|concluded|did\s+not|"
    r"could\s+not)|"
    r"the\s+same\s+(?:drug|extract|treatment|therapy|regimen|agent|compound|preparation|product|vaccine|"
    r"intervention|procedure|dose|formulation))\b"
)
# a statement that begins with a pronoun or a noun for the treatment as the subject of a result: "It is effective in
# relieving pain", "It also reduced ...", "The drug was well tolerated"; not the "it" of "it is known that", "it was
# found that" (no result word follows the verb)
_SUBJECT_REFERS_BACK = re.compile(
    r"\W*(?:it|this\s+(?:drug|agent|treatment|therapy|compound)|the\s+(?:drug|agent|compound))\s+"
    r"(?:(?:is|was|has\s+been|had\s+been)\s+(?:also\s+|highly\s+|very\s+|equally\s+|more\s+|less\s+)?"
    r"(?:effective|efficacious|beneficial|useful|safe|well[\s\-]tolerated|superior|inferior|ineffective)|"
    r"(?:also\s+|significantly\s+)?(?:reduced|decreased|improved|prevented|relieved|lowered|shortened|increased)"
    r")\b"
)
_SUBJECT_CUES = ("it ", "this ", "the ")
# what the comparator arm was given, named before the treatment: the first thing given is then the comparator
_COMPARATOR_GIVEN = re.compile(r"\b(?:placebo|sham|vehicle|no\s+treatment|usual\s+care|standard\s+care)\b")


def _reported_sentences(reading: SentenceReading) -> frozenset[int]:
    """The sentences of a statement in which the reading found an outcome, an adverse event or a safety finding."""
    found = {mention.sentence for mention in reading.outcomes}
    found.update(reading.event_sentences)
    found.update(sentence for _, sentence in reading.general_harms)
    if reading.safety_signal != "none" and reading.safety_sentence is not None:
        found.add(reading.safety_sentence)
    return frozenset(found)


# a word each of _REFERS_BACK's forms holds, whatever its case: a substring test is far cheaper than the pattern
_CHEAP_CUES = ("uthor", "hey ", "heir ", "same ", "investigators", "researchers")


def _begins_with_subject_cue(text: str) -> bool:
    return text.lstrip()[:5].lower().startswith(_SUBJECT_CUES)


def _may_refer_back(text: str) -> bool:
    """A cheap test that a statement may hold one of the module's forms."""
    return any(cue in text for cue in _CHEAP_CUES) or _begins_with_subject_cue(text)


def refers_back_to_cited_work(text: str) -> bool:
    """Whether a statement refers back to the cited work's authors, study or treatment (the module's grammar)."""
    if any(cue in text for cue in _CHEAP_CUES) and _REFERS_BACK.search(text.lower()) is not None:
        return True
    return _begins_with_subject_cue(text) and _SUBJECT_REFERS_BACK.match(text.lower()) is not None


def statements_referring_back(readings: Sequence[SentenceReading], texts: Sequence[str]) -> dict[int, frozenset[int]]:
    """The statements (index: sentences) that name no treatment the word lists know, cite the target alone, refer
    back to the cited work, and report an outcome, an event or a safety finding: what they report is the target's
    intervention's. (The PICO reader's spans do not count as treatments here: in such a sentence they are most often
    a word of the result, "evaluation", "the drug".)"""
    found: dict[int, frozenset[int]] = {}
    for index, (reading, text) in enumerate(zip(readings, texts, strict=False)):
        # cheap checks first: most statements hold none of the cue words, name a treatment or report nothing
        if not _may_refer_back(text) or reading.treatment.mentions:
            continue
        if not (reading.outcomes or reading.safety_signal != "none" or reading.general_harms):
            continue
        sentences = _reported_sentences(reading)
        if sentences and refers_back_to_cited_work(text) and count_citations(text) == 1:
            found[index] = sentences
    return found


def antecedents_lent(
    treatments: Sequence[TreatmentReading], readings: Sequence[SentenceReading], texts: Sequence[str]
) -> dict[int, TreatmentMention]:
    """For each statement that refers back to the cited work and reports a result (statements_referring_back), the
    treatment it refers back to: the first mention named as given (a therapy frame; not as the comparator, nor as
    who the patients were) in the statement right before it. Only that one: a brief's statements may come from many
    citing papers, and the statement right before is the one most likely of the same paragraph. None where it names
    no treatment as given. treatments: the statements' treatment readings as the profile tallies them."""
    referring = statements_referring_back(readings, texts)
    lent: dict[int, TreatmentMention] = {}
    for index in referring:
        if index:
            antecedent = _first_given(treatments[index - 1], texts[index - 1])
            if antecedent is not None:
                lent[index] = antecedent
    return lent


def _first_given(treatment: TreatmentReading, text: str) -> TreatmentMention | None:
    """The first treatment a statement names as given, when nothing comes before it as the comparator ("gave
    placebo to ..."): a mention in a therapy frame, not named as the comparator, as who the patients were or as an
    exposure, nor as the setting ("after tonsillectomy", "undergoing surgery")."""
    low = text.lower()
    for mention in treatment.mentions:
        at = low.find(mention.name.lower())
        if at < 0 or _COMPARATOR_GIVEN.search(low, 0, at) is not None:
            return None
        if named_as_setting(low, at):
            continue
        if mention.therapy_frame and not (
            mention.reference_frame or mention.population_frame or mention.exposure_frame
        ):
            return mention
    return None
