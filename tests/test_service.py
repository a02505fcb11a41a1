"""The HTTP service, tested against a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import csv
import http.client
import io
import json
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from summarizer.contract import contract_violations
from summarizer.engines.base import EngineResult, Reading, ReadRequest
from summarizer.errors import EndpointError, NoValidOutputError
from summarizer.models import Brief, Statement, Target
from summarizer.service import create_app
from summarizer.settings import Settings

EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"
TOKEN = "test-token-0123456789"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    host: str
    port: int

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Reply:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            conn.close()

    def upload(self, path: str, name: str, data: bytes, headers: dict[str, str] | None = None) -> Reply:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        all_headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", **(headers or {})}
        return self.request("POST", path, body, all_headers)

    def post_json(self, path: str, payload: Any, headers: dict[str, str] | None = None) -> Reply:
        return self.request(
            "POST", path, json.dumps(payload).encode(), {"Content-Type": "application/json", **(headers or {})}
        )


def _start(settings: Settings) -> tuple[Server, uvicorn.Server, threading.Thread]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    return Server("127.0.0.1", port), server, thread


@pytest.fixture(scope="module")
def running_server() -> Iterator[Server]:
    settings = Settings.model_validate({"service": {"max_request_bytes": 200_000}, "cache": {"enabled": False}})
    client, server, thread = _start(settings)
    yield client
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def guarded_server() -> Iterator[Server]:
    settings = Settings.model_validate({"service": {"bearer_token": TOKEN}, "cache": {"enabled": False}})
    client, server, thread = _start(settings)
    yield client
    server.should_exit = True
    thread.join(timeout=10)


def test_healthz(running_server: Server) -> None:
    reply = running_server.request("GET", "/healthz")
    assert reply.status == 200
    assert reply.json()["status"] == "ok" and reply.json()["engine"] == "extractive"


def test_posting_the_example_file_returns_a_brief_that_meets_the_contract(running_server: Server) -> None:
    reply = running_server.upload("/v1/briefs", EXAMPLE_PATH.name, EXAMPLE_PATH.read_bytes())
    assert reply.status == 200, reply.body
    assert reply.headers["content-type"] == "application/json"
    brief = Brief.model_validate_json(reply.body)
    assert contract_violations(brief) == []
    assert brief.tally.statements == 4
    assert brief.target.reported_tallies.statements == 14
    assert brief.provenance.engine == "extractive"


@pytest.mark.parametrize(
    ("fmt", "media_type", "marker"),
    [("md", "text/markdown", b"# Evidence brief"), ("html", "text/html", b"<!DOCTYPE html>"), ("csv", "text/csv", b"")],
)
def test_other_renderings(running_server: Server, fmt: str, media_type: str, marker: bytes) -> None:
    reply = running_server.upload(f"/v1/briefs?format={fmt}", EXAMPLE_PATH.name, EXAMPLE_PATH.read_bytes())
    assert reply.status == 200
    assert reply.headers["content-type"].startswith(media_type)
    assert reply.body.startswith(marker)
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(reply.body.decode())))) == 4


def test_json_statements_list_and_object(running_server: Server) -> None:
    statements = [
        {"id": "S1", "text": "MSC infusion was safe and well tolerated in 16 patients.", "section": "Discussion"},
        {"id": "S2", "text": "Mortality decreased after MSC infusion.", "type": "supporting"},
    ]
    reply = running_server.post_json("/v1/briefs", statements)
    assert reply.status == 200, reply.body
    brief = Brief.model_validate_json(reply.body)
    assert brief.tally.statements == 2 and contract_violations(brief) == []
    reply = running_server.post_json(
        "/v1/briefs", {"target": {"title": "UC-MSC pilot", "doi": "10.1/x"}, "statements": statements}
    )
    assert reply.status == 200
    assert Brief.model_validate_json(reply.body).target.title == "UC-MSC pilot"


SCITE_TASK = Path(__file__).resolve().parent / "fixtures" / "readers" / "scite-task-example.json"


def test_the_target_parameter_chooses_among_the_targets_an_input_cites(running_server: Server) -> None:
    data = SCITE_TASK.read_bytes()  # scite's published reference-check example: it cites 6 targets
    reply = running_server.upload("/v1/briefs", "task.json", data)
    assert reply.status == 200, reply.body
    assert Brief.model_validate_json(reply.body).target.doi == "10.1172/jci31021"  # the most cited
    reply = running_server.upload("/v1/briefs?target=10.1002/hep.26015", "task.json", data)
    assert reply.status == 200, reply.body
    brief = Brief.model_validate_json(reply.body)
    assert brief.target.doi == "10.1002/hep.26015" and brief.tally.statements == 1
    reply = running_server.upload("/v1/briefs?target=10.9/none", "task.json", data)
    assert reply.status == 422 and "no statement in the input cites 10.9/none" in reply.json()["error"]
    payload = {"target": {"doi": "10.1/x"}, "statements": [{"id": "S1", "text": "MSC infusion was safe."}]}
    assert running_server.post_json("/v1/briefs?target=10.1/X", payload).status == 200  # DOIs match in any case
    assert running_server.post_json("/v1/briefs?target=10.1/y", payload).status == 422


@pytest.mark.parametrize(
    "data",
    [b"Just some notes about lunch.\nNothing to see here.\n", b"\x89PNG\r\n\x1a\n\x00\x00binary", b"", b"{}"],
    ids=["prose", "binary", "empty", "empty-json"],
)
def test_posting_a_non_export_is_a_4xx_with_a_json_error(running_server: Server, data: bytes) -> None:
    reply = running_server.upload("/v1/briefs", "notes.txt", data)
    assert reply.status == 422
    assert set(reply.json()) == {"error"} and reply.json()["error"]
    assert b"Traceback" not in reply.body


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[]", "application/json", 422),
        (b'{"statements": [{"id": "S1"}]}', "application/json", 422),
        (b'[{"id": "S1", "text": "x", "engine": "llm"}]', "application/json", 422),
        (b"hello", "text/plain", 415),
        (b"--x\r\n\r\n", "multipart/form-data; boundary=x", 400),
    ],
    ids=["bad-json", "no-statements", "statement-without-text", "unknown-field", "text-plain", "bad-multipart"],
)
def test_bad_bodies(running_server: Server, body: bytes, content_type: str, status: int) -> None:
    reply = running_server.request("POST", "/v1/briefs", body, {"Content-Type": content_type})
    assert reply.status == status, reply.body
    assert isinstance(reply.json()["error"], str)


def test_upload_without_the_file_field(running_server: Server) -> None:
    body = b'--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--b--\r\n'
    reply = running_server.request("POST", "/v1/briefs", body, {"Content-Type": "multipart/form-data; boundary=b"})
    assert reply.status == 400 and "file" in reply.json()["error"]


def test_unknown_format_and_path(running_server: Server) -> None:
    reply = running_server.upload("/v1/briefs?format=pdf", EXAMPLE_PATH.name, EXAMPLE_PATH.read_bytes())
    assert reply.status == 422 and "format" in reply.json()["error"]
    assert running_server.request("GET", "/nowhere").json() == {"error": "Not Found"}


def test_openapi_and_schema_are_served(running_server: Server) -> None:
    reply = running_server.request("GET", "/openapi.json")
    assert reply.status == 200
    spec = reply.json()
    assert {"/healthz", "/v1/briefs", "/v1/schema"} <= set(spec["paths"])
    content = spec["paths"]["/v1/briefs"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "application/json"} <= set(content)
    schema = running_server.request("GET", "/v1/schema").json()
    assert schema == Brief.model_json_schema()


def test_size_limit_is_413_from_the_declared_length(running_server: Server) -> None:
    reply = running_server.upload("/v1/briefs", "big.txt", b"x" * 300_000)
    assert reply.status == 413
    assert "limit" in reply.json()["error"]


def test_size_limit_is_413_for_a_chunked_body_without_length(running_server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", running_server.port, timeout=30)
    try:
        chunks = (b"[" + b" " * 50_000 for _ in range(6))
        conn.request(
            "POST", "/v1/briefs", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True
        )
        response = conn.getresponse()
        assert response.status == 413
        assert "limit" in json.loads(response.read())["error"]
    finally:
        conn.close()


def test_bearer_token_guards_the_api_but_not_healthz(guarded_server: Server) -> None:
    data = EXAMPLE_PATH.read_bytes()
    assert guarded_server.request("GET", "/healthz").status == 200
    missing = guarded_server.upload("/v1/briefs", "example.txt", data)
    assert missing.status == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json() == {"error": "missing or invalid bearer token"}
    wrong = guarded_server.upload("/v1/briefs", "example.txt", data, {"Authorization": "Bearer wrong"})
    assert wrong.status == 401
    assert guarded_server.request("GET", "/v1/schema").status == 401
    ok = guarded_server.upload("/v1/briefs", "example.txt", data, {"Authorization": f"Bearer {TOKEN}"})
    assert ok.status == 200
    assert contract_violations(Brief.model_validate_json(ok.body)) == []


def test_the_token_never_appears_in_openapi_or_responses(guarded_server: Server) -> None:
    spec = guarded_server.request("GET", "/openapi.json")
    assert TOKEN.encode() not in spec.body
    assert "HTTPBearer" in spec.json()["components"]["securitySchemes"]


def test_the_cli_serve_command_answers_healthz(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = Server("127.0.0.1", port)
        deadline = time.monotonic() + 30
        while True:
            try:
                reply = client.request("GET", "/healthz")
                break
            except OSError:
                assert proc.poll() is None, "summarizer serve exited"
                assert time.monotonic() < deadline, "summarizer serve did not start"
                time.sleep(0.1)
        assert reply.status == 200 and reply.json()["status"] == "ok"
        posted = client.upload("/v1/briefs", EXAMPLE_PATH.name, EXAMPLE_PATH.read_bytes())
        assert posted.status == 200
        assert contract_violations(Brief.model_validate_json(posted.body)) == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _FailingEngine:
    """A fake engine that fails the way the LLM engine can (hand-written for this test)."""

    name = "llm"

    def __init__(self, error: Exception) -> None:
        self.error = error

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        raise self.error

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        raise self.error


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (EndpointError("endpoint api.example.invalid unreachable after 6 retries"), 502),
        (NoValidOutputError("no valid output after 2 re-asks"), 502),
        (RuntimeError("secret internals sk-abc123"), 500),
    ],
)
def test_engine_errors_are_json_without_traceback(
    monkeypatch: pytest.MonkeyPatch, error: Exception, status: int
) -> None:
    import summarizer.service.app as service

    monkeypatch.setattr(service, "make_engine", lambda name, settings: _FailingEngine(error))
    client, server, thread = _start(Settings.model_validate({"cache": {"enabled": False}}))
    try:
        reply = client.upload("/v1/briefs", "example.txt", EXAMPLE_PATH.read_bytes())
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert reply.status == status
    assert set(reply.json()) == {"error"}
    assert b"Traceback" not in reply.body and b"sk-abc123" not in reply.body


def test_clients_cannot_choose_the_engine(running_server: Server) -> None:
    reply = running_server.upload(
        "/v1/briefs?engine=llm&base_url=http://evil.example",
        "example.txt",
        EXAMPLE_PATH.read_bytes(),
        {"X-Engine": "llm", "X-Base-Url": "http://evil.example", "OpenAI-Base-Url": "http://evil.example"},
    )
    assert reply.status == 200
    provenance = Brief.model_validate_json(reply.body).provenance
    assert provenance.engine == "extractive" and provenance.base_url is None


schemathesis = pytest.importorskip("schemathesis", reason="property-based API tests need `pip install schemathesis`")
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

API_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)


def test_api_conforms_to_its_openapi_document(running_server: Server) -> None:
    # Schemathesis's Python API, not its pytest plugin: the plugin reaches into pytest's private node attributes,
    # which pytest 9 removed, while loading the schema and drawing cases are public API.
    base_url = f"http://{running_server.host}:{running_server.port}"
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    checks = [getattr(schemathesis.checks, name) for name in API_CHECKS]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} >= {"GET /healthz", "POST /v1/briefs", "GET /v1/schema"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
        )
        def conforms(case: Any) -> None:
            case.call_and_validate(base_url=base_url, checks=checks)

        conforms()
