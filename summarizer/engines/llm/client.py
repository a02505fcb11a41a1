"""The chat client: one request to an OpenAI-compatible endpoint, through the cache; transport retries are the SDK's.

What an endpoint answers is classified here: a context overflow only on the server's own signal, a refused response
format (a dialect error, never retried), a refused sampling parameter, and a 200 whose body is not a chat completion
(an endpoint error, exit 3). Error text from upstream is redacted of credentials before it goes anywhere.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx2 as httpx
import openai

from summarizer.engines.llm.cache import CallCache, CallRecord, monotonic_ms, request_key
from summarizer.engines.llm.dialects import response_format
from summarizer.engines.llm.parameters import sampling_parameters
from summarizer.engines.llm.redaction import redact
from summarizer.errors import EndpointError
from summarizer.settings import LLMSettings

DEFAULT_HOST = "api.openai.com"
PLACEHOLDER_API_KEY = "not-needed"  # local servers take any key; the SDK refuses none
MAX_ERROR_CHARS = 240
# The servers' own context-overflow signals: OpenAI, vLLM and llama-cpp-python answer 400 with code
# context_length_exceeded and "This model's maximum context length is N tokens"; llama-server answers 400 with type
# exceed_context_size_error, "request (N tokens) exceeds the available context size (M tokens)".
_CONTEXT_CODES = ("context_length_exceeded", "exceed_context_size_error")
_CONTEXT_PHRASES = ("maximum context length", "exceeds the available context size", "context window")
_DIALECT_WORDS = ("response_format", "json_schema", "json_object")
_SAMPLING_PARAMETERS = ("max_tokens", "temperature")


class ContextOverflow(Exception):
    """The endpoint refused a request as longer than the model's context."""


class DialectRefused(Exception):
    """The endpoint refused the response format (or its schema) of a request."""

    def __init__(self, dialect: str, message: str) -> None:
        super().__init__(message)
        self.dialect = dialect
        self.message = message


class ParameterRefused(Exception):
    """The endpoint refused a sampling parameter (max_tokens or temperature): a reasoning model."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


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
    choice = (body.get("choices") or [{}])[0] or {}
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


def _error_fields(exc: openai.APIStatusError) -> tuple[str, str, str, str]:
    """(message, code, type, param) of an error response, as far as its body has them."""
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error", body) if isinstance(body.get("error", body), dict) else body
    message = str(error.get("message") or exc.message or "")
    return message, str(error.get("code") or ""), str(error.get("type") or ""), str(error.get("param") or "")


def is_context_overflow(message: str, code: str, kind: str) -> bool:
    """The server's own signal that a request is over the model's context (never a schema error)."""
    lowered = message.lower()
    if "response_format" in lowered or "in context=(" in lowered:
        return False
    return code in _CONTEXT_CODES or kind in _CONTEXT_CODES or any(p in lowered for p in _CONTEXT_PHRASES)


def names_dialect(message: str, param: str) -> bool:
    """An error about the response format: it names response_format or json_schema (or that is its param)."""
    lowered = message.lower()
    return param.startswith("response_format") or any(word in lowered for word in _DIALECT_WORDS)


def refused_parameter(message: str, param: str) -> str | None:
    """The sampling parameter an error refuses (OpenAI's reasoning models), if any."""
    lowered = message.lower()
    if "unsupported" not in lowered:
        return None
    for name in _SAMPLING_PARAMETERS:
        if param == name or f"'{name}'" in lowered:
            return name
    return None


async def _no_retry_on_dialect_errors(response: httpx.Response) -> None:
    """Tell the SDK not to retry an error about the response format (llama-cpp-python answers 500 to json_schema)."""
    if response.status_code >= 400:
        await response.aread()
        text = response.text[:4000]
        if names_dialect(text, ""):
            response.headers["x-should-retry"] = "false"


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
        self._secrets = [settings.api_key.get_secret_value()] if settings.api_key else []
        api_key = self._secrets[0] if self._secrets else PLACEHOLDER_API_KEY
        if http_client is None:
            http_client = openai.DefaultAsyncHttpxClient(event_hooks={"response": [_no_retry_on_dialect_errors]})
        else:
            http_client.event_hooks["response"] = [*http_client.event_hooks["response"], _no_retry_on_dialect_errors]
        options: dict[str, Any] = {
            "api_key": api_key,
            "max_retries": settings.max_retries,
            "timeout": settings.timeout_seconds,
            "http_client": http_client,
        }
        if settings.base_url:
            options["base_url"] = settings.base_url
        self._client = openai.AsyncOpenAI(**options)

    def request_body(
        self, messages: list[dict[str, str]], schema: dict[str, Any], name: str, dialect: str, reasoning: bool
    ) -> dict[str, Any]:
        """The request body: model, messages, the model's sampling parameters and the response format."""
        body: dict[str, Any] = {"model": self.model, "messages": messages}
        body.update(sampling_parameters(self.settings, reasoning))
        fmt = response_format(dialect, schema, name)
        if fmt is not None:
            body["response_format"] = fmt
        return body

    async def complete(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        purpose: str,
        dialect: str,
        reasoning: bool = False,
    ) -> Completion:
        """One chat completion (from the cache when the same request was answered before)."""
        body = self.request_body(messages, schema, name, dialect, reasoning)
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
            raw = await self._client.chat.completions.with_raw_response.create(**body)
        except openai.OpenAIError as exc:
            raise self._error(exc, dialect) from None
        answer = self._answer_body(raw.http_response)
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

    def _answer_body(self, response: httpx.Response) -> dict[str, Any]:
        """The JSON of a 200 answer; HTML, an empty body or truncated JSON is the endpoint's failure (exit 3)."""
        text = response.text
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            shown = self.redacted(text[:80]) if text.strip() else "an empty body"
            raise EndpointError(
                f"the model endpoint {self.host} answered {response.status_code} with a body that is not a chat "
                f"completion ({shown!r}); check llm.base_url"
            )
        return data

    def redacted(self, text: str) -> str:
        """Upstream text on one line, shortened, with credentials removed."""
        return redact(" ".join(text.split()), self._secrets)[:MAX_ERROR_CHARS]

    def _error(self, exc: openai.OpenAIError, dialect: str) -> Exception:
        host, retries = self.host, self.settings.max_retries
        if isinstance(exc, openai.APITimeoutError):
            return EndpointError(f"the model endpoint {host} timed out ({retries} retries)")
        if isinstance(exc, openai.APIConnectionError):
            return EndpointError(f"cannot reach the model endpoint {host} ({retries} retries)")
        if not isinstance(exc, openai.APIStatusError):
            return EndpointError(f"the model endpoint {host} failed: {type(exc).__name__}")
        raw_message, code, kind, param = _error_fields(exc)
        message = self.redacted(raw_message)
        status = exc.status_code
        if status in (400, 413) and is_context_overflow(raw_message, code, kind):
            return ContextOverflow(message)
        if status >= 400 and names_dialect(raw_message, param):
            return DialectRefused(dialect, f"{status}: {message}")
        parameter = refused_parameter(raw_message, param) if status == 400 else None
        if parameter is not None:
            return ParameterRefused(parameter, message)
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return EndpointError(f"the model endpoint {host} refused the API key ({status}); check OPENAI_API_KEY")
        if 400 <= status < 500 and status not in (408, 409, 429):
            return EndpointError(f"the model endpoint {host} rejected the request ({status}: {message})")
        return EndpointError(f"the model endpoint {host} keeps failing ({status}: {message}) after {retries} retries")

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()
