"""The LLM engine: any OpenAI-compatible model endpoint."""

from summarizer.engines.llm.engine import LLMEngine

__all__ = ["LLMEngine"]
