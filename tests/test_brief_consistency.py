"""The brief does not contradict itself: a safety verdict never says "no concerns" beside the adverse events it
lists (guarantee 9 of docs/brief-v1.md, for every engine), and a safety summary never says that no statement
speaks of safety when statements about the intervention do."""

from __future__ import annotations

from summarizer.certainty import DRAFT
from summarizer.contract import contract_violations
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.evidence import ReadStatement
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.verdicts import efficacy_verdict, safety_verdict, weigh
from summarizer.engines.llm.checks import verdict_errors
from summarizer.engines.llm.schemas import EfficacyOut, SafetyOut, SectionsOutput
from summarizer.grounding import ground_sections
from summarizer.models import AdverseEvent, Brief, Citing, Efficacy, Finding, Quote, Safety, Source, Statement, Target
from summarizer.pipeline import summarize

WELL_TOLERATED = (
    "Treatment with metformin was well tolerated in adults with prediabetes [1].",
    "Metformin was safe and well tolerated, with no serious adverse events [1].",
    "Patients treated with metformin reported no serious adverse events [1].",
    "Metformin therapy was well tolerated and reduced body weight [1].",
)
ONE_HARM = "Nausea and diarrhoea occurred more often in patients treated with metformin [1]."


def _statements(*texts: str) -> list[Statement]:
    return [Statement(id=f"S{i}", text=t, citing=Citing(doi=f"10.1/{i}")) for i, t in enumerate(texts, start=1)]


def _brief(*texts: str) -> Brief:
    source = Source(format="statements", target=Target(), statements=_statements(*texts))
    return summarize(source, engine=ExtractiveEngine())


def test_one_harm_against_a_reassuring_majority_makes_safety_mixed_not_no_concerns() -> None:
    brief = _brief(*WELL_TOLERATED, ONE_HARM)
    assert [event.name.lower() for event in brief.safety.adverse_events] == ["nausea", "diarrhoea"]
    assert brief.safety.assessment == "mixed"
    assert "reports adverse events (S5)" in brief.safety.summary
    assert contract_violations(brief) == []
    assert [event.statement_ids for event in brief.safety.adverse_events] == [["S5"], ["S5"]]
    # one claim is one finding, with each statement that makes it and its quote
    assert [f.statement_ids for f in brief.safety.findings] == [["S1", "S4"], ["S2", "S3"], ["S5"]]
    assert [[q.statement_id for q in f.quotes] for f in brief.safety.findings] == [["S1", "S4"], ["S2", "S3"], ["S5"]]


def test_the_weighing_alone_would_have_said_no_concerns() -> None:
    """One statement against four is too little dissent for "mixed" (VerdictRules), so the verdict rule for
    adverse events, not the weighing, keeps the verdict from contradicting the events listed."""
    items = [ReadStatement(s, annotate(s.text)) for s in _statements(*WELL_TOLERATED, ONE_HARM)]
    concerns, reassuring = items[4:], items[:4]
    assert weigh({"concerns": concerns, "reassuring": reassuring}) == ("reassuring", False)
    assert safety_verdict(concerns, reassuring) == "mixed"
    assert safety_verdict([], reassuring) == "no_concerns_reported"
    assert safety_verdict(concerns, []) == "concerns_reported"
    assert safety_verdict([], []) == "insufficient_evidence"


def test_without_any_harm_the_same_statements_report_no_concerns() -> None:
    brief = _brief(*WELL_TOLERATED)
    assert brief.safety.assessment == "no_concerns_reported" and brief.safety.adverse_events == []
    assert contract_violations(brief) == []


def _safety(assessment: str, events: list[AdverseEvent]) -> Safety:
    quote = Quote(statement_id="S2", text="no serious adverse events")
    return Safety.model_validate(
        {
            "assessment": assessment,
            "summary": "s",
            "findings": [Finding(claim="c", statement_ids=["S2"], quotes=[quote])],
            "adverse_events": events,
            "certainty": DRAFT,
        }
    )


def test_the_contract_flags_no_concerns_beside_listed_adverse_events() -> None:
    brief = _brief(*WELL_TOLERATED, ONE_HARM)
    contradicting = brief.safety.model_copy(update={"assessment": "no_concerns_reported"})
    tampered = brief.model_copy(update={"safety": contradicting})
    assert "safety: no_concerns_reported while the section lists adverse events" in contract_violations(tampered)
    no_events = tampered.model_copy(update={"safety": tampered.safety.model_copy(update={"adverse_events": []})})
    assert not any("adverse events" in problem for problem in contract_violations(no_events))


def test_grounding_makes_no_concerns_with_adverse_events_mixed_and_says_so() -> None:
    statements = _statements(*WELL_TOLERATED, ONE_HARM)
    efficacy = Efficacy(assessment="insufficient_evidence", summary="s", certainty=DRAFT)
    warnings: list[str] = []
    events = [AdverseEvent(name="nausea", statement_ids=["S5"])]
    safety, _, _ = ground_sections(_safety("no_concerns_reported", events), efficacy, [], statements, warnings)
    assert safety.assessment == "mixed"
    assert any("contradicted its 1 adverse event" in w for w in warnings)
    # an event whose statement is unknown is dropped first: then nothing contradicts the verdict
    warnings = []
    unknown = [AdverseEvent(name="nausea", statement_ids=["S99"])]
    safety, _, _ = ground_sections(_safety("no_concerns_reported", unknown), efficacy, [], statements, warnings)
    assert safety.assessment == "no_concerns_reported" and safety.adverse_events == []


def test_a_model_answer_of_no_concerns_beside_adverse_events_is_re_asked() -> None:
    def answer(assessment: str, events: list[AdverseEvent]) -> SectionsOutput:
        return SectionsOutput(
            intervention=None,
            safety=SafetyOut(assessment=assessment, summary="s", adverse_events=events),  # type: ignore[arg-type]
            efficacy=EfficacyOut(assessment="insufficient_evidence", summary="s"),
        )

    events = [AdverseEvent(name="nausea", statement_ids=["S5"])]
    assert any("contradicts the adverse_events" in e for e in verdict_errors(answer("no_concerns_reported", events)))
    assert not any("contradicts" in e for e in verdict_errors(answer("mixed", events)))
    assert not any("contradicts" in e for e in verdict_errors(answer("no_concerns_reported", [])))


def test_statements_that_speak_of_safety_are_never_summarised_as_none() -> None:
    """A statement about the intervention that speaks of safety, but whose only harm is not one of it (what
    happened in the control arm, what the drug treats), is no evidence either way; the summary counts it."""
    brief = _brief(
        "Treatment with metformin extended lifespan in male mice [1].",
        "Metformin supplementation reduced oxidative damage in old mice [1].",
        "Metformin is used for the treatment of diabetes, and adverse effects of metformin on the kidney were "
        "examined [1].",
    )
    assert brief.target.intervention is not None and brief.safety.assessment == "insufficient_evidence"
    speaking = [
        s.id for s in brief.statements
        if s.id in brief.target.intervention.statement_ids and s.annotation and "safety" in s.annotation.topics
    ]
    assert speaking
    assert "No statement reports on the safety" not in brief.safety.summary
    assert brief.safety.summary.startswith(f"{len(speaking)} statement")
    assert "but none reports a harm of it or the absence of one" in brief.safety.summary
    assert all(sid in brief.safety.summary for sid in speaking)


def test_no_statement_about_safety_is_still_said_so() -> None:
    brief = _brief(
        "Treatment with metformin extended lifespan in male mice [1].",
        "Metformin treatment reduced body weight in obese mice [1].",
    )
    assert brief.target.intervention is not None
    assert all("safety" not in (s.annotation.topics if s.annotation else []) for s in brief.statements)
    assert brief.safety.summary.startswith("No statement reports on the safety of")


def test_one_improvement_against_unchanged_outcomes_makes_efficacy_mixed_not_no_benefit() -> None:
    """The efficacy twin of the safety rule: an improvement the statements report is never outweighed into
    "no benefit reported" (written sentences)."""
    unchanged = (
        "Walking distance did not differ between the exercise and control groups [1].",
        "There was no significant difference in quality of life between the exercise and control groups [1].",
        "Pain scores were similar in the exercise and control groups [1].",
    )
    improved = "Exercise significantly reduced fatigue compared with the control group (p = 0.01) [1]."
    items = [ReadStatement(s, annotate(s.text)) for s in _statements(*unchanged, improved)]
    sides = {"improved": items[3:], "worsened": [], "no_difference": items[:3]}
    assert weigh(sides) == ("no_difference", False)
    assert efficacy_verdict(sides) == "mixed"
    assert efficacy_verdict({"improved": [], "worsened": [], "no_difference": items[:3]}) == "no_benefit_reported"
    assert efficacy_verdict({"improved": items[3:], "worsened": [], "no_difference": []}) == "benefit_reported"
