"""Where a learned polarity could come from for the outcomes that leave a named trial without a verdict, measured.

Usage: python bench/polarity_sources.py [--data-dir ../shared/data] [--split train|heldout]

The trials of the split with a significant labelled result whose brief names an intervention and gives no efficacy
verdict (why_no_verdict.py) hold outcomes whose direction stays unclear: the rules of polarity.py and
measure_polarity.py, the shipped learned polarity and the target's own statements (target_polarity.py) say nothing of
their good direction. For each outcome name of those (its "unclear" reason), this says how many three further
sources could answer, and how precise each is where it can be checked:

(a) the direct distant labels of Evidence Inference's TRAIN papers (summarizer.training.polarity: the evidence
    sentence of a significant result says it was better or worse), matched by the outcome's core
    (target_polarity.measure_core) or by its last word; never the trial's own paper (leave one paper out). Precision:
    each train direct label against the labels of the other papers with the same core or last word.
(b) the frames of target_polarity.py (what one prevents, relieves or is at risk of is bad; what is impaired,
    restored, achieved is good; a scale's definition) read over the EBM-NLP abstracts (ebm_nlp/interventions.jsonl
    and the documents of ebm_nlp/dev.jsonl: trial abstracts, not Evidence Inference's papers) as if they were one
    target's statements, a core answered only where no abstract disagrees. Precision: its answers on the train
    outcome names of Evidence Inference against the rules, where the rules decide.
(c) a short form in the name defined in the trial's own statements ("CR" after "complete response (CR)"), whose long
    form the rules may decide.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import evidence_inference_targets, papers_of, significant_trials  # noqa: E402
from why_no_verdict import trial_reasons  # noqa: E402

from summarizer.engines.extractive import load_resources  # noqa: E402
from summarizer.engines.extractive.abbreviations import definitions_in, short_key  # noqa: E402
from summarizer.engines.extractive.learned_results import LearnedResults  # noqa: E402
from summarizer.engines.extractive.pico import load_pico_tagger  # noqa: E402
from summarizer.engines.extractive.polarity import rule_higher_is_better  # noqa: E402
from summarizer.engines.extractive.target_polarity import TargetPolarity, measure_core  # noqa: E402
from summarizer.evaluation import is_heldout  # noqa: E402
from summarizer.training.polarity import Example, distant_examples, read_rows  # noqa: E402

_QUOTED_NAME = re.compile(r"^'(?P<name>.*)' \S+/unclear \|\| ")
_SENTENCES = re.compile(r"(?<=[.;])\s+")
_SHORT_FORM = re.compile(r"\b[A-Za-z][\w\-]*[A-Z][\w\-]*\b|\b[A-Z][\w\-]*\b")


def unclear_names(path: Path, split: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each trial without a verdict (why_no_verdict.py's), its unclear outcome names and its statements."""
    papers = papers_of(split)
    significant = significant_trials(path, papers)
    resources = load_resources()
    learned = LearnedResults(resources.efficacy, load_pico_tagger, resources.polarity) if resources.efficacy else None
    found: dict[str, tuple[list[str], list[str]]] = {}
    for target in evidence_inference_targets(path, papers):
        if target.target_id not in significant:
            continue
        texts = [text for _, text in target.statements]
        name, verdict, reasons = trial_reasons(texts, resources, learned)
        if name is None or verdict != "insufficient_evidence":
            continue
        names = []
        for _, why, read in reasons:
            match = _QUOTED_NAME.match(read)
            if "unclear" in why and match is not None:
                names.append(match.group("name"))
        found[target.target_id] = (sorted(set(names)), texts)
    return found


def _head(name: str) -> str:
    words = measure_core(name).split()
    return words[-1] if words else ""


def _answer(examples: Iterable[Example], paper: str) -> bool | None:
    """The polarity the other papers' direct labels give, when at least three quarters of them agree."""
    votes = Counter(e.higher_is_better for e in examples if e.document != paper)
    if not votes:
        return None
    side, most = votes.most_common(1)[0]
    return side if most * 4 >= 3 * sum(votes.values()) else None


def direct_labels(rows: Sequence[dict[str, str]], trials: dict[str, tuple[list[str], list[str]]]) -> dict[str, object]:
    """Source (a): coverage on the unclear names and leave-one-paper-out precision on the train direct labels."""
    direct = [e for e in distant_examples([r for r in rows if not is_heldout(r["pmcid"])]) if e.direct]
    report: dict[str, object] = {"train_direct_labels": len(direct)}
    for key_name, key in (("core", measure_core), ("last word", _head)):
        index: dict[str, list[Example]] = defaultdict(list)
        for example in direct:
            index[key(example.outcome)].append(example)
        answered = [
            (trial, name) for trial, (names, _) in trials.items() for name in names
            if key(name) and _answer(index.get(key(name), ()), trial.removeprefix("ei-")) is not None
        ]
        checked: Counter[str] = Counter()
        for example in direct:
            answer = _answer(index.get(key(example.outcome), ()), example.document)
            if answer is not None:
                where = "rules decide" if rule_higher_is_better(example.outcome) is not None else "rules unclear"
                checked[f"{where}: {'right' if answer == example.higher_is_better else 'wrong'}"] += 1
        report[f"by {key_name}"] = {"unclear names answered": answered, "train direct labels": dict(checked)}
    return report


def _ebm_abstracts(data_dir: Path) -> list[str]:
    folder = data_dir / "ebm_nlp"
    texts = [" ".join(json.loads(line)["tokens"]) for line in _lines(folder / "interventions.jsonl")]
    documents: dict[str, list[str]] = defaultdict(list)
    for line in _lines(folder / "dev.jsonl"):
        row = json.loads(line)
        documents[row["doc"]].append(" ".join(row["tokens"]))
    return texts + [" ".join(sentences) for sentences in documents.values()]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def abstract_frames(
    data_dir: Path, rows: Sequence[dict[str, str]], trials: dict[str, tuple[list[str], list[str]]]
) -> dict[str, object]:
    """Source (b): the target_polarity frames over the EBM-NLP abstracts."""
    abstracts = _ebm_abstracts(data_dir)
    polarity = TargetPolarity([s for text in abstracts for s in _SENTENCES.split(text)])
    answered = {
        name: polarity.higher_is_better(name) for names, _ in trials.values() for name in names
    }
    agreement: Counter[str] = Counter()
    for outcome in {r["outcome"] for r in rows if not is_heldout(r["pmcid"])}:
        answer, rule = polarity.higher_is_better(outcome), rule_higher_is_better(outcome)
        if answer is None:
            continue
        agreed = "agree" if answer == rule else "disagree"
        agreement["rules unclear" if rule is None else f"rules decide: {agreed}"] += 1
    return {
        "abstracts": len(abstracts),
        "unclear names answered": {name: side for name, side in answered.items() if side is not None},
        "train outcome names answered": dict(agreement),
    }


def short_forms(trials: dict[str, tuple[list[str], list[str]]], decide: Callable[[str], bool | None]) -> list[str]:
    """Source (c): the unclear names holding a short form the trial's statements define, with the long form's rule."""
    found = []
    for trial, (names, texts) in trials.items():
        definitions = definitions_in(texts)
        for name in names:
            for short in _SHORT_FORM.findall(name):
                long = definitions.get(short_key(short))
                if long is not None:
                    expanded = re.sub(rf"\b{re.escape(short)}\b", long, name)
                    found.append(f"{trial} {name!r} -> {expanded!r}: {decide(expanded)}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("heldout", "train"), default="train")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    rows = read_rows(path)
    trials = unclear_names(path, args.split)
    names = sum(len(names) for names, _ in trials.values())
    print(f"{len(trials)} trials without a verdict, {sum(bool(n) for n, _ in trials.values())} with unclear "
          f"outcomes, {names} unclear names")
    print("(a) direct labels:", json.dumps(direct_labels(rows, trials), indent=1, ensure_ascii=False))
    frames = abstract_frames(args.data_dir, rows, trials)
    print("(b) abstract frames:", json.dumps(frames, indent=1, ensure_ascii=False))
    defined = short_forms(trials, rule_higher_is_better)
    print(f"(c) short forms defined in the trial's statements: {len(defined)}")
    for line in defined:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
