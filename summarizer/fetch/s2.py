"""Semantic Scholar Graph API: the target's title, year and abstract, and every page of its citations."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from summarizer.errors import InputError, ServiceError
from summarizer.fetch.base import Fetched, SourceSpec
from summarizer.fetch.identifiers import PaperId
from summarizer.models import Target
from summarizer.readers import read_source

if TYPE_CHECKING:
    from summarizer.fetch.http import ServiceClient  # the HTTP stack loads when a fetch starts, not with the CLI

SERVICE = "Semantic Scholar"
PAPER_FIELDS = "title,year,abstract,externalIds"
CITATION_FIELDS = "contexts,intents,contextsWithIntent,isInfluential,title,year,venue,externalIds"


def _has_context(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    contexts = item.get("contexts") or []
    with_intent = item.get("contextsWithIntent") or []
    return any(isinstance(c, str) and c.strip() for c in contexts) or any(
        isinstance(c, dict) and isinstance(c.get("context"), str) and c["context"].strip() for c in with_intent
    )


def _target(paper: Any, paper_id: PaperId) -> Target:
    if not isinstance(paper, dict):
        raise ServiceError(f"{SERVICE} answered /paper/{paper_id.s2_path()} with no paper object")
    external = paper.get("externalIds")
    doi = external.get("DOI") if isinstance(external, dict) else None
    year = paper.get("year")
    return Target(
        doi=(doi.lower() if isinstance(doi, str) and doi.strip() else paper_id.doi),
        title=paper.get("title") if isinstance(paper.get("title"), str) else None,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        abstract=paper.get("abstract") if isinstance(paper.get("abstract"), str) else None,
    )


async def fetch_s2(paper_id: PaperId, client: ServiceClient) -> Fetched:
    """The target's metadata, then its citations page by page (offset/limit) until a page has no `next`."""
    path = f"paper/{paper_id.s2_path()}"
    target = _target(await client.get_json(path, {"fields": PAPER_FIELDS}), paper_id)
    items: list[Any] = []
    offset = 0
    pages = 0
    while True:
        page = await client.get_json(
            f"{path}/citations", {"fields": CITATION_FIELDS, "offset": offset, "limit": client.settings.page_size}
        )
        pages += 1
        data = page.get("data") if isinstance(page, dict) else None
        if not isinstance(data, list):
            raise ServiceError(f"{SERVICE} answered {path}/citations without a 'data' list")
        items += data
        following = page.get("next")
        if not data or not isinstance(following, int) or isinstance(following, bool) or following <= offset:
            break
        offset = following
    withheld = sum(1 for item in items if not _has_context(item))
    if withheld == len(items):
        listed = f"lists {len(items)} citing papers but no citation context" if items else "lists no citing papers"
        raise InputError(f"{paper_id}: {SERVICE} {listed}; there is nothing to brief")
    # the pages, joined into one response, are read by the s2 reader like a saved export
    document = json.dumps({"offset": 0, "data": items}, ensure_ascii=False).encode("utf-8")
    source = read_source(document, "s2", name=f"{SERVICE} citations of {paper_id}")
    return Fetched(
        source=source.model_copy(update={"target": target}), citing_papers=len(items), withheld=withheld, pages=pages
    )


SPEC = SourceSpec(
    name="s2",
    service=SERVICE,
    summary="Semantic Scholar Graph API: /paper/{id} and /paper/{id}/citations",
    settings=lambda sources: sources.s2,
    auth_headers=lambda key: {"x-api-key": key},
    key_variable="S2_API_KEY",
    without_key="no S2_API_KEY set: using Semantic Scholar's shared pool, which is slower and may refuse requests",
    fetch=fetch_s2,
    aliases=("semantic-scholar",),
)
