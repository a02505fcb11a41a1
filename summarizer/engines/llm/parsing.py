"""Reading a model's answer: one JSON object out of its text, validation errors as lines, salvage of list items."""

from __future__ import annotations

import copy
import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def parse_json_object(content: str | None) -> tuple[dict[str, Any] | None, str | None]:
    """Parse a model's answer as one JSON object (code fences tolerated); on failure say why."""
    if not content or not content.strip():
        return None, "the answer was empty; reply with one JSON object"
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text, strict=False)  # strict=False: raw newlines or tabs inside strings are tolerated
    except json.JSONDecodeError as exc:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[start : end + 1], strict=False) if 0 <= start < end else None
        except json.JSONDecodeError:
            data = None
        if data is None:
            return None, f"the answer is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    if not isinstance(data, dict):
        return None, "the answer must be one JSON object"
    return data, None


def validation_messages(exc: ValidationError, limit: int = 12) -> list[str]:
    """Pydantic errors as short lines a model can act on."""
    lines = []
    for error in exc.errors()[:limit]:
        where = ".".join(str(part) for part in error["loc"]) or "answer"
        lines.append(f"{where}: {error['msg']}")
    if exc.error_count() > limit:
        lines.append(f"... and {exc.error_count() - limit} more errors")
    return lines


def salvage(model: type[ModelT], data: dict[str, Any], max_drops: int = 200) -> tuple[ModelT | None, int]:
    """Validate after dropping each list item that fails validation; None if the answer's frame itself is invalid."""
    data = copy.deepcopy(data)
    for dropped in range(max_drops + 1):
        try:
            return model.model_validate(data), dropped
        except ValidationError as exc:
            loc = exc.errors()[0]["loc"]
        positions = [i for i, part in enumerate(loc) if isinstance(part, int)]
        if not positions:
            return None, dropped
        container: Any = data
        for part in loc[: positions[-1]]:
            container = container[part]
        if not isinstance(container, list) or not 0 <= int(loc[positions[-1]]) < len(container):
            return None, dropped
        del container[int(loc[positions[-1]])]
    return None, max_drops
