"""Reader for the Semantic Scholar Graph API citations endpoint (/paper/{id}/citations) as JSON."""

from __future__ import annotations

from typing import Any

from summarizer.errors import InputError
from summarizer.models import Citing, Source, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import BadValue, StatementMaker, clean_doi, clean_text, object_list, parse_year

_S2_ITEM_KEYS = ("citingPaper", "contexts", "contextsWithIntent")
_S2_CONTAINER_KEYS = ("data", "citations")


def _is_s2_item(item: Any) -> bool:
    return isinstance(item, dict) and any(key in item for key in _S2_ITEM_KEYS)


def _s2_items(data: Any) -> list[Any] | None:
    """Return the citation items of an S2 response (or a bare list of them), else None."""
    items: Any = data
    if isinstance(data, dict):
        items = next((data[key] for key in _S2_CONTAINER_KEYS if key in data), None)
        if isinstance(items, list) and not items and "offset" in data:
            return []
    found = object_list(items)
    if found is not None and any(_is_s2_item(item) for item in found[:50]):
        return found
    return None


def is_s2_document(data: Any) -> bool:
    """Tell whether a parsed JSON document is a Semantic Scholar citations response."""
    return _s2_items(data) is not None


def _s2_citing(paper: Any, where: str, maker: StatementMaker) -> dict[str, Any]:
    """Read the citingPaper of one Semantic Scholar citation item as Citing fields."""
    if not isinstance(paper, dict):
        return {}
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
    return {"doi": doi, "title": clean_text(paper.get("title")), "year": year, "journal": clean_text(journal)}


def _string_list(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def read_s2(data: Any, name: str) -> Source:
    """Read a Semantic Scholar Graph API /paper/{id}/citations response: one statement per context."""
    items = _s2_items(data)
    if items is None:
        raise InputError(f"{name}: not a Semantic Scholar citations response (expected a 'data' list)")
    maker = StatementMaker(name)
    without_contexts = 0
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        if not isinstance(item, dict):
            maker.warn(f"{where}: not an object; skipped")
            continue
        contexts = _string_list(item.get("contexts"))
        with_intent: dict[str, list[str]] = {}
        for entry in item.get("contextsWithIntent") or []:
            if isinstance(entry, dict) and isinstance(entry.get("context"), str):
                with_intent.setdefault(entry["context"], _string_list(entry.get("intents")))
        if not contexts:
            contexts = list(with_intent)
        if not contexts:
            without_contexts += 1
            continue
        citing = _s2_citing(item.get("citingPaper"), where, maker)
        item_intents = _string_list(item.get("intents"))
        influential = item.get("isInfluential")
        for context in contexts:
            if not context.strip():
                maker.warn(f"{where}: an empty context; skipped")
                continue
            maker.add(
                context,
                citing=Citing(**citing),
                intents=list(with_intent.get(context, item_intents)),
                is_influential=influential if isinstance(influential, bool) else None,
            )
    if without_contexts:
        maker.warn(
            f"{without_contexts} citing paper{'s' if without_contexts != 1 else ''} "
            "had no citation contexts and contributed no statements"
        )
    return Source(format="s2", target=Target(), statements=maker.statements, warnings=maker.warnings)


SPEC = ReaderSpec(
    "s2",
    "Semantic Scholar Graph API citations response (JSON)",
    read_s2,
    reads_document=True,
    detection_rank=20,  # before scite-api: an S2 item may carry scite's keys as well
    recognise_document=is_s2_document,
)
