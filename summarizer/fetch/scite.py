"""scite's API: the target's metadata (/papers/{doi}) and the citation statements made toward it, page by page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from summarizer.errors import InputError, ServiceError
from summarizer.fetch.base import Fetched, SourceSpec
from summarizer.fetch.identifiers import PaperId
from summarizer.models import Target
from summarizer.readers import read_source

if TYPE_CHECKING:
    from summarizer.fetch.http import ServiceClient  # the HTTP stack loads when a fetch starts, not with the CLI

SERVICE = "scite"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _target(paper: Any, doi: str) -> Target:
    if not isinstance(paper, dict):
        raise ServiceError(f"{SERVICE} answered /papers/{doi} with no paper object")
    year = paper.get("year")
    return Target(
        doi=(_text(paper.get("doi")) or doi).lower(),
        title=_text(paper.get("title")),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        abstract=_text(paper.get("abstract")),
    )


async def fetch_scite(paper_id: PaperId, client: ServiceClient) -> Fetched:
    """The target's paper record, then /api_partner/citations/citing/{doi} with papers and tallies, by offset."""
    if paper_id.doi is None:
        raise InputError(f"{paper_id}: scite finds papers by DOI only (use --source s2 for PMID, PMCID or S2 ids)")
    doi = quote(paper_id.doi, safe="/()")
    target = _target(await client.get_json(f"papers/{doi}"), paper_id.doi)
    citations: list[Any] = []
    papers: dict[str, Any] = {}
    tallies: Any = None
    pages = 0
    size = client.settings.page_size
    while True:
        page = await client.get_json(
            f"api_partner/citations/citing/{doi}",
            {"papers": "true", "tallies": "true", "limit": size, "offset": len(citations)},
        )
        pages += 1
        batch = page.get("citations") if isinstance(page, dict) else None
        if not isinstance(batch, list):
            raise ServiceError(f"{SERVICE} answered citations/citing/{paper_id.doi} without a 'citations' list")
        citations += batch
        if isinstance(page.get("papers"), dict):
            papers.update(page["papers"])
        if tallies is None and isinstance(page.get("tallies"), dict):
            tallies = page["tallies"]
        if len(batch) < size:
            break
    if not citations:
        raise InputError(f"{paper_id}: {SERVICE} lists no citation statements toward it; there is nothing to brief")
    document: dict[str, Any] = {"citations": citations, "papers": papers}
    if tallies is not None:
        document["tallies"] = tallies
    encoded = json.dumps(document, ensure_ascii=False).encode("utf-8")
    source = read_source(encoded, "scite-api", name=f"{SERVICE} citations of {paper_id}")
    # the reader's target carries the tallies; the paper record adds the title, year and abstract
    merged = source.target.model_copy(
        update={key: value for key, value in target.model_dump().items() if value and key != "reported_tallies"}
    )
    citing = {c.get("source") for c in citations if isinstance(c, dict) and c.get("source")}
    return Fetched(source=source.model_copy(update={"target": merged}), citing_papers=len(citing), pages=pages)


SPEC = SourceSpec(
    name="scite",
    service=SERVICE,
    summary="scite API: /papers/{doi} and /api_partner/citations/citing/{doi} (needs a token)",
    settings=lambda sources: sources.scite,
    auth_headers=lambda token: {"Authorization": f"Bearer {token}"},
    key_variable="SCITE_API_TOKEN",
    without_key="no SCITE_API_TOKEN set: scite serves citation statements only to a token with access",
    fetch=fetch_scite,
)
