"""Engines: the offline extractive engine and the LLM engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.engines.base import Engine, EngineResult, Reading, ReadRequest
from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer.settings import Settings

ENGINE_NAMES = ("extractive", "llm")


def make_engine(
    name: str,
    settings: Settings,
    prompts_dir: Path | None = None,
    show_progress: bool = False,
    workers: int = 1,
) -> Engine:
    """Build the engine called `name`: prompts_dir applies to the LLM engine, workers to the extractive one, and
    show_progress to both (the extractive engine shows it only while its safety encoder reads a long input)."""
    if name == "extractive":
        from summarizer.engines.extractive import ExtractiveEngine

        if not settings.extractive.safety_encoder:
            return ExtractiveEngine(workers=workers)
        from summarizer.encoder import SafetyEncoder

        encoder = SafetyEncoder.load(threads=settings.extractive.encoder_threads, show_progress=show_progress)
        return ExtractiveEngine(workers=workers, encoder=encoder)
    if name == "llm":
        from summarizer.engines.llm import LLMEngine

        return LLMEngine(settings, prompts_dir=prompts_dir, show_progress=show_progress)
    raise ConfigError(f"unknown engine {name!r} (choose from: {', '.join(ENGINE_NAMES)})")


__all__ = ["ENGINE_NAMES", "Engine", "EngineResult", "ReadRequest", "Reading", "make_engine"]
