"""Reading inputs: several INPUTs as one set, one target per brief, limits, encodings and crash inputs (issues 13
and 14). Each failure named in the issues has a test here or beside its reader."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.readers import READERS, ReaderSpec, ReadLimits, load_statements, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
EXAMPLE = Path(__file__).parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


def _pages(tmp_path: Path) -> tuple[Path, Path, Path]:
    full = json.loads((FIXTURES / "s2-citations.json").read_text())
    page1 = tmp_path / "page1.json"
    page2 = tmp_path / "page2.json"
    merged = tmp_path / "merged.json"
    page1.write_text(json.dumps({"offset": 0, "next": 2, "data": full["data"][:2]}))
    page2.write_text(json.dumps({"offset": 2, "data": full["data"][2:]}))
    merged.write_text(json.dumps(full))
    return page1, page2, merged


def _brief_statements(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["brief", *args, "--quiet"]) == 0
    statements: list[dict[str, object]] = json.loads(capsys.readouterr().out)["statements"]
    return statements


def test_a_paged_export_in_several_files_gives_the_merged_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page1, page2, merged = _pages(tmp_path)
    paged = _brief_statements([str(page1), str(page2)], capsys)
    whole = _brief_statements([str(merged)], capsys)
    assert paged == whole
    assert len(paged) == 3


def test_inputs_of_different_formats_are_one_statement_set() -> None:
    source = load_statements([FIXTURES / "citations.csv", FIXTURES / "scite-api-list.json"])
    assert source.format == "csv+scite-api"
    assert [s.id for s in source.statements] == [f"S{i}" for i in range(1, len(source.statements) + 1)]
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert len(source.statements) == 5


def test_duplicates_across_inputs_merge_as_within_one(capsys: pytest.CaptureFixture[str]) -> None:
    twice = _brief_statements([str(FIXTURES / "citations.csv"), str(FIXTURES / "citations.csv")], capsys)
    once = _brief_statements([str(FIXTURES / "citations.csv")], capsys)
    assert [s["text"] for s in twice] == [s["text"] for s in once]
    assert [s["occurrences"] for s in twice] == [2 * int(s["occurrences"]) for s in once]  # type: ignore[call-overload]


def test_warnings_of_several_inputs_name_their_input(tmp_path: Path) -> None:
    page1, page2, _ = _pages(tmp_path)
    source = load_statements([page1, page2])
    assert source.warnings == [f"{page1}: 1 citing paper had no citation contexts and contributed no statements"]


def test_stdin_only_once() -> None:
    with pytest.raises(InputError, match="standard input"):
        load_statements(["-", "-"])


def test_extract_prints_the_reader_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "scite-task-example.json")]) == 0
    err = capsys.readouterr().err
    assert err.startswith(
        "summarizer: warning: the input cites 6 different targets: this brief is about 10.1172/jci31021"
    )
    assert main(["extract", str(FIXTURES / "scite-task-example.json"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_brief_and_extract_take_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "scite-task-example.json"), "--target", "10.1002/hep.26015"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["target"]["doi"] == "10.1002/hep.26015"
    assert len(records) == 2
    assert main(["brief", str(FIXTURES / "scite-task-example.json"), "--target", "10.9/none"]) == 2
    expected = "no statement in the input cites 10.9/none (--target); it cites 10.1172/jci31021 (2)"
    assert expected in capsys.readouterr().err


# --- issue 14: limits, encodings and the inputs that crashed ---


def test_an_endless_binary_stream_stops_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert main(["brief", "/dev/zero"]) == 2
    assert capsys.readouterr().err == "summarizer: error: /dev/zero: the input is binary, not text\n"


def test_an_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(EXAMPLE.read_bytes())
    limits = ReadLimits(max_bytes=1000)
    refused = r"big.txt: the input is larger than the limit of 1,000 bytes \(input.max_bytes"
    with pytest.raises(InputError, match=refused):
        load_statements(path, limits=limits)
    with pytest.raises(InputError, match="larger than the limit"):
        read_source(EXAMPLE.read_bytes(), limits=limits)


def test_the_size_limit_comes_from_the_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "small.toml"
    config.write_text("[input]\nmax_bytes = 100\n")
    assert main(["extract", str(EXAMPLE), "--config", str(config)]) == 2
    assert "larger than the limit of 100 bytes" in capsys.readouterr().err


def test_invalid_utf8_is_named_by_line_never_silent() -> None:
    # mostly UTF-8 with one bad byte: the bad byte is replaced and its line named
    data = "snippet,type\n“Safe” in all patients.,supporting\nOxygenation improved.,mentioning\n".encode()
    data = data.replace(b"Oxygenation", b"Oxygenation \xff")
    source = read_source(data)
    assert source.warnings == ["invalid UTF-8 on line 3: the bad bytes were replaced by U+FFFD"]
    assert source.statements[1].text == "Oxygenation \ufffd improved."
    # a whole Windows-1252 file: read as such, with a warning naming the first line
    cp1252 = "snippet,type\nSafe in all patients.,supporting\nNo pyrexia – none at all.,mentioning\n".encode("cp1252")
    source = read_source(cp1252)
    assert source.statements[1].text == "No pyrexia – none at all."
    assert source.warnings == [
        "not UTF-8 (line 3 has byte 0x96): read as Windows-1252; check accented letters, or save the file as UTF-8"
    ]


def test_bytes_that_are_no_known_encoding_are_an_error() -> None:
    with pytest.raises(InputError, match=r"line 2 is neither UTF-8 nor Windows-1252 text \(byte 0x81\)"):
        read_source(b"snippet,type\nSafe \x81.,supporting\n")


def test_json_nested_too_deeply_is_a_clear_error() -> None:
    deep = "[" * 1000 + "]" * 1000
    with pytest.raises(InputError, match="nested more deeply than the parser allows"):
        read_source(deep)
    with pytest.raises(InputError, match="nested more deeply"):
        read_source('{"citations": ' + deep + "}", input_format="scite-api")


def test_a_number_with_too_many_digits_is_a_clear_error() -> None:
    data = '[{"snippet": "Safe.", "target": "10.1/t", "typeConfidence": ' + "1" * 4301 + "}]"
    with pytest.raises(InputError, match="a number in the JSON has 4301 digits, more than the limit of 100"):
        read_source(data)


@pytest.mark.parametrize("field", ["typeConfidence", "year"])
def test_a_number_out_of_range_is_a_clear_error(field: str) -> None:
    data = '[{"snippet": "Safe.", "target": "10.1/t", "' + field + '": 1e309}]'
    with pytest.raises(InputError, match="the number 1e309 in the JSON is out of range"):
        read_source(data)


def test_a_lone_surrogate_is_replaced_so_output_never_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text('[{"snippet": "Safe.", "source": "10.1/a\\udfff", "target": "10.1/t", "type": "mentioning"}]')
    source = load_statements(path)
    assert source.statements[0].citing.doi == "10.1/a\ufffd"
    assert source.warnings == ["1 lone UTF-16 surrogate escape (such as \\udfff) replaced by U+FFFD"]
    for output_format in ("json", "md", "html", "csv"):
        assert main(["brief", str(path), "--format", output_format, "--quiet"]) == 0
        capsys.readouterr().out.encode("utf-8")
    text_with_surrogate = "snippet,type\nSafe \udfff.,mentioning\n"
    assert read_source(text_with_surrogate).statements[0].text == "Safe \ufffd."


def test_a_reader_failure_becomes_an_input_error_with_the_reason() -> None:
    def broken(data: object, name: str) -> Source:
        raise TypeError("'int' object is not iterable")

    spec = ReaderSpec("broken-test-format", "a reader that fails", broken, reads_document=True)
    reason = r"x.json: cannot be read \(TypeError: 'int' object is not iterable\)"
    with READERS.registered(spec), pytest.raises(InputError, match=reason):
        read_source('{"a": 1}', input_format="broken-test-format", name="x.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_fifo_is_read(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes((FIXTURES / "citations.csv").read_bytes()))
    writer.start()
    source = load_statements(fifo)
    writer.join()
    assert len(source.statements) == 3


@pytest.mark.parametrize(
    ("text", "input_format"),
    [
        ('{"status": ["SUCCESS"], "citations": [{"snippet": "Safe.", "target": "10.1/t"}]}', "scite-api"),
        ('{"status": {"a": 1}, "result": {"citations": [{"snippet": "Safe.", "target": "10.1/t"}]}}', "scite-api"),
        ("Citation Types\n,\n“Safe.”\nSection: Discussion\n", "scite-page"),
        ("Citation Types\nsupporting " + "9" * 5000 + "\n“Safe.”\nSection: Discussion\n", "scite-page"),
        (
            '{"tallies": {"total": "' + "9" * 5000 + '", "supporting": 1}, "citations": [{"snippet": "Safe."}]}',
            "scite-api",
        ),
    ],
)
def test_values_the_fuzzer_found_are_read_not_refused_by_the_guard(text: str, input_format: str) -> None:
    # found by bench/fuzz_readers.py: a list as a task status, a lone comma or 5,000 digits as a count
    source = read_source(text, input_format=input_format)
    assert source.statements[0].text == "Safe."
