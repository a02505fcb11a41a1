"""The READERS registry's entries that name where a reader lives: its module is imported when its format is used.

A command reads one or two formats, so importing every reader (the full-text ones load lxml and the sentence
splitter) would only slow its start. A LazyReader knows what detection needs without its module: the format's
name and aliases, its detection_rank, which recognisers its spec has, and for a text format the character every
text of it starts with (XML's "<"), so that detection passes over a text no reader of it could claim. ReaderRegistry
holds these beside ordinary ReaderSpecs (a plugin's) and hands out the ReaderSpec, importing its module once.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from summarizer.readers.base import ReaderSpec
from summarizer.registry import Registry

Stage = Literal["document", "json_text", "text"]
STAGES: tuple[Stage, ...] = ("document", "json_text", "text")


@dataclass(frozen=True)
class LazyReader:
    """A format whose ReaderSpec is the SPEC of `module`, imported when first asked for."""

    name: str
    module: str
    stages: tuple[Stage, ...]
    detection_rank: int = 100
    aliases: tuple[str, ...] = ()
    # the first character, but for white space, of every text this format's recognise_text claims
    text_opening: str | None = None

    def may_claim(self, stage: Stage, text: str) -> bool:
        """Whether the spec has a recogniser for this stage that could claim the text (its module not imported)."""
        if stage not in self.stages:
            return False
        return stage != "text" or self.text_opening is None or text.lstrip()[:1] == self.text_opening


def recogniser(spec: ReaderSpec, stage: Stage) -> object:
    """The spec's recogniser for a detection stage, None when it has none."""
    recognisers = {
        "document": spec.recognise_document,
        "json_text": spec.recognise_json_text,
        "text": spec.recognise_text,
    }
    return recognisers[stage]


def stages_of(spec: ReaderSpec) -> tuple[Stage, ...]:
    """The detection stages a spec has a recogniser for."""
    return tuple(stage for stage in STAGES if recogniser(spec, stage) is not None)


class ReaderRegistry(Registry[ReaderSpec | LazyReader]):
    """The input formats: ReaderSpecs, or LazyReaders whose module is imported when the format is used."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self._loaded: dict[str, ReaderSpec] = {}

    def _spec(self, entry: ReaderSpec | LazyReader) -> ReaderSpec:
        if isinstance(entry, ReaderSpec):
            return entry
        spec = self._loaded.get(entry.name)
        if spec is None:
            spec = importlib.import_module(entry.module).SPEC
            if not isinstance(spec, ReaderSpec) or spec.name != entry.name:
                raise TypeError(f"{entry.module}.SPEC is not the reader of {entry.name!r}")
            self._loaded[entry.name] = spec
        return spec

    def get(self, name: str) -> ReaderSpec:
        """The ReaderSpec for a name or an alias (its module imported); UnknownName if none."""
        return self._spec(super().get(name))

    def entries(self) -> Iterator[ReaderSpec | LazyReader]:
        """The entries as registered, no module imported."""
        return super().__iter__()

    def __iter__(self) -> Iterator[ReaderSpec]:
        return (self._spec(entry) for entry in self.entries())

    def claimants(self, stage: Stage, text: str = "") -> Iterator[ReaderSpec]:
        """The specs whose recogniser for the stage may claim the input, in ascending detection_rank (ties in
        registration order); a LazyReader's module is imported only when detection reaches it and it may claim
        the text (given for the text stage)."""
        for entry in sorted(self.entries(), key=lambda entry: entry.detection_rank):
            if isinstance(entry, LazyReader) and not entry.may_claim(stage, text):
                continue
            spec = self._spec(entry)
            if recogniser(spec, stage) is not None:
                yield spec
