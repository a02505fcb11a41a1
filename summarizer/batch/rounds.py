"""The model work of a batch run in rounds of Batch API jobs, each brief made by the ordinary pipeline and engine.

Nothing about prompts, validation, grounding or re-asks is repeated here. Each brief is made with `summarize` and
an LLM engine whose client defers what the call cache cannot answer (engines/llm/batch_api.py). The deferred requests
of every brief go into one batch; its answers go into the cache; then the briefs are made again: what was answered
comes from the cache, and what the answers lead to (re-asks of answers that failed validation or grounding, merges
of map steps) goes into a follow-up batch, round after round, until every brief is finished.

State (batches in flight, requests the API could not answer, usage) is kept in a work directory, so an interrupted
run resumes by polling the batches it already created instead of paying for them twice.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.atomic import write_whole
from summarizer.engines.llm.batch_api import (
    BatchBackend,
    Notify,
    OpenAIBatches,
    RequestCollector,
    input_files,
    store_answers,
)
from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import RequestDeferred, endpoint_host
from summarizer.engines.llm.engine import LLMEngine
from summarizer.errors import SummarizerError
from summarizer.models import Brief, Source
from summarizer.pipeline import summarize
from summarizer.settings import CacheSettings, Settings

MAX_PASSES = 50
CALLS_FILE = "llm-calls.sqlite3"
STATE_FILE = "state.json"


@dataclass
class _Attempt:
    brief: Brief | None = None
    error: str | None = None
    requests: dict[str, dict[str, Any]] = field(default_factory=dict)


def _attempt(source: Source, settings: Settings, prompts_dir: Path | None) -> _Attempt:
    """Make the brief from the cache; when requests are missing, run until no pass finds a new one and list them."""
    collector = RequestCollector()
    engine = LLMEngine(settings, prompts_dir=prompts_dir, defer=collector)
    found = -1
    for _ in range(MAX_PASSES):  # sibling requests of one step that a pass did not reach are found by the next
        if len(collector.requests) == found:
            break
        found = len(collector.requests)
        try:
            return _Attempt(brief=summarize(source, engine=engine, settings=settings))
        except RequestDeferred:
            continue
        except SummarizerError as exc:
            return _Attempt(error=str(exc))
    return _Attempt(requests=collector.requests)


class _State:
    """The work directory's state.json: batches in flight, requests the API could not answer, usage so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data: dict[str, Any] = {}
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
        self.round: int = int(data.get("round", 0))
        self.in_flight: list[str] = list(data.get("in_flight", []))
        self.failed: dict[str, str] = dict(data.get("failed", {}))
        self.usage: dict[str, int] = {"requests": 0, "prompt_tokens": 0, "completion_tokens": 0}
        self.usage.update(data.get("usage", {}))

    def save(self) -> None:
        data = {"round": self.round, "in_flight": self.in_flight, "failed": self.failed, "usage": self.usage}
        write_whole(self.path, json.dumps(data, indent=1) + "\n")


def _take(cache: CallCache, outcome: Any, state: _State, model: str, host: str) -> None:
    prompt_tokens, completion_tokens = store_answers(cache, outcome, model, host)
    state.usage["requests"] = state.usage.get("requests", 0) + len(outcome.answers)
    state.usage["prompt_tokens"] = state.usage.get("prompt_tokens", 0) + prompt_tokens
    state.usage["completion_tokens"] = state.usage.get("completion_tokens", 0) + completion_tokens
    state.failed.update(outcome.failures)


async def brief_in_batches(
    sources: dict[str, Source],
    settings: Settings,
    work_dir: Path,
    prompts_dir: Path | None = None,
    backend: BatchBackend | None = None,
    notify: Notify | None = None,
) -> AsyncIterator[tuple[str, Brief | str]]:
    """Brief every source through rounds of batches; yields (name, brief) or (name, error) as each one settles."""
    work_dir.mkdir(parents=True, exist_ok=True)
    deferred = settings.model_copy(
        update={
            "cache": CacheSettings(enabled=True, path=work_dir / CALLS_FILE),
            "llm": settings.llm.model_copy(update={"concurrency": 64}),
        }
    )
    state = _State(work_dir / STATE_FILE)
    owned = backend is None
    batches: BatchBackend = backend if backend is not None else OpenAIBatches(settings)
    host = endpoint_host(settings.llm.base_url)
    cache = CallCache(work_dir / CALLS_FILE)
    todo = dict(sources)
    rounds = 0
    state.failed.clear()  # what earlier runs could not get answered is asked again
    try:
        while True:
            for batch_id in list(state.in_flight):  # also batches an interrupted run created
                outcome = await batches.wait(batch_id, notify)
                _take(cache, outcome, state, settings.llm.model or "", host)
                state.in_flight.remove(batch_id)
                state.save()
            pending: dict[str, dict[str, Any]] = {}
            for name, source in list(todo.items()):
                attempt = await asyncio.to_thread(_attempt, source, deferred, prompts_dir)
                unanswerable = [state.failed[k] for k in attempt.requests if k in state.failed]
                if attempt.brief is not None or attempt.error is not None or unanswerable:
                    del todo[name]
                    if attempt.brief is not None:
                        yield name, attempt.brief
                    else:
                        yield name, attempt.error or f"the Batch API could not answer a request ({unanswerable[0]})"
                    continue
                pending.update(attempt.requests)
            if not todo:
                break
            if rounds >= settings.batch.max_rounds:
                for name in list(todo):
                    yield name, f"no brief after {rounds} rounds of batches (batch.max_rounds)"
                break
            rounds += 1
            state.round += 1  # counted over every run in this directory, so file names never repeat
            files = input_files(pending)
            for part, jsonl in enumerate(files, start=1):
                state.in_flight.append(await batches.submit(jsonl, f"summarizer-round-{state.round}-{part}.jsonl"))
                state.save()
            if notify is not None:
                notify(f"round {state.round}: {len(pending)} requests for {len(todo)} briefs in {len(files)} batch(es)")
    finally:
        cache.close()
        if owned and isinstance(batches, OpenAIBatches):
            await batches.aclose()
