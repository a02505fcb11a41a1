"""Citing statements that report the citing work's own findings, not the cited work's.

A citing paper sets its own results beside the work it cites: "With 100 mg of X, we observed a longer duration of
analgesia as compared with previous studies [16]", "In our study, we noted that three patients receiving X developed
a rash, consistent with the documented side effect of X [9]". The marker there cites the work compared against; what
the sentence reports is the citing authors' finding, about their own patients, and attributing it to the cited work
reads a result that work never reported (often the opposite of it: the citing paper says it differs).

A statement is read so when all of these hold:

- it cites a work (a trial's own report, which cites none, says "we found" of the trial itself: own_report.py);
- the citing work's results are the subject of what they show ("our results suggest that", "our study showed", "the
  results of our study indicate"; not "this study", which in a citing sentence as often names the cited work: "This
  study [12] reported"), or the citing authors are the finders ("we observed / found / noted / saw / detected /
  recorded") and a word places the finding in the citing work or sets it against others' work: "in our / the present
  study (trial, series, setting, cohort, patients)", "here", "(as) compared with previous / other studies",
  "consistent with", "in agreement / accordance / line with", "similar to", "in contrast to", "unlike";
- no word makes "we" the cited work's authors: a self-citation says "we previously / recently / earlier found",
  "we have reported", "our previous / earlier / prior study", "previously", "elsewhere".

Counted on the citing sentences of clinical_citation_stance outside the 65 labelled groups: 13 sentences in 13 papers
hold the forms; 11 report the citing work's own finding, one is a self-citation the rule takes for the citing work's
("This finding is similar to that in our study ... in which we found a 13-day reduction [8]"), and one is unclear
("Our results were consistent with what we found from analysis of ... tests performed in the lab [19]").
docs/BENCHMARKS.md (s48-citing) records what reading them so changes once the profile asks (without_own_findings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.citations import count_citations
from summarizer.engines.extractive.treatment_mention import TreatmentReading

__all__ = ["reports_own_finding", "without_own_findings"]

_WE_FOUND = re.compile(r"\bwe\s+(?:also\s+|further\s+|then\s+)?(?:observed|found|noted|saw|detected|recorded)\b")
# the citing work's results as the subject of what they show: "our results suggest that", "the results of our study
# showed"; not "this study", which in a citing sentence as often names the cited work ("This study [12] reported")
_OUR_RESULTS_SHOW = re.compile(
    r"\b(?:our\s+(?:own\s+)?|(?:the\s+)?(?:results|findings|outcomes|data)\s+(?:of|from)\s+(?:our|the\s+present|"
    r"the\s+current)\s+(?:study|trial|work|series)\s+|the\s+(?:present|current)\s+)"
    r"(?:(?:results|findings|outcomes|data|study|trial|observations?|experience)\s+)?"
    r"(?:also\s+|further\s+|clearly\s+)?(?:suggests?|showed|shows?|indicated?|indicates|demonstrated?|demonstrates|"
    r"confirmed?|confirms|revealed?|reveals|found)\b"
)
_PLACED = re.compile(
    r"\b(?:in|of|from)\s+(?:our|this|the\s+present|the\s+current)\s+(?:own\s+)?(?:study|trial|series|setting|"
    r"cohort|patients|population|sample|work|experience)\b|"
    r"\bhere\b|"
    r"\b(?:compared\s+(?:with|to)|than\s+(?:in\s+)?)\s*(?:the\s+)?(?:previous|other|earlier|prior)\s+"
    r"(?:studies|reports|trials|work)\b|"
    r"\bconsistent\s+with\b|\bin\s+(?:agreement|accordance|line|keeping)\s+with\b|\bsimilar\s+to\b|"
    r"\bin\s+contrast\s+(?:to|with)\b|\bunlike\b"
)
_SELF_CITATION = re.compile(
    r"\bwe\s+(?:have\s+)?(?:previously|recently|earlier|already|first)\b|"
    r"\bwe\s+have\s+(?:also\s+)?(?:reported|shown|demonstrated|described|found|observed)\b|"
    r"\b(?:our|a)\s+(?:own\s+)?(?:previous|earlier|prior|former|recent|past)\s+(?:\w+\s+)?(?:study|studies|trial|"
    r"trials|work|report|reports|series|paper|publication)\b|"
    r"\belsewhere\b|\bpreviously\b"
)


def reports_own_finding(text: str) -> bool:
    """Whether a citing statement reports the citing work's own finding (the module's grammar)."""
    low = text.lower()
    if "our " not in low and "we " not in low:
        return False
    own = _OUR_RESULTS_SHOW.search(low) is not None or (
        _WE_FOUND.search(low) is not None and _PLACED.search(low) is not None
    )
    return own and _SELF_CITATION.search(low) is None and count_citations(text) > 0


def without_own_findings(treatments: Sequence[TreatmentReading], texts: Sequence[str]) -> list[TreatmentReading]:
    """The statements' treatment readings with no mention in a statement that reports the citing work's own finding
    (reports_own_finding): what such a statement says was given and what it found are the citing authors', so no
    effect, harm or name of it is the cited work's. texts: the statements' texts, in the readings' order."""
    return [
        treatment._replace(mentions=()) if treatment.mentions and reports_own_finding(text) else treatment
        for treatment, text in zip(treatments, texts, strict=True)
    ]
