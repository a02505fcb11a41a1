"""The READERS registry imports a reader's module only when its format is used: a CSV brief imports no lxml and no
full-text reader; each lazy entry says of its module's SPEC what detection needs, and says it right."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.readers import READERS, detect_format
from summarizer.readers.base import ReaderSpec
from summarizer.readers.lazy import LazyReader, ReaderRegistry, stages_of
from summarizer.registry import UnknownName

ROOT = Path(__file__).resolve().parents[1]
FULL_TEXT_MODULES = ("lxml", "summarizer.readers.jats", "summarizer.readers.tei", "summarizer.readers.fulltext")


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running code (in the project root)."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_csv_brief_imports_no_full_text_reader(tmp_path: Path) -> None:
    table = tmp_path / "two.csv"
    table.write_text('text\n"Ginger eased nausea in the first trial [2]."\n"Ginger caused heartburn [5]."\n')
    code = (
        "import io, contextlib\nfrom summarizer.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['brief', {str(table)!r}, '--format', 'md'])"
    )
    modules = _modules_after(code)
    assert "summarizer.readers.table" in modules
    assert not modules & set(FULL_TEXT_MODULES)
    assert "summarizer.readers.scite_page" not in modules


def test_a_jats_article_loads_its_reader() -> None:
    article = ROOT / "tests" / "fixtures" / "readers" / "jats-article.xml"
    code = f"from summarizer.readers import detect_format\nprint(detect_format(open({str(article)!r}).read()))"
    assert {"lxml", "summarizer.readers.jats"} <= _modules_after(code)


@pytest.mark.parametrize("entry", list(READERS.entries()), ids=lambda entry: entry.name)
def test_each_lazy_entry_says_what_its_spec_is(entry: ReaderSpec | LazyReader) -> None:
    assert isinstance(entry, LazyReader)
    spec = importlib.import_module(entry.module).SPEC
    assert READERS.get(entry.name) is spec
    assert (spec.name, spec.aliases, spec.detection_rank) == (entry.name, entry.aliases, entry.detection_rank)
    assert stages_of(spec) == entry.stages


def test_a_text_opening_passes_over_texts_that_start_otherwise() -> None:
    xml = LazyReader("x", "no.such.module", ("text",), text_opening="<")
    assert xml.may_claim("text", "  \n<article/>")
    assert not xml.may_claim("text", "text,doi\n")
    assert not xml.may_claim("document", "<article/>")


def test_a_registry_imports_a_lazy_module_only_when_detection_reaches_it() -> None:
    registry = ReaderRegistry("input format")
    registry.register(LazyReader("ghost", "summarizer.no_such_reader", ("text",), 50, text_opening="<"))
    registry.register(LazyReader("csv", "summarizer.readers.table", ("text",), 40, aliases=("tsv",)))
    # the ghost's module does not exist: importing it would raise, and a CSV never reaches it
    assert [spec.name for spec in registry.claimants("text", "a,b\n1,2\n")] == ["csv"]
    assert registry.names() == ("ghost", "csv")
    assert registry.get("TSV").name == "csv"
    with pytest.raises(ModuleNotFoundError):
        list(registry.claimants("text", "<TEI/>"))
    with pytest.raises(UnknownName, match="choose from: ghost, csv"):
        registry.get("pdf")


def test_an_entry_naming_another_readers_module_is_refused() -> None:
    registry = ReaderRegistry("input format")
    registry.register(LazyReader("s2", "summarizer.readers.table", ("document",), 20))
    with pytest.raises(TypeError, match="not the reader of 's2'"):
        registry.get("s2")


def test_detection_is_unchanged_for_each_format() -> None:
    fixtures = ROOT / "tests" / "fixtures" / "readers"
    assert detect_format((fixtures / "citations.csv").read_text()) == "csv"
    assert detect_format((fixtures / "tei-article.xml").read_text()) == "tei"
    assert detect_format((fixtures / "s2-citations.json").read_text()) == "s2"
    assert detect_format((fixtures / "statements.jsonl").read_text()) == "jsonl"
    assert detect_format((ROOT / "examples" / "uc-msc-covid19-scite-page.txt").read_text()) == "scite-page"
