"""Peak memory per statement of the whole `summarizer brief` command, forked workers included.

Statements are real sentences from the labelled corpora in ../shared/data (citation stance, ADE, Evidence
Inference: about 23,500 distinct sentences), repeated as often as needed, each repetition cited by other papers
(another citing DOI, year and section), so that none is an exact duplicate that the pipeline would merge. They are
written as a CSV export (or JSON Lines) and briefed by the real command line with the extractive engine, its
workers forked as for any input of 4,000 statements or more.

Memory is sampled every 50 ms over the command's process and all its descendants: the peak of the summed RSS
(shared pages of forked workers count once per process, as `top` shows them) and the peak of the summed PSS
(shared pages split between the processes that share them: what the tree really holds). Per statement, in KiB:
the total (peak / N) and the slope ((peak at N - peak at the smallest N) / (N - smallest N)), which leaves out the
fixed cost of the interpreter, the libraries and the models.

Run: python bench/bench_memory.py [--statements 50000,200000,1000000] [--format csv|jsonl] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = ("clinical_citation_stance", "ade", "evidence_inference")
SECTIONS = ["Introduction", "Methods", "Results", "Discussion", ""]
TYPES = ["supporting", "mentioning", "mentioning", "mentioning", "contrasting", ""]


def real_sentences(data_dir: Path) -> list[str]:
    """The distinct sentences of the dev corpora, in file order."""
    seen: dict[str, None] = {}
    for corpus in CORPORA:
        with (data_dir / corpus / "dev.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                text = " ".join(json.loads(line)["text"].split())
                if text:
                    seen.setdefault(text, None)
    return list(seen)


def write_input(path: Path, sentences: list[str], count: int, fmt: str, seed: int = 11) -> int:
    """Write `count` statements; the number of bytes written."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle) if fmt == "csv" else None
        if writer is not None:
            writer.writerow(["citation statement", "type", "confidence", "section", "citing doi", "year"])
        for i in range(count):
            text = sentences[i % len(sentences)]
            round_ = i // len(sentences)  # each repetition comes from other citing papers
            row = [
                text,
                rng.choice(TYPES),
                f"{rng.uniform(0.5, 1):.2f}",
                rng.choice(SECTIONS),
                f"10.5555/mem.{round_}.{i % 997}",
                2000 + (round_ + i) % 26,
            ]
            if writer is not None:
                writer.writerow(row)
            else:
                record = {
                    "record": "statement",
                    "id": f"S{i + 1}",
                    "text": text,
                    "type": row[1] or "unclassified",
                    "confidence": float(row[2]),
                    "section": row[3] or None,
                    "citing": {"doi": row[4], "year": row[5]},
                }
                handle.write(json.dumps(record) + "\n")
    return path.stat().st_size


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _kib(path: str, key: bytes) -> int:
    try:
        with open(path, "rb") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(input_path: Path, output: Path) -> dict[str, float]:
    """Run the command and sample its process tree's memory; peaks in MiB, wall time in seconds."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "brief", str(input_path), "-o", str(output), "--quiet"], cwd=REPO
    )
    peak_rss = peak_pss = 0
    most_processes = 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        most_processes = max(most_processes, len(pids))
        peak_rss = max(peak_rss, sum(_kib(f"/proc/{pid}/status", b"VmRSS:") for pid in pids))
        peak_pss = max(peak_pss, sum(_kib(f"/proc/{pid}/smaps_rollup", b"Pss:") for pid in pids))
        time.sleep(0.05)
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        raise SystemExit(f"summarizer brief exited {proc.returncode}")
    return {
        "seconds": seconds,
        "peak_rss_mib": peak_rss / 1024,
        "peak_pss_mib": peak_pss / 1024,
        "processes": most_processes,
    }


def _per_statement(key: str, size: int, result: dict[str, float], base_size: int, base: dict[str, float]) -> str:
    """KiB per statement: the total, and the slope from the smallest size."""
    total = result[key] * 1024 / size
    if size == base_size:
        return f"{total:>6.2f}       -"
    return f"{total:>6.2f}  {(result[key] - base[key]) * 1024 / (size - base_size):>6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", default="50000,200000,1000000", help="comma-separated sizes")
    parser.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.statements.split(","))
    sentences = real_sentences(args.data_dir)
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"# {len(sentences)} distinct real sentences from {', '.join(CORPORA)}; input format {args.format}")
    print(
        "statements  input MB  seconds  processes  peak RSS MiB  peak PSS MiB"
        "  RSS KiB/stmt (total, slope)  PSS KiB/stmt (total, slope)"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            input_path = Path(tmp) / f"statements.{args.format}"
            size_bytes = write_input(input_path, sentences, size, args.format)
            result = measure(input_path, Path(tmp) / "brief.json")
            rows.append((size, result))
            base_size, base = rows[0]
            rss = _per_statement("peak_rss_mib", size, result, base_size, base)
            pss = _per_statement("peak_pss_mib", size, result, base_size, base)
            print(
                f"{size:>10}  {size_bytes / 1e6:>8.1f}  {result['seconds']:>7.1f}  {result['processes']:>9.0f}  "
                f"{result['peak_rss_mib']:>12.0f}  {result['peak_pss_mib']:>12.0f}"
                f"  {rss:>27}  {pss:>27}",
                flush=True,
            )
            input_path.unlink()

if __name__ == "__main__":
    main()
