"""Reader for scite API responses (JSON), in the shapes of scite's published OpenAPI spec (components.schemas):

- CitationsExternalSchema (/api_partner/citations/citing/{doi}): `citations`, with the citing papers' metadata in
  `papers` and tallies in `tallies`, both keyed by DOI, and `metadata`;
- SearchResultsResponse (/search): `hits`, each a citing paper with its own `citations`;
- TaskResponse (/reference_check/tasks/{id}): `status`, `result.citations` of the submitted paper, `papers` and
  `tallies` keyed by DOI;
- a list of citation objects, a single one, an older response with one tallies object, or several responses
  written one after another.

A citation object (CitationExternal, CitationSearch) has `source` (the citing DOI), `target` (the cited DOI),
`snippet` (the statement, with <cite> and <strong class="highlight"> markup), `type`, `typeConfidence` (a
probability), `section`, `selfCites` (a list of {type: SHAREDAUTHOR | SELFCITE, family, given}) and
`snippetHidden`. Snippets scite does not hand out are counted and reported, never turned into statements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Citing, ReportedTallies, Source, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import (
    BadValue,
    StatementMaker,
    clean_doi,
    clean_text,
    object_list,
    parse_bool,
    parse_count,
    parse_probability,
    parse_type,
    parse_year,
)
from summarizer.readers.markup import cite_markers, plain_text

_CITATION_KEYS = ("snippet", "typeConfidence", "selfCites", "snippetHidden")
_TALLY_KEYS = ("supporting", "mentioning", "contradicting", "citingPublications")
_TASK_STATUSES = {"PENDING", "STARTED", "FAILURE", "REVOKED", "SUCCESS", "CANCELLED"}
# The editorial notice statuses scite's own tally badge shows (scitedotai/scite-extension, TallyLoader.js);
# others ("Comment", ...) are not a warning about the paper.
_NOTICE_STATUSES = {"retracted", "withdrawn", "has expression of concern", "has erratum", "has correction"}
_RETRACTING_STATUSES = {"retracted", "withdrawn"}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_citation(item: Any) -> bool:
    return isinstance(item, dict) and (
        any(key in item for key in _CITATION_KEYS) or ("source" in item and "target" in item and "type" in item)
    )


def _is_tally(value: Any) -> bool:
    return isinstance(value, dict) and "total" in value and any(key in value for key in _TALLY_KEYS)


def _citation_list(value: Any) -> list[Any] | None:
    found = object_list(value)
    return found if found is not None and any(_is_citation(item) for item in found[:50]) else None


def _task_status(data: Mapping[str, Any]) -> str | None:
    status = data.get("status")
    return status if isinstance(status, str) and status in _TASK_STATUSES else None


def _is_response(data: Any) -> bool:
    """Tell whether a JSON object is one of scite's responses (with or without citations in it)."""
    if not isinstance(data, dict):
        return False
    citations = data.get("citations")
    if isinstance(citations, list) and (not citations or _citation_list(citations) is not None):
        return True
    hits = data.get("hits")
    if isinstance(hits, list) and ("aggregations" in data or any("citations" in _dict(hit) for hit in hits[:50])):
        return True
    if isinstance(_dict(data.get("result")).get("citations"), list):
        return True
    task_keys = ("result", "info", "error", "overallTally")
    if _task_status(data) is not None and any(key in data for key in task_keys):
        return True
    return _is_tally(data.get("tallies")) or _is_tally(data)


def _responses(data: Any) -> list[dict[str, Any]] | None:
    """The responses in a document: one, several (a list of them), or citation objects wrapped as one."""
    if isinstance(data, list):
        if data and all(_is_response(item) for item in data):
            return list(data)
        citations = _citation_list(data)
        return [{"citations": citations}] if citations is not None else None
    if not isinstance(data, dict):
        return None
    if _is_citation(data) and isinstance(data.get("snippet"), str):
        return [{"citations": [data]}]
    if _is_response(data):
        return [data]
    for key, value in data.items():  # an object holding the citations under some other name
        citations = _citation_list(value)
        if citations is not None:
            return [{**{k: v for k, v in data.items() if k != key}, "citations": citations}]
    return None


def is_scite_api_document(data: Any) -> bool:
    """Tell whether a parsed JSON document is a scite API response."""
    return _responses(data) is not None


def _tallies(value: Any) -> ReportedTallies:
    contrasting = value.get("contradicting", value.get("contrasting"))
    return ReportedTallies(
        statements=parse_count(value.get("total")),
        publications=parse_count(value.get("citingPublications")),
        supporting=parse_count(value.get("supporting")),
        mentioning=parse_count(value.get("mentioning")),
        contrasting=parse_count(contrasting),
    )


def _quiet_year(value: Any) -> int | None:
    """A year of a paper that may be the cited one: used when valid, else left unknown without a warning."""
    try:
        return parse_year(value)
    except BadValue:
        return None


def _plain(value: Any) -> str | None:
    text = clean_text(value)
    return clean_text(plain_text(text)) if text is not None else None


@dataclass
class _Reading:
    """What is read across the responses of one input."""

    maker: StatementMaker
    target: Target = field(default_factory=Target)
    known: dict[str, Target] = field(default_factory=dict)
    citations: int = 0
    withheld: int = 0

    def warn_bad(self, where: str, exc: BadValue, what: str = "dropped") -> None:
        self.maker.warn(f"{where}: {exc}; {what}")

    def learn_target(self, doi: str, **fields: Any) -> None:
        """Remember what the response tells of a paper that may be the cited one; the first value given wins."""
        key = doi.lower()
        known = self.known.get(key) or Target(doi=doi)
        unknown = (None, ReportedTallies())
        updates = {k: v for k, v in fields.items() if v is not None and getattr(known, k) in unknown}
        self.known[key] = known.model_copy(update=updates)


def _citing_paper(doi: str | None, paper: Mapping[str, Any], where: str, reading: _Reading) -> Citing:
    """Read a citing paper from a scite paper record (PaperResponse, SearchResultSchema)."""
    year = None
    try:
        year = parse_year(paper.get("year"))
    except BadValue as exc:
        reading.warn_bad(where, exc)
    notices: list[str] = []
    for notice in _list(paper.get("editorialNotices")):
        status = clean_text(_dict(notice).get("status"))
        if status and status.lower() in _NOTICE_STATUSES and status not in notices:
            notices.append(status)
    retracted: bool | None = paper.get("retracted") if isinstance(paper.get("retracted"), bool) else None
    if any(status.lower() in _RETRACTING_STATUSES for status in notices):
        retracted = True
    return Citing(
        doi=doi or clean_doi(paper.get("doi")),
        title=_plain(paper.get("title")),
        year=year,
        journal=_plain(paper.get("journal")) or _plain(paper.get("shortJournal")) or _plain(paper.get("venue")),
        retracted=retracted,
        editorial_notices=notices,
    )


def _inline_citing(item: Mapping[str, Any], base: Citing, where: str, reading: _Reading) -> Citing:
    """Citing details written on the citation itself or in a nested sourcePaper (older exports) win."""
    paper = _dict(item.get("sourcePaper"))
    fields: dict[str, Any] = {}
    if "year" in item or "year" in paper:
        try:
            fields["year"] = parse_year(item.get("year", paper.get("year")))
        except BadValue as exc:
            reading.warn_bad(where, exc)
    for name in ("title", "journal"):
        value = _plain(item.get(name, paper.get(name)))
        if value is not None:
            fields[name] = value
    if fields.get("journal") is None and _plain(paper.get("venue")):
        fields["journal"] = _plain(paper.get("venue"))
    doi = clean_doi(item.get("source")) or clean_doi(paper.get("doi"))
    if doi:
        fields["doi"] = doi
    return base.model_copy(update={k: v for k, v in fields.items() if v is not None})


def _self_cite(value: Any, where: str, reading: _Reading) -> bool | None:
    if isinstance(value, list):  # the spec's SelfCiteSchema list: any shared author makes it a self-citation
        return bool(value)
    try:
        return parse_bool(value)
    except BadValue as exc:
        reading.warn_bad(where, BadValue(f"selfCites {exc}"))
        return None


def _add_citation(item: Any, where: str, citing: Citing, reading: _Reading) -> None:
    reading.citations += 1
    if not isinstance(item, dict):
        reading.maker.warn(f"{where}: not an object; skipped")
        return
    snippet = item.get("snippet")
    if item.get("snippetHidden") is True or snippet is None or (isinstance(snippet, str) and not snippet.strip()):
        reading.withheld += 1
        return
    text = _plain(snippet) if isinstance(snippet, str) else None
    if text is None:
        reading.maker.warn(f"{where}: the snippet holds no text; skipped")
        return
    try:
        statement_type, type_source = parse_type(item.get("type"))
    except BadValue as exc:
        reading.warn_bad(where, exc, "treated as unclassified")
        statement_type, type_source = "unclassified", "none"
    target = clean_doi(item.get("target"))
    confidence = None
    try:
        confidence = parse_probability(item.get("typeConfidence"))
    except BadValue as exc:
        reading.warn_bad(where, exc)
    reading.maker.add(
        text,
        citing=_inline_citing(item, citing, where, reading),
        section=_plain(item.get("section")),
        statement_type=statement_type,
        type_source=type_source,
        confidence=confidence,
        self_cite=_self_cite(item.get("selfCites"), where, reading),
        target_doi=target,
        target_marker="; ".join(cite_markers(snippet, target)) if isinstance(snippet, str) and target else None,
    )


def _papers(value: Any) -> dict[str, Mapping[str, Any]]:
    if not isinstance(value, dict):
        return {}
    return {str(doi).lower(): paper for doi, paper in value.items() if isinstance(paper, dict)}


def _read_task(response: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The result of a reference check (TaskResponse); an unfinished or failed task is an error."""
    status = _task_status(response)
    result = _dict(response.get("result"))
    if status is not None and status != "SUCCESS" and not result:
        if status in ("PENDING", "STARTED"):
            raise InputError(
                f"{name}: the scite reference check is {status}, not finished: fetch the task again once its "
                "status is SUCCESS"
            )
        error = clean_text(response.get("error"))
        raise InputError(f"{name}: the scite reference check ended {status}" + (f": {error}" if error else ""))
    return result


def _read_response(response: Mapping[str, Any], number: int, reading: _Reading, name: str) -> None:
    papers = _papers(response.get("papers"))
    tallies = response.get("tallies")
    if _is_tally(tallies) or _is_tally(response):
        single = _dict(tallies) or dict(response)
        if reading.target.reported_tallies == ReportedTallies():
            reading.target = Target(doi=clean_doi(single.get("doi")), reported_tallies=_tallies(single))
    elif isinstance(tallies, dict):
        for doi, tally in tallies.items():
            if _is_tally(tally):
                reading.learn_target(clean_doi(doi) or str(doi), reported_tallies=_tallies(tally))
    for doi, paper in papers.items():
        reading.learn_target(
            clean_doi(paper.get("doi")) or doi,
            title=_plain(paper.get("title")),
            year=_quiet_year(paper.get("year")),
            abstract=_plain(paper.get("abstract")),
        )
    prefix = f"response {number}, " if number else ""

    def citing_of(doi: Any, fallback: Mapping[str, Any] | None, where: str) -> Citing:
        source_doi = clean_doi(doi)
        record = papers.get(source_doi.lower()) if source_doi else None
        record = record if record is not None else fallback
        return _citing_paper(source_doi, record, where, reading) if record is not None else Citing(doi=source_doi)

    if isinstance(response.get("hits"), list):
        for hit_number, hit in enumerate(response["hits"], start=1):
            where = f"{prefix}hit {hit_number}"
            if not isinstance(hit, dict):
                reading.maker.warn(f"{where}: not an object; skipped")
                continue
            citing = citing_of(hit.get("doi"), hit, where)
            for index, item in enumerate(_list(hit.get("citations")), start=1):
                _add_citation(item, f"{where}, citation {index}", citing, reading)
        return
    result = _read_task(response, name)
    if result:  # one submitted paper citing its references
        citing = citing_of(result.get("source"), _dict(result.get("metadata")) or None, "result")
        for index, item in enumerate(_list(result.get("citations")), start=1):
            _add_citation(item, f"{prefix}citation {index}", citing, reading)
        return
    for index, item in enumerate(_list(response.get("citations")), start=1):
        where = f"{prefix}citation {index}"
        citing = citing_of(_dict(item).get("source"), None, where)
        _add_citation(item, where, citing, reading)


def read_scite_api(data: Any, name: str) -> Source:
    """Read a scite API response: citations with their citing papers, tallies, search hits or a reference check."""
    responses = _responses(data)
    if responses is None:
        raise InputError(f"{name}: not a scite API response (expected citation objects)")
    maker = StatementMaker(name)
    reading = _Reading(maker)
    for number, response in enumerate(responses, start=1):
        _read_response(response, number if len(responses) > 1 else 0, reading, name)
    if reading.withheld:
        maker.warn(
            f"{reading.withheld} of {reading.citations} scite citation{'s' if reading.citations != 1 else ''} came "
            "without their statement (no snippet, or snippetHidden: scite hands snippets to entitled API tokens "
            "only); they contributed no statements"
        )
    cited = {doi.lower() for doi in maker.targets if doi}
    known = {doi: target for doi, target in reading.known.items() if doi in cited}
    return Source(
        format="scite-api",
        target=reading.target,
        statements=maker.statements,
        warnings=maker.warnings,
        statement_targets=maker.targets,
        known_targets=known,
    )


SPEC = ReaderSpec(
    "scite-api",
    "scite API response: citations with papers and tallies, search hits, a reference check (JSON)",
    read_scite_api,
    reads_document=True,
    detection_rank=30,
    recognise_document=is_scite_api_document,
)
