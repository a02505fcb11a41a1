"""A trial's own report against statements of works that cite it (issue 23, helper s45-verdicts): one result the
trial's own report repeats weighs once, but citing statements each count, the one whose citation marker was lost
among them. The sentences are written for these tests, not taken from any corpus."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.own_report import own_report_statements
from summarizer.models import Brief, Citing, Statement
from summarizer.pipeline import summarize

PAIN = "Ketorolac significantly reduced pain scores at 24 hours compared with placebo (P = 0.002)."
PAIN_AGAIN = "Pain scores at 24 hours were significantly lower with ketorolac than with placebo."


def _statements(texts: list[str]) -> list[Statement]:
    return [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]


def _brief(texts: list[str]) -> Brief:
    return summarize(_statements(texts), engine=ExtractiveEngine())


def test_a_trial_report_without_markers_is_its_own_report() -> None:
    texts = [PAIN, PAIN_AGAIN, "Nausea did not differ between the groups (P = 0.54)."]
    assert own_report_statements(_statements(texts)) == frozenset({0, 1, 2})


def test_a_stray_citation_in_a_trial_report_leaves_the_rest_its_own() -> None:
    texts = [PAIN, PAIN_AGAIN, "This agrees with earlier trials of parecoxib [12, 13].", "Nausea was rare."]
    assert own_report_statements(_statements(texts)) == frozenset({0, 1, 3})


def test_citing_statements_without_a_marker_are_not_a_trial_report() -> None:
    texts = [
        "Okafor et al. [4] gave ketorolac to 120 adults after knee surgery.",
        "In that trial [4], hospital stay did not differ between the arms.",
        PAIN,
    ]
    assert own_report_statements(_statements(texts)) == frozenset()


def test_a_statement_that_names_its_citing_paper_comes_from_a_citing_work() -> None:
    statements = _statements([PAIN, PAIN_AGAIN])
    statements = [s.model_copy(update={"citing": Citing(doi="10.1000/made.up.1")}) for s in statements]
    assert own_report_statements(statements) == frozenset()


def test_no_statements_are_no_report() -> None:
    assert own_report_statements([]) == frozenset()


# the citing works' statements around two that lost their markers: two about the trial's design and its null result
_CITING = [
    "Okafor et al. [4] gave ketorolac or placebo to 120 adults after knee surgery.",
    "In that trial [4], ketorolac did not significantly shorten hospital stay compared with placebo (P = 0.41).",
    "Patients in the trial of Okafor et al. [4] were followed for six months.",
]
_OWN = [
    "Ketorolac or placebo was given to 120 adults after knee surgery.",
    "Ketorolac did not significantly shorten hospital stay compared with placebo (P = 0.41).",
    "Patients were followed for six months.",
]


def test_citing_statements_that_lost_their_markers_each_count() -> None:
    # two citing works report the fall in pain against one that reports no shorter stay: a majority of two that the
    # lone null result does not make mixed, as if their markers had been read
    brief = _brief([*_CITING, PAIN, PAIN_AGAIN])
    assert brief.efficacy.assessment == "benefit_reported"


def test_a_trial_report_that_repeats_its_result_weighs_it_once() -> None:
    # the same sentences in the trial's own report: the fall in pain is one result, against one null result
    brief = _brief([*_OWN, PAIN, PAIN_AGAIN])
    assert brief.efficacy.assessment == "mixed"
