"""A trial's results that name one drug as given, and attribute no effect to any treatment by name.

Trial reports give their results by arm ("In Group B (tamoxifen 10 mg/day), the mean percentage of nuclei stained
was 24.69% before and 10.43% after tamoxifen treatment"; "there was no relationship between different doses of
atorvastatin and ALT/AST changes"): the sentence names the drug as given (a dose, "treatment", "doses of") but words
its result so that no effect is attributed to the name (target_profile.py). When neither the word lists nor the PICO
reader find an intervention that way, and the statements read as a trial's results (at least half report a test: a
p-value, a confidence interval, significance) about people (no cue of animals or cells), the one drug they name as
given is the trial's intervention. A drug is a name of the drug lexicon or a word of a class of things given
("vaccine"), not a code of letters and digits (genes and alleles are written so: "HLA-B5801"); with two or more such
names it is unclear which arm was tested, and none is chosen. The comparator ("placebo") and a name every statement
uses only as the reference of a comparison never qualify, as for any intervention, nor a procedure named only as
the setting of the results ("pain after tonsillectomy"). The rule reads a trial's own results: statements that
cite works (a citing paper's words about the trial, which may speak of any arm or work) never name it this way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from summarizer.citations import count_citations
from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import TESTED_RESULT
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.tokenise import lower_same_length
from summarizer.engines.extractive.treatment_mention import is_given_class, named_as_setting
from summarizer.engines.extractive.treatment_names import names_comparator

# the share of the statements that must report a test for them to read as a trial's results
TESTED_SHARE = 0.5


class GivenTally(Protocol):
    """What the rule asks of a treatment's tally (target_profile._Tally)."""

    mentions: float
    therapy: float
    exposure: float
    reference: float


def _drug(anchor: str, res: Resources) -> bool:
    return anchor in res.drugs.terms or is_given_class(anchor)


def _only_the_setting(anchor: str, lows: Sequence[str]) -> bool:
    """Whether every mention of the anchor is the setting of a result ("pain after tonsillectomy")."""
    found = False
    for low in lows:
        at = low.find(anchor)
        while at >= 0:
            if not named_as_setting(low, at):
                return False
            found = True
            at = low.find(anchor, at + 1)
    return found


def only_given_drug(
    tallies: Mapping[str, GivenTally], texts: Sequence[str], res: Resources, min_framed: float
) -> str | None:
    """The anchor of the one drug the statements name as given (at least min_framed statements), when they read as
    a trial's results about people; None otherwise."""
    given = [
        anchor
        for anchor, tally in tallies.items()
        if tally.therapy >= min_framed
        and tally.exposure < tally.therapy
        and tally.reference < tally.mentions
        and not names_comparator(anchor)
        and _drug(anchor, res)
    ]
    if not texts or any(count_citations(text) for text in texts):
        return None
    lows = [lower_same_length(text) for text in texts]
    given = [anchor for anchor in given if not _only_the_setting(anchor, lows)]
    if len(given) != 1:
        return None
    if sum(TESTED_RESULT.search(low) is not None for low in lows) < TESTED_SHARE * len(texts):
        return None
    if any(about_animals_or_cells(text) for text in texts):
        return None
    return given[0]
