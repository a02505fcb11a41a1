"""The learned outcome polarity on the held-out documents of Evidence Inference (never trained on).

Usage: python bench/bench_polarity.py [--data-dir ../shared/data] [--json]
                                      [--model summarizer/engines/extractive/data/outcome_polarity.json]

The model (scripts/train_polarity.py) learned from the train documents only, and its threshold was chosen by
cross-validation over them. Here, on the outcomes of the held-out documents (summarizer.evaluation.is_heldout):
(i) against the rules of polarity.py where they are decisive: accuracy and coverage of the model alone;
(ii) against the distant labels of the held-out rows (summarizer.training.polarity.distant_examples): the direct
     labels (the evidence sentence says which way was better), and the others (a sibling result or the prior), for
     all of them and for the outcomes the rules leave unclear (where the engine uses the model);
each at the shipped threshold and over a range of thresholds. Coverage: the share of outcomes the model answers.
(iii) the polarity read from the target's own statements (target_polarity.py), with each document's evidence
     sentences as the target's statements (as bench_brief.py builds its trial pseudo-targets), against the same
     checks: accuracy and coverage where it answers, and the answers themselves where the rules are unclear.
--train: the same on the train documents (for developing rules; never reported as held out).
--harms: also, of the outcome names the rules leave unclear, how many hold a harm name of the TRAIN case reports of
     ade/dev.jsonl (summarizer.training.polarity_ade.harm_names) as whole words, and how many its head word: the most
     that harms named in case reports could decide (scripts/train_polarity.py --harms).
--rules: instead, the precision of the rules of polarity.py (rule_higher_is_better, with the shipped harm words of
     data/harm_words.json) against the direct distant labels (the evidence sentence says which way was better) and
     against bench_brief.labelled_direction, before and after the rule of how often a harm happens
     (harm_measures.py), with every outcome name that rule decides and the labels of its rows, and every outcome
     the engine reads in the evidence sentences (annotate) whose direction only that rule gives.
--measures: instead, every outcome name that a class of measure_polarity.py decides (lung, kidney and sight function,
     muscle performance, stored fat, plaque, heart-injury markers), with the rows' labels and the distant labels, and
     the classes' precision against the direct distant labels.
--speed N: instead, the CPU seconds of one extractive brief of bench_throughput.py's N statements (the parent and its
     workers), of its efficacy section alone, where the target's polarity is read, and of the rule of how often a
     harm happens (its calls in this process) (run it on two commits in turn; a copy of this file runs in a
     checkout of a commit that has none).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.polarity import LearnedPolarity, polarity_features, rule_higher_is_better
from summarizer.engines.extractive.resources import DATA_DIR, POLARITY_FILE
from summarizer.errors import InputError
from summarizer.evaluation import is_heldout
from summarizer.training.polarity import CORPUS, distant_examples, read_rows

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _score(model: LearnedPolarity, items: Sequence[tuple[str, bool]], threshold: float) -> dict[str, Any]:
    right = answered = 0
    for outcome, gold in items:
        p = model.model.probabilities(polarity_features(outcome))["higher_is_better"]
        if max(p, 1 - p) >= threshold:
            answered += 1
            right += (p >= 0.5) == gold
    return {"n": len(items), "answered": answered, "coverage": round(answered / max(len(items), 1), 4),
            "accuracy": round(right / answered, 4) if answered else None}


def _scores(model: LearnedPolarity, items: Sequence[tuple[str, bool]]) -> dict[str, Any]:
    return {"shipped": _score(model, items, model.min_probability),
            "by_threshold": {str(t): _score(model, items, t) for t in THRESHOLDS}}


def evaluate(rows: Sequence[dict[str, str]], model: LearnedPolarity) -> dict[str, Any]:
    """The figures of the model on these (held-out) rows."""
    rules: dict[tuple[str, str], tuple[str, bool]] = {}
    for row in rows:
        rule = rule_higher_is_better(row["outcome"])
        if rule is not None:
            rules.setdefault((row["pmcid"], " ".join(row["outcome"].lower().split())), (row["outcome"], rule))
    examples = distant_examples(rows)
    parts = {
        "rules_decisive": list(rules.values()),
        "distant_direct": [(e.outcome, e.higher_is_better) for e in examples if e.direct],
        "distant_other": [(e.outcome, e.higher_is_better) for e in examples if not e.direct],
        "rules_unclear_direct": [(e.outcome, e.higher_is_better) for e in examples
                                 if e.direct and rule_higher_is_better(e.outcome) is None],
        "rules_unclear_all": [(e.outcome, e.higher_is_better) for e in examples
                              if rule_higher_is_better(e.outcome) is None],
    }
    report: dict[str, Any] = {"documents": len({row["pmcid"] for row in rows}), "rows": len(rows),
                              "min_probability": model.min_probability,
                              **{name: _scores(model, items) for name, items in parts.items()}}
    report["target_polarity"] = _target_scores(rows, rules, examples)
    return report


def _target_scores(
    rows: Sequence[dict[str, str]], rules: dict[tuple[str, str], tuple[str, bool]], examples: Sequence[Any]
) -> dict[str, Any]:
    """The polarity read from each document's own evidence sentences, against the rules and the distant labels."""
    # imported here, so that --speed runs from a copy of this file in a checkout of a commit before the module
    from summarizer.engines.extractive.target_polarity import TargetPolarity

    texts: dict[str, list[str]] = {}
    for row in rows:
        texts.setdefault(row["pmcid"], [])
        if row["text"] not in texts[row["pmcid"]]:
            texts[row["pmcid"]].append(row["text"])
    readers = {document: TargetPolarity(document_texts) for document, document_texts in texts.items()}
    parts: dict[str, list[tuple[str, str, bool]]] = {
        "rules_decisive": [(document, outcome, gold) for (document, _), (outcome, gold) in rules.items()],
        "distant_direct": [(e.document, e.outcome, e.higher_is_better) for e in examples if e.direct],
        "distant_other": [(e.document, e.outcome, e.higher_is_better) for e in examples if not e.direct],
        "rules_unclear_all": [(e.document, e.outcome, e.higher_is_better) for e in examples
                              if rule_higher_is_better(e.outcome) is None],
    }
    out: dict[str, Any] = {}
    for name, items in parts.items():
        answers = [(outcome, gold, readers[document].higher_is_better(outcome)) for document, outcome, gold in items]
        answered = [(outcome, gold, said) for outcome, gold, said in answers if said is not None]
        right = sum(gold == said for _, gold, said in answered)
        out[name] = {"n": len(items), "answered": len(answered),
                     "coverage": round(len(answered) / max(len(items), 1), 4),
                     "accuracy": round(right / len(answered), 4) if answered else None,
                     "answers": [{"outcome": o, "label": g, "read": s} for o, g, s in answered]}
    unclear_names = sorted({(document, " ".join(row["outcome"].split())) for row in rows
                            for document in [row["pmcid"]] if rule_higher_is_better(row["outcome"]) is None})
    read = [(outcome, said) for document, outcome in unclear_names
            if (said := readers[document].higher_is_better(outcome)) is not None]
    out["rules_unclear_outcomes"] = {"n": len(unclear_names), "answered": len(read),
                                     "answers": [{"outcome": o, "read": s} for o, s in read]}
    return out


def harm_name_coverage(rows: Sequence[dict[str, str]], data_dir: Path) -> dict[str, Any]:
    """Of the distinct outcome names of these rows that the rules leave unclear, how many hold a harm name of the
    train case reports (whole words), and how many the head word of one."""
    from summarizer.engines.extractive.tokenise import tokens
    from summarizer.training.polarity_ade import harm_names, train_effect_rows

    harms = {name for _, name in harm_names(train_effect_rows(data_dir))}
    heads = {name.split()[-1] for name in harms}
    unclear = sorted({" ".join(row["outcome"].split()) for row in rows
                      if rule_higher_is_better(row["outcome"]) is None})
    by_name, by_head = [], []
    for outcome in unclear:
        words = tokens(outcome)
        padded = f" {' '.join(words)} "
        if any(f" {harm} " in padded for harm in harms):
            by_name.append(outcome)
        if any(word in heads for word in words):
            by_head.append(outcome)
    return {"unclear_names": len(unclear), "holding_a_harm_name": len(by_name), "holding_a_head_word": len(by_head),
            "examples_name": by_name[:20], "examples_head": by_head[:40]}


def rules_report(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    """The rules' precision before (name_rules_higher_is_better) and after the rule of how often a harm happens,
    against the direct distant labels and bench_brief.labelled_direction; and every name that rule decides."""
    from summarizer.engines.extractive.resources import load_resources

    try:
        from summarizer.engines.extractive.polarity import name_rules_higher_is_better
    except ImportError:  # a copy of this file in a checkout of a commit before the harm rule: its rules
        name_rules_higher_is_better = rule_higher_is_better

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_brief import labelled_direction

    polarity = load_resources().polarity
    harms = getattr(polarity, "harms", None)
    examples = distant_examples(rows)

    def after(outcome: str) -> bool | None:
        return rule_higher_is_better(outcome, harms) if harms is not None else rule_higher_is_better(outcome)

    report: dict[str, Any] = {"harm_words": len(harms.words) if harms is not None else 0}
    for name, rule in (("before", name_rules_higher_is_better), ("after", after)):
        direct = [(rule(e.outcome), e.higher_is_better) for e in examples if e.direct]
        labelled = []
        for row in rows:
            said = labelled_direction(row["outcome"], row["label"])
            if said in ("improved", "worsened"):
                gold = (said == "improved") == (row["label"] == "increased")
                labelled.append((rule(row["outcome"]), gold))
        report[name] = {
            part: {"n": len(items), "answered": sum(r is not None for r, _ in items),
                   "right": sum(r == g for r, g in items if r is not None)}
            for part, items in (("distant_direct", direct), ("labelled_direction", labelled))
        }
    decided: dict[str, list[str]] = {}
    for row in rows:
        outcome = " ".join(row["outcome"].split())
        if name_rules_higher_is_better(outcome) is None and after(outcome) is not None:
            decided.setdefault(outcome, []).append(row["label"])
    report["read"] = _read_decided(rows, name_rules_higher_is_better, after)
    labels = {(e.document, e.outcome): (e.higher_is_better, e.direct) for e in examples}
    report["decided"] = [
        {"outcome": outcome, "higher_is_better": after(outcome), "labels": sorted(set(found)),
         "distant": sorted({(str(g), "direct" if d else "other") for (_, o), (g, d) in labels.items()
                            if " ".join(o.split()) == outcome})}
        for outcome, found in sorted(decided.items())
    ]
    return report


def _read_decided(
    rows: Sequence[dict[str, str]], before: Any, after: Any
) -> list[dict[str, str]]:
    """The outcomes the engine reads in these rows' evidence sentences (annotate) whose polarity only the rule of
    how often a harm happens gives: the name read, its change and direction, and the sentence, to be read."""
    from summarizer.engines.extractive import annotate

    found = []
    for text in dict.fromkeys(row["text"] for row in rows):
        for mention in annotate(text).outcomes:
            if mention.change in ("increased", "decreased") and before(mention.outcome) is None and \
                    after(mention.outcome) is not None:
                found.append({"outcome": mention.outcome, "change": mention.change, "direction": mention.direction,
                              "sentence": text})
    return found


def measures_report(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    """Every outcome name of these rows that a class of measure_polarity.py decides (one line per name), with the
    class's answer, the rows' labels and the name's distant labels; and the classes' precision against the direct
    distant labels (the evidence sentence says which way was better)."""
    from summarizer.engines.extractive.measure_polarity import measure_higher_is_better

    examples = distant_examples(rows)
    labels: dict[str, list[str]] = {}
    for row in rows:
        outcome = " ".join(row["outcome"].split())
        if measure_higher_is_better(outcome.lower()) is not None:
            labels.setdefault(outcome, []).append(row["label"])
    distant: dict[str, set[tuple[str, str]]] = {}
    for e in examples:
        outcome = " ".join(e.outcome.split())
        if outcome in labels:
            distant.setdefault(outcome, set()).add((str(e.higher_is_better), "direct" if e.direct else "other"))
    direct = [(measure_higher_is_better(" ".join(e.outcome.lower().split())), e.higher_is_better)
              for e in examples if e.direct]
    answered = [(r, g) for r, g in direct if r is not None]
    return {
        "direct": {"n": len(direct), "answered": len(answered), "right": sum(r == g for r, g in answered)},
        "decided": [{"outcome": o, "higher_is_better": measure_higher_is_better(o.lower()),
                     "labels": sorted(set(found)), "distant": sorted(distant.get(o, ()))}
                    for o, found in sorted(labels.items())],
    }


def _print_decided(decided: list[dict[str, Any]]) -> None:
    """The outcome names a rule decides, each with its side and the labels it can be checked against."""
    for item in decided:
        side = "higher" if item["higher_is_better"] else "lower"
        print(f"  {item['outcome']!r}: {side} is better; labels {item['labels']}; distant {item['distant']}")


def _print_measures(report: dict[str, Any]) -> None:
    direct = report["direct"]
    print(f"measure classes against the direct distant labels: {direct['n']} rows, answered {direct['answered']}, "
          f"right {direct['right']}")
    print(f"outcome names a measure class decides: {len(report['decided'])}")
    _print_decided(report["decided"])


def _print_rules(report: dict[str, Any]) -> None:
    print(f"harm words shipped: {report['harm_words']}")
    for name in ("before", "after"):
        for part, figures in report[name].items():
            answered = figures["answered"]
            precision = f"{figures['right'] / answered:.3f}" if answered else "none"
            print(f"  rules {name} the harm rule, against {part}: {figures['n']} rows, answered {answered}, "
                  f"right {figures['right']} (precision {precision})")
    print(f"outcome names the harm rule decides (the rules before it leave them unclear): {len(report['decided'])}")
    _print_decided(report["decided"])
    print(f"outcomes read in the evidence sentences (annotate) whose direction the harm rule gives: "
          f"{len(report['read'])}")
    for item in report["read"]:
        print(f"  {item['outcome']!r} {item['change']}: {item['direction']} || {item['sentence'][:200]}")


def _line(name: str, part: dict[str, Any]) -> str:
    shipped = part["shipped"]
    acc = f"{shipped['accuracy']:.3f}" if shipped["accuracy"] is not None else "none"
    curve = "; ".join(f"{t}: {s['accuracy'] if s['accuracy'] is not None else '-'} / {s['coverage']}"
                      for t, s in part["by_threshold"].items())
    return (f"{name}: {shipped['n']} outcomes; at the shipped threshold accuracy {acc}, coverage "
            f"{shipped['coverage']:.1%} ({shipped['answered']} answered)\n"
            f"    accuracy / coverage by threshold: {curve}")


def speed(data_dir: Path, count: int) -> str:
    """CPU seconds of one extractive brief of bench_throughput's statements, and of its efficacy section."""
    import resource
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_throughput import real_statements

    import summarizer.engines.extractive.engine as engine_module
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement, Target

    spent = [0.0]
    section = engine_module.efficacy_section

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return section(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    engine_module.efficacy_section = timed
    harm_spent = _time_harm_rule()
    statements = [Statement(id=f"S{i + 1}", text=text) for i, (text, _) in enumerate(real_statements(data_dir, count))]
    engine = ExtractiveEngine()

    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    start = cpu()
    engine.run(Target(title="throughput"), statements)
    harm = f"; the harm rule asked {harm_spent[0]:.0f} times, {harm_spent[1]:.4f} CPU s" if harm_spent else ""
    return f"brief of {count} statements: {cpu() - start:.3f} CPU s; efficacy section {spent[0]:.4f} CPU s{harm}"


def _time_harm_rule() -> list[float]:
    """Count and time the rule of how often a harm happens (harm_measures.py) in this process, where it exists
    (a copy of this file may run in a checkout of a commit before it): [calls, CPU seconds]."""
    import time

    try:
        from summarizer.engines.extractive.harm_measures import HarmWords
    except ImportError:
        return []
    figures = [0.0, 0.0]
    rule = HarmWords.occurrence_of_harm

    def timed(self: HarmWords, low: str) -> bool:
        start = time.process_time()
        try:
            return rule(self, low)
        finally:
            figures[0] += 1
            figures[1] += time.process_time() - start

    HarmWords.occurrence_of_harm = timed  # type: ignore[method-assign]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=DATA_DIR / POLARITY_FILE)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--train", action="store_true",
                        help="score the train documents instead (for developing rules; not a held-out figure)")
    parser.add_argument("--harms", action="store_true",
                        help="also count the unclear outcome names that hold a harm named in the train case reports")
    parser.add_argument("--rules", action="store_true",
                        help="the rules' precision before and after the rule of how often a harm happens instead")
    parser.add_argument("--measures", action="store_true",
                        help="the outcome names the classes of measure_polarity.py decide, with their labels, instead")
    parser.add_argument("--speed", type=int, metavar="N",
                        help="time one brief of N real statements and its efficacy section instead")
    args = parser.parse_args(argv)
    if args.speed:
        print(speed(args.data_dir, args.speed))
        return 0
    try:
        rows = [row for row in read_rows(args.data_dir / CORPUS / "dev.jsonl")
                if is_heldout(row["pmcid"]) != args.train]
        model = LearnedPolarity.from_json(json.loads(args.model.read_text(encoding="utf-8")))
    except InputError as exc:
        print(f"bench_polarity: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError) as exc:
        print(f"bench_polarity: cannot read the model {args.model}: {exc}", file=sys.stderr)
        return 2
    for asked, report_of, print_report in (
        (args.measures, measures_report, _print_measures),
        (args.rules, rules_report, _print_rules),
    ):
        if not asked:
            continue
        part = report_of(rows)
        if args.json:
            print(json.dumps(part, indent=2))
        else:
            print("command: " + shlex.join([sys.executable, *sys.argv]))
            print(f"{'train' if args.train else 'held-out'} documents of {CORPUS}: {len(rows)} rows")
            print_report(part)
        return 0
    report = evaluate(rows, model)
    if args.harms:
        try:
            report["harm_names"] = harm_name_coverage(rows, args.data_dir)
        except InputError as exc:
            print(f"bench_polarity: {exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    split = "train" if args.train else "held-out"
    print(f"{split} documents of {CORPUS}: {report['documents']} ({report['rows']} rows); shipped threshold "
          f"{report['min_probability']}")
    for name in ("rules_decisive", "distant_direct", "distant_other", "rules_unclear_direct", "rules_unclear_all"):
        print(_line(name, report[name]))
    target = report["target_polarity"]
    print("the polarity read from the target's own statements (target_polarity.py):")
    for name in ("rules_decisive", "distant_direct", "distant_other", "rules_unclear_all"):
        part = target[name]
        acc = f"{part['accuracy']:.3f}" if part["accuracy"] is not None else "none"
        print(f"  {name}: {part['n']} outcomes; accuracy {acc}, coverage {part['coverage']:.1%} "
              f"({part['answered']} answered)")
        for answer in part["answers"]:
            if answer["label"] != answer["read"]:
                print(f"      wrong: {answer['outcome']!r} read {'higher' if answer['read'] else 'lower'} is better")
    if "harm_names" in report:
        harms = report["harm_names"]
        print(f"outcome names the rules leave unclear: {harms['unclear_names']}; holding a harm name of the train case "
              f"reports: {harms['holding_a_harm_name']} ({', '.join(repr(n) for n in harms['examples_name'])}); "
              f"holding a harm's head word: {harms['holding_a_head_word']} "
              f"({', '.join(repr(n) for n in harms['examples_head'])})")
    unclear = target["rules_unclear_outcomes"]
    print(f"  outcomes the rules leave unclear: {unclear['n']}; read {unclear['answered']}: "
          + "; ".join(f"{a['outcome']!r} {'higher' if a['read'] else 'lower'} is better" for a in unclear["answers"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
