"""Running the service on uvicorn, with the limits that keep it answering whatever its clients do.

- A connection must send its request head within `header_timeout_seconds` of opening (or of its first byte after
  a keep-alive wait): slow or idle connections are closed, never kept forever (uvicorn times out only the wait
  between two requests, `keep_alive_seconds`).
- At most `max_connections` connections are open at once, kept below the process's open-file limit (raised toward
  its hard limit at start-up), and so is the listening backlog: one connection more is answered 503 and closed at
  once. Without this, running out of file descriptors makes asyncio's accept loop log "out of system resource"
  thousands of times a second (it does not stop at the first failure) and the server stops answering; should it
  happen anyway, the message is logged once a minute.
- Request heads are limited to `max_header_bytes` (h11), and the requests in flight to `max_connections` (uvicorn's
  `limit_concurrency`, answered 503).
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from summarizer.errors import ConfigError
from summarizer.settings import ServiceSettings

log = logging.getLogger(__name__)

# file descriptors kept free for what is not a client connection: the listening socket, the workers' pipes,
# files, the cache, logs
RESERVED_FDS = 32
FDS_PER_WORKER = 2
WANTED_OPEN_FILES = 65536
DEFAULT_BACKLOG = 2048  # uvicorn's

_TOO_MANY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nconnection: close\r\n"
    b'content-length: 33\r\n\r\n{"error": "too many connections"}'
)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline for the request head and a cap on open connections."""

    header_timeout: float = 10.0
    max_connections: int = 1000

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        if len(self.connections) > self.max_connections:
            transport.write(_TOO_MANY)
            transport.close()
            return
        self._arm_head_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._arm_head_timer()  # a head in pieces: the deadline runs from its first byte
        else:
            self._disarm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        if getattr(self, "_head_timer", None) is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def _raise_open_file_limit() -> int:
    """Raise the soft open-file limit toward the hard one (as servers do); the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = WANTED_OPEN_FILES if hard == resource.RLIM_INFINITY else min(hard, WANTED_OPEN_FILES)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass  # keep the soft limit; the connection cap follows it
    return soft


def connection_limits(service: ServiceSettings, workers: int, open_files: int) -> tuple[int, int]:
    """The most connections to keep open, and the listening backlog, both within the open-file limit.

    asyncio accepts up to `backlog` waiting connections at once, before the protocol can close those over the cap,
    so the cap leaves room for two such bursts.
    """
    room = open_files - RESERVED_FDS - FDS_PER_WORKER * workers
    backlog = min(DEFAULT_BACKLOG, max(4, room // 4))
    cap = min(service.max_connections, room - 2 * backlog)
    if cap < 1:
        raise ConfigError(f"the open-file limit ({open_files}) leaves no room for connections; raise it (ulimit -n)")
    return cap, backlog


def _protocol(service: ServiceSettings, max_connections: int) -> type[GuardedH11Protocol]:
    attributes = {"header_timeout": service.header_timeout_seconds, "max_connections": max_connections}
    return type("ServiceH11Protocol", (GuardedH11Protocol,), attributes)


def uvicorn_config(app: Any, service: ServiceSettings, workers: int, **overrides: Any) -> uvicorn.Config:
    """uvicorn's configuration for the service, with its limits (overrides: uvicorn.Config's own arguments)."""
    cap, backlog = connection_limits(service, workers, _raise_open_file_limit())
    options: dict[str, Any] = {
        "host": service.host,
        "port": service.port,
        "server_header": False,
        "proxy_headers": False,
        "http": _protocol(service, cap),
        "timeout_keep_alive": service.keep_alive_seconds,
        "limit_concurrency": cap + 1,  # uvicorn counts the connection asking too
        "backlog": backlog,
        "h11_max_incomplete_event_size": service.max_header_bytes,
        "timeout_graceful_shutdown": 10,
        **overrides,
    }
    return uvicorn.Config(app, **options)


class _AcceptErrorThrottle:
    """Log asyncio's "out of system resource" accept errors at most once a minute, with how many were skipped."""

    def __init__(self, interval: float = 60.0) -> None:
        self.interval = interval
        self.last = float("-inf")
        self.skipped = 0

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if not str(context.get("message", "")).startswith("socket.accept() out of system resource"):
            loop.default_exception_handler(context)
            return
        now = time.monotonic()
        if now - self.last < self.interval:
            self.skipped += 1
            return
        exc = context.get("exception")
        log.error("cannot accept connections: %s (%d such errors not logged)", exc, self.skipped)
        self.last, self.skipped = now, 0


def throttle_accept_errors(loop: asyncio.AbstractEventLoop) -> None:
    """Install the throttle as the loop's exception handler (called from the app's start-up)."""
    loop.set_exception_handler(_AcceptErrorThrottle())
