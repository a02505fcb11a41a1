"""Evaluate the extractive engine on each labelled dev corpus: held-out split and full file, with references.

Usage: python bench/bench_eval.py [--data-dir /work/shared/data] [--no-encoder]

The held-out split is summarizer.evaluation.split_rows (20% of documents by pmcid/pmid, fixed hash seed): the
part scripts/train_extractive.py never trains on. The full dev file includes the training part, so its figures
are optimistic for the learned components; the held-out figures are the ones to quote. For safety it also
evaluates the engine with the safety encoder (`--safety-encoder`; its adapter, scripts/train_encoder.py, is
trained on TRAIN too), unless --no-encoder is given or the encoder extra is missing.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import ConfigError
from summarizer.evaluation import LABELS, evaluate, load_dataset, split_rows

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
    parser.add_argument("--no-encoder", action="store_true", help="skip the safety encoder's rows")
    args = parser.parse_args(argv)
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    started_all = time.perf_counter()
    engines = {"extractive": ExtractiveEngine()}
    if not args.no_encoder:
        try:
            from summarizer.engines.extractive import SafetyEncoder

            engines["extractive --safety-encoder"] = ExtractiveEngine(encoder=SafetyEncoder.load())
        except ConfigError as exc:
            print(f"(no safety encoder rows: {exc})")
    for task, folder, reference in CORPORA:
        path = args.data_dir / folder / "dev.jsonl"
        rows = load_dataset(path, task)
        _, heldout = split_rows(rows)
        print(f"\n### {task}: {path}\n")
        print(f"reference: {reference}")
        print(f"equivalent CLI for the full file: summarizer eval {shlex.quote(str(path))} --task {task} "
              "--engine extractive\n")
        print("| engine | part | n | accuracy | macro-F1 | class F1 | seconds |")
        print("|---|---|---|---|---|---|---|")
        held_out = {}
        for name, engine in engines.items():
            if task != "safety" and engine.encoder is not None:
                continue  # the encoder only takes part in the adverse-effect decision
            for label, part in (("held-out (20% of documents)", heldout), ("full dev file", rows)):
                started = time.perf_counter()
                report = evaluate(part, task, engine)
                print(_row(f"{name} | {label}", report, time.perf_counter() - started), flush=True)
                if part is heldout:
                    held_out[name] = report
        if task == "safety":
            print(f"\nclass of interest: adverse_effect (labels {', '.join(LABELS[task])}); held-out:")
            for name, report in held_out.items():
                ade = report["per_class"]["adverse_effect"]
                print(f"- {name}: precision {ade['precision']:.3f}, recall {ade['recall']:.3f}, F1 {ade['f1']:.3f}")
    print(f"\ntotal elapsed: {time.perf_counter() - started_all:.1f} s (including loading the models)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
