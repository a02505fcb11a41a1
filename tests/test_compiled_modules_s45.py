"""The compiled build's module list (compiled.MODULES): sorted, every name a module of the package, and no module
the compiled ones import from the package left to run interpreted by oversight: a module a later change adds to the
reading is compiled with it, or named here with the reason it is not."""

from __future__ import annotations

import ast
from pathlib import Path

from summarizer.engines.extractive import compiled

PACKAGE_DIR = Path(compiled.__file__).resolve().parent
# interpreted by design: compiled, per_word.py's `__call__ = dict.__getitem__` is no method (linear.py is compiled
# since s48-speed3); resources.py and startup.py run once a process; the PICO readers hold the optional encoder's code
INTERPRETED = frozenset({"per_word", "resources", "startup", "pico", "pico_decoding", "pico_encoder"})
# interpreted because they are not hot: compiled (all twelve, mypyc accepted them and no brief changed), the command
# on 20,000 statements measured no gain (profile_target 0.26-0.40 s of CPU either way; docs/BENCHMARKS.md s45-speed)
NOT_HOT = frozenset({
    "absence_frames", "arm_comparison", "caused_drug", "cited_work_anaphora", "framed_names", "generic_events",
    "given_drug", "harm_measures", "learned_results", "named_conditions", "superiority", "wording",
})


def package_imports(source: str) -> set[str]:
    """The modules of the extractive package that a source imports (`from summarizer.engines.extractive.X import`,
    `import summarizer.engines.extractive.X`)."""
    prefix = f"{compiled.PACKAGE}."
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(prefix):
            names.add(node.module[len(prefix) :].split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(a.name[len(prefix) :].split(".")[0] for a in node.names if a.name.startswith(prefix))
    return names


def test_modules_are_sorted_distinct_and_exist() -> None:
    assert list(compiled.MODULES) == sorted(set(compiled.MODULES))
    assert all((PACKAGE_DIR / f"{name}.py").is_file() for name in compiled.MODULES)
    assert not (INTERPRETED | NOT_HOT) & set(compiled.MODULES)


def test_package_imports_reads_both_import_forms() -> None:
    source = (
        "from summarizer.engines.extractive.scan import Scan\n"
        "import summarizer.engines.extractive.reading\n"
        "from summarizer.models import Statement\n"  # outside the package: not counted
        "import re\n"
    )
    assert package_imports(source) == {"scan", "reading"}


def test_every_module_a_compiled_one_imports_is_compiled_or_interpreted_by_design() -> None:
    imported = set()
    for name in compiled.MODULES:
        imported |= package_imports((PACKAGE_DIR / f"{name}.py").read_text(encoding="utf-8"))
    left_out = sorted(imported - set(compiled.MODULES) - INTERPRETED - NOT_HOT)
    assert left_out == [], f"imported by compiled modules, yet interpreted: {left_out} (add them to compiled.MODULES)"


def test_a_module_left_out_is_seen(tmp_path: Path) -> None:
    # the check itself: a compiled module importing one that is neither listed nor interpreted by design
    source = "from summarizer.engines.extractive.brand_new_reader import read\n"
    left_out = package_imports(source) - set(compiled.MODULES) - INTERPRETED - NOT_HOT
    assert left_out == {"brand_new_reader"}
