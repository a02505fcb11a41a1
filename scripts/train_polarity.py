"""Train the learned outcome polarity on the train documents of Evidence Inference; write outcome_polarity.json.

Usage: python scripts/train_polarity.py [--data-dir ../shared/data] [--min-accuracy 0.9] [--harms]
                                        [--checks pooled|unclear]
                                        [--out summarizer/engines/extractive/data/outcome_polarity.json]

Reads DATA_DIR/evidence_inference/dev.jsonl and keeps only the rows of train documents
(summarizer.evaluation.is_heldout(pmcid) is False): the held-out 20% is never read for training. The distant
labels, the model and the choice of its threshold are described in summarizer.training.polarity; needs numpy and
scipy (pip install -e ".[train]"). bench/bench_polarity.py measures the model on the held-out documents.

--harms: add the harms named in the case reports of DATA_DIR/ade/dev.jsonl (its TRAIN documents only, by pmid) as
"lower is better" examples, with the weight cross-validation chooses (summarizer.training.polarity_ade). The shipped
model is NOT trained with it (measured and not adopted: docs/BENCHMARKS.md, "s37-polarity").

--checks: the out-of-fold checks the L2 and the threshold are chosen on (summarizer.training.polarity.CHECK_SETS):
"pooled" (default; the rules' polarity where decisive and the direct labels) or "unclear" (only the direct labels
of outcomes the rules leave unclear, where the engine uses the model). "unclear" is an option, not the shipped
choice (measured and not adopted: docs/BENCHMARKS.md, "s38-polthresh").

The shipped outcome_polarity.json was written by this script at commit 6d5317a, whose rules (polarity.py's
rule_higher_is_better) make the sibling labels and the checks; the rules have changed since, so the same command at
a later commit chooses another threshold. To reproduce the shipped file byte for byte:
    mkdir /tmp/at-6d5317a && git archive 6d5317a | tar -x -C /tmp/at-6d5317a && cd /tmp/at-6d5317a &&
    PYTHONPATH=. python scripts/train_polarity.py --data-dir DATA_DIR --out /tmp/outcome_polarity.json
    cmp /tmp/outcome_polarity.json <checkout>/summarizer/engines/extractive/data/outcome_polarity.json
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.resources import DATA_DIR, POLARITY_FILE
from summarizer.errors import InputError
from summarizer.evaluation import is_heldout
from summarizer.training.extractive import write_data_file
from summarizer.training.polarity import CHECK_SETS, CORPUS, DEFAULT_CHECKS, MIN_ACCURACY, read_rows, train_polarity
from summarizer.training.polarity_ade import ADE_CORPUS, harm_names, train_effect_rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR / POLARITY_FILE)
    parser.add_argument("--min-accuracy", type=float, default=MIN_ACCURACY,
                        help="the out-of-fold accuracy the threshold must reach (default %(default)s)")
    parser.add_argument("--harms", action="store_true",
                        help=f"add the harms named in the train case reports of {ADE_CORPUS}/dev.jsonl as examples")
    parser.add_argument("--checks", choices=sorted(CHECK_SETS), default=DEFAULT_CHECKS,
                        help="the out-of-fold checks the threshold and L2 are chosen on: pooled (rules-decisive and "
                             "direct) or unclear (direct labels of outcomes the rules leave unclear); default "
                             "%(default)s")
    args = parser.parse_args(argv)
    if not 0.5 <= args.min_accuracy <= 1.0:
        parser.error(f"--min-accuracy must be between 0.5 and 1, not {args.min_accuracy}")
    log = functools.partial(print, flush=True)
    try:
        path = args.data_dir / CORPUS / "dev.jsonl"
        rows = [row for row in read_rows(path) if not is_heldout(row["pmcid"])]
        log(f"{len(rows)} rows of train documents ({path}; held-out documents left out)")
        harms: list[tuple[str, str]] = []
        if args.harms:
            harms = harm_names(train_effect_rows(args.data_dir))
            ade_path = args.data_dir / ADE_CORPUS / "dev.jsonl"
            log(f"{len(harms)} distinct harm names of train case reports ({ade_path}; held-out documents left out)")
        data = train_polarity(rows, f"the TRAIN part of {CORPUS}/dev.jsonl; held-out part excluded", log,
                              args.min_accuracy, harms, f"the TRAIN part of {ADE_CORPUS}/dev.jsonl",
                              args.checks)
        write_data_file(args.out, data)
    except InputError as exc:
        print(f"train_polarity: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"train_polarity: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    log(f"wrote {args.out} ({len(data['weights'])} features, threshold {data['min_probability']})")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
