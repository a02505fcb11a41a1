"""CPU (user + sys) of the reading of N statements in one process, every word met for the first time, as a worker of
the engine meets them; and a digest of the readings, so that two builds can be compared on output as well as time.

Run it from each build in turn, alternated, several rounds (a shared machine's load moves single runs by 2x):

    PYTHONHASHSEED=0 .v/bin/python bench/bench_read_cpu.py STATEMENTS.csv [--limit 20000]

STATEMENTS.csv: e.g. the 20,000 sentences `python bench/bench_throughput.py --keep STATEMENTS.csv` writes. With
PYTHONHASHSEED fixed the digests of two builds that read alike are equal (the models sum their weights in a set's
order, which the hash seed sets, to the last bits). It prints which modules run compiled (an extension's file name).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import time

from summarizer.engines.extractive import ExtractiveEngine, linear, outcome_spans, reading
from summarizer.engines.extractive.engine import _annotate_jobs


def _file_kind(module: object) -> str:
    return "compiled" if str(getattr(module, "__file__", "")).endswith(".so") else "interpreted"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements")
    parser.add_argument("--limit", type=int, default=20000)
    args = parser.parse_args()
    with open(args.statements, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[: args.limit]
    resources = ExtractiveEngine()._resources
    jobs = [(row["citation statement"], True) for row in rows]
    began = time.process_time()
    readings = _annotate_jobs(jobs, resources)
    cpu = time.process_time() - began
    digest = hashlib.sha256(repr(readings).encode()).hexdigest()[:12]
    kinds = ", ".join(f"{m.__name__.rsplit('.', 1)[1]} {_file_kind(m)}" for m in (reading, linear, outcome_spans))
    print(f"reading CPU {cpu:.2f} s for {len(readings)} statements ({kinds}); readings digest {digest}")


if __name__ == "__main__":
    main()
