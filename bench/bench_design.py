"""Agreement of the study design the brief reads (summarizer/design.py) with the reviewer's kind of each dev target.

Run: python bench/bench_design.py [--data-dir ../shared/data] [--show] [--time 20000] [--case-reports]

Reads brief_targets/statements.jsonl (the citation statements of each target) and brief_targets/targets.jsonl (the
reviewer's `kind` of each target), reads each target's design from its statements as the pipeline does, and prints
the confusion of our design against the reviewer's kind, and the agreement under this mapping:

    clinical_trial -> randomised_trial or non_randomised_trial
    observational_clinical -> observational
    preclinical_intervention -> animal or in_vitro
    review -> review
    any other kind -> other or null

It also prints a second, lenient agreement that reads the reviewer's `population` too: a target of another kind
(basic_science, epidemiology, ...) whose population is "animals" or "mixed" agrees when read as animal or in_vitro,
one whose population is "cells" or "mixed" when read as in_vitro: many basic-science targets are experiments in
animals or cells, a design the strict mapping counts as a disagreement.

--case-reports also reads the design of each case report in ade/dev.jsonl from its sentences joined as the target's
abstract (no statements): a check of the abstract path on papers the cues were never looked at against.

--time N also times read_design alone on the N real sentences bench_throughput.py briefs (best of 5).

The inputs have no titles or abstracts, so the design rests on the statements alone. These are the dev targets the
cues were looked at against: the figures are in-sample.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from summarizer.design import DESIGNS, read_design
from summarizer.models import Statement, Target
from summarizer.pipeline import normalise

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
AGREES: dict[str, tuple[str | None, ...]] = {
    "clinical_trial": ("randomised_trial", "non_randomised_trial"),
    "observational_clinical": ("observational",),
    "preclinical_intervention": ("animal", "in_vitro"),
    "review": ("review",),
}
OTHERWISE: tuple[str | None, ...] = ("other", None)
LENIENT: dict[str, tuple[str, ...]] = {
    "animals": ("animal", "in_vitro"),
    "mixed": ("animal", "in_vitro"),
    "cells": ("in_vitro",),
}


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        sys.exit(f"bench_design: missing {path} (point --data-dir at ../shared/data)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="the shared data (default ../shared/data)")
    parser.add_argument("--show", action="store_true", help="list each target's kind, design and support")
    parser.add_argument("--case-reports", action="store_true", help="the abstract path on the ade case reports")
    parser.add_argument("--time", type=int, metavar="N", help="time read_design on N real sentences (best of 5)")
    args = parser.parse_args()
    folder = args.data_dir / "brief_targets"
    targets = _rows(folder / "targets.jsonl")
    kinds = {int(str(row["target_index"])): str(row["kind"]) for row in targets}
    populations = {int(str(row["target_index"])): str(row.get("population")) for row in targets}
    texts: dict[int, list[str]] = defaultdict(list)
    for row in _rows(folder / "statements.jsonl"):
        texts[int(str(row["target"]))].append(str(row["text"]))
    confusion: Counter[tuple[str, str]] = Counter()
    agree = lenient = 0
    seconds = 0.0
    for index, kind in sorted(kinds.items()):
        statements = normalise([Statement(id="S1", text=text) for text in texts.get(index, [])])
        start = time.perf_counter()
        reading = read_design(Target(), statements)
        seconds += time.perf_counter() - start
        design = reading.design
        confusion[(kind, design or "null")] += 1
        agree += design in AGREES.get(kind, OTHERWISE)
        lenient += design in AGREES.get(kind, OTHERWISE) or (
            kind not in AGREES and design in LENIENT.get(populations[index], ())
        )
        if args.show:
            support = ", ".join(f"{name} {value:.2f}" for name, value in sorted(reading.support.items()))
            print(f"target {index:3d} {kind:25s} -> {design or 'null':21s} {support}")
    columns = [*DESIGNS, "null"]
    rows = sorted({kind for kind, _ in confusion})
    print(f"{len(kinds)} dev targets, {sum(len(t) for t in texts.values())} statements (in-sample)")
    print("| reviewer's kind | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for kind in rows:
        print(f"| {kind} | " + " | ".join(str(confusion[(kind, c)] or "") for c in columns) + " |")
    print(f"agreement under the mapping: {agree} of {len(kinds)} ({agree / len(kinds):.0%})")
    print(f"lenient agreement (the population too, see above): {lenient} of {len(kinds)} ({lenient / len(kinds):.0%})")
    decided = sum(n for (_, design), n in confusion.items() if design != "null")
    right = sum(
        n for (kind, design), n in confusion.items() if design != "null" and design in AGREES.get(kind, OTHERWISE)
    )
    print(f"a design given for {decided} targets, {right} of them agreeing with the reviewer's kind")
    print(f"read_design time: {seconds * 1000:.1f} ms for all targets")
    if args.case_reports:
        papers: dict[str, dict[str, None]] = defaultdict(dict)
        for row in _rows(args.data_dir / "ade" / "dev.jsonl"):
            papers[str(row["pmid"])][str(row["text"])] = None
        designs = Counter(
            read_design(Target(abstract=" ".join(texts)), []).design or "null" for texts in papers.values()
        )
        shown = ", ".join(f"{design} {n} ({n / len(papers):.0%})" for design, n in designs.most_common())
        print(f"ade case reports, their sentences as the abstract: {len(papers)} papers: {shown}")
    if args.time:
        from bench_throughput import real_statements

        many = [
            Statement(id=f"S{i}", text=text) for i, (text, _) in enumerate(real_statements(args.data_dir, args.time), 1)
        ]
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            reading = read_design(Target(), many)
            best = min(best, time.perf_counter() - start)
        print(f"read_design on {args.time} real sentences: best {best * 1000:.0f} ms ({reading.design or 'null'})")


if __name__ == "__main__":
    main()
