"""Choosing how a PICO reader's out-of-fold probabilities are decoded (engines/extractive/pico_decoding.py), by the
cross-validation of bench/bench_pico.py: each fold's decoding is fitted on the other folds' out-of-fold
probabilities and gold tags only, as its thresholds are (training.pico.fold_thresholds).

The chain decoder's transitions are counted on the other folds' gold tags (add-one smoothed); its biases (one a
tag) and its weight are chosen on their probabilities: for each weight of WEIGHT_GRID, each tag's bias maximises
that tag's F1 (one tag at a time, as the thresholds are chosen, in ROUNDS rounds), and the weight whose biases give
the highest macro-F1 is kept. Viterbi runs on all sentences at once with numpy here (a search reads the folds hundreds
of times); the run-time decoder is the pure-Python ChainDecoder, which gives the same paths (tests).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.engines.extractive.pico import TAGS, decide
from summarizer.engines.extractive.pico_decoding import (
    CHAIN_LABELS,
    FLOOR,
    ChainDecoder,
    drop_lone_function_words,
    fill_gaps,
)
from summarizer.training.pico import FoldResult, PicoSentence, fold_of

# coarse grids: the search runs Viterbi over four folds' words once a point (kept to minutes on the shared cores)
BIAS_GRID = tuple(round(-1.0 + 0.5 * k, 2) for k in range(9))  # -1.0 .. 3.0
WEIGHT_GRID = (0.0, 0.5, 1.0)
ROUNDS = 1


@dataclass
class FoldWords:
    """One test fold's sentences, in the order its FoldResult holds their words."""

    words: list[tuple[str, ...]]
    tags: list[tuple[str, ...]]

    @property
    def lengths(self) -> list[int]:
        return [len(w) for w in self.words]


def fold_words(sentences: Sequence[PicoSentence], results: Sequence[FoldResult], folds: int) -> dict[int, FoldWords]:
    """Each fold's test sentences (training.pico.cross_validate's order), checked against the fold's gold tags."""
    by_fold: dict[int, FoldWords] = {}
    for result in results:
        chosen = [s for s in sentences if fold_of(s.doc, folds) == result.fold]
        words = FoldWords([tuple(s.words) for s in chosen], [tuple(s.tags) for s in chosen])
        if [t for tags in words.tags for t in tags] != list(result.gold):
            raise ValueError(f"fold {result.fold}'s sentences are not those its marginals were read on")
        by_fold[result.fold] = words
    return by_fold


def split(flat: Sequence[Any], lengths: Sequence[int]) -> list[list[Any]]:
    """A flat list cut into sentences of the given lengths."""
    out: list[list[Any]] = []
    start = 0
    for n in lengths:
        out.append(list(flat[start : start + n]))
        start += n
    return out


def label_chain(tag_sentences: Sequence[Sequence[str]]) -> tuple[tuple[float, ...], tuple[tuple[float, ...], ...]]:
    """Log-probabilities of a sentence's first label and of each label after each, counted (add-one) on gold tags."""
    n = len(CHAIN_LABELS)
    starts = [1.0] * n
    moves = [[1.0] * n for _ in range(n)]
    for tags in tag_sentences:
        index = [CHAIN_LABELS.index(t) for t in tags]
        if index:
            starts[index[0]] += 1
        for a, b in zip(index, index[1:], strict=False):
            moves[a][b] += 1
    start_total = sum(starts)
    return (
        tuple(math.log(c / start_total) for c in starts),
        tuple(tuple(math.log(c / sum(row)) for c in row) for row in moves),
    )


class ChainSearch:
    """Viterbi over many sentences at once (numpy), for the search of a chain's biases and weight."""

    def __init__(self, marginals: Sequence[Sequence[float]], lengths: Sequence[int], gold: Sequence[str]) -> None:
        import numpy as np

        self.np = np
        probs = np.asarray(marginals, dtype=np.float64).reshape(-1, 3)
        full = np.concatenate([1.0 - probs.sum(axis=1, keepdims=True), probs], axis=1)
        logp = np.log(np.maximum(full, FLOOR))
        self.lengths = np.asarray(lengths)
        self.width = int(self.lengths.max())
        self.emitted = np.zeros((len(lengths), self.width, len(CHAIN_LABELS)))
        self.mask = np.arange(self.width)[None, :] < self.lengths[:, None]
        self.emitted[self.mask] = logp
        self.gold = np.asarray([CHAIN_LABELS.index(t) for t in gold])

    def paths(self, decoder: ChainDecoder) -> Any:
        """The decoded label indices of all words, flat (in the sentences' order)."""
        np = self.np
        bias = np.asarray((0.0, *decoder.biases))
        moves = decoder.weight * np.asarray(decoder.transitions)
        emitted = self.emitted + bias
        score = emitted[:, 0] + decoder.weight * np.asarray(decoder.starts)
        back = np.zeros(self.emitted.shape, dtype=np.int64)
        for k in range(1, self.width):
            candidates = score[:, :, None] + moves[None, :, :]
            best = candidates.argmax(axis=1)
            stepped = candidates.max(axis=1) + emitted[:, k]
            live = self.mask[:, k]
            back[live, k] = best[live]
            score = np.where(live[:, None], stepped, score)
        rows = np.arange(len(self.lengths))
        label = score.argmax(axis=1)
        path = np.zeros((len(self.lengths), self.width), dtype=np.int64)
        for k in range(self.width - 1, -1, -1):
            ending = self.lengths - 1 == k
            path[ending, k] = label[ending]
            if k + 1 < self.width:
                inner = self.lengths - 1 > k
                path[inner, k] = back[rows[inner], k + 1, path[inner, k + 1]]
        return path[self.mask]

    def f1(self, predicted: Any, label: int) -> float:
        np = self.np
        hit = int(np.sum((predicted == label) & (self.gold == label)))
        guessed = int(np.sum(predicted == label))
        actual = int(np.sum(self.gold == label))
        return 2.0 * hit / (guessed + actual) if guessed + actual else 0.0


def choose_chain(
    search: ChainSearch,
    chain: tuple[tuple[float, ...], tuple[tuple[float, ...], ...]],
    weights: Sequence[float] = WEIGHT_GRID,
) -> ChainDecoder:
    """The biases and weight that decode the search's sentences best (the module's docstring says how)."""
    starts, moves = chain
    best: tuple[float, ChainDecoder] | None = None
    for weight in weights:
        biases = [0.0, 0.0, 0.0]
        for _ in range(ROUNDS):
            for k in range(len(TAGS)):
                scored = []
                for value in BIAS_GRID:
                    trial = ChainDecoder((*biases[:k], value, *biases[k + 1 :]), starts, moves, weight)  # type: ignore[arg-type]
                    scored.append((search.f1(search.paths(trial), k + 1), value))
                biases[k] = max(scored)[1]
        decoder = ChainDecoder(tuple(biases), starts, moves, weight)  # type: ignore[arg-type]
        paths = search.paths(decoder)
        macro = sum(search.f1(paths, k + 1) for k in range(len(TAGS)))
        if best is None or macro > best[0]:
            best = (macro, decoder)
    assert best is not None
    return best[1]


def _others(results: Sequence[FoldResult], fold: int) -> list[FoldResult]:
    return [r for r in results if r.fold != fold]


def chain_decoding(
    results: Sequence[FoldResult],
    words: dict[int, FoldWords],
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[int, list[str]], dict[int, dict[str, Any]]]:
    """Each fold's tags decoded by a chain fitted on the other folds, and each fold's chain."""
    decoded: dict[int, list[str]] = {}
    chosen: dict[int, dict[str, Any]] = {}
    for result in results:
        others = _others(results, result.fold)
        chain = label_chain([t for r in others for t in words[r.fold].tags])
        search = ChainSearch(
            [m for r in others for m in r.marginals],
            [n for r in others for n in words[r.fold].lengths],
            [g for r in others for g in r.gold],
        )
        decoder = choose_chain(search, chain)
        test = ChainSearch(result.marginals, words[result.fold].lengths, result.gold)
        decoded[result.fold] = [CHAIN_LABELS[j] for j in test.paths(decoder).tolist()]
        chosen[result.fold] = decoder.to_json()
        if progress is not None:
            progress(f"fold {result.fold}: chain weight {decoder.weight}, biases {decoder.biases}")
    return decoded, chosen


RULES: dict[str, Callable[[Sequence[str], Sequence[str]], list[str]]] = {
    "gaps": lambda words, tags: fill_gaps(tags, ("I",)),
    "lone": lambda words, tags: drop_lone_function_words(words, tags, ("I",)),
    "gaps+lone": lambda words, tags: drop_lone_function_words(words, fill_gaps(tags, ("I",)), ("I",)),
    "gaps-all": lambda words, tags: fill_gaps(tags),
    "gaps+lone-all": lambda words, tags: drop_lone_function_words(words, fill_gaps(tags)),
}


def rule_decoding(
    results: Sequence[FoldResult], words: dict[int, FoldWords], rule: str, thresholds: dict[int, dict[str, float]]
) -> dict[int, list[str]]:
    """Each fold's tags by its thresholds (chosen on the other folds: training.pico.fold_thresholds), then the span
    rule (RULES) applied to each sentence. The thresholds are not re-chosen with the rule: it moves few words."""
    apply = RULES[rule]
    decoded: dict[int, list[str]] = {}
    for result in results:
        tags = decide(result.marginals, [thresholds[result.fold][t] for t in TAGS])
        fold = words[result.fold]
        decoded[result.fold] = [
            t for w, s in zip(fold.words, split(tags, fold.lengths), strict=True) for t in apply(w, s)
        ]
    return decoded
