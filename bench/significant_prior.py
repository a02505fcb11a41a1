"""How often a significant labelled change of Evidence Inference is a benefit: the ceiling of an outcome polarity
learned from the labels alone.

Usage: python bench/significant_prior.py [--data-dir ../shared/data]

A polarity learned from the Evidence Inference labels (an outcome paired with "increased" or "decreased" and the
trial's significance) has no label of what the change means for the patient: it must take a significant change of
the intervention as a benefit (the prior) and learn that "more of X" is good when X rose. Where the prior is wrong,
so is every polarity it teaches. This measures the prior per split, on the prompts whose outcome polarity is known
(each prompt once):
- by the yardstick's own lists (bench_brief.labelled_direction, kept apart from the engine's);
- by the engine's polarity rules (polarity.rule_higher_is_better with the case reports' harm words), a larger set;
and counts the prompts whose outcome the rules leave unclear (where a learned polarity would be asked), with the
shipped learned polarity's answers to them at its own threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import labelled_direction, papers_of  # noqa: E402

from summarizer.engines.extractive import load_resources  # noqa: E402
from summarizer.engines.extractive.polarity import rule_higher_is_better  # noqa: E402


def prompts(path: Path, split: str) -> list[tuple[str, str]]:
    """(outcome, label) of each prompt of the split labelled increased or decreased, once per prompt id."""
    keep = papers_of(split)
    seen: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            if keep(str(row["pmcid"])) and row["label"] in ("increased", "decreased"):
                seen.setdefault(str(row["prompt_id"]), (" ".join(row["outcome"].split()), row["label"]))
    return list(seen.values())


def benefit(label: str, higher_is_better: bool) -> bool:
    """Whether a labelled change of the intervention is an improvement, given the outcome's polarity."""
    return (label == "increased") == higher_is_better


def measure(split: str, rows: list[tuple[str, str]]) -> str:
    """One line of figures for a split's prompts."""
    learned = load_resources().polarity
    harms = learned.harms if learned is not None else None
    yardstick = Counter(labelled_direction(outcome, label) for outcome, label in rows)
    known = yardstick["improved"] + yardstick["worsened"]
    by_rules: Counter[bool] = Counter()
    unclear = answered = 0
    for outcome, label in rows:
        rule = rule_higher_is_better(outcome, harms) if harms is not None else rule_higher_is_better(outcome)
        if rule is not None:
            by_rules[benefit(label, rule)] += 1
            continue
        unclear += 1
        if learned is not None and learned.higher_is_better(outcome) is not None:
            answered += 1
    ruled = by_rules[True] + by_rules[False]
    return (
        f"{split}: {len(rows)} prompts with a change; yardstick polarity known {known}, a benefit "
        f"{yardstick['improved']} ({yardstick['improved'] / max(known, 1):.3f}); rules decide {ruled}, a benefit "
        f"{by_rules[True]} ({by_rules[True] / max(ruled, 1):.3f}); rules unclear {unclear}, the learned polarity "
        f"answers {answered}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    for split in ("train", "heldout"):
        print(measure(split, prompts(path, split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
