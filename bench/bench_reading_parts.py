"""Where the per-sentence reading's CPU goes: `annotate` over real sentences, one process, with the CPU time of its
main steps (the scan, the outcomes, the treatments, the two models and their features, the event names).

Run: python bench/bench_reading_parts.py [--statements 20000] [--data-dir ../shared/data]

The sentences are those of bench_throughput.py (the same seed), read as the command's workers read them (the stance
read for the unclassified ones). Each step's time is taken around its calls (a few hundred nanoseconds a call of
timing overhead each); the total is the plain reading's. A digest of the readings (repr) lets two versions of the
code be compared: the same digest, the same readings.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_throughput  # noqa: E402

import summarizer.engines.extractive.reading as reading  # noqa: E402
from summarizer.engines.extractive.linear import LinearModel  # noqa: E402
from summarizer.engines.extractive.startup import startup_resources  # noqa: E402

STEPS = ("Scan", "find_outcomes", "_read_treatments", "ade_features", "stance_features", "event_names")


def _timed(function: Callable[..., Any], name: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def step(*args: Any, **kwargs: Any) -> Any:
        begun = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - begun

    return step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20_000)
    parser.add_argument("--data-dir", type=Path, default=bench_throughput.DEFAULT_DATA)
    args = parser.parse_args()
    jobs = [(text, label == "") for text, label in bench_throughput.real_statements(args.data_dir, args.statements)]
    res = startup_resources()
    gc.disable()  # as the command runs
    begun = time.process_time()
    readings = [reading.annotate(text, resources_=res, read_stance=stance) for text, stance in jobs]
    total = time.process_time() - begun
    digest = hashlib.sha256(repr(readings).encode()).hexdigest()[:16]
    print(f"command: python bench/bench_reading_parts.py --statements {args.statements}")
    rate = len(jobs) / total
    print(f"plain reading, cold word tables: {total:.2f} s CPU ({rate:,.0f} statements/s), digest {digest}")
    # the steps, timed in a second pass (the word tables now warm): shares of the reading
    spent: dict[str, float] = collections.defaultdict(float)
    for name in STEPS:
        setattr(reading, name, _timed(getattr(reading, name), name, spent))
    probabilities = LinearModel.probabilities
    LinearModel.probabilities = _timed(probabilities, "model probabilities", spent)  # type: ignore[method-assign]
    begun = time.process_time()
    for text, stance in jobs:
        reading.annotate(text, resources_=res, read_stance=stance)
    timed_total = time.process_time() - begun
    LinearModel.probabilities = probabilities  # type: ignore[method-assign]
    print(f"timed pass, warm word tables: {timed_total:.2f} s CPU")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:22s} {seconds:6.2f} s  {100 * seconds / timed_total:5.1f}%")
    rest = timed_total - sum(spent.values())
    print(f"  {'the rest of annotate':22s} {rest:6.2f} s  {100 * rest / timed_total:5.1f}%")


if __name__ == "__main__":
    main()
