"""HTTP to a citation service: an on-disk cache, a client-side rate limit, and retries that honour Retry-After.

The transports are layered so that what is stored never holds a credential and a cached answer costs no rate:

    retries (tenacity) -> cache (hishel, SQLite) -> rate limit + credentials (below the cache) -> the network
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx2
import platformdirs
from aiolimiter import AsyncLimiter
from hishel import AsyncSqliteStorage
from hishel.httpx2 import AsyncCacheTransport
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from summarizer._version import __version__
from summarizer.errors import ServiceError
from summarizer.fetch.stats import RequestStats
from summarizer.settings import FetchSettings, SourceSettings

HTTP_CACHE_FILE = "http-cache.sqlite3"
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
# A 404 asked for with missing_ok (a document that is not there, such as a full text that is not open access) is
# kept by the cache as an empty 200 with this header, so that a second fetch does not ask again.
_ABSENT_HEADER = "x-summarizer-absent"
_MISSING_OK = "summarizer_missing_ok"
_MESSAGE_KEYS = ("error", "message", "detail")


def http_cache_path(settings: FetchSettings) -> Path:
    """Where fetched responses are kept: FetchSettings.cache_path, else the user's cache directory."""
    if settings.cache_path is not None:
        return Path(settings.cache_path).expanduser()
    return Path(platformdirs.user_cache_dir("summarizer")) / HTTP_CACHE_FILE


class _Retryable(Exception):
    """A 429 or 5xx answer, or a transport failure: worth another try after a wait."""

    def __init__(self, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.retry_after = retry_after


class _Upstream(httpx2.AsyncBaseTransport):
    """Below the cache: waits its turn under the rate limit, adds the credentials, counts what is sent."""

    def __init__(
        self, transport: httpx2.AsyncBaseTransport, limiter: AsyncLimiter, headers: dict[str, str], stats: RequestStats
    ) -> None:
        self._transport = transport
        self._limiter = limiter
        self._headers = headers
        self._stats = stats

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        await self._limiter.acquire()
        self._stats.sent += 1
        # a new request, so that the cache above, which stores the one it holds, never sees the credentials
        headers = request.headers.copy()
        headers.update(self._headers)
        sent = httpx2.Request(
            request.method, request.url, headers=headers, stream=request.stream, extensions=request.extensions
        )
        response = await self._transport.handle_async_request(sent)
        if response.status_code == 404 and request.extensions.get(_MISSING_OK):
            await response.aread()
            await response.aclose()
            return httpx2.Response(200, headers={_ABSENT_HEADER: "404"}, content=b"", request=request)
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A Retry-After header in seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


def service_message(response: httpx2.Response) -> str:
    """The service's own words for an error answer, on one line."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    message: Any = None
    if isinstance(body, dict):
        for key in _MESSAGE_KEYS:
            value = body.get(key)
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value = value[0].get("msg")
            if isinstance(value, str) and value.strip():
                message = value
                break
    if message is None:
        message = response.text or response.reason_phrase
    return " ".join(str(message).split())[:300]


def _reason(exc: httpx2.TransportError) -> str:
    if isinstance(exc, httpx2.ConnectTimeout):
        return "no answer to the connection"
    return " ".join(str(exc).split()) or type(exc).__name__


class ServiceClient:
    """GETs JSON from one service, through the cache, under the rate limit, retrying 429, 5xx and lost connections

    (a service that cannot be connected to at all fails at once)."""

    def __init__(
        self,
        service: str,
        settings: SourceSettings,
        fetch: FetchSettings,
        auth_headers: dict[str, str] | None = None,
        refresh: bool = False,
        transport: httpx2.AsyncBaseTransport | None = None,
    ) -> None:
        self.service = service
        self.settings = settings
        self.refresh = refresh
        self.stats = RequestStats()
        limiter = AsyncLimiter(1, 1.0 / settings.rate_per_second)
        upstream = _Upstream(transport or httpx2.AsyncHTTPTransport(), limiter, dict(auth_headers or {}), self.stats)
        self._storage: AsyncSqliteStorage | None = None
        chain: httpx2.AsyncBaseTransport = upstream
        if fetch.cache_enabled:
            path = http_cache_path(fetch)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._storage = AsyncSqliteStorage(database_path=path, default_ttl=fetch.cache_ttl_hours * 3600)
            chain = AsyncCacheTransport(next_transport=upstream, storage=self._storage)
        self._client = httpx2.AsyncClient(
            base_url=settings.base_url.rstrip("/") + "/",
            transport=chain,
            timeout=httpx2.Timeout(settings.timeout_seconds, connect=settings.connect_timeout_seconds),
            headers={"User-Agent": f"citation-evidence-summarizer/{__version__}", "Accept": "application/json"},
        )

    async def __aenter__(self) -> ServiceClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections and the cache."""
        await self._client.aclose()

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, _Retryable) and error.retry_after is not None:
            return error.retry_after
        backoff = self.settings.retry_backoff_seconds
        return float(wait_exponential_jitter(multiplier=backoff, max=60 * backoff, jitter=backoff)(state))

    async def get_json(self, path: str, params: dict[str, str | int] | None = None) -> Any:
        """The JSON body of GET base_url/path?params; ServiceError with the service's message when it fails."""
        response = await self._get(path, params, missing_ok=False)
        assert response is not None  # a 404 raised
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ServiceError(f"{self.service} answered {path} with something that is not JSON") from None

    async def get_bytes(self, path: str, params: dict[str, str | int] | None = None) -> bytes | None:
        """The body of GET base_url/path?params as bytes; None when the service answers 404 (no such document)."""
        response = await self._get(path, params, missing_ok=True)
        return None if response is None else response.content

    async def _get(
        self, path: str, params: dict[str, str | int] | None, *, missing_ok: bool
    ) -> httpx2.Response | None:
        request = self._client.build_request("GET", path.lstrip("/"), params=params)
        key = hashlib.sha256(f"GET {request.url}".encode()).hexdigest()  # the URL only: no header, no key
        if self.refresh and self._storage is not None:
            for entry in await self._storage.get_entries(key):
                await self._storage.remove_entry(entry.id)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.max_retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type(_Retryable),
            sleep=asyncio.sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        self.stats.retries += 1
                    return await self._attempt(request.url, key, missing_ok)
        except _Retryable as exc:
            raise ServiceError(
                f"{self.service} keeps failing ({exc.detail}) after {self.settings.max_retries} retries"
            ) from None
        raise AssertionError("unreachable: tenacity either returns or re-raises")

    async def _attempt(self, url: httpx2.URL, key: str, missing_ok: bool) -> httpx2.Response | None:
        try:
            response = await self._client.get(url, extensions={"caching": {"key": key}, _MISSING_OK: missing_ok})
        except (httpx2.ConnectError, httpx2.ConnectTimeout) as exc:
            # no connection at all (refused, unknown host, no route): waiting would not help, so say so at once;
            # a connection lost mid-answer, a read timeout, 429 and 5xx are retried below
            raise ServiceError(f"{self.service} cannot be reached at {url.host} ({_reason(exc)})") from None
        except httpx2.TimeoutException:
            raise _Retryable("timed out") from None
        except httpx2.TransportError as exc:
            raise _Retryable(f"cannot connect: {type(exc).__name__}") from None
        caching = response.extensions.get("caching")
        if isinstance(caching, dict) and caching.get("from_cache"):
            self.stats.from_cache += 1
        status = response.status_code
        if status in RETRYABLE_STATUS:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            detail = f"{status}: {service_message(response)}"
            if wait is not None and wait > self.settings.max_retry_after_seconds:
                raise ServiceError(f"{self.service} asks to wait {wait:.0f} s before retrying ({detail})")
            raise _Retryable(detail, wait)
        if missing_ok and (status == 404 or response.headers.get(_ABSENT_HEADER)):
            return None
        if status >= 400:
            raise ServiceError(f"{self.service}: {service_message(response)} ({status})")
        return response
