"""The learned outcome polarity: a fallback of the rules of polarity.py, never before them; the shipped model; the
training script's distant labels and its one-line errors.

The outcome names and sentences here are written for these tests (fixtures), not taken from a corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.linear import LinearModel
from summarizer.engines.extractive.polarity import (
    POLARITY_LABELS,
    LearnedPolarity,
    outcome_direction,
    polarity_features,
    rule_higher_is_better,
)
from summarizer.engines.extractive.resources import resources_of_parts, resources_parts

ROOT = Path(__file__).resolve().parents[1]


def _always(higher: bool, strength: float = 5.0, threshold: float = 0.8) -> LearnedPolarity:
    """A fixture model that says the same of every name (its bias alone)."""
    bias = [strength, 0.0] if higher else [0.0, strength]
    return LearnedPolarity(LinearModel(POLARITY_LABELS, bias, {}), threshold)


@pytest.mark.parametrize(("outcome", "change", "direction"), [
    ("mortality", "decreased", "improved"),
    ("overall survival", "increased", "improved"),
    ("length of hospital stay", "decreased", "improved"),
    ("ventilator-free days", "increased", "improved"),
])
def test_the_rules_come_first(outcome: str, change: str, direction: str) -> None:
    assert rule_higher_is_better(outcome) is not None
    for model in (_always(higher=True), _always(higher=False)):
        assert outcome_direction(outcome, change, model) == direction  # type: ignore[arg-type]


def test_the_model_answers_only_where_the_rules_say_nothing() -> None:
    name = "serum ferritin"
    assert rule_higher_is_better(name) is None
    assert outcome_direction(name, "increased") == "unclear"
    assert outcome_direction(name, "increased", _always(higher=True)) == "improved"
    assert outcome_direction(name, "increased", _always(higher=False)) == "worsened"
    assert outcome_direction(name, "decreased", _always(higher=False)) == "improved"
    # not sure enough: the rules' "unclear" stands
    assert outcome_direction(name, "increased", _always(higher=True, strength=0.5)) == "unclear"
    # no change needs no polarity
    assert outcome_direction(name, "no_difference", _always(higher=True)) == "no_difference"


def test_the_shipped_model_knows_a_good_and_a_bad_outcome() -> None:
    learned = load_resources().polarity
    assert learned is not None, "the shipped outcome polarity is missing (python scripts/train_polarity.py)"
    assert 0.5 < learned.min_probability < 1.0
    # (the rules know "forced expiratory volume" now: measure_polarity.py)
    good, bad = "mental component summary scores", "mean pulmonary artery pressure"
    assert rule_higher_is_better(good) is None and rule_higher_is_better(bad) is None
    assert learned.higher_is_better(good) is True
    assert learned.higher_is_better(bad) is False
    assert outcome_direction(bad, "decreased", learned) == "improved"


def test_the_engine_reads_with_the_shipped_polarity() -> None:
    res = load_resources()
    reading = annotate("Forced expiratory volume in one second was significantly higher in the treated group "
                       "than in the placebo group (p < 0.01).", resources_=res)
    assert [(m.change, m.direction) for m in reading.outcomes if "expiratory" in m.outcome.lower()] == [
        ("increased", "improved")
    ]


def test_the_polarity_survives_the_start_up_cache() -> None:
    res = load_resources()
    again = resources_of_parts(resources_parts(res))
    assert again.polarity is not None and res.polarity is not None
    name = "forced expiratory volume in one second"
    assert again.polarity.higher_is_better(name) == res.polarity.higher_is_better(name)
    assert again.polarity.min_probability == res.polarity.min_probability


def test_features_are_content_words_pairs_head_and_stems() -> None:
    feats = polarity_features("Levels of the serum creatinine")
    assert "W:the" not in feats and "W:of" not in feats
    assert {"W:serum", "B:serum_creatinine", "H:creatinine", "S:crea", "S:creat"} <= set(feats)


def _row(i: int, outcome: str, label: str, text: str, comparator: str = "placebo") -> dict[str, str]:
    return {"id": f"r{i}", "pmcid": f"doc{i % 7}", "prompt_id": f"p{i}", "text": text, "intervention": "drug X",
            "comparator": comparator, "outcome": outcome, "label": label}


def test_distant_labels() -> None:
    from summarizer.training.polarity import distant_examples

    rows = [
        # (a) direct: increased and "improved" -> higher is better; decreased and "improved" -> lower is better
        _row(0, "grip strength", "increased", "Grip strength improved more with drug X than with placebo."),
        _row(1, "wheeze days", "decreased", "Wheeze days improved with drug X (p = 0.01)."),
        # a negated cue gives no direct label; the control-like comparator gives the prior (weaker)
        _row(2, "exercise tolerance", "increased", "Exercise tolerance was not worse with drug X.", "usual care"),
        # a harm by name is left out of the prior
        _row(3, "adverse events", "increased", "Adverse events were more frequent with drug X."),
        # no difference says nothing
        _row(4, "sleep latency", "no_difference", "Sleep latency did not differ."),
    ]
    by_name = {ex.outcome: ex for ex in distant_examples(rows)}
    assert by_name["grip strength"].higher_is_better and by_name["grip strength"].direct
    assert not by_name["wheeze days"].higher_is_better and by_name["wheeze days"].direct
    prior = by_name["exercise tolerance"]
    assert prior.higher_is_better and not prior.direct and prior.weight < 1.0
    assert "adverse events" not in by_name and "sleep latency" not in by_name


def _train(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/train_polarity.py", "--data-dir", str(tmp_path), "--out",
         str(tmp_path / "out.json"), *args],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )


def test_the_training_script_says_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    missing = _train(tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "corpus not found" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    corpus = tmp_path / "evidence_inference"
    corpus.mkdir()
    (corpus / "dev.jsonl").write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    bad = _train(tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "line 2: invalid JSON" in bad.stderr
    (corpus / "dev.jsonl").write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    bad = _train(tmp_path)
    assert bad.returncode == 2 and "line 1: missing or empty field 'intervention'" in bad.stderr
    row = _row(0, "grip strength", "up", "Grip strength improved.")
    (corpus / "dev.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    label = _train(tmp_path)
    assert label.returncode == 2 and "invalid label 'up'" in label.stderr
    usage = _train(tmp_path, "--min-accuracy", "3")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_the_unclear_checks_are_the_direct_labels_of_names_the_rules_leave_unclear() -> None:
    from summarizer.training.polarity import CHECK_SETS, Check, unclear_checks

    targets = [
        Check("doc1", "mortality", False, "rules"),  # the rules decide: not a check of where the model is asked
        Check("doc2", "grip strength", True, "direct"),  # direct, but the rules decide it too
        Check("doc3", "plasma zinc", True, "direct"),  # direct, and the rules leave it unclear
    ]
    assert [(c.outcome, c.source) for c in unclear_checks(targets)] == [("plasma zinc", "unclear")]
    assert CHECK_SETS["unclear"][0] == ("unclear",) and CHECK_SETS["pooled"][0] == ("rules", "direct")


def test_the_training_script_refuses_an_unknown_check_set(tmp_path: Path) -> None:
    usage = _train(tmp_path, "--checks", "everything")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr and "--checks" in usage.stderr
