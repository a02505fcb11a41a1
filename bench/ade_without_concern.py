"""List the ADE case reports whose brief reports no concern, from a bench_brief.py --json report.

Usage: python bench/ade_without_concern.py REPORT.json [BASE.json]

Each case report (bench_brief's `ade` pseudo-targets: every one should have concerns_reported or mixed) whose safety
verdict is not acceptable is printed with its verdict, the labelled drug and the brief's intervention; with BASE,
the reports that gained or lost a concern against it are listed too. Nothing is scored here: the reader reads each
report's sentences to see why (bench/read_trial_briefs.py reads the trial reports; the sentences are in
ade/dev.jsonl).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def without_concern(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The ade targets of a bench_brief report whose safety verdict is not one of their acceptable ones."""
    return [t for t in report["ade"]["targets"] if t["safety"] not in t["safety_ok"]]


def _line(target: dict[str, Any]) -> str:
    labelled, found = target["gold_intervention"], target["intervention"]
    return f"{target['target']}  {target['safety']}  labelled: {labelled}  brief: {found}"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    report = json.loads(Path(argv[0]).read_text())
    missing = without_concern(report)
    total = len(report["ade"]["targets"])
    print(f"{total - len(missing)}/{total} case reports with a concern; {len(missing)} without:")
    for target in missing:
        print("  " + _line(target))
    if len(argv) > 1:
        before = {t["target"] for t in without_concern(json.loads(Path(argv[1]).read_text()))}
        now = {t["target"] for t in missing}
        print(f"gained a concern: {sorted(before - now)}")
        print(f"lost a concern: {sorted(now - before)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
