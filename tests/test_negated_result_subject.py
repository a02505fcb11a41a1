"""The subject of a result denied, or of a harm said with it, is what a trial tested (treatment_frames.py):
"X failed to improve Y", "X did not reduce Y", "X had no effect on Y", "X was associated with more Y", as "X reduced Y"
is. Every sentence here is written for these tests."""

from __future__ import annotations

from bisect import bisect_left

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_frames import named_as_tested
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _tested(text: str, name: str) -> bool:
    scan = Scan(text, load_resources())
    at = text.index(name)
    first = bisect_left(scan.starts, at)
    last = max(i for i, end in enumerate(scan.ends) if end <= at + len(name))
    sentence = next(s for s in scan.sentences() if s[0] <= at < s[1])
    opens, closes = bisect_left(scan.starts, sentence[0]), bisect_left(scan.starts, sentence[1])
    return named_as_tested(scan, first, last, opens, closes)


def test_a_denied_result_names_what_was_tested() -> None:
    assert _tested("Zelmoritide failed to improve survival in a randomised trial of 300 adults [ 4] .", "Zelmoritide")
    assert _tested("Zelmoritide did not reduce pain in a trial of 300 adults [ 4] .", "Zelmoritide")
    assert _tested("In the trial, zelmoritide did not significantly shorten the illness [ 4] .", "zelmoritide")
    assert _tested("Zelmoritide had no effect on mortality in the trial of 300 adults [ 4] .", "Zelmoritide")
    assert _tested("Zelmoritide failed to show a benefit in the trial of 300 adults [ 4] .", "Zelmoritide")
    assert _tested("Zelmoritide was associated with more bleeding than placebo in the trial [ 4] .", "Zelmoritide")


def test_what_is_no_result_of_a_treatment_is_not_read_so() -> None:
    # a measure has or shows no difference: its words are no treatment's result
    assert not _tested("The number of infants with BPD had no difference between the arms of the trial [ 4] .",
                       "BPD")
    # no result follows the negation, or no trial or people are named, or it is about animals
    assert not _tested("Zelmoritide did not come to market after the trial [ 4] .", "Zelmoritide")
    assert not _tested("Zelmoritide did not reduce the expression of IL-6 [ 4] .", "Zelmoritide")
    assert not _tested("In mice, zelmoritide did not reduce tumour growth in the trial [ 4] .", "zelmoritide")
    assert not _tested("Zelmoritide was associated with the trial's sponsor [ 4] .", "Zelmoritide")


def test_a_trial_that_found_no_benefit_is_read_as_such() -> None:
    texts = ["Zelmoritide had no effect on mortality in the randomised trial of 300 adults with sepsis [ 4] ."]
    brief = summarize([Statement(id="S1", text=texts[0])], engine=ExtractiveEngine())
    assert brief.target.intervention is not None and brief.target.intervention.name == "zelmoritide"
    assert brief.efficacy.assessment == "no_benefit_reported"
    texts = ["Zelmoritide failed to prevent nausea in a trial of 300 adults [ 4] ."]
    brief = summarize([Statement(id="S1", text=texts[0])], engine=ExtractiveEngine())
    assert brief.efficacy.assessment == "no_benefit_reported"


def test_a_subject_found_to_be_effective_was_tested() -> None:
    text = "In a trial of 200 children, ondansetron has been shown to be more effective than placebo [ 4] ."
    assert _tested(text, "ondansetron")
    assert _tested("The trial found ondansetron to be non-inferior to metoclopramide in 200 children [ 4] .",
                   "ondansetron")
    # "to be given" is no finding
    assert not _tested("In the trial, ondansetron is to be given before surgery to 200 children [ 4] .", "ondansetron")


def test_a_measure_counted_in_days_is_the_object_of_a_result() -> None:
    text = "Dexamethasone reduced 28-day mortality among 6,000 patients admitted with pneumonia [ 12] ."
    assert _tested(text, "Dexamethasone")
    assert _tested("Tocilizumab did not reduce 90-day mortality among 400 adults admitted with pneumonia [ 12] .",
                   "Tocilizumab")
    # a number of its own is no measure's name
    assert not _tested("Dexamethasone reduced 12 of 20 symptom scores among 400 adults [ 12] .", "Dexamethasone")
