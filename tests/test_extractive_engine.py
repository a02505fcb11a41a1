"""The extractive engine: the bundled example's brief, section rules, certainty, and read/run consistency."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.certainty import INDIRECT_REASON
from summarizer.engines.base import ReadRequest
from summarizer.engines.extractive import ExtractiveEngine, load_resources
from summarizer.models import Brief, Citing, Statement, StatementType, Target
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.renderers import render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


def _statements(*texts: str, types: tuple[StatementType, ...] = ()) -> list[Statement]:
    return [
        Statement(id=f"S{i}", text=text, type=types[i - 1] if types else "mentioning",
                  citing=Citing(doi=f"10.1/{i}"))
        for i, text in enumerate(texts, start=1)
    ]


@pytest.fixture(scope="module")
def example_brief() -> Brief:
    return summarize(load_statements(EXAMPLE), engine=ExtractiveEngine())


def test_example_brief_verdicts(example_brief: Brief) -> None:
    assert example_brief.safety.assessment == "no_concerns_reported"
    assert example_brief.efficacy.assessment == "benefit_reported"
    assert example_brief.target.intervention is not None
    assert example_brief.target.intervention.name == "umbilical cord mesenchymal stem cells"
    assert example_brief.target.intervention.statement_ids == ["S1", "S2"]
    assert "**Intervention:** umbilical cord mesenchymal stem cells" in render(example_brief, "md")
    assert example_brief.safety.adverse_events == []
    assert example_brief.contrasting == []


def test_example_s1_events_are_absent_not_reported(example_brief: Brief) -> None:
    s1 = next(s for s in example_brief.statements if s.id == "S1")
    assert s1.annotation is not None
    assert "alergic reaction" in s1.annotation.absent_events
    assert s1.annotation.adverse_events == []
    assert s1.annotation.annotated_by.startswith("extractive-")


def test_example_findings_are_grounded(example_brief: Brief) -> None:
    texts = {s.id: s.text for s in example_brief.statements}
    findings = [*example_brief.safety.findings, *example_brief.efficacy.outcomes]
    assert findings
    for finding in findings:
        for quote in finding.quotes:
            assert quote.text in texts[quote.statement_id]
            assert quote.statement_id in finding.statement_ids
    safety_ids = {sid for f in example_brief.safety.findings for sid in f.statement_ids}
    assert safety_ids == {"S1", "S2"}
    outcomes = {o.outcome: o for o in example_brief.efficacy.outcomes}
    assert outcomes["mortality"].direction == "improved"
    assert outcomes["mortality"].change == "decreased"
    assert {sid for o in example_brief.efficacy.outcomes for sid in o.statement_ids} == {"S2"}


def test_example_quotes_are_shorter_than_the_statement(example_brief: Brief) -> None:
    texts = {s.id: s.text for s in example_brief.statements}
    for finding in example_brief.safety.findings:
        for quote in finding.quotes:
            assert len(quote.text) < len(texts[quote.statement_id])


def test_example_certainty(example_brief: Brief) -> None:
    for certainty in (example_brief.safety.certainty, example_brief.efficacy.certainty):
        assert certainty.level == "very_low"
        # a pilot study of 16 patients (its title says so): a non-randomised trial, GRADE's start low
        assert certainty.reasons[:2] == ["design: non-randomised trial, where GRADE starts at low", INDIRECT_REASON]
        assert any(r.startswith("imprecision") for r in certainty.reasons)


def test_no_safety_statements_is_insufficient_evidence() -> None:
    result = ExtractiveEngine().run(Target(), _statements("The trial enrolled 40 patients in two centres [3]."))
    assert result.safety.assessment == "insufficient_evidence"
    assert result.safety.findings == []
    assert result.safety.certainty.reasons
    assert result.efficacy.assessment == "insufficient_evidence"


def test_concerns_and_mixed() -> None:
    concern = "Two patients developed a severe rash after the infusion of MSCs [3]."
    reassuring = "MSC infusion was safe and well tolerated in all patients [4]."
    only = ExtractiveEngine().run(Target(), _statements(concern))
    assert only.intervention is not None and only.intervention.statement_ids == ["S1"]
    assert only.safety.assessment == "concerns_reported"
    assert only.safety.adverse_events and only.safety.adverse_events[0].statement_ids == ["S1"]
    assert "rash" in only.safety.adverse_events[0].name
    assert only.annotations[0].adverse_events
    mixed = summarize(_statements(concern, reassuring), engine=ExtractiveEngine())
    assert mixed.safety.assessment == "mixed"
    assert any(r.startswith("inconsistency") for r in mixed.safety.certainty.reasons)


def test_efficacy_harm_and_no_benefit() -> None:
    harm = ExtractiveEngine().run(
        Target(), _statements("Treatment with hydroxychloroquine increased mortality in older patients [2].")
    )
    assert harm.efficacy.assessment == "harm_reported"
    none = ExtractiveEngine().run(Target(), _statements("Treatment with dexamethasone did not reduce mortality [4]."))
    assert none.efficacy.assessment == "no_benefit_reported"
    assert none.efficacy.outcomes[0].direction == "no_difference"


def test_contrasting_findings_and_inferred_types() -> None:
    statements = _statements(
        "In contrast to the pilot study [12], our trial did not find a reduction in mortality.",
        "Our findings are consistent with and confirm those of the pilot study [3].",
        types=("unclassified", "unclassified"),
    )
    # where the stance model's `contrasting` is trusted at any probability, it is inferred and makes a finding
    trusting = replace(load_resources(), contrasting_min_probability=0.0)
    result = ExtractiveEngine(resources=trusting).run(Target(), statements)
    assert result.inferred_types == {"S1": "contrasting", "S2": "supporting"}
    assert [f.statement_ids for f in result.contrasting] == [["S1"]]
    assert result.contrasting[0].quotes[0].text in statements[0].text


def test_an_untrusted_contrasting_guess_stays_mentioning() -> None:
    """The shipped stance model reaches no out-of-fold precision of 0.8 for `contrasting` (stance_model.json's
    contrasting_min_probability is null): an unclassified statement is then never inferred contrasting, and no
    contrasting finding rests on its guess; supporting is inferred as before."""
    statements = _statements(
        "In contrast to the pilot study [12], our trial did not find a reduction in mortality.",
        "Our findings are consistent with and confirm those of the pilot study [3].",
        types=("unclassified", "unclassified"),
    )
    shipped = load_resources()
    result = ExtractiveEngine(resources=shipped).run(Target(), statements)
    if shipped.contrasting_min_probability is None:
        assert result.inferred_types == {"S1": "mentioning", "S2": "supporting"}
    strict = replace(shipped, contrasting_min_probability=1.0)
    result = ExtractiveEngine(resources=strict).run(Target(), statements)
    assert result.inferred_types == {"S1": "mentioning", "S2": "supporting"}
    assert not any(f.claim.startswith("Contrasts") for f in result.contrasting)
    # a type the source gives is kept whatever the model's precision
    given = _statements(statements[0].text, types=("contrasting",))
    assert [f.statement_ids for f in ExtractiveEngine(resources=strict).run(Target(), given).contrasting] == [["S1"]]


def test_given_contrasting_type_gives_a_finding() -> None:
    statements = _statements("The cells were given on days 1, 3 and 5 [7].", types=("contrasting",))
    result = ExtractiveEngine().run(Target(), statements)
    assert result.inferred_types == {}
    assert [f.statement_ids for f in result.contrasting] == [["S1"]]


def test_one_annotation_per_statement_in_order() -> None:
    texts = ("A [1].", "The infusion was safe [2].", "It reduced mortality [3].")
    result = ExtractiveEngine().run(Target(), _statements(*texts))
    assert len(result.annotations) == 3
    assert result.annotations[0].topics == ["other"]
    assert "safety" in result.annotations[1].topics
    assert "efficacy" in result.annotations[2].topics


def test_read_uses_the_same_annotation_as_run() -> None:
    engine = ExtractiveEngine()
    text = "They did not notice any allergic reaction; two patients developed fever after infusion."
    run = engine.run(Target(), _statements(text))
    (reading,) = engine.read([ReadRequest(id="x", text=text)])
    assert reading.id == "x"
    assert reading.annotation == run.annotations[0]
    assert reading.stance in ("supporting", "mentioning", "contrasting")


def test_read_answers_the_efficacy_question() -> None:
    engine = ExtractiveEngine()
    request = ReadRequest(
        id="e",
        text="Pain scores were significantly lower with ketamine than with placebo (p<0.001).",
        intervention="ketamine",
        comparator="placebo",
        outcome="Pain scores",
    )
    (reading,) = engine.read([request])
    assert reading.change == "decreased"


def test_deterministic_and_empty_input() -> None:
    statements = _statements("It reduced mortality [3].", "Safe and well tolerated [4].")
    assert ExtractiveEngine().run(Target(), statements) == ExtractiveEngine().run(Target(), statements)
    empty = ExtractiveEngine().run(Target(), [])
    assert empty.annotations == []
    assert empty.safety.assessment == "insufficient_evidence"


_WORD_TEXT = (
    "no not without did notice any allergic reaction rash fever developed after infusion mortality reduced "
    "decreased increased survival improved safe well tolerated however our study in contrast to [12] 3 , . ; "
    "hepatotoxicity induced by the drug patients were observed İstanbul ﬁbrosis risk of secondary infections"
)
WORDS = _WORD_TEXT.split()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), min_size=1, max_size=4))
def test_every_name_and_quote_is_verbatim(word_lists: list[list[str]]) -> None:
    texts = [" ".join(words) for words in word_lists]
    statements = _statements(*texts, types=tuple("unclassified" for _ in texts))
    result = ExtractiveEngine().run(Target(), statements)
    by_id = {s.id: s.text for s in statements}
    assert len(result.annotations) == len(statements)
    for statement, annotation in zip(statements, result.annotations, strict=True):
        for name in [*annotation.adverse_events, *annotation.absent_events]:
            assert name and name in statement.text
        assert annotation.topics
    findings = [*result.safety.findings, *result.efficacy.outcomes, *result.contrasting]
    for finding in findings:
        assert finding.statement_ids
        for quote in finding.quotes:
            assert quote.text in by_id[quote.statement_id]
    assert (result.safety.assessment == "insufficient_evidence") == (not result.safety.findings)
    assert (result.efficacy.assessment == "insufficient_evidence") == (not result.efficacy.outcomes)
    for event in result.safety.adverse_events:
        assert all(event.name in by_id[sid] for sid in event.statement_ids)
    assert result.safety.certainty.reasons and result.efficacy.certainty.reasons


def test_forked_workers_give_the_same_result_as_one_process() -> None:
    from summarizer.engines.extractive.engine import PARALLEL_MIN_STATEMENTS

    phrases = [
        "No serious adverse events were observed after {n} infusions.",
        "Two of {n} patients developed a transient fever after the infusion.",
        "Mortality decreased from {n}% in the treated group.",
        "In contrast to [3], we found no improvement in survival at day {n}.",
        "Stem cells have been studied extensively in recent years [{n}].",
    ]
    statements = [
        Statement(
            id=f"S{i + 1}",
            text=phrases[i % len(phrases)].format(n=i),
            type="unclassified" if i % 3 else "mentioning",
        )
        for i in range(PARALLEL_MIN_STATEMENTS)
    ]
    serial = ExtractiveEngine(workers=1).run(Target(), statements)
    forked = ExtractiveEngine(workers=2).run(Target(), statements)
    assert forked == serial
