"""Property tests: the contract's guarantees hold on random statement sets, whatever an engine says."""

from __future__ import annotations

from conftest import SCRIPTED_INTERVENTION, ScriptedEngine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.contract import contract_violations
from summarizer.models import Citing, Finding, Outcome, Quote, Source, Statement
from summarizer.pipeline import summarize

PHRASES = [
    "MSC infusion was safe and well tolerated.",
    "No serious adverse events were observed.",
    "They did not notice any allergic reaction or secondary infections.",
    "Two patients developed a transient fever after infusion.",
    "Hepatotoxicity was reported in 3 of 20 patients.",
    "Mortality decreased significantly in the treated group.",
    "There was no significant difference in length of stay.",
    "Oxygenation improved, and inflammatory cytokines decreased.",
    "In contrast to [12], we found no improvement in survival.",
    "Stem cells have been studied extensively [3-5].",
    "<script>alert('x')</script> & <img src=x onerror=alert(1)>",
    "Résumé: the “pilot” study (n = 16) — 95% CI 0.6–0.9.",
]

texts = st.builds(
    lambda parts, pad: pad.join(parts),
    st.lists(st.sampled_from(PHRASES) | st.text(min_size=1, max_size=40), min_size=1, max_size=3),
    st.sampled_from([" ", "  ", "\n", "\t "]),
).filter(lambda t: t.strip() != "")

statements = st.builds(
    lambda text, type_, section, doi, confidence: Statement(
        id="S1",
        text=text,
        type=type_,
        type_source="source" if type_ != "unclassified" else "none",
        section=section,
        citing=Citing(doi=doi),
        confidence=confidence,
    ),
    texts,
    st.sampled_from(["supporting", "mentioning", "contrasting", "unclassified"]),
    st.sampled_from([None, "Introduction", "Results", "Discussion"]),
    st.sampled_from([None, "10.1/a", "10.1/b"]),
    st.none() | st.floats(min_value=0, max_value=1),
)

statement_lists = st.lists(statements, min_size=1, max_size=25).flatmap(
    lambda items: st.lists(st.sampled_from(items), min_size=len(items), max_size=len(items) + 10)
)


def _accounts_for_everything(inputs: list[Statement], brief_statements: list[Statement]) -> None:
    assert sum(s.occurrences for s in brief_statements) == sum(s.occurrences for s in inputs)
    normalised_in = {" ".join(s.text.split()) for s in inputs}
    assert normalised_in == {s.text for s in brief_statements}
    assert [s.id for s in brief_statements] == [f"S{i}" for i in range(1, len(brief_statements) + 1)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement_lists)
def test_extractive_briefs_keep_every_guarantee(inputs: list[Statement]) -> None:
    brief = summarize(Source(format="test", statements=inputs), engine="extractive")
    assert contract_violations(brief) == []
    _accounts_for_everything(inputs, brief.statements)
    assert all(s.annotation is not None for s in brief.statements)
    if not any("safety" in (s.annotation.topics if s.annotation else []) for s in brief.statements):
        assert brief.safety.assessment == "insufficient_evidence"


def _claims(draw: st.DrawFn, n_statements: int, texts_by_id: dict[str, str]) -> list[dict[str, object]]:
    ids = st.sampled_from([f"S{i}" for i in range(1, n_statements + 4)])
    claims = []
    for _ in range(draw(st.integers(0, 4))):
        cited = draw(st.lists(ids, min_size=1, max_size=3))
        quotes = []
        for sid in draw(st.lists(ids, max_size=3)):
            text = texts_by_id.get(sid, "invented quote")
            start = draw(st.integers(0, max(0, len(text) - 1)))
            verbatim = text[start : start + draw(st.integers(1, 30))]
            quotes.append(
                Quote(statement_id=sid, text=draw(st.sampled_from([verbatim, verbatim.upper() + "!", "x y"])))
            )
        claims.append({"claim": "a claim", "statement_ids": cited, "quotes": quotes})
    return claims


@st.composite
def chaotic_runs(draw: st.DrawFn) -> tuple[list[Statement], ScriptedEngine]:
    inputs = draw(statement_lists)
    merged_texts = list(dict.fromkeys(" ".join(s.text.split()) for s in inputs))
    texts_by_id = {f"S{i}": t for i, t in enumerate(merged_texts, start=1)}
    n = len(merged_texts)
    engine = ScriptedEngine(
        safety_findings=[Finding.model_validate(c) for c in _claims(draw, n, texts_by_id)],
        outcomes=[
            Outcome.model_validate({**c, "outcome": "mortality", "direction": "improved"})
            for c in _claims(draw, n, texts_by_id)
        ],
        contrasting=[Finding.model_validate(c) for c in _claims(draw, n, texts_by_id)],
        safety_assessment=draw(st.sampled_from(["no_concerns_reported", "concerns_reported", "mixed"])),
        efficacy_assessment=draw(st.sampled_from(["benefit_reported", "harm_reported", "mixed"])),
        intervention=draw(st.sampled_from([None, SCRIPTED_INTERVENTION])),
    )
    return inputs, engine


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chaotic_runs())
def test_grounding_repairs_whatever_an_engine_claims(run: tuple[list[Statement], ScriptedEngine]) -> None:
    inputs, engine = run
    brief = summarize(Source(format="test", statements=inputs), engine=engine)
    assert contract_violations(brief) == []
    _accounts_for_everything(inputs, brief.statements)
    if engine.intervention is None:
        assert brief.target.intervention is None
        assert brief.safety.assessment == brief.efficacy.assessment == "insufficient_evidence"
    elif brief.safety.assessment == "insufficient_evidence" and engine.safety_findings:
        assert brief.safety.findings == []
        assert any("safety" in w for w in brief.provenance.warnings)
