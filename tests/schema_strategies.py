"""Hypothesis strategies that draw instances of a JSON schema: the subset the engine sends to a server (object, array,
string, enum, anyOf with null, $ref into $defs, pattern, minLength, maxLength, minItems, maxItems). An equivalent of
hypothesis-jsonschema for that subset (hypothesis-jsonschema 0.23 does not run with this project's hypothesis);
every drawn instance is checked against the schema with jsonschema_rs where it is used."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

NON_BLANK_PATTERNS = (r"^[\s\S]*\S[\s\S]*$",)
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


def instances(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Instances of `schema` (resolving $ref against its own $defs)."""
    return _strategy(schema, schema)


def _strategy(node: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        return st.deferred(lambda: _strategy(root["$defs"][node["$ref"].rsplit("/", 1)[-1]], root))
    if "anyOf" in node:
        return st.one_of(*(_strategy(option, root) for option in node["anyOf"]))
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "null":
        return st.none()
    if kind == "object":
        return st.fixed_dictionaries({key: _strategy(sub, root) for key, sub in node.get("properties", {}).items()})
    if kind == "array":
        low = node.get("minItems", 0)
        return st.lists(_strategy(node.get("items", {}), root), min_size=low, max_size=node.get("maxItems", low + 4))
    if kind == "string":
        return _string(node)
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "number"):
        return st.integers(-1000, 1000)
    raise ValueError(f"no strategy for the schema {node}")


def _string(node: dict[str, Any]) -> st.SearchStrategy[str]:
    low, high = node.get("minLength", 0), node.get("maxLength", 200)
    text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=low, max_size=high)
    pattern = node.get("pattern")
    if pattern is None:
        return text
    if pattern in NON_BLANK_PATTERNS:
        word = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Cc")), min_size=1)
        return st.tuples(_TEXT, word, _TEXT).map("".join).filter(lambda s: low <= len(s) <= high and s.strip())
    return st.from_regex(pattern, fullmatch=True).filter(lambda s: low <= len(s) <= high)
