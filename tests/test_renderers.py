"""The renderer registry: the command line and the service take their formats, suffixes and media types from it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import build_parser, main
from summarizer.models import Brief
from summarizer.renderers import DEFAULT_FORMAT, RENDERERS, format_for_suffix, render
from summarizer.service import create_app
from summarizer.settings import Settings

FIXTURE_BRIEF = Path(__file__).resolve().parent / "fixtures" / "render" / "example-brief.json"
EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"
SUFFIXES = [(suffix, spec.name) for spec in RENDERERS for suffix in spec.suffixes]


def _brief_format_action() -> argparse.Action:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return next(a for a in commands.choices["brief"]._actions if "--format" in a.option_strings)


def test_the_registry_holds_the_four_renderings_in_order() -> None:
    assert RENDERERS.names() == ("json", "md", "html", "csv")
    assert DEFAULT_FORMAT == "json"


def test_cli_format_choices_are_the_registry_names() -> None:
    action = _brief_format_action()
    assert tuple(action.choices or ()) == RENDERERS.names()
    assert action.help == "json (default, or from -o's suffix), md, html or csv"


def test_service_formats_and_media_types_are_the_registrys() -> None:
    document: dict[str, Any] = create_app(Settings()).openapi()
    operation = document["paths"]["/v1/briefs"]["post"]
    parameter = next(p for p in operation["parameters"] if p["name"] == "format")
    assert tuple(parameter["schema"]["enum"]) == RENDERERS.names()
    content = operation["responses"]["200"]["content"]
    assert list(content) == [spec.media_type.split(";")[0] for spec in RENDERERS]


def test_suffixes_are_lower_case_and_each_belongs_to_one_renderer() -> None:
    suffixes = [suffix for suffix, _ in SUFFIXES]
    assert len(suffixes) == len(set(suffixes))
    assert all(suffix == suffix.lower() and not suffix.startswith(".") for suffix in suffixes)
    assert {name for _, name in SUFFIXES} == set(RENDERERS.names())


@pytest.mark.parametrize(("suffix", "name"), SUFFIXES)
def test_format_for_suffix(suffix: str, name: str) -> None:
    assert format_for_suffix(suffix) == name
    assert format_for_suffix("." + suffix.upper()) == name


def test_format_for_an_unclaimed_suffix_is_none() -> None:
    assert format_for_suffix(".txt") is None
    assert format_for_suffix("") is None


@pytest.mark.parametrize(("suffix", "name"), [*SUFFIXES, ("txt", "json"), ("", "json")])
def test_the_output_suffix_picks_its_renderer(
    suffix: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = Brief.model_validate_json(FIXTURE_BRIEF.read_text(encoding="utf-8"))
    monkeypatch.setattr("summarizer.pipeline.summarize", lambda source, engine, settings, **_: brief)
    target = tmp_path / (f"brief.{suffix}" if suffix else "brief")
    assert main(["brief", str(EXAMPLE_PATH), "--quiet", "-o", str(target)]) == 0
    assert target.read_bytes().decode("utf-8") == render(brief, name)


def test_an_unknown_format_is_a_value_error_that_lists_the_choices() -> None:
    brief = Brief.model_validate_json(FIXTURE_BRIEF.read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match=r"^unknown format 'pdf' \(choose from: json, md, html, csv\)$"):
        render(brief, "pdf")


def test_json_chunks_are_the_json_rendering_in_pieces(example_path: Path) -> None:
    from summarizer.pipeline import summarize
    from summarizer.readers import load_statements
    from summarizer.renderers import render_chunks

    brief = summarize(load_statements(example_path))
    chunks = list(render_chunks(brief, "json"))
    assert len(chunks) > len(brief.statements)
    assert "".join(chunks) == render(brief, "json")
    one = brief.model_copy(update={"statements": brief.statements[:1]})
    assert "".join(render_chunks(one, "json")) == render(one, "json")
    assert list(render_chunks(brief, "md")) == [render(brief, "md")]
