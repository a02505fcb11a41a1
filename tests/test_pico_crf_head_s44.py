"""The BiLSTM-CRF head's chain (training/pico_crf_head.py) against brute force over every tag sequence of a few
short sentences: its likelihood and its marginals."""

from __future__ import annotations

import itertools
import math

import pytest

torch = pytest.importorskip("torch")

from summarizer.training.pico_crf_head import chain_layer, chain_marginals, sentence_loss  # noqa: E402


def _chain() -> object:
    torch.manual_seed(3)
    chain = chain_layer(torch)
    with torch.no_grad():
        chain.start.copy_(torch.randn(4))
        chain.moves.copy_(torch.randn(4, 4))
    chain.requires_grad_(False)
    return chain


def _score(chain: object, emitted: list[list[float]], path: tuple[int, ...]) -> float:
    total = float(chain.start[path[0]]) + sum(emitted[k][t] for k, t in enumerate(path))  # type: ignore[attr-defined]
    return total + sum(float(chain.moves[a, b]) for a, b in itertools.pairwise(path))  # type: ignore[attr-defined]


def _brute(chain: object, emitted: list[list[float]]) -> tuple[float, list[list[float]]]:
    paths = list(itertools.product(range(4), repeat=len(emitted)))
    scores = [_score(chain, emitted, p) for p in paths]
    log_z = math.log(sum(math.exp(s) for s in scores))
    marginals = [[0.0] * 4 for _ in emitted]
    for path, s in zip(paths, scores, strict=True):
        for k, t in enumerate(path):
            marginals[k][t] += math.exp(s - log_z)
    return log_z, marginals


def test_the_chain_agrees_with_brute_force_on_padded_sentences() -> None:
    chain = _chain()
    emitted = torch.randn(2, 4, 4)
    lengths = [4, 2]
    mask = torch.arange(4)[None, :] < torch.tensor(lengths)[:, None]
    marginals = chain_marginals(torch, chain, emitted, mask)
    for row, n in enumerate(lengths):
        words = emitted[row, :n].tolist()
        _, expected = _brute(chain, words)
        for k in range(n):
            assert marginals[row, k].tolist() == pytest.approx(expected[k], abs=1e-5)


def test_the_loss_is_the_gold_path_negative_log_likelihood_a_word() -> None:
    chain = _chain()
    emitted = torch.randn(2, 3, 4)
    lengths = [3, 1]
    mask = torch.arange(3)[None, :] < torch.tensor(lengths)[:, None]
    gold = [(2, 2, 0), (1,)]
    targets = torch.tensor([[2, 2, 0], [1, 0, 0]])
    expected = 0.0
    for row, path in enumerate(gold):
        words = emitted[row, : len(path)].tolist()
        log_z, _ = _brute(chain, words)
        expected += log_z - _score(chain, words, path)
    loss = sentence_loss(torch, chain, emitted, targets, mask)
    assert float(loss) == pytest.approx(expected / 4, abs=1e-5)
