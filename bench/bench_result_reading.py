"""How often the outcome rules read the result an Evidence Inference evidence sentence reports, by split.

Usage: python bench/bench_result_reading.py [--data-dir ../shared/data] [--split train|heldout|both] [--show N]

Each distinct evidence sentence of Evidence Inference 2.0 (dev.jsonl) is read by the engine's sentence reader
(reading.annotate, no intervention given: as a statement is read before its target is known). A sentence labelled
increased or decreased counts as read when the rules give one of its outcomes a change (increased / decreased) or a
direction (improved / worsened); one labelled no difference when they read an outcome as no difference. The
opposite readings are counted too: a significant result read only as no difference, and a no-difference result
read as a change. Whether the change is the intervention's, and which way, is decided later with the target (the
arms), so it is not scored here; a significant comparison in numbers of two arms that no control word tells apart
("12.4% in the cefixime group and 3.4% in the gatifloxacin group, p = 0.02") is read only once the intervention is
known (learned_results.by_arm), and is counted apart (significant_read_as_two_arms). --show N prints N sentences of
each miss kind (train split only, for reading).

"Train" is the documents summarizer.evaluation.is_heldout leaves for development; "heldout" the rest.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.evaluation import is_heldout

SIGNIFICANT = ("increased", "decreased")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(rows: list[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    res = load_resources()
    counts: Counter[str] = Counter()
    misses: dict[str, list[str]] = {"significant_unread": [], "no_difference_unread": []}
    seen: set[str] = set()
    for row in rows:
        text = " ".join(row["text"].split())
        if text in seen:
            continue
        seen.add(text)
        outcomes = annotate(text, resources_=res, read_stance=False).outcomes
        changed = any(m.change in SIGNIFICANT or m.direction in ("improved", "worsened") for m in outcomes)
        same = any(m.change == "no_difference" for m in outcomes)
        if row["label"] in SIGNIFICANT:
            counts["significant"] += 1
            counts["significant_read"] += changed
            counts["significant_read_as_no_difference_only"] += same and not changed
            counts["significant_read_as_two_arms"] += not changed and _two_arms(text, res)
            if not changed:
                misses["significant_unread"].append(text)
        else:
            counts["no_difference"] += 1
            counts["no_difference_read"] += same
            counts["no_difference_read_as_change_only"] += changed and not same
            if not same:
                misses["no_difference_unread"].append(text)
    rng = random.Random(0)
    shown = {kind: rng.sample(texts, min(show, len(texts))) for kind, texts in misses.items()} if show else {}
    return {**counts, "shown": shown}


def _two_arms(text: str, res: Any) -> bool:
    """Whether a sentence reports a significant comparison in numbers of two arms no control word tells apart."""
    scan = Scan(text, res)
    return any(result.arms is not None for result in numeric_results(scan, Significance(scan)))


def by_split(
    rows: list[dict[str, Any]], split: str, show: int, measure: Callable[[list[dict[str, Any]], int], dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """measure(rows of the split, show) for "train", "heldout" or both; misses are shown for the train split only
    (the one rules are developed on)."""
    splits = ("train", "heldout") if split == "both" else (split,)
    return {
        name: measure([r for r in rows if is_heldout(str(r["pmcid"])) == (name == "heldout")],
                      show if name == "train" else 0)
        for name in splits
    }


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("train", "heldout", "both"), default="both")
    parser.add_argument("--show", type=int, default=0, help="print N missed sentences of each kind (train only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    if not path.is_file():
        print(f"bench_result_reading: no {path}", file=sys.stderr)
        return 2
    rows = _rows(path)
    started = time.perf_counter()
    report = by_split(rows, args.split, args.show, measure)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    for split, m in report.items():
        print(
            f"{split}: significant results read as a change {_share(m['significant_read'], m['significant'])} "
            f"(as no difference only: {m['significant_read_as_no_difference_only']}; else as a comparison of two "
            f"named arms: {m['significant_read_as_two_arms']}); no-difference results read "
            f"as such {_share(m['no_difference_read'], m['no_difference'])} (as a change only: "
            f"{m['no_difference_read_as_change_only']})"
        )
        for kind, texts in m["shown"].items():
            print(f"\n  {kind}:")
            for text in texts:
                print(f"  - {text[:240]}")
    print(f"\nelapsed: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
