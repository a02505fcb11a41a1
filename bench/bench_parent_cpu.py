"""The CPU of the `summarizer brief` command's parent process alone (its forked workers apart), the part of the
command that runs serially or beside the workers: reading the table, the target's profile, the sections, the brief.

Run: python bench/bench_parent_cpu.py STATEMENTS.csv [--repeat 5]

Each repeat runs the command in a fresh interpreter (`python -m summarizer brief STATEMENTS.csv -o TMP --quiet`,
PYTHONHASHSEED=0) and prints the parent's CPU (user + system) and its workers' (the children's), from the operating
system's accounting; the medians are compared between two installs (e.g. bench_throughput.py --keep makes the CSV).
"""

from __future__ import annotations

import argparse
import os
import resource
import runpy
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = "--child"


def _child(argv: list[str]) -> None:
    """Run the command in this process, then print the CPU of this process and of its finished children."""
    sys.argv = ["summarizer", *argv]
    try:
        runpy.run_module("summarizer", run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            raise
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{own.ru_utime + own.ru_stime:.4f} {children.ru_utime + children.ru_stime:.4f}", file=sys.__stderr__)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == _CHILD:
        _child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.statements.is_file():
        parser.exit(2, f"error: {args.statements}: no such file\n")
    parent, workers = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = f"{tmp}/brief.json"
        command = [sys.executable, __file__, _CHILD, "brief", str(args.statements), "-o", out, "--quiet"]
        for _ in range(args.repeat):
            done = subprocess.run(
                command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}
            )
            own, children = (float(part) for part in done.stderr.split()[-2:])
            parent.append(own)
            workers.append(children)
    print(f"command: python bench/bench_parent_cpu.py {args.statements} --repeat {args.repeat}")
    print(
        f"parent CPU: median {statistics.median(parent):.3f} s (min {min(parent):.3f}, max {max(parent):.3f}); "
        f"workers CPU: median {statistics.median(workers):.3f} s; load average after: {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
