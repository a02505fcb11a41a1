"""Out-of-fold accuracy of the learned outcome polarity on the names the rules leave unclear, by L2 and threshold.

Usage: python bench/bench_polarity_thresholds.py [--data-dir ../shared/data]

On the TRAIN documents of Evidence Inference only (summarizer.evaluation.is_heldout False), by the cross-validation
of summarizer.training.polarity (FOLDS folds by document; each fold's checks come from the model fitted on the other
folds): for each L2 of L2_GRID and threshold of THRESHOLD_GRID, the accuracy / answers on (a) the direct labels of
outcomes whose rule_higher_is_better is None (the "unclear" checks of scripts/train_polarity.py --checks unclear) and
(b) the other distant labels of such outcomes (a sibling result or the control-like prior). What the threshold
choice of docs/BENCHMARKS.md "s38-polthresh" rests on. Needs numpy and scipy (the `train` extra).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.errors import InputError
from summarizer.evaluation import is_heldout
from summarizer.training.polarity import (
    CORPUS,
    L2_GRID,
    THRESHOLD_GRID,
    Check,
    accuracy_at,
    checks,
    distant_examples,
    out_of_fold,
    read_rows,
    unclear_checks,
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    try:
        rows = [r for r in read_rows(args.data_dir / CORPUS / "dev.jsonl") if not is_heldout(r["pmcid"])]
    except InputError as exc:
        print(f"bench_polarity_thresholds: {exc}", file=sys.stderr)
        return 2
    examples = distant_examples(rows)
    unclear = unclear_checks(checks(rows, examples))
    other = [Check(e.document, e.outcome, e.higher_is_better, "other") for e in examples
             if not e.direct and rule_higher_is_better(e.outcome) is None]
    print(f"{len(unclear)} direct labels and {len(other)} other distant labels of names the rules leave unclear")
    print("l2     threshold  unclear direct (accuracy / answered)  unclear other")
    for l2 in L2_GRID:
        p = out_of_fold(examples, [*unclear, *other], l2)
        for t in THRESHOLD_GRID:
            a, _, n = accuracy_at(p[:len(unclear)], [c.higher_is_better for c in unclear], t)
            a2, _, n2 = accuracy_at(p[len(unclear):], [c.higher_is_better for c in other], t)
            if n or n2:
                print(f"{l2:<6} {t:<10} {a:.3f} / {n:<29} {a2:.3f} / {n2}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
