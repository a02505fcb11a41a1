"""The offline extractive engine: rules and small linear models, no network, deterministic.

Modules, from the bottom up: tokenise and cues (words and the cue vocabulary), linear (the small learned parts),
resources (their data files), scan (one statement scanned once), events, features and outcomes (what the reading
finds), reading (one statement's reading), certainty and sections (the brief's sections), startup (the built
resources and per-word tables, kept between runs), engine (the engine), and
beside them encoder (the optional safety encoder, torch); the training of its data files is summarizer.training.

`SPEC` registers the engine; its modules are imported when the engine is first built or one of the names below
is first used, so that listing the engines costs nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from summarizer.engines.base import Engine, EngineOptions, EngineSpec
from summarizer.engines.extractive.compiled import guard

if TYPE_CHECKING:
    from summarizer.engines.extractive.encoder import SafetyEncoder
    from summarizer.engines.extractive.engine import ExtractiveEngine, SentenceEncoder
    from summarizer.engines.extractive.reading import SentenceReading, annotate
    from summarizer.engines.extractive.resources import (
        EncoderMix,
        Resources,
        bundled_data_files,
        load_resources,
        resources_from,
    )
    from summarizer.settings import Settings

# before any of the reading's modules is imported: their compiled build (setup.py) runs only while it matches them
guard()


def _build(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.extractive.engine import ExtractiveEngine

    if not settings.extractive.safety_encoder:
        return ExtractiveEngine(workers=options.workers)
    from summarizer.engines.extractive.encoder import SafetyEncoder

    encoder = SafetyEncoder.load(threads=settings.extractive.encoder_threads, progress=options.progress)
    return ExtractiveEngine(workers=options.workers, encoder=encoder)


SPEC = EngineSpec(
    "extractive", "offline rules and small linear models (the default)", _build, flags=frozenset({"safety_encoder"})
)

# public name -> the module that defines it
_EXPORTS = {
    "ExtractiveEngine": "engine",
    "SentenceEncoder": "engine",
    "SafetyEncoder": "encoder",
    "SentenceReading": "reading",
    "annotate": "reading",
    "EncoderMix": "resources",
    "Resources": "resources",
    "bundled_data_files": "resources",
    "load_resources": "resources",
    "resources_from": "resources",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "SPEC",
    "EncoderMix",
    "ExtractiveEngine",
    "Resources",
    "SafetyEncoder",
    "SentenceEncoder",
    "SentenceReading",
    "annotate",
    "bundled_data_files",
    "load_resources",
    "resources_from",
]
