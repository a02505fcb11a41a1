"""The Markdown brief: verdicts first, tallies, findings with quotes, and statement text kept inert."""

from __future__ import annotations

from pathlib import Path

from conftest import ScriptedEngine, quote_of

from summarizer.models import Finding, Source, Statement
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.renderers import md_text, render, render_markdown

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(2)) **bold** | cell"


def test_markdown_of_the_example_puts_verdicts_first(example_path: Path) -> None:
    text = render_markdown(summarize(load_statements(example_path)))
    lines = text.splitlines()
    assert lines[0].startswith("# Evidence brief: Safety and Feasibility of Umbilical Cord")
    safety_at = next(i for i, line in enumerate(lines) if line.startswith("**Safety:**"))
    assert safety_at < lines.index("## Tally") < lines.index("## Safety") < lines.index("## Efficacy")
    assert "**Safety:** No concerns reported" in text
    assert "**Efficacy:** Benefit reported" in text
    assert "| statements | 4 | 14 |" in text
    assert "| citing publications | — | 11 |" in text
    assert "| mentioning | 4 | 13 |" in text
    assert "**Certainty:**" in text and "- indirect:" in text
    assert "## Coverage" in text and "Made by summarizer" in text


def test_hostile_statement_text_is_escaped() -> None:
    source = Source(format="test", statements=[Statement(id="S1", text=HOSTILE)])
    finding = Finding(claim="Hostile <b>claim</b>", statement_ids=["S1"], quotes=[quote_of("S1", "<script>")])
    text = render(summarize(source, engine=ScriptedEngine(safety_findings=[finding])), "md")
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "[click\\](javascript:" in text
    assert "\\*\\*bold\\*\\*" in text and "\\| cell" in text


def test_md_text_leaves_plain_text_and_citation_brackets_alone() -> None:
    assert md_text("Mortality fell [12][13] (p = 0.03).") == "Mortality fell [12][13] (p = 0.03)."
