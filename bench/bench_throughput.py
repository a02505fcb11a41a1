"""Throughput of the whole `summarizer brief` command with the extractive engine on real sentences.

Run: python bench/bench_throughput.py [--statements 20000] [--repeat 3] [--data-dir ../shared/data] [--safety-encoder]
     [--keep PATH]

The statements are real sentences from ../shared/data, drawn with a fixed seed: first the citing statements
(clinical_citation_stance and brief_targets), then sentences of case reports (ade) and trial reports
(evidence_inference) to make up the number; exact repeats are skipped, since the brief merges them. Citation-stance
rows keep their gold type as the statement's type (as a scite export gives one); the others are unclassified, so the
engine infers their type.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.engines.extractive.compiled import reading_status

CITING = ("clinical_citation_stance/dev.jsonl", "brief_targets/statements.jsonl")
OTHER = ("ade/dev.jsonl", "evidence_inference/dev.jsonl")
SECTIONS = ["Introduction", "Methods", "Results", "Discussion", ""]
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _sentences(data_dir: Path, files: tuple[str, ...]) -> list[tuple[str, str]]:
    rows = []
    for name in files:
        path = data_dir / name
        if not path.is_file():
            sys.exit(f"bench_throughput: missing {path} (point --data-dir at ../shared/data)")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                label = row.get("label", "") if name.startswith("clinical_citation_stance") else ""
                rows.append((row["text"], label))
    return rows


def real_statements(data_dir: Path, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """`count` distinct real sentences with their type ("" when unclassified): citing ones first."""
    rng = random.Random(seed)
    citing, other = _sentences(data_dir, CITING), _sentences(data_dir, OTHER)
    rng.shuffle(citing)
    rng.shuffle(other)
    chosen: dict[str, str] = {}
    for text, label in [*citing, *other]:
        text = " ".join(text.split())
        if text and text not in chosen:
            chosen[text] = label
        if len(chosen) == count:
            break
    if len(chosen) < count:
        sys.exit(f"bench_throughput: only {len(chosen)} distinct sentences in {data_dir}, asked for {count}")
    statements = list(chosen.items())
    rng.shuffle(statements)
    return statements


def write_statements(path: Path, statements: list[tuple[str, str]], seed: int = 7) -> int:
    """Write the statements as CSV (with a section, citing DOI and year each) and return the bytes of text."""
    rng = random.Random(seed)
    text_bytes = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["citation statement", "type", "confidence", "section", "citing doi", "year"])
        for i, (text, label) in enumerate(statements):
            text_bytes += len(text.encode())
            writer.writerow(
                [
                    text,
                    label,
                    f"{rng.uniform(0.5, 1):.2f}" if label else "",
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
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="the shared data (default ../shared/data)")
    parser.add_argument("--keep", type=Path, metavar="PATH", help="also copy the input CSV here (for A/B runs)")
    args = parser.parse_args()
    flags = ["--safety-encoder"] if args.safety_encoder else []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "statements.csv"
        text_bytes = write_statements(source, real_statements(args.data_dir, args.statements))
        if args.keep is not None:
            shutil.copyfile(source, args.keep)
        out = Path(tmp) / "brief.json"
        command = [sys.executable, "-m", "summarizer", "brief", str(source), "-o", str(out), "--quiet", *flags]
        timings, cpu = [], []
        for _ in range(args.repeat):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            timings.append(time.perf_counter() - start)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
        best, median = min(timings), statistics.median(timings)
        print(f"command: python bench/bench_throughput.py --statements {args.statements} --repeat {args.repeat}"
              + "".join(f" {flag}" for flag in flags))
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"input: {args.statements} real sentences from {args.data_dir}, {text_bytes / 1e6:.1f} MB of text (CSV)")
        shown = "".join(f" {flag}" for flag in flags)
        print(f"whole `summarizer brief{shown}` command, wall time: best {best:.2f} s, median {median:.2f} s")
        print(f"throughput: best {args.statements / best:,.0f} statements/s, median {args.statements / median:,.0f}")
        # on a shared machine the wall time follows the load; the CPU seconds (its workers' included) compare
        print(f"CPU of the command (user + system, workers included): best {min(cpu):.2f} s, "
              f"median {statistics.median(cpu):.2f} s; load average after: {os.getloadavg()[0]:.1f}")
        print(f"reading: {reading_status()}")
        note = " (for the default command; none is set with the encoder)" if flags else ""
        print(f"goal: >= 5,000 statements/s{note}")


if __name__ == "__main__":
    main()
