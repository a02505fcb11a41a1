"""Two-arm comparisons in numbers oriented by the intervention, on the evidence sentences of Evidence Inference.

Usage: python bench/bench_arm_orientation.py [--data-dir ../shared/data] [--json] [--show-wrong]

A significant comparison in numbers of two arms that no control word tells apart ("24.3 minutes in the TOS group
and 16.3 minutes in the sling group (p < 0.05)") is oriented when the words of exactly one arm name the intervention
(numeric_results.oriented_by_arm, as learned_results.by_arm does it for the target's intervention). Here each row's
intervention is its labelled one (matched as the target profile matches its own: TargetProfile.named_in over the
name's treatment anchors), and the oriented change of the sentence's first such comparison is set against the row's
label (increased / decreased / no difference). The sentence may report other comparisons than the row's outcome:
the label is of the prompt's outcome, and an oriented comparison of another outcome counts as it reads.

Reported separately for the train documents (summarizer.evaluation.is_heldout False: the rule was developed on
these) and the held-out ones (never read while building it): rows oriented, rows whose orientation is the label,
and how many of them the brief would keep (an outcome named before the values, whose polarity is known).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.learned_results import by_arm
from summarizer.engines.extractive.numeric_results import numeric_results, oriented_by_arm
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.engines.extractive.target_profile import TargetProfile
from summarizer.engines.extractive.treatment_mention import name_anchors
from summarizer.evaluation import is_heldout


def _oriented(text: str, profile: TargetProfile) -> str | None:
    scan = Scan(text, load_resources())
    for result in numeric_results(scan, Significance(scan)):
        found = oriented_by_arm(result, text, profile.named_in)
        if found is not None:
            return found.change
    return None


def evaluate(path: Path, show_wrong: bool = False) -> dict[str, Any]:
    """Per split: rows, rows with a two-arm comparison not told apart by a control word, rows oriented, right."""
    polarity = load_resources().polarity
    parts: dict[str, Counter[str]] = {"train": Counter(), "heldout": Counter()}
    wrong: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            split = "heldout" if is_heldout(row["pmcid"]) else "train"
            counts = parts[split]
            counts["rows"] += 1
            text = " ".join(row["text"].split())
            scan = Scan(text, load_resources())
            if any(r.arms is not None for r in numeric_results(scan, Significance(scan))):
                counts["two_active_arms"] += 1
            profile = TargetProfile(row["intervention"], frozenset(name_anchors(row["intervention"])))
            change = _oriented(text, profile)
            if change is None:
                continue
            counts["oriented"] += 1
            counts[f"oriented_{change}"] += 1
            counts["right"] += change == row["label"]
            counts["kept_by_brief"] += bool(by_arm(text, [0], profile.named_in, polarity))
            if change != row["label"] and show_wrong and split == "train":
                wrong.append(f"{row['label']} <- {change} | I: {row['intervention']} | C: {row['comparator']} | {text}")
    if show_wrong:
        print("\n".join(wrong), file=sys.stderr)
    return {
        split: {**counts, "accuracy": round(counts["right"] / counts["oriented"], 4) if counts["oriented"] else None}
        for split, counts in parts.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-wrong", action="store_true", help="list the train rows oriented against their label")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    if not path.is_file():
        print(f"error: {path} not found (the Evidence Inference rows; see ../shared/data/README.md)", file=sys.stderr)
        return 2
    report = evaluate(path, args.show_wrong)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"# {shlex.join(['python', *sys.argv])}")
    for split, figures in report.items():
        print(
            f"{split}: {figures.get('rows', 0)} rows, {figures.get('two_active_arms', 0)} with a significant two-arm "
            f"comparison no control word tells apart; oriented {figures.get('oriented', 0)} (increased "
            f"{figures.get('oriented_increased', 0)}, decreased {figures.get('oriented_decreased', 0)}), as labelled "
            f"{figures.get('right', 0)} (accuracy {figures['accuracy']}); kept by the brief (outcome named, polarity "
            f"known) {figures.get('kept_by_brief', 0)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
