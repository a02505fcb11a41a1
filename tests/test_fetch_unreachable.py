"""A citation source that cannot be reached at all fails at once (no retries), with the default retry settings;
429 and 5xx, and a connection cut off mid-answer, keep their retries."""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import httpx2
import pytest

from summarizer.cli import main
from summarizer.errors import ServiceError
from summarizer.fetch.http import ServiceClient
from summarizer.settings import FetchSettings, S2Settings

# the default settings retry 6 times from 1 s, doubling: about 67 s before a kept failure is reported
UNREACHABLE_WITHIN_SECONDS = 10.0


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped retry settings (not the tests' quick ones), a private cache, no keys from the environment."""
    for name in ("S2_API_KEY", "SCITE_API_TOKEN", "SUMMARIZER_S2_URL", "SUMMARIZER_SCITE_URL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "defaults.toml"
    path.write_text(f'[fetch]\ncache_path = "{tmp_path / "http-cache.sqlite3"}"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "url",
    [f"http://127.0.0.1:{_closed_port()}/graph/v1", "http://unknown-host.invalid/graph/v1"],
    ids=["refused", "unknown-host"],
)
def test_brief_paper_reports_an_unreachable_source_within_seconds(
    url: str, defaults: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUMMARIZER_S2_URL", url)
    started = time.monotonic()
    code = main(["brief", "--paper", "10.1000/some.paper", "--config", str(defaults), "--quiet"])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 2
    assert elapsed < UNREACHABLE_WITHIN_SECONDS, f"took {elapsed:.1f} s"
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "Semantic Scholar cannot be reached at" in err


class _Counting(httpx2.AsyncBaseTransport):
    """A transport that fails every request with one transport error, counting the tries."""

    def __init__(self, error: type[httpx2.TransportError]) -> None:
        self.error = error
        self.tries = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.tries += 1
        raise self.error("fixture failure", request=request)


@pytest.mark.parametrize(
    ("error", "tries"),
    [(httpx2.ConnectError, 1), (httpx2.ConnectTimeout, 1), (httpx2.ReadError, 3), (httpx2.RemoteProtocolError, 3)],
)
def test_only_a_lost_connection_is_retried(error: type[httpx2.TransportError], tries: int) -> None:
    transport = _Counting(error)
    settings = S2Settings(max_retries=2, retry_backoff_seconds=0.01)

    async def run() -> None:
        async with ServiceClient("S2", settings, FetchSettings(cache_enabled=False), transport=transport) as client:
            await client.get_json("paper/x")

    with pytest.raises(ServiceError):
        asyncio.run(run())
    assert transport.tries == tries
