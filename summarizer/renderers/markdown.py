"""The brief as Markdown, for people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.design import design_line
from summarizer.models import Brief, Certainty, CitingFlags, Finding, Statement
from summarizer.renderers.spec import RendererSpec

_MD_SPECIAL = re.compile(r"([\\`*_|<>&#~]|\](?=\())")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# every line break a Markdown renderer or a text viewer may honour; a field from the input must stay on its line
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# what opens a block at the start of a line or of a list item: a list item, a thematic break or setext underline,
# a link reference definition, an ordered list item ("12." or "12)"); the other block openers are escaped anywhere
_BLOCK_START = re.compile(r"^(?:([-+=\[])|(\d{1,9})([.)]))")

SAFETY_LABELS = {
    "no_concerns_reported": "No concerns reported",
    "concerns_reported": "Concerns reported",
    "mixed": "Mixed",
    "insufficient_evidence": "Insufficient evidence",
}
EFFICACY_LABELS = {
    "benefit_reported": "Benefit reported",
    "no_benefit_reported": "No benefit reported",
    "harm_reported": "Harm reported",
    "mixed": "Mixed",
    "insufficient_evidence": "Insufficient evidence",
}


def md_text(text: str) -> str:
    """Escape untrusted text for Markdown so that it shows as text, never as markup or HTML, wherever it is put.

    Line breaks become spaces (a field never starts a new block), leading and trailing blanks go (they would make
    an indented code block or a hard line break), the characters that make inline markup are backslash-escaped or
    written as entities, and a leading character that would open a block (``-``, ``+``, ``=``, ``[``, ``1.``) is
    escaped too, since a field may start a paragraph or a list item. ``[12]`` stays as it is: without a link
    definition, which needs a line of its own, it is no link.
    """
    flat = _LINE_BREAKS.sub(" ", text).strip()
    escaped = _MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m.group(1), "\\" + m.group(1)), flat)
    return _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped)


def _ids(ids: Iterable[str]) -> str:
    return md_text(", ".join(ids))


def _certainty_lines(certainty: Certainty) -> list[str]:
    lines = [f"**Certainty:** {certainty.level.replace('_', ' ')}", ""]
    lines += [f"- {md_text(reason)}" for reason in certainty.reasons]
    return lines


RETRACTED_ONLY_NOTE = "⚠ rests only on statements from retracted citing papers"
GROUP_CITATIONS_NOTE = "rests only on statements that cite several works"


def _cited_works_note(statement: Statement) -> str | None:
    """The mark of a statement that cites the target among several works: "cites 7 works"."""
    if not statement.cites_several:
        return None
    return f"cites {statement.cited_works} works" if statement.cited_works else "cites several works"


def _finding_lines(
    finding: Finding, statements: dict[str, Statement], heading: str, retracted_only: bool = False
) -> list[str]:
    note = f" **{RETRACTED_ONLY_NOTE}**" if retracted_only else ""
    if finding.rests_on_group_citations:
        note += f" *({GROUP_CITATIONS_NOTE})*"
    lines = [f"- {heading}{md_text(finding.claim)} ({_ids(finding.statement_ids)}){note}"]
    for quote in finding.quotes:
        section = statements[quote.statement_id].section if quote.statement_id in statements else None
        where = _ids([quote.statement_id, section] if section else [quote.statement_id])
        lines.append(f"  > “{md_text(quote.text)}” ({where})")
    return lines


def _flag_rows(flags: CitingFlags) -> list[list[object]]:
    rows: list[list[object]] = [
        ["from retracted citing papers", flags.retracted, "—"],
        ["from citing papers with an editorial notice", flags.editorial_notice, "—"],
        ["self-citations", flags.self_cite, "—"],
    ]
    return [row for row in rows if row[1]]


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(md_text(str(cell)) for cell in row) + " |" for row in rows]
    return lines


def _citing_flags(statement: Statement) -> list[str]:
    """What a reader of the statement should know about its citing paper."""
    flags = ["citing paper RETRACTED"] if statement.citing.retracted else []
    flags += [f"editorial notice: {notice}" for notice in statement.citing.editorial_notices if notice != "Retracted"]
    return flags + (["self-citation"] if statement.self_cite else [])


def render_markdown(brief: Brief) -> str:
    """The brief for people: verdicts, tallies, findings with quotes, certainty, coverage, provenance."""
    by_id = {s.id: s for s in brief.statements}
    on_retracted = set(brief.findings_on_retracted_citers)
    target = brief.target
    title = md_text(target.title) if target.title else "Untitled target"
    lines = [f"# Evidence brief: {title}", ""]
    identity = [f"DOI {md_text(target.doi)}" if target.doi else "", str(target.year or "")]
    if any(identity):
        lines += [" · ".join(x for x in identity if x), ""]
    intervention = target.intervention
    studied = md_text(intervention.name) if intervention else "none found (the verdicts judge an intervention)"
    lines += [f"**Intervention:** {studied}", ""]
    design_label, design_text = design_line(target.design, target.design_statement_ids)
    lines += [f"**{md_text(design_label)}:** {md_text(design_text)}", ""]
    lines += [
        f"**Safety:** {SAFETY_LABELS[brief.safety.assessment]} · "
        f"certainty {brief.safety.certainty.level.replace('_', ' ')}",
        "",
        f"**Efficacy:** {EFFICACY_LABELS[brief.efficacy.assessment]} · "
        f"certainty {brief.efficacy.certainty.level.replace('_', ' ')}",
        "",
        "## Tally",
        "",
    ]
    reported = target.reported_tallies
    tally = brief.tally

    def shown(value: int | None) -> str:
        return "—" if value is None else str(value)

    lines += _table(
        ["", "in this brief", "reported by the source"],
        [
            ["statements", tally.statements, shown(reported.statements)],
            ["citing publications", shown(tally.citing_publications), shown(reported.publications)],
            ["supporting", tally.by_type.supporting, shown(reported.supporting)],
            ["mentioning", tally.by_type.mentioning, shown(reported.mentioning)],
            ["contrasting", tally.by_type.contrasting, shown(reported.contrasting)],
            ["unclassified", tally.by_type.unclassified, "—"],
            ["duplicates merged", tally.duplicates_merged, "—"],
            *_flag_rows(tally.citing_flags),
        ],
    )
    lines += ["", "By section: " + ", ".join(f"{md_text(k)} {v}" for k, v in tally.by_section.items()), ""]

    lines += ["## Safety", "", md_text(brief.safety.summary), ""]
    if brief.safety.adverse_events:
        events = "; ".join(f"{md_text(e.name)} ({_ids(e.statement_ids)})" for e in brief.safety.adverse_events)
        lines += [f"Adverse events reported: {events}", ""]
    for index, finding in enumerate(brief.safety.findings):
        lines += _finding_lines(finding, by_id, "", f"/safety/findings/{index}" in on_retracted)
    lines += ["", *_certainty_lines(brief.safety.certainty), ""]

    lines += ["## Efficacy", "", md_text(brief.efficacy.summary), ""]
    for index, outcome in enumerate(brief.efficacy.outcomes):
        heading = f"**{md_text(outcome.outcome)}** — {outcome.direction.replace('_', ' ')}: "
        lines += _finding_lines(outcome, by_id, heading, f"/efficacy/outcomes/{index}" in on_retracted)
    lines += ["", *_certainty_lines(brief.efficacy.certainty), ""]

    lines += ["## Contrasting statements", ""]
    if brief.contrasting:
        for index, finding in enumerate(brief.contrasting):
            lines += _finding_lines(finding, by_id, "", f"/contrasting/{index}" in on_retracted)
    else:
        lines.append("None of the statements contradicts or questions the target's claims.")
    lines.append("")

    coverage = brief.coverage
    lines += [
        "## Coverage",
        "",
        f"{coverage.statements_cited} of {coverage.statements_in} statements are cited by a finding."
        + (f" Not cited: {_ids(coverage.uncited_ids)}." if coverage.uncited_ids else ""),
        "",
        "## Statements",
        "",
    ]
    for s in brief.statements:
        meta = [s.type, s.section or "section unknown"]
        if s.confidence is not None:
            meta.append(f"confidence {s.confidence:.2f}")
        if s.occurrences > 1:
            meta.append(f"shown {s.occurrences} times")
        if s.citing.title or s.citing.doi:
            meta.append(s.citing.title or f"doi {s.citing.doi}")
        meta += _citing_flags(s)
        several = _cited_works_note(s)
        if several:
            meta.append(several)
        lines.append(f"- **{md_text(s.id)}** ({md_text(', '.join(meta))}): {md_text(s.text)}")
    prov = brief.provenance
    engine = md_text(prov.engine) + (f", model {md_text(prov.model)}" if prov.model else "")
    lines += [
        "",
        "---",
        "",
        f"Made by summarizer {md_text(prov.tool_version)} with the {engine} engine on {md_text(prov.created_at)}. "
        f"Input SHA-256 {md_text(prov.input_sha256 or '')}. Model calls: {prov.usage.calls} "
        f"({prov.usage.cached_calls} from cache).",
    ]
    if prov.warnings:
        lines += ["", "Warnings:", *[f"- {md_text(w)}" for w in prov.warnings]]
    return "\n".join(lines) + "\n"


MARKDOWN_RENDERER = RendererSpec(
    name="md",
    media_type="text/markdown; charset=utf-8",
    suffixes=("md", "markdown"),
    summary="Markdown for people: verdicts, tallies, findings with quotes, certainty, coverage, provenance",
    render=render_markdown,
)
