"""s48-speed4: the reading looks its word tables up (`table[word]`) rather than calling them (`table(word)`), which
costs about twice as much; and a lookup answers as the table's function does."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import summarizer.engines.extractive as extractive
from summarizer.engines.extractive.cues import is_head, word_class
from summarizer.engines.extractive.per_word import PerWord
from summarizer.engines.extractive.treatment_mention import head_class
from summarizer.engines.extractive.treatment_names import is_name_word


def _module_names() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(extractive.__path__, extractive.__name__ + ".")]


def _tables_called(module_name: str) -> list[str]:
    """The places in a module's source where a name bound to a PerWord in that module is called or mapped."""
    module = importlib.import_module(module_name)
    source = Path(str(module.__file__)).with_suffix(".py")
    if not source.exists():
        return []
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        called = [node.func]
        if isinstance(node.func, ast.Name) and node.func.id == "map" and node.args:
            called.append(node.args[0])
        for target in called:
            if isinstance(target, ast.Name) and isinstance(getattr(module, target.id, None), PerWord):
                found.append(f"{module_name}:{node.lineno} {target.id}")
    return found


def test_no_word_table_is_called_where_it_could_be_looked_up() -> None:
    called = [place for name in _module_names() for place in _tables_called(name)]
    assert called == []


def test_the_scan_finds_a_called_table(tmp_path: Path) -> None:
    # the negative case: the scan itself must see a call of a table (else the test above proves nothing)
    tree = ast.parse("x = is_head(word)\ny = list(map(word_class, words))\nz = is_head[word]\n")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    funcs = [c.func.id for c in calls if isinstance(c.func, ast.Name)]
    assert "is_head" in funcs and "map" in funcs


def test_lookups_answer_as_the_functions_do() -> None:
    words = ["seizures", "hepatitis", "allergic", "aspirin", "metformin", "baseline", "12mg", "rash",
             "appendectomy", "physiotherapy", "walking", "patients", "the", "randomised"]
    for table in (is_head, word_class, head_class, is_name_word):
        assert isinstance(table, PerWord)
        for word in words:
            assert table[word] == table.function(word)


def test_lookups_give_the_written_classes() -> None:
    assert is_head["seizures"] is True and is_head["patients"] is False
    assert word_class["metformin"] == "DRUGX" and word_class["baseline"] == "baseline"
    assert word_class["7"] == "<n>"
    assert head_class["appendectomy"] == "appendectomy" and head_class["the"] is None
