"""The LLM engine: any OpenAI-compatible model endpoint (registered as `llm`).

Importing this package is cheap: the engine and its client load when the engine is built or `LLMEngine` is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarizer.engines.base import Engine, EngineOptions, EngineSpec

if TYPE_CHECKING:
    from summarizer.engines.llm.engine import LLMEngine
    from summarizer.settings import Settings


def _build(settings: Settings, options: EngineOptions) -> Engine:
    from summarizer.engines.llm.engine import LLMEngine

    return LLMEngine(settings, prompts_dir=options.prompts_dir, progress=options.progress)


SPEC = EngineSpec(
    "llm",
    "any OpenAI-compatible model endpoint",
    _build,
    flags=frozenset({"model", "base_url", "prompts", "concurrency"}),
)


def __getattr__(name: str) -> Any:
    if name == "LLMEngine":
        from summarizer.engines.llm.engine import LLMEngine

        return LLMEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["SPEC", "LLMEngine"]
