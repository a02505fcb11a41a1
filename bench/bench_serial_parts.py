"""The CPU of the `summarizer brief` command's serial steps outside the extractive engine, each alone, in one process:
reading the CSV (readers/table.py), normalising (pipeline.normalise), the design (design.read_design), building
the annotations from the workers' readings (the extractive engine's `_annotation`), assembling the brief
(pipeline.assemble_brief) and rendering it as JSON (renderers.render_chunks), as the command runs them (the
statements owned: changed in place).

Run: python bench/bench_serial_parts.py STATEMENTS.csv [--repeat 7]
     (STATEMENTS.csv: e.g. the 20,000 real sentences `python bench/bench_throughput.py --keep STATEMENTS.csv` writes)

Each step is timed by the process's CPU clock (time.process_time), with the cycle collector paused as the command
pauses it, on inputs made afresh before each repeat (the step's own work only); the best and the median of the
repeats are printed. The engine's result that assembling needs, and the readings, are made once, by the extractive
engine with 2 workers. A digest of the brief's JSON (model_dump_json, without its creation time), of its rendering
(its creation time blanked), of the annotations and of the reading's warnings
lets two versions of the code be compared: the same digest, the same brief. Older versions without the in-place
normalise are timed copying, as they ran.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import inspect
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer import pipeline
from summarizer.design import read_design
from summarizer.engines import make_engine
from summarizer.engines.base import EngineOptions
from summarizer.engines.extractive import engine as extractive_engine
from summarizer.readers.table import read_table
from summarizer.renderers import render_chunks
from summarizer.settings import Settings


def _timed(repeat: int, make: Callable[[], Any], step: Callable[[Any], Any]) -> tuple[list[float], Any]:
    """The CPU seconds of step(make()) in each repeat (make() not counted), and the last result."""
    spent, result = [], None
    for _ in range(repeat):
        given = make()
        begun = time.process_time()
        result = step(given)
        spent.append(time.process_time() - begun)
    return spent, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not args.statements.is_file():
        parser.exit(2, f"error: {args.statements}: no such file\n")
    text = args.statements.read_text(encoding="utf-8")
    name = args.statements.name
    owned = "in_place" in inspect.signature(pipeline.normalise).parameters
    settings = Settings()
    gc.disable()

    def normalised() -> list[Any]:
        source = read_table(text, name)
        return pipeline.normalise(source.statements, in_place=True) if owned else pipeline.normalise(source.statements)

    def normalise(statements: list[Any]) -> list[Any]:
        return pipeline.normalise(statements, in_place=True) if owned else pipeline.normalise(statements)

    source = read_table(text, name)
    statements = normalised()
    design = read_design(source.target, statements)
    target = source.target.model_copy(update={"design": design.design, "design_statement_ids": design.statement_ids})
    engine = make_engine("extractive", settings, EngineOptions(workers=2))
    result = engine.run(target, statements)
    readings: list[Any] = []
    jobs = [(s.text, s.type == "unclassified") for s in statements]
    extractive_engine._annotate_in_processes(jobs, engine._resources, 2, readings.extend)

    def annotations(_: object) -> list[Any]:
        return [extractive_engine._annotation(reading, engine.name) for reading in readings]

    def assemble(fresh: list[Any]) -> Any:
        return pipeline.assemble_brief(
            source.target, fresh, result, engine.name, settings, "input", [], in_place=True, design=design
        )

    steps = {
        "read_table": _timed(args.repeat, lambda: None, lambda _: read_table(text, name)),
        "normalise": _timed(args.repeat, lambda: read_table(text, name).statements, normalise),
        "read_design": _timed(args.repeat, lambda: statements, lambda given: read_design(source.target, given)),
        "annotations": _timed(args.repeat, lambda: None, annotations),
        "assemble_brief": _timed(args.repeat, normalised, assemble),
    }
    brief = steps["assemble_brief"][1]
    steps["render_json"] = _timed(args.repeat, lambda: brief, lambda given: "".join(render_chunks(given, "json")))
    digest = hashlib.sha256(brief.model_dump_json(exclude={"provenance": {"created_at"}}).encode())
    digest.update(steps["render_json"][1].replace(brief.provenance.created_at, "").encode())
    for annotation in steps["annotations"][1]:
        digest.update((annotation.model_dump_json() + repr(sorted(annotation.model_fields_set))).encode())
    digest.update(json.dumps(steps["read_table"][1].warnings).encode())
    print(f"command: python bench/bench_serial_parts.py {args.statements} --repeat {args.repeat}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    total = 0.0
    for step, (spent, _) in steps.items():
        total += min(spent)
        print(f"{step:15s} CPU best {min(spent):.3f} s, median {statistics.median(spent):.3f} s")
    print(f"{f'all {len(steps)}':15s} CPU best {total:.3f} s; normalise {'in place' if owned else 'copying'}")
    print(f"digest of the brief, its JSON, the annotations and the warnings: {digest.hexdigest()[:16]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
