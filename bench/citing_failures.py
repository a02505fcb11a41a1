"""Print the citing groups (bench_brief.citing_trial_targets) whose brief is not both acceptable: each group's
statements, the intervention the labels name and the one the brief found, the brief's verdicts beside the acceptable
ones, and the brief's outcomes and adverse events. For reading the failing groups by cause (docs/BENCHMARKS.md,
issue 23, helper s37-citing); reading them makes any rule written from them in-sample for these groups.

With --causes, one line a failing group instead: its cause, the first of these that holds (issue 23, s39-citing):
"verdict given not acceptable" (a verdict other than insufficient_evidence that the labels do not accept), "no
intervention found", "intervention found, no statement about it reports a finding" (the statements naming it read
no result or harm of it), "intervention found, findings read but a verdict not acceptable", then a count by cause.

Usage: python bench/citing_failures.py [--data-dir ../shared/data] [--causes] [TARGET_ID ...]
   (ids: print those, failing or not)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import citing_trial_targets  # noqa: E402

import summarizer.engines.extractive.engine as engine_module  # noqa: E402
from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.engines.extractive.target_profile import TargetProfile  # noqa: E402
from summarizer.engines.extractive.treatment_mention import name_anchors  # noqa: E402
from summarizer.evaluation.briefs import BriefTarget  # noqa: E402
from summarizer.models import Brief, Source, Statement, Target  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=Path(__file__).resolve().parents[1].parent / "shared" / "data",
                        type=Path)
    parser.add_argument("--causes", action="store_true", help="one line a failing group: its cause; then counts")
    parser.add_argument("--ceiling", action="store_true",
                        help="each group as now, with the labelled intervention named, and with every statement "
                        "attributed to it; then totals")
    parser.add_argument("targets", nargs="*", help="print these groups (by id), failing or not")
    args = parser.parse_args(argv)
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.is_file():
        print(f"citing_failures: no {path}", file=sys.stderr)
        return 2
    wanted = set(args.targets)
    engine = ExtractiveEngine()
    if args.ceiling:
        targets = [t for t in citing_trial_targets(path) if not wanted or t.target_id in wanted]
        return print_ceiling(targets, engine)
    failing = 0
    causes: dict[str, int] = {}
    for target in citing_trial_targets(path):
        if wanted and target.target_id not in wanted:
            continue
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        brief = summarize(statements, engine=engine)
        safety_ok = brief.safety.assessment in target.safety_ok
        efficacy_ok = brief.efficacy.assessment in target.efficacy_ok
        if safety_ok and efficacy_ok and not wanted:
            continue
        failing += not (safety_ok and efficacy_ok)
        found = brief.target.intervention.name if brief.target.intervention else None
        if args.causes:
            cause = failure_cause(brief, target.safety_ok, target.efficacy_ok)
            causes[cause] = causes.get(cause, 0) + 1
            print(f"{target.target_id} | {target.intervention} | found: {found} | {cause}")
            continue
        print(f"===== {target.target_id} | labelled: {target.intervention} | found: {found}")
        print(f"  safety {brief.safety.assessment} ({'ok' if safety_ok else 'NOT acceptable'}; acceptable: "
              f"{', '.join(sorted(target.safety_ok))}) | efficacy {brief.efficacy.assessment} "
              f"({'ok' if efficacy_ok else 'NOT acceptable'}; acceptable: {', '.join(sorted(target.efficacy_ok))})")
        for index, (_, text) in enumerate(target.statements, start=1):
            print(f"  S{index}: {' '.join(text.split())}")
        for outcome in brief.efficacy.outcomes:
            print(f"    outcome: {outcome.claim}")
        for event in brief.safety.adverse_events:
            print(f"    adverse event: {event.name}")
    for cause, count in sorted(causes.items(), key=lambda item: -item[1]):
        print(f"  {count:3d}  {cause}")
    print(f"{failing} groups not both acceptable")
    return 0


def _acceptable(brief: Brief, target: BriefTarget) -> tuple[bool, int]:
    """Whether both verdicts are acceptable, and how many verdicts other than insufficient_evidence are not."""
    given = [(brief.safety.assessment, target.safety_ok), (brief.efficacy.assessment, target.efficacy_ok)]
    wrong = sum(verdict != "insufficient_evidence" and verdict not in ok for verdict, ok in given)
    return all(verdict in ok for verdict, ok in given), wrong


def _statements(target: BriefTarget) -> list[Statement]:
    return [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]


def _labelled_name(target: BriefTarget) -> str:
    return (target.intervention or "").split(" / ")[0]


@contextmanager
def _every_statement_attributed(name: Callable[[], str]) -> Iterator[list[int]]:
    """The engine's profile replaced by one that keeps the profile's intervention (or, where it found none, takes
    the name `name` gives) and counts every sentence of every statement as about it. Yields a list that grows by one
    a call, so the caller can tell whether the replacement was used (compiled modules call the original)."""
    original = engine_module.profile_target
    calls: list[int] = []

    def attributing_all(target: Target, readings: Any, *args: Any, **kwargs: Any) -> TargetProfile:
        calls.append(1)
        profile = original(target, readings, *args, **kwargs)
        chosen = profile.name or name()
        every = {index: frozenset(range(reading.treatment.sentences or 64)) for index, reading in enumerate(readings)}
        anchors = profile.anchors or frozenset(name_anchors(chosen))
        return dataclasses.replace(
            profile, name=chosen, anchors=anchors, statements=tuple(range(len(readings))), sentences=every
        )

    engine_module.profile_target = attributing_all
    try:
        yield calls
    finally:
        engine_module.profile_target = original


def print_ceiling(targets: list[BriefTarget], engine: ExtractiveEngine) -> int:
    """Print each group's acceptability as now, with the labelled intervention named (a title), and with every
    statement attributed to the intervention; then the totals and the verdicts given that are not acceptable."""
    totals = {"now": [0, 0], "named": [0, 0], "all attributed": [0, 0]}
    current = [""]
    with _every_statement_attributed(lambda: current[0]) as calls:
        attributed = []
        for target in targets:
            current[0] = _labelled_name(target)
            attributed.append(_acceptable(summarize(_statements(target), engine=engine), target))
        if not calls:
            print("citing_failures: --ceiling needs the interpreted sources (SUMMARIZER_INTERPRETED=1)",
                  file=sys.stderr)
            return 2
    for target, under_all in zip(targets, attributed, strict=True):
        now = _acceptable(summarize(_statements(target), engine=engine), target)
        title = Target(title=f"A randomised trial of {_labelled_name(target)}")
        named = _acceptable(summarize(Source(format="text", target=title, statements=_statements(target)),
                                      engine=engine), target)
        for key, (ok, wrong) in (("now", now), ("named", named), ("all attributed", under_all)):
            totals[key][0] += int(ok)
            totals[key][1] += wrong
        marks = " ".join("ok" if ok else "--" for ok, _ in (now, named, under_all))
        print(f"{target.target_id} | now, named, all attributed: {marks} | {target.intervention}")
    for key, (acceptable, wrong) in totals.items():
        print(f"  {key:15s} {acceptable:3d}/{len(targets)} both acceptable, {wrong} verdicts given not acceptable")
    return 0


def failure_cause(brief: Brief, safety_ok: frozenset[str], efficacy_ok: frozenset[str]) -> str:
    """Why a group's brief is not both acceptable: the first cause of the module's list that holds."""
    given = [(brief.safety.assessment, safety_ok), (brief.efficacy.assessment, efficacy_ok)]
    if any(verdict != "insufficient_evidence" and verdict not in ok for verdict, ok in given):
        return "verdict given not acceptable"
    if brief.target.intervention is None:
        return "no intervention found"
    if not (brief.efficacy.outcomes or brief.safety.adverse_events or brief.safety.findings):
        return "intervention found, no statement about it reports a finding"
    return "intervention found, findings read but a verdict not acceptable"


if __name__ == "__main__":
    raise SystemExit(main())
