"""The PICO reader: tokens and spans, the `pico` evaluation task and its metrics, and the training path, on a
hand-written fixture (tests/fixtures/pico/)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.engines.extractive.pico import (
    PicoSpan,
    PicoTagger,
    decide,
    load_pico_tagger,
    split_token,
    tokenise,
)
from summarizer.errors import InputError
from summarizer.evaluation.pico import (
    TaggedSentence,
    evaluate_pico,
    format_pico_report_text,
    load_tagged_sentences,
)
from summarizer.evaluation.tasks import EVAL_TASKS
from summarizer.training.pico import (
    FitSettings,
    PicoSentence,
    abstract_sentences,
    choose_thresholds,
    crf_json,
    fit,
    fold_of,
    interventions_only,
    load_sentences,
    shared_abstracts,
    tagger_settings,
    train_reader,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pico" / "sentences.jsonl"
REPORT_KEYS = {"task", "n", "tokens", "accuracy", "macro_f1", "per_class", "confusion"}


@pytest.fixture(scope="module")
def tagger() -> PicoTagger:
    shipped = load_pico_tagger()
    assert shipped is not None, "the shipped PICO model is missing (python scripts/train_pico.py)"
    return shipped


def test_the_loader_says_none_without_the_data_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import summarizer.engines.extractive.pico as pico

    monkeypatch.setattr(pico, "DATA_DIR", tmp_path)
    pico.load_pico_tagger.cache_clear()
    try:
        assert pico.load_pico_tagger() is None
    finally:
        pico.load_pico_tagger.cache_clear()


def test_tokenise_splits_punctuation_keeps_inner_marks_and_offsets() -> None:
    text = "Thirty-six adults (aged 18-65) took 0.5 mg/kg, or 5% saline."
    words = tokenise(text)
    assert [w for w, _, _ in words] == [
        "Thirty-six", "adults", "(", "aged", "18-65", ")", "took", "0.5", "mg/kg", ",", "or", "5%", "saline", ".",
    ]  # fmt: skip
    assert all(text[start:end] == word for word, start, end in words)
    assert split_token("(SEM)") == ["(", "SEM", ")"]
    assert split_token("  ") == ["  "]


def test_tag_gives_one_tag_a_token(tagger: PicoTagger) -> None:
    for row in load_tagged_sentences(FIXTURE):
        tags = tagger.tag(row.tokens)
        assert len(tags) == len(row.tokens)
        assert set(tags) <= {"N", "P", "I", "O"}
    assert tagger.tag([]) == []
    assert len(tagger.tag(["(SEM)", "was", "used", "."])) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Forty adults with asthma received inhaled budesonide or placebo.",
        "  In 120 children with acute otitis media,   amoxicillin reduced pain scores (p<0.05) [12].",
        "Ketamine (0.5 mg/kg) lowered postoperative nausea and vomiting in patients undergoing surgery.",
        "",
        "!!!",
    ],
)
def test_spans_are_exact_substrings_at_their_offsets(tagger: PicoTagger, text: str) -> None:
    spans = tagger.spans(text)
    previous_end = 0
    for span in spans:
        assert isinstance(span, PicoSpan)
        assert span.kind in ("P", "I", "O")
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        assert span.text == text[span.start : span.end]
        assert span.text == span.text.strip()
        previous_end = span.end


def test_spans_of_a_clear_trial_sentence(tagger: PicoTagger) -> None:
    spans = tagger.spans("Patients with asthma were randomised to budesonide or placebo.")
    kinds = {span.kind for span in spans}
    assert "I" in kinds or "P" in kinds


def test_decide_takes_the_likeliest_tag_over_its_threshold() -> None:
    thresholds = (0.5, 0.2, 0.3)  # P, I, O
    assert decide([(0.4, 0.1, 0.2)], thresholds) == ["N"]
    assert decide([(0.4, 0.25, 0.2)], thresholds) == ["I"]
    assert decide([(0.6, 0.3, 0.1)], thresholds) == ["P"]
    assert decide([(0.1, 0.3, 0.35)], thresholds) == ["O"]


def test_the_pico_task_is_registered() -> None:
    assert "pico" in EVAL_TASKS.choices()


class ScriptedTagger:
    """Gives fixed tags for each sentence, in order."""

    def __init__(self, tags: Sequence[Sequence[str]]) -> None:
        self.tags = [list(t) for t in tags]
        self.calls = 0

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        self.calls += 1
        return self.tags[self.calls - 1]


def test_metrics_of_known_answers() -> None:
    rows = [
        TaggedSentence(("a", "b", "c", "d"), ("P", "P", "I", "N")),
        TaggedSentence(("e", "f", "g"), ("O", "O", "N")),
    ]
    predicted = [["P", "N", "I", "I"], ["O", "P", "N"]]
    report = evaluate_pico(rows, ScriptedTagger(predicted))
    assert set(report) == REPORT_KEYS
    assert report["task"] == "pico" and report["n"] == 2 and report["tokens"] == 7
    assert list(report["per_class"]) == ["I", "O", "P"]
    p = report["per_class"]["P"]  # gold 2, predicted 2, right 1
    assert (p["precision"], p["recall"], p["f1"], p["support"]) == (0.5, 0.5, 0.5, 2)
    i = report["per_class"]["I"]  # gold 1, predicted 2, right 1
    assert (i["precision"], i["recall"], i["support"]) == (0.5, 1.0, 1)
    assert i["f1"] == pytest.approx(2 / 3)
    o = report["per_class"]["O"]  # gold 2, predicted 1, right 1
    assert (o["precision"], o["recall"], o["support"]) == (1.0, 0.5, 2)
    assert o["f1"] == pytest.approx(2 / 3)
    assert report["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert report["accuracy"] == pytest.approx(4 / 7)
    assert report["confusion"]["P"] == {"I": 0, "O": 0, "P": 1, "N": 1}
    assert report["confusion"]["N"] == {"I": 1, "O": 0, "P": 0, "N": 1}
    text = format_pico_report_text(report)
    assert "task pico: n=2 sentences, 7 tokens" in text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"tags": ["N"]}', "line 2: 'tokens'"),
        ('{"tokens": ["a"], "tags": "N"}', "line 2: 'tags'"),
        ('{"tokens": ["a", "b"], "tags": ["N"]}', "line 2: 1 tags for 2 tokens"),
        ('{"tokens": ["a"], "tags": ["X"]}', "line 2: invalid tag 'X'"),
        ('{"tokens": [], "tags": []}', "line 2: 'tokens'"),
        ("[1, 2]", "line 2: expected a JSON object"),
        ("{oops", "line 2: invalid JSON"),
    ],
)
def test_bad_rows_are_one_line_input_errors(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"tokens": ["a"], "tags": ["N"]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_tagged_sentences(path)
    assert "\n" not in str(caught.value)


def test_empty_and_missing_files_are_input_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no rows"):
        load_tagged_sentences(empty)
    with pytest.raises(InputError, match="not found"):
        load_tagged_sentences(tmp_path / "missing.jsonl")


def test_cli_eval_pico_json(capsys: pytest.CaptureFixture[str], tagger: PicoTagger) -> None:
    code = main(["eval", str(FIXTURE), "--task", "pico", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    assert set(report) == REPORT_KEYS | {"note"}
    assert "in-sample" in report["note"]  # the shipped tagger's own training files score in-sample
    assert report["n"] == 8
    assert set(report["per_class"]) == {"I", "O", "P"}


def test_cli_eval_pico_bad_row_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"tokens": ["a", "b"], "tags": ["N"]}\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "eval", str(path), "--task", "pico"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "line 1" in done.stderr and "Traceback" not in done.stderr


def test_training_path_runs_on_the_fixture(tmp_path: Path) -> None:
    sentences = load_sentences(FIXTURE)
    assert {fold_of(s.doc, 2) for s in sentences} == {0, 1}
    extra = [("x1", ("Adults", "received", "budesonide", "."), ("N", "N", "I", "N"))]
    settings = FitSettings(max_iterations=20)
    reader = train_reader(sentences, tmp_path, settings, extra, folds=2)
    assert set(reader["thresholds"]) == {"P", "I", "O"}
    tagger = PicoTagger.from_file(tmp_path / "pico_tagger.json")
    assert tagger.interventions is not None
    tags = tagger.tag(["Adults", "with", "asthma", "received", "budesonide", "."])
    assert len(tags) == 6
    report = evaluate_pico(load_tagged_sentences(FIXTURE), tagger.tag)
    assert report["accuracy"] > 0.5  # it has seen these sentences


def test_the_tagger_s_marginals_are_crfsuite_s(tmp_path: Path) -> None:
    import pycrfsuite

    sentences = load_sentences(FIXTURE)
    fit(sentences, tmp_path / "fixture.crfsuite", FitSettings(max_iterations=30))
    tagger = PicoTagger(tagger_settings(crf_json(tmp_path / "fixture.crfsuite"), {}, False))
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "fixture.crfsuite"))
    fit(interventions_only(sentences), tmp_path / "i.crfsuite", FitSettings(max_iterations=30))
    i_tagger = PicoTagger(tagger_settings(crf_json(tmp_path / "i.crfsuite"), {}, False))
    i_reference = pycrfsuite.Tagger()
    i_reference.open(str(tmp_path / "i.crfsuite"))
    for words in (["Adults", "with", "asthma", "received", "budesonide", "."], ["pain"], ["a", "b"]):
        reference.set(tagger.features.sentence(words))
        for i, row in enumerate(tagger.marginals(words)):
            assert row == pytest.approx([reference.marginal(tag, i) for tag in ("P", "I", "O")], abs=1e-5)
        i_reference.set(tagger.features.sentence(words))  # two labels: the other written-out pass
        for i, row in enumerate(i_tagger.marginals(words)):
            assert row[1] == pytest.approx(i_reference.marginal("I", i), abs=1e-5)


def test_thresholds_and_shared_runs() -> None:
    gold = ["I", "N", "N", "O"]
    marginals = [(0.0, 0.3, 0.0), (0.0, 0.1, 0.0), (0.0, 0.0, 0.0), (0.0, 0.0, 0.6)]
    chosen = choose_thresholds(gold, marginals)
    assert 0.1 < chosen["I"] <= 0.3
    words = tuple(f"w{i}" for i in range(12))
    sentence = PicoSentence(words, ("N",) * 12, "d")
    abstracts = [("same", words + (".",), ("N",) * 13), ("other", words[:9], ("N",) * 9)]
    assert shared_abstracts(abstracts, [sentence]) == {"same"}
    split = abstract_sentences(("A", ".", "B", "C"), ("N", "N", "I", "N"), "x")
    assert [s.words for s in split] == [("A", "."), ("B", "C")]


def test_the_thresholds_of_a_command_line_or_a_one_line_error() -> None:
    import argparse

    from summarizer.training.pico import thresholds_arg

    assert thresholds_arg("P=0.3, I=0.06,O=0.15") == {"P": 0.3, "I": 0.06, "O": 0.15}
    for bad in ("P=x,I=1,O=2", "P=0.3", "P0.3,I0.1,O0.1"):
        with pytest.raises(argparse.ArgumentTypeError):
            thresholds_arg(bad)
    completed = subprocess.run(
        [sys.executable, "scripts/train_pico.py", "--thresholds", "P=x,I=1,O=2"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1], check=False,
    )
    assert completed.returncode == 2 and "Traceback" not in completed.stderr
