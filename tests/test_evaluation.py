"""Evaluation: dataset loading, label mapping, metrics maths and report shape (on hand-written fixtures)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarizer.engines.base import Reading, ReadRequest
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import InputError
from summarizer.evaluation.sentences import (
    LABELS,
    TASKS,
    evaluate,
    format_report_text,
    load_dataset,
    metrics,
    predicted_label,
    split_rows,
)
from summarizer.models import Annotation, StatementType

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"

# Scripted stance predictions for stance_small.jsonl (s9 answers "unclassified", counted as mentioning).
STANCE_PREDICTIONS: dict[str, StatementType] = {
    "s1": "supporting",
    "s2": "supporting",
    "s3": "mentioning",
    "s4": "contrasting",
    "s5": "supporting",
    "s6": "mentioning",
    "s7": "mentioning",
    "s8": "contrasting",
    "s9": "unclassified",
    "s10": "mentioning",
}


class ScriptedReader:
    """Returns fixed readings per id and records how it was called."""

    def __init__(self, stances: dict[str, StatementType] | None = None, change: str | None = None) -> None:
        self.stances = stances or {}
        self.change = change
        self.batches: list[list[ReadRequest]] = []

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        self.batches.append(list(requests))
        return [
            Reading(
                id=r.id,
                annotation=Annotation(annotated_by="scripted"),
                stance=self.stances.get(r.id, "mentioning"),
                change=self.change,  # type: ignore[arg-type]
            )
            for r in requests
        ]


def test_tasks_and_labels() -> None:
    assert TASKS == ("stance", "safety", "efficacy")
    assert set(LABELS["stance"]) == {"supporting", "contrasting", "mentioning"}
    assert set(LABELS["safety"]) == {"adverse_effect", "no_adverse_effect"}
    assert set(LABELS["efficacy"]) == {"increased", "decreased", "no_difference"}


def test_metrics_on_a_known_confusion_matrix() -> None:
    rows = load_dataset(FIXTURES / "stance_small.jsonl", "stance")
    report = evaluate(rows, "stance", ScriptedReader(STANCE_PREDICTIONS))
    assert report["confusion"] == {
        "supporting": {"supporting": 2, "contrasting": 0, "mentioning": 1},
        "contrasting": {"supporting": 1, "contrasting": 1, "mentioning": 0},
        "mentioning": {"supporting": 0, "contrasting": 1, "mentioning": 4},
    }
    assert report["n"] == 10
    assert report["accuracy"] == pytest.approx(0.7)
    per = report["per_class"]
    assert per["supporting"] == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3, "support": 3})
    assert per["contrasting"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})
    assert per["mentioning"] == pytest.approx({"precision": 0.8, "recall": 0.8, "f1": 0.8, "support": 5})
    assert report["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 0.8) / 3)


def test_report_has_exactly_the_contract_keys_and_is_json() -> None:
    rows = load_dataset(FIXTURES / "stance_small.jsonl", "stance")
    report = evaluate(rows, "stance", ScriptedReader(STANCE_PREDICTIONS))
    assert set(report) == {"task", "n", "accuracy", "macro_f1", "per_class", "confusion"}
    assert report["task"] == "stance"
    for label in LABELS["stance"]:
        assert set(report["per_class"][label]) == {"precision", "recall", "f1", "support"}
        assert set(report["confusion"][label]) == set(LABELS["stance"])
    assert json.loads(json.dumps(report)) == report


def test_label_never_predicted_gets_zero_not_an_error() -> None:
    result = metrics(["a", "b"], ["a", "a"], ["a", "b"])
    assert result["per_class"]["b"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert result["per_class"]["a"]["precision"] == pytest.approx(0.5)


def test_reads_in_batches_and_reports_progress() -> None:
    rows = load_dataset(FIXTURES / "stance_small.jsonl", "stance")
    reader = ScriptedReader()
    calls: list[tuple[int, int]] = []
    evaluate(rows, "stance", reader, progress=lambda done, total: calls.append((done, total)), batch_size=4)
    assert [len(b) for b in reader.batches] == [4, 4, 2]
    assert calls == [(4, 10), (8, 10), (10, 10)]


def test_limit_takes_the_first_rows() -> None:
    rows = load_dataset(FIXTURES / "stance_small.jsonl", "stance")
    report = evaluate(rows, "stance", ScriptedReader(STANCE_PREDICTIONS), limit=3)
    assert report["n"] == 3
    assert report["confusion"]["supporting"] == {"supporting": 2, "contrasting": 0, "mentioning": 1}


def test_efficacy_rows_carry_the_question_and_unclear_counts_as_no_difference() -> None:
    rows = load_dataset(FIXTURES / "efficacy_small.jsonl", "efficacy")
    assert rows[0].request.intervention == "drug A"
    assert rows[0].request.comparator == "placebo"
    assert rows[0].request.outcome == "Mortality"
    reader = ScriptedReader(change="unclear")
    report = evaluate(rows, "efficacy", reader)
    assert reader.batches[0][0].outcome == "Mortality"
    assert report["confusion"]["decreased"]["no_difference"] == 1
    assert report["confusion"]["no_difference"]["no_difference"] == 1
    assert report["accuracy"] == pytest.approx(1 / 3)


def test_stance_and_safety_requests_do_not_leak_extra_fields() -> None:
    rows = load_dataset(FIXTURES / "efficacy_small.jsonl", "efficacy")
    reader = ScriptedReader()
    relabelled = [type(r)(request=r.request, label="mentioning", group=r.group, line=r.line) for r in rows]
    evaluate(relabelled, "stance", reader)
    assert all(req.outcome is None and req.intervention is None for req in reader.batches[0])


def test_safety_needs_safety_topic_and_a_named_event() -> None:
    def reading(topics: list[str], events: list[str]) -> Reading:
        annotation = Annotation(annotated_by="t", topics=topics, adverse_events=events)  # type: ignore[arg-type]
        return Reading(id="x", annotation=annotation, stance="mentioning")

    assert predicted_label(reading(["safety"], ["rash"]), "safety") == "adverse_effect"
    assert predicted_label(reading(["safety"], []), "safety") == "no_adverse_effect"
    assert predicted_label(reading(["other"], ["rash"]), "safety") == "no_adverse_effect"


def test_invalid_label_names_the_line_and_id() -> None:
    with pytest.raises(InputError, match=r"line 2 \(id b2\).*invalid label 'positive'"):
        load_dataset(FIXTURES / "bad_label.jsonl", "stance")


def test_bad_json_names_the_line() -> None:
    with pytest.raises(InputError, match=r"line 2.*invalid JSON"):
        load_dataset(FIXTURES / "bad_json.jsonl", "stance")


def test_missing_efficacy_field_is_an_error() -> None:
    with pytest.raises(InputError, match=r"line 1 \(id m1\).*'outcome'"):
        load_dataset(FIXTURES / "missing_outcome.jsonl", "efficacy")


def test_empty_file_and_missing_file_and_unknown_task() -> None:
    with pytest.raises(InputError, match="no rows"):
        load_dataset(FIXTURES / "empty.jsonl", "stance")
    with pytest.raises(InputError, match="not found"):
        load_dataset(FIXTURES / "nope.jsonl", "stance")
    with pytest.raises(InputError, match="unknown task"):
        load_dataset(FIXTURES / "stance_small.jsonl", "sentiment")


def test_labels_of_another_task_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "t", "label": "adverse_effect"}) + "\n")
    with pytest.raises(InputError, match="invalid label"):
        load_dataset(path, "stance")


def test_duplicate_and_missing_ids_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    row = json.dumps({"id": "1", "text": "t", "label": "mentioning"})
    path.write_text(row + "\n" + row + "\n")
    with pytest.raises(InputError, match="duplicate id"):
        load_dataset(path, "stance")
    path.write_text(json.dumps({"text": "t", "label": "mentioning"}) + "\n")
    with pytest.raises(InputError, match="line 1: missing field 'id'"):
        load_dataset(path, "stance")


def test_split_is_grouped_and_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "groups.jsonl"
    lines = [
        json.dumps({"id": f"{doc}-{i}", "pmid": f"doc{doc}", "text": "t", "label": "no_adverse_effect"})
        for doc in range(60)
        for i in range(3)
    ]
    path.write_text("\n".join(lines) + "\n")
    rows = load_dataset(path, "safety")
    train, heldout = split_rows(rows)
    assert len(train) + len(heldout) == len(rows)
    assert heldout, "a fifth of 60 documents should give some held-out rows"
    train_docs = {r.group for r in train}
    assert not train_docs & {r.group for r in heldout}
    again_train, again_heldout = split_rows(rows)
    assert [r.request.id for r in again_heldout] == [r.request.id for r in heldout]


def test_text_report_lists_every_label() -> None:
    rows = load_dataset(FIXTURES / "stance_small.jsonl", "stance")
    text = format_report_text(evaluate(rows, "stance", ScriptedReader(STANCE_PREDICTIONS)))
    assert "macro-F1=0.656" in text
    for label in LABELS["stance"]:
        assert label in text
    assert "confusion" in text


def test_extractive_engine_reads_the_fixtures() -> None:
    rows = load_dataset(FIXTURES / "efficacy_small.jsonl", "efficacy")
    report = evaluate(rows, "efficacy", ExtractiveEngine())
    assert report["n"] == 3
    assert report["accuracy"] >= 2 / 3


def test_package_exports_what_it_names() -> None:
    import summarizer.evaluation as package

    assert sorted(package.__all__) == sorted(set(package.__all__))
    for name in package.__all__:
        assert getattr(package, name) is getattr(__import__("summarizer.evaluation.sentences", fromlist=[name]), name)
