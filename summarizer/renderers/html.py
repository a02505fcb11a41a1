"""The brief as one self-contained HTML page: verdicts, inline SVG charts, findings, statements, provenance.

The page makes no network request: styles and the filter script are inline and allowed by SHA-256 hashes in a
Content-Security-Policy whose default is 'none'. Statement text is untrusted and only ever reaches the page
through Jinja2 autoescaping; quote highlights are built by splitting the raw text into segments first, so each
segment is escaped on its own and the ``<mark>`` tags come from the template, never from the data.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import quote as url_quote

from markupsafe import Markup

from summarizer.design import SHOWN_IDS, design_label, design_line
from summarizer.models import STATEMENT_TYPES, Brief, Statement
from summarizer.renderers.charts import BarChart, bar_chart
from summarizer.renderers.finding_ids import (
    finding_ids_by_statement,
    findings_on_retracted_citers,
    labelled_findings,
)
from summarizer.renderers.spec import RendererSpec

if TYPE_CHECKING:
    from jinja2 import Environment

SAFETY_VERDICTS: dict[str, tuple[str, str]] = {
    "no_concerns_reported": ("No safety concerns reported", "good"),
    "concerns_reported": ("Safety concerns reported", "bad"),
    "mixed": ("Mixed reports on safety", "mixed"),
    "insufficient_evidence": ("Insufficient evidence on safety", "none"),
}
EFFICACY_VERDICTS: dict[str, tuple[str, str]] = {
    "benefit_reported": ("Benefit reported", "good"),
    "no_benefit_reported": ("No benefit reported", "mixed"),
    "harm_reported": ("Harm reported", "bad"),
    "mixed": ("Mixed reports on efficacy", "mixed"),
    "insufficient_evidence": ("Insufficient evidence on efficacy", "none"),
}
CERTAINTY_LABELS: dict[str, tuple[str, str]] = {
    "high": ("High", "⊕⊕⊕⊕"),
    "moderate": ("Moderate", "⊕⊕⊕○"),
    "low": ("Low", "⊕⊕○○"),
    "very_low": ("Very low", "⊕○○○"),
}


@dataclass(frozen=True)
class Segment:
    """A run of statement text, marked when quotes of findings cover it."""

    text: str
    finding_ids: tuple[str, ...] = ()


def highlight_segments(text: str, quotes: Sequence[tuple[str, str]]) -> list[Segment]:
    """Split text into runs, each marked with the findings (finding id, quote) whose quotes cover it."""
    spans: list[tuple[int, int, str]] = []
    for finding_id, quoted in quotes:
        if not quoted:
            continue
        start = text.find(quoted)
        while start != -1:
            spans.append((start, start + len(quoted), finding_id))
            start = text.find(quoted, start + len(quoted))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        ids = tuple(dict.fromkeys(fid for s, e, fid in spans if s <= begin and end <= e))
        if segments and segments[-1].finding_ids == ids:
            segments[-1] = Segment(segments[-1].text + text[begin:end], ids)
        else:
            segments.append(Segment(text[begin:end], ids))
    return segments


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _asset(name: str) -> str:
    return resources.files("summarizer.renderers").joinpath("templates", name).read_text(encoding="utf-8")


def doi_url(doi: str) -> str:
    """The https://doi.org/ address of a DOI, percent-encoded so that it cannot change the scheme or host."""
    return "https://doi.org/" + url_quote(doi.strip(), safe="/:;()._-")


def _environment() -> Environment:
    # jinja2 loads with the first HTML page, not with every command that lists the formats
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("summarizer.renderers", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["doi_url"] = doi_url
    return env


def _type_chart(brief: Brief) -> BarChart:
    reported = brief.target.reported_tallies.model_dump()
    present = brief.tally.by_type.model_dump()
    rows = [(name, [present[name], reported.get(name)]) for name in STATEMENT_TYPES]
    return bar_chart(rows, ["in this brief", "reported by the source"])


def _year_chart(statements: Sequence[Statement]) -> BarChart | None:
    years = Counter(s.citing.year for s in statements if s.citing.year is not None)
    if not years:
        return None
    return bar_chart([(str(year), [years[year]]) for year in sorted(years)], ["statements"])


def _ids(findings: Sequence[tuple[str, object]], prefix: str) -> list[str]:
    return [fid for fid, _ in findings if fid.startswith(prefix)]


def render_html(brief: Brief) -> str:
    """Render the brief as one self-contained HTML page that opens offline."""
    script = _asset("brief.js")
    style = _asset("brief.css")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(script)}",
            f"style-src {_csp_hash(style)}",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    findings = labelled_findings(brief)
    quotes_by_statement: dict[str, list[tuple[str, str]]] = {}
    for finding_id, finding in findings:
        for q in finding.quotes:
            quotes_by_statement.setdefault(q.statement_id, []).append((finding_id, q.text))
    segments = {s.id: highlight_segments(s.text, quotes_by_statement.get(s.id, [])) for s in brief.statements}
    topics = sorted({t for s in brief.statements if s.annotation for t in s.annotation.topics})
    sections = list(dict.fromkeys(s.section or "unknown" for s in brief.statements))
    types = [t for t in STATEMENT_TYPES if any(s.type == t for s in brief.statements)]
    template = _environment().get_template("brief.html.j2")
    return template.render(
        brief=brief,
        shown_ids=SHOWN_IDS,
        design_line=design_line(brief.target.design, brief.target.design_statement_ids)[0],
        design_text=design_label(brief.target.design) if brief.target.design else design_line(None, [])[1],
        csp=csp,
        script=Markup(script),
        style=Markup(style),
        safety_verdict=SAFETY_VERDICTS[brief.safety.assessment],
        efficacy_verdict=EFFICACY_VERDICTS[brief.efficacy.assessment],
        certainty_labels=CERTAINTY_LABELS,
        findings=findings,
        safety_findings=[(fid, f) for fid, f in findings if fid.startswith("safety-")],
        efficacy_outcomes=[
            (fid, o) for fid, o in zip(_ids(findings, "efficacy-"), brief.efficacy.outcomes, strict=True)
        ],
        contrasting_findings=[(fid, f) for fid, f in findings if fid.startswith("contrasting-")],
        cited_by=finding_ids_by_statement(brief),
        retracted_findings=findings_on_retracted_citers(brief),
        statements_by_id={s.id: s for s in brief.statements},
        segments=segments,
        type_chart=_type_chart(brief),
        section_chart=bar_chart([(k, [v]) for k, v in brief.tally.by_section.items()], ["statements"]),
        year_chart=_year_chart(brief.statements),
        filter_types=types,
        filter_topics=topics,
        filter_sections=sections,
    )


HTML_RENDERER = RendererSpec(
    name="html",
    media_type="text/html; charset=utf-8",
    suffixes=("html", "htm"),
    summary="one self-contained page with charts and a statement filter that opens offline",
    render=render_html,
)
