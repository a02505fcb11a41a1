"""The chat client: one request to an OpenAI-compatible endpoint, through the cache; transport retries are the SDK's."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import openai

from summarizer.engines.llm.cache import CallCache, CallRecord, monotonic_ms, request_key
from summarizer.errors import EndpointError
from summarizer.settings import LLMSettings

DEFAULT_HOST = "api.openai.com"
PLACEHOLDER_API_KEY = "not-needed"  # local servers take any key; the SDK refuses none
_CONTEXT_WORDS = ("context", "too long", "too many tokens", "exceed")


class ContextOverflow(Exception):
    """The endpoint refused a request as longer than the model's context."""


class RequestDeferred(Exception):
    """A request was handed to the client's `defer` hook (to be answered in a batch) instead of being sent."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


DeferHook = Callable[[str, dict[str, Any]], None]
"""Takes (request key, request body) of a request that is not in the cache; its answer is later `CallCache.put`."""


def endpoint_host(base_url: str | None) -> str:
    """Host (and port) of the endpoint, without scheme, credentials or path."""
    if not base_url:
        return DEFAULT_HOST
    parts = urlsplit(base_url if "//" in base_url else f"//{base_url}")
    host = parts.hostname or DEFAULT_HOST
    return f"{host}:{parts.port}" if parts.port else host


def response_format(dialect: str, schema: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The response_format of a dialect: OpenAI strict json_schema, llama.cpp json_object+schema, or none."""
    if dialect == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}
    if dialect == "json_object":
        return {"type": "json_object", "schema": schema}
    return None


@dataclass
class Completion:
    """What one call answered, from the endpoint or the cache."""

    content: str | None
    refusal: str | None
    finish_reason: str | None
    resolved_model: str | None
    prompt_tokens: int
    completion_tokens: int
    request_bytes: int
    cached: bool


def _completion_from_body(body: dict[str, Any], request_bytes: int, cached: bool) -> Completion:
    choices = body.get("choices") or [{}]
    choice = choices[0] or {}
    message = choice.get("message") or {}
    usage = body.get("usage") or {}
    return Completion(
        content=message.get("content"),
        refusal=message.get("refusal"),
        finish_reason=choice.get("finish_reason"),
        resolved_model=body.get("model"),
        prompt_tokens=int(usage.get("prompt_tokens") or 0),
        completion_tokens=int(usage.get("completion_tokens") or 0),
        request_bytes=request_bytes,
        cached=cached,
    )


def _endpoint_error(exc: openai.OpenAIError, host: str, retries: int) -> Exception:
    if isinstance(exc, openai.APITimeoutError):
        return EndpointError(f"the model endpoint {host} timed out ({retries} retries)")
    if isinstance(exc, openai.APIConnectionError):
        return EndpointError(f"cannot reach the model endpoint {host} ({retries} retries)")
    if isinstance(exc, openai.APIStatusError):
        message = " ".join(str(exc.message).split())[:200]
        if isinstance(exc, openai.BadRequestError) and any(w in message.lower() for w in _CONTEXT_WORDS):
            return ContextOverflow(message)
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return EndpointError(
                f"the model endpoint {host} refused the API key ({exc.status_code}); check OPENAI_API_KEY"
            )
        if isinstance(exc, openai.BadRequestError):
            return EndpointError(
                f"the model endpoint {host} rejected the request (400: {message}); "
                "if it does not support json_schema, set llm.response_format to json_object or none"
            )
        return EndpointError(
            f"the model endpoint {host} keeps failing ({exc.status_code}: {message}) after {retries} retries"
        )
    return EndpointError(f"the model endpoint {host} failed: {type(exc).__name__}")


class ChatClient:
    """Sends chat completions with AsyncOpenAI; looks each request up in the cache first."""

    def __init__(
        self, settings: LLMSettings, cache: CallCache | None, http_client: Any = None, defer: DeferHook | None = None
    ) -> None:
        if not settings.model:
            raise ValueError("a model is required")
        self.settings = settings
        self.defer = defer
        self.model: str = settings.model
        self.host = endpoint_host(settings.base_url)
        self.cache = cache
        api_key = settings.api_key.get_secret_value() if settings.api_key else PLACEHOLDER_API_KEY
        options: dict[str, Any] = {
            "api_key": api_key,
            "max_retries": settings.max_retries,
            "timeout": settings.timeout_seconds,
        }
        if settings.base_url:
            options["base_url"] = settings.base_url
        if http_client is not None:
            options["http_client"] = http_client
        self._client = openai.AsyncOpenAI(**options)

    def request_body(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> dict[str, Any]:
        """The request body: model, messages, parameters and the response format."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
        }
        fmt = response_format(self.settings.response_format, schema, name)
        if fmt is not None:
            body["response_format"] = fmt
        return body

    async def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], name: str, purpose: str
    ) -> Completion:
        """One chat completion (from the cache when the same request was answered before)."""
        body = self.request_body(messages, schema, name)
        request_bytes = len(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        key = request_key(body, self.host)
        if self.cache is not None:
            stored = self.cache.get(key)
            if stored is not None:
                return _completion_from_body(stored, request_bytes, cached=True)
        if self.defer is not None:
            self.defer(key, body)
            raise RequestDeferred(key)
        start = time.monotonic()
        try:
            response = await self._client.chat.completions.create(**body)
        except openai.OpenAIError as exc:
            raise _endpoint_error(exc, self.host, self.settings.max_retries) from None
        answer: dict[str, Any] = response.model_dump(mode="json", exclude_none=True)
        completion = _completion_from_body(answer, request_bytes, cached=False)
        if self.cache is not None:
            self.cache.put(
                CallRecord(
                    key=key,
                    model=self.model,
                    resolved_model=completion.resolved_model,
                    host=self.host,
                    purpose=purpose,
                    prompt_tokens=completion.prompt_tokens,
                    completion_tokens=completion.completion_tokens,
                    latency_ms=monotonic_ms(start),
                    request_bytes=request_bytes,
                    finish_reason=completion.finish_reason,
                    response=answer,
                )
            )
        return completion

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()
