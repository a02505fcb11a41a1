"""Train the PICO reader on all of EBM-NLP's dev.jsonl and write its data files.

Usage: python scripts/train_pico.py [--data-dir ../shared/data] [--out summarizer/engines/extractive/data]
                                    [--no-interventions] [--lexicons] [--c1 C1] [--c2 C2]
                                    [--thresholds P=0.3,I=0.1,O=0.1]

Writes summarizer/engines/extractive/data/pico_tagger.json: the weights of the CRF of P, I and O, of the CRF of I
alone (also trained on interventions.jsonl, unless --no-interventions), and the thresholds on their marginals,
chosen on 5-fold cross-validated marginals grouped by document, or as given by --thresholds (bench/bench_pico.py
prints the same choice as `pooled_thresholds`; the cross-validation with interventions.jsonl takes 20 minutes).
Needs python-crfsuite. The training is summarizer.training.pico; bench/bench_pico.py measures it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.pico import DATA_DIR
from summarizer.training.pico import (
    FitSettings,
    load_intervention_abstracts,
    load_sentences,
    name_list_lexicons,
    thresholds_arg,
    train_reader,
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--no-interventions", action="store_true", help="leave interventions.jsonl out")
    parser.add_argument("--lexicons", action="store_true", help="mark words of the project's drug and effect lists")
    parser.add_argument("--c1", type=float, default=FitSettings.c1)
    parser.add_argument("--c2", type=float, default=FitSettings.c2)
    parser.add_argument(
        "--thresholds", type=thresholds_arg, help="P=..,I=..,O=..: skip the cross-validation that chooses them"
    )
    args = parser.parse_args(argv)
    thresholds = args.thresholds

    folder = args.data_dir / "ebm_nlp"
    sentences = load_sentences(folder / "dev.jsonl")
    extra = [] if args.no_interventions else load_intervention_abstracts(folder / "interventions.jsonl")
    settings = FitSettings(c1=args.c1, c2=args.c2, lexicons=name_list_lexicons() if args.lexicons else {})
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:.0f}s] {message}", file=sys.stderr, flush=True)

    reader = train_reader(sentences, args.out, settings, extra, progress=say, thresholds=thresholds)
    print(json.dumps(reader, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
