"""Reader for scite API responses (JSON): citation objects, with or without a tallies object."""

from __future__ import annotations

from collections.abc import Mapping
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
    parse_confidence,
    parse_count,
    parse_type,
    parse_year,
)

_SCITE_CITATION_KEYS = ("snippet", "typeConfidence", "selfCites")
_SCITE_TALLY_KEYS = ("total", "supporting", "mentioning", "contradicting", "citingPublications")


def _is_scite_citation(item: Any) -> bool:
    return isinstance(item, dict) and (
        any(key in item for key in _SCITE_CITATION_KEYS)
        or ("source" in item and "target" in item and "type" in item)
    )


def _is_scite_tallies(value: Any) -> bool:
    return isinstance(value, dict) and "total" in value and any(key in value for key in _SCITE_TALLY_KEYS[1:])


def _scite_citations(data: Any) -> list[Any] | None:
    """Return the citation objects of a scite API response (or a bare list of them), else None."""
    if isinstance(data, list):
        found = object_list(data)
        return found if found is not None and any(_is_scite_citation(item) for item in found[:50]) else None
    if not isinstance(data, dict):
        return None
    if _is_scite_citation(data) and isinstance(data.get("snippet"), str):
        return [data]
    if isinstance(data.get("citations"), list):
        citations = data["citations"]
        return citations if not citations or _scite_citations(citations) is not None else None
    for value in data.values():
        found = object_list(value)
        if found is not None and any(_is_scite_citation(item) for item in found[:50]):
            return found
    if _is_scite_tallies(data.get("tallies")) or _is_scite_tallies(data):
        return []
    return None


def is_scite_api_document(data: Any) -> bool:
    """Tell whether a parsed JSON document is a scite API response."""
    return _scite_citations(data) is not None


def _scite_tallies(data: Any) -> ReportedTallies:
    """Read a scite tallies object, wherever the response holds it."""
    tallies = data.get("tallies") if isinstance(data, dict) else None
    if not _is_scite_tallies(tallies):
        tallies = data if _is_scite_tallies(data) else None
    if not isinstance(tallies, dict):
        return ReportedTallies()
    contrasting = tallies.get("contradicting", tallies.get("contrasting"))
    return ReportedTallies(
        statements=parse_count(tallies.get("total")),
        publications=parse_count(tallies.get("citingPublications")),
        supporting=parse_count(tallies.get("supporting")),
        mentioning=parse_count(tallies.get("mentioning")),
        contrasting=parse_count(contrasting),
    )


def _scite_citing(item: Mapping[str, Any], where: str, maker: StatementMaker) -> Citing:
    """Read the citing paper of one scite citation object."""
    paper = item.get("sourcePaper")
    paper = paper if isinstance(paper, dict) else {}
    year: int | None = None
    raw_year = item.get("year", paper.get("year"))
    try:
        year = parse_year(raw_year)
    except BadValue as exc:
        maker.warn(f"{where}: {exc}; dropped")
    journal = item.get("journal", paper.get("journal", paper.get("venue")))
    return Citing(
        doi=clean_doi(item.get("source")) or clean_doi(paper.get("doi")),
        title=clean_text(item.get("title", paper.get("title"))),
        year=year,
        journal=clean_text(journal),
    )


def read_scite_api(data: Any, name: str) -> Source:
    """Read a scite API response: a list of citation objects or an object holding one."""
    citations = _scite_citations(data)
    if citations is None:
        raise InputError(f"{name}: not a scite API response (expected a list of citation objects)")
    maker = StatementMaker(name)
    tallies = _scite_tallies(data)
    targets: dict[str, int] = {}
    for number, item in enumerate(citations, start=1):
        where = f"citation {number}"
        if not isinstance(item, dict):
            maker.warn(f"{where}: not an object; skipped")
            continue
        text = clean_text(item.get("snippet"))
        if text is None:
            maker.warn(f"{where}: empty snippet; skipped")
            continue
        target_doi = clean_doi(item.get("target"))
        if target_doi:
            targets[target_doi] = targets.get(target_doi, 0) + 1
        try:
            statement_type, type_source = parse_type(item.get("type"))
        except BadValue as exc:
            maker.warn(f"{where}: {exc}; treated as unclassified")
            statement_type, type_source = "unclassified", "none"
        confidence = None
        try:
            confidence = parse_confidence(item.get("typeConfidence"))
        except BadValue as exc:
            maker.warn(f"{where}: {exc}; dropped")
        self_cite = None
        try:
            self_cite = parse_bool(item.get("selfCites"))
        except BadValue as exc:
            maker.warn(f"{where}: selfCites {exc}; dropped")
        maker.add(
            text,
            citing=_scite_citing(item, where, maker),
            section=clean_text(item.get("section")),
            statement_type=statement_type,
            type_source=type_source,
            confidence=confidence,
            self_cite=self_cite,
        )
    tally_holder = data.get("tallies") if isinstance(data, dict) else None
    tally_holder = tally_holder if isinstance(tally_holder, dict) else data
    tally_doi = clean_doi(tally_holder.get("doi")) if isinstance(tally_holder, dict) else None
    target_doi = max(targets, key=targets.__getitem__) if targets else tally_doi
    if len(targets) > 1:
        maker.warn(f"the citations cite {len(targets)} different targets; using the most frequent, {target_doi}")
    target = Target(doi=target_doi, reported_tallies=tallies)
    return Source(format="scite-api", target=target, statements=maker.statements, warnings=maker.warnings)


SPEC = ReaderSpec(
    "scite-api",
    "scite API response: citation objects, optionally with tallies (JSON)",
    read_scite_api,
    reads_document=True,
    detection_rank=30,
    recognise_document=is_scite_api_document,
)
