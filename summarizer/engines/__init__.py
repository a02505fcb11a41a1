"""Engines: the registry of engine specs, and `make_engine` to build one by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.engines import extractive, llm
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


ENGINES.register(extractive.SPEC)
ENGINES.register(llm.SPEC)


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
