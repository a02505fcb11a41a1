"""Europe PMC's REST API: the target by DOI, PMID or PMCID, the articles that cite it, and their open-access full
texts, from which the citing sentences are read as from any JATS article (readers.citing_sentences).

1. `/search?query=DOI:"…"` (or `EXT_ID:… AND SRC:MED`, `PMCID:PMC…`) with `format=json`: the target's id, source,
   DOI, PMID, title and year.
2. `/search?query=CITES:{id}_{source}` with `cursorMark` paging (`*` first, then each page's `nextCursorMark`
   until a page comes back empty or with the same mark): the citing articles, each with `pmcid` and `isOpenAccess`.
3. `/{PMCID}/fullTextXML` for each citing article with a PMCID: the JATS full text, or 404 with an empty body when
   it is not open access.

Europe PMC answers some errors as HTTP 200 with a JSON body `{"errCode": …, "errMsg": …}`: those are errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarizer.errors import InputError, ServiceError
from summarizer.fetch.base import Fetched, SourceSpec
from summarizer.fetch.identifiers import PaperId
from summarizer.models import Target
from summarizer.readers import read_full_texts

if TYPE_CHECKING:
    import asyncio

    from summarizer.fetch.http import ServiceClient

SERVICE = "Europe PMC"
_DOWNLOADS_AT_ONCE = 4


def _checked(data: Any, what: str) -> dict[str, Any]:
    """A search answer, or ServiceError for an error body (sent with HTTP 200) or anything that is no answer."""
    if isinstance(data, dict) and ("errCode" in data or "errMsg" in data):
        raise ServiceError(
            f"{SERVICE} refused {what}: {data.get('errMsg') or 'no message'} (errCode {data.get('errCode')})"
        )
    if not isinstance(data, dict) or not isinstance(data.get("resultList"), dict):
        raise ServiceError(f"{SERVICE} answered {what} without a resultList")
    return data


def _results(page: dict[str, Any]) -> list[dict[str, Any]]:
    results = page["resultList"].get("result")
    return [item for item in results if isinstance(item, dict)] if isinstance(results, list) else []


def _query(paper_id: PaperId) -> str:
    if paper_id.kind == "doi":
        return f'DOI:"{paper_id.value}"'
    if paper_id.kind == "pmid":
        return f"EXT_ID:{paper_id.value} AND SRC:MED"
    if paper_id.kind == "pmcid":
        return f"PMCID:PMC{paper_id.value}"
    raise InputError(f"{paper_id}: {SERVICE} finds papers by DOI, PMID:… or PMCID:…, not by a Semantic Scholar id")


def _year(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and 1000 <= int(text) <= 2999 else None


async def _resolve(paper_id: PaperId, client: ServiceClient) -> dict[str, Any]:
    query = _query(paper_id)
    page = _checked(
        await client.get_json("search", {"query": query, "format": "json", "resultType": "lite", "pageSize": 1}),
        f"the search {query}",
    )
    found = _results(page)
    if not found:
        raise InputError(f"{paper_id}: {SERVICE} knows no such paper")
    return found[0]


async def _citing(record: dict[str, Any], client: ServiceClient) -> tuple[list[dict[str, Any]], int]:
    """Every article that cites the record, by cursorMark paging; and how many pages that took."""
    query = f"CITES:{record.get('id')}_{record.get('source')}"
    citing: list[dict[str, Any]] = []
    cursor = "*"
    pages = 0
    while True:
        params: dict[str, str | int] = {
            "query": query,
            "format": "json",
            "resultType": "lite",
            "pageSize": client.settings.page_size,
            "cursorMark": cursor,
        }
        page = _checked(await client.get_json("search", params), f"the search {query}")
        pages += 1
        results = _results(page)
        citing += results
        following = page.get("nextCursorMark")
        if not results or not isinstance(following, str) or following == cursor:
            return citing, pages
        cursor = following


async def _full_text(pmcid: str, client: ServiceClient, gate: asyncio.Semaphore) -> bytes | None:
    async with gate:
        body = await client.get_bytes(f"{pmcid}/fullTextXML")
    return body if body and body.strip() else None


async def fetch_europepmc(paper_id: PaperId, client: ServiceClient) -> Fetched:
    """The target, the articles citing it, and the citing sentences of those with an open-access full text."""
    record = await _resolve(paper_id, client)
    doi = record.get("doi") if isinstance(record.get("doi"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    citing, pages = await _citing(record, client)
    with_pmcid = [item for item in citing if isinstance(item.get("pmcid"), str) and item["pmcid"].strip()]
    limit = getattr(client.settings, "max_articles", len(with_pmcid))
    import asyncio  # loaded when a fetch runs, not by every command line that lists the sources

    gate = asyncio.Semaphore(_DOWNLOADS_AT_ONCE)
    bodies = await asyncio.gather(*(_full_text(item["pmcid"].strip(), client, gate) for item in with_pmcid[:limit]))
    documents = [
        (body, f"{item['pmcid'].strip()}") for item, body in zip(with_pmcid, bodies, strict=False) if body is not None
    ]
    if not documents:
        listed = (
            f"lists {len(citing)} articles citing it, none with an open-access full text"
            if citing
            else ("lists no article citing it")
        )
        raise InputError(f"{paper_id}: {SERVICE} {listed}; there is nothing to brief")
    ids = [str(paper_id)]
    if doi and paper_id.kind != "doi":
        ids.insert(0, doi)
    if isinstance(record.get("pmid"), str) and paper_id.kind != "pmid":
        ids.append(f"PMID:{record['pmid']}")
    source = read_full_texts(documents, ids[0], title, extra_ids=ids[1:])
    target = Target(doi=(doi or source.target.doi), title=title, year=_year(record.get("pubYear")))
    return Fetched(
        source=source.model_copy(update={"target": target}),
        citing_papers=len(citing),
        withheld=len(citing) - len(documents),
        pages=pages,
        full_texts=len(documents),
    )


SPEC = SourceSpec(
    name="europepmc",
    service=SERVICE,
    summary="Europe PMC REST API: the citing articles (CITES search) and their open-access full texts (JATS)",
    settings=lambda sources: sources.europepmc,
    auth_headers=lambda key: {},
    key_variable="",
    without_key="",  # Europe PMC needs no key
    fetch=fetch_europepmc,
    aliases=("europe-pmc", "epmc"),
)
