"""Print the briefs of held-out trial reports for reading as a clinician would: every finding with its quote.

Usage: python bench/read_trial_briefs.py [--data-dir ../shared/data] [--count 10] [--targets ei-123,ei-456]
                                         [--split heldout|train] [--skip N]

The trials are bench_brief.py's Evidence Inference pseudo-targets (papers the models never trained on), in corpus
order (or those --targets names); a trial whose brief names no intervention or holds no finding is passed over.
--split train reads the train split's trials instead (the papers the rules are developed on), --skip N passes over
the first N briefs shown.
For each: the labelled intervention, the brief's intervention, design and verdicts, then each safety finding and
efficacy outcome as "claim || quote". Nothing is scored: a reader judges whether each finding says what its quote says.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import evidence_inference_targets, papers_of  # noqa: E402

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
    args = parser.parse_args(argv)
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
        if shown >= args.skip + args.count:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
