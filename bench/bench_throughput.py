"""Throughput of the whole `summarizer brief` command with the extractive engine on synthetic statements.

Run: python bench/bench_throughput.py [--statements 20000] [--repeat 3] [--safety-encoder]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "MSC infusion was safe and well tolerated in {n} patients with ARDS [{r}].",
    "No serious adverse events were observed during {n} days of follow-up [{r}].",
    "They did not notice any allergic reaction or secondary infection in the {n} patients [{r}].",
    "Two of {n} patients developed a transient fever after the infusion [{r}].",
    "Hepatotoxicity was reported in {r} of {n} patients receiving the drug.",
    "Mortality decreased from {n}% to {r}% in the treated group [{r}].",
    "There was no significant difference in length of hospital stay ({n} vs {r} days).",
    "Oxygenation index improved and inflammatory cytokines decreased by day {n} [{r}].",
    "In contrast to a previous report [{r}], we found no improvement in survival at day {n}.",
    "Stem cells have been studied extensively in recent years [{r}-{n}].",
    "Our findings are consistent with those of the pilot trial of {n} patients [{r}].",
    "The trial enrolled {n} participants across {r} centres in seven countries.",
]
SECTIONS = ["Introduction", "Methods", "Results", "Discussion", ""]
TYPES = ["supporting", "mentioning", "mentioning", "mentioning", "contrasting", ""]


def write_statements(path: Path, count: int, seed: int = 7) -> int:
    """Write `count` synthetic statements as CSV and return the number of text bytes."""
    rng = random.Random(seed)
    text_bytes = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["citation statement", "type", "confidence", "section", "citing doi", "year"])
        for i in range(count):
            parts = [rng.choice(SENTENCES).format(n=rng.randint(2, 400), r=rng.randint(1, 90)) for _ in range(2)]
            text = f"{' '.join(parts)} (statement {i})"
            text_bytes += len(text.encode())
            writer.writerow(
                [
                    text,
                    rng.choice(TYPES),
                    f"{rng.uniform(0.5, 1):.2f}",
                    rng.choice(SECTIONS),
                    f"10.5555/bench.{i % 2000}",
                    rng.randint(2015, 2025),
                ]
            )
    return text_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--safety-encoder", action="store_true", help="brief with the safety encoder (slower)")
    args = parser.parse_args()
    flags = ["--safety-encoder"] if args.safety_encoder else []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "statements.csv"
        text_bytes = write_statements(source, args.statements)
        out = Path(tmp) / "brief.json"
        command = [sys.executable, "-m", "summarizer", "brief", str(source), "-o", str(out), "--quiet", *flags]
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            timings.append(time.perf_counter() - start)
        best, median = min(timings), statistics.median(timings)
        print(f"command: python bench/bench_throughput.py --statements {args.statements} --repeat {args.repeat}"
              + "".join(f" {flag}" for flag in flags))
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"input: {args.statements} statements, {text_bytes / 1e6:.1f} MB of statement text (CSV)")
        shown = "".join(f" {flag}" for flag in flags)
        print(f"whole `summarizer brief{shown}` command, wall time: best {best:.2f} s, median {median:.2f} s")
        print(f"throughput: best {args.statements / best:,.0f} statements/s, median {args.statements / median:,.0f}")
        note = " (for the default command; none is set with the encoder)" if flags else ""
        print(f"goal: >= 5,000 statements/s{note}")


if __name__ == "__main__":
    main()
