"""Brief-level evaluation: loading a target directory, scoring verdicts, matching names, and the eval command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import InputError
from summarizer.evaluation.briefs import (
    evaluate_briefs,
    format_brief_report_text,
    load_brief_targets,
    names_match,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "brief_eval"


def test_load_groups_statements_by_target() -> None:
    targets = load_brief_targets(FIXTURE)
    assert [t.target_id for t in targets] == ["1", "2", "3"]
    assert [len(t.statements) for t in targets] == [3, 4, 2]
    assert targets[0].intervention is None and targets[1].intervention == "metformin in mice"
    assert targets[2].safety_ok == frozenset({"concerns_reported", "mixed"})


def test_report_scores_verdicts_detection_and_names() -> None:
    report = evaluate_briefs(load_brief_targets(FIXTURE), ExtractiveEngine())
    rows = {row["target"]: row for row in report["targets"]}
    assert rows["1"]["intervention"] is None and rows["1"]["both_ok"]
    assert rows["2"]["intervention"] is not None and "metformin" in rows["2"]["intervention"].lower()
    assert rows["2"]["efficacy"] == "benefit_reported"
    assert rows["3"]["safety"] == "concerns_reported"
    assert report["n"] == 3 and report["both_ok"] == 3
    assert report["by_group"]["intervention"]["n"] == 2 and report["by_group"]["none"]["n"] == 1
    assert report["intervention_detection"] == {
        "true_positive": 2, "false_positive": 0, "false_negative": 0, "true_negative": 1
    }
    # "lifespan" and "oxidative damage" are named; "insulin sensitivity" is not
    assert report["key_outcome_recall"] == {"found": 2, "total": 3, "recall": pytest.approx(2 / 3)}
    assert report["key_adverse_event_recall"]["found"] == 2
    assert report["evidence_id_recall"]["total"] == 3
    text = format_brief_report_text(report)
    assert "both 3/3" in text and "intervention found: 2 of 2" in text


def test_limit_takes_the_first_targets() -> None:
    report = evaluate_briefs(load_brief_targets(FIXTURE), ExtractiveEngine(), limit=1)
    assert report["n"] == 1


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("HbA1c / glycaemic control", ["glycaemic control"], True),
        ("HbA1c / glycaemic control", ["HbA1c levels"], True),
        ("protection from SARS-CoV-2 challenge (weight loss) in hamsters", ["weight loss"], True),
        ("28-day mortality", ["mortality"], True),
        ("time to recovery", ["time to clinical improvement"], False),
        ("lifespan", ["healthspan"], False),
        ("non-fatal ventricular arrhythmias", ["ventricular arrhythmias"], True),
    ],
)
def test_names_match_by_word_stems(gold: str, predicted: list[str], expected: bool) -> None:
    assert names_match(gold, predicted) is expected


def test_bad_datasets_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        load_brief_targets(tmp_path / "missing")
    (tmp_path / "statements.jsonl").write_text('{"target": 1, "id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="missing targets.jsonl"):
        load_brief_targets(tmp_path)
    (tmp_path / "targets.jsonl").write_text(
        '{"target_index": 1, "safety_ok": ["safe"], "efficacy_ok": ["benefit_reported"]}\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="safety_ok must be"):
        load_brief_targets(tmp_path)
    (tmp_path / "targets.jsonl").write_text(
        '{"target_index": 2, "safety_ok": ["mixed"], "efficacy_ok": ["mixed"]}\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="target 2 has no statements"):
        load_brief_targets(tmp_path)


def test_eval_command_runs_the_brief_task(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(FIXTURE), "--task", "brief", "--format", "json", "--quiet"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["task"] == "brief" and report["n"] == 3
    assert main(["eval", str(FIXTURE), "--task", "brief", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("task brief: 3 targets")
    assert main(["eval", str(FIXTURE / "nothing"), "--task", "brief", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a directory" in err
