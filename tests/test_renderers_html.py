"""The HTML brief: self-contained, escaped, linked, with charts laid out by a tested helper."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from summarizer.models import Annotation, Brief, Citing, Statement
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.renderers import render
from summarizer.renderers.charts import bar_chart
from summarizer.renderers.html import Segment, doi_url, highlight_segments, render_html
from summarizer.tally import compute_coverage, compute_tally

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "render"
EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


@pytest.fixture
def brief() -> Brief:
    return Brief.model_validate_json((FIXTURES / "example-brief.json").read_text(encoding="utf-8"))


class _Collector(HTMLParser):
    """Collects tags, attributes, ids and the text inside script/style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        self._in = tag if tag in self.raw else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def _with_statement(brief: Brief, text: str, **fields: object) -> Brief:
    statement = Statement(
        id=f"S{len(brief.statements) + 1}",
        text=text,
        annotation=Annotation(topics=["safety"], annotated_by="hand-written fixture"),
        **fields,  # type: ignore[arg-type]
    )
    statements = [*brief.statements, statement]
    return brief.model_copy(
        update={
            "statements": statements,
            "tally": compute_tally(statements),
            "coverage": compute_coverage(statements, brief.safety, brief.efficacy, brief.contrasting),
        }
    )


def test_page_is_self_contained(brief: Brief) -> None:
    html = render_html(brief)
    page = _parse(html)
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "base", "form"), tag
        for name in ("src", "srcset", "action", "formaction", "poster", "data"):
            assert name not in attrs, (tag, name)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or href.startswith("https://doi.org/"), href
    assert "@import" not in html and "url(" not in html


def test_content_security_policy_forbids_network_and_allows_only_the_own_script_and_style(brief: Brief) -> None:
    page = _parse(render_html(brief))
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert directives["script-src"] == sha("".join(page.raw["script"]))
    assert directives["style-src"] == sha("".join(page.raw["style"]))
    assert "unsafe" not in csp


def test_verdicts_certainty_and_reasons_come_first(brief: Brief) -> None:
    html = render_html(brief)
    first_statement = html.index('id="S1"')
    assert html.index("No safety concerns reported") < first_statement
    assert html.index("Benefit reported") < first_statement
    assert html.count("Certainty: Very low") == 2
    for reason in brief.safety.certainty.reasons + brief.efficacy.certainty.reasons:
        assert reason in html


def test_the_study_design_is_in_the_header_before_the_verdicts(brief: Brief) -> None:
    html = render_html(brief)
    line = (
        '<p class="meta" id="design">Study design (from the target&#39;s title and abstract): '
        "<strong>non-randomised trial</strong></p>"
    )
    assert html.index("Intervention:") < html.index(line) < html.index("</header>") < html.index("Certainty: Very low")


def test_every_finding_has_an_anchor_and_links_to_its_statements(brief: Brief) -> None:
    html = render_html(brief)
    page = _parse(html)
    assert {"safety-1", "safety-2", "efficacy-1", "S1", "S2", "S3", "S4"} <= page.ids
    hrefs = {a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#")}  # type: ignore[union-attr]
    assert {"#S1", "#S2", "#safety-1", "#safety-2", "#efficacy-1"} <= hrefs
    for href in hrefs:
        assert href[1:] in page.ids, f"dangling link {href}"


def test_quotes_are_marked_inside_their_statements(brief: Brief) -> None:
    html = render_html(brief)
    row = html[html.index('<tr id="S2"') : html.index('<tr id="S3"')]
    assert '<mark title="quoted by safety-2">intravenous MSC infusion in patients with COVID-19 is safe' in row
    assert '<mark title="quoted by efficacy-1">decreases in ammatory cytokines and mortality</mark>' in row


def test_hostile_text_is_escaped_everywhere(brief: Brief) -> None:
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> & \"quoted\" 'single'"
    brief = _with_statement(
        brief,
        hostile,
        section="<b>Results</b>",
        citing=Citing(title="<script>alert(2)</script>", doi='10.1/"><script>alert(3)</script>', year=2021),
    )
    brief = brief.model_copy(update={"target": brief.target.model_copy(update={"title": "<img src=y onerror=x>"})})
    html = render_html(brief)
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;" in html
    assert "&lt;b&gt;Results&lt;/b&gt;" in html
    page = _parse(html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    doi_links = [a["href"] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("https://doi.org/")]
    assert doi_links[-1] == "https://doi.org/10.1/%22%3E%3Cscript%3Ealert(3)%3C/script%3E"


def test_marks_are_applied_after_escaping() -> None:
    text = 'a <b>bold</b> & "x" claim'
    segments = highlight_segments(text, [("safety-1", "<b>bold</b> &")])
    assert segments == [Segment("a "), Segment("<b>bold</b> &", ("safety-1",)), Segment(' "x" claim')]
    assert "".join(s.text for s in segments) == text


def test_overlapping_quotes_merge_their_finding_ids() -> None:
    segments = highlight_segments("one two three four", [("safety-1", "one two three"), ("efficacy-1", "three four")])
    assert segments == [
        Segment("one two ", ("safety-1",)),
        Segment("three", ("safety-1", "efficacy-1")),
        Segment(" four", ("efficacy-1",)),
    ]


@given(st.text(max_size=60), st.lists(st.tuples(st.sampled_from(["safety-1", "efficacy-1"]), st.text(max_size=8))))
@example("aa", [("safety-1", ""), ("efficacy-1", "a")])
def test_highlight_segments_keep_the_text_whole(text: str, quotes: list[tuple[str, str]]) -> None:
    segments = highlight_segments(text, quotes)
    assert "".join(s.text for s in segments) == text
    covered: dict[str, set[int]] = {}  # where each finding's quotes stand in the text
    for fid, quoted in quotes:
        for start in range(len(text)):
            if quoted and text.startswith(quoted, start):
                covered.setdefault(fid, set()).update(range(start, start + len(quoted)))
    offset = 0
    for seg in segments:  # a segment may join adjacent occurrences ("aa" for two quotes "a"), never go beyond them
        for fid in seg.finding_ids:
            assert set(range(offset, offset + len(seg.text))) <= covered[fid]
        offset += len(seg.text)


def test_bar_chart_scales_to_the_largest_value() -> None:
    chart = bar_chart([("a", [4, 14]), ("b", [0, None])], ["present", "reported"], width=500, label_width=100)
    plot = 500 - 100 - 36
    a_present, a_reported = chart.rows[0].bars
    b_present, b_reported = chart.rows[1].bars
    assert a_reported.width == pytest.approx(plot)
    assert a_present.width == pytest.approx(plot * 4 / 14, abs=0.01)
    assert b_present.width == 0 and b_reported.value is None
    assert all(bar.x == 100 for row in chart.rows for bar in row.bars)
    assert chart.rows[1].bars[0].y > chart.rows[0].bars[1].y
    assert chart.height > chart.rows[1].bars[1].y + chart.rows[1].bars[1].height
    assert [name for _, name in chart.legend] == ["present", "reported"]
    legend_bottom = chart.legend[-1][0] + 11
    assert legend_bottom < chart.rows[0].bars[0].y


def test_bar_chart_of_zeros_and_single_series() -> None:
    chart = bar_chart([("x", [0])], ["statements"])
    assert chart.rows[0].bars[0].width == 0
    assert chart.legend == []


def test_type_chart_sets_reported_tallies_beside_present_counts(brief: Brief) -> None:
    html = render_html(brief)
    chart = html[html.index('id="chart-types"') : html.index("</svg>", html.index('id="chart-types"'))]
    assert "in this brief: 4" in chart and "reported by the source: 13" in chart
    assert "reported by the source: 1<" in chart and "n/a" in chart


def test_year_chart_appears_only_with_known_years(brief: Brief) -> None:
    assert 'id="chart-years"' not in render_html(brief)
    assert "No citing year is known" in render_html(brief)
    dated = _with_statement(brief, "A later statement.", citing=Citing(year=2022))
    html = render_html(dated)
    assert 'id="chart-years"' in html and "statements: 1" in html


def test_doi_url_cannot_change_scheme_or_host() -> None:
    assert doi_url("10.1000/xyz") == "https://doi.org/10.1000/xyz"
    assert doi_url("javascript:alert(1)").startswith("https://doi.org/")
    assert doi_url("//evil.example/x").startswith("https://doi.org///")


def test_provenance_is_at_the_foot(brief: Brief) -> None:
    html = render_html(brief)
    assert html.index('id="provenance"') > html.index('id="statement-table"')
    assert brief.provenance.input_sha256 is not None and brief.provenance.input_sha256 in html


def test_filter_options_and_row_data_attributes(brief: Brief) -> None:
    page = _parse(render_html(brief))
    rows = {a["id"]: a for t, a in page.tags if t == "tr" and a.get("id")}
    assert rows["S2"]["data-topics"] == "safety efficacy"
    assert rows["S1"]["data-section"] == "Discussion" and rows["S1"]["data-type"] == "mentioning"
    options = {a.get("value") for t, a in page.tags if t == "option"}
    assert {"", "mentioning", "safety", "efficacy", "other", "Discussion", "Introduction", "Results"} <= options


def test_filter_script_never_writes_html() -> None:
    templates = Path(__file__).resolve().parent.parent / "summarizer" / "renderers" / "templates"
    script = (templates / "brief.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in script


def test_example_brief_renders_through_the_dispatch() -> None:
    brief = summarize(load_statements(EXAMPLE_PATH))
    html = render(brief, "html")
    assert html.startswith("<!DOCTYPE html>")
    assert len(re.findall(r'<tr id="S\d+"', html)) == 4
