"""A BiLSTM-CRF head for the PICO encoder reader: the frozen head's BiLSTM (engines/extractive/pico_encoder.py
build_head) whose logits are a linear-chain CRF's word scores, trained on the sentence's likelihood (the forward
algorithm) rather than word by word, as Nye et al. 2018's LSTM-CRF baseline on EBM-NLP is. A word's probabilities
are then its CRF marginals (forward-backward), read as the other readers' are (thresholds a tag).

Cross-validated by bench/bench_pico.py --reader encoder --crf-head on the same folds, epochs and learning rate as
the word-by-word head (summarizer/training/pico_encoder.py), whose vectors cache it shares.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from summarizer.engines.extractive.pico_encoder import LABELS, HeadConfig, build_head
from summarizer.training.pico import FOLDS, FoldResult, PicoSentence
from summarizer.training.pico_encoder import TrainSettings, fold_result, fold_split


def chain_layer(torch: Any) -> Any:
    """The CRF's trainable start scores (one a label) and transition scores (label to label)."""

    class ChainLayer(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.start = torch.nn.Parameter(torch.zeros(len(LABELS)))
            self.moves = torch.nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))

    return ChainLayer()


def forward_scores(torch: Any, chain: Any, emitted: Any, mask: Any) -> Any:
    """Log forward scores (batch, words, labels); a padded word carries its sentence's last score."""
    alpha = chain.start[None, :] + emitted[:, 0]
    alphas = [alpha]
    for k in range(1, emitted.shape[1]):
        stepped = torch.logsumexp(alpha[:, :, None] + chain.moves[None], dim=1) + emitted[:, k]
        alpha = torch.where(mask[:, k, None], stepped, alpha)
        alphas.append(alpha)
    return torch.stack(alphas, dim=1)


def backward_scores(torch: Any, chain: Any, emitted: Any, mask: Any) -> Any:
    """Log backward scores (batch, words, labels); 0 at each sentence's last word and past it."""
    beta = torch.zeros_like(emitted[:, 0])
    betas = [beta]
    for k in range(emitted.shape[1] - 2, -1, -1):
        stepped = torch.logsumexp(chain.moves[None] + (emitted[:, k + 1] + beta)[:, None, :], dim=2)
        beta = torch.where(mask[:, k + 1, None], stepped, beta)
        betas.append(beta)
    return torch.stack(betas[::-1], dim=1)


def sentence_loss(torch: Any, chain: Any, emitted: Any, targets: Any, mask: Any) -> Any:
    """The negative log-likelihood of the gold tags, summed over the sentences, over the words."""
    log_z = torch.logsumexp(forward_scores(torch, chain, emitted, mask)[:, -1], dim=-1)
    tags = targets.clamp(min=0)
    gold = chain.start[tags[:, 0]] + (emitted.gather(-1, tags[..., None]).squeeze(-1) * mask).sum(dim=1)
    gold = gold + (chain.moves[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(dim=1)
    return (log_z - gold).sum() / mask.sum()


def chain_marginals(torch: Any, chain: Any, emitted: Any, mask: Any) -> Any:
    """Each word's marginal probability of each label (batch, words, labels)."""
    joint = forward_scores(torch, chain, emitted, mask) + backward_scores(torch, chain, emitted, mask)
    return torch.softmax(joint, dim=-1)


def _padded(torch: Any, inputs: Sequence[Any], chunk: Sequence[int]) -> tuple[Any, Any, Any]:
    lengths = torch.tensor([len(inputs[i]) for i in chunk])
    x = torch.nn.utils.rnn.pad_sequence([inputs[i] for i in chunk], batch_first=True)
    mask = torch.arange(x.shape[1])[None, :] < lengths[:, None]
    return x, lengths, mask


def train_crf_head(
    inputs: Sequence[Any], tags: Sequence[Sequence[str]], config: HeadConfig, settings: TrainSettings
) -> tuple[Any, Any]:
    """The BiLSTM head and the chain trained together by Adam (one-cycle) on the sentences' likelihood."""
    import torch

    torch.manual_seed(settings.seed)
    shuffle = random.Random(settings.seed)
    head = build_head(torch, config)
    chain = chain_layer(torch)
    optimiser = torch.optim.Adam([*head.parameters(), *chain.parameters()], lr=settings.learning_rate)
    targets = [torch.tensor([LABELS.index(t) for t in sentence]) for sentence in tags]
    order = list(range(len(inputs)))
    steps = settings.epochs * ((len(order) + settings.batch - 1) // settings.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=settings.learning_rate, total_steps=steps)
    for _ in range(settings.epochs):
        shuffle.shuffle(order)
        head.train()
        for start in range(0, len(order), settings.batch):
            chunk = order[start : start + settings.batch]
            x, lengths, mask = _padded(torch, inputs, chunk)
            y = torch.nn.utils.rnn.pad_sequence([targets[i] for i in chunk], batch_first=True, padding_value=0)
            loss = sentence_loss(torch, chain, head(x, lengths), y, mask)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    head.eval()
    return head, chain


def read_crf_head(head: Any, chain: Any, inputs: Sequence[Any], batch: int = 64) -> list[list[tuple[float, ...]]]:
    """Each sentence's marginals of P, I and O under the trained head and chain."""
    import torch

    result: list[list[tuple[float, ...]]] = []
    with torch.inference_mode():
        for start in range(0, len(inputs), batch):
            chunk = list(range(start, min(start + batch, len(inputs))))
            x, lengths, mask = _padded(torch, inputs, chunk)
            probs = chain_marginals(torch, chain, head(x, lengths), mask)[:, :, 1:]
            for row, i in enumerate(chunk):
                result.append([tuple(p) for p in probs[row, : len(inputs[i])].tolist()])
    return result


def cross_validate_crf_head(
    sentences: Sequence[PicoSentence],
    inputs: Sequence[Any],
    config: HeadConfig,
    settings: TrainSettings,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
) -> list[FoldResult]:
    """For each fold, the head and chain trained on the other folds, reading the fold (its marginals; the best
    path is each word's likeliest label)."""
    results = []
    for fold in range(folds):
        train, test, _ = fold_split(sentences, fold, folds)
        head, chain = train_crf_head([inputs[i] for i in train], [sentences[i].tags for i in train], config, settings)
        result = fold_result(fold, sentences, test, read_crf_head(head, chain, [inputs[i] for i in test]))
        results.append(result)
        if progress is not None:
            from summarizer.evaluation.pico import token_metrics

            f1 = token_metrics(result.gold, result.viterbi, len(test))["per_class"]
            scores = ", ".join(f"{tag} {f1[tag]['f1']:.3f}" for tag in ("P", "I", "O"))
            progress(f"fold {fold}: {len(train)} training sentences, {len(test)} test; likeliest label F1 {scores}")
    return results
