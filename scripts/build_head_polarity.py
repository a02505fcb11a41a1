"""Measure (and optionally write) an outcome polarity per head word, learned from the TRAIN split of Evidence Inference.

Usage: python scripts/build_head_polarity.py [--data-dir ../shared/data] [--min-papers 3] [--agreement 0.8]
                                             [--direct-only] [--out FILE]

Reads DATA_DIR/evidence_inference/dev.jsonl. The table is learned from the rows of train documents only
(summarizer.evaluation.is_heldout(pmcid) is False): each significant result's distant label of whether more of its
outcome is better (summarizer.training.polarity.distant_examples: the evidence sentence's own evaluative word,
"improved", "better", "worsened", "deteriorated", ...; with --direct-only nothing else; without it also the
trial's sibling results and the control-arm prior), one vote per paper and head word (the outcome name's last
content word); a head gets a polarity when at least --min-papers distinct papers vote and at least --agreement of
them agree.

Printed: the heads learned; on TRAIN, leave-one-paper-out precision (each paper's vote on a head against the table
learned without that paper) over all votes and over the votes of outcomes whose polarity polarity.py's rules leave
unclear; on the held-out documents (read for the check only, never learned from): agreement with the rules where
they are decisive, with the direct labels, and how many outcome names the rules leave unclear the table answers.
The measured figures (docs/BENCHMARKS.md, "s41-polarity") did not make a table worth shipping: nothing is written
unless --out is given, and the engine reads no such file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS, tokens
from summarizer.errors import InputError
from summarizer.evaluation import is_heldout
from summarizer.training.polarity import CORPUS, Example, distant_examples, read_rows


def head_word(outcome: str) -> str | None:
    """The outcome name's last content word (its head in most names)."""
    words = [w for w in tokens(outcome.lower()) if w[0].isalpha() and w not in FUNCTION_WORDS]
    return words[-1] if words else None


def paper_votes(examples: Sequence[Example]) -> dict[str, dict[str, bool]]:
    """Per head word, each paper's vote (True: higher is better), its examples' weights added up; ties dropped."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for ex in examples:
        head = head_word(ex.outcome)
        if head is not None:
            sums[head][ex.document] += ex.weight if ex.higher_is_better else -ex.weight
    return {h: {d: s > 0 for d, s in papers.items() if s} for h, papers in sums.items()}


def learn(votes: dict[str, dict[str, bool]], min_papers: int, agreement: float,
          without: str | None = None) -> dict[str, bool]:
    """The heads whose papers (all but `without`) agree enough, with their polarity."""
    table = {}
    for head, papers in votes.items():
        said = [v for d, v in papers.items() if d != without]
        if len(said) < min_papers:
            continue
        higher = sum(said)
        if max(higher, len(said) - higher) / len(said) >= agreement:
            table[head] = higher * 2 > len(said)
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--min-papers", type=int, default=3)
    parser.add_argument("--agreement", type=float, default=0.8)
    parser.add_argument("--direct-only", action="store_true", help="only the evidence sentences' evaluative words")
    parser.add_argument("--out", type=Path, help="write the table here (JSON); nothing is written without it")
    args = parser.parse_args(argv)
    if args.min_papers < 1 or not 0.5 <= args.agreement <= 1.0:
        parser.error("--min-papers must be >= 1 and --agreement between 0.5 and 1")
    try:
        rows = read_rows(args.data_dir / CORPUS / "dev.jsonl")
    except InputError as exc:
        print(f"build_head_polarity: {exc}", file=sys.stderr)
        return 2
    train = [r for r in rows if not is_heldout(r["pmcid"])]
    heldout = [r for r in rows if is_heldout(r["pmcid"])]
    examples = [ex for ex in distant_examples(train) if ex.direct or not args.direct_only]
    votes = paper_votes(examples)
    table = learn(votes, args.min_papers, args.agreement)
    print(f"train: {len(examples)} examples, {len(votes)} head words voted on, {len(table)} learned")
    print("  " + ", ".join(f"{h} ({'higher' if v else 'lower'}, {len(votes[h])} papers)" for h, v in
                           sorted(table.items())))
    unclear_heads = {head_word(ex.outcome) for ex in examples if rule_higher_is_better(ex.outcome) is None}
    right = wrong = unclear_right = unclear_wrong = 0
    for head, papers in votes.items():
        for paper, vote in papers.items():
            learned = learn({head: papers}, args.min_papers, args.agreement, without=paper).get(head)
            if learned is None:
                continue
            right, wrong = right + (learned == vote), wrong + (learned != vote)
            if head in unclear_heads:
                unclear_right, unclear_wrong = unclear_right + (learned == vote), unclear_wrong + (learned != vote)
    print(f"train, leave one paper out: {right} right / {wrong} wrong; heads of names the rules leave unclear: "
          f"{unclear_right} / {unclear_wrong}")
    rules_agree = rules_differ = unclear = answered = 0
    for outcome in {(r["pmcid"], " ".join(r["outcome"].lower().split())) for r in heldout}:
        rule, learned = rule_higher_is_better(outcome[1]), table.get(head_word(outcome[1]) or "")
        if rule is None:
            unclear, answered = unclear + 1, answered + (learned is not None)
        elif learned is not None:
            rules_agree, rules_differ = rules_agree + (learned == rule), rules_differ + (learned != rule)
    direct = [(table.get(head_word(ex.outcome) or ""), ex.higher_is_better) for ex in distant_examples(heldout)
              if ex.direct]
    print(f"held out (checked, never learned from): against the rules where decisive {rules_agree} agree / "
          f"{rules_differ} differ; against direct labels {sum(a == b for a, b in direct if a is not None)} / "
          f"{sum(a != b for a, b in direct if a is not None)}; names the rules leave unclear: {unclear}, "
          f"answered {answered}")
    if args.out is not None:
        args.out.write_text(json.dumps({"source": f"the TRAIN part of {CORPUS}/dev.jsonl", "min_papers":
                                        args.min_papers, "agreement": args.agreement, "heads": table}, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
