"""A citing statement that names no treatment but refers back to the cited work's authors or treatment speaks of the
target's intervention (cited_work_anaphora.py). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.cited_work_anaphora import refers_back_to_cited_work
from summarizer.models import Statement
from summarizer.pipeline import summarize

# two citing statements about one cited trial of a drug the word lists know
NAMED = (
    "Okafor et al. [ 7] reported that children treated with ondansetron had significantly fewer episodes of vomiting "
    "than those given placebo."
)


def _brief(texts: list[str]):  # type: ignore[no-untyped-def]
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine())


def test_the_grammar_of_referring_back() -> None:
    assert refers_back_to_cited_work("Those authors also observed fewer admissions.")
    assert refers_back_to_cited_work("In their trial, admissions fell.")
    assert refers_back_to_cited_work("They did not find any serious adverse events.")
    assert refers_back_to_cited_work("A second trial using the same drug found fewer admissions.")
    # "this study", in a citing paper, is most often the citing paper's own
    assert not refers_back_to_cited_work("In this study, admissions fell.")
    assert not refers_back_to_cited_work("Admissions fell in the ward.")


def test_a_statement_referring_back_to_the_authors_counts_for_the_intervention() -> None:
    referring = "They did not find any serious adverse events or arrhythmias [ 7] ."
    without = _brief([NAMED])
    brief = _brief([NAMED, referring])
    assert brief.target.intervention is not None and without.target.intervention is not None
    assert without.safety.assessment == "insufficient_evidence"
    assert brief.safety.assessment == "no_concerns_reported"
    assert any(finding.statement_ids == ["S2"] for finding in brief.safety.findings)


def test_a_statement_citing_several_works_or_not_referring_back_does_not_count() -> None:
    several = "They did not find any serious adverse events or arrhythmias [ 7, 9] ."
    unreferred = "No serious adverse events or arrhythmias were found [ 7] ."
    for texts in ([NAMED, several], [NAMED, unreferred]):
        brief = _brief(texts)
        assert not any("S2" in finding.statement_ids for finding in brief.safety.findings), texts


def test_an_outcome_unaffected_by_the_treatment_is_no_difference() -> None:
    # result_cues.SUBJECT_RESULT: "unaffected by X" is "not affected by X" (written for this test)
    brief = _brief(
        ["Kowalski et al. [ 4] reported that grip strength remained largely unaffected by creatine supplementation."]
    )
    assert brief.efficacy.assessment == "no_benefit_reported"
    assert brief.safety.assessment == "insufficient_evidence"  # no harm: the outcome did not change
    claims = [outcome.claim for outcome in brief.efficacy.outcomes]
    assert claims == ["No difference in grip strength with creatine supplementation."]


def test_a_negated_benefit_is_no_absent_adverse_event() -> None:
    # events._COMPARISON_AFTER_NEGATION: "no benefit of X over placebo in A" speaks of A as an outcome, not as an
    # adverse event that was absent (written for this test)
    brief = _brief(
        ["Lindqvist et al. [ 6] found no benefit of melatonin over placebo in elderly patients with delirium."]
    )
    assert brief.safety.assessment == "insufficient_evidence"
    assert not brief.safety.findings
    # an absent event in its own negated list stays one
    brief = _brief(
        ["Lindqvist et al. [ 6] reported that patients given melatonin had no benefit in delirium and no headache."]
    )
    assert [finding.claim for finding in brief.safety.findings] == ["No headache reported with melatonin."]
