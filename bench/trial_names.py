"""How the names the extractive profile gives the Evidence Inference trial pseudo-targets compare with their labels.

Usage: python bench/trial_names.py [--data-dir ../shared/data] [--split heldout|train] [--list] [--why]

Each trial pseudo-target (bench_brief.evidence_inference_targets) is profiled from its statements alone, as the
benchmark does, and the name it gets is counted as the labelled intervention (`intervention_named`), as one of the
labelled comparators, as another name, or none. `--list` prints each trial's name and its class. A name counted
"comparator" or "other" is not necessarily wrong (labels name one arm of several, or spell it out: "ACG" for "advanced
care group (ACG)" is "other"): read them.

`--why` prints, for each trial not named as labelled, where the labelled name stood in the profile's last choice
among the tallied names (target_profile._chosen_anchor, watched while the profile runs): `absent` (no tallied name is
one of the labelled names), or for each tallied anchor whose names match the label, why it was not chosen:
`excluded` (a condition, the control arm's, what every arm had, ...), `always-ref` (every statement names it only as
what another arm is compared against), `unattributed` (too few statements attribute it a result), `unframed` (too few
name it as given), or, eligible, `less-attributed`, `fewer-mentions` or `tie-lost` against the name chosen; and
whether the trial's text holds the labelled name (`in-text`, bench_brief.named_in_text: the trials the "named as
labelled" measure can reach). Then the count of each cause, of all trials and of the in-text ones.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_brief  # noqa: E402

from summarizer.engines.extractive import annotate, load_resources  # noqa: E402
from summarizer.engines.extractive import target_profile as profile_module  # noqa: E402
from summarizer.engines.extractive.pico import load_pico_tagger  # noqa: E402
from summarizer.engines.extractive.target_profile import profile_target  # noqa: E402
from summarizer.evaluation.briefs import intervention_named  # noqa: E402
from summarizer.models import Target  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--list", action="store_true", help="print each trial's name and its class")
    parser.add_argument("--why", action="store_true", help="print why each trial's labelled name was not chosen")
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
    choices = _watch_choices() if args.why else []
    counts: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    held: Counter[str] = Counter()  # the causes in the trials whose text holds the labelled name
    targets = bench_brief.evidence_inference_targets(path, papers)
    in_text = bench_brief.named_in_text(targets)
    for target in targets:
        texts = [" ".join(text.split()) for _, text in target.statements]
        readings = [annotate(text, resources_=res) for text in texts]
        choices.clear()
        name = profile_target(Target(), readings, res, texts=texts, pico=lambda: pico).name
        if name is None:
            kind = "none"
        elif intervention_named(target.intervention or "", name):
            kind = "intervention"
        elif any(intervention_named(c, name) for c in comparators[target.target_id]):
            kind = "comparator"
        else:
            kind = "other"
        counts[kind] += 1
        if args.list:
            print(f"{target.target_id}\t{kind}\t{name}")
        if args.why and kind != "intervention":
            why = _why_not(target.intervention or "", choices)
            found = {cause.split(":")[1] for cause in why} if why != ["absent"] else set(why)
            causes.update(found)
            held.update(found if target.target_id in in_text else ())
            where = "in-text" if target.target_id in in_text else "not-in-text"
            print(f"{target.target_id}\t{kind}\t{name}\t{where}\t{', '.join(why)}")
    if args.why:
        print("causes (trials): " + ", ".join(f"{cause} {n}" for cause, n in causes.most_common()))
        print("causes (trials whose text holds the label): " + ", ".join(f"{c} {n}" for c, n in held.most_common()))
    print(f"{args.split}: " + ", ".join(f"{k} {counts[k]}" for k in ("intervention", "comparator", "other", "none")))
    return 0


def _watch_choices() -> list[tuple[Any, ...]]:
    """Each call of target_profile._chosen_anchor from now on, with its arguments and its choice, in a list that the
    caller clears before each profile."""
    choices: list[tuple[Any, ...]] = []
    chosen: Callable[..., str | None] = profile_module._chosen_anchor

    def watched(by_anchor: Any, statements: int, rules: Any, needed: Any = None, tested: bool = False,
                listed: Any = frozenset(), excluded: Any = frozenset(), texts: Any = ()) -> str | None:
        anchor = chosen(by_anchor, statements, rules, needed, tested, listed, excluded, texts)
        choices.append((by_anchor, statements, rules, needed, tested, listed, excluded, anchor))
        return anchor

    profile_module._chosen_anchor = watched
    return choices


def _why_not(label: str, choices: list[tuple[Any, ...]]) -> list[str]:
    """Where the labelled name's anchors stood in the last choice that tallied them (see the module's docstring)."""
    for by_anchor, statements, rules, needed, tested, listed, excluded, anchor in reversed(choices):
        labelled = [a for a, tally in by_anchor.items() if any(intervention_named(label, n) for n in tally.names)]
        if not labelled:
            continue
        least = profile_module.min_attributed(statements, rules)
        needed = least if needed is None else needed
        reasons = []
        for a in labelled:
            tally = by_anchor[a]
            why = []
            if a in excluded:
                why.append("excluded")
            if tally.reference >= tally.mentions:
                why.append("always-ref")
            if not (tally.attributed >= (least if a in listed else needed) or (tested and tally.tested >= least)):
                why.append("unattributed")
            if not (tally.therapy >= rules.min_framed and tally.exposure < tally.therapy):
                why.append("unframed")
            if not why:
                won = by_anchor.get(anchor) if anchor else None
                if won is None:
                    why.append("not-chosen")
                elif tally.attributed < won.attributed:
                    why.append("less-attributed")
                elif tally.mentions < won.mentions:
                    why.append("fewer-mentions")
                else:
                    why.append("tie-lost")
            reasons.append(f"{a}:{'+'.join(why)}")
        return reasons
    return ["absent"]


if __name__ == "__main__":
    raise SystemExit(main())
