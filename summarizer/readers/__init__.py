"""Input readers: the READERS registry, detection, and reading citation exports into a Source of statements.

Each format is its own module defining a ReaderSpec; it is registered here with one line (a LazyReader: the module
is imported when its format is used, so a command imports only the readers it needs), and the command line, the
service and the messages take their lists of formats from READERS. Reading is one layer around the readers:
inputs within the size limits, decoded with a warning for anything that is not UTF-8, JSON parsed within limits
(a sequence of JSON values as a list), a service's error body reported with its own message, and any failure of
a reader turned into an InputError that gives the reason.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import service_error
from summarizer.readers.decoding import checked_text, decode, read_limited, too_large
from summarizer.readers.jsondoc import ParsedJson, parse_document, parse_sequence, syntax_error
from summarizer.readers.lazy import LazyReader, ReaderRegistry
from summarizer.readers.limits import ReadLimits, reading_within
from summarizer.readers.targets import merge_sources, select_target
from summarizer.registry import UnknownName

if TYPE_CHECKING:
    from summarizer.readers.fulltext import Article
    from summarizer.readers.jsonl import write_jsonl

__all__ = [
    "READERS",
    "ReadLimits",
    "ReaderSpec",
    "detect_format",
    "list_references",
    "load_statements",
    "read_full_texts",
    "read_source",
    "select_target",
    "write_jsonl",
]

READERS = ReaderRegistry("input format")


# Registration order is the order the formats are listed in; detection order is each spec's detection_rank. Each
# entry repeats what detection needs of its module's SPEC (tests/test_lazy_readers_s45.py holds them equal).
READERS.register(LazyReader("scite-page", "summarizer.readers.scite_page", ("text",), 50))
READERS.register(LazyReader("scite-api", "summarizer.readers.scite_api", ("document",), 30))
READERS.register(LazyReader("csv", "summarizer.readers.table", ("text",), 40, aliases=("tsv",)))
READERS.register(LazyReader("s2", "summarizer.readers.s2", ("document",), 20))
READERS.register(LazyReader("jsonl", "summarizer.readers.jsonl", ("document", "json_text"), 10))
READERS.register(LazyReader("jats", "summarizer.readers.jats", ("text",), 5, text_opening="<"))
READERS.register(LazyReader("tei", "summarizer.readers.tei", ("text",), 6, text_opening="<"))


def __getattr__(name: str) -> object:
    # write_jsonl is the jsonl reader's: imported when asked for, as the reader itself is
    if name == "write_jsonl":
        from summarizer.readers.jsonl import write_jsonl

        return write_jsonl
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_MAX_WARNINGS = 50
_JSON_START = re.compile(r"\[[ \t\r\n]*[\[{\"\]]|\{[ \t\r\n]*[\"}]")
# What a reader may raise on input it does not expect; reported as the reason the input cannot be read.
_READER_FAILURES = (
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
    csv.Error,
)


def _not_an_export(name: str) -> InputError:
    return InputError(f"{name}: the input is not a citation export (expected one of: {', '.join(READERS.names())})")


def _reader_of_document(data: Any, name: str) -> ReaderSpec | None:
    """The reader that claims a parsed JSON document, or None; an error body raises with the service's message."""
    for spec in READERS.claimants("document"):
        if spec.recognise_document is not None and spec.recognise_document(data):
            return spec
    message = service_error(data)
    if message is not None:
        raise InputError(f"{name}: the service answered with an error, not an export: {message}")
    return None


def _detect(text: str, name: str, limits: ReadLimits) -> tuple[ReaderSpec, ParsedJson | None]:
    """Return the reader and, for readers of JSON documents, the parsed document."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            parsed = parse_document(stripped, name, limits)
        except json.JSONDecodeError as exc:
            error = exc
        else:
            spec = _reader_of_document(parsed.value, name)
            if spec is None:
                raise _not_an_export(name)
            return spec, (parsed if spec.reads_document else None)
        for spec in READERS.claimants("json_text"):
            if spec.recognise_json_text is not None and spec.recognise_json_text(stripped):
                return spec, None
        if error.msg == "Extra data":  # several JSON values: JSON Lines, or pages written one after another
            try:
                sequence = parse_sequence(stripped, name, limits)
            except json.JSONDecodeError as exc:
                # only worth a syntax error if what comes first is an export
                first = parse_sequence(stripped[: error.pos], name, limits).value
                if _reader_of_document(first[0] if len(first) == 1 else first, name) is None:
                    raise _not_an_export(name) from None
                raise syntax_error(name, exc) from None
            spec = _reader_of_document(sequence.value, name)
            if spec is None or not spec.reads_document:
                raise _not_an_export(name)
            return spec, sequence
        if _JSON_START.match(stripped):
            raise syntax_error(name, error)
    for spec in READERS.claimants("text", text):
        if spec.recognise_text is not None and spec.recognise_text(text):
            return spec, None
    raise _not_an_export(name)


def _parse_for(spec: ReaderSpec, text: str, name: str, limits: ReadLimits) -> ParsedJson:
    """Parse the input for a reader of JSON documents named with --input-format."""
    stripped = text.strip()
    try:
        return parse_document(stripped, name, limits)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise syntax_error(name, exc) from None
    try:
        return parse_sequence(stripped, name, limits)
    except json.JSONDecodeError as exc:
        raise syntax_error(name, exc) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    message = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def detect_format(text: str, name: str = "<input>") -> str:
    """Name the format of a citation export from its content; raise InputError when nothing fits."""
    if not text.strip():
        raise InputError(f"{name}: the input is empty")
    limits = ReadLimits()
    with reading_within(limits):
        try:
            return _detect(text.lstrip("\ufeff"), name, limits)[0].name
        except _READER_FAILURES as exc:
            raise InputError(f"{name}: the format cannot be told ({_reason(exc)})") from None


def _capped(warnings: list[str]) -> list[str]:
    if len(warnings) <= _MAX_WARNINGS:
        return warnings
    extra = len(warnings) - _MAX_WARNINGS
    return [*warnings[:_MAX_WARNINGS], f"... and {extra} more warning{'s' if extra != 1 else ''}"]


def _read_one(data: bytes | str, input_format: str | None, name: str, limits: ReadLimits) -> Source | Article:
    raw = bytes(data) if isinstance(data, bytes | bytearray) else data.encode("utf-8", "surrogatepass")
    if len(raw) > limits.max_bytes:
        raise too_large(name, limits.max_bytes)
    input_sha256 = hashlib.sha256(raw).hexdigest()
    warnings: list[str] = []
    from_bytes = isinstance(data, bytes | bytearray)
    if from_bytes:
        if not raw.strip():
            raise InputError(f"{name}: the input is empty")
        data, warnings = decode(raw, name)
    text, text_warnings = checked_text(str(data), name, decoded=from_bytes)
    warnings += text_warnings
    parsed: ParsedJson | None = None
    if input_format is None:
        spec, parsed = _detect(text, name, limits)
    else:
        try:
            spec = READERS.get(input_format)
        except UnknownName:
            expected = ", ".join(READERS.names())
            raise InputError(f"unknown input format {input_format!r} (expected one of: {expected})") from None
    if spec.parse_article is not None:
        article = spec.parse_article(text, name)
        article.warnings = warnings + article.warnings
        article.input_sha256 = input_sha256
        return article
    if spec.reads_document:
        if parsed is None:
            parsed = _parse_for(spec, text, name, limits)
        warnings += parsed.warnings
        message = service_error(parsed.value)
        if message is not None and not (spec.recognise_document and spec.recognise_document(parsed.value)):
            raise InputError(f"{name}: the service answered with an error, not an export: {message}")
        source = spec.read(parsed.value, name)
    else:
        source = spec.read(text, name)
    source.warnings = warnings + source.warnings
    source.input_sha256 = input_sha256
    return source


def _guarded_read(data: bytes | str, input_format: str | None, name: str, limits: ReadLimits) -> Source | Article:
    """Read one input; whatever a reader raises on it becomes an InputError with the reason."""
    with reading_within(limits):
        try:
            return _read_one(data, input_format, name, limits)
        except _READER_FAILURES as exc:
            raise InputError(f"{name}: cannot be read ({_reason(exc)})") from None


def _combined(
    read: Sequence[Source | Article],
    target: str | None,
    target_title: str | None,
    extra_ids: Sequence[str] = (),
) -> tuple[Source, str | None]:
    """The inputs as one statement set, and the target to select: full-text articles give the statements that cite
    the target (which they need), exports give theirs."""
    articles = [item for item in read if not isinstance(item, Source)]
    sources = [item for item in read if isinstance(item, Source)]
    if not articles:
        return merge_sources(sources), target
    from summarizer.readers.citing_sentences import statements_of
    from summarizer.readers.fulltext import target_needed

    if target is None and target_title is None:
        raise target_needed([article.name for article in articles])
    from_articles = statements_of(articles, target or "", target_title, extra_ids)
    from_articles.input_sha256 = hashlib.sha256("".join(a.input_sha256 for a in articles).encode()).hexdigest()
    return merge_sources([*sources, from_articles]), from_articles.target.doi


def _finished(source: Source, names: Sequence[str], target: str | None) -> Source:
    source = select_target(source, target)
    if not source.statements:
        detail = f" ({source.warnings[-1]})" if source.warnings else ""
        raise InputError(f"{', '.join(names)}: no citation statements found{detail}")
    source.warnings = _capped(source.warnings)
    return source


def read_source(
    data: bytes | str,
    input_format: str | None = None,
    name: str = "<input>",
    *,
    target: str | None = None,
    limits: ReadLimits | None = None,
    target_title: str | None = None,
) -> Source:
    """Read a citation export given as bytes or text; detect its format unless input_format names it.

    A full-text article (JATS, TEI) gives the sentences that cite `target` (a DOI, PMID:… or PMCID:…), found in
    its reference list by identifier, else by `target_title`."""
    limits = limits or ReadLimits()
    source, wanted = _combined([_guarded_read(data, input_format, name, limits)], target, target_title)
    return _finished(source, [name], wanted)


def _read_path(path: str | Path, limits: ReadLimits) -> tuple[bytes, str]:
    if str(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            return sys.stdin.read().encode("utf-8", "surrogatepass"), "<stdin>"
        return read_limited(stream, limits.max_bytes, "<stdin>"), "<stdin>"
    file_path = Path(path)
    try:
        if file_path.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        with file_path.open("rb") as handle:
            return read_limited(handle, limits.max_bytes, str(path)), str(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def load_statements(
    paths: str | Path | Sequence[str | Path],
    input_format: str | None = None,
    *,
    target: str | None = None,
    limits: ReadLimits | None = None,
    target_title: str | None = None,
) -> Source:
    """Read one citation export, or several as one statement set, from files or standard input ("-").

    With several inputs the statements are read in order and merged as one set; input_format, when given,
    applies to each. A brief is about one target: `target` names its DOI, else the most cited is kept.
    """
    limits = limits or ReadLimits()
    read, names = _read_all(paths, input_format, limits)
    source, wanted = _combined(read, target, target_title)
    return _finished(source, names, wanted)


def _expanded(path_list: Sequence[str | Path]) -> list[str | Path]:
    """The inputs with each folder replaced by the files in it (sorted; hidden files left out)."""
    expanded: list[str | Path] = []
    for path in path_list:
        if str(path) != "-" and Path(path).is_dir():
            files = sorted(p for p in Path(path).iterdir() if p.is_file() and not p.name.startswith("."))
            if not files:
                raise InputError(f"{path}: the folder holds no files")
            expanded.extend(files)
        else:
            expanded.append(path)
    return expanded


def _read_all(
    paths: str | Path | Sequence[str | Path], input_format: str | None, limits: ReadLimits
) -> tuple[list[Source | Article], list[str]]:
    path_list = [paths] if isinstance(paths, str | Path) else list(paths)
    if not path_list:
        raise InputError("no input given")
    if sum(str(p) == "-" for p in path_list) > 1:
        raise InputError("standard input (-) can be read only once")
    path_list = _expanded(path_list)
    read: list[Source | Article] = []
    names = []
    for path in path_list:
        data, name = _read_path(path, limits)
        item = _guarded_read(data, input_format, name, limits)
        if len(path_list) > 1 and isinstance(item, Source):
            item.warnings = [f"{name}: {warning}" for warning in item.warnings]
        read.append(item)
        names.append(name)
    return read, names


def read_full_texts(
    documents: Sequence[tuple[bytes, str]],
    target: str | None,
    target_title: str | None = None,
    input_format: str | None = "jats",
    limits: ReadLimits | None = None,
    extra_ids: Sequence[str] = (),
) -> Source:
    """Full-text articles given as (bytes, name) as one statement set about the target (Europe PMC's downloads);
    extra_ids are more identifiers of the same target (its PMID besides its DOI)."""
    limits = limits or ReadLimits()
    read = [_guarded_read(data, input_format, name, limits) for data, name in documents]
    source, wanted = _combined(read, target, target_title, extra_ids)
    return _finished(source, [name for _, name in documents] or ["<no article>"], wanted)


def list_references(
    paths: str | Path | Sequence[str | Path], input_format: str | None = None, limits: ReadLimits | None = None
) -> list[dict[str, object]]:
    """The references of full-text articles, each with its ids and how often the text cites it."""
    from summarizer.readers.citing_sentences import reference_listing

    read, _ = _read_all(paths, input_format, limits or ReadLimits())
    listing: list[dict[str, object]] = []
    for item in read:
        if isinstance(item, Source):
            raise InputError(f"--references lists the references of full-text articles (JATS, TEI), not {item.format}")
        listing += reference_listing(item)
    return listing
