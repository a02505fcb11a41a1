"""The ```python examples of docs/API.md run as written, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
API_DOC = REPO_ROOT / "docs" / "API.md"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(markdown: str) -> list[str]:
    """The bodies of the ```python fenced blocks, in order."""
    return PYTHON_BLOCK.findall(markdown)


def test_the_doc_has_examples() -> None:
    blocks = python_blocks(API_DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    joined = "\n".join(blocks)
    for name in ("load_statements", "summarize", "asummarize", 'render(brief, "html")', "create_app"):
        assert name in joined


def test_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Relative paths resolve as from the repository root, but the files the examples write land in tmp_path.
    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples")
    (tmp_path / "config").symlink_to(REPO_ROOT / "config")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "api_doc"}
    for number, block in enumerate(python_blocks(API_DOC.read_text(encoding="utf-8")), start=1):
        try:
            exec(compile(block, f"docs/API.md block {number}", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"docs/API.md python block {number} failed: {exc!r}\n{block}") from exc
    for name in ("brief.json", "brief.md", "brief.html", "brief.csv"):
        assert (tmp_path / name).stat().st_size > 0
    assert "no_concerns_reported very_low" in capsys.readouterr().out
