"""The extractive engine's workers start before the parent's own work on the input is done: the target (the
pipeline reads its design from the statements) is asked for once the workers read, and the last round of chunks is
cut finer, so that the workers finish close together. Neither changes a reading or a brief."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest

from summarizer.engines.extractive import engine
from summarizer.engines.extractive.engine import CHUNK_STATEMENTS, TAIL_PIECES, ExtractiveEngine, _chunks
from summarizer.models import Statement, Target
from summarizer.pipeline import summarize

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the engine's workers are forked"
)

# written for these tests: a small trial's statements, one of them a harm, one a comparison of arms
TEXTS = [
    "Patients given lorazepam slept longer than those given placebo (p = 0.01).",
    "Drowsiness was reported by four patients after lorazepam.",
    "The lorazepam group had fewer awakenings than the placebo group.",
    "We recruited adults with chronic insomnia from two clinics.",
    "Sleep latency did not differ between the groups.",
    "Lorazepam was stopped in one patient because of confusion.",
]


def _statements() -> list[Statement]:
    return [Statement(id=f"S{i}", text=text) for i, text in enumerate(TEXTS, start=1)]


def _jobs(count: int) -> list[tuple[str, bool]]:
    return [(f"statement {i}", i % 2 == 0) for i in range(count)]


@pytest.mark.parametrize("count", [0, 1, 7, 499, 500, 501, 4000, 4001, 20000])
@pytest.mark.parametrize("workers", [2, 3, 16])
def test_chunks_hold_every_job_once_in_order(count: int, workers: int) -> None:
    jobs = _jobs(count)
    chunks = _chunks(jobs, workers)
    assert [job for chunk in chunks for job in chunk] == jobs
    assert all(chunks)


def test_the_last_round_of_chunks_is_cut_finer() -> None:
    chunks = _chunks(_jobs(20000), 2)
    sizes = [len(chunk) for chunk in chunks]
    tail = -(-CHUNK_STATEMENTS // TAIL_PIECES)
    # every chunk but the last round is full; the last round (a chunk for each worker) comes in quarters
    assert sizes[: 20000 // CHUNK_STATEMENTS - 2] == [CHUNK_STATEMENTS] * (20000 // CHUNK_STATEMENTS - 2)
    assert sum(sizes[20000 // CHUNK_STATEMENTS - 2 :]) == 2 * CHUNK_STATEMENTS
    assert max(sizes[20000 // CHUNK_STATEMENTS - 2 :]) == tail


def test_an_input_smaller_than_one_round_is_not_cut_into_more_than_its_pieces() -> None:
    # 40 jobs, 2 workers: chunks of 5 (a quarter of each worker's share), the whole input one last round cut in 2s
    sizes = [len(chunk) for chunk in _chunks(_jobs(40), 2)]
    assert sum(sizes) == 40
    assert max(sizes) <= 5


class _Asked:
    """A target_of that records whether the engine's workers were running when it was called."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.calls: list[int] = []

    def __call__(self) -> Target:
        self.calls.append(len(multiprocessing.active_children()))
        return self.target


@needs_fork
def test_the_target_is_asked_for_once_the_workers_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_MIN_STATEMENTS", 2)
    target = Target(design="randomised_trial")
    asked = _Asked(target)
    in_workers = ExtractiveEngine(workers=2).run_reading_first(_statements(), asked)
    assert len(asked.calls) == 1 and asked.calls[0] >= 2  # the two workers were forked first
    assert in_workers == ExtractiveEngine().run(target, _statements())


def test_without_workers_the_target_is_asked_for_before_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    target = Target(design="randomised_trial")
    asked = _Asked(target)
    read_before: list[int] = []
    original = engine._annotate_jobs

    def counting(jobs: Any, resources: Any = None) -> Any:
        read_before.append(len(asked.calls))
        return original(jobs, resources)

    monkeypatch.setattr(engine, "_annotate_jobs", counting)
    result = ExtractiveEngine(workers=1).run_reading_first(_statements(), asked)
    assert asked.calls == [0] and read_before == [1]
    assert len(result.annotations) == len(TEXTS)


@needs_fork
def test_a_brief_read_in_workers_is_the_brief_read_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_MIN_STATEMENTS", 2)
    alone = summarize(_statements(), engine=ExtractiveEngine()).model_dump(exclude={"provenance"})
    in_workers = summarize(_statements(), engine=ExtractiveEngine(workers=2)).model_dump(exclude={"provenance"})
    assert in_workers == alone
    assert in_workers["target"]["design"] == alone["target"]["design"]
