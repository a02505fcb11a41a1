"""The per-statement CSV: one row per statement, stable finding ids, no formula injection."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from summarizer.models import Annotation, Brief, Citing, Statement
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.renderers import render
from summarizer.renderers.csv import CSV_COLUMNS, defuse_formula, render_csv
from summarizer.renderers.finding_ids import finding_ids_by_statement, labelled_findings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "render"
EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


@pytest.fixture
def brief() -> Brief:
    return Brief.model_validate_json((FIXTURES / "example-brief.json").read_text(encoding="utf-8"))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_example_csv_has_one_row_per_statement() -> None:
    brief = summarize(load_statements(EXAMPLE_PATH))
    text = render(brief, "csv")
    rows = _rows(text)
    assert len(rows) == 4
    assert [r["id"] for r in rows] == ["S1", "S2", "S3", "S4"]
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["text"] for r in rows] == [s.text for s in brief.statements]


def test_row_fields(brief: Brief) -> None:
    rows = {r["id"]: r for r in _rows(render_csv(brief))}
    s1, s2 = rows["S1"], rows["S2"]
    assert s1["section"] == "Discussion" and s1["type"] == "mentioning" and s1["type_source"] == "source"
    assert s1["confidence"] == "0.87" and s1["occurrences"] == "2"
    assert s1["topics"] == "safety" and s1["polarity"] == "favourable"
    assert s1["finding_ids"] == "safety-1"
    assert s2["topics"] == "safety;efficacy" and s2["finding_ids"] == "safety-2;efficacy-1"
    assert rows["S3"]["finding_ids"] == "" and rows["S3"]["citing_year"] == "" and rows["S3"]["citing_doi"] == ""


def test_finding_ids_are_stable_and_match_the_html_anchors(brief: Brief) -> None:
    assert [fid for fid, _ in labelled_findings(brief)] == ["safety-1", "safety-2", "efficacy-1"]
    assert finding_ids_by_statement(brief) == {"S1": ["safety-1"], "S2": ["safety-2", "efficacy-1"], "S3": [], "S4": []}


def test_citing_fields_and_multiline_text_round_trip(brief: Brief) -> None:
    statement = Statement(
        id="S5",
        text='He said "fine", then, a comma',
        citing=Citing(doi="10.1/abc", title="A, title", year=2021),
        annotation=Annotation(annotated_by="hand-written fixture"),
    )
    brief = brief.model_copy(update={"statements": [*brief.statements, statement]})
    row = _rows(render_csv(brief))[-1]
    assert row["text"] == 'He said "fine", then, a comma'
    assert (row["citing_doi"], row["citing_title"], row["citing_year"]) == ("10.1/abc", "A, title", "2021")
    assert row["topics"] == "" and row["polarity"] == "unclear"


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_injection_is_defused(brief: Brief, text: str) -> None:
    statement = Statement(id="S5", text=text, section=text, citing=Citing(title=text))
    brief = brief.model_copy(update={"statements": [*brief.statements, statement]})
    row = _rows(render_csv(brief))[-1]
    for column in ("text", "section", "citing_title"):
        assert row[column] == "'" + text
        assert row[column][0] == "'"


def test_harmless_text_is_left_alone() -> None:
    assert defuse_formula("Safety was shown") == "Safety was shown"
    assert defuse_formula("a=b") == "a=b"
    assert defuse_formula("") == ""
