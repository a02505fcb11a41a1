"""A fake OpenAI-compatible chat-completions server for tests and the benchmark (127.0.0.1, threaded).

It answers any request deterministically from the request's JSON schema: one annotation per statement id, and one
finding per list that quotes the first statement of the prompt (or the first quote of a reduce prompt) verbatim.
Faults (429, 500, timeout, malformed JSON, unknown ids, paraphrased quotes, refusal, length, content filter) are
injected per request by a `faults` function. Its answers are generated, not recorded: they are test fixtures.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULT_KINDS = (
    "429",
    "500",
    "timeout",
    "malformed",
    "unknown_ids",
    "paraphrase",
    "refusal",
    "length",
    "content_filter",
    "context",
    "missing_annotations",
)
STATEMENT = re.compile(r'<statement id="(S\d+)"[^>]*>(.*?)</statement>', re.DOTALL)
QUOTE = re.compile(r'"statement_id":"(S\d+)","text":"((?:[^"\\]|\\.)*)"')
SCHEMA_IN_PROMPT = "Reply with JSON that follows this schema: "
UNKNOWN_ID = "S99999"


@dataclass
class RequestInfo:
    """What the server saw of one request (for assertions)."""

    index: int
    body: dict[str, Any]
    size: int
    authorization: str | None
    fault: str | None
    received: float = field(default_factory=time.monotonic)


# A fault function gets (request index, completion index, parsed body, statement count) and names a fault or None.
FaultFn = Callable[[int, int, dict[str, Any], int], "str | None"]


def no_faults(index: int, completions: int, body: dict[str, Any], statements: int) -> str | None:
    """Answer every request correctly."""
    return None


def script(faults: dict[int, str]) -> FaultFn:
    """Fault the requests whose 0-based index is in `faults`."""
    return lambda index, completions, body, statements: faults.get(index)


def always(kind: str) -> FaultFn:
    """Fault every request the same way."""
    return lambda index, completions, body, statements: kind


def length_above(limit: int) -> FaultFn:
    """Cut the answer off (finish_reason length) whenever a request holds more than `limit` statements."""
    return lambda index, completions, body, statements: "length" if statements > limit else None


def chaos(seed: int, p429: float, p500: float, broken_first: int) -> FaultFn:
    """Random 429s and 500s (seeded per request index), and broken JSON in the first completions."""

    def fault(index: int, completions: int, body: dict[str, Any], statements: int) -> str | None:
        roll = random.Random(seed * 1_000_003 + index).random()
        if roll < p429:
            return "429"
        if roll < p429 + p500:
            return "500"
        if completions < broken_first:
            return "malformed"
        return None

    return fault


@dataclass
class _Context:
    ids: list[str]
    quote_id: str
    quote_text: str
    statements: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _messages_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") != "assistant")


def _schema_of(body: dict[str, Any]) -> dict[str, Any] | None:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        schema: dict[str, Any] = fmt["json_schema"]["schema"]
        return schema
    if fmt.get("type") == "json_object" and isinstance(fmt.get("schema"), dict):
        return dict(fmt["schema"])
    text = _messages_text(body)
    start = text.find(SCHEMA_IN_PROMPT)
    if start < 0:
        return None
    decoded, _ = json.JSONDecoder().raw_decode(text[start + len(SCHEMA_IN_PROMPT) :])
    return dict(decoded)


def _context(body: dict[str, Any], schema: dict[str, Any] | None) -> _Context:
    text = _messages_text(body)
    found = STATEMENT.findall(text)
    enum = ((schema or {}).get("$defs") or {}).get("id", {}).get("enum")
    ids = [sid for sid, _ in found] or list(enum or [])
    if found:
        quote_id, statement = found[0]
        quote_text = " ".join(statement.split()[:8])
    else:
        quote = QUOTE.search(text)
        quote_id, quote_text = (quote.group(1), json.loads(f'"{quote.group(2)}"')) if quote else ("S1", "x")
    return _Context(ids=ids, quote_id=quote_id, quote_text=quote_text, statements=len(found))


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def generate(schema: dict[str, Any], ctx: _Context, root: dict[str, Any], name: str = "", sid: str = "") -> Any:
    """A deterministic instance of the schema that cites the context's statements."""
    schema = _resolve(schema, root)
    kind = schema.get("type")
    if kind == "object":
        return {key: generate(sub, ctx, root, key, sid) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        item = schema.get("items", {})
        if name in ("annotations", "readings"):
            ids = ctx.ids[: ctx.extra.get("annotate_only", len(ctx.ids))]
            return [generate(item, ctx, root, "annotation", each) for each in ids]
        if name == "statement_ids":
            return [ctx.quote_id]
        if name == "quotes":
            return [{"statement_id": ctx.quote_id, "text": ctx.quote_text}]
        if name in ("adverse_events", "absent_events") and _resolve(item, root).get("type") == "string":
            return []
        if name == "topics":
            return ["safety"]
        if name == "reasons":
            return ["indirect: citing statements, not trial data"]
        return [generate(item, ctx, root, name, sid)]
    if "enum" in schema:
        values = schema["enum"]
        if name == "id" and sid:
            return sid
        if name == "statement_id":
            return ctx.quote_id
        return values[0]
    if kind == "string":
        if name == "id":
            return sid or ctx.quote_id
        if name == "statement_id":
            return ctx.quote_id
        if name == "text":
            return ctx.quote_text
        return {"claim": f"A citing statement ({ctx.quote_id}) reports on the target.", "name": "fever"}.get(
            name, f"{name} of {ctx.quote_id}"
        )
    if kind in ("integer", "number"):
        return 0
    if kind == "boolean":
        return False
    return None


class FakeLLMServer:
    """Start with `with FakeLLMServer(...) as server:`; point the client at `server.base_url`."""

    def __init__(
        self,
        faults: FaultFn = no_faults,
        latency: float = 0.0,
        timeout_sleep: float = 2.0,
        retry_after: str = "0.02",
    ) -> None:
        self.faults = faults
        self.latency = latency
        self.timeout_sleep = timeout_sleep
        self.retry_after = retry_after
        self.requests: list[RequestInfo] = []
        self.completions = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The /v1 base URL of the running server."""
        assert self._httpd is not None, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> FakeLLMServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Listen on a free port of 127.0.0.1 in a background thread."""
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                status, headers, payload = server.answer(raw, self.headers.get("authorization"))
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    @property
    def request_bytes(self) -> int:
        """Total request body bytes received."""
        return sum(r.size for r in self.requests)

    def answer(self, raw: bytes, authorization: str | None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request."""
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            return 400, {}, b'{"error":{"message":"invalid JSON body","type":"invalid_request_error"}}'
        schema = _schema_of(body)
        ctx = _context(body, schema)
        with self._lock:
            index = len(self.requests)
            fault = self.faults(index, self.completions, body, ctx.statements or len(ctx.ids))
            self.requests.append(RequestInfo(index, body, len(raw), authorization, fault))
            if fault not in ("429", "500", "timeout", "context"):
                self.completions += 1
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return self._respond(body, raw, index, fault, ctx, schema)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _respond(
        self,
        body: dict[str, Any],
        raw: bytes,
        index: int,
        fault: str | None,
        ctx: _Context,
        schema: dict[str, Any] | None,
    ) -> tuple[int, dict[str, str], bytes]:
        if self.latency:
            time.sleep(self.latency)
        if fault == "429":
            error = b'{"error":{"message":"rate limited","type":"rate_limit_error"}}'
            return 429, {"retry-after": self.retry_after}, error
        if fault == "500":
            return 500, {}, b'{"error":{"message":"internal error","type":"server_error"}}'
        if fault == "context":
            error = b'{"error":{"message":"Requested tokens exceed context window","type":"invalid_request_error"}}'
            return 400, {}, error
        if fault == "timeout":
            time.sleep(self.timeout_sleep)
        if fault == "unknown_ids":
            ctx.quote_id = UNKNOWN_ID
        if fault == "missing_annotations":
            ctx.extra["annotate_only"] = 1
        if fault == "paraphrase":
            ctx.quote_text = "in other words, " + ctx.quote_text.lower()
        content: str | None = json.dumps(generate(schema, ctx, schema)) if schema else '{"note":"no schema"}'
        finish = "stop"
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if fault == "malformed":
            message["content"] = "Sure! Here is the JSON: {'annotations': [oops"
        elif fault == "refusal":
            message = {"role": "assistant", "content": None, "refusal": "I'm sorry, I cannot help with that request."}
        elif fault == "length":
            message["content"] = (content or "")[: max(1, len(content or "") // 2)]
            finish = "length"
        elif fault == "content_filter":
            message["content"] = None
            finish = "content_filter"
        text = message.get("content") or ""
        response = {
            "id": f"chatcmpl-fake-{index}",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": f"{body.get('model', 'fake')}-0001",
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": max(1, len(raw) // 4),
                "completion_tokens": max(1, len(text) // 4),
                "total_tokens": max(1, len(raw) // 4) + max(1, len(text) // 4),
            },
        }
        return 200, {}, json.dumps(response).encode()


def main() -> None:
    """Run the fake server in the foreground (for manual tries)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    with FakeLLMServer(latency=args.latency) as server:
        print(server.base_url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()


SYNTHETIC_TEMPLATES = (
    "In a pilot study, umbilical cord MSC infusion in {n} patients with severe COVID-19 caused no serious adverse "
    "events, and oxygenation improved within two weeks (cohort {i}).",
    "Treatment with mesenchymal stem cells reduced IL-6 and CRP in cohort {i}, although {n} patients reported "
    "transient fever after infusion.",
    "Cohort {i}: we could not confirm a mortality benefit of MSC therapy in {n} critically ill patients; the trial "
    "was small and uncontrolled.",
    "Several groups, including cohort {i}, have explored cell therapies for ARDS caused by SARS-CoV-2 ({n} cases).",
)


def synthetic_texts(count: int) -> list[str]:
    """Distinct citation-statement-like texts (about 150-200 bytes each)."""
    return [SYNTHETIC_TEMPLATES[i % len(SYNTHETIC_TEMPLATES)].format(i=i, n=10 + i % 37) for i in range(count)]
