"""How the names the extractive profile gives the Evidence Inference trial pseudo-targets compare with their labels.

Usage: python bench/trial_names.py [--data-dir ../shared/data] [--split heldout|train] [--list]

Each trial pseudo-target (bench_brief.evidence_inference_targets) is profiled from its statements alone, as the
benchmark does, and the name it gets is counted as the labelled intervention (`intervention_named`), as one of the
labelled comparators, as another name, or none. `--list` prints each trial's name and its class. A name counted
"comparator" or "other" is not necessarily wrong (labels name one arm of several, or spell it out: "ACG" for "advanced
care group (ACG)" is "other"): read them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_brief  # noqa: E402

from summarizer.engines.extractive import annotate, load_resources  # noqa: E402
from summarizer.engines.extractive.pico import load_pico_tagger  # noqa: E402
from summarizer.engines.extractive.target_profile import profile_target  # noqa: E402
from summarizer.evaluation.briefs import intervention_named  # noqa: E402
from summarizer.models import Target  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--list", action="store_true", help="print each trial's name and its class")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    if not path.exists():
        print(f"error: no {path}", file=sys.stderr)
        return 2
    papers = bench_brief.papers_of(args.split)
    comparators: dict[str, set[str]] = defaultdict(set)
    for row in bench_brief._rows(path):
        if row["comparator"].strip():
            comparators[f"ei-{row['pmcid']}"].add(row["comparator"])
    res = load_resources()
    pico = load_pico_tagger()
    counts: Counter[str] = Counter()
    for target in bench_brief.evidence_inference_targets(path, papers):
        texts = [" ".join(text.split()) for _, text in target.statements]
        readings = [annotate(text, resources_=res) for text in texts]
        name = profile_target(Target(), readings, res, texts=texts, pico=lambda: pico).name
        if name is None:
            kind = "none"
        elif intervention_named(target.intervention, name):
            kind = "intervention"
        elif any(intervention_named(c, name) for c in comparators[target.target_id]):
            kind = "comparator"
        else:
            kind = "other"
        counts[kind] += 1
        if args.list:
            print(f"{target.target_id}\t{kind}\t{name}")
    print(f"{args.split}: " + ", ".join(f"{k} {counts[k]}" for k in ("intervention", "comparator", "other", "none")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
