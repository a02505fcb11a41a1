"""Harms named in case reports as "lower is better" examples of the learned outcome polarity
(summarizer.training.polarity_ade, train_polarity's `harms`, scripts/train_polarity.py --harms).

The spans, drug names and outcome names here are written for these tests (fixtures), not taken from a corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.training.polarity_ade import harm_name, harm_names

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("span", "drugs", "name"), [
    ("severe urticaria", [], "severe urticaria"),
    ("Hepatitis", [], "hepatitis"),
    # the drug is the cause, not the harm
    ("drugamycin toxicity", ["drugamycin"], "toxicity"),
    ("drugamycin-induced neutropenia", [], "neutropenia"),
    # a change of a measure: it would teach that the measure is bad to have
    ("decreased heart rate", [], None),
    ("elevated serum urea", [], None),
    ("loss of hearing", [], None),
    ("renal failure", [], None),
    ("prolongation of the PR interval", [], None),
    ("positive antibody test", [], None),
    ("QT-prolongation", [], None),
    # nothing left
    ("drugamycin", ["drugamycin"], None),
])
def test_a_harm_name_is_a_condition_not_a_change(span: str, drugs: list[str], name: str | None) -> None:
    assert harm_name(span, drugs) == name


def test_harm_names_are_distinct_and_keep_their_first_document() -> None:
    rows = [("200", ["Urticaria", "decreased heart rate"], []), ("100", ["urticaria", "rash"], [])]
    assert harm_names(rows) == [("100", "rash"), ("100", "urticaria")]


def test_harm_examples_teach_their_words() -> None:
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    from summarizer.training.polarity import Example, fit, harm_examples, harm_features, probability_higher

    assert not any(f.startswith(("S:", "B:")) for f in harm_features("acute urticaria"))
    trials = [Example(f"d{i}", name, good, 1.0, True) for i, (name, good) in enumerate(
        [("grip strength", True), ("walking distance", True), ("wheeze days", False), ("cough days", False)] * 10)]
    harms = harm_examples([(f"c{i}", name) for i, name in enumerate(["urticaria", "severe urticaria"] * 20)], 0.5)
    names = ["reading speed", "urticaria incidence"]
    before = probability_higher(*fit(trials, 0.01), names)
    after = probability_higher(*fit([*trials, *harms], 0.01), names)
    # the harm's word makes its outcome bad to have, below a name with no known word (which the harms also move:
    # the shared feature takes up only part of their class, see docs/BENCHMARKS.md "s37-polarity")
    assert before[0] == pytest.approx(before[1])
    assert after[1] < after[0] - 0.05
    assert np.isfinite(after).all()


def test_the_training_script_says_what_is_wrong_with_the_case_reports(tmp_path: Path) -> None:
    corpus = tmp_path / "evidence_inference"
    corpus.mkdir()
    row = {"id": "a", "pmcid": "doc1", "prompt_id": "p", "text": "Grip strength improved.", "intervention": "X",
           "comparator": "placebo", "outcome": "grip strength", "label": "increased"}
    (corpus / "dev.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "scripts/train_polarity.py", "--data-dir", str(tmp_path), "--out", str(tmp_path / "o.json"),
         "--harms"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "corpus not found" in run.stderr and "ade" in run.stderr
    (tmp_path / "ade").mkdir()
    (tmp_path / "ade" / "dev.jsonl").write_text('{"pmid": "1", "effects": "rash"}\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "scripts/train_polarity.py", "--data-dir", str(tmp_path), "--out", str(tmp_path / "o.json"),
         "--harms"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2 and "line 1: field 'effects' must be a list of strings" in run.stderr


def test_the_bench_counts_unclear_names_that_hold_a_harm(tmp_path: Path) -> None:
    """bench_polarity.py --harms: of the names the rules leave unclear, those that hold a train harm name or its head.
    Document ids are chosen among the train ones (is_heldout False) so that the harms are read."""
    from summarizer.evaluation import is_heldout

    train_ids = [str(i) for i in range(100) if not is_heldout(str(i))][:2]
    (tmp_path / "ade").mkdir()
    (tmp_path / "ade" / "dev.jsonl").write_text(
        "\n".join(json.dumps({"pmid": pmid, "effects": effects, "drugs": []})
                  for pmid, effects in zip(train_ids, (["acute urticaria"], ["elevated serum urea"]), strict=True)),
        encoding="utf-8")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_polarity import harm_name_coverage
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rows = [{"pmcid": "d", "outcome": name} for name in ("acute urticaria days", "urticaria score", "serum urea",
                                                          "mortality")]
    coverage = harm_name_coverage(rows, tmp_path)
    # "mortality" is decided by the rules; "serum urea" came only from a change span, which is no harm
    assert coverage["unclear_names"] == 3
    assert coverage["holding_a_harm_name"] == 1 and coverage["examples_name"] == ["acute urticaria days"]
    assert coverage["holding_a_head_word"] == 2
