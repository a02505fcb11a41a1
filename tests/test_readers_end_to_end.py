"""From a scite export to every output format: retracted citers, editorial notices and self-citations are flagged
on their statements and counted in the brief, and a finding that rests only on retracted citers says so."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from summarizer import contract_violations, summarize
from summarizer.cli import main
from summarizer.engines import EngineResult
from summarizer.models import Annotation, Certainty, Citing, Efficacy, Finding, Quote, Safety, Statement, Target
from summarizer.pipeline import assemble_brief
from summarizer.readers import load_statements
from summarizer.renderers import render
from summarizer.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "scite-citations-with-snippets.json"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    brief = summarize(load_statements(FIXTURE))
    assert contract_violations(brief) == []
    return {name: render(brief, name) for name in ("json", "md", "html", "csv")}


def test_json_flags_the_statements_and_counts_them(outputs: dict[str, str]) -> None:
    brief = json.loads(outputs["json"])
    citing = [s["citing"] for s in brief["statements"]]
    assert [c["retracted"] for c in citing] == [True, False, True]
    assert [c["editorial_notices"] for c in citing] == [["Retracted"], ["Has expression of concern"], ["Retracted"]]
    assert [s["self_cite"] for s in brief["statements"]] == [False, True, False]
    assert brief["tally"]["citing_flags"] == {"retracted": 2, "editorial_notice": 3, "self_cite": 1}


def test_json_names_the_findings_that_rest_only_on_retracted_citers(outputs: dict[str, str]) -> None:
    brief = json.loads(outputs["json"])
    for pointer in brief["findings_on_retracted_citers"]:
        _, section, *rest = pointer.split("/")
        finding = brief[section][rest[0]][int(rest[1])] if len(rest) == 2 else brief[section][int(rest[0])]
        assert all(brief["statements"][int(sid[1:]) - 1]["citing"]["retracted"] for sid in finding["statement_ids"])
        assert f"the finding at {pointer} rests only on statements from retracted citing papers" in (
            brief["provenance"]["warnings"]
        )


def test_markdown_shows_the_flags(outputs: dict[str, str]) -> None:
    md = outputs["md"]
    assert "| from retracted citing papers | 2 | — |" in md
    assert "| from citing papers with an editorial notice | 3 | — |" in md
    assert "| self-citations | 1 | — |" in md
    assert "citing paper RETRACTED" in md
    assert "editorial notice: Has expression of concern" in md
    assert "self-citation" in md


def test_html_shows_the_flags(outputs: dict[str, str]) -> None:
    html = outputs["html"]
    assert "2 statements come from retracted citing papers." in html
    assert '<span class="flag">Citing paper retracted</span>' in html
    assert '<span class="flag">Editorial notice: Has expression of concern</span>' in html
    assert '<span class="citing">Self-citation</span>' in html


def test_csv_has_the_flag_columns(outputs: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert [(r["citing_retracted"], r["citing_editorial_notices"], r["self_cite"]) for r in rows] == [
        ("true", "Retracted", "false"),
        ("false", "Has expression of concern", "true"),
        ("true", "Retracted", "false"),
    ]


def _statement(sid: str, retracted: bool | None) -> Statement:
    return Statement(id=sid, text=f"Statement {sid} says the infusion was safe.", citing=Citing(retracted=retracted))


def test_a_finding_on_retracted_citers_only_is_named_in_every_format() -> None:
    statements = [_statement("S1", True), _statement("S2", False), _statement("S3", True)]
    certainty = Certainty(level="low", reasons=["indirect"])
    quote = "was safe"  # two words: one word grounds nothing (grounding.MIN_QUOTE_WORDS)
    on_retracted = Finding(claim="Safe.", statement_ids=["S1", "S3"], quotes=[Quote(statement_id="S1", text=quote)])
    mixed = Finding(claim="Also safe.", statement_ids=["S1", "S2"], quotes=[Quote(statement_id="S2", text=quote)])
    result = EngineResult(
        annotations=[Annotation(annotated_by="test", topics=["safety"]) for _ in statements],
        safety=Safety(
            assessment="no_concerns_reported", summary="Safe.", findings=[mixed, on_retracted], certainty=certainty
        ),
        efficacy=Efficacy(assessment="insufficient_evidence", summary="None.", certainty=certainty),
    )
    brief = assemble_brief(Target(), statements, result, "test", Settings(), None)
    assert brief.findings_on_retracted_citers == ["/safety/findings/1"]
    assert contract_violations(brief) == []
    markdown = render(brief, "md")
    assert "- Also safe. (S1, S2)\n" in markdown
    assert "- Safe. (S1, S3) **⚠ rests only on statements from retracted citing papers**" in markdown
    assert "Rests only on statements from retracted citing papers." in render(brief, "html")
    tampered = brief.model_copy(update={"findings_on_retracted_citers": []})
    assert "findings_on_retracted_citers: not what the findings and their citing papers give" in (
        contract_violations(tampered)
    )


def test_the_cli_brief_of_the_fixture_in_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(FIXTURE), "--format", "csv", "--quiet"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.endswith("finding_ids,citing_retracted,citing_editorial_notices,self_cite,cites_several,cited_works")
