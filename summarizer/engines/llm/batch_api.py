"""The LLM engine's requests as OpenAI Batch API jobs: the JSONL format, the /v1/files + /v1/batches client, and
putting the answers into the call cache. The same JSONL runs on vLLM with `vllm run_batch`.

The engine's client takes a `defer` hook (client.py): a request the call cache cannot answer is handed to the hook,
with the exact body the client would have sent, instead of being sent. `RequestCollector` is such a hook; its
requests become a JSONL file (`custom_id` = the cache key); `store_answers` puts what the batch answered into the
cache under those keys, where the engine finds them on its next run. The rounds (summarizer/batch/rounds.py) drive
this for many briefs.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Protocol

import openai

from summarizer.atomic import write_whole
from summarizer.engines.llm.cache import CallCache, CallRecord
from summarizer.engines.llm.client import PLACEHOLDER_API_KEY, RequestDeferred, endpoint_host
from summarizer.errors import EndpointError, ResultsPending
from summarizer.settings import Settings

BATCH_ENDPOINT: Final = "/v1/chat/completions"
MAX_REQUESTS_PER_BATCH = 50_000  # the Batch API's limit per input file
MAX_BYTES_PER_BATCH = 190 * 1024 * 1024  # under its 200 MB limit
_TERMINAL = ("completed", "failed", "expired", "cancelled")

Notify = Callable[[str], None]


class _DeferredFilter(logging.Filter):
    """Drops asyncio's reports of sibling tasks that ended in RequestDeferred after the brief gave up its pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, RequestDeferred)


logging.getLogger("asyncio").addFilter(_DeferredFilter())


def request_line(key: str, body: dict[str, Any]) -> str:
    """One line of a Batch API input file."""
    return json.dumps(
        {"custom_id": key, "method": "POST", "url": BATCH_ENDPOINT, "body": body},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def input_files(requests: dict[str, dict[str, Any]]) -> list[bytes]:
    """The requests as JSONL files within the Batch API's limits per file."""
    files: list[bytes] = []
    lines: list[bytes] = []
    size = 0
    for key, body in requests.items():
        line = (request_line(key, body) + "\n").encode("utf-8")
        if lines and (len(lines) >= MAX_REQUESTS_PER_BATCH or size + len(line) > MAX_BYTES_PER_BATCH):
            files.append(b"".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += len(line)
    if lines:
        files.append(b"".join(lines))
    return files


@dataclass
class BatchOutcome:
    """What one finished batch gave: answers by custom_id, and the requests it could not answer, with why."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    status: str = "completed"


def read_output(text: str, outcome: BatchOutcome) -> None:
    """Read a batch output or error file (JSONL of {custom_id, response: {status_code, body}, error})."""
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        key = item.get("custom_id")
        if not isinstance(key, str):
            continue
        response = item.get("response") or {}
        body = response.get("body")
        if response.get("status_code") == 200 and isinstance(body, dict):
            outcome.answers[key] = body
            continue
        error = item.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
        message = error.get("message") if isinstance(error, dict) else str(error)
        outcome.failures[key] = f"{response.get('status_code') or error.get('code', 'error')}: {message}"


class BatchBackend(Protocol):
    """Where batches run: submit a JSONL file, wait for its results."""

    async def submit(self, jsonl: bytes, name: str) -> str:
        """Upload the file and create the batch; its id."""
        ...

    async def wait(self, batch_id: str, notify: Notify | None) -> BatchOutcome:
        """Poll until the batch ends; its answers and failures."""
        ...


class OpenAIBatches:
    """The OpenAI Batch API (/v1/files, /v1/batches) through the openai SDK, at the settings' base URL."""

    def __init__(self, settings: Settings, sleep: Callable[[float], Any] = asyncio.sleep) -> None:
        llm = settings.llm
        options: dict[str, Any] = {
            "api_key": llm.api_key.get_secret_value() if llm.api_key else PLACEHOLDER_API_KEY,
            "max_retries": llm.max_retries,
            "timeout": llm.timeout_seconds,
        }
        if llm.base_url:
            options["base_url"] = llm.base_url
        self.host = endpoint_host(llm.base_url)
        self.window = settings.batch.completion_window
        self.poll_seconds = settings.batch.poll_seconds
        self._client = openai.AsyncOpenAI(**options)
        self._sleep = sleep

    def _error(self, exc: openai.OpenAIError, doing: str) -> EndpointError:
        detail = exc.message if isinstance(exc, openai.APIStatusError) else type(exc).__name__
        return EndpointError(f"the Batch API at {self.host} failed to {doing}: {' '.join(str(detail).split())[:200]}")

    async def submit(self, jsonl: bytes, name: str) -> str:
        try:
            uploaded = await self._client.files.create(file=(name, jsonl, "application/jsonl"), purpose="batch")
            batch = await self._client.batches.create(
                input_file_id=uploaded.id,
                endpoint=BATCH_ENDPOINT,
                completion_window=self.window,  # type: ignore[arg-type]
                metadata={"created_by": "citation-evidence-summarizer", "name": name},
            )
        except openai.OpenAIError as exc:
            raise self._error(exc, "create a batch") from None
        return batch.id

    async def wait(self, batch_id: str, notify: Notify | None) -> BatchOutcome:
        try:
            while True:
                batch = await self._client.batches.retrieve(batch_id)
                counts = batch.request_counts
                if notify is not None and counts is not None:
                    notify(f"batch {batch_id}: {batch.status}, {counts.completed + counts.failed}/{counts.total}")
                if batch.status in _TERMINAL:
                    break
                await self._sleep(self.poll_seconds)
            outcome = BatchOutcome(status=batch.status)
            for file_id in (batch.output_file_id, batch.error_file_id):
                if file_id:
                    read_output((await self._client.files.content(file_id)).text, outcome)
        except openai.OpenAIError as exc:
            raise self._error(exc, f"return batch {batch_id}") from None
        if batch.status == "failed" and not outcome.answers:
            errors = batch.errors.data if batch.errors and batch.errors.data else []
            shown = "; ".join(f"line {e.line}: {e.message}" if e.line else str(e.message) for e in errors[:3])
            raise EndpointError(f"the Batch API refused batch {batch_id} ({shown or 'no reason given'})")
        return outcome

    async def aclose(self) -> None:
        await self._client.close()


class JsonlFiles:
    """Batches as files, for `vllm run_batch` or any runner of the Batch API format: each input JSONL is written to a
    directory, and its results are read from `<name>.output.jsonl` beside it once they are there."""

    def __init__(self, directory: Path, model: str) -> None:
        self.directory = directory
        self.model = model

    def output_path(self, batch_id: str) -> Path:
        """Where the results of one input file are expected."""
        return self.directory / batch_id.replace(".jsonl", ".output.jsonl")

    async def submit(self, jsonl: bytes, name: str) -> str:
        write_whole(self.directory / name, jsonl)
        return name

    async def wait(self, batch_id: str, notify: Notify | None) -> BatchOutcome:
        output = self.output_path(batch_id)
        if not output.is_file():
            raise ResultsPending(
                f"the model requests are in {self.directory / batch_id}; run them, for example with "
                f"`python -m vllm.entrypoints.openai.run_batch -i {self.directory / batch_id} -o {output} "
                f"--model {self.model}`, then run this command again"
            )
        outcome = BatchOutcome()
        read_output(output.read_text(encoding="utf-8"), outcome)
        return outcome


class RequestCollector:
    """A `defer` hook for the LLM engine's client: keeps each request the cache could not answer, by key."""

    def __init__(self) -> None:
        self.requests: dict[str, dict[str, Any]] = {}

    def __call__(self, key: str, body: dict[str, Any]) -> None:
        self.requests.setdefault(key, body)


def store_answers(cache: CallCache, outcome: BatchOutcome, model: str, host: str) -> tuple[int, int]:
    """Put a batch's answers into the call cache under their keys; the prompt and completion tokens they used."""
    prompt_tokens = completion_tokens = 0
    for key, body in outcome.answers.items():
        usage = body.get("usage") or {}
        choice = (body.get("choices") or [{}])[0] or {}
        record = CallRecord(
            key=key,
            model=model,
            resolved_model=body.get("model"),
            host=host,
            purpose="batch",
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            latency_ms=0,
            request_bytes=0,
            finish_reason=choice.get("finish_reason"),
            response=body,
        )
        cache.put(record)
        prompt_tokens += record.prompt_tokens
        completion_tokens += record.completion_tokens
    return prompt_tokens, completion_tokens
