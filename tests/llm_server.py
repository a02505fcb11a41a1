"""A fake OpenAI-compatible chat-completions server for tests and the benchmark (127.0.0.1, threaded).

It behaves as real servers do where they differ from a friendly stand-in (each body below is a real one, cited):
- `json_schema` is strict as OpenAI's is: a schema that leaves a key out of `required`, lacks
  `additionalProperties: false` or uses a keyword OpenAI does not document for strict mode is refused with 400
  "Invalid schema for response_format '<name>': In context=(...), ..." (bodies as in dottxt-ai/outlines#844 and
  #1254, vercel/ai#6484: type invalid_request_error, param response_format).
- Reasoning models (`reasoning=True`) refuse `max_tokens` (400 "Unsupported parameter: 'max_tokens' is not supported
  with this model. Use 'max_completion_tokens' instead.", code unsupported_parameter: griptape-ai/ComfyUI-Griptape#312)
  and any temperature but 1 (400 "Unsupported value: 'temperature' does not support 0 with this model. Only the
  default (1) value is supported.", code unsupported_value: gabrii/Cursor-Azure-GPT-5#33).
- `dialects` lists the response formats the server takes; llama-cpp-python 0.3.36's server answers 500 to
  json_schema (the body below was taken from that server here, with a pydantic literal_error on
  ('body', 'response_format', 'type')).
- Context overflow is llama-cpp-python's (and OpenAI's) 400 with code context_length_exceeded.
- `honours_schema_key=False` acts as vLLM, Ollama and OpenAI do with {"type": "json_object", "schema": ...}: the
  schema key is dropped, so only a schema in the prompt shapes the answer.

What it answers is drawn from the schema it was sent, by an `answers` function: `cite` (the default: one annotation
per statement, findings that quote the first statement of the prompt verbatim), `smallest` (the smallest instance
the schema allows) or `random_instances(seed)` (random instances). Faults (429, 500, timeout, malformed JSON, unknown
ids, paraphrased quotes, refusal, length, content filter, context overflow, HTML or empty or truncated 200 bodies, a
401 that echoes the Authorization header) are injected per request by a `faults` function. Its answers are
generated, not recorded: they are test fixtures.
"""

from __future__ import annotations

import functools
import json
import random
import re
import re._parser as regex_parser  # the standard library's own regex parser: instances of a schema's pattern
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

STATEMENT = re.compile(r"<s id=(S\d+)[^>]*>(.*?)</s>", re.DOTALL)
QUOTE = re.compile(r'"statement_id":"(S\d+)","text":"((?:[^"\\]|\\.)*)"')
SCHEMA_IN_PROMPT = "Reply with JSON that follows this schema: "
UNKNOWN_ID = "S99999"
# The keywords OpenAI documents for strict structured outputs ("Supported schemas"); anything else is refused.
STRICT_KEYWORDS = frozenset(
    {
        *("type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "$ref"),
        *("$defs", "definitions", "description", "title", "pattern", "format", "multipleOf", "maximum"),
        *("exclusiveMaximum", "minimum", "exclusiveMinimum", "minItems", "maxItems"),
    }
)
LLAMA_CPP_PYTHON_JSON_SCHEMA_500 = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input "
    "should be 'text' or 'json_object'\", 'input': 'json_schema', 'ctx': {'expected': \"'text' or 'json_object'\"}}"
    '\n\n  File "/venv/lib/python3.11/site-packages/llama_cpp/server/app.py", line 376, in create_chat_completion\n'
    "    POST /v1/chat/completions"
)


@dataclass
class RequestInfo:
    """What the server saw of one request (for assertions)."""

    index: int
    body: dict[str, Any]
    size: int
    authorization: str | None
    fault: str | None
    status: int = 200
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
class Context:
    """What an answer may cite: the request's statement ids and a verbatim quote."""

    ids: list[str]
    quote_id: str
    quote_text: str
    statements: int = 0
    index: int = 0
    annotate_only: int | None = None


def _messages_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") != "assistant")


def _schema_in_prompt(body: dict[str, Any]) -> dict[str, Any] | None:
    text = _messages_text(body)
    start = text.find(SCHEMA_IN_PROMPT)
    if start < 0:
        return None
    decoded, _ = json.JSONDecoder().raw_decode(text[start + len(SCHEMA_IN_PROMPT) :])
    return dict(decoded)


def _context(body: dict[str, Any], schema: dict[str, Any] | None, index: int) -> Context:
    text = _messages_text(body)
    found = STATEMENT.findall(text)
    enum = ((schema or {}).get("$defs") or {}).get("Id", {}).get("enum")
    ids = [sid for sid, _ in found] or list(enum or [])
    if found:
        quote_id, statement = found[0]
        quote_text = " ".join(statement.split()[:8])
    else:
        quote = QUOTE.search(text)
        quote_id, quote_text = (quote.group(1), json.loads(f'"{quote.group(2)}"')) if quote else ("S1", "x y z")
    return Context(ids=ids, quote_id=quote_id, quote_text=quote_text, statements=len(found), index=index)


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


# --- answers drawn from the schema ---------------------------------------------------------------------------------

Answers = Callable[[dict[str, Any], Context], Any]


def cite(schema: dict[str, Any], ctx: Context) -> Any:
    """A deterministic instance that annotates every statement in order and quotes the first one verbatim."""
    return _cite(schema, ctx, schema)


def _cite(schema: dict[str, Any], ctx: Context, root: dict[str, Any], name: str = "", sid: str = "") -> Any:
    schema = _resolve(schema, root)
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if _resolve(o, root).get("type") != "null"] or schema["anyOf"]
        return _cite(options[0], ctx, root, name, sid)
    kind = schema.get("type")
    if kind == "object":
        return {key: _cite(sub, ctx, root, key, sid) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        item = schema.get("items", {})
        if name in ("annotations", "readings"):
            ids = ctx.ids[: ctx.annotate_only if ctx.annotate_only is not None else len(ctx.ids)]
            return [_cite(item, ctx, root, "annotation", each) for each in ids]
        if name == "statement_ids":
            return [ctx.quote_id]
        if name == "quotes":
            return [{"statement_id": ctx.quote_id, "text": ctx.quote_text}]
        if name in ("adverse_events", "absent_events", "outcomes") and _resolve(item, root).get("type") == "string":
            return []
        if name == "topics":
            return ["safety"]
        return [_cite(item, ctx, root, name, sid)]
    if "enum" in schema:
        if name == "id" and sid:
            return sid
        if name == "statement_id":
            return ctx.quote_id
        if name == "assessment" and "concerns_reported" in schema["enum"]:
            return "concerns_reported"  # the answer lists an adverse event: no concerns would contradict it
        return schema["enum"][0]
    if kind == "string":
        if name == "id":
            return sid or ctx.quote_id
        if name == "statement_id":
            return ctx.quote_id
        if name == "text":
            return ctx.quote_text
        if name == "certainty_note":
            return ""
        texts = {"claim": f"A citing statement ({ctx.quote_id}) reports on the target.", "name": "fever"}
        return texts.get(name, f"{name} of {ctx.quote_id}")
    if kind in ("integer", "number"):
        return 0
    if kind == "boolean":
        return False
    return None


def smallest(schema: dict[str, Any], ctx: Context) -> Any:
    """The smallest instance the schema allows: fewest items, shortest strings, first enum values, null when allowed."""
    return _smallest(schema, schema)


def _smallest(schema: dict[str, Any], root: dict[str, Any]) -> Any:
    schema = _resolve(schema, root)
    if "anyOf" in schema:
        options = [_resolve(o, root) for o in schema["anyOf"]]
        nulls = [o for o in options if o.get("type") == "null"]
        return _smallest(nulls[0] if nulls else options[0], root)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {key: _smallest(sub, root) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [_smallest(schema.get("items", {}), root) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        if schema.get("pattern", NON_BLANK) != NON_BLANK:
            return pattern_instance(schema["pattern"])
        needed = max(schema.get("minLength", 0), 1 if "pattern" in schema else 0)
        return "x" * needed
    if kind in ("integer", "number"):
        return 0
    if kind == "boolean":
        return False
    return None


NON_BLANK = r"^[\s\S]*\S[\s\S]*$"  # the engine's pattern of a non-empty string (dialects.NON_BLANK)
_PATTERN_CHARS = "xyz é<0"  # characters tried, in order, where a pattern allows a class of them


def pattern_instance(pattern: str, rng: random.Random | None = None) -> str:
    """A string that fully matches `pattern` (literals, classes, repeats, groups, alternation, anchors): the shortest
    and first choices without `rng`, random ones with it."""
    out: list[str] = []
    _emit(_parsed(pattern), rng, out)
    text = "".join(out)
    assert re.fullmatch(pattern, text), (pattern, text)
    return text


@functools.cache
def _parsed(pattern: str) -> Any:
    return regex_parser.parse(pattern)


def _emit(parsed: Any, rng: random.Random | None, out: list[str]) -> None:
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append(next(c for c in _PATTERN_CHARS if ord(c) != av))
        elif name == "ANY":
            out.append(_PATTERN_CHARS[0] if rng is None else rng.choice(_PATTERN_CHARS[:3]))
        elif name == "IN":
            options = _class_options(tuple(av))
            out.append(options[0] if rng is None else rng.choice(options))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, inner = av
            count = low if rng is None else rng.randint(low, min(high, low + 12))
            for _ in range(count):
                _emit(inner, rng, out)
        elif name == "SUBPATTERN":
            _emit(av[-1], rng, out)
        elif name == "BRANCH":
            branches = av[1]
            _emit(branches[0] if rng is None else rng.choice(branches), rng, out)
        elif name != "AT":
            raise ValueError(f"the fake server cannot draw an instance of {op} in a pattern")


@functools.cache
def _class_options(items: tuple[Any, ...]) -> tuple[str, ...]:
    """The candidate characters a parsed character class allows."""
    return tuple(c for c in _PATTERN_CHARS if re.fullmatch(_class_text(items), c))


def _class_text(items: Any) -> str:
    """A parsed character class back as a regex class, to test candidate characters against."""
    parts = []
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY":
            parts.append({"CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_DIGIT": r"\d"}[str(av)])
    return f"[{''.join(parts)}]"


def random_instances(seed: int) -> Answers:
    """Random instances of the schema, seeded per request (same request index, same answer)."""

    def answer(schema: dict[str, Any], ctx: Context) -> Any:
        return _random(schema, schema, random.Random(seed * 1_000_003 + ctx.index))

    return answer


_WORDS = ("fever", "x", "safe", "MSC", "the", "patients", "no", "a", "improved", "é", "<b>", '"q"', "0")


def _random(schema: dict[str, Any], root: dict[str, Any], rng: random.Random) -> Any:
    schema = _resolve(schema, root)
    if "anyOf" in schema:
        return _random(rng.choice(schema["anyOf"]), root, rng)
    if "enum" in schema:
        return rng.choice(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        return {key: _random(sub, root, rng) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 3), low + 3)
        return [_random(schema.get("items", {}), root, rng) for _ in range(rng.randint(low, max(low, high)))]
    if kind == "string":
        if schema.get("pattern", NON_BLANK) != NON_BLANK:
            return pattern_instance(schema["pattern"], rng)
        low = max(schema.get("minLength", 0), 1 if "pattern" in schema else 0)
        high = min(schema.get("maxLength", 60), 60)
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 8)))[: rng.randint(low, max(low, high))]
        if ("pattern" in schema or low) and not text.strip():
            text = "x"
        return text.ljust(low, "x")
    if kind in ("integer", "number"):
        return rng.randint(0, 9)
    if kind == "boolean":
        return rng.random() < 0.5
    return None


# --- what strict servers refuse ------------------------------------------------------------------------------------


def strict_schema_error(schema: Any, name: str, path: tuple[str, ...] = ()) -> str | None:
    """OpenAI's refusal of a schema in strict mode, in its own wording; None when the schema is acceptable."""
    prefix = f"Invalid schema for response_format '{name}': In context={path!r}, "
    if not isinstance(schema, dict):
        return None
    for key in schema:
        if key not in STRICT_KEYWORDS:
            return prefix + f"'{key}' is not permitted."
    if "properties" in schema:
        if schema.get("additionalProperties") is not False:
            return prefix + "'additionalProperties' is required to be supplied and to be false."
        missing = [key for key in schema["properties"] if key not in schema.get("required", [])]
        if missing:
            return (
                prefix + "'required' is required to be supplied and to be an array including every key in "
                f"properties. Missing '{missing[0]}'."
            )
    for key in ("properties", "$defs"):
        for sub_name, sub in (schema.get(key) or {}).items():
            found = strict_schema_error(sub, name, (*path, key, sub_name))
            if found:
                return found
    for key in ("items",):
        if isinstance(schema.get(key), dict):
            found = strict_schema_error(schema[key], name, (*path, key))
            if found:
                return found
    for i, option in enumerate(schema.get("anyOf") or []):
        found = strict_schema_error(option, name, (*path, "anyOf", str(i)))
        if found:
            return found
    return None


def _error(status: int, message: str, kind: str, param: str | None, code: str | None) -> tuple[int, bytes]:
    body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
    return status, json.dumps(body).encode()


class FakeLLMServer:
    """Start with `with FakeLLMServer(...) as server:`; point the client at `server.base_url`."""

    def __init__(
        self,
        faults: FaultFn = no_faults,
        latency: float = 0.0,
        timeout_sleep: float = 2.0,
        retry_after: str = "0.02",
        answers: Answers = cite,
        dialects: tuple[str, ...] = ("json_schema", "json_object", "none"),
        reasoning: bool = False,
        honours_schema_key: bool = True,
        refuse_schema_keys: bool = False,
    ) -> None:
        self.faults = faults
        self.latency = latency
        self.timeout_sleep = timeout_sleep
        self.retry_after = retry_after
        self.answers = answers
        self.dialects = dialects
        self.reasoning = reasoning
        self.honours_schema_key = honours_schema_key
        self.refuse_schema_keys = refuse_schema_keys
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

            def do_GET(self) -> None:
                """GET /stats: what the server saw so far (for a benchmark that runs it in its own process)."""
                payload = json.dumps(server.stats()).encode()
                self.send_response(200 if self.path.rstrip("/").endswith("/stats") else 404)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                status, headers, payload = server.answer(raw, self.headers.get("authorization"))
                try:
                    self.send_response(status)
                    headers.setdefault("content-type", "application/json")
                    for key, value in headers.items():
                        self.send_header(key, value)
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

    def stats(self) -> dict[str, Any]:
        """Requests received, their bytes and statuses."""
        with self._lock:
            return {
                "requests": len(self.requests),
                "request_bytes": self.request_bytes,
                "statuses": [r.status for r in self.requests],
            }

    def answer(self, raw: bytes, authorization: str | None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request."""
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            return 400, {}, b'{"error":{"message":"invalid JSON body","type":"invalid_request_error"}}'
        with self._lock:
            index = len(self.requests)
            info = RequestInfo(index, body, len(raw), authorization, None)
            self.requests.append(info)
        refused = self._refusal(body)
        if refused is not None:
            info.status = refused[0]
            return refused[0], {}, refused[1]
        schema = self._schema_of(body)
        ctx = _context(body, schema, index)
        with self._lock:
            info.fault = self.faults(index, self.completions, body, ctx.statements or len(ctx.ids))
            if info.fault not in ("429", "500", "timeout", "context", "auth_echo"):
                self.completions += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            status, headers, payload = self._respond(body, raw, index, info.fault, ctx, schema, authorization)
            info.status = status
            return status, headers, payload
        finally:
            with self._lock:
                self.in_flight -= 1

    def _schema_of(self, body: dict[str, Any]) -> dict[str, Any] | None:
        fmt = body.get("response_format") or {}
        if fmt.get("type") == "json_schema":
            schema: dict[str, Any] = fmt["json_schema"]["schema"]
            return schema
        if fmt.get("type") == "json_object" and self.honours_schema_key and isinstance(fmt.get("schema"), dict):
            return dict(fmt["schema"])
        return _schema_in_prompt(body)

    def _refusal(self, body: dict[str, Any]) -> tuple[int, bytes] | None:
        """What a real server refuses before it generates anything."""
        if self.reasoning and "max_tokens" in body:
            return _error(
                400,
                "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' "
                "instead.",
                "invalid_request_error",
                "max_tokens",
                "unsupported_parameter",
            )
        if self.reasoning and body.get("temperature", 1) != 1:
            value = json.dumps(body["temperature"])
            return _error(
                400,
                f"Unsupported value: 'temperature' does not support {value} with this model. Only the default (1) "
                "value is supported.",
                "invalid_request_error",
                "temperature",
                "unsupported_value",
            )
        fmt = body.get("response_format")
        dialect = "none" if fmt is None else fmt.get("type")
        if dialect not in self.dialects:
            if dialect == "json_schema":
                return _error(500, LLAMA_CPP_PYTHON_JSON_SCHEMA_500, "internal_server_error", None, None)
            return _error(
                400, f"response_format type {dialect!r} is not supported", "invalid_request_error", "response_format",
                None,
            )  # fmt: skip
        if dialect == "json_object" and self.refuse_schema_keys and "schema" in fmt:
            return _error(
                400, "Invalid response_format: unexpected key 'schema'", "invalid_request_error", "response_format",
                None,
            )  # fmt: skip
        if dialect == "json_schema":
            spec = fmt.get("json_schema") or {}
            problem = strict_schema_error(spec.get("schema"), str(spec.get("name")))
            if problem:
                return _error(400, problem, "invalid_request_error", "response_format", None)
        return None

    def _respond(
        self,
        body: dict[str, Any],
        raw: bytes,
        index: int,
        fault: str | None,
        ctx: Context,
        schema: dict[str, Any] | None,
        authorization: str | None,
    ) -> tuple[int, dict[str, str], bytes]:
        if self.latency:
            time.sleep(self.latency)
        if fault == "429":
            status, payload = _error(429, "rate limited", "rate_limit_error", None, None)
            return status, {"retry-after": self.retry_after}, payload
        if fault == "500":
            status, payload = _error(500, "internal error", "server_error", None, None)
            return status, {}, payload
        if fault == "context":
            status, payload = _error(
                400,
                "This model's maximum context length is 8192 tokens. However, you requested 9036 tokens (9031 in the "
                "messages, 5 in the completion). Please reduce the length of the messages or completion.",
                "invalid_request_error",
                "messages",
                "context_length_exceeded",
            )  # llama-cpp-python 0.3.36's answer, taken from that server here
            return status, {}, payload
        if fault == "auth_echo":
            status, payload = _error(
                401, f"Incorrect API key provided. Request headers: {{'authorization': '{authorization}'}}",
                "invalid_request_error", None, "invalid_api_key",
            )  # fmt: skip
            return status, {}, payload
        if fault == "html":
            return 200, {"content-type": "text/html"}, b"<html><body><h1>Welcome to nginx!</h1></body></html>"
        if fault == "empty":
            return 200, {}, b""
        if fault == "timeout":
            time.sleep(self.timeout_sleep)
        if fault == "unknown_ids":
            ctx.quote_id = UNKNOWN_ID
        if fault == "missing_annotations":
            ctx.annotate_only = 1
        if fault == "paraphrase":
            ctx.quote_text = "in other words, " + ctx.quote_text.lower()
        content: str | None = json.dumps(self.answers(schema, ctx)) if schema else '{"note":"no schema"}'
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
        payload = json.dumps(response).encode()
        if fault == "truncated":
            return 200, {}, payload[: len(payload) // 2]
        return 200, {}, payload


def main() -> None:
    """Run the fake server in the foreground (manual tries, and benchmarks that keep it out of their process)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--answers", choices=["cite", "random", "smallest"], default="cite")
    parser.add_argument("--seed", type=int, default=7, help="of the random answers")
    args = parser.parse_args()
    answers = {"cite": cite, "smallest": smallest, "random": random_instances(args.seed)}[args.answers]
    with FakeLLMServer(latency=args.latency, answers=answers) as server:
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
