"""A local stand-in of OpenAI's /v1/files and /v1/batches (127.0.0.1), answering each line with FakeLLMServer.

Shaped after the documented objects (the openai SDK's `FileObject` and `Batch` types, and the Batch API guide):
- `POST /v1/files` (multipart: `purpose`, `file`) gives a file object; `purpose` must be `batch` for a batch input;
  `GET /v1/files/{id}/content` gives the bytes.
- `POST /v1/batches` with `input_file_id`, `endpoint` (`/v1/chat/completions`) and `completion_window` (`24h` only)
  gives a batch object; `GET /v1/batches/{id}` moves it through `validating`, `in_progress`, `finalizing` to
  `completed` (one step per poll) with `request_counts`, `output_file_id` and `error_file_id`.
- Input lines are validated as the API does: JSON with a unique `custom_id`, `method` POST, `url` equal to the
  endpoint, one model for the whole file; a file that fails is a `failed` batch with `errors.data` (code, message,
  line). Each valid line is answered by FakeLLMServer's chat logic; a 200 goes to the output file, any other status
  to the error file, as `{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}`.
The answers are generated, not recorded: they are test fixtures.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as default_policy
from typing import Any

from llm_server import FakeLLMServer
from local_server import LocalServer, QuietHandler

STEPS = ("validating", "in_progress", "finalizing", "completed")


@dataclass
class StoredFile:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int = field(default_factory=lambda: int(time.time()))

    def object(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.content),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
        }


@dataclass
class StoredBatch:
    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    metadata: dict[str, Any] | None
    step: int = 0
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[dict[str, Any]] | None = None
    created_at: int = field(default_factory=lambda: int(time.time()))

    def object(self) -> dict[str, Any]:
        status = "failed" if self.errors else STEPS[self.step]
        done = status == "completed"
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id,
            "completion_window": self.completion_window,
            "status": status,
            "output_file_id": self.output_file_id if done else None,
            "error_file_id": self.error_file_id if done else None,
            "created_at": self.created_at,
            "in_progress_at": self.created_at if self.step >= 1 else None,
            "expires_at": self.created_at + 86400,
            "completed_at": self.created_at if done else None,
            "failed_at": self.created_at if self.errors else None,
            "request_counts": {
                "total": self.total,
                "completed": self.completed if done else 0,
                "failed": self.failed if done else 0,
            },
            "metadata": self.metadata,
        }


def _error(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}


class FakeBatchServer(LocalServer):
    """Start with `with FakeBatchServer(FakeLLMServer(...)) as server:`; `base_url` is the /v1 URL."""

    def __init__(self, llm: FakeLLMServer | None = None, api_key: str | None = "sk-batch-test") -> None:
        self.llm = llm or FakeLLMServer()
        self.api_key = api_key
        self.files: dict[str, StoredFile] = {}
        self.batches: dict[str, StoredBatch] = {}
        self.polls = 0
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def uploads(self) -> list[StoredFile]:
        """The batch input files, in upload order."""
        return [f for f in self.files.values() if f.purpose == "batch"]

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            def _handle(self, method: str) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                if server.api_key is not None and self.headers.get("authorization") != f"Bearer {server.api_key}":
                    body = _error("Incorrect API key provided", code="invalid_api_key")
                    self.reply(401, json.dumps(body).encode())
                    return
                status, payload, content_type = server.route(method, self.path, self.headers, raw)
                self.reply(status, payload, {"content-type": content_type})

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        return Handler

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):04d}"

    def route(self, method: str, path: str, headers: Any, raw: bytes) -> tuple[int, bytes, str]:
        path = path.split("?", 1)[0]
        if method == "POST" and path == "/v1/files":
            status, body = self._upload(headers.get("content-type", ""), raw)
        elif method == "GET" and path.startswith("/v1/files/") and path.endswith("/content"):
            stored = self.files.get(path[len("/v1/files/") : -len("/content")])
            if stored is None:
                return 404, json.dumps(_error("No such File object")).encode(), "application/json"
            return 200, stored.content, "application/octet-stream"
        elif method == "POST" and path == "/v1/batches":
            status, body = self._create(json.loads(raw or b"{}"))
        elif method == "GET" and path.startswith("/v1/batches/"):
            batch = self.batches.get(path[len("/v1/batches/") :])
            if batch is None:
                status, body = 404, _error("No such Batch object")
            else:
                with self._lock:
                    self.polls += 1
                    if not batch.errors and batch.step < len(STEPS) - 1:
                        batch.step += 1
                status, body = 200, batch.object()
        else:
            status, body = 404, _error(f"Unknown request URL: {method} {path}")
        return status, json.dumps(body).encode(), "application/json"

    def _upload(self, content_type: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        message = BytesParser(policy=default_policy).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        fields: dict[str, Any] = {}
        filename = "upload"
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name == "file":
                filename = part.get_filename() or filename
            fields[str(name)] = part.get_payload(decode=True)
        purpose = (fields.get("purpose") or b"").decode()
        if purpose not in ("batch", "fine-tune", "assistants", "user_data", "evals", "vision"):
            return 400, _error(f"Invalid value for purpose: {purpose!r}", param="purpose")
        if "file" not in fields:
            return 400, _error("Missing file", param="file")
        stored = StoredFile(self._new_id("file"), filename, purpose, fields["file"])
        self.files[stored.id] = stored
        return 200, stored.object()

    def _create(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        stored = self.files.get(str(request.get("input_file_id")))
        if stored is None or stored.purpose != "batch":
            return 400, _error("input_file_id must name a file uploaded with purpose batch", "input_file_id")
        if request.get("endpoint") != "/v1/chat/completions":
            return 400, _error("This stand-in serves /v1/chat/completions batches only", "endpoint")
        if request.get("completion_window") != "24h":
            return 400, _error("completion_window must be 24h", "completion_window")
        batch = StoredBatch(
            self._new_id("batch"), stored.id, request["endpoint"], request["completion_window"], request.get("metadata")
        )
        self.batches[batch.id] = batch
        lines, errors = self._validate(stored.content, batch.endpoint)
        if errors:
            batch.errors = errors
            return 200, batch.object()
        outputs, failures = [], []
        for number, line in enumerate(lines, start=1):
            status, _, payload = self.llm.answer(json.dumps(line["body"]).encode(), f"Bearer {self.api_key}")
            item = {
                "id": f"batch_req_{batch.id}_{number}",
                "custom_id": line["custom_id"],
                "response": {"status_code": status, "request_id": f"req_{number}", "body": json.loads(payload)},
                "error": None,
            }
            (outputs if status == 200 else failures).append(json.dumps(item))
        batch.total, batch.completed, batch.failed = len(lines), len(outputs), len(failures)
        for kind, items in (("output", outputs), ("error", failures)):
            if items:
                result = StoredFile(self._new_id("file"), f"{batch.id}_{kind}.jsonl", "batch_output", b"")
                result.content = ("\n".join(items) + "\n").encode()
                self.files[result.id] = result
                setattr(batch, f"{kind}_file_id", result.id)
        return 200, batch.object()

    @staticmethod
    def _validate(content: bytes, endpoint: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        lines: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        seen: set[str] = set()
        models: set[str] = set()
        for number, text in enumerate(content.decode("utf-8").splitlines(), start=1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
            except json.JSONDecodeError:
                errors.append({"code": "invalid_json_line", "message": "not parseable as JSON", "line": number})
                continue
            custom_id = line.get("custom_id")
            if not isinstance(custom_id, str) or custom_id in seen:
                errors.append({"code": "duplicate_custom_id", "message": "custom_id must be unique", "line": number})
            if line.get("method") != "POST" or line.get("url") != endpoint:
                errors.append({"code": "invalid_url", "message": f"url must be {endpoint}", "line": number})
            body = line.get("body") if isinstance(line.get("body"), dict) else {}
            models.add(str(body.get("model")))
            seen.add(str(custom_id))
            lines.append(line)
        if len(models) > 1:
            errors.append({"code": "mismatched_model", "message": "all requests of a batch must use one model"})
        return lines, errors
