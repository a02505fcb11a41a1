"""Evaluate whole briefs against the verdicts a reviewer accepts for real target papers (summarizer eval --task brief).

A dataset is a directory with `statements.jsonl` (`target`, `id`, `text`: the citing statements of each target
paper) and `targets.jsonl` (per target: `target_index`, `intervention` or null, `kind`, `safety_ok` and
`efficacy_ok`, the acceptable verdicts, `key_outcomes`, `key_adverse_events`, optionally `evidence_ids`), as in
../shared/data/brief_targets. Each target's statements go through the whole pipeline with the chosen engine, and
the brief's two verdicts are scored against the acceptable sets.

Names are matched by words, not by exact text, because reviewers describe an outcome ("HbA1c / glycaemic
control") in other words than a citing sentence ("glycemic control"): see `names_match`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.engines import Engine
from summarizer.errors import InputError
from summarizer.evaluation.sentences import read_json_objects
from summarizer.models import EfficacyAssessment, SafetyAssessment, Statement
from summarizer.pipeline import summarize

SAFETY_VERDICTS: tuple[SafetyAssessment, ...] = (
    "no_concerns_reported", "concerns_reported", "mixed", "insufficient_evidence"
)
EFFICACY_VERDICTS: tuple[EfficacyAssessment, ...] = (
    "benefit_reported", "no_benefit_reported", "harm_reported", "mixed", "insufficient_evidence"
)
STATEMENTS_FILE = "statements.jsonl"
TARGETS_FILE = "targets.jsonl"
_STEM = 5
_NAME_STOP = frozenset({
    "the", "and", "with", "from", "for", "into", "onto", "than", "that", "this", "these", "those", "its", "their",
    "of", "in", "on", "at", "to", "by", "via", "per", "vs", "versus", "level", "levels", "rate", "rates", "class",
    # words of measurement and cause that do not say which outcome or event it is
    "time", "duration", "number", "proportion", "incidence", "risk", "score", "scores", "total", "mean", "patients",
    "drug", "induced", "related", "associated",
})
_WORD = re.compile(r"[a-z0-9]+")
NAME_MATCHING_RULE = (
    "Names are compared as sets of word stems (the first five letters of each word of three letters or more, a "
    "plural's s dropped first, function words and generic words of measurement or cause such as time, risk, "
    "number, drug, induced left out). The reviewer's name is split into the alternatives it offers "
    "(\"HbA1c / glycaemic control\" offers \"HbA1c\" and \"glycaemic control\"; a parenthesis is an alternative "
    "too). A predicted name matches when it holds at least half (rounded up) of the stems of one alternative."
)


@dataclass(frozen=True)
class BriefTarget:
    """One target paper: its citing statements and the verdicts a reviewer accepts."""

    target_id: str
    statements: tuple[tuple[str, str], ...]  # (source id, text)
    safety_ok: frozenset[str]
    efficacy_ok: frozenset[str]
    intervention: str | None = None
    kind: str | None = None
    key_outcomes: tuple[str, ...] = ()
    key_adverse_events: tuple[str, ...] = ()
    evidence_ids: tuple[str, ...] = ()


@dataclass
class _Tally:
    n: int = 0
    both: int = 0
    safety: int = 0
    efficacy: int = 0

    def add(self, safety_ok: bool, efficacy_ok: bool) -> None:
        self.n += 1
        self.both += safety_ok and efficacy_ok
        self.safety += safety_ok
        self.efficacy += efficacy_ok

    def share(self, count: int) -> float:
        return count / self.n if self.n else 0.0

    def report(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "both_ok": self.both,
            "both_ok_share": self.share(self.both),
            "safety_ok_share": self.share(self.safety),
            "efficacy_ok_share": self.share(self.efficacy),
        }


@dataclass
class _Recall:
    found: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        return {"found": self.found, "total": self.total, "recall": self.found / self.total if self.total else None}


def _content_stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _NAME_STOP}


def _stem(word: str) -> str:
    """The first five letters of a word, a plural's "s" dropped first ("LMWHs" is "LMWH")."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:_STEM]


def _alternatives(gold: str) -> list[set[str]]:
    """A reviewer's name split into the names it offers: "A / B" and "A (B)" offer A and B."""
    inside = re.findall(r"\(([^()]*)\)", gold)
    outside = re.sub(r"\([^()]*\)", " ", gold)
    parts = [p for piece in (outside, *inside) for p in re.split(r"\s*/\s*|;", piece)]
    return [stems for part in parts if (stems := _content_stems(part))]


def names_match(gold: str, predicted: Iterable[str]) -> bool:
    """Whether any predicted name matches a reviewer's name, by NAME_MATCHING_RULE."""
    options = _alternatives(gold)
    for name in predicted:
        stems = _content_stems(name)
        if any(len(option & stems) >= math.ceil(len(option) / 2) for option in options):
            return True
    return False


def intervention_named(gold: str, predicted: str) -> bool:
    """Whether a brief's intervention names the reviewer's: by NAME_MATCHING_RULE, or, for a shorter name, when
    every word stem of it is in one of the reviewer's alternatives ("weight loss" names "weight loss via intensive
    lifestyle intervention (Look AHEAD)")."""
    if names_match(gold, [predicted]):
        return True
    stems = _content_stems(predicted)
    return bool(stems) and any(stems <= option for option in _alternatives(gold))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    objects = read_json_objects(path, f"missing {path.name} in {path.parent}")
    return [{**obj, "__line": number} for number, obj in objects]


def _verdicts(row: dict[str, Any], key: str, allowed: Sequence[str], where: str) -> frozenset[str]:
    value = row.get(key)
    if not isinstance(value, list) or not value or any(v not in allowed for v in value):
        raise InputError(f"{where}: {key} must be a non-empty list of: {', '.join(allowed)}")
    return frozenset(value)


def _strings(row: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def load_brief_targets(directory: str | Path) -> list[BriefTarget]:
    """Read a brief-level dataset directory (statements.jsonl and targets.jsonl)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"not a directory of statements.jsonl and targets.jsonl: {directory}")
    texts: dict[str, list[tuple[str, str]]] = {}
    for row in _read_jsonl(directory / STATEMENTS_FILE):
        where = f"{STATEMENTS_FILE} line {row['__line']}"
        target, sid, text = row.get("target"), row.get("id"), row.get("text")
        if not isinstance(target, str | int) or isinstance(target, bool):
            raise InputError(f"{where}: missing field 'target'")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: missing or empty field 'text'")
        texts.setdefault(str(target), []).append((str(sid if sid is not None else row["__line"]), text))
    targets = []
    for row in _read_jsonl(directory / TARGETS_FILE):
        where = f"{TARGETS_FILE} line {row['__line']}"
        raw = row.get("target_index", row.get("target"))
        if not isinstance(raw, str | int) or isinstance(raw, bool):
            raise InputError(f"{where}: missing field 'target_index'")
        key = str(raw)
        if key not in texts:
            raise InputError(f"{where}: target {key} has no statements in {STATEMENTS_FILE}")
        intervention = row.get("intervention")
        if intervention is not None and not isinstance(intervention, str):
            raise InputError(f"{where}: intervention must be a string or null")
        kind = row.get("kind")
        targets.append(
            BriefTarget(
                target_id=key,
                statements=tuple(texts[key]),
                safety_ok=_verdicts(row, "safety_ok", SAFETY_VERDICTS, where),
                efficacy_ok=_verdicts(row, "efficacy_ok", EFFICACY_VERDICTS, where),
                intervention=intervention or None,
                kind=kind if isinstance(kind, str) else None,
                key_outcomes=_strings(row, "key_outcomes", where),
                key_adverse_events=_strings(row, "key_adverse_events", where),
                evidence_ids=_strings(row, "evidence_ids", where),
            )
        )
    if not targets:
        raise InputError(f"{directory / TARGETS_FILE} has no targets")
    return targets


def evaluate_briefs(
    targets: Sequence[BriefTarget],
    engine: Engine,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Make each target's brief with the engine and score its verdicts, intervention and names."""
    chosen = list(targets[:limit] if limit is not None else targets)
    if not chosen:
        raise InputError("nothing to evaluate: no targets")
    overall, by_group = _Tally(), {"intervention": _Tally(), "none": _Tally()}
    by_kind: dict[str, _Tally] = {}
    outcomes, events, evidence = _Recall(), _Recall(), _Recall()
    detection = {"true_positive": 0, "false_positive": 0, "false_negative": 0, "true_negative": 0}
    named = 0  # targets whose intervention the brief names (the reviewer's, by intervention_named)
    rows = []
    for done, target in enumerate(chosen, start=1):
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        source_ids = {f"S{i}": sid for i, (sid, _) in enumerate(target.statements, start=1)}
        brief = summarize(statements, engine=engine)
        safety_ok = brief.safety.assessment in target.safety_ok
        efficacy_ok = brief.efficacy.assessment in target.efficacy_ok
        overall.add(safety_ok, efficacy_ok)
        by_group["intervention" if target.intervention else "none"].add(safety_ok, efficacy_ok)
        by_kind.setdefault(target.kind or "unknown", _Tally()).add(safety_ok, efficacy_ok)
        found = brief.target.intervention
        detection[_detection_cell(target.intervention is not None, found is not None)] += 1
        named_right = bool(target.intervention and found and intervention_named(target.intervention, found.name))
        named += named_right
        outcome_names = [o.outcome for o in brief.efficacy.outcomes]
        event_names = [e.name for e in brief.safety.adverse_events]
        for recall, gold_names, predicted in (
            (outcomes, target.key_outcomes, outcome_names),
            (events, target.key_adverse_events, event_names),
        ):
            for gold in gold_names:
                recall.total += 1
                if names_match(gold, predicted):
                    recall.found += 1
                else:
                    recall.missed.append(f"{target.target_id}: {gold}")
        intervention_ids = [source_ids[sid] for sid in found.statement_ids] if found else []
        if target.intervention:
            evidence.total += len(target.evidence_ids)
            evidence.found += len(set(target.evidence_ids) & set(intervention_ids))
        rows.append(
            {
                "target": target.target_id,
                "kind": target.kind,
                "gold_intervention": target.intervention,
                "intervention": found.name if found else None,
                "intervention_named": named_right,
                "intervention_statements": intervention_ids,
                "safety": brief.safety.assessment,
                "safety_ok": sorted(target.safety_ok),
                "efficacy": brief.efficacy.assessment,
                "efficacy_ok": sorted(target.efficacy_ok),
                "both_ok": safety_ok and efficacy_ok,
                "outcomes": outcome_names,
                "adverse_events": event_names,
            }
        )
        if progress is not None:
            progress(done, len(chosen))
    return {
        "task": "brief",
        **overall.report(),
        "by_group": {name: tally.report() for name, tally in by_group.items()},
        "by_kind": {name: tally.report() for name, tally in sorted(by_kind.items())},
        "intervention_detection": detection,
        "intervention_named": named,
        "key_outcome_recall": outcomes.report(),
        "key_adverse_event_recall": events.report(),
        "evidence_id_recall": evidence.report(),
        "name_matching": NAME_MATCHING_RULE,
        "targets": rows,
    }


def _detection_cell(gold: bool, found: bool) -> str:
    if gold:
        return "true_positive" if found else "false_negative"
    return "false_positive" if found else "true_negative"


def _share(part: dict[str, Any]) -> str:
    return (
        f"both {part['both_ok']}/{part['n']} ({part['both_ok_share']:.1%}), safety {part['safety_ok_share']:.1%}, "
        f"efficacy {part['efficacy_ok_share']:.1%}"
    )


def _recall_text(part: dict[str, Any]) -> str:
    if part["recall"] is None:
        return "none to find"
    return f"{part['found']}/{part['total']} ({part['recall']:.1%})"


def format_brief_report_text(report: dict[str, Any]) -> str:
    """A readable summary of a brief-level evaluation report."""
    detection = report["intervention_detection"]
    lines = [
        f"task brief: {report['n']} targets; verdicts acceptable: {_share(report)}",
        f"  targets that test an intervention: {_share(report['by_group']['intervention'])}",
        f"  targets that test none:            {_share(report['by_group']['none'])}",
        "intervention found: "
        f"{detection['true_positive']} of {detection['true_positive'] + detection['false_negative']} targets that "
        f"test one ({report['intervention_named']} named as the reviewer does); wrongly for "
        f"{detection['false_positive']} of "
        f"{detection['false_positive'] + detection['true_negative']} that test none",
        f"key outcomes recalled: {_recall_text(report['key_outcome_recall'])}; "
        f"key adverse events recalled: {_recall_text(report['key_adverse_event_recall'])}; "
        f"reviewer's evidence ids among the intervention's statements: {_recall_text(report['evidence_id_recall'])}",
        "",
        f"{'kind':<28}{'n':>4}{'both':>8}{'safety':>9}{'efficacy':>10}",
    ]
    for kind, part in report["by_kind"].items():
        lines.append(
            f"{kind:<28}{part['n']:>4}{part['both_ok_share']:>8.1%}{part['safety_ok_share']:>9.1%}"
            f"{part['efficacy_ok_share']:>10.1%}"
        )
    wrong = [row for row in report["targets"] if not row["both_ok"]]
    if wrong:
        lines += ["", "targets with a verdict outside the acceptable set:"]
        for row in wrong:
            lines.append(
                f"  {row['target']} ({row['kind']}): safety {row['safety']} (ok: {', '.join(row['safety_ok'])}); "
                f"efficacy {row['efficacy']} (ok: {', '.join(row['efficacy_ok'])}); "
                f"intervention {row['intervention']!r}"
            )
    return "\n".join(lines)
