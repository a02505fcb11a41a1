"""A worker of the extractive engine that dies, or whose answer cannot be read back, ends the run with one line
(WorkerLostError) instead of a wait for ever (multiprocessing.Pool alone would replace the worker and lose its
chunk)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from typing import Any

import pytest

from summarizer.engines.extractive import engine
from summarizer.engines.extractive.resources import load_resources
from summarizer.errors import WorkerLostError

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the engine's workers are forked"
)

JOBS = [(f"Statement {i} about aspirin.", False) for i in range(40)]


def _refuse(*_: Any) -> None:
    raise ValueError("cannot be read back")


class _Unreadable:
    def __reduce__(self) -> tuple[Any, ...]:
        return (_refuse, ())


def _killed_on_the_last_chunk(jobs: Sequence[tuple[str, bool]], resources: Any = None) -> list[Any]:
    if jobs[-1] == JOBS[-1]:
        os.kill(os.getpid(), signal.SIGKILL)
    return [None] * len(jobs)


def _unreadable_answer(jobs: Sequence[tuple[str, bool]], resources: Any = None) -> list[Any]:
    return [_Unreadable()]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # the pool's result thread
@pytest.mark.parametrize(
    ("job", "message"),
    [(_killed_on_the_last_chunk, "stopped without an answer"), (_unreadable_answer, "could not be read back")],
)
def test_a_lost_worker_ends_the_run_with_one_line(monkeypatch: pytest.MonkeyPatch, job: Any, message: str) -> None:
    monkeypatch.setattr(engine, "_annotate_jobs", job)
    monkeypatch.setattr(engine, "WORKER_CHECK_SECONDS", 0.2)
    taken: list[Any] = []
    with pytest.raises(WorkerLostError, match=message):
        engine._annotate_in_processes(JOBS, load_resources(), 2, taken.append)
    assert multiprocessing.active_children() == []  # no worker outlives the run


def test_workers_that_answer_give_every_chunk_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "WORKER_CHECK_SECONDS", 0.2)
    taken: list[Any] = []
    engine._annotate_in_processes(JOBS, load_resources(), 2, taken.append)
    resources = load_resources()
    assert [reading for part in taken for reading in part] == engine._annotate_jobs(JOBS, resources)
