"""The registries' one mechanism, and the package's public surface."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

import summarizer
from summarizer.registry import Registry, UnknownName


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()


def test_names_aliases_and_order() -> None:
    registry: Registry[Entry] = Registry("colour")
    red = registry.register(Entry("red", ("rouge",)))
    blue = registry.register(Entry("blue"))
    assert registry.names() == ("red", "blue") and registry.choices() == ("red", "blue", "rouge")
    assert registry.get("Rouge ") is red and registry.get("BLUE") is blue and list(registry) == [red, blue]
    assert "rouge" in registry and "green" not in registry and 3 not in registry and len(registry) == 2


def test_an_unknown_name_lists_the_choices() -> None:
    registry: Registry[Entry] = Registry("colour")
    registry.register(Entry("red"))
    with pytest.raises(UnknownName, match=r"^unknown colour 'green' \(choose from: red\)$"):
        registry.get("green")


@pytest.mark.parametrize("clash", [Entry("red"), Entry("blue", ("red",)), Entry("Green")])
def test_a_taken_or_mixed_case_name_is_refused(clash: Entry) -> None:
    registry: Registry[Entry] = Registry("colour")
    registry.register(Entry("red"))
    with pytest.raises(ValueError, match="registered already or not lower-case"):
        registry.register(clash)


def test_registered_lasts_for_the_block() -> None:
    registry: Registry[Entry] = Registry("colour")
    with registry.registered(Entry("red", ("rouge",))):
        assert registry.names() == ("red",) and "rouge" in registry
    assert registry.names() == () and "rouge" not in registry


@pytest.mark.parametrize(
    "module", ["summarizer", "summarizer.engines", "summarizer.readers", "summarizer.renderers"]
)
def test_every_public_name_is_exported_and_importable(module: str) -> None:
    package = importlib.import_module(module)
    assert len(set(package.__all__)) == len(package.__all__)
    for name in package.__all__:
        assert getattr(package, name) is not None, name


def test_the_top_level_surface() -> None:
    assert {"summarize", "asummarize", "load_statements", "render", "contract_violations", "READERS"} <= set(
        summarizer.__all__
    )
    assert {"RENDERERS", "ENGINES", "make_engine", "Brief", "Settings"} <= set(summarizer.__all__)
