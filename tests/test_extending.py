"""docs/EXTENDING.md's worked examples run as written: a reader, a renderer and an engine, each its own module
plus one registration, offered by the command line without any other change."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.cli import main
from summarizer.engines import ENGINES
from summarizer.readers import READERS
from summarizer.renderers import RENDERERS

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "docs" / "EXTENDING.md"
BLOCK = re.compile(r"```python\n# (\S+)\n(.*?)```", re.DOTALL)
REGISTRATION = re.compile(r"```text\n(\w+)\.register\((\S+)\)\n```")


def _modules(tmp_path: Path) -> dict[str, ModuleType]:
    modules = {}
    for path, code in BLOCK.findall(EXAMPLES.read_text(encoding="utf-8")):
        name = "extending_" + Path(path).parent.name if path.endswith("__init__.py") else "extending_" + Path(path).stem
        file = tmp_path / f"{name}.py"
        file.write_text(code, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[path] = module
    return modules


def test_the_page_registers_each_example_in_one_line() -> None:
    text = EXAMPLES.read_text(encoding="utf-8")
    assert [path for path, _ in BLOCK.findall(text)] == [
        "summarizer/readers/lines.py",
        "summarizer/renderers/verdicts.py",
        "summarizer/engines/abstain/__init__.py",
    ]
    assert REGISTRATION.findall(text) == [
        ("READERS", "lines.SPEC"),
        ("RENDERERS", "VERDICTS_RENDERER"),
        ("ENGINES", "abstain.SPEC"),
    ]


def test_the_examples_run_through_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modules = _modules(tmp_path)
    reader = modules["summarizer/readers/lines.py"].SPEC
    renderer = modules["summarizer/renderers/verdicts.py"].VERDICTS_RENDERER
    engine = modules["summarizer/engines/abstain/__init__.py"].SPEC
    statements = tmp_path / "statements.txt"
    statements.write_text("Drug X reduced mortality [1].\n\nNo adverse events were seen with drug X [1].\n")
    with READERS.registered(reader), RENDERERS.registered(renderer), ENGINES.registered(engine):
        code = main(["brief", str(statements), "--input-format", "txt", "--engine", "abstain", "--format", "verdicts"])
        out = capsys.readouterr().out
        assert code == 0
        assert out == "safety\tinsufficient_evidence\tvery_low\nefficacy\tinsufficient_evidence\tvery_low\n"

        output = tmp_path / "brief.verdicts"
        args = ["brief", str(statements), "--input-format", "lines", "--engine", "abstain"]
        assert main([*args, "-o", str(output)]) == 0
        assert output.read_text(encoding="utf-8") == out

        assert main(args) == 0
        brief = json.loads(capsys.readouterr().out)
        assert brief["provenance"]["engine"] == "abstain" and len(brief["statements"]) == 2
        assert {s["annotation"]["annotated_by"] for s in brief["statements"]} == {"abstain"}

        dataset = REPO / "tests" / "fixtures" / "eval" / "stance_small.jsonl"
        assert main(["eval", str(dataset), "--task", "stance", "--engine", "abstain", "--format", "json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["per_class"]["mentioning"]["recall"] == 1.0
    assert "lines" not in READERS and "verdicts" not in RENDERERS and "abstain" not in ENGINES
