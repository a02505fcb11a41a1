"""Which arm a trial brief names: the labelled intervention, the labelled comparator, or something else.

Usage:
  python bench/bench_brief.py --data-dir ../shared/data [--split train] --json > OUT.json
  python bench/bench_arm_roles.py OUT.json [--data-dir ../shared/data] [--list]

For each Evidence Inference trial pseudo-target of OUT.json (bench_brief.py's report), the brief's intervention is
compared with the trial's prompts (evidence_inference/dev.jsonl): named as labelled (bench_brief's own test,
`intervention_named`), the comparator (the name matches one of its prompts' comparators by the same rule,
intervention_named, and not its interventions: "placebo" is never one, so a comparator named is an active arm or
another treatment), or another name. Also: the efficacy verdicts given where the polarity is known, and how many of
them the labelled directions do not support, for each of the three. `--list` prints the trials named with a
comparator's name.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from summarizer.evaluation.briefs import intervention_named


def _comparators(path: Path) -> dict[str, list[str]]:
    by_target: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            name = " ".join(str(row["comparator"]).split())
            if name and name not in by_target[f"ei-{row['pmcid']}"]:
                by_target[f"ei-{row['pmcid']}"].append(name)
    return by_target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="bench_brief.py --json output")
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--list", action="store_true", help="print each trial named with a comparator's name")
    args = parser.parse_args(argv)
    source = args.data_dir / "evidence_inference" / "dev.jsonl"
    if not args.report.is_file() or not source.is_file():
        print(f"error: need {args.report} and {source}", file=sys.stderr)
        return 2
    targets = json.loads(args.report.read_text(encoding="utf-8"))["evidence_inference"]["targets"]
    comparators = _comparators(source)
    roles: Counter[str] = Counter()
    given: Counter[str] = Counter()
    unsupported: Counter[str] = Counter()
    for target in targets:
        name = target["intervention"]
        if not name:
            role = "none found"
        elif target["intervention_named"]:
            role = "intervention"
        elif any(intervention_named(c, name) for c in comparators.get(target["target"], [])):
            role = "comparator"
        else:
            role = "other name"
        roles[role] += 1
        if args.list and role == "comparator":
            print(f"comparator\t{target['target']}\t{name}")
        if target["kind"] == "trial_report_polarity_known" and target["efficacy"] != "insufficient_evidence":
            given[role] += 1
            unsupported[role] += target["efficacy"] not in target["efficacy_ok"]
    print(f"trials: {len(targets)}")
    for role in ("intervention", "comparator", "other name", "none found"):
        counts = f"polarity known, verdict given {given[role]}, not supported {unsupported[role]}"
        print(f"  {role}: {roles[role]} ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
