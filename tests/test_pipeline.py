"""Normalisation, tallies, coverage and the grounding the pipeline applies to any engine."""

from __future__ import annotations

import pytest
from conftest import ScriptedEngine, quote_of

from summarizer.contract import contract_violations
from summarizer.models import Citing, Finding, Intervention, Outcome, Source, Statement
from summarizer.pipeline import _spaced_once, normalise, summarize
from summarizer.tally import compute_tally


def _statement(text: str, **fields: object) -> Statement:
    return Statement.model_validate({"id": "S1", "text": text, **fields})


def test_normalise_collapses_whitespace_only() -> None:
    [s] = normalise([_statement("  Safe \n and\twell  tolerated .  ")])
    assert s.text == "Safe and well tolerated ."
    assert s.id == "S1"


def test_normalise_merges_exact_duplicates_into_occurrences_and_renumbers() -> None:
    statements = [
        _statement("A reported rash.", section="Results", occurrences=2),
        _statement("Another one."),
        _statement("A  reported rash.", section="Results"),
        _statement("A reported rash.", section="Discussion"),
    ]
    merged = normalise(statements)
    assert [(s.id, s.text, s.section, s.occurrences) for s in merged] == [
        ("S1", "A reported rash.", "Results", 3),
        ("S2", "Another one.", None, 1),
        ("S3", "A reported rash.", "Discussion", 1),
    ]
    assert sum(s.occurrences for s in merged) == 5


def test_same_text_from_different_citing_papers_is_not_merged() -> None:
    merged = normalise(
        [_statement("Safe.", citing=Citing(doi="10.1/a")), _statement("Safe.", citing=Citing(doi="10.1/b"))]
    )
    assert len(merged) == 2


def test_tally_counts_types_sections_and_publications() -> None:
    statements = normalise(
        [
            _statement("one", type="supporting", section="Results", citing=Citing(doi="10.1/A")),
            _statement("two", type="contrasting", citing=Citing(doi="10.1/a")),
            _statement("three", citing=Citing(title="A paper")),
            _statement("four", type="mentioning", section="Results", occurrences=3),
        ]
    )
    tally = compute_tally(statements)
    assert tally.statements == 4
    assert tally.duplicates_merged == 2
    assert tally.citing_publications == 2
    assert tally.by_type.model_dump() == {"supporting": 1, "mentioning": 1, "contrasting": 1, "unclassified": 1}
    assert tally.by_section == {"Results": 2, "unknown": 2}


def test_citing_publications_is_null_when_no_citing_paper_is_known() -> None:
    assert compute_tally(normalise([_statement("x")])).citing_publications is None


SOURCE = Source(
    format="test",
    statements=[
        _statement("No adverse events were observed after infusion."),
        _statement("Mortality decreased in the treated group.", type="supporting"),
        _statement("An unrelated   remark.", type="unclassified", type_source="none"),
    ],
)


def test_grounded_findings_are_kept_and_coverage_is_exact() -> None:
    engine = ScriptedEngine(
        safety_findings=[Finding(claim="No AEs.", statement_ids=["S1"], quotes=[quote_of("S1", "No adverse events")])],
        outcomes=[
            Outcome(
                claim="Mortality fell.",
                statement_ids=["S2"],
                quotes=[quote_of("S2", "Mortality decreased")],
                outcome="mortality",
                direction="improved",
                change="decreased",
            )
        ],
    )
    brief = summarize(SOURCE, engine=engine)
    assert contract_violations(brief) == []
    assert brief.safety.assessment == "no_concerns_reported"
    assert brief.coverage.statements_cited == 2
    assert brief.coverage.uncited_ids == ["S3"]
    assert brief.statements[2].text == "An unrelated remark."
    assert (brief.statements[2].type, brief.statements[2].type_source) == ("mentioning", "extractive")
    assert brief.statements[1].type_source == "source"
    assert brief.provenance.warnings == []


def test_unknown_ids_and_paraphrased_quotes_are_dropped_and_verdicts_fall_back() -> None:
    engine = ScriptedEngine(
        safety_findings=[
            Finding(claim="Invented.", statement_ids=["S9"], quotes=[quote_of("S9", "No adverse events")]),
            Finding(claim="Paraphrase.", statement_ids=["S1"], quotes=[quote_of("S1", "there were no AEs")]),
        ],
        outcomes=[
            Outcome(
                claim="Paraphrase.",
                statement_ids=["S2"],
                quotes=[quote_of("S2", "deaths went down")],
                outcome="mortality",
                direction="improved",
            )
        ],
        contrasting=[Finding(claim="Invented.", statement_ids=["S7"], quotes=[])],
    )
    brief = summarize(SOURCE, engine=engine)
    assert contract_violations(brief) == []
    assert brief.safety.findings == [] and brief.efficacy.outcomes == [] and brief.contrasting == []
    assert brief.safety.assessment == "insufficient_evidence"
    assert brief.efficacy.assessment == "insufficient_evidence"
    warnings = "\n".join(brief.provenance.warnings)
    assert "fell back to insufficient_evidence" in warnings
    assert "unknown statement ids ['S9']" in warnings
    assert "not a verbatim substring" in warnings


def test_quote_with_other_whitespace_is_repaired_and_unknown_ids_trimmed() -> None:
    finding = Finding(claim="No AEs.", statement_ids=["S1", "S42"], quotes=[quote_of("S1", "No  adverse\nevents were")])
    brief = summarize(SOURCE, engine=ScriptedEngine(safety_findings=[finding]))
    [kept] = brief.safety.findings
    assert kept.statement_ids == ["S1"]
    assert kept.quotes[0].text == "No adverse events were"
    assert any("repaired whitespace" in w for w in brief.provenance.warnings)


def test_contract_violations_catches_tampering() -> None:
    finding = Finding(claim="No AEs.", statement_ids=["S1"], quotes=[quote_of("S1", "No adverse events")])
    brief = summarize(SOURCE, engine=ScriptedEngine(safety_findings=[finding]))
    tampered = brief.model_copy(deep=True)
    tampered.tally.statements = 99
    tampered.safety.findings[0].quotes[0].text = "no AEs at all"
    problems = contract_violations(tampered)
    assert any(p.startswith("tally") for p in problems)
    assert any("not a verbatim substring" in p for p in problems)


def test_normalise_returns_statements_already_normal_as_they_are() -> None:
    once = normalise([_statement("  Safe \n and well tolerated.  "), _statement("Second one.", section="Results")])
    twice = normalise(once)
    assert [a is b for a, b in zip(once, twice, strict=True)] == [True, True]
    assert twice[1].section == "Results" and twice[1].id == "S2"


def test_an_owned_source_is_annotated_in_place_and_the_brief_is_the_same() -> None:
    statements = normalise(
        [_statement("MSC infusion was safe and well tolerated."), _statement("Mortality fell with MSC.")]
    )
    copied = summarize(Source(format="test", statements=statements))
    assert all(s.annotation is None for s in statements)  # not owned: the caller's statements are left alone
    owned = summarize(Source(format="test", statements=statements), owned=True)
    assert [s is t for s, t in zip(owned.statements, statements, strict=True)] == [True, True]
    assert owned.model_dump(exclude={"provenance"}) == copied.model_dump(exclude={"provenance"})


def test_normalise_never_empties_a_text_the_contract_accepts() -> None:
    # "\x1c" is whitespace to str.split() but not to the contract's pattern (Unicode White_Space), found by the
    # service's schemathesis test
    statement = Statement(id="S1", text="\x1c")
    assert normalise([statement])[0].text == "\x1c"


def test_no_intervention_means_both_verdicts_are_insufficient_whatever_the_engine_says() -> None:
    finding = Finding(claim="No AEs.", statement_ids=["S1"], quotes=[quote_of("S1", "No adverse events")])
    outcome = Outcome(
        claim="Mortality fell.",
        statement_ids=["S2"],
        quotes=[quote_of("S2", "Mortality decreased")],
        outcome="mortality",
        direction="improved",
    )
    brief = summarize(SOURCE, engine=ScriptedEngine(safety_findings=[finding], outcomes=[outcome], intervention=None))
    assert brief.target.intervention is None
    assert brief.safety.assessment == brief.efficacy.assessment == "insufficient_evidence"
    for section in (brief.safety, brief.efficacy):
        assert "does not appear to study an intervention" in section.summary
        assert section.summary.count(".") == 1  # one plain sentence
    assert brief.safety.findings and brief.efficacy.outcomes  # the grounded evidence stays, the verdict does not
    warnings = "\n".join(brief.provenance.warnings)
    assert "'no_concerns_reported' withheld" in warnings and "'benefit_reported' withheld" in warnings
    assert contract_violations(brief) == []
    with_verdict = brief.model_copy(deep=True)
    with_verdict.efficacy.assessment = "benefit_reported"
    assert "efficacy: a verdict without an intervention (target.intervention is null)" in contract_violations(
        with_verdict
    )


def test_an_intervention_keeps_the_verdicts_and_its_unknown_ids_are_dropped() -> None:
    finding = Finding(claim="No AEs.", statement_ids=["S1"], quotes=[quote_of("S1", "No adverse events")])
    engine = ScriptedEngine(
        safety_findings=[finding], intervention=Intervention(name="MSC infusion", statement_ids=["S1", "S77"])
    )
    brief = summarize(SOURCE, engine=engine)
    assert brief.safety.assessment == "no_concerns_reported"
    assert brief.target.intervention == Intervention(name="MSC infusion", statement_ids=["S1"])
    assert any("S77" in w for w in brief.provenance.warnings)


def _statements() -> list[Statement]:
    return [
        _statement("  Safe \n and well tolerated [1,2].  "),  # spaced anew, renumbered below, and marked
        _statement("Safe \n and well tolerated [1,2].", citing=Citing(doi="10.1/x")),
        _statement("Mortality fell [3-7].", id="S3"),  # numbered and spaced already: marked only
        _statement("Mortality fell [3-7].", id="S3"),  # merged into the one before
        _statement("No citation here.", id="S4"),
    ]


def test_normalising_in_place_gives_what_copies_give_in_the_given_objects() -> None:
    copied = normalise(_statements())
    given = _statements()
    owned = normalise(given, in_place=True)
    assert [s.model_dump() for s in owned] == [s.model_dump() for s in copied]
    assert [s.model_fields_set for s in owned] == [s.model_fields_set for s in copied]
    assert [s.id for s in owned] == ["S1", "S2", "S3", "S4"] and owned[2].occurrences == 2
    assert [s is t for s, t in zip(owned, (given[0], given[1], given[2], given[4]), strict=True)] == [True] * 4
    assert [s.id for s in normalise(_statements())] == ["S1", "S2", "S3", "S4"]  # the copies left the given alone


@pytest.mark.parametrize(
    ("text", "spaced_once"),
    [
        ("a b", True),
        ("", True),
        ("a\u200bb", False),  # no space, but unprintable: split and joined, and kept
        ("a  b", False),
        (" a", False),
        ("a ", False),
        ("a\tb", False),
        ("a\nb", False),
        ("a\u00a0b", False),
        ("a\u2028b", False),
        ("a\x1cb", False),
        ("a\u3000b", False),
    ],
)
def test_a_text_told_spaced_once_is_what_splitting_and_joining_gives(text: str, spaced_once: bool) -> None:
    assert _spaced_once(text) == spaced_once
    assert not spaced_once or " ".join(text.split()) == text
    if text:
        [statement] = normalise([Statement.model_construct(id="S1", text=text)])
        assert statement.text == " ".join(text.split())
