"""The offline extractive engine: rules and small linear models, no network, deterministic."""

from summarizer.engines.extractive.engine import ExtractiveEngine

__all__ = ["ExtractiveEngine"]
