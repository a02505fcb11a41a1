"""Evaluate the PICO reader on EBM-NLP-style JSON Lines (`tokens`, `tags` in N/P/I/O): token-level precision,
recall and F1 of P, I and O, in the shape of the per-sentence tasks' reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.evaluation.sentences import format_report_text, metrics, read_json_objects

PICO_TAGS = ("I", "O", "P")
NONE_TAG = "N"
ALL_TAGS = (*PICO_TAGS, NONE_TAG)


@dataclass(frozen=True)
class TaggedSentence:
    """One labelled sentence: its tokens and one gold tag a token."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    line: int = 0


def load_tagged_sentences(path: str | Path) -> list[TaggedSentence]:
    """Read JSON Lines rows with `tokens` and `tags` (lists of strings of one length, tags in N/P/I/O)."""
    path = Path(path)
    rows = []
    for number, obj in read_json_objects(path, f"dataset not found: {path}"):
        where = f"{path.name} line {number}"
        tokens, tags = obj.get("tokens"), obj.get("tags")
        if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) and t for t in tokens):
            raise InputError(f"{where}: 'tokens' must be a non-empty list of non-empty strings")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise InputError(f"{where}: 'tags' must be a list of strings")
        if len(tags) != len(tokens):
            raise InputError(f"{where}: {len(tags)} tags for {len(tokens)} tokens")
        wrong = next((t for t in tags if t not in ALL_TAGS), None)
        if wrong is not None:
            raise InputError(f"{where}: invalid tag {wrong!r} (expected one of: {', '.join(ALL_TAGS)})")
        rows.append(TaggedSentence(tuple(tokens), tuple(tags), number))
    if not rows:
        raise InputError(f"dataset {path} has no rows")
    return rows


def token_metrics(gold: Sequence[str], predicted: Sequence[str], sentences: int) -> dict[str, Any]:
    """Token-level scores: per-class precision/recall/F1/support of I, O and P, macro-F1 over those three, token
    accuracy over all four tags, the confusion of all four, and `n` the number of sentences."""
    scores = metrics(gold, predicted, ALL_TAGS)
    per_class = {tag: scores["per_class"][tag] for tag in PICO_TAGS}
    return {
        "n": sentences,
        "tokens": len(gold),
        "accuracy": scores["accuracy"],
        "macro_f1": sum(float(c["f1"]) for c in per_class.values()) / len(PICO_TAGS),
        "per_class": per_class,
        "confusion": scores["confusion"],
    }


def evaluate_pico(
    rows: Sequence[TaggedSentence],
    tag: Callable[[Sequence[str]], list[str]],
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Tag each row's tokens and score the tags against the gold ones."""
    chosen = list(rows[:limit] if limit is not None else rows)
    gold: list[str] = []
    predicted: list[str] = []
    for done, row in enumerate(chosen, start=1):
        tags = tag(row.tokens)
        if len(tags) != len(row.tokens):
            raise RuntimeError(f"the tagger gave {len(tags)} tags for {len(row.tokens)} tokens")
        gold.extend(row.tags)
        predicted.extend(tags)
        if progress is not None and (done % 256 == 0 or done == len(chosen)):
            progress(done, len(chosen))
    return {"task": "pico", **token_metrics(gold, predicted, len(chosen))}


def run_pico(
    path: Path,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    reader: str = "crf",
) -> dict[str, Any]:
    """`summarizer eval --task pico [--pico-reader NAME]`: a shipped PICO reader (default the CRF) on a JSON Lines
    file, its sentences tagged in batches (`tag_many`)."""
    from summarizer.engines.extractive.pico_readers import PICO_READERS

    rows = load_tagged_sentences(path)
    rows = rows[:limit] if limit is not None else rows
    spec = PICO_READERS.get(reader)
    tagger = spec.load()
    predicted: list[list[str]] = []
    for start in range(0, len(rows), PROGRESS_EVERY):
        predicted.extend(tagger.tag_many([row.tokens for row in rows[start : start + PROGRESS_EVERY]]))
        if progress is not None:
            progress(len(predicted), len(rows))
    answers = iter(predicted)
    report = evaluate_pico(rows, lambda _: next(answers))
    return {**report, "note": trained_on_note(spec.name, spec.trained_on)}


PROGRESS_EVERY = 256  # sentences


def trained_on_note(reader: str, files: str) -> str:
    """What the shipped reader learned from: scoring it on those files measures recall of its training, not
    reading."""
    return (
        f"reader {reader}: the shipped reader was trained on {files}: on those files these figures are in-sample; "
        f"python bench/bench_pico.py --reader {reader} gives them by cross-validation over documents"
    )


def format_pico_report_text(report: dict[str, Any]) -> str:
    """The per-sentence tasks' table (N, no element, added as a row), then the confusion over all four tags."""
    per_class = {**report["per_class"], NONE_TAG: _none_row(report)}
    table = format_report_text({**report, "per_class": per_class}).split("\n\n")
    head = table[0].replace(f"n={report['n']}", f"n={report['n']} sentences, {report['tokens']} tokens", 1)
    confusion = report["confusion"]
    width = max(len(str(count)) for row in confusion.values() for count in row.values()) + 2
    lines = [head, "", table[1], "", "confusion (rows: gold, columns: predicted)"]
    lines.append(" " * 20 + "".join(f"{tag:>{width}}" for tag in ALL_TAGS))
    lines += [f"{gold:<20}" + "".join(f"{confusion[gold][tag]:>{width}d}" for tag in ALL_TAGS) for gold in ALL_TAGS]
    if report.get("note"):
        lines += ["", f"note: {report['note']}"]
    return "\n".join(lines)


def _none_row(report: dict[str, Any]) -> dict[str, Any]:
    confusion = report["confusion"]
    tp = confusion[NONE_TAG][NONE_TAG]
    predicted = sum(row[NONE_TAG] for row in confusion.values())
    support = sum(confusion[NONE_TAG].values())
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": support}
