"""The command line: exit codes, one-line errors, atomic output and the main commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.contract import contract_violations
from summarizer.models import Brief

EXISTING = "previous contents\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_brief_of_the_example_prints_a_contract_json(capsys: pytest.CaptureFixture[str], example_path: Path) -> None:
    code, out, err = _run(capsys, "brief", str(example_path))
    assert code == 0, err
    brief = Brief.model_validate_json(out)
    assert contract_violations(brief) == []
    assert brief.safety.assessment == "no_concerns_reported"
    assert brief.efficacy.assessment == "benefit_reported"


def test_brief_writes_markdown_atomically_by_suffix(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "brief.md"
    target.write_text(EXISTING)
    code, out, _ = _run(capsys, "brief", str(example_path), "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text()
    assert text.startswith("# Evidence brief: Safety and Feasibility")
    assert list(tmp_path.iterdir()) == [target]


def test_brief_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], example_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(example_path.read_bytes())))
    code, out, err = _run(capsys, "brief", "-", "--format", "md")
    assert code == 0, err
    assert "**Safety:** No concerns reported" in out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"\n  \n\t\n"),
        ("binary.bin", bytes(range(256)) * 4),
        ("prose.txt", b"It was a bright cold day in April, and the clocks were striking thirteen.\n" * 3),
        ("object.json", b'{"hello": "world"}'),
    ],
)
def test_bad_input_exits_2_with_one_line_and_leaves_output_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out_file = tmp_path / "out.json"
    out_file.write_text(EXISTING)
    code, out, err = _run(capsys, "brief", str(bad), "-o", str(out_file))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert "Traceback" not in err
    assert out_file.read_text() == EXISTING
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "out.json"])


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    out_file.write_text(EXISTING)
    code, _, err = _run(capsys, "brief", str(tmp_path / "nope.txt"), "-o", str(out_file))
    assert code == 2
    assert err.count("\n") == 1 and "nope.txt" in err
    assert out_file.read_text() == EXISTING


@pytest.mark.parametrize(
    "argv",
    [
        ["brief"],
        ["brief", "x.txt", "--format", "pdf"],
        ["brief", "x.txt", "--bogus"],
        ["eval", "x.jsonl"],
        ["brief", "x.txt", "--concurrency", "0"],
    ],
)
def test_bad_usage_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err


def test_llm_flags_without_llm_engine_exit_2(capsys: pytest.CaptureFixture[str], example_path: Path) -> None:
    code, _, err = _run(capsys, "brief", str(example_path), "--model", "gpt-x")
    assert code == 2 and "--engine llm" in err


def test_bad_config_exits_2(capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('engine = "extractive"\nunknown_key = 1\n')
    code, _, err = _run(capsys, "brief", str(example_path), "--config", str(config))
    assert code == 2 and "unknown_key" in err and err.count("\n") == 1


def test_output_into_missing_directory_exits_2(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "brief", str(example_path), "-o", str(tmp_path / "no" / "such" / "b.json"))
    assert code == 2 and "does not exist" in err


def test_extract_round_trips_through_brief(
    capsys: pytest.CaptureFixture[str], example_path: Path, tmp_path: Path
) -> None:
    jsonl = tmp_path / "statements.jsonl"
    assert _run(capsys, "extract", str(example_path), "-o", str(jsonl))[0] == 0
    lines = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len([r for r in lines if r.get("record") == "statement"]) == 4
    direct = Brief.model_validate_json(_run(capsys, "brief", str(example_path))[1])
    via_jsonl = Brief.model_validate_json(_run(capsys, "brief", str(jsonl))[1])
    assert via_jsonl.statements == direct.statements
    assert via_jsonl.target == direct.target
    assert via_jsonl.safety == direct.safety and via_jsonl.efficacy == direct.efficacy


def test_schema_is_the_brief_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "Brief"
    assert {"schema_version", "target", "statements", "tally", "safety", "efficacy", "coverage"} <= set(
        schema["properties"]
    )


def test_installed_command_runs_without_traceback(example_path: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(example_path), "--format", "md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Evidence brief" in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(tmp_path / "missing.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_ctrl_c_while_the_command_line_loads_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.abc
    import sys

    from summarizer.__main__ import run

    class InterruptedLoad(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == "summarizer.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "summarizer.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [InterruptedLoad(), *sys.meta_path])
    assert run() == 130
    assert capsys.readouterr().err == "summarizer: interrupted\n"


def test_the_package_loads_its_public_names_on_first_use() -> None:
    import subprocess
    import sys

    code = "import sys, summarizer; print('summarizer.pipeline' in sys.modules, summarizer.summarize.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "summarizer.pipeline"]


def test_a_ctrl_c_that_python_drops_in_a_weakref_callback_still_ends_the_run_as_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, example_path: Path
) -> None:
    import weakref

    import summarizer.pipeline

    summarize = summarizer.pipeline.summarize

    class Pool:
        pass

    def summarize_whose_pool_is_let_go_during_a_ctrl_c(*args: object, **kwargs: object) -> object:
        def callback(_ref: object) -> None:
            raise KeyboardInterrupt  # as a Ctrl-C does that arrives while the callback runs

        pool = Pool()
        ref = weakref.ref(pool, callback)
        del pool  # Python reports the callback's KeyboardInterrupt as unraisable, and goes on
        assert ref() is None
        return summarize(*args, **kwargs)

    monkeypatch.setattr(summarizer.pipeline, "summarize", summarize_whose_pool_is_let_go_during_a_ctrl_c)
    target = tmp_path / "brief.json"
    target.write_text(EXISTING)
    assert _run(capsys, "brief", str(example_path), "-o", str(target)) == (130, "", "summarizer: interrupted\n")
    assert target.read_text() == EXISTING
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]


def test_a_ctrl_c_once_the_output_is_rendered_lets_the_run_end_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import signal

    import summarizer.output

    replace = os.replace

    def interrupted_replace(src: str, dst: str) -> None:
        signal.raise_signal(signal.SIGINT)
        replace(src, dst)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(summarizer.output.os, "replace", interrupted_replace)
    target = tmp_path / "schema.json"
    target.write_text(EXISTING)
    assert _run(capsys, "schema", "-o", str(target))[::2] == (0, "")
    assert json.loads(target.read_text())["title"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
