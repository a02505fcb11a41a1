"""Whether the outcome named in an Evidence Inference row gets the significance its label says, in sentences where
significance evidence must be paired with its result: a "respectively" list, or several p-values.

Usage: python bench/bench_significance_pairing.py [--data-dir ../shared/data] [--split train|heldout|both] [--show N]

For each row of Evidence Inference 2.0 (dev.jsonl) whose evidence sentence holds "respectively" or at least two
p-values, the sentence is read by the engine's sentence reader (reading.annotate, no intervention given) and its
outcome mentions that match the row's outcome (every content word of the mention is among the outcome's words, or
the reverse) are kept. The row counts as read right when such a mention's reading agrees with the label
(increased / decreased: a change or a direction; no difference: no difference) and none reads the opposite; wrong
when one reads the opposite and none agrees; mixed when both; unmatched when no mention matches. --show N prints N
wrong rows of the train split, for reading.

"Train" is the documents summarizer.evaluation.is_heldout leaves for development; "heldout" the rest.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_result_reading import by_split  # noqa: E402

from summarizer.engines.extractive import annotate, load_resources  # noqa: E402
from summarizer.engines.extractive.cues import P_VALUE

SIGNIFICANT = ("increased", "decreased")
_WORD = re.compile(r"[a-z][a-z0-9\-]+")
_FUNCTION = frozenset({"the", "of", "in", "and", "or", "with", "for", "at", "to", "on", "by", "a", "an", "from"})


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _FUNCTION}


def _matches(mention: str, outcome: set[str]) -> bool:
    words = _words(mention)
    return bool(words) and bool(outcome) and (words <= outcome or outcome <= words)


def selected(text: str) -> bool:
    """A sentence whose significance evidence must be paired: "respectively", or two p-values or more."""
    low = text.lower()
    return "respectively" in low or len(P_VALUE.findall(low)) >= 2


def measure(rows: list[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    res = load_resources()
    counts: Counter[str] = Counter(dict.fromkeys(("rows", "unmatched", "right", "wrong", "mixed", "neither"), 0))
    wrong: list[str] = []
    for row in rows:
        text = " ".join(row["text"].split())
        if not selected(text):
            continue
        counts["rows"] += 1
        outcome = _words(row["outcome"])
        mentions = [m for m in annotate(text, resources_=res, read_stance=False).outcomes
                    if _matches(m.outcome, outcome)]
        if not mentions:
            counts["unmatched"] += 1
            continue
        changed = any(m.change in SIGNIFICANT or m.direction in ("improved", "worsened") for m in mentions)
        same = any(m.change == "no_difference" for m in mentions)
        right, opposite = (changed, same) if row["label"] in SIGNIFICANT else (same, changed)
        kind = "mixed" if right and opposite else "right" if right else "wrong" if opposite else "neither"
        counts[kind] += 1
        if kind == "wrong":
            readings = "; ".join(f"{m.outcome} -> {m.change}" for m in mentions)
            wrong.append(f"[{row['label']} | {row['outcome']}] {readings} || {text}")
    rng = random.Random(0)
    return {**counts, "shown": rng.sample(wrong, min(show, len(wrong))) if show else []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("train", "heldout", "both"), default="both")
    parser.add_argument("--show", type=int, default=0, help="print N wrongly read rows (train only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    if not path.is_file():
        print(f"bench_significance_pairing: no {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    report = by_split(rows, args.split, args.show, measure)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    for split, m in report.items():
        matched = m["rows"] - m["unmatched"]
        print(
            f"{split}: {m['rows']} rows with 'respectively' or 2+ p-values; outcome matched in {matched}: read as "
            f"labelled {m['right']}, the opposite {m['wrong']}, both {m['mixed']}, neither {m['neither']}"
        )
        for line in m["shown"]:
            print(f"  - {line[:400]}")
    print(f"\nelapsed: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
