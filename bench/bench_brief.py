"""Brief-level evaluation: the reviewer-labelled target papers, and pseudo-targets built from two other corpora.

Usage: python bench/bench_brief.py [--data-dir ../shared/data] [--json] [--loto] [--split heldout|train]

1. brief_targets: the 66 target papers with their real citing statements and the verdicts a reviewer accepts
   (the same as `summarizer eval ../shared/data/brief_targets --task brief`).
2. Pseudo-targets from papers the engine's models never trained on (the held-out 20% of documents of
   summarizer.evaluation.split_rows), to check the rules on data they were not written against:
   - evidence_inference: the sentences of one randomised trial report (grouped by pmcid) about its interventions.
     A brief should find an intervention and give an efficacy verdict (any but insufficient_evidence); the key
     outcomes are the trial's outcomes as the corpus names them.
   - ade: the sentences of one case report (grouped by pmid) that has at least one sentence reporting an adverse
     drug effect. A brief should find an intervention (the drug) and report safety concerns (concerns_reported or
     mixed); the key adverse events are the corpus' annotated effects.
   Sentences from the papers themselves are not citing statements (they carry no citation markers, so each counts
   as citing the target alone); the pseudo-targets test finding the intervention and reading its effects, not the
   weighing of citations.
   With --split train, the pseudo-targets are built from the train split instead: the papers the rules are
   developed on (an in-sample figure, for development; the issue's figures are the held-out ones).
3. With --loto: leave-one-target-out over the numbers of the rules (VerdictRules: how much attribution makes an
   intervention, how much dissent makes "mixed"). For each target, the numbers are chosen from a grid by the
   count of acceptable briefs on the 65 other targets (ties go to the shipped numbers), then that target is judged
   with them. The word lists and patterns of the rules were written by reading these targets too: LOTO measures how
   much the numbers are fitted to them, not the words.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shlex
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.design import read_design
from summarizer.engines.extractive import ExtractiveEngine, annotate, load_resources
from summarizer.engines.extractive.pico import load_pico_tagger
from summarizer.engines.extractive.sections import ReadStatement, efficacy_section, safety_section
from summarizer.engines.extractive.target_profile import RULES, VerdictRules, profile_target
from summarizer.evaluation import is_heldout
from summarizer.evaluation.briefs import (
    EFFICACY_VERDICTS,
    SAFETY_VERDICTS,
    BriefTarget,
    evaluate_briefs,
    format_brief_report_text,
    load_brief_targets,
    names_match,
)
from summarizer.models import Statement, Target

MIN_SENTENCES = 2


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Outcome polarity for the expected verdicts of the trial-report pseudo-targets: only names whose good direction
# is plain, written for this check and kept apart from the engine's own lists (so that widening those does not move
# the yardstick). Lower is better for BAD_OUTCOME, higher for GOOD_OUTCOME; "-free" ("pain-free", "disease-free
# survival") is good, and so is the relief of a bad one ("pain relief", "improvement in anxiety", "reductions in
# depression") and a high threshold or tolerance of one ("pain threshold"); a name matching both, or neither, or a
# bare time or duration, has no known polarity.
BAD_OUTCOME = re.compile(
    r"\b(?:mortality|deaths?|died|pain|relapses?|recurrences?|complications?|adverse|infections?|nausea|vomiting|"
    r"hospitali[sz]ations?|readmissions?|length of (?:hospital )?stay|exacerbations?|fever|bleeding|"
    r"ha?emorrhage|blood loss|anxiety|depressi(?:on|ve)|fatigue|failures?|fractures?|strokes?|myocardial infarction|"
    r"pruritus|delirium|dyspnoea|dyspnea|incidence|morbidity|toxicity|side effects?|pneumonia|sepsis|"
    r"thrombo\w*|embolism|hypoglycaemia|hypoglycemia|hypotension|shivering|agitation|disability|distress)\b"
)
GOOD_OUTCOME = re.compile(
    r"\b(?:survival|surviving|quality of life|remission|cure|cured|response rate|success(?:ful)?|healing|"
    r"pregnancy rate|live births?|satisfaction|adherence|compliance|ejection fraction|well-being|wellbeing|"
    r"abstinence)\b"
)
FREE_OF = re.compile(r"-free\b|\bfree of\b")
RELIEF_OF = re.compile(r"\b(?:relief|reductions?|improvements?|freedom)\b")
# a harm's threshold or tolerance is good to have high ("pain threshold": more of it, less pain felt)
HARM_THRESHOLD = re.compile(r"\b(?:thresholds?|tolerance)\b")
TIME_NAME = re.compile(r"\b(?:time|duration|days?|hours?|weeks?)\b")
EXPECTED_EFFICACY = {
    "improved": "benefit_reported", "worsened": "harm_reported", "no_difference": "no_benefit_reported"
}


def labelled_direction(outcome: str, label: str) -> str | None:
    """What a labelled change means for the patient, when the outcome's good direction is plain; else None."""
    if label == "no_difference":
        return "no_difference"
    low = " ".join(outcome.lower().split())
    if FREE_OF.search(low):
        lower_better = False
    else:
        bad, good = BAD_OUTCOME.search(low) is not None, GOOD_OUTCOME.search(low) is not None
        if bad == good or (TIME_NAME.search(low) and "length of" not in low):
            return None
        # the relief of a harm, and a high threshold for it, are good to have ("pain relief", "pain threshold")
        lower_better = bad and RELIEF_OF.search(low) is None and HARM_THRESHOLD.search(low) is None
    improved = (label == "decreased") == lower_better
    return "improved" if improved else "worsened"


def expected_efficacy(directions: Counter[str]) -> frozenset[str]:
    """The verdicts the labelled directions of a trial's prompts support: the commonest side's verdict (each on a
    tie), and "mixed" too when improvement and something else each hold at least a quarter of the prompts."""
    top = max(directions.values())
    ok = {EXPECTED_EFFICACY[side] for side, count in directions.items() if count == top}
    total = sum(directions.values())
    improved = directions.get("improved", 0)
    if improved and min(improved, total - improved) >= total / 4:
        ok.add("mixed")
    return frozenset(ok)


def evidence_inference_targets(path: Path, papers: Callable[[str], bool] = is_heldout) -> list[BriefTarget]:
    """One pseudo-target per trial report of `papers` (default: the held-out split): its evidence sentences,
    deduplicated, in corpus order. The intervention to find is any of the report's prompts' interventions; the
    efficacy verdict to give is the one its labelled directions support (expected_efficacy) when the direction of at
    least half of its prompts is known (labelled_direction; kind trial_report_polarity_known), else any verdict but
    insufficient_evidence (kind trial_report_polarity_unknown)."""
    by_paper: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(path):
        if papers(str(row["pmcid"])):
            by_paper[str(row["pmcid"])].append(row)
    targets = []
    for pmcid, rows in sorted(by_paper.items()):
        texts = list(dict.fromkeys(row["text"] for row in rows))
        if len(texts) < MIN_SENTENCES:
            continue
        prompts = {row["prompt_id"]: row for row in rows}
        directions = Counter(
            direction
            for row in prompts.values()
            if (direction := labelled_direction(row["outcome"], row["label"])) is not None
        )
        known = 2 * sum(directions.values()) >= len(prompts)
        given = frozenset(v for v in EFFICACY_VERDICTS if v != "insufficient_evidence")
        interventions = dict.fromkeys(" ".join(row["intervention"].split()) for row in rows)
        targets.append(
            BriefTarget(
                target_id=f"ei-{pmcid}",
                statements=tuple((f"{pmcid}-{i}", text) for i, text in enumerate(texts)),
                safety_ok=frozenset(SAFETY_VERDICTS),
                efficacy_ok=expected_efficacy(directions) if known else given,
                intervention="; ".join(interventions),
                kind="trial_report_polarity_" + ("known" if known else "unknown"),
                key_outcomes=tuple(dict.fromkeys(row["outcome"] for row in rows)),
            )
        )
    return targets


def ade_targets(path: Path, papers: Callable[[str], bool] = is_heldout) -> list[BriefTarget]:
    """One pseudo-target per case report of `papers` (default: the held-out split) with at least one adverse-effect
    sentence."""
    by_paper: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(path):
        if papers(str(row["pmid"])):
            by_paper[str(row["pmid"])].append(row)
    targets = []
    for pmid, rows in sorted(by_paper.items()):
        positive = [row for row in rows if row["label"] == "adverse_effect"]
        texts = list(dict.fromkeys(row["text"] for row in rows))
        if not positive or len(texts) < MIN_SENTENCES:
            continue
        drugs = Counter(drug for row in positive for drug in row.get("drugs", []))
        effects = dict.fromkeys(effect for row in positive for effect in row.get("effects", []))
        targets.append(
            BriefTarget(
                target_id=f"ade-{pmid}",
                statements=tuple((f"{pmid}-{i}", text) for i, text in enumerate(texts)),
                safety_ok=frozenset({"concerns_reported", "mixed"}),
                efficacy_ok=frozenset(EFFICACY_VERDICTS),
                intervention="; ".join(drugs) if drugs else "a drug",
                kind="case_report_sentences",
                key_adverse_events=tuple(effects),
            )
        )
    return targets


CITING_TRIAL_LABELS = Path(__file__).resolve().parent / "data" / "citing_trial_groups.jsonl"


def citing_trial_targets(path: Path, labels: Path = CITING_TRIAL_LABELS) -> list[BriefTarget]:
    """One pseudo-target per labelled group of clinical_citation_stance sentences: the sentences of one citing paper
    with the same citation marker (so they cite the same work), where that work gave a named treatment. The
    intervention and the acceptable verdicts were labelled for this project by reading each group's sentences,
    by the rubric of brief_targets, before the engine's briefs of them were seen (bench/data/citing_trial_groups.jsonl
    holds the ids and labels, not the text)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _rows(path):
        groups[(str(row["pmcid"]), str(row["citation_marker"]).strip())].append(row["text"])
    targets = []
    for label in _rows(labels):
        key = (label["pmcid"], label["citation_marker"])
        texts = list(dict.fromkeys(groups.get(key, [])))
        if not texts:
            raise SystemExit(f"bench_brief: no sentences for {key} in {path}")
        targets.append(
            BriefTarget(
                target_id=f"ccs-{key[0]}-{key[1].strip('[] ')}",
                statements=tuple((f"{key[0]}-{i}", text) for i, text in enumerate(texts)),
                safety_ok=frozenset(label["safety_ok"]),
                efficacy_ok=frozenset(label["efficacy_ok"]),
                intervention=label["intervention"],
                kind="citing_statements_of_a_treatment_study",
            )
        )
    return targets


def significant_trials(path: Path, papers: Callable[[str], bool] = is_heldout) -> set[str]:
    """The pseudo-targets (ei-PMCID) of the trial reports of `papers` (default: held out) with at least one
    significant result (a prompt labelled increased or decreased): the trials for which the issue asks an efficacy
    verdict."""
    return {
        f"ei-{row['pmcid']}"
        for row in _rows(path)
        if papers(str(row["pmcid"])) and row["label"] in ("increased", "decreased")
    }


def named_in_text(targets: list[BriefTarget]) -> set[str]:
    """The pseudo-targets whose statements' text holds the labelled intervention's name, by the rule that compares
    a brief's name with it (names_match: half the word stems of one of its alternatives): an upper bound on how many
    briefs can name it from the statements alone (the rest call it "group B", "the intervention group")."""
    return {
        target.target_id
        for target in targets
        if names_match(target.intervention, [" ".join(text for _, text in target.statements)])
    }


def trial_measures(report: dict[str, Any], significant: set[str], in_text: set[str] | None = None) -> dict[str, Any]:
    """The issue's three trial figures: an intervention found (all trials), an efficacy verdict given (trials with a
    significant result), the verdict the labelled directions support (of those, the ones whose polarity is known);
    with in_text (named_in_text), also how many name the labelled intervention, of all and of those whose text
    holds its name."""
    rows = report["targets"]
    with_result = [row for row in rows if row["target"] in significant]
    known = [row for row in with_result if row["kind"] == "trial_report_polarity_known"]
    named = {
        # a brief's short name may match where the text does not (intervention_named's subset rule): those count too
        "labelled_name_in_text": sum(row["target"] in in_text or bool(row["intervention_named"]) for row in rows),
        "named_as_labelled": sum(bool(row["intervention_named"]) for row in rows),
    } if in_text is not None else {}
    return {
        "trials": len(rows),
        **named,
        "intervention_found": sum(row["intervention"] is not None for row in rows),
        "with_significant_result": len(with_result),
        "efficacy_verdict_given": sum(row["efficacy"] != "insufficient_evidence" for row in with_result),
        "polarity_known": len(known),
        "efficacy_as_labelled": sum(row["efficacy"] in row["efficacy_ok"] for row in known),
    }


def _trial_measures_text(m: dict[str, Any]) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} ({part / whole:.1%})" if whole else "none"

    ceiling = (
        f"\n  the labelled intervention named {share(m['named_as_labelled'], m['trials'])}; the statements' text holds "
        f"its name for {share(m['labelled_name_in_text'], m['trials'])} (an upper bound on naming it from the "
        f"statements alone)" if "named_as_labelled" in m else ""
    )
    return (
        f"  the issue's measures: intervention found {share(m['intervention_found'], m['trials'])}; efficacy verdict "
        f"given for {share(m['efficacy_verdict_given'], m['with_significant_result'])} trials with a significant "
        f"result; the verdict the labelled directions support for "
        f"{share(m['efficacy_as_labelled'], m['polarity_known'])} of those whose outcome polarity is known" + ceiling
    )


def _pseudo_summary(name: str, report: dict[str, Any], axis: str) -> str:
    n = report["n"] or 1
    found = report["intervention_detection"]["true_positive"] / n
    named = report["intervention_named"] / n
    given = sum(row[axis] != "insufficient_evidence" for row in report["targets"]) / n
    recall = report["key_outcome_recall" if axis == "efficacy" else "key_adverse_event_recall"]
    recalled = f"{recall['found']}/{recall['total']} ({recall['recall']:.1%})" if recall["total"] else "none"
    lines = [
        f"{name}: {report['n']} pseudo-targets; an intervention found {found:.1%}, the labelled one named "
        f"{named:.1%}; a {axis} verdict given {given:.1%}, as expected {report[f'{axis}_ok_share']:.1%}; key "
        f"{'outcomes' if axis == 'efficacy' else 'adverse events'} recalled {recalled}"
    ]
    if len(report["by_kind"]) > 1:
        for kind, part in report["by_kind"].items():
            lines.append(f"  {kind}: {part['n']}, {axis} verdict as expected {part[f'{axis}_ok_share']:.1%}")
    return "\n".join(lines)


GRID = {
    "min_attributed": (1.5, 2.0, 2.5, 3.0),
    "min_attributed_share": (0.05, 0.1, 0.15),
    "min_framed": (0.5, 1.0, 1.5, 2.0),
    "min_dissent": (0.5, 1.0, 1.5),
    "dissent_share": (0.2, 0.25, 1 / 3, 0.4),
}


class _MemoPico:
    """The PICO reader with its spans kept per text: the grid re-profiles every target 576 times."""

    def __init__(self, tagger: Any) -> None:
        self.tagger = tagger
        self.spans: dict[str, Any] = {}

    def intervention_spans(self, text: str) -> Any:
        if text not in self.spans:
            self.spans[text] = self.tagger.intervention_spans(text)
        return self.spans[text]

    def tag_words(self, words: Any) -> Any:  # the outcome check on a chosen name (name_roles.py)
        return self.tagger.tag_words(words)

    def loader(self) -> Any:
        return self if self.tagger is not None else None


def leave_one_target_out(targets: list[BriefTarget]) -> dict[str, Any]:
    """Leave-one-target-out over the grid of rule numbers; each target's statements are read once."""
    res = load_resources()
    read = []
    for target in targets:
        statements = [Statement(id=f"S{i}", text=" ".join(text.split())) for i, (_, text) in
                      enumerate(target.statements, start=1)]
        readings = [annotate(s.text, resources_=res) for s in statements]
        # the design, read as the pipeline reads it (the profile's case-report rule depends on it)
        design = read_design(Target(), statements).design
        read.append(([ReadStatement(s, r) for s, r in zip(statements, readings, strict=True)], readings, design))
    configs = [VerdictRules(*values) for values in itertools.product(*GRID.values())]
    pico = _MemoPico(load_pico_tagger())
    ok = []
    for rules in configs:
        row = []
        for target, (items, readings, design) in zip(targets, read, strict=True):
            texts = [i.statement.text for i in items]
            profile = profile_target(Target(design=design), readings, res, rules, texts=texts, pico=pico.loader)
            safety = safety_section(items, profile, rules).assessment
            efficacy = efficacy_section(items, profile, rules).assessment
            row.append(safety in target.safety_ok and efficacy in target.efficacy_ok)
        ok.append(row)
    default = configs.index(RULES)
    held_out = []
    chosen = Counter()
    for t in range(len(targets)):
        def others(c: int, t: int = t) -> int:
            return sum(ok[c]) - ok[c][t]
        best = max(range(len(configs)), key=lambda c: (others(c), c == default))
        chosen[configs[best]] += 1
        held_out.append(ok[best][t])
    groups = {"intervention": [], "none": []}
    for target, good in zip(targets, held_out, strict=True):
        groups["intervention" if target.intervention else "none"].append(good)
    return {
        "configs": len(configs),
        "shipped_rules_both_ok": sum(ok[default]),
        "loto_both_ok": sum(held_out),
        "n": len(targets),
        "loto_by_group": {name: f"{sum(v)}/{len(v)}" for name, v in groups.items()},
        "best_in_sample": max(map(sum, ok)),
        "chosen_rules": {str(rules): count for rules, count in chosen.most_common(3)},
    }


def papers_of(split: str) -> Callable[[str], bool]:
    """Whether a paper (its pmcid or pmid) is in the split: "heldout" (the issue's figures) or "train" (the papers the
    rules are developed on)."""
    if split == "heldout":
        return is_heldout
    return lambda key: not is_heldout(key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=Path(__file__).resolve().parents[1].parent / "shared" / "data",
                        type=Path)
    parser.add_argument("--json", action="store_true", help="print the three reports as one JSON object")
    parser.add_argument("--loto", action="store_true", help="also leave-one-target-out over the rules' numbers")
    parser.add_argument("--split", choices=("heldout", "train"), default="heldout",
                        help="the papers of the trial and case-report pseudo-targets: the held-out split (default), "
                        "or the train split the rules are developed on")
    args = parser.parse_args(argv)
    papers = papers_of(args.split)
    engine = ExtractiveEngine()
    started = time.perf_counter()
    trials = evidence_inference_targets(args.data_dir / "evidence_inference" / "dev.jsonl", papers)
    reports = {
        "brief_targets": evaluate_briefs(load_brief_targets(args.data_dir / "brief_targets"), engine),
        "evidence_inference": evaluate_briefs(trials, engine),
        "ade": evaluate_briefs(ade_targets(args.data_dir / "ade" / "dev.jsonl", papers), engine),
        "citing_trials": evaluate_briefs(
            citing_trial_targets(args.data_dir / "clinical_citation_stance" / "dev.jsonl"), engine
        ),
    }
    reports["trial_measures"] = trial_measures(
        reports["evidence_inference"], significant_trials(args.data_dir / "evidence_inference" / "dev.jsonl", papers),
        named_in_text(trials),
    )
    if args.loto:
        reports["loto"] = leave_one_target_out(load_brief_targets(args.data_dir / "brief_targets"))
    if args.json:
        print(json.dumps(reports, indent=2))
        return 0
    print("command: " + shlex.join([sys.executable, *sys.argv]))
    print("\n## brief_targets (reviewer-labelled)\n")
    print(format_brief_report_text(reports["brief_targets"]))
    print(f"\n## pseudo-targets from {'held-out' if args.split == 'heldout' else 'train'} papers\n")
    print(_pseudo_summary("evidence_inference (trial reports)", reports["evidence_inference"], "efficacy"))
    print(_trial_measures_text(reports["trial_measures"]))
    print(_pseudo_summary("ade (case reports)", reports["ade"], "safety"))
    print("\n## labelled groups of citing sentences about a treatment study (clinical_citation_stance)\n")
    print(format_brief_report_text(reports["citing_trials"]))
    if args.loto:
        loto = reports["loto"]
        print("\n## leave-one-target-out over the rules' numbers\n")
        print(f"{loto['configs']} combinations of {', '.join(GRID)}; shipped numbers {loto['shipped_rules_both_ok']}/"
              f"{loto['n']} in sample (best combination {loto['best_in_sample']}/{loto['n']}); held out "
              f"{loto['loto_both_ok']}/{loto['n']} (intervention targets {loto['loto_by_group']['intervention']}, "
              f"none {loto['loto_by_group']['none']})")
        for rules, count in loto["chosen_rules"].items():
            print(f"  chosen for {count} targets: {rules}")
    print(f"\nelapsed: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
