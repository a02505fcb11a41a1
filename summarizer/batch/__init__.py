"""Briefs for many targets: a targets file, resumable runs into one directory, summary.csv.

`run_batch` fetches, briefs and writes every target of a targets file that an earlier run did not finish; with
`via="batch-api"` the model work of all of them goes to the OpenAI Batch API (summarizer/batch/rounds.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from summarizer.batch.runner import (
    SOME_FAILED_EXIT,
    VIA_BATCH_API,
    VIA_BATCH_FILES,
    VIA_DIRECT,
    VIAS,
    BatchOptions,
    BatchReport,
    BatchRun,
    ProgressFn,
)
from summarizer.batch.targets import TargetLine, read_targets
from summarizer.engines import Engine
from summarizer.fetch import Fetcher
from summarizer.settings import Settings

if TYPE_CHECKING:
    from summarizer.engines.llm.batch_api import BatchBackend

__all__ = [
    "SOME_FAILED_EXIT",
    "VIA_BATCH_API",
    "VIA_BATCH_FILES",
    "VIA_DIRECT",
    "VIAS",
    "BatchOptions",
    "BatchReport",
    "TargetLine",
    "read_targets",
    "run_batch",
]


def run_batch(
    targets: Sequence[TargetLine],
    options: BatchOptions,
    settings: Settings,
    engine: Engine,
    progress: ProgressFn | None = None,
    notify: Callable[[str], None] | None = None,
    backend: BatchBackend | None = None,
) -> BatchReport:
    """Do every target not done yet (blocking); see BatchRun."""

    async def run() -> BatchReport:
        async with Fetcher(settings, refresh=options.refresh, notify=notify) as fetcher:
            batch = BatchRun(targets, options, settings, engine, fetcher, progress, notify, backend)
            return await batch.run()

    return asyncio.run(run())
