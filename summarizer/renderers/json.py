"""The brief as contract JSON, and the contract's JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import BaseModel

from summarizer.models import Brief
from summarizer.renderers.spec import RendererSpec


def render_json(brief: Brief) -> str:
    """The brief as contract JSON."""
    return brief.model_dump_json(indent=2) + "\n"


# the lists that grow with the input, by their path in the brief; json_chunks writes their items one by one
_STREAMED_LISTS = (
    ("statements",),
    ("contrasting",),
    ("safety", "findings"),
    ("safety", "adverse_events"),
    ("efficacy", "outcomes"),
)


def _skeleton(brief: Brief) -> Brief:
    """The brief with the streamed lists empty."""
    return brief.model_copy(
        update={
            "statements": [],
            "contrasting": [],
            "safety": brief.safety.model_copy(update={"findings": [], "adverse_events": []}),
            "efficacy": brief.efficacy.model_copy(update={"outcomes": []}),
        }
    )


def _items(brief: Brief, path: tuple[str, ...]) -> list[BaseModel]:
    owner: object = brief
    for name in path:
        owner = getattr(owner, name)
    return list(owner)  # type: ignore[call-overload]


_ITEMS_PER_CHUNK = 256


def _json_bytes(item: BaseModel) -> bytes:
    """An item's model_dump_json(indent=2), as the bytes its serializer writes (not decoded item by item)."""
    return item.__pydantic_serializer__.to_json(item, indent=2)


def json_chunks(brief: Brief) -> Iterator[str]:
    """render_json's text in pieces, the items of the lists that grow with the input a few hundred at a time, so
    that a large brief's JSON is never held whole. Each emptied list shows as `"name": []` on a line of its own in
    the skeleton (a string value holds no raw line break), and its items go there, indented as the whole brief's
    dump does."""
    text = _skeleton(brief).model_dump_json(indent=2) + "\n"
    holes = []
    for path in _STREAMED_LISTS:
        key = f'\n{"  " * len(path)}"{path[-1]}": []'
        at = text.find(key)
        if at < 0 or text.find(key, at + 1) >= 0:
            yield render_json(brief)  # not where expected: the whole text, rather than a wrong one
            return
        holes.append((at + len(key) - 1, path))  # just before the closing bracket
    done = 0
    for at, path in sorted(holes):
        items = _items(brief, path)
        if not items:
            continue
        yield text[done:at]
        indent = ("  " * (len(path) + 1)).encode()
        line_break, between = b"\n" + indent, b",\n" + indent
        # every line of an item indented (its text holds no raw line break but those between its lines), a few
        # hundred items a piece; each item as the bytes model_dump_json decodes, a piece decoded once
        for first in range(0, len(items), _ITEMS_PER_CHUNK):
            part = items[first : first + _ITEMS_PER_CHUNK]
            yield ((line_break if first == 0 else between) + between.join(
                [_json_bytes(item).replace(b"\n", line_break) for item in part]
            )).decode()
        yield "\n" + "  " * len(path)
        done = at
    yield text[done:]


def brief_schema() -> dict[str, object]:
    """The brief's JSON Schema."""
    return Brief.model_json_schema()


def render_schema() -> str:
    """The brief's JSON Schema as text."""
    return json.dumps(brief_schema(), indent=2) + "\n"


JSON_RENDERER = RendererSpec(
    name="json",
    media_type="application/json",
    suffixes=("json",),
    summary="the brief as contract JSON (docs/brief-v1.md)",
    render=render_json,
    chunks=json_chunks,
)
