"""Check every benchmark brief for findings, summaries and verdicts that contradict each other (issue 23, item 6).

Usage: python bench/brief_consistency.py [--data-dir ../shared/data] [--show 20]

The briefs are diff_findings.py's (the trial reports and case reports of both splits, the 66 brief_targets and the
65 labelled groups of citing sentences), made by the extractive engine from their statements alone. Each brief is
checked for:
- the contract's own guarantees (`summarizer.contract_violations`: among them no no_concerns_reported beside a
  listed adverse event);
- a safety summary that says no statement reports on safety while a statement is tagged safety;
- a safety verdict of no concerns beside a finding that reports an adverse event ("X reported with Y"), or a
  verdict of concerns with no such finding;
- a summary that contradicts its verdict: a verdict given while the summary says no statement reports on it, no
  verdict while the summary counts statements that do, an efficacy verdict of benefit (harm) while the summary
  reports nothing improved (worsened), adverse events in the summary of a section judged free of concerns.
It prints each problem with its brief, then the count by kind. Exit 0 when there is none, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diff_findings import _targets  # noqa: E402

from summarizer.contract import contract_violations  # noqa: E402
from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.models import Brief, Statement  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402

NO_SAFETY = "No statement reports on the safety"
NO_OUTCOME = "No statement reports an outcome"


def problems(brief: Brief) -> list[tuple[str, str]]:
    """(kind, detail) for each contradiction in one brief."""
    found = [("contract", problem) for problem in contract_violations(brief)]
    safety, efficacy = brief.safety, brief.efficacy
    tagged = [s.id for s in brief.statements if s.annotation is not None and "safety" in s.annotation.topics]
    if safety.summary.startswith(NO_SAFETY) and tagged:
        found.append(("no statement on safety, one tagged safety", f"{tagged[:5]}: {safety.summary}"))
    concern_findings = [
        f.claim for f in safety.findings if " reported with " in f.claim and not f.claim.startswith("No ")
    ]
    if safety.assessment == "no_concerns_reported" and concern_findings:
        found.append(("no concerns beside an adverse-event finding", concern_findings[0]))
    if safety.assessment == "concerns_reported" and not concern_findings:
        found.append(("concerns without an adverse-event finding", safety.summary))
    if safety.assessment == "no_concerns_reported" and "adverse events (" in safety.summary:
        found.append(("no concerns, summary lists adverse events", safety.summary))
    for name, section, empty in (("safety", safety, NO_SAFETY), ("efficacy", efficacy, NO_OUTCOME)):
        judged = section.assessment != "insufficient_evidence"
        if judged and section.summary.startswith(empty):
            found.append((f"{name}: verdict, summary says none reports", section.summary))
        if not judged and " of the safety of " not in section.summary and not section.summary.startswith(empty) \
                and "no evidence" not in section.summary and brief.target.intervention is not None:
            found.append((f"{name}: no verdict, summary counts reports", section.summary))
    for verdict, label in (("benefit_reported", "improved"), ("harm_reported", "worsened")):
        if efficacy.assessment == verdict and f"Reported as {label}:" not in efficacy.summary:
            found.append((f"efficacy {verdict}, summary has nothing {label}", efficacy.summary))
    if efficacy.assessment == "no_benefit_reported" and "Reported as improved:" in efficacy.summary:
        found.append(("efficacy no_benefit_reported, summary has improvements", efficacy.summary))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=20, help="problems printed per kind")
    args = parser.parse_args(argv)
    if not (args.data_dir / "evidence_inference" / "dev.jsonl").is_file():
        print(f"no benchmark data under {args.data_dir}", file=sys.stderr)
        return 2
    engine = ExtractiveEngine()
    kinds: Counter[str] = Counter()
    briefs = 0
    for target in _targets(args.data_dir):
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        brief = summarize(statements, engine=engine)
        briefs += 1
        for kind, detail in problems(brief):
            kinds[kind] += 1
            if kinds[kind] <= args.show:
                print(f"{target.target_id}: {kind}: {detail}")
    print(f"{briefs} briefs; {sum(kinds.values())} problems" + "".join(f"; {k}: {n}" for k, n in kinds.most_common()))
    return 1 if kinds else 0


if __name__ == "__main__":
    raise SystemExit(main())
