"""Why a trial report's brief gives no efficacy verdict: each outcome the reading found, and why the efficacy
section did not count it.
Usage: python bench/why_no_verdict.py [--data-dir ../shared/data] [--split train|heldout] [--targets ei-1,ei-2]
Without --targets: every trial of the split with a significant labelled result whose brief names an intervention
and gives no efficacy verdict (the NOVERDICT cell of /work/briefs/tools/cells.py). For each: the labelled and the
named intervention, then each outcome of each statement as "S<n> [reasons] outcome change/direction || quote", the
reasons being: not-about (the sentence is not about the named intervention, target_profile.py), unclear (its
direction is not known after target_polarity.py), left-out (sections._counted: the outcome names the intervention,
doses compared, measured before treatment, within the groups only, the intervention given alone), another-arm
(evidence.said_of_another_arm), counted (none of these). Each trial's first line ends with its cause, the first
reason that applies to all its outcomes (no outcome read; all not about; all unclear or not about; some left out),
and a line of totals counts the trials by cause.
--skipped lists instead, for every trial of the split whose brief names an intervention, each evidence sentence
labelled increased or decreased that no efficacy finding of the brief rests on, as "<trial> | <verdict> | read|unread |
<form> || sentence" (read: the rules read an outcome in it, which the weighing then set aside; unread: they read
none), then the unread sentences counted by their grammatical form (FORMS, the first that matches) with the trials
they come from: how often each form of a skipped result recurs.
--forms counts each form over every labelled sentence of the split's papers, not only the skipped ones: for each
form, the distinct sentences labelled increased or decreased, the papers they come from, and how many of each the
rules read an outcome in (at least one): how common a form is, and how much of it is left unread. "Read" is the
sentence's reading alone (annotate), as for --skipped: two arms' values that no control word tells apart ("12.4% in
the A group and 3.4% in the B group (p = 0.02)") are unread here, yet a brief that names A or B orients them
(numeric_results.oriented_by_arm).
The profile is drawn as bench_brief.leave_one_target_out draws it (no title, the PICO reader loaded), and the
verdict with the change model as the engine loads it; the reasons are the rules' (the change model's readings are not
listed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief import evidence_inference_targets, papers_of, significant_trials  # noqa: E402

from summarizer.design import read_design  # noqa: E402
from summarizer.engines.extractive import ExtractiveEngine, annotate, load_resources  # noqa: E402
from summarizer.engines.extractive.evidence import ReadStatement, said_of_another_arm  # noqa: E402
from summarizer.engines.extractive.learned_results import LearnedResults  # noqa: E402
from summarizer.engines.extractive.pico import load_pico_tagger  # noqa: E402
from summarizer.engines.extractive.resources import Resources  # noqa: E402
from summarizer.engines.extractive.sections import _counted, efficacy_section  # noqa: E402
from summarizer.engines.extractive.target_polarity import TargetPolarity  # noqa: E402
from summarizer.engines.extractive.target_profile import RULES, TargetProfile, profile_target  # noqa: E402
from summarizer.models import Statement, Target  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402

# the grammatical forms of a skipped result, the first that matches a sentence naming it: an effect measure, values
# of arms listed "respectively", a superlative, a table's row (a name and its figures, no verb), two arms' values set
# against each other, a comparative, a change verb or noun, else other
FORMS = {
    "effect measure (OR, RR, HR, rate ratio)": re.compile(
        r"\b(?:OR|RR|HR|IRR|aOR|aHR)\b|odds ratio|relative risk|hazard ratio|rate ratio|risk ratio"
    ),
    "values listed 'respectively'": re.compile(r"\brespectively\b", re.IGNORECASE),
    "superlative of an arm": re.compile(r"\bthe\s+(?:best|worst|highest|lowest|greatest|smallest|fewest)\b", re.I),
    "table row (figures, no verb)": re.compile(
        r"^(?!.*\b(?:was|were|is|are|had|has|have|showed|reported|found|observed|did|occurred|received)\b)"
        # three whole numbers (each taken to its end: "0.02" is one number, not three)
        r"(?=(?:\D*\d+(?:[.,]\d+)?(?!\d|[.,]\d)){3})", re.IGNORECASE
    ),
    "two arms' values (vs, compared with)": re.compile(
        r"\d[^.;]{0,80}\b(?:vs\.?|versus|compared\s+(?:with|to)|while|whereas)\s+[^.;]{0,40}\d", re.IGNORECASE
    ),
    "comparative (than, higher, fewer, more)": re.compile(
        r"\b(?:than|higher|lower|greater|smaller|fewer|more|less|longer|shorter|better|worse|superior|inferior)\b",
        re.IGNORECASE,
    ),
    "change verb or noun": re.compile(r"\b(?:increas|decreas|reduc|improv|declin|rais|lower|drop|fell|rose)", re.I),
}


def reasons(items: list[ReadStatement], profile: TargetProfile) -> list[tuple[int, str, str]]:
    """(statement index, reasons, the outcome as read) for every outcome the reading found in the statements."""
    polarity = TargetPolarity(item.statement.text for item in items if item.reading.polarity_cues)
    found = []
    for index, item in enumerate(items):
        for mention in item.reading.outcomes:
            direction = polarity.directions([mention])[0].direction
            why = [] if profile.about(index, mention.sentence) else ["not-about"]
            if direction == "unclear":
                why.append("unclear")
            if not why and not _counted(mention, profile):
                why.append("left-out")
            if not why and said_of_another_arm(mention, profile.anchors):
                why.append("another-arm")
            read = f"{mention.outcome!r} {mention.change}/{direction} || {mention.quote[:200]}"
            found.append((index, ",".join(why) or "counted", read))
    return found


def trial_reasons(
    texts: list[str], resources: Resources, learned: LearnedResults | None = None
) -> tuple[str | None, str, list[tuple[int, str, str]]]:
    """A trial's statements read and profiled as bench_brief.leave_one_target_out does: the intervention named, the
    efficacy verdict, and each outcome read with its reasons (reasons())."""
    statements = [Statement(id=f"S{i}", text=" ".join(text.split())) for i, text in enumerate(texts, start=1)]
    readings = [annotate(s.text, resources_=resources) for s in statements]
    design = read_design(Target(), statements).design
    texts = [s.text for s in statements]
    profile = profile_target(Target(design=design), readings, resources, RULES, texts=texts, pico=load_pico_tagger)
    if profile.name is None:
        return None, "insufficient_evidence", []
    items = [ReadStatement(s, r) for s, r in zip(statements, readings, strict=True)]
    verdict = efficacy_section(items, profile, RULES, learned).assessment
    return profile.name, verdict, reasons(items, profile)


def kind(found: list[tuple[int, str, str]]) -> str:
    """The first reason that applies to all of a trial's outcomes."""
    whys = [why for _, why, _ in found]
    if not whys:
        return "no outcome read"
    if all("not-about" in why for why in whys):
        return "all not about the named intervention"
    if all("unclear" in why or "not-about" in why for why in whys):
        return "those about it: direction unclear"
    if any(why == "counted" for why in whys):
        return "one counted (the learned reading or the weighing abstains)"
    return "some left out (left-out, another-arm)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--split", choices=("heldout", "train"), default="train")
    parser.add_argument("--targets", default="", help="only these pseudo-targets (comma-separated ids)")
    parser.add_argument("--skipped", action="store_true", help="the labelled results no finding rests on, by form")
    parser.add_argument("--forms", action="store_true", help="every labelled change of the split, read or not, by form")
    args = parser.parse_args(argv)
    path = args.data_dir / "evidence_inference" / "dev.jsonl"
    papers = papers_of(args.split)
    if args.skipped:
        return skipped_results(path, papers)
    if args.forms:
        return forms_over_papers(path, papers)
    only = {t.strip() for t in args.targets.split(",") if t.strip()}
    significant = significant_trials(path, papers)
    resources = load_resources()
    # the change model, as the engine loads it (ExtractiveEngine._learned_results)
    learned = LearnedResults(resources.efficacy, load_pico_tagger, resources.polarity) if resources.efficacy else None
    totals: Counter[str] = Counter()
    for target in evidence_inference_targets(path, papers):
        if (only and target.target_id not in only) or (not only and target.target_id not in significant):
            continue
        name, verdict, found = trial_reasons([text for _, text in target.statements], resources, learned)
        if name is None:
            continue
        if not only and verdict != "insufficient_evidence":
            continue
        cause = kind(found)
        totals[cause] += 1
        print(f"=== {target.target_id} | labelled: {target.intervention} | named: {name} | efficacy {verdict} | "
              f"{cause}")
        for index, why, read in found:
            print(f"  S{index + 1} [{why}] {read}")
    for reason, count in totals.most_common():
        print(f"{count:5d}  {reason}")
    return 0


def form_of(sentence: str) -> str:
    """The first of FORMS a sentence's words match."""
    return next((form for form, pattern in FORMS.items() if pattern.search(sentence)), "other")


def _changed_labels(path: Path) -> dict[tuple[str, str], set[str]]:
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            if row["label"] in ("increased", "decreased"):
                labels[(str(row["pmcid"]), " ".join(row["text"].split()))].add(row["label"])
    return labels


def skipped_results(path: Path, papers: Callable[[str], bool]) -> int:
    """--skipped: each labelled change no efficacy finding rests on, read or unread, and the unread ones by form."""
    labels = _changed_labels(path)
    engine = ExtractiveEngine()
    resources = load_resources()
    forms: Counter[str] = Counter()
    trials: dict[str, set[str]] = defaultdict(set)
    for target in evidence_inference_targets(path, papers):
        texts = [" ".join(text.split()) for _, text in target.statements]
        statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
        brief = summarize(statements, engine=engine)
        if brief.target.intervention is None:
            continue
        used = {sid for outcome in brief.efficacy.outcomes for sid in outcome.statement_ids}
        for statement in statements:
            if statement.id in used or not labels.get((target.target_id.removeprefix("ei-"), statement.text)):
                continue
            read = bool(annotate(statement.text, resources_=resources).outcomes)
            form = form_of(statement.text)
            if not read:
                forms[form] += 1
                trials[form].add(target.target_id)
            print(f"{target.target_id} | {brief.efficacy.assessment} | {'read' if read else 'unread'} | {form} || "
                  f"{statement.text[:240]}")
    for form, count in forms.most_common():
        print(f"{count:5d} unread in {len(trials[form]):3d} trials  {form}")
    return 0


def forms_over_papers(path: Path, papers: Callable[[str], bool]) -> int:
    """--forms: every distinct sentence of the split's papers labelled increased or decreased, by form: how many, from
    how many papers, and how many of them (and of their papers) the rules read an outcome in."""
    resources = load_resources()
    sentences: Counter[str] = Counter()
    read: Counter[str] = Counter()
    form_papers: dict[str, set[str]] = defaultdict(set)
    unread_papers: dict[str, set[str]] = defaultdict(set)
    for (pmcid, text), _ in sorted(_changed_labels(path).items()):
        if not papers(pmcid):
            continue
        form = form_of(text)
        sentences[form] += 1
        form_papers[form].add(pmcid)
        if annotate(text, resources_=resources).outcomes:
            read[form] += 1
        else:
            unread_papers[form].add(pmcid)
    print("sentences  read  papers  papers with one unread  form")
    for form, count in sentences.most_common():
        print(f"{count:9d} {read[form]:5d} {len(form_papers[form]):7d} {len(unread_papers[form]):23d}  {form}")
    total = sum(sentences.values())
    print(f"{total:9d} {sum(read.values()):5d}  all forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
