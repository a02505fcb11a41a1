"""Reader for Semantic Scholar Graph API citations (/paper/{id}/citations) as people save them.

The documented response is a page, {offset, next, data: [citation, ...]}, each citation holding `contexts`,
`intents`, `contextsWithIntent`, `isInfluential` and `citingPaper`. Accepted as well: a single citation (what
client libraries hand out), a list of citations, JSON Lines of citations or of pages, a list of pages (`jq -s .`)
and pages written one after another (`cat page*.json`). A /references response (items hold `citedPaper`: the
papers this paper cites) is refused, since its contexts are the target's own sentences. Citing papers that come
without any context (Semantic Scholar withholds some publishers' text) are counted and reported.
"""

from __future__ import annotations

from typing import Any

from summarizer.errors import InputError
from summarizer.models import Citing, Source, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import BadValue, StatementMaker, clean_doi, clean_text, parse_year

_ITEM_KEYS = ("citingPaper", "contexts", "contextsWithIntent")
_PAGE_KEYS = ("data", "citations")


def _is_reference(item: Any) -> bool:
    return isinstance(item, dict) and "citedPaper" in item and "citingPaper" not in item


def _is_item(item: Any) -> bool:
    return isinstance(item, dict) and not _is_reference(item) and any(key in item for key in _ITEM_KEYS)


def _page_items(page: dict[str, Any]) -> list[Any] | None:
    """The items of one page, or None when the object is no page."""
    for key in _PAGE_KEYS:
        value = page.get(key)
        if isinstance(value, list):
            return value
    return None


def _items(data: Any) -> list[Any] | None:
    """Every citation (or reference) item in the document, in order; None when it holds none of either."""
    parts = data if isinstance(data, list) else [data]
    items: list[Any] = []
    pages = 0
    for part in parts:
        if not isinstance(part, dict):
            items.append(part)
            continue
        page = _page_items(part) if not (_is_item(part) or _is_reference(part)) else None
        if page is not None:
            pages += 1
            items.extend(page)
        else:
            items.append(part)
    kinds = [item for item in items[:200] if _is_item(item) or _is_reference(item)]
    if kinds:
        return items
    if pages and not items:  # pages with empty data lists: a recognised export with nothing in it
        return items if all(isinstance(p, dict) and "offset" in p for p in parts) else None
    return None


def is_s2_document(data: Any) -> bool:
    """Tell whether a parsed JSON document holds Semantic Scholar citations (or a /references response)."""
    return _items(data) is not None


def _citing(paper: Any, where: str, maker: StatementMaker) -> Citing:
    """Read the citingPaper of one citation."""
    if not isinstance(paper, dict):
        return Citing()
    external = paper.get("externalIds")
    doi = clean_doi(external.get("DOI")) if isinstance(external, dict) else None
    year = None
    try:
        year = parse_year(paper.get("year"))
    except BadValue as exc:
        maker.warn(f"{where}: {exc}; dropped")
    journal = paper.get("venue")
    if not clean_text(journal) and isinstance(paper.get("journal"), dict):
        journal = paper["journal"].get("name")
    return Citing(doi=doi, title=clean_text(paper.get("title")), year=year, journal=clean_text(journal))


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _contexts(item: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    """The item's contexts, and the intents given to each context by contextsWithIntent."""
    with_intent: dict[str, list[str]] = {}
    entries = item.get("contextsWithIntent")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("context"), str):
            with_intent.setdefault(entry["context"], _strings(entry.get("intents")))
    contexts = _strings(item.get("contexts")) or list(with_intent)
    return list(dict.fromkeys(contexts)), with_intent


def read_s2(data: Any, name: str) -> Source:
    """Read Semantic Scholar citations: one unclassified statement per citation context."""
    items = _items(data)
    if items is None:
        raise InputError(f"{name}: not a Semantic Scholar citations response (expected a 'data' list)")
    if any(_is_reference(item) for item in items) and not any(_is_item(item) for item in items):
        raise InputError(
            f"{name}: this is a Semantic Scholar /references response (its items hold citedPaper: the papers "
            "this paper cites, with this paper's own sentences); the statements of papers citing it come from "
            "/paper/{id}/citations"
        )
    maker = StatementMaker(name)
    withheld = 0
    asked_for_contexts = False
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        if not isinstance(item, dict):
            maker.warn(f"{where}: not an object; skipped")
            continue
        asked_for_contexts = asked_for_contexts or "contexts" in item or "contextsWithIntent" in item
        contexts, with_intent = _contexts(item)
        if not contexts:
            withheld += 1
            continue
        citing = _citing(item.get("citingPaper"), where, maker)
        item_intents = _strings(item.get("intents"))
        influential = item.get("isInfluential")
        for context in contexts:
            if not context.strip():
                maker.warn(f"{where}: an empty context; skipped")
                continue
            maker.add(
                context,
                citing=citing.model_copy(),
                intents=list(with_intent.get(context, item_intents)),
                is_influential=influential if isinstance(influential, bool) else None,
            )
    if withheld:
        hint = "" if asked_for_contexts else " (ask for them with fields=contexts,intents,...)"
        maker.warn(
            f"{withheld} citing paper{'s' if withheld != 1 else ''} had no citation contexts{hint} and "
            f"contributed no statements"
        )
    return Source(format="s2", target=Target(), statements=maker.statements, warnings=maker.warnings)


SPEC = ReaderSpec(
    "s2",
    "Semantic Scholar Graph API citations: a page, pages, a list or JSON Lines of citations (JSON)",
    read_s2,
    reads_document=True,
    detection_rank=20,  # before scite-api: an S2 item may carry scite's keys as well
    recognise_document=is_s2_document,
)
