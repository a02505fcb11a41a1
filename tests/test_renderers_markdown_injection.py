"""Markdown injection through metadata: every field from the input stays text in the Markdown brief.

The brief is rendered with hostile text in every field a source or an engine can fill (titles, DOI, sections,
citing titles, event and outcome names, claims, quotes, summaries, reasons, warnings, model name), then parsed by
a CommonMark parser (markdown-it-py, GFM tables on): the document must have exactly the structure of the same brief
with plain text in those fields, no heading, link, link definition, image, code or HTML from the input, and every
hostile string must show, as text, in the rendered HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("markdown_it", reason="the Markdown parse check needs markdown-it-py (a dev dependency)")
from markdown_it import MarkdownIt  # noqa: E402
from markdown_it.token import Token  # noqa: E402

from summarizer.models import Brief, Source, Statement, Target  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.renderers import md_text, render_markdown  # noqa: E402

PHISH = "https://evil.example/phish"
HOSTILE = [
    f"Safe\n# Injected heading\n\n[x]: {PHISH}\n",
    f"\n[x]: {PHISH} \"title\"\n[details][x] and [x]",
    "<img src=x onerror=alert(1)> <script>alert(2)</script> <!-- c -->",
    f"[click]({PHISH}) ![img]({PHISH}/i.png) <{PHISH}> <a@evil.example>",
    "- injected item\n1. ordered\n2) other\n> quoted\n---\n***\n___",
    "\r\n## CR heading\r===\rsetext\r\n---",
    "\u2028# LS heading\u2029[y]: https://evil.example/y\x85# NEL heading\x0b# VT\x0c# FF",
    "    indented code\n```js\nfenced()\n```\n~~~\ntilde\n~~~",
    "**bold** __strong__ *em* _em_ ~~struck~~ `code` \\ trailing backslash\\",
    "| a | b |\n|---|---|\n| c | d |",
    "&lt;script&gt; &#60;b&#62; &amp;",
    "1986. A year, then a heading:\n\n# Heading after blank line",
    "+ plus item",
    "=== setext",
    "[x]: " + PHISH,
    "trailing spaces make a hard break  \nnext",
]


def _brief_with(text: str, index: int) -> dict[str, Any]:
    """A brief whose every input-derived field holds `text` (made different per field by an index)."""

    def field(n: int) -> str:
        return f"{text}\nf{index}.{n}"  # the marker on a line of its own, so that a line ends the text

    certainty = {"level": "low", "reasons": [field(1), field(2)]}
    statement_ids = ["S1", "S2"]
    return {
        "target": {"title": field(3), "doi": field(4), "year": 2020},
        "statements": [
            {
                "id": "S1",
                "text": field(5),
                "section": field(6),
                "citing": {"title": field(7), "doi": field(8), "journal": field(9)},
                "type": "supporting",
            },
            {"id": "S2", "text": field(10), "citing": {"doi": field(11)}, "type": "contrasting", "occurrences": 2},
        ],
        "tally": {
            "statements": 2,
            "duplicates_merged": 1,
            "citing_publications": 2,
            "by_type": {"supporting": 1, "contrasting": 1},
            "by_section": {field(12): 1, "Unknown": 1},
        },
        "safety": {
            "assessment": "concerns_reported",
            "summary": field(13),
            "findings": [{"claim": field(14), "statement_ids": statement_ids, "quotes": [quote("S1", field(5))]}],
            "adverse_events": [{"name": field(15), "statement_ids": ["S1"]}],
            "certainty": certainty,
        },
        "efficacy": {
            "assessment": "benefit_reported",
            "summary": field(16),
            "outcomes": [
                {
                    "outcome": field(17),
                    "direction": "improved",
                    "claim": field(18),
                    "statement_ids": ["S2"],
                    "quotes": [quote("S2", field(10))],
                }
            ],
            "certainty": certainty,
        },
        "contrasting": [{"claim": field(19), "statement_ids": ["S2"], "quotes": [quote("S2", field(10))]}],
        "coverage": {"statements_in": 2, "statements_cited": 2, "uncited_ids": []},
        "provenance": {
            "engine": "llm",
            "model": field(20),
            "created_at": "2026-01-01T00:00:00+00:00",
            "tool_version": "0",
            "warnings": [field(21), field(22)],
        },
    }


def quote(statement_id: str, text: str) -> dict[str, str]:
    return {"statement_id": statement_id, "text": text}


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _shape(tokens: list[Token]) -> Iterator[str]:
    """The document's structure: block tokens and inline tokens, with runs of plain text as one."""
    for token in tokens:
        yield f"{token.type}:{token.tag}"
        previous = None
        for child in token.children or ():
            kind = "text" if child.type in ("text", "text_special", "softbreak") else f"{child.type}:{child.tag}"
            if kind != previous or kind != "text":
                yield f"  {kind}"
            previous = kind


FORBIDDEN = {"link_open", "image", "html_block", "html_inline", "code_block", "fence", "code_inline", "hardbreak"}


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_metadata_keeps_the_document_structure(index: int) -> None:
    hostile = render_markdown(Brief.model_validate(_brief_with(HOSTILE[index], index)))
    plain = render_markdown(Brief.model_validate(_brief_with("plain text", index)))
    env: dict[str, Any] = {}
    tokens = _parser().parse(hostile, env)
    assert env.get("references", {}) == {}, "a link reference definition came from the input"
    everything = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t.type for t in everything if t.type in FORBIDDEN]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Tally", "Safety", "Efficacy", "Contrasting statements", "Coverage", "Statements"]
    assert list(_shape(tokens)) == list(_shape(_parser().parse(plain)))


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_metadata_shows_as_its_own_text(index: int) -> None:
    text = HOSTILE[index]
    shown = _parser().render(render_markdown(Brief.model_validate(_brief_with(text, index))))
    visible = html.unescape(shown)
    for n in (3, 5, 6, 7, 12, 13, 15, 17, 20, 21):  # title, text, section, citing title, ..., model, warning
        assert md_flat(f"{text}\nf{index}.{n}") in visible, n


def md_flat(text: str) -> str:
    """What a reader sees of a field: its line breaks are spaces, its blanks at either end gone."""
    flat = text
    for brk in ("\r\n", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"):
        flat = flat.replace(brk, " ")
    return flat.strip()


def test_a_hostile_source_through_the_extractive_engine_stays_text() -> None:
    """End to end: hostile metadata in a source (as a reader hands it over), read by the real engine."""
    source = Source(
        format="test",
        target=Target(title=HOSTILE[0], doi=HOSTILE[3]),
        statements=[
            Statement(
                id=f"S{i}",
                text=f"Treatment with the drug caused severe nausea in {i} patients. {hostile}",
                section=hostile,
                citing={"title": hostile, "doi": f"10.1/{i}"},  # type: ignore[arg-type]
            )
            for i, hostile in enumerate(HOSTILE, start=1)
        ],
        warnings=[HOSTILE[1]],
    )
    markdown = render_markdown(summarize(source))
    env: dict[str, Any] = {}
    tokens = _parser().parse(markdown, env)
    assert env.get("references", {}) == {}
    everything = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t.type for t in everything if t.type in FORBIDDEN]
    assert sum(t.type == "heading_open" for t in tokens) == 7
    assert "Injected heading" in markdown and PHISH in markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a\nb\r\nc\rd\u2028e", "a b c d e"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("[x]: https://e.example", "\\[x]: https://e.example"),
        ("  # heading  ", "\\# heading"),
        ("a ~~b~~", "a \\~\\~b\\~\\~"),
    ],
)
def test_md_text_escapes_block_openers_and_line_breaks(text: str, escaped: str) -> None:
    assert md_text(text) == escaped
