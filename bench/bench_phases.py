"""Where the time of one `summarizer brief` run goes: each step of the command timed from inside the run.

Run: python bench/bench_phases.py INPUT.csv [--repeat 2]
     (INPUT.csv: e.g. the 20,000 real sentences that `python bench/bench_throughput.py --keep INPUT.csv` writes)

Each run is a fresh process that wraps the command's steps with timers and then runs the command line as
`summarizer brief INPUT -o OUT.json --quiet` does; it prints when each step started, how long it took and the
parent's CPU in it (the imports' and the total's: the parent's CPU from its start; the workers' CPU is not counted),
and the parent's CPU from its start to the step's: before `_annotate_in_processes`, the serial part before the
workers are forked.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

# (module, function) of the steps, in the order the command takes them
STEPS = (
    ("summarizer.cli", "_engine"),
    ("summarizer.cli", "_load"),
    ("summarizer.pipeline", "normalise"),
    ("summarizer.engines.extractive.engine", "_annotate_in_processes"),
    ("summarizer.engines.extractive.engine", "profile_target"),
    ("summarizer.engines.extractive.engine", "safety_section"),
    ("summarizer.engines.extractive.engine", "efficacy_section"),
    ("summarizer.engines.extractive.engine", "contrasting_findings"),
    ("summarizer.pipeline", "assemble_brief"),
    ("summarizer.cli", "write_output"),
)

_RUN = """
import functools, importlib, json, sys, time
start = time.perf_counter()
from summarizer import cli
marks = [("imports", 0.0, time.perf_counter() - start, time.process_time(), 0.0)]

def timed(module, name):
    owner = importlib.import_module(module)
    function = getattr(owner, name)

    @functools.wraps(function)
    def step(*args, **kwargs):
        begun, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            marks.append((name, begun - start, time.perf_counter() - begun, time.process_time() - cpu, cpu))

    setattr(owner, name, step)

for module, name in json.loads(sys.argv[1]):
    timed(module, name)
code = cli.main(["brief", sys.argv[2], "-o", sys.argv[3], "--quiet"])
marks.append(("total", 0.0, time.perf_counter() - start, time.process_time(), 0.0))
print(json.dumps(marks))
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="the statements (a CSV, JSON Lines, ... as `summarizer brief` reads)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not args.input.is_file():
        sys.exit(f"bench_phases: no such file: {args.input}")
    print(f"command: python bench/bench_phases.py {args.input} --repeat {args.repeat}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(1, args.repeat + 1):
            done = subprocess.run(
                [sys.executable, "-c", _RUN, json.dumps(STEPS), str(args.input), str(Path(tmp) / "brief.json")],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONHASHSEED": "0"},
                check=False,
            )
            if done.returncode != 0:
                sys.exit(f"bench_phases: the run failed: {done.stderr.strip()}")
            print(f"run {run}:")
            for name, started, took, cpu, cpu_before in json.loads(done.stdout.splitlines()[-1]):
                print(
                    f"  {name:24s} at {started:6.2f} s  took {took:6.3f} s  parent CPU {cpu:6.3f} s"
                    f"  (parent CPU before it {cpu_before:6.3f} s)"
                )


if __name__ == "__main__":
    main()
