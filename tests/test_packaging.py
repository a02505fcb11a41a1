"""The wheel ships every package of the source tree: pyproject.toml lists them by hand."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_pyproject_lists_every_package_of_the_source_tree() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    in_tree = {
        ".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "summarizer").rglob("__init__.py")
    }
    listed = set(setuptools["packages"]) - set(setuptools.get("package-dir", {}))
    assert listed == in_tree
