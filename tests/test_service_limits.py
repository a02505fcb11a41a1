"""The service under slow, idle and hostile clients: it keeps answering `/healthz`, times out what never ends,
caps its connections below the open-file limit, stops a brief at its time budget, and answers 4xx to bad bodies.

Most tests start the real `summarizer serve` in a subprocess, as it runs in production.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from foreground import foreground_sigint

from summarizer.errors import InputError
from summarizer.readers import load_statements
from summarizer.service.worker_pool import OverBudget, WorkerLost, WorkerPool

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PATH = REPO_ROOT / "examples" / "uc-msc-covid19-scite-page.txt"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and POSIX resource limits")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Serve:
    """`summarizer serve` with a config file, in a subprocess (optionally under a lower open-file limit)."""

    def __init__(self, tmp_path: Path, service: dict[str, Any], open_files: int | None = None) -> None:
        self.port = _free_port()
        config = tmp_path / "serve.toml"
        config.write_text("[service]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in service.items()))
        self.log = tmp_path / "serve.log"

        def limit() -> None:
            foreground_sigint()
            if open_files is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "summarizer", "serve", "--port", str(self.port), "--config", str(config)],
                cwd=REPO_ROOT,
                stdout=log,
                stderr=log,
                preexec_fn=limit,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.request("GET", "/healthz", timeout=2)
                return
            except OSError:
                assert self.proc.poll() is None, self.log.read_text()
                assert time.monotonic() < deadline, "summarizer serve did not start"
                time.sleep(0.1)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    started: list[Serve] = []

    def start(open_files: int | None = None, **service: Any) -> Serve:
        started.append(Serve(tmp_path, service, open_files))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def _statements(count: int) -> list[dict[str, Any]]:
    """The bundled example's statements, each repeated with a case number."""
    source = load_statements(EXAMPLE_PATH)
    repeated = source.statements * (count // len(source.statements))
    return [{"id": f"S{i + 1}", "text": f"{s.text} (case {i})", "section": s.section} for i, s in enumerate(repeated)]


def test_a_slow_request_never_delays_healthz_and_stops_at_its_budget(serve: Any) -> None:
    server = serve(workers=1, request_timeout_seconds=3.0)
    body = json.dumps(_statements(20_000)).encode()  # 9 MB: tens of seconds of work, then a 35 MB HTML page
    assert len(body) < 10 * 1024 * 1024
    slow: dict[str, Any] = {}

    def post() -> None:
        started = time.monotonic()
        slow["reply"] = server.request("POST", "/v1/briefs?format=html", body, {"Content-Type": "application/json"})
        slow["seconds"] = time.monotonic() - started

    poster = threading.Thread(target=post)
    poster.start()
    latencies = []
    while poster.is_alive():
        started = time.monotonic()
        status, _ = server.request("GET", "/healthz", timeout=10)
        latencies.append(time.monotonic() - started)
        assert status == 200
        time.sleep(0.05)
    poster.join()
    assert len(latencies) > 20
    assert max(latencies) < 1.0, f"/healthz took up to {max(latencies):.2f} s"
    status, reply = slow["reply"]
    assert status == 503 and b"3 s" in reply
    assert slow["seconds"] < 3.0 + 2.5
    # the worker was stopped, not lost: the next brief is made
    ok, _ = server.request("POST", "/v1/briefs", EXAMPLE_PATH.read_bytes(), {"Content-Type": "text/plain"})
    assert ok == 415
    status, brief = server.request(
        "POST", "/v1/briefs", json.dumps(_statements(8)).encode(), {"Content-Type": "application/json"}
    )
    assert status == 200 and json.loads(brief)["tally"]["statements"] == 8


def test_idle_connections_under_a_low_file_limit_neither_stop_the_server_nor_flood_its_log(serve: Any) -> None:
    server = serve(open_files=128, workers=1, header_timeout_seconds=1.0)
    idle = []
    for _ in range(300):
        try:
            idle.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        except OSError:
            break
    try:
        time.sleep(1.5)  # past the head deadline: the server has closed every idle connection
        for sock in idle:  # each was closed: after its head deadline, or at once with a 503 when over the cap
            sock.settimeout(5)
            data = sock.recv(1024)
            assert data == b"" or data.startswith(b"HTTP/1.1 503"), data
        answered = [server.request("GET", "/healthz", timeout=5)[0] for _ in range(5)]
        assert answered == [200] * 5
    finally:
        for sock in idle:
            sock.close()
    time.sleep(1)
    assert server.proc.poll() is None
    assert server.log.stat().st_size < 20_000, server.log.read_text()[-2000:]


def test_a_connection_that_never_finishes_its_head_is_closed(serve: Any) -> None:
    server = serve(workers=1, header_timeout_seconds=1.0)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slowloris:
        started = time.monotonic()
        for piece in (b"GET /healthz HTTP/1.1\r\n", b"Host: x\r\n", b"X-A: 1\r\n"):
            slowloris.sendall(piece)
            time.sleep(0.3)
        assert slowloris.recv(1024) == b""
        assert time.monotonic() - started < 1.0 + 1.5
    assert server.request("GET", "/healthz")[0] == 200


def test_a_body_that_never_arrives_is_a_408(serve: Any) -> None:
    server = serve(workers=1, body_timeout_seconds=1.0)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as client:
        client.sendall(
            b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"
        )
        reply = b""
        while chunk := client.recv(4096):  # the server closes the connection: the rest of the body never came
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 408") and reply.endswith(b'"}')


def _multipart(name: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n'.encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


STATEMENT = "MSC infusion was well tolerated in all patients."
CRASH_UPLOADS = {
    "deep.json": b'{"data":' + b"[" * 1000 + b"]" * 1000 + b"}",
    "digits.json": b'{"data":[{"snippet":"' + STATEMENT.encode() + b'","year":' + b"9" * 4301 + b"}]}",
    "overflow.json": b'{"data":[{"snippet":"' + STATEMENT.encode() + b'","typeConfidence":1e309,"year":1e309}]}',
    "intents.json": b'{"data":[{"contextsWithIntent":1}]}',
    "surrogate.json": b'{"data":[{"snippet":"' + STATEMENT.encode() + b'","doi":"10.1/\\udfff"}]}',
    "wide.csv": b"text\n" + STATEMENT.encode() + b" " + b"x" * 140_000 + b"\n",
}


@pytest.fixture(scope="module")
def in_thread_server() -> Iterator[Any]:
    import uvicorn

    from summarizer.service import create_app
    from summarizer.service.server import uvicorn_config
    from summarizer.settings import Settings

    settings = Settings.model_validate({"service": {"workers": 1}, "cache": {"enabled": False}})
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn_config(create_app(settings), settings.service, 1, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    client = Serve.__new__(Serve)
    client.port = sock.getsockname()[1]
    yield client
    server.should_exit = True
    thread.join(timeout=20)


@pytest.mark.parametrize("name", sorted(CRASH_UPLOADS))
def test_inputs_that_crashed_readers_are_4xx_never_500(in_thread_server: Any, name: str) -> None:
    body, headers = _multipart(name, CRASH_UPLOADS[name])
    status, reply = in_thread_server.request("POST", "/v1/briefs", body, headers)
    assert status in (200, 400, 422), reply
    if status != 200:
        assert set(json.loads(reply)) == {"error"}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"[" * 100_000 + b"]" * 100_000, 400),  # JSON nested deeper than Python's recursion limit
        (b"[" + b"9" * 5000 + b"]", 400),  # an integer over Python's 4,300-digit limit
        (b'{"statements": [{"id": "S1", "text": "x", "confidence": 1e309}]}', 422),
        (b'[{"id": "S1", "text": "\\udfff"}]', 422),  # a lone surrogate is no text
    ],
)
def test_bad_json_bodies_are_4xx(in_thread_server: Any, body: bytes, status: int) -> None:
    got, reply = in_thread_server.request("POST", "/v1/briefs", body, {"Content-Type": "application/json"})
    assert got == status, reply
    if status != 200:
        assert set(json.loads(reply)) == {"error"}


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def _job(payload: tuple[str, float]) -> str:
    kind, seconds = payload
    if kind == "sleep":
        return _sleep(seconds)
    if kind == "deaf":  # a job that cannot be interrupted: the worker must be killed
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        try:
            return _sleep(seconds)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
    if kind == "die":
        os._exit(3)
    raise InputError("not an export")


def test_the_worker_pool_stops_kills_replaces_and_relays() -> None:
    import asyncio

    pool = WorkerPool(_job, 1)
    try:

        async def scenario() -> list[Any]:
            outcomes: list[Any] = []
            for payload, budget in [
                (("sleep", 0.1), 5.0),
                (("sleep", 30.0), 0.5),
                (("deaf", 30.0), 0.5),
                (("die", 0.0), 5.0),
                (("input", 0.0), 5.0),
                (("sleep", 0.0), 5.0),
            ]:
                try:
                    outcomes.append(await pool.run(payload, budget))
                except (OverBudget, WorkerLost, InputError) as exc:
                    outcomes.append(type(exc).__name__)
            return outcomes

        started = time.monotonic()
        assert asyncio.run(scenario()) == ["slept", "OverBudget", "OverBudget", "WorkerLost", "InputError", "slept"]
        assert time.monotonic() - started < 15
    finally:
        pool.close()


def test_the_worker_pool_refuses_jobs_beyond_its_waiting_room() -> None:
    import asyncio

    from summarizer.service.worker_pool import PoolBusy

    pool = WorkerPool(_job, 1, max_waiting=1)
    try:

        async def scenario() -> list[Any]:
            running = asyncio.ensure_future(pool.run(("sleep", 1.0), 10.0))
            await asyncio.sleep(0.2)
            waiting = asyncio.ensure_future(pool.run(("sleep", 0.0), 10.0))
            await asyncio.sleep(0.2)
            assert pool.full()
            refused = None
            try:
                await pool.run(("sleep", 0.0), 10.0)
            except PoolBusy as exc:
                refused = type(exc).__name__
            return [await running, await waiting, refused, pool.full()]

        assert asyncio.run(scenario()) == ["slept", "slept", "PoolBusy", False]
    finally:
        pool.close()
