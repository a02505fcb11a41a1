"""Time of numeric_results (the comparisons in numbers) over the real statements bench_throughput.py briefs.

Usage: python bench/bench_numeric_results.py [--data-dir ../shared/data] [--statements 20000] [--repeat 5]

Each statement is scanned once beforehand; the figure is the best of `repeat` passes of numeric_results (with its
significance reader) over all of them. Run it with another version's directory first on PYTHONPATH to compare.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import real_statements  # noqa: E402

from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.resources import Resources  # noqa: E402
from summarizer.engines.extractive.scan import Scan  # noqa: E402
from summarizer.engines.extractive.significance import Significance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"error: {args.data_dir} not found (the labelled corpora; see ../shared/data/README.md)", file=sys.stderr)
        return 2
    resources = Resources()
    scans = [Scan(text, resources) for text, _ in real_statements(args.data_dir, args.statements)]
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = sum(len(numeric_results(scan, Significance(scan))) for scan in scans)
        best = min(best, time.perf_counter() - start)
    print(f"numeric_results over {len(scans)} real statements: best of {args.repeat} {best:.3f} s "
          f"({best / len(scans) * 1e6:.1f} µs a statement), {found} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
