"""Sampling parameters that follow the model: reasoning models take max_completion_tokens and no temperature."""

from __future__ import annotations

import re
from typing import Any

from summarizer.settings import LLMSettings

# OpenAI's reasoning models (o1, o3, o4-mini, gpt-5, ...) refuse `max_tokens` and any `temperature` but the default:
# 400 "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."
REASONING_MODEL = re.compile(r"(?:^|[/:])(?:o\d|gpt-5)(?:$|[-.:_])", re.IGNORECASE)


def is_reasoning_model(settings: LLMSettings) -> bool:
    """`llm.reasoning` when set, else whether the model's name is one of OpenAI's reasoning models."""
    if settings.reasoning is not None:
        return settings.reasoning
    return bool(settings.model and REASONING_MODEL.search(settings.model))


def sampling_parameters(settings: LLMSettings, reasoning: bool) -> dict[str, Any]:
    """The parameters of every request besides the model, messages and response format."""
    params: dict[str, Any]
    if reasoning:
        params = {"max_completion_tokens": settings.max_tokens}
        if settings.reasoning_effort is not None:
            params["reasoning_effort"] = settings.reasoning_effort
    else:
        params = {"temperature": settings.temperature, "max_tokens": settings.max_tokens}
    if settings.seed is not None:
        params["seed"] = settings.seed
    return params
