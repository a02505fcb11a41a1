"""The small learned parts: logistic-regression models, name lexicons and the drug / effect word taggers.

Their weights are plain JSON in data/ (see resources.py), written by training.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import add, itemgetter
from typing import Any, cast

from summarizer.engines.extractive.per_word import PerWord

# the features use a tagger's margins only from here up (probability 0.2: the lowest bucket of MAXD / MAXE)
TAGGER_FLOOR = -1.4
LEXICON_MAX_WORDS = 6
# the own score of numbers and words under three letters: no name
UNTAGGABLE_SCORE = -50.0


class LinearModel:
    """Multinomial logistic regression over named binary features; weights loaded from JSON."""

    __slots__ = ("labels", "bias", "weights", "vocabulary")

    def __init__(self, labels: Sequence[str], bias: Sequence[float], weights: dict[str, Sequence[float]]) -> None:
        self.labels = tuple(labels)
        self.bias = tuple(float(b) for b in bias)
        # summing with map keeps the loop in C; two labels need only the difference of their weights, more labels a
        # row of weights per feature, so that each feature is looked up once
        self.weights: dict[str, float] | dict[str, tuple[float, ...]]
        if len(self.labels) == 2:
            delta = {feat: float(row[0]) - float(row[1]) for feat, row in weights.items()}
            self.weights = {f: w for f, w in delta.items() if w}
        else:
            rows = {feat: tuple(float(w) for w in row) for feat, row in weights.items()}
            self.weights = {f: row for f, row in rows.items() if any(row)}
        self.vocabulary = frozenset(self.weights)

    def parts(self) -> tuple[Any, ...]:
        """The model as plain containers (for the start-up cache, startup.py); from_parts takes them back."""
        return (self.labels, self.bias, self.weights, self.vocabulary)

    @classmethod
    def from_parts(cls, parts: Sequence[Any]) -> LinearModel:
        # built without weights, then given the cached ones (mypyc, which compiles this module, has no `__new__`)
        labels, bias, weights, vocabulary = parts
        model = cls(labels, bias, {})
        model.weights, model.vocabulary = weights, vocabulary
        return model

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        """Build from the JSON that training.model_json writes."""
        labels, bias, weights = data["labels"], data["bias"], data["weights"]
        if not (isinstance(labels, list) and isinstance(bias, list) and isinstance(weights, dict)):
            raise ValueError("model JSON needs labels, bias and weights")
        return cls([str(x) for x in labels], [float(x) for x in bias], weights)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax probabilities for the labels given a bag of features (presence only)."""
        # about half a statement's features have a weight: those alone are looked up (the weights are summed in
        # the set's order, which Python's string hashing makes differ from run to run in the last bits)
        known = self.vocabulary.intersection(features)
        if len(self.labels) == 2:
            deltas = cast("dict[str, float]", self.weights)
            margin = self.bias[0] - self.bias[1] + sum(map(deltas.__getitem__, known))
            first = 1.0 / (1.0 + math.exp(-margin)) if margin > -700 else 0.0
            return {self.labels[0]: first, self.labels[1]: 1.0 - first}
        # each label's weights are summed down its column (a weight of 0.0 added leaves a sum as it is)
        scores = list(self.bias)
        if known:
            rows = cast("dict[str, tuple[float, ...]]", self.weights)
            scores = list(map(add, scores, map(sum, zip(*map(rows.__getitem__, known), strict=True))))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


@dataclass(frozen=True)
class Lexicon:
    """Multi-word names, indexed by first word for a fast longest match over tokens."""

    terms: frozenset[str] = frozenset()
    lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # the first two words of every name of two words or more: most candidates fail here without a join per length
    pairs: frozenset[str] = frozenset()

    @classmethod
    def of(cls, terms: Iterable[str]) -> Lexicon:
        """Index normalised names (lower case, tokens joined by single spaces)."""
        kept = frozenset(t for t in terms if t and t.count(" ") < LEXICON_MAX_WORDS)
        index: dict[str, set[int]] = {}
        for term in kept:
            first, _, rest = term.partition(" ")
            length = rest.count(" ") + 2 if rest else 1
            if first in index:
                index[first].add(length)
            else:
                index[first] = {length}
        pairs = frozenset(" ".join(term.split(" ", 2)[:2]) for term in kept if " " in term)
        return cls(kept, {w: tuple(sorted(ls, reverse=True)) for w, ls in index.items()}, pairs)

    def parts(self) -> tuple[Any, ...]:
        """The lexicon as plain containers (for the start-up cache, startup.py); `Lexicon(*parts)` is it again."""
        return (self.terms, self.lengths_by_first, self.pairs)

    def match(self, words: Sequence[str], i: int) -> int:
        """Length in words of the longest name starting at words[i], or 0."""
        lengths = self.lengths_by_first.get(words[i])
        if not lengths:
            return 0
        n = len(words)
        pair_known = i + 1 < n and f"{words[i]} {words[i + 1]}" in self.pairs
        for length in lengths:
            if length == 1:
                return 1
            if pair_known and i + length <= n and " ".join(words[i : i + length]) in self.terms:
                return length
        return 0


@cache
def _piece_slices(size: int) -> tuple[slice, ...]:
    return tuple(slice(i, i + n) for n in range(2, 6) for i in range(size - n + 1))


def letter_pieces(tok: str) -> tuple[str, ...]:
    """The distinct 2- to 5-letter pieces of a word marked at both ends ("<ab", "ab>", ...), shortest first."""
    marked = f"<{tok}>"
    return tuple(dict.fromkeys(map(marked.__getitem__, _piece_slices(len(marked)))))


# training reads each word many times
_char_ngrams = PerWord(letter_pieces)


def taggable(tok: str) -> bool:
    return len(tok) >= 3 and tok[0].isalpha()


def tagger_features(toks: Sequence[str], i: int, window: int = 2) -> list[str]:
    """Features of token i for the drug / effect token taggers: letter pieces, the word, and the words either
    side (one or two each way)."""
    tok = toks[i]
    n = len(toks)
    feats = ["C:" + piece for piece in _char_ngrams(tok)]
    feats.append("W:" + tok)
    feats.append("L:" + (toks[i - 1] if i > 0 else "<s>"))
    feats.append("R:" + (toks[i + 1] if i + 1 < n else "</s>"))
    if window > 1:
        feats.append("L2:" + (toks[i - 2] if i > 1 else "<s>"))
        feats.append("R2:" + (toks[i + 2] if i + 2 < n else "</s>"))
    return feats


class TokenTagger:
    """Logistic regression over tagger_features: how likely a word is (part of) a drug or an effect name."""

    __slots__ = ("bias", "pieces", "word", "left", "right", "left2", "right2", "floor", "own_scores")

    def __init__(self, bias: float, weights: dict[str, float]) -> None:
        self.bias = float(bias)
        by_kind: dict[str, dict[str, float]] = {k: {} for k in ("C", "W", "L", "R", "L2", "R2")}
        for feat, weight in weights.items():
            kind, _, value = feat.partition(":")
            if kind in by_kind:
                by_kind[kind][value] = float(weight)
        self.pieces, self.word = by_kind["C"], by_kind["W"]
        self.left, self.right, self.left2, self.right2 = by_kind["L"], by_kind["R"], by_kind["L2"], by_kind["R2"]
        self.own_scores = PerWord(self._own_score)
        context = (self.left, self.right, self.left2, self.right2)
        self.floor = TAGGER_FLOOR - sum(max([0.0, *d.values()]) for d in context)

    def parts(self) -> tuple[Any, ...]:
        """The tagger as plain containers (for the start-up cache, startup.py); from_parts takes them back."""
        return (self.bias, self.pieces, self.word, self.left, self.right, self.left2, self.right2, self.floor)

    @classmethod
    def from_parts(cls, parts: Sequence[Any]) -> TokenTagger:
        # built without weights, then given the cached ones (mypyc, which compiles this module, has no `__new__`)
        tagger = cls(parts[0], {})
        (tagger.bias, tagger.pieces, tagger.word, tagger.left, tagger.right, tagger.left2, tagger.right2,
         tagger.floor) = parts
        return tagger

    @classmethod
    def from_json(cls, data: object) -> TokenTagger:
        """Build from one entry of ade_tagger.json ({"bias": b, "weights": {feature: w}})."""
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise ValueError("tagger JSON needs bias and weights")
        return cls(float(data.get("bias", 0.0)), data["weights"])

    def _own_score(self, tok: str) -> float:
        """Bias plus the weights of the word and its letter pieces; very negative for numbers and short words."""
        if not taggable(tok):
            return UNTAGGABLE_SCORE
        return self.score_of_pieces(tok, _char_ngrams(tok))

    def score_of_pieces(self, tok: str, pieces: Iterable[str]) -> float:
        """The own score of a taggable word whose letter pieces are given."""
        return self.bias + self.word.get(tok, 0.0) + sum(filter(None, map(self.pieces.get, pieces)))

    def margins(self, toks: Sequence[str]) -> list[float]:
        """Log-odds per token that it is (part of) a name of this tagger's kind.

        Only margins of at least TAGGER_FLOOR matter to the features, so a word whose own score is too low for its
        neighbours to lift it that far keeps its own score.
        """
        own = list(map(self.own_scores.__getitem__, toks))
        if not (self.left2 or self.right2):
            # one word each side: adding the neighbours' weights to every word is cheapest (all in C)
            zeros = repeat(0.0)
            with_left = map(add, own, map(self.left.get, ["<s>", *toks[:-1]], zeros))
            return list(map(add, with_left, map(self.right.get, [*toks[1:], "</s>"], zeros)))
        floor = self.floor
        lifted = [i for i, score in enumerate(own) if score > floor]
        if lifted:
            n = len(toks)
            left, right, left2, right2 = self.left, self.right, self.left2, self.right2
            for i in lifted:
                own[i] += left.get(toks[i - 1] if i > 0 else "<s>", 0.0) + right.get(
                    toks[i + 1] if i + 1 < n else "</s>", 0.0
                )
            if left2 or right2:
                for i in lifted:
                    own[i] += left2.get(toks[i - 2] if i > 1 else "<s>", 0.0) + right2.get(
                        toks[i + 2] if i + 2 < n else "</s>", 0.0
                    )
        return own


_NO_WORD = (0.0,) * 6
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _side_by_side(tables: Sequence[dict[str, float]]) -> dict[str, tuple[float, ...]]:
    """Each key of any of the tables with its value in each of them (0.0 where one lacks it)."""
    keys = dict.fromkeys(key for table in tables for key in table)
    return {key: tuple(table.get(key, 0.0) for table in tables) for key in keys}


class TaggerPair:
    """The drug and the effect tagger read together, from six values of each word (values(): each tagger's own
    score of the word and the weights it adds to the word after it and to the word before it). The caller keeps
    them with the word's other values (Resources.word_values), at `at`: one look-up a word serves both taggers,
    where each alone would look the word up three times (its own score, and as the neighbour of either side).

    A word met for the first time is scored from tables that hold both taggers' weights of a letter piece (and of a
    word) side by side: one look-up each where each tagger's own tables would take two. Most of a first meeting's
    time goes to those look-ups, which mostly miss the CPU's caches."""

    __slots__ = ("drug", "effect", "_start", "_end", "_getters", "_pieces", "_words")

    def __init__(self, drug: TokenTagger, effect: TokenTagger, at: int = 0) -> None:
        self.drug, self.effect = drug, effect
        self._start = (drug.left.get("<s>", 0.0), effect.left.get("<s>", 0.0))
        self._end = (drug.right.get("</s>", 0.0), effect.right.get("</s>", 0.0))
        self._getters = tuple(map(itemgetter, range(at, at + 6)))
        self._pieces = _side_by_side((drug.pieces, effect.pieces))
        self._words = _side_by_side((drug.word, effect.word, drug.left, effect.left, drug.right, effect.right))

    def values(self, tok: str) -> tuple[float, float, float, float, float, float]:
        """The drug and effect own scores of a word (as the taggers' own_scores give them), the weights it adds to
        the word after it (drug, effect), and those it adds to the word before it."""
        drug_word, effect_word, drug_before, effect_before, drug_after, effect_after = self._words.get(tok, _NO_WORD)
        if not taggable(tok):
            return UNTAGGABLE_SCORE, UNTAGGABLE_SCORE, drug_before, effect_before, drug_after, effect_after
        # the weights summed in the pieces' order, as score_of_pieces sums them (a 0.0 added leaves a sum as it is)
        weights = list(filter(None, map(self._pieces.get, letter_pieces(tok))))
        drug_own = self.drug.bias + drug_word + sum(map(_FIRST, weights))
        effect_own = self.effect.bias + effect_word + sum(map(_SECOND, weights))
        return drug_own, effect_own, drug_before, effect_before, drug_after, effect_after

    def margins(self, toks: Sequence[str], word_values: Sequence[Sequence[Any]]) -> tuple[list[float], list[float]]:
        """The drug and the effect tagger's margins of each token, as their margins() give them; word_values holds
        each token's values, this pair's at `at`."""
        drug, effect = self.drug, self.effect
        if not toks or drug.left2 or drug.right2 or effect.left2 or effect.right2:
            return drug.margins(toks), effect.margins(toks)
        drug_own, effect_own, drug_before, effect_before, drug_after, effect_after = self._getters
        before, after = word_values[:-1], word_values[1:]
        drug_margins = list(map(
            add,
            map(add, map(drug_own, word_values), [self._start[0], *map(drug_before, before)]),
            [*map(drug_after, after), self._end[0]],
        ))
        effect_margins = list(map(
            add,
            map(add, map(effect_own, word_values), [self._start[1], *map(effect_before, before)]),
            [*map(effect_after, after), self._end[1]],
        ))
        return drug_margins, effect_margins
