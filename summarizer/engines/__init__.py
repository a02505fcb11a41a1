"""Engines: the registry of engine specs, and `make_engine` to build one by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.engines import llm
from summarizer.engines.base import (
    Engine,
    EngineOptions,
    EngineResult,
    EngineSpec,
    ProgressCallback,
    Reading,
    ReadRequest,
)
from summarizer.errors import ConfigError
from summarizer.registry import Registry, UnknownName

if TYPE_CHECKING:
    from summarizer.settings import Settings

ENGINES: Registry[EngineSpec] = Registry("engine")


def _build_extractive(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.extractive import ExtractiveEngine

    if not settings.extractive.safety_encoder:
        return ExtractiveEngine(workers=options.workers)
    from summarizer.encoder import SafetyEncoder

    threads = settings.extractive.encoder_threads
    encoder = SafetyEncoder.load(threads=threads, show_progress=options.progress is not None)
    return ExtractiveEngine(workers=options.workers, encoder=encoder)


ENGINES.register(
    "extractive",
    EngineSpec(
        "extractive",
        "offline rules and small linear models (the default)",
        _build_extractive,
        flags=frozenset({"safety_encoder"}),
    ),
)
ENGINES.register(llm.SPEC.name, llm.SPEC)


def make_engine(name: str, settings: Settings, options: EngineOptions | None = None) -> Engine:
    """Build the engine registered as `name`."""
    try:
        spec = ENGINES.get(name)
    except UnknownName as exc:
        raise ConfigError(str(exc)) from None
    return spec.build(settings, options or EngineOptions())


__all__ = [
    "ENGINES",
    "Engine",
    "EngineOptions",
    "EngineResult",
    "EngineSpec",
    "ProgressCallback",
    "ReadRequest",
    "Reading",
    "make_engine",
]
