"""Design cues that are not the design of the work cited (summarizer/design.py): a design named of many works or of
others ("several randomised trials"), and a review of the literature told with a case (a case report's search).

Every sentence here is written for these tests; none is from a data set.
"""

from __future__ import annotations

from summarizer.design import WEAK, read_design, statement_cues
from summarizer.models import Statement, Target
from summarizer.pipeline import normalise


def _design(*texts: str) -> str | None:
    statements = normalise([Statement(id=f"S{i + 1}", text=text) for i, text in enumerate(texts)])
    return read_design(Target(), statements).design


def test_a_design_of_several_works_is_not_the_cited_works_design() -> None:
    assert statement_cues("The same regimen has since been tested in several phase III trials.") == {}
    assert statement_cues("A number of randomized, placebo-controlled studies have reported fewer relapses.") == {}
    assert statement_cues("Previous cohort studies found the same link between sleep and mood.") == {}


def test_a_design_named_once_or_without_a_quantifier_still_counts() -> None:
    # negative cases: one trial, or trials with no word of many or of others before them
    assert statement_cues("A randomized trial of the new inhaler found fewer attacks.") == {"randomised_trial": 1.0}
    assert statement_cues("Randomized trials of the new inhaler found fewer attacks.") == {"randomised_trial": 1.0}
    # a quantifier far from the cue, or one with no works in the plural after the cue, leaves it alone
    assert statement_cues("Many children were enrolled in this randomized comparison of two inhalers.") == {
        "randomised_trial": 1.0
    }


def test_a_literature_review_told_with_a_case_is_the_case_reports_search() -> None:
    assert statement_cues("We found no similar case in a thorough review of the literature.") == {}  # own work
    assert statement_cues("A review of the literature found no similar case of this rash.") == {"case_report": WEAK}
    assert statement_cues("Liver failure after the new antifungal: a case report and literature review.") == {
        "case_report": 1.0
    }
    assert _design("Report of two cases of liver failure after the antifungal and a review of the literature.") is None


def test_a_literature_review_without_a_case_and_a_systematic_review_remain_reviews() -> None:
    # negative cases: no case or patient told, or a systematic review (whatever it pools)
    assert statement_cues("A review of the literature on exercise and memory found consistent benefits.") == {
        "review": 1.0
    }
    assert statement_cues("A systematic review of 40 case reports described the rash after the antifungal.") == {
        "review": 1.0
    }
    assert _design("A narrative review of the literature on exercise and memory found consistent benefits.") == "review"


def test_a_blinded_challenge_is_a_test_of_the_patient_not_a_trial() -> None:
    assert (
        statement_cues("A double-blind, placebo-controlled oral challenge with the drug brought back the hives.") == {}
    )
    assert statement_cues("A single-blind rechallenge was refused.") == {}  # no trial's cue at all
    # negative cases: a trial whose patients were challenged, and a blinded trial
    assert statement_cues(
        "A double-blind trial in which each patient received a challenge dose found no reaction."
    ) == {"randomised_trial": 1.0}
    assert statement_cues("A double-blind comparison of two doses found fewer headaches.") == {"randomised_trial": 1.0}
