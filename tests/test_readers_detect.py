"""Format detection and the input errors every reader shares."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path

import pytest

from summarizer.cli import build_parser
from summarizer.errors import InputError
from summarizer.readers import (
    READERS,
    detect_format,
    jsonl,
    load_statements,
    read_source,
    s2,
    scite_api,
    scite_page,
    table,
)
from summarizer.service import create_app
from summarizer.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
EXAMPLE = Path(__file__).parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"
NOT_AN_EXPORT = r"is not a citation export \(expected one of: scite-page, scite-api, csv, s2, jsonl, jats, tei\)"


def test_formats() -> None:
    assert READERS.names() == ("scite-page", "scite-api", "csv", "s2", "jsonl", "jats", "tei")
    assert READERS.choices() == ("scite-page", "scite-api", "csv", "s2", "jsonl", "jats", "tei", "tsv")


def test_each_reader_module_registers_its_spec() -> None:
    for module in (scite_page, scite_api, table, s2, jsonl):
        assert READERS.get(module.SPEC.name) is module.SPEC


def _input_format_choices(parser: argparse.ArgumentParser) -> dict[str, tuple[str, ...]]:
    """The --input-format choices of each subcommand that has the flag."""
    found: dict[str, tuple[str, ...]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, subparser in action.choices.items():
                for option in subparser._actions:
                    if "--input-format" in option.option_strings:
                        found[command] = tuple(option.choices or ())
    return found


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    assert _input_format_choices(build_parser()) == {"brief": READERS.choices(), "extract": READERS.choices()}


def test_the_service_offers_exactly_the_registered_formats() -> None:
    operation = create_app(Settings()).openapi()["paths"]["/v1/briefs"]["post"]
    parameter = next(p for p in operation["parameters"] if p["name"] == "input_format")
    assert parameter["schema"]["anyOf"][0]["enum"] == list(READERS.names())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (EXAMPLE, "scite-page"),
        (FIXTURES / "scite-api-citations.json", "scite-api"),
        (FIXTURES / "scite-api-list.json", "scite-api"),
        (FIXTURES / "citations.csv", "csv"),
        (FIXTURES / "citations.tsv", "csv"),
        (FIXTURES / "s2-citations.json", "s2"),
        (FIXTURES / "statements.jsonl", "jsonl"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_each_format_is_detected(path: Path, expected: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert detect_format(text) == expected
    assert load_statements(path).format == expected


PROSE = (
    "Mesenchymal stem cells are multipotent stromal cells that can differentiate into a variety of cell types.\n"
    "They have been studied in many conditions, including lung injury, and the results are mixed.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(PROSE, id="prose"),
        pytest.param("[1] Smith J. A study of cells. J Cells. 2020;1:1-10.\n[2] Doe A. More cells.\n", id="references"),
        pytest.param(json.dumps({"name": "x", "values": [1, 2, 3]}), id="json-object"),
        pytest.param(json.dumps([{"a": 1}, {"b": 2}]), id="json-list"),
        pytest.param(json.dumps([1, 2, 3]), id="json-numbers"),
        pytest.param('"just a string"', id="json-string"),
        pytest.param("Title, subtitle and other words, in prose.\nMore prose.\n", id="comma-prose"),
        pytest.param('{"a": 1}\n{"b": 2}\n', id="other-json-lines"),
    ],
)
def test_other_text_is_not_a_citation_export(text: str) -> None:
    with pytest.raises(InputError, match=NOT_AN_EXPORT):
        detect_format(text)
    with pytest.raises(InputError, match="^notes.txt: the input " + NOT_AN_EXPORT):
        read_source(text, name="notes.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "", "\ufeff  \n", b"\xef\xbb\xbf\n"])
def test_empty_input(data: bytes | str) -> None:
    with pytest.raises(InputError, match=r"^in.txt: the input is empty$"):
        read_source(data, name="in.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        "text with a NUL\x00 inside",
        bytes(range(1, 32)) * 10,
    ],
)
def test_binary_input(data: bytes | str) -> None:
    with pytest.raises(InputError, match=r"^in.bin: the input is binary, not text$"):
        read_source(data, name="in.bin")


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(InputError, match=r"unknown input format 'bibtex' \(expected one of: scite-page, scite-api"):
        read_source(EXAMPLE.read_bytes(), input_format="bibtex")


def test_format_names_are_case_insensitive_and_tsv_means_csv() -> None:
    assert read_source(EXAMPLE.read_bytes(), input_format="Scite-Page").format == "scite-page"
    assert read_source((FIXTURES / "citations.tsv").read_bytes(), input_format="tsv").format == "csv"


def test_a_given_format_skips_detection() -> None:
    with pytest.raises(InputError, match="no statement text column"):
        read_source(PROSE, input_format="csv")
    with pytest.raises(InputError, match="not a Semantic Scholar citations response"):
        read_source((FIXTURES / "scite-api-list.json").read_bytes(), input_format="s2")


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=rf"^{missing}: no such file$"):
        load_statements(missing)


def test_directory(tmp_path: Path) -> None:
    # a folder is read as its files (several full-text articles); an empty one is refused
    with pytest.raises(InputError, match=rf"^{tmp_path}: the folder holds no files$"):
        load_statements(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(EXAMPLE.read_bytes())

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=rf"^{path}: permission denied$"):
        load_statements(path)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    source = load_statements("-")
    assert source.format == "scite-page"
    assert len(source.statements) == 4


def test_stdin_error_names_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    with pytest.raises(InputError, match=r"^<stdin>: the input is empty$"):
        load_statements("-")


def test_input_hash_is_of_the_raw_bytes() -> None:
    import hashlib

    data = EXAMPLE.read_bytes()
    assert read_source(data).input_sha256 == hashlib.sha256(data).hexdigest()


def test_many_warnings_are_capped() -> None:
    rows = "".join(f",mentioning\nS{i},mentioning\n" for i in range(80))
    source = read_source("snippet,type\n" + rows)
    assert len(source.statements) == 80
    assert len(source.warnings) == 51
    assert source.warnings[-1] == "... and 30 more warnings"


def test_json_with_a_syntax_error_is_reported_as_such() -> None:
    with pytest.raises(InputError, match=r"not valid JSON \(line 2, column"):
        detect_format('{"citations": [\n  {"snippet": "Safe." "type": "mentioning"}\n]}')


def test_the_readme_lists_exactly_the_registered_formats() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Inputs", 1)[1].split("\n|---", 1)[1].split("\n\n", 1)[0]
    first_cells = [line.split(" | ")[0] for line in table.splitlines() if line.startswith("| `")]
    listed = [name for cell in first_cells for name in re.findall(r"`([^`]+)`", cell)]
    assert sorted(listed) == sorted(READERS.choices())
