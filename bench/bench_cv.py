"""Grouped 5-fold cross-validation of the extractive engine on each labelled dev corpus (re-trains per fold).

Usage: python bench/bench_cv.py [--data-dir /work/shared/data] [--folds 5] [--tasks stance,safety,efficacy]
                                [--safety-encoder]

Each fold holds out about a fifth of the documents (a fixed SHA-256 hash of pmcid/pmid), trains every model,
lexicon and tagger on the other folds exactly as scripts/train_extractive.py does, and runs the whole annotator
(summarizer.evaluation.evaluate, the code behind `summarizer eval`) on the held-out fold. Every dev sentence is thus
predicted once by models that never saw its document: the pooled figures rest on all the dev data rather than on
the one 20% split of bench/bench_eval.py. Needs the training extras: pip install -e ".[train]". About 140 s.
"""

from __future__ import annotations

import argparse
import hashlib
import shlex
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.engines.extractive import ExtractiveEngine, SafetyEncoder, bundled_data_files, resources_from
from summarizer.evaluation import LABELS, LabelledRow, evaluate, load_dataset, metrics
from summarizer.training.extractive import CORPORA, raw_rows, train_task

GOALS = {"stance": ("macro_f1", None, 0.60), "safety": ("f1", "adverse_effect", 0.80),
         "efficacy": ("macro_f1", None, 0.70)}


def fold_of(row: LabelledRow, folds: int) -> int:
    """The fold of a row's document (a fixed hash, independent of the 20% held-out split)."""
    return int.from_bytes(hashlib.sha256(f"cv:{row.document}".encode()).digest()[:8], "big") % folds


def _goal_figure(task: str, report: dict[str, Any]) -> float:
    key, label, _ = GOALS[task]
    return float(report["per_class"][label][key]) if label else float(report[key])


def _class_f1(report: dict[str, Any]) -> str:
    return " ".join(f"{name}={c['f1']:.3f}" for name, c in report["per_class"].items())


def _pooled(reports: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, Any]:
    gold: list[str] = []
    predicted: list[str] = []
    for report in reports:
        for g in labels:
            for p in labels:
                count = report["confusion"][g][p]
                gold.extend([g] * count)
                predicted.extend([p] * count)
    return metrics(gold, predicted, labels)


def main(argv: list[str] | None = None) -> int:
    """Print per-fold and pooled figures for each task."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/work/shared/data", type=Path)
    parser.add_argument("--folds", default=5, type=int)
    parser.add_argument("--tasks", default="stance,safety,efficacy")
    parser.add_argument("--safety-encoder", action="store_true",
                        help="also train the safety encoder's adapter in each fold and report the engine with it "
                        "(about 16 minutes a fold; needs the encoder extra)")
    args = parser.parse_args(argv)
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    bundled = bundled_data_files()
    started_all = time.perf_counter()
    for task in args.tasks.split(","):
        corpus = CORPORA[task]
        path = args.data_dir / corpus / "dev.jsonl"
        rows = load_dataset(path, task)
        raw = raw_rows(path) if task == "safety" else {}
        _, label, goal = GOALS[task]
        measure = f"{label} F1" if label else "macro-F1"
        print(f"\n### {task}: {path} ({len(rows)} rows, {args.folds} folds by document)\n")
        print("| fold | n | accuracy | macro-F1 | class F1 | seconds |")
        print("|---|---|---|---|---|---|")
        with_encoder = args.safety_encoder and task == "safety"
        reports: dict[str, list[dict[str, Any]]] = {"": [], " + encoder": []} if with_encoder else {"": []}
        folds = [fold_of(row, args.folds) for row in rows]
        for k in range(args.folds):
            started = time.perf_counter()
            train = [r for r, fold in zip(rows, folds, strict=True) if fold != k]
            test = [r for r, fold in zip(rows, folds, strict=True) if fold == k]
            files = train_task(task, train, raw, f"folds other than {k} of {corpus}/dev.jsonl")
            resources = resources_from({**bundled, **files})
            engines = {"": ExtractiveEngine(resources=resources)}
            if with_encoder:
                from summarizer.training.encoder import train_adapter  # torch

                trained = train_adapter(train, raw)
                engines[" + encoder"] = ExtractiveEngine(
                    resources=resources, encoder=SafetyEncoder(trained.encoder, trained.mix)
                )
            for variant, engine in engines.items():
                report = evaluate(test, task, engine)
                reports[variant].append(report)
                print(f"| {k}{variant} | {report['n']} | {report['accuracy']:.3f} | {report['macro_f1']:.3f} | "
                      f"{_class_f1(report)} | {time.perf_counter() - started:.0f} |", flush=True)
        pooled = {variant: _pooled(variant_reports, LABELS[task]) for variant, variant_reports in reports.items()}
        for variant, report in pooled.items():
            print(f"| pooled{variant} | {report['n']} | {report['accuracy']:.3f} | {report['macro_f1']:.3f} | "
                  f"{_class_f1(report)} | |")
        for variant, variant_reports in reports.items():
            per_fold = [_goal_figure(task, r) for r in variant_reports]
            print(f"\n{measure}{variant}: pooled {_goal_figure(task, pooled[variant]):.3f}; over folds mean "
                  f"{statistics.mean(per_fold):.3f}, min {min(per_fold):.3f}, max {max(per_fold):.3f}; "
                  f"goal >= {goal:.2f}")
    print(f"\ntotal elapsed: {time.perf_counter() - started_all:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
