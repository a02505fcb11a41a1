"""Write every finding of the extractive briefs of the benchmark targets, or compare two such files.

Usage:
  python bench/diff_findings.py dump OUT.json [--data-dir ../shared/data]
  python bench/diff_findings.py diff BEFORE.json AFTER.json

`dump` briefs every target of bench_brief.py (the trial reports and case reports of both splits, the 66
`brief_targets` and the 65 labelled groups of citing sentences) from its statements alone and writes, per target,
the intervention's name, the two verdicts and every finding as "claim || quote" (safety findings, then efficacy
outcomes). `diff` prints, per target whose brief changed, its verdicts and the findings gone (-) and new (+), then
how many briefs changed. Run `dump` on two versions of the code (a worktree of the older one, with its own
directory first on PYTHONPATH) and `diff` the files: nothing is scored, a reader judges each change against its quote.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_brief  # noqa: E402

from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.evaluation.briefs import BriefTarget, load_brief_targets  # noqa: E402
from summarizer.models import Brief, Statement  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402

QUOTE_CHARS = 240


def _targets(data_dir: Path) -> list[BriefTarget]:
    def every_paper(_document: str) -> bool:  # both splits: a change is read, not scored
        return True

    return [
        *bench_brief.evidence_inference_targets(data_dir / "evidence_inference" / "dev.jsonl", every_paper),
        *bench_brief.ade_targets(data_dir / "ade" / "dev.jsonl", every_paper),
        *load_brief_targets(data_dir / "brief_targets"),
        *bench_brief.citing_trial_targets(data_dir / "clinical_citation_stance" / "dev.jsonl"),
    ]


def _findings(brief: Brief) -> list[str]:
    found = [f"{f.claim} || {f.quotes[0].text[:QUOTE_CHARS] if f.quotes else ''}" for f in brief.safety.findings]
    found.extend(f"{o.claim} || {o.quotes[0].text[:QUOTE_CHARS] if o.quotes else ''}" for o in brief.efficacy.outcomes)
    return found


def dump(data_dir: Path, out: Path) -> int:
    engine = ExtractiveEngine()
    briefs: dict[str, dict[str, Any]] = {}
    for target in _targets(data_dir):
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        brief = summarize(statements, engine=engine)
        briefs[target.target_id] = {
            "intervention": brief.target.intervention.name if brief.target.intervention else None,
            "safety": brief.safety.assessment,
            "efficacy": brief.efficacy.assessment,
            "findings": _findings(brief),
        }
    out.write_text(json.dumps(briefs, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(briefs)} briefs written to {out}")
    return 0


def diff(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    for target, old in before.items():
        new = after.get(target)
        if new is None or new == old:
            continue
        changed += 1
        print(f"== {target}: {old['intervention']} -> {new['intervention']} | safety {old['safety']} -> "
              f"{new['safety']} | efficacy {old['efficacy']} -> {new['efficacy']}")
        for finding in old["findings"]:
            if finding not in new["findings"]:
                print(f"   - {finding}")
        for finding in new["findings"]:
            if finding not in old["findings"]:
                print(f"   + {finding}")
    print(f"{changed} of {len(before)} briefs changed")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the findings of every benchmark brief")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--data-dir", type=Path,
                         default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    diffing = commands.add_parser("diff", help="compare two dumps")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.data_dir, args.out)
    return diff(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
