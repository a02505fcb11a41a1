"""Train the extractive engine's small models on the TRAIN part of the dev corpora; write JSON weights.

Usage: python scripts/train_extractive.py [--data-dir /work/shared/data] [--out summarizer/engines/extractive/data]

The held-out part (summarizer.evaluation.split_rows: 20% of documents, grouped by pmcid/pmid, fixed hash seed)
is never read here except to print figures at the end. Needs numpy and scipy: pip install -e ".[train]".
The training itself is summarizer.training.extractive.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.resources import DATA_DIR
from summarizer.evaluation import load_dataset, split_rows
from summarizer.training.extractive import (
    CORPORA,
    model_only_report,
    raw_rows,
    train_task,
    write_data_file,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Train the three models and the adverse-event lexicon; report held-out figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/work/shared/data")
    parser.add_argument("--out", default=str(DATA_DIR))
    parser.add_argument("--tasks", default="stance,safety,efficacy")
    args = parser.parse_args(argv)
    data_dir, out = Path(args.data_dir), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = functools.partial(print, flush=True)
    started = time.perf_counter()
    for task in args.tasks.split(","):
        path = data_dir / CORPORA[task] / "dev.jsonl"
        rows = load_dataset(path, task)
        train, heldout = split_rows(rows)
        log(f"{task}: {len(train)} train rows, {len(heldout)} held-out rows ({path})")
        files = train_task(task, train, raw_rows(path) if task == "safety" else {},
                           f"the TRAIN part of {CORPORA[task]}/dev.jsonl; held-out part excluded", log)
        for name, data in files.items():
            write_data_file(out / name, data)
        report = model_only_report(task, heldout, files)
        per = {k: round(v["f1"], 3) for k, v in report["per_class"].items()}
        log(f"  {task} model-only held-out: acc {report['accuracy']:.3f} macro-F1 {report['macro_f1']:.3f} {per}")
    print(f"done in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
