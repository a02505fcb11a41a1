"""Evaluate an engine's per-sentence reading on labelled JSON Lines corpora (stance, safety, efficacy)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from summarizer.engines.base import Reading, ReadRequest
from summarizer.errors import InputError

TASKS = ("stance", "safety", "efficacy")
LABELS: dict[str, tuple[str, ...]] = {
    "stance": ("supporting", "contrasting", "mentioning"),
    "safety": ("adverse_effect", "no_adverse_effect"),
    "efficacy": ("increased", "decreased", "no_difference"),
}
EFFICACY_FIELDS = ("intervention", "comparator", "outcome")
GROUP_FIELDS = ("pmcid", "pmid")
BATCH_SIZE = 64
HELDOUT_FRACTION = 0.2
SPLIT_SEED = "extractive-v1"
# An "unclear" change is counted as no_difference: the sentence gave no clear direction.
UNCLEAR_CHANGE_AS = "no_difference"


@dataclass(frozen=True)
class LabelledRow:
    """One labelled sentence: the request an engine reads, its gold label, and its document (for splits)."""

    request: ReadRequest
    label: str
    group: str | None = None
    line: int = 0

    @property
    def document(self) -> str:
        """The document the row comes from (its own id when none is given): the unit of every split."""
        return self.group if self.group is not None else self.request.id


class Reader(Protocol):
    """Anything with the Engine's `read`."""

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences one by one."""
        ...


def _check_task(task: str) -> None:
    if task not in TASKS:
        raise InputError(f"unknown task {task!r} (choose from: {', '.join(TASKS)})")


def _text_field(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: missing or empty field {key!r}")
    return value


def read_json_objects(path: Path, missing: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSON Lines file with their line numbers (blank lines skipped); what is wrong is a one-line
    InputError naming the line. `missing` is the message when the file does not exist."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(missing) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    objects = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object")
        objects.append((number, obj))
    return objects


def load_dataset(path: str | Path, task: str) -> list[LabelledRow]:
    """Read a JSON Lines corpus with `id`, `text`, `label` (and intervention/comparator/outcome for efficacy)."""
    _check_task(task)
    path = Path(path)
    labels = LABELS[task]
    rows: list[LabelledRow] = []
    seen: set[str] = set()
    for number, obj in read_json_objects(path, f"dataset not found: {path}"):
        where = f"{path.name} line {number}"
        raw_id = obj.get("id")
        if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
            raise InputError(f"{where}: missing field 'id'")
        row_id = str(raw_id)
        where = f"{where} (id {row_id})"
        if row_id in seen:
            raise InputError(f"{where}: duplicate id")
        seen.add(row_id)
        text = _text_field(obj, "text", where)
        label = obj.get("label")
        if label not in labels:
            raise InputError(f"{where}: invalid label {label!r} for task {task} (expected one of: {', '.join(labels)})")
        extra: dict[str, str] = {}
        if task == "efficacy":
            extra = {key: _text_field(obj, key, where) for key in EFFICACY_FIELDS}
        group = next((str(obj[k]) for k in GROUP_FIELDS if obj.get(k) not in (None, "")), None)
        rows.append(
            LabelledRow(request=ReadRequest(id=row_id, text=text, **extra), label=label, group=group, line=number)
        )
    if not rows:
        raise InputError(f"dataset {path} has no rows")
    return rows


def is_heldout(group: str, fraction: float = HELDOUT_FRACTION, seed: str = SPLIT_SEED) -> bool:
    """Whether a document belongs to the held-out part (a fixed hash of seed and document id)."""
    digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def split_rows(
    rows: Sequence[LabelledRow], fraction: float = HELDOUT_FRACTION, seed: str = SPLIT_SEED
) -> tuple[list[LabelledRow], list[LabelledRow]]:
    """Split rows into (train, held-out), grouped by document so no document is in both."""
    train: list[LabelledRow] = []
    heldout: list[LabelledRow] = []
    for row in rows:
        (heldout if is_heldout(row.document, fraction, seed) else train).append(row)
    return train, heldout


def predicted_label(reading: Reading, task: str) -> str:
    """Map an engine's reading to a label of the task."""
    if task == "stance":
        return "mentioning" if reading.stance == "unclassified" else reading.stance
    if task == "safety":
        annotation = reading.annotation
        reported = "safety" in annotation.topics and bool(annotation.adverse_events)
        return "adverse_effect" if reported else "no_adverse_effect"
    if task == "efficacy":
        if reading.change is None or reading.change == "unclear":
            return UNCLEAR_CHANGE_AS
        return reading.change
    raise InputError(f"unknown task {task!r}")


def metrics(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix."""
    confusion = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    n = len(gold)
    per_class: dict[str, dict[str, float | int]] = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    correct = sum(confusion[label][label] for label in labels)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(float(c["f1"]) for c in per_class.values()) / len(labels),
        "per_class": per_class,
        "confusion": confusion,
    }


def evaluate(
    rows: Sequence[LabelledRow],
    task: str,
    engine: Reader,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> dict[str, Any]:
    """Have the engine read the rows in batches and score its labels against the gold ones."""
    _check_task(task)
    labels = LABELS[task]
    chosen = list(rows[:limit] if limit is not None else rows)
    if not chosen:
        raise InputError("nothing to evaluate: no rows")
    total = len(chosen)
    predicted: list[str] = []
    for start in range(0, total, batch_size):
        batch = chosen[start : start + batch_size]
        requests = [row.request for row in batch]
        if task != "efficacy":
            requests = [ReadRequest(id=r.id, text=r.text) for r in requests]
        readings = engine.read(requests)
        if len(readings) != len(batch):
            raise RuntimeError(f"engine returned {len(readings)} readings for {len(batch)} requests")
        by_id = {reading.id: reading for reading in readings}
        for row, reading in zip(batch, readings, strict=True):
            predicted.append(predicted_label(by_id.get(row.request.id, reading), task))
        if progress is not None:
            progress(len(predicted), total)
    report = metrics([row.label for row in chosen], predicted, labels)
    return {"task": task, **report}


def format_report_text(report: dict[str, Any]) -> str:
    """A readable table of an evaluation report."""
    labels = list(report["per_class"])
    lines = [
        f"task {report['task']}: n={report['n']}  accuracy={report['accuracy']:.3f}  "
        f"macro-F1={report['macro_f1']:.3f}",
        "",
        f"{'label':<20}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}",
    ]
    for label in labels:
        c = report["per_class"][label]
        lines.append(f"{label:<20}{c['precision']:>10.3f}{c['recall']:>10.3f}{c['f1']:>10.3f}{c['support']:>10d}")
    width = max(len(x) for x in labels) + 2
    lines += ["", "confusion (rows: gold, columns: predicted)", " " * 20 + "".join(f"{x:>{width}}" for x in labels)]
    for gold in labels:
        row = report["confusion"][gold]
        lines.append(f"{gold:<20}" + "".join(f"{row[p]:>{width}d}" for p in labels))
    return "\n".join(lines)
