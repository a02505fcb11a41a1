"""Print the briefs of held-out trial reports for reading as a clinician would: every finding with its quote.

Usage: python bench/read_trial_briefs.py [--data-dir ../shared/data] [--count 10] [--targets ei-123,ei-456]
                                         [--split heldout|train] [--skip N]

The trials are bench_brief.py's Evidence Inference pseudo-targets (papers the models never trained on), in corpus
order (or those --targets names); a trial whose brief names no intervention or holds no finding is passed over.
--split train reads the train split's trials instead (the papers the rules are developed on), --skip N passes over
the first N briefs shown, --labels prints under each brief its trial's labelled prompts (intervention vs comparator,
outcome, label, and the direction bench_brief.labelled_direction reads: None where the outcome's polarity is unclear,
which leaves the prompt out of the verdicts the trial accepts) and the verdicts they support.
For each: the labelled intervention, the brief's intervention, design and verdicts, then each safety finding and
efficacy outcome as "claim || quote". Nothing is scored: a reader judges whether each finding says what its quote says.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import evidence_inference_targets, labelled_direction, papers_of  # noqa: E402

from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.models import Statement  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--targets", default="", help="only these pseudo-targets (comma-separated ids)")
    parser.add_argument("--split", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--skip", type=int, default=0, help="pass over the first N briefs that would be shown")
    parser.add_argument("--labels", action="store_true", help="print each trial's labelled prompts and directions")
    args = parser.parse_args(argv)
    prompts = _prompts_by_trial(args.data_dir / "evidence_inference" / "dev.jsonl") if args.labels else {}
    papers = papers_of(args.split)
    engine = ExtractiveEngine()
    shown = 0
    only = {t.strip() for t in args.targets.split(",") if t.strip()}
    for target in evidence_inference_targets(args.data_dir / "evidence_inference" / "dev.jsonl", papers):
        if only and target.target_id not in only:
            continue
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        brief = summarize(statements, engine=engine)
        found = brief.target.intervention
        if found is None or not (brief.safety.findings or brief.efficacy.outcomes):
            continue
        shown += 1
        if shown <= args.skip:
            continue
        print(
            f"=== {shown}. {target.target_id} | labelled: {target.intervention} | brief: {found.name} | design "
            f"{brief.target.design} | safety {brief.safety.assessment} ({brief.safety.certainty.level}), efficacy "
            f"{brief.efficacy.assessment} ({brief.efficacy.certainty.level})"
        )
        for finding in brief.safety.findings:
            print(f"  safety: {finding.claim} || {finding.quotes[0].text}")
        for outcome in brief.efficacy.outcomes:
            print(f"  efficacy: {outcome.claim} || {outcome.quotes[0].text}")
        if args.labels:
            _print_labels(prompts.get(target.target_id, []), target.efficacy_ok)
        if shown >= args.skip + args.count:
            break
    return 0


def _prompts_by_trial(path: Path) -> dict[str, list[dict[str, str]]]:
    """Each trial's labelled prompts, once each, in corpus order."""
    by_trial: dict[str, dict[str, dict[str, str]]] = {}
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    for row in rows:
        by_trial.setdefault(f"ei-{row['pmcid']}", {}).setdefault(str(row["prompt_id"]), row)
    return {trial: list(rows.values()) for trial, rows in by_trial.items()}


def _print_labels(rows: list[dict[str, str]], accepted: frozenset[str]) -> None:
    """The labelled prompts of a trial with the direction each is counted as, and the verdicts they support."""
    for row in rows:
        arms = " ".join(f"{row['intervention']} vs {row['comparator']}".split())
        direction = labelled_direction(row["outcome"], row["label"])
        print(f"  label: {arms} | {' '.join(row['outcome'].split())} | {row['label']} -> {direction}")
    print(f"  accepted: {', '.join(sorted(accepted))}")


if __name__ == "__main__":
    raise SystemExit(main())
