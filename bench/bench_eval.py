"""Evaluate the extractive engine on each labelled dev corpus: held-out split and full file, with references.

Usage: python bench/bench_eval.py [--data-dir /work/shared/data] [--engine extractive]

The held-out split is summarizer.evaluation.split_rows (20% of documents by pmcid/pmid, fixed hash seed): the
part scripts/train_extractive.py never trains on. The full dev file includes the training part, so its figures
are optimistic for the learned components; the held-out figures are the ones to quote.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.evaluation import LABELS, evaluate, load_dataset, split_rows  # noqa: E402

CORPORA = (
    ("stance", "clinical_citation_stance", "goal macro-F1 >= 0.60; published (Kilicoglu et al. 2019, their test "
     "split): rule-based acc 0.840 / macro-F1 0.652, best neural acc 0.882 / macro-F1 0.721"),
    ("safety", "ade", "goal adverse_effect F1 >= 0.80; no published sentence-level figure given in the data README"),
    ("efficacy", "evidence_inference", "goal macro-F1 >= 0.70; published (DeYoung et al. 2020): BioBERT pipeline "
     "with oracle evidence spans, macro-F1 about 0.78-0.83"),
)


def _row(label: str, report: dict[str, Any], seconds: float) -> str:
    per = " ".join(f"{k}={v['f1']:.3f}" for k, v in report["per_class"].items())
    return (
        f"| {label} | {report['n']} | {report['accuracy']:.3f} | {report['macro_f1']:.3f} | {per} | {seconds:.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Print a Markdown table per corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/work/shared/data", type=Path)
    args = parser.parse_args(argv)
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    started_all = time.perf_counter()
    engine = ExtractiveEngine()
    for task, folder, reference in CORPORA:
        path = args.data_dir / folder / "dev.jsonl"
        rows = load_dataset(path, task)
        _, heldout = split_rows(rows)
        print(f"\n### {task}: {path}\n")
        print(f"reference: {reference}")
        print(f"equivalent CLI for the full file: summarizer eval {shlex.quote(str(path))} --task {task} "
              "--engine extractive\n")
        print("| part | n | accuracy | macro-F1 | class F1 | seconds |")
        print("|---|---|---|---|---|---|")
        reports = {}
        for label, part in (("held-out (20% of documents)", heldout), ("full dev file", rows)):
            started = time.perf_counter()
            reports[label] = report = evaluate(part, task, engine)
            print(_row(label, report, time.perf_counter() - started), flush=True)
        if task == "safety":
            ade = reports["held-out (20% of documents)"]["per_class"]["adverse_effect"]
            print(f"\nclass of interest: adverse_effect (labels {', '.join(LABELS[task])}); held-out precision "
                  f"{ade['precision']:.3f}, recall {ade['recall']:.3f}")
    print(f"\ntotal elapsed: {time.perf_counter() - started_all:.1f} s (including loading the models)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
