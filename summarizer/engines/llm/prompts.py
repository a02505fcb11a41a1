"""Prompts: Jinja2 templates, and statements, targets and earlier answers as delimited data."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import jinja2
import jinja2.meta
from pydantic import BaseModel

from summarizer.errors import ConfigError
from summarizer.models import Quote, Target

SYSTEM_TEMPLATE = "system.j2"
MAP_TEMPLATE = "map.j2"
REDUCE_TEMPLATE = "reduce.j2"
SINGLE_TEMPLATE = "single.j2"
READ_TEMPLATE = "read.j2"
ValueT = TypeVar("ValueT")

MAX_ABSTRACT_CHARS = 2000  # the abstract is in every call's prompt: long enough to say what was studied
TEMPLATE_NAMES = (SYSTEM_TEMPLATE, MAP_TEMPLATE, REDUCE_TEMPLATE, SINGLE_TEMPLATE, READ_TEMPLATE)

_DELIMITER = re.compile(r"<(\s*/?\s*(?:s|statement|target|part)\b)", re.IGNORECASE)
_NEUTRALISED = re.compile(r"\u2039(\s*/?\s*(?:s|statement|target|part)\b)", re.IGNORECASE)


def default_prompts_dir() -> Path:
    """The shipped templates: inside the installed package, or top-level prompts/ in a source checkout."""
    package_dir = Path(__file__).resolve().parents[2]  # summarizer/
    for candidate in (package_dir / "prompts", package_dir.parent / "prompts"):
        if (candidate / SYSTEM_TEMPLATE).is_file():
            return candidate
    raise ConfigError(f"the prompt templates are missing (looked in {package_dir / 'prompts'})")


def neutralise(text: str) -> str:
    """Defuse delimiter-like text inside data, so a statement cannot close or open a delimiter."""
    return _DELIMITER.sub("\u2039\\1", text) if "<" in text else text


def restore(text: str) -> str:
    """Undo `neutralise` on a quote the model copied from neutralised data."""
    return _NEUTRALISED.sub("<\\1", text)


def _attribute(text: str) -> str:
    return neutralise(text).replace('"', "'").replace("\n", " ")


@dataclass(frozen=True)
class StatementView:
    """A statement as a prompt shows it: id, text as data, and an optional question."""

    id: str
    text: str
    question: str = ""


def statement_view(statement_id: str, text: str, max_chars: int, question: str = "") -> StatementView:
    """Prepare one statement for a prompt: neutralise delimiters, cut to max_chars, quote-safe question."""
    return StatementView(id=statement_id, text=neutralise(text[:max_chars]), question=_attribute(question))


def target_text(target: Target | None, max_abstract_chars: int = MAX_ABSTRACT_CHARS) -> str:
    """The target as data for the prompt: title (year) doi, then its abstract when known (empty when nothing is)."""
    if target is None:
        return ""
    parts = [target.title or "", f"({target.year})" if target.year else "", f"doi:{target.doi}" if target.doi else ""]
    text = " ".join(p for p in parts if p)
    if target.abstract and target.abstract.strip():
        abstract = " ".join(target.abstract.split())[:max_abstract_chars]
        text = f"{text}\nAbstract: {abstract}" if text else f"Abstract: {abstract}"
    return neutralise(text)


class PromptSet:
    """The templates of one run: the shipped ones, each overridable by a file of the same name in `directory`."""

    def __init__(self, directory: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if directory is not None:
            if not Path(directory).is_dir():
                raise ConfigError(f"prompt directory not found: {directory}")
            loaders.append(jinja2.FileSystemLoader(str(directory)))
        loaders.append(jinja2.FileSystemLoader(str(default_prompts_dir())))
        self._env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            trim_blocks=False,
        )

    def source(self, name: str) -> str:
        """The text of a template."""
        try:
            text, _, _ = self._env.loader.get_source(self._env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            raise ConfigError(f"prompt template not found: {name}") from None
        return text

    def render(self, name: str, **variables: Any) -> str:
        """Render a template; an undefined variable is an error."""
        try:
            return self._env.get_template(name).render(**variables).strip() + "\n"
        except jinja2.TemplateError as exc:
            raise ConfigError(f"prompt template {name}: {exc}") from None

    def used_by(self, name: str) -> list[str]:
        """The template and every template it includes, recursively."""
        seen: list[str] = []
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.append(current)
            parsed = self._env.parse(self.source(current))
            pending += [ref for ref in jinja2.meta.find_referenced_templates(parsed) if ref]
        return seen

    def hashes(self, names: Iterable[str]) -> dict[str, str]:
        """SHA-256 of the text of each named template and its includes."""
        result: dict[str, str] = {}
        for name in names:
            for used in self.used_by(name):
                result[used] = hashlib.sha256(self.source(used).encode("utf-8")).hexdigest()
        return dict(sorted(result.items()))


@functools.cache
def _may_hold_quotes(model: type[BaseModel]) -> bool:
    """Whether a model's fields can hold a Quote, at any depth (annotations cannot: they are skipped)."""
    if issubclass(model, Quote):
        return True
    return any(
        isinstance(arg, type) and issubclass(arg, BaseModel) and _may_hold_quotes(arg)
        for field in model.model_fields.values()
        for arg in _type_args(field.annotation)
    )


def _type_args(annotation: Any) -> list[Any]:
    args = [annotation]
    for arg in typing.get_args(annotation):
        args += _type_args(arg)
    return args


def compact_json(data: Any) -> str:
    """JSON without spaces, for prompts and schemas."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def restore_quotes(value: ValueT, texts: Mapping[str, str]) -> ValueT:
    """Map the quotes of an answer (a model, a list of them or one quote) that the model copied from neutralised
    text back to the statements' own characters. What needs no change is returned as it is."""
    return cast(ValueT, _restored(value, texts))


def _restored(value: Any, texts: Mapping[str, str]) -> Any:
    if isinstance(value, BaseModel) and not _may_hold_quotes(type(value)):
        return value
    if isinstance(value, Quote):
        text = texts.get(value.statement_id)
        if text is not None and value.text not in text and restore(value.text) in text:
            return Quote(statement_id=value.statement_id, text=restore(value.text))
        return value
    if isinstance(value, list):
        items = [_restored(item, texts) for item in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _restored(old, texts)
            if new is not old:
                changed[name] = new
        return value.model_copy(update=changed) if changed else value
    return value
