"""What the service's routes share: request bodies read within the limits, and the jobs the worker pool runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Protocol

from fastapi import Request
from starlette.exceptions import HTTPException

from summarizer.engines import Engine
from summarizer.models import Brief, Source
from summarizer.pipeline import asummarize, summarize
from summarizer.settings import Settings


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed the limit."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPException(400, "invalid Content-Length header")
        if int(declared) > limit:
            raise HTTPException(413, f"request body is over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def make_brief(source: Source, engine: Engine, settings: Settings) -> Brief:
    """The brief of a source, in a worker: an async engine on its own loop, another in this thread (so that the
    worker's time budget can stop it)."""
    if hasattr(engine, "arun"):
        return asyncio.run(asummarize(source, engine=engine, settings=settings))
    return summarize(source, engine=engine, settings=settings)


class WorkerJob(Protocol):
    """What the worker pool runs: a picklable job that does its work with the server's engine and settings."""

    def run(self, engine: Engine, settings: Settings) -> Any: ...


def job_runner(engine: Engine, settings: Settings) -> Callable[[WorkerJob], Any]:
    """What a worker does with a job: run it with the engine and settings it inherited from the server."""

    def run(job: WorkerJob) -> Any:
        return job.run(engine, settings)

    return run


