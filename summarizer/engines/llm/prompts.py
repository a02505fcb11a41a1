"""Prompts: Jinja2 templates, and statements, targets and earlier answers as delimited data."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import typing
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import jinja2
import jinja2.meta
from pydantic import BaseModel

from summarizer.design import design_label
from summarizer.engines.extractive.abbreviations import definitions_in, find_definitions, short_key
from summarizer.errors import ConfigError
from summarizer.models import Quote, Statement, Target

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
    """A statement as a prompt shows it: id, text as data, an optional question, and what the source tells of it
    (`attrs`, rendered: ` type=supporting sec=Results conf=0.93 by=P2 cites=12 mark=7`)."""

    id: str
    text: str
    question: str = ""
    attrs: str = ""

    @property
    def marked(self) -> bool:
        """Whether the source told which citation marker in it is the target's (the prompt then says what mark=
        means)."""
        return f" {MARK_ATTRIBUTE}=" in self.attrs


def statement_view(statement_id: str, text: str, max_chars: int, question: str = "", attrs: str = "") -> StatementView:
    """Prepare one statement for a prompt: neutralise delimiters, cut to max_chars, quote-safe question."""
    return StatementView(id=statement_id, text=neutralise(text[:max_chars]), question=_attribute(question), attrs=attrs)


def _citing_key(statement: Statement) -> str | None:
    citing = statement.citing
    if citing.doi:
        return citing.doi.lower()
    if citing.title:
        return " ".join(citing.title.lower().split())
    return None


MARK_ATTRIBUTE = "mark"
MAX_MARK_CHARS = 40


def _attribute_value(name: str, value: str, max_chars: int) -> str:
    shown = _attribute(" ".join(value.split())[:max_chars])
    return f'{name}="{shown}"' if " " in shown else f"{name}={shown}"


def statement_attrs(statement: Statement, citing_key: str | None) -> str:
    """What the source tells of a statement, as the attributes of its <s> element: its scite type (unclassified
    is left out), section, the source's confidence, a short key of its citing paper (P1, P2, ... in order of first
    appearance), when it cites the target among several works how many (cites=N), and the target's own citation
    marker in it where the reader knows it (mark=..., Statement.target_marker)."""
    parts = []
    if statement.type != "unclassified":
        parts.append(f"type={statement.type}")
    if statement.section and statement.section.strip():
        parts.append(_attribute_value("sec", statement.section, 40))
    if statement.confidence is not None:
        parts.append(f"conf={statement.confidence:.2f}")
    if citing_key:
        parts.append(f"by={citing_key}")
    if statement.cites_several:
        parts.append(f"cites={statement.cited_works}" if statement.cited_works else "cites=several")
    if statement.target_marker and statement.target_marker.strip():
        parts.append(_attribute_value(MARK_ATTRIBUTE, statement.target_marker, MAX_MARK_CHARS))
    return "".join(f" {part}" for part in parts)


def statement_views(statements: Sequence[Statement], max_chars: int) -> list[StatementView]:
    """Every statement as a prompt shows it, with what its source tells (statement_attrs)."""
    keys: dict[str, str] = {}
    views = []
    for statement in statements:
        key = _citing_key(statement)
        short = keys.setdefault(key, f"P{len(keys) + 1}") if key is not None else None
        views.append(statement_view(statement.id, statement.text, max_chars, attrs=statement_attrs(statement, short)))
    return views


MAX_ABBREVIATIONS = 12
MAX_LONG_FORM_CHARS = 60
MAX_DESIGN_IDS = 6
_ABBREVIATION = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*")  # one word, a capital past its first letter


def abbreviations_text(target: Target | None, statements: Sequence[Statement]) -> str:
    """Short forms the statements use, each tied to the long form the statements (or the abstract) define it by
    (Schwartz-Hearst, engines/extractive/abbreviations.py): "ICS = inhaled corticosteroids; SOC = standard of care"."""
    texts = [s.text for s in statements]
    if target is not None and target.abstract:
        texts.append(target.abstract)
    long_forms: dict[str, tuple[str, str]] = {}  # key: (short as first written, long form)
    for key, long_form in definitions_in(texts).items():
        long_forms[key] = ("", long_form)
    for text in texts:
        if "(" not in text:
            continue
        for definition in find_definitions(text):
            key = short_key(definition.short)
            if key in long_forms and not long_forms[key][0]:
                long_forms[key] = (definition.short, long_forms[key][1])
    shown = [
        f"{short} = {long}"
        for short, long in long_forms.values()
        if _ABBREVIATION.fullmatch(short) and long[:1].isalpha() and len(long) <= MAX_LONG_FORM_CHARS
    ][:MAX_ABBREVIATIONS]
    return neutralise("; ".join(shown))


def design_text(design: str | None, statement_ids: Sequence[str]) -> str:
    """The target's design as the pipeline read it ("randomised trial, from S3, S7"), or '' when none was read."""
    if design is None:
        return ""
    label = design_label(design)
    if not statement_ids:
        return f"{label}, from its title and abstract"
    more = len(statement_ids) - MAX_DESIGN_IDS
    shown = ", ".join(statement_ids[:MAX_DESIGN_IDS]) + (f" and {more} more" if more > 0 else "")
    return f"{label}, from {shown}"


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


@dataclass(frozen=True)
class TargetView:
    """The target as every prompt shows it: its text (empty: unknown, and the prompt says so), its design as the
    pipeline read it, and the abbreviations the statements define."""

    text: str = ""
    design: str = ""
    abbreviations: str = ""


def target_view(target: Target | None, statements: Sequence[Statement]) -> TargetView:
    """What the prompts show of the target: target_text, design_text (the design the pipeline read once for every
    engine: target.design and its statements) and abbreviations_text."""
    design, design_ids = (None, []) if target is None else (target.design, target.design_statement_ids)
    return TargetView(
        text=target_text(target),
        design=design_text(design, design_ids),
        abbreviations=abbreviations_text(target, statements),
    )


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


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text after Unicode NFKC, with every run of whitespace one space, and for each of its characters the
    offset in `text` of the character it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char)
        for piece in folded:
            if piece.isspace():
                if out and out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            origin.append(i)
    return "".join(out), origin


def locate(quote: str, text: str) -> str | None:
    """The statement's own text at the place a quote copies, where the quote matches it after NFKC and whitespace
    normalisation of both (a no-break or thin space, a ligature, a line break); None where it does not."""
    if quote in text:
        return quote
    wanted, _ = _normalised(quote)
    wanted = wanted.strip()
    if not wanted:
        return None
    haystack, origin = _normalised(text)
    start = haystack.find(wanted)
    if start < 0:
        return None
    end = start + len(wanted) - 1
    return text[origin[start] : origin[end] + 1]


def compact_json(data: Any) -> str:
    """JSON without spaces, for prompts and schemas."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def restore_quotes(value: ValueT, texts: Mapping[str, str]) -> ValueT:
    """Map the quotes of an answer (a model, a list of them or one quote) back to the statements' own characters:
    a quote copied from neutralised text, or one that matches only after NFKC and whitespace normalisation of both
    sides (`locate`), becomes the statement's own text at that place. What needs no change is returned as it is."""
    return cast(ValueT, _restored(value, texts))


def _restored(value: Any, texts: Mapping[str, str]) -> Any:
    if isinstance(value, BaseModel) and not _may_hold_quotes(type(value)):
        return value
    if isinstance(value, Quote):
        text = texts.get(value.statement_id)
        if text is None or value.text in text:
            return value
        found = locate(restore(value.text), text)
        return value if found is None else Quote(statement_id=value.statement_id, text=found)
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
