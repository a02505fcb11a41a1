"""CPU time of the extractive reading over every clinical_citation_stance statement: the best of three passes, after a
warm-up. Run it from two checkouts in turn (PYTHONPATH set to each) to compare a rule change's cost:

    PYTHONPATH=. python bench/bench_annotate_cpu.py --data-dir ../shared/data --label branch [--stage brief]

--stage annotate (the default) times the sentence reading (`annotate`) of each statement. --stage brief times the
whole extractive brief of each group of statements that cite one work from one paper (pmcid and citation marker, as
the citing groups of bench_brief.py are formed): the reading and what runs once per target (the target profile, its
abbreviations and learned names, the statements that refer back to the cited work, the verdicts). One-rule cost
scripts (bench_referring_back_cost.py, bench_clinical_context_cost.py) were folded into this A/B; their figures are
in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from summarizer.engines.extractive import ExtractiveEngine, annotate, load_resources
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _groups(rows: list[dict[str, str]]) -> list[list[Statement]]:
    """The statements of each (pmcid, citation marker), as one target each."""
    grouped: dict[tuple[str, str], list[Statement]] = {}
    for row in rows:
        key = (row.get("pmcid", ""), row.get("citation_marker", ""))
        group = grouped.setdefault(key, [])
        group.append(Statement(id=f"S{len(group) + 1}", text=row["text"]))
    return list(grouped.values())


def _best_cpu(run: Callable[[], object], passes: int) -> float:
    best = float("inf")
    for _ in range(max(1, passes)):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="this checkout")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--stage", choices=("annotate", "brief"), default="annotate")
    args = parser.parse_args(argv)
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.is_file():
        print(f"bench_annotate_cpu: no {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    texts = [row["text"] for row in rows]
    if args.stage == "annotate":
        res = load_resources()
        for text in texts[:200]:
            annotate(text, resources_=res)
        best = _best_cpu(lambda: [annotate(text, resources_=res) for text in texts], args.passes)
        unit = f"{len(texts)} statements"
    else:
        engine = ExtractiveEngine()
        groups = _groups(rows)
        for group in groups[:20]:
            summarize(group, engine=engine)
        best = _best_cpu(lambda: [summarize(group, engine=engine) for group in groups], args.passes)
        unit = f"{len(texts)} statements in {len(groups)} targets"
    print(f"{args.label} ({args.stage}): {best:.3f} s CPU for {unit}, {best / len(texts) * 1e6:.0f} us a statement")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
