"""Fine-tuning the top blocks of the PICO encoder reader's MiniLM together with its head (engines/extractive/
pico_encoder.py), on EBM-NLP, with the folds, thresholds and scores of the frozen reader's training
(summarizer/training/pico_encoder.py).

The lower blocks stay frozen, so their output is computed once a sentence and cached (outside the repository): for
each sentence, the sub-word vectors that enter the first trained block, and the sum of the frozen layers' word
vectors that the head averages (HeadConfig.layers). An epoch then costs a forward and a backward pass of the trained
blocks only. The head's input is computed exactly as the reader computes it at run time from the whole encoder
(each word the mean of its sub-words, at each chosen layer, averaged over the layers, then the shape flags), so the
trained blocks load into the pre-trained encoder in place of its own (minilm.with_tuned_blocks) and the reader reads
as it was trained.
"""

from __future__ import annotations

import copy
import hashlib
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.pico import TAGS
from summarizer.engines.extractive.pico_encoder import (
    HeadConfig,
    WordVectors,
    build_head,
    shape_flags,
    word_batch,
)
from summarizer.training.pico import FOLDS, FoldResult, PicoSentence
from summarizer.training.pico_encoder import (
    epoch_shares,
    fold_result,
    fold_split,
    intervention_sentences,
    interventions_cache,
    label_targets,
    sentences_key,
    word_loss,
)

ENCODE_BATCH = 32
BLOCKS = 6  # MiniLM-L6's transformer blocks


@dataclass(frozen=True)
class TuneSettings:
    """How the top `blocks` blocks and the head are trained: epochs, AdamW's peak learning rates (the head's and the
    blocks'), sentences a step, weight decay and the seed."""

    blocks: int = 2
    epochs: int = 4
    head_lr: float = 2e-3
    encoder_lr: float = 1e-4
    batch: int = 32
    weight_decay: float = 0.01
    seed: int = 13

    def to_json(self) -> dict[str, Any]:
        return {
            "blocks": self.blocks,
            "epochs": self.epochs,
            "head_lr": self.head_lr,
            "encoder_lr": self.encoder_lr,
            "batch": self.batch,
            "weight_decay": self.weight_decay,
            "seed": self.seed,
        }


@dataclass
class LowerOutputs:
    """The frozen lower blocks' output for each sentence: the sub-word vectors entering the first trained block
    (sub-words, 384; the [CLS] and [SEP] marks included), each sub-word's word (-1 for the marks and for sub-words
    past MAX_SUBWORDS), and the sum over the head's frozen layers of the word vectors (words, 384)."""

    hidden: list[Any]
    word_index: list[Any]
    frozen_sum: list[Any]


def frozen_layers(config: HeadConfig, blocks: int) -> list[int]:
    """The head's layers below the trained blocks (computed once)."""
    return [layer for layer in config.layers if layer <= BLOCKS - blocks]


def lower_outputs(
    sentences: Sequence[PicoSentence],
    config: HeadConfig,
    blocks: int,
    cache: Path | None = None,
    threads: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> LowerOutputs:
    """The frozen lower blocks' outputs (half precision), from `cache` when it holds those of the same sentences,
    layers and blocks, else computed (and written to `cache` when given)."""
    import torch

    frozen = frozen_layers(config, blocks)
    key = f"{sentences_key(sentences)}:{blocks}:{','.join(map(str, frozen))}"
    if cache is not None and cache.is_file():
        stored = torch.load(str(cache))
        if stored.get("key") == key:
            return LowerOutputs(stored["hidden"], stored["word_index"], stored["frozen_sum"])
    encoder = WordVectors(threads=threads)
    entry = BLOCKS - blocks  # hidden_states[entry] enters the first trained block
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].words))
    hidden: list[Any] = [None] * len(sentences)
    word_index: list[Any] = [None] * len(sentences)
    frozen_sum: list[Any] = [None] * len(sentences)
    for start in range(0, len(order), ENCODE_BATCH):
        chunk = order[start : start + ENCODE_BATCH]
        batch = word_batch(encoder.tokenizer, [sentences[i].words for i in chunk])
        with torch.inference_mode():
            if entry == 0:  # every block trained: only the embeddings' output is fixed (no block's pass needed)
                ids = {key: batch[key] for key in ("input_ids", "token_type_ids") if key in batch}
                states = (encoder.model.embeddings(**ids),)
            else:
                states = encoder.model(**batch, output_hidden_states=True).hidden_states
        for row, i in enumerate(chunk):
            length = int(batch["attention_mask"][row].sum())
            index = torch.tensor([-1 if w is None else w for w in batch.word_ids(row)][:length])
            hidden[i] = states[entry][row, :length].to(torch.float16).clone()
            word_index[i] = index
            pool = pooling(torch, index, len(sentences[i].words))
            total = torch.zeros(len(sentences[i].words), states[0].shape[-1])
            for layer in frozen:
                total += pool @ states[layer][row, :length]
            frozen_sum[i] = total.to(torch.float16)
        if progress is not None and (start // ENCODE_BATCH) % 40 == 0:
            progress(f"encoded {start + len(chunk)} of {len(sentences)} sentences")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"key": key, "hidden": hidden, "word_index": word_index, "frozen_sum": frozen_sum}, str(cache))
    return LowerOutputs(hidden, word_index, frozen_sum)


def pooling(torch: Any, index: Any, words: int) -> Any:
    """The (words, sub-words) matrix that averages each word's sub-words (a word without one gets zeros)."""
    matrix = torch.zeros(words, len(index))
    keep = index >= 0
    matrix[index[keep], torch.arange(len(index))[keep]] = 1.0
    return matrix / matrix.sum(dim=1, keepdim=True).clamp(min=1.0)


def top_blocks(blocks: int) -> Any:
    """Trainable copies of the pre-trained encoder's top `blocks` blocks (a ModuleList)."""
    import torch

    vectors = WordVectors()
    layers = vectors.model.encoder.layer
    tuned = torch.nn.ModuleList(copy.deepcopy(layers[BLOCKS - blocks + k]) for k in range(blocks))
    for param in tuned.parameters():
        param.requires_grad = True
    return tuned


def _block(block: Any, x: Any, mask: Any) -> Any:
    out = block(x, attention_mask=mask)
    return out[0] if isinstance(out, tuple) else out


class _Batch:
    """Padded tensors of some sentences: sub-words, their mask, word pooling, frozen sums, shape flags, targets."""

    def __init__(self, torch: Any, lower: LowerOutputs, flags: Sequence[Any], chunk: Sequence[int],
                 targets: Sequence[Any] | None) -> None:
        self.lengths = torch.tensor([len(lower.frozen_sum[i]) for i in chunk])
        self.hidden = torch.nn.utils.rnn.pad_sequence([lower.hidden[i].float() for i in chunk], batch_first=True)
        subwords = self.hidden.shape[1]
        words = int(self.lengths.max())
        self.mask = torch.zeros(len(chunk), subwords)
        self.pool = torch.zeros(len(chunk), words, subwords)
        for row, i in enumerate(chunk):
            n = len(lower.hidden[i])
            self.mask[row, :n] = 1.0
            words_i = len(lower.frozen_sum[i])
            self.pool[row, :words_i, :n] = pooling(torch, lower.word_index[i], words_i)
        self.frozen = torch.nn.utils.rnn.pad_sequence([lower.frozen_sum[i].float() for i in chunk], batch_first=True)
        self.flags = torch.nn.utils.rnn.pad_sequence([flags[i] for i in chunk], batch_first=True)
        self.targets = (
            None
            if targets is None
            else torch.nn.utils.rnn.pad_sequence([targets[i] for i in chunk], batch_first=True, padding_value=-100)
        )


class TunedReader:
    """The trained blocks and the head, read from the frozen blocks' cached output."""

    def __init__(self, blocks: Any, head: Any, config: HeadConfig, count: int) -> None:
        self.blocks = blocks
        self.head = head
        self.config = config
        self.count = count
        self.tuned_layers = [BLOCKS - count + 1 + k in config.layers for k in range(count)]

    def logits(self, torch: Any, batch: _Batch) -> Any:
        extended = (1.0 - batch.mask[:, None, None, :]) * torch.finfo(torch.float32).min
        x = batch.hidden
        total = batch.frozen
        for block, used in zip(self.blocks, self.tuned_layers, strict=True):
            x = _block(block, x, extended)
            if used:
                total = total + batch.pool @ x
        inputs = total / len(self.config.layers)
        if self.config.shape:
            inputs = torch.cat([inputs, batch.flags], dim=2)
        return self.head(inputs, batch.lengths)

    def parameters(self) -> list[Any]:
        return [*self.blocks.parameters(), *self.head.parameters()]

    def train(self, mode: bool) -> None:
        self.blocks.train(mode)
        self.head.train(mode)

    def state_dict(self) -> dict[str, Any]:
        """The head's tensors by its names, the blocks' by the encoder's (encoder.layer.N.*)."""
        tensors = dict(self.head.state_dict())
        for k, block in enumerate(self.blocks):
            for name, t in block.state_dict().items():
                tensors[f"encoder.layer.{BLOCKS - self.count + k}.{name}"] = t
        return tensors


def _flags(torch: Any, sentences: Sequence[PicoSentence]) -> list[Any]:
    return [torch.tensor([shape_flags(w) for w in s.words]) for s in sentences]


def _batches(order: Sequence[int], lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of sentences of similar length (less padding), in a random order."""
    shuffled = list(order)
    rng.shuffle(shuffled)
    batches: list[list[int]] = []
    pool = size * 20
    for start in range(0, len(shuffled), pool):
        group = sorted(shuffled[start : start + pool], key=lambda i: lengths[i])
        batches.extend(group[k : k + size] for k in range(0, len(group), size))
    rng.shuffle(batches)
    return batches


def train_tuned(
    lower: LowerOutputs,
    sentences: Sequence[PicoSentence],
    train: Sequence[int],
    config: HeadConfig,
    settings: TuneSettings,
    progress: Callable[[str], None] | None = None,
    partial: Sequence[int] = (),
) -> TunedReader:
    """The top blocks and a new head trained by AdamW (one-cycle schedule) on the `train` sentences, cross-entropy a
    word (word_loss). The `partial` sentences (labelled for I alone) are shared out over the epochs, each seen once,
    beside all the `train` sentences each epoch."""
    import torch

    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    reader = TunedReader(top_blocks(settings.blocks), build_head(torch, config), config, settings.blocks)
    flags = _flags(torch, sentences)
    partial_set = set(partial)
    targets = [label_targets(torch, s.tags, i in partial_set) for i, s in enumerate(sentences)]
    lengths = [len(h) for h in lower.hidden]
    shares = epoch_shares(partial, settings.epochs, settings.seed)
    optimiser = torch.optim.AdamW(
        [
            {"params": list(reader.head.parameters()), "lr": settings.head_lr, "weight_decay": 0.0},
            {"params": list(reader.blocks.parameters()), "lr": settings.encoder_lr},
        ],
        weight_decay=settings.weight_decay,
    )
    epochs = [_batches([*train, *share], lengths, settings.batch, rng) for share in shares]
    per_epoch = max(len(batches) for batches in epochs)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=[settings.head_lr, settings.encoder_lr], total_steps=sum(len(b) for b in epochs),
        pct_start=0.1,
    )
    started = time.perf_counter()
    for epoch, batches in enumerate(epochs):
        reader.train(True)
        total = 0.0
        for chunk in batches:
            batch = _Batch(torch, lower, flags, chunk, targets)
            loss = word_loss(torch, reader.logits(torch, batch), batch.targets)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
        if progress is not None:
            elapsed = time.perf_counter() - started
            progress(f"  epoch {epoch + 1}/{settings.epochs}: loss {total / per_epoch:.4f} ({elapsed:.0f} s)")
    reader.train(False)
    return reader


def read_tuned(
    reader: TunedReader, lower: LowerOutputs, sentences: Sequence[PicoSentence], chosen: Sequence[int], batch: int = 64
) -> list[list[tuple[float, float, float]]]:
    """Each chosen sentence's probabilities of P, I and O, in the order given."""
    import torch

    flags = _flags(torch, sentences)
    result: list[list[tuple[float, float, float]]] = []
    reader.train(False)
    with torch.inference_mode():
        for start in range(0, len(chosen), batch):
            chunk = list(chosen[start : start + batch])
            probs = torch.softmax(reader.logits(torch, _Batch(torch, lower, flags, chunk, None)), dim=-1)[:, :, 1:]
            for row, i in enumerate(chunk):
                result.append([(a, b, c) for a, b, c in probs[row, : len(sentences[i].words)].tolist()])
    return result


def cross_validate_tuned(
    sentences: Sequence[PicoSentence],
    lower: LowerOutputs,
    config: HeadConfig,
    settings: TuneSettings,
    folds: int = FOLDS,
    only: Sequence[int] | None = None,
    progress: Callable[[str], None] | None = None,
    partial: int = 0,
) -> list[FoldResult]:
    """For each fold (or those in `only`): the blocks and head trained on the other folds, reading the fold. The
    fold's best path is each word's likeliest label. The last `partial` sentences are interventions.jsonl's (I
    alone labelled, training.pico.abstract_sentences): they train every fold but those abstracts that share a run of
    words with a document of the test fold, and are never scored."""
    results = []
    for fold in range(folds):
        if only is not None and fold not in only:
            continue
        train, test, extra = fold_split(sentences, fold, folds, partial, progress)
        reader = train_tuned(lower, sentences, train, config, settings, progress, partial=extra)
        result = fold_result(fold, sentences, test, read_tuned(reader, lower, sentences, test))
        results.append(result)
        if progress is not None:
            from summarizer.evaluation.pico import token_metrics

            f1 = token_metrics(result.gold, result.viterbi, len(test))["per_class"]
            scores = ", ".join(f"{tag} {f1[tag]['f1']:.3f}" for tag in TAGS)
            progress(f"fold {fold}: {len(train)} training sentences, {len(test)} test; likeliest label F1 {scores}")
    return results


def fingerprint(tensors: dict[str, Any]) -> str:
    """A short hash of the trained tensors (for the settings file)."""
    digest = hashlib.sha256()
    for name in sorted(tensors):
        digest.update(name.encode())
        digest.update(tensors[name].detach().to("cpu").numpy().tobytes())
    return digest.hexdigest()[:16]


def train_tuned_reader(
    sentences: Sequence[PicoSentence],
    lower: LowerOutputs,
    config: HeadConfig,
    settings: TuneSettings,
    thresholds: dict[str, float],
    out_dir: Path,
    encoder_weight: float = 1.0,
    progress: Callable[[str], None] | None = None,
    partial: int = 0,
) -> dict[str, Any]:
    """Fine-tune the top blocks and train the head on all the sentences (the last `partial` of them labelled for I
    alone, shared out over the epochs), and write the reader into out_dir with the
    thresholds given (bench/bench_pico.py --tune-blocks prints the cross-validated choice as `pooled_thresholds`)."""
    from summarizer.training.pico_encoder import write_reader

    scored = len(sentences) - partial
    reader = train_tuned(lower, sentences, range(scored), config, settings, progress, range(scored, len(sentences)))
    training: dict[str, Any] = {"sentences": scored, "epochs": settings.epochs, "learning_rate": settings.head_lr,
                                "batch": settings.batch, "seed": settings.seed}
    if partial:
        training["interventions_sentences"] = partial
    return write_reader(reader, config, thresholds, training, out_dir, encoder_weight, tuning=settings.to_json())


def with_interventions(
    sentences: Sequence[PicoSentence], lower: LowerOutputs, path: Path, config: HeadConfig, blocks: int,
    cache: Path | None, threads: int | None, progress: Callable[[str], None] | None = None, subset: str | None = None,
) -> tuple[list[PicoSentence], LowerOutputs, int]:
    """The sentences followed by those of interventions.jsonl's abstracts (cut after each full stop; I alone
    labelled; only those of one `subset`, `random` or `difficult`, when given), their lower outputs likewise, and
    how many were added. The lower outputs of all the abstracts are cached together."""
    extra, chosen = intervention_sentences(path, subset)
    more = lower_outputs(extra, config, blocks, cache, threads, progress)
    extra = [extra[i] for i in chosen]
    more = LowerOutputs(
        [more.hidden[i] for i in chosen], [more.word_index[i] for i in chosen], [more.frozen_sum[i] for i in chosen]
    )
    combined = LowerOutputs(
        [*lower.hidden, *more.hidden], [*lower.word_index, *more.word_index], [*lower.frozen_sum, *more.frozen_sum]
    )
    return [*sentences, *extra], combined, len(extra)


def training_inputs(
    sentences: Sequence[PicoSentence],
    config: HeadConfig,
    blocks: int,
    cache: Path,
    threads: int | None,
    progress: Callable[[str], None] | None = None,
    interventions: Path | None = None,
    subset: str | None = None,
) -> tuple[list[PicoSentence], LowerOutputs, int]:
    """The sentences to train on, their lower blocks' outputs (cached beside `cache`) and how many of them come from
    interventions.jsonl (`interventions`, when given: with_interventions)."""
    lower = lower_outputs(sentences, config, blocks, cache, threads=threads, progress=progress)
    if interventions is None:
        return list(sentences), lower, 0
    return with_interventions(
        sentences, lower, interventions, config, blocks, interventions_cache(cache), threads, progress, subset
    )
