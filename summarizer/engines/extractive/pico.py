"""The PICO reader: which words of a sentence name its participants (P), interventions (I) and outcomes (O).

A linear-chain CRF fitted by python-crfsuite on EBM-NLP's crowd-labelled abstracts (summarizer/training/pico.py),
its weights in data/pico_tagger.json, run here in plain Python with each word's factors kept per word (crfsuite's
own tagger, fed the feature strings, took 137 us a sentence where this takes 77, docs/BENCHMARKS.md). It tags one
sentence on its own: the features are the words of the sentence alone.

The tag of a word comes from the CRF's marginals, not its single best path: the crowd's labels leave many spans
unmarked, and a path trained on them marks too few words; a tag whose marginal reaches its threshold (chosen by
cross-validation) is taken, the likeliest such one.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

from summarizer.engines.extractive.per_word import PerWord
from summarizer.engines.extractive.tokenise import split_sentences

DATA_DIR = Path(__file__).resolve().parent / "data"
SETTINGS_FILE = "pico_tagger.json"
TAGS = ("P", "I", "O")
NONE_TAG = "N"
# words with their inner hyphens, points, slashes and apostrophes ("Thirty-six", "0.05", "mg/kg", "5%"), and each
# other mark on its own, as EBM-NLP's abstracts are tokenised
TOKEN_PATTERN = re.compile(r"\w+(?:[-./'+]\w+)*%?|[^\w\s]")
NEIGHBOURS = (-2, -1, 1, 2)
BEFORE = ("-2w=<s>", "-1w=<s>")
AFTER = ("+1w=</s>", "+2w=</s>")

PicoKind = Literal["P", "I", "O"]


@dataclass(frozen=True)
class PicoSpan:
    """A run of words of one PICO element: `text` is `source[start:end]`, character offsets into the source."""

    kind: PicoKind
    start: int
    end: int
    text: str


def tokenise(text: str) -> list[tuple[str, int, int]]:
    """The words of a text with their character offsets (start, end)."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text)]


def split_token(token: str) -> list[str]:
    """A token of another tokeniser in this one's pieces (the token itself when it has none)."""
    return TOKEN_PATTERN.findall(token) or [token]


def word_shape(word: str) -> str:
    """Capitals as X, small letters as x, digits as d, other marks as they are; runs collapsed ("Xxd-d")."""
    shape: list[str] = []
    for char in word:
        mark = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != mark:
            shape.append(mark)
    return "".join(shape)


# One word's features: its lower case, its own feature strings, and those it gives the words two before, one
# before, one after and two after it (in the order of NEIGHBOURS, as seen from them).
WordFeatures = tuple[str, list[str], list[str], list[str], list[str], list[str]]


class PicoFeatures:
    """Feature strings of the words of a sentence; `lexicons` are sets of lower-case names that mark a word."""

    def __init__(self, lexicons: dict[str, frozenset[str]] | None = None) -> None:
        self.lexicons = dict(lexicons or {})
        self.words: PerWord[WordFeatures] = PerWord(self.word_features)

    def word_features(self, word: str) -> WordFeatures:
        """The feature strings of one word, built once per word."""
        lower = word.lower()
        shape = word_shape(word)
        own = [
            "b",
            f"w={lower}",
            f"sh={shape}",
            f"p2={lower[:2]}",
            f"p3={lower[:3]}",
            f"p4={lower[:4]}",
            f"x2={lower[-2:]}",
            f"x3={lower[-3:]}",
            f"x4={lower[-4:]}",
        ]
        if word[:1].isupper():
            own.append("title")
        if word.isupper() and len(word) > 1:
            own.append("upper")
        if any(c.isdigit() for c in word):
            own.append("digit")
        own.extend(f"lex={name}" for name, terms in self.lexicons.items() if lower in terms)
        # the word as the word two after it sees it is at -2, and so on
        seen_at = {
            offset: [f"{offset:+d}w={lower}", f"{offset:+d}x3={lower[-3:]}"]
            + ([f"{offset:+d}sh={shape}"] if abs(offset) == 1 else [])
            for offset in NEIGHBOURS
        }
        return lower, own, seen_at[-2], seen_at[-1], seen_at[1], seen_at[2]

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """The feature strings of each word of a sentence."""
        values = list(map(self.words.__getitem__, words))
        last = len(values) - 1
        features: list[list[str]] = []
        for i, (lower, own, _, _, _, _) in enumerate(values):
            row = own + (values[i - 2][2] if i > 1 else [BEFORE[0]]) + (values[i - 1][3] if i else [BEFORE[1]])
            row += values[i + 1][4] if i < last else [AFTER[0]]
            row += values[i + 2][5] if i < last - 1 else [AFTER[1]]
            row.append(f"b-={values[i - 1][0] if i else '<s>'} {lower}")
            row.append(f"b+={lower} {values[i + 1][0] if i < last else '</s>'}")
            features.append(row)
        return features


def decide(marginals: Iterable[Sequence[float]], thresholds: Sequence[float]) -> list[str]:
    """Each word's tag from its marginals of P, I and O (in the order of TAGS): the likeliest tag whose marginal
    reaches its threshold, N when none does."""
    tags: list[str] = []
    for row in marginals:
        best, best_p = NONE_TAG, -1.0
        for tag, p, threshold in zip(TAGS, row, thresholds, strict=True):
            if p >= threshold and p > best_p:
                best, best_p = tag, p
        tags.append(best)
    return tags


Factors = tuple[float, ...]


@dataclass(frozen=True)
class LinearChainCrf:
    """A first-order linear-chain CRF as crfsuite fits it (no start or end transitions), read from JSON: the
    weight of each feature string for each label, and of each pair of labels in a row. It works in exp space: a
    word's features give it one factor a label, the product of exp(weight)."""

    labels: tuple[str, ...]
    weights: dict[str, Sequence[float]]
    # exp(weight) of going from label i (row) to label j (column)
    transitions: tuple[Factors, ...]

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> LinearChainCrf:
        labels = tuple(obj["labels"])
        transitions = tuple(tuple(math.exp(w) for w in row) for row in obj["transitions"])
        # the lists json.loads made are kept as they are: copying 480,000 of them took a fifth of the loading
        return cls(labels, obj["weights"], transitions)

    def factors(self, attributes: Iterable[str]) -> Factors:
        """exp of the summed weights of feature strings, one a label."""
        get = self.weights.get
        known = [w for w in map(get, attributes) if w is not None]
        if not known:
            return (1.0,) * len(self.labels)
        return tuple(math.exp(math.fsum(ws)) for ws in zip(*known, strict=True))

    def marginals(self, emissions: Sequence[Sequence[float]]) -> list[Factors]:
        """Each position's marginal probability of each label, by the forward-backward algorithm scaled at each
        step; `emissions` are the positions' factors."""
        if len(self.labels) == 4:
            return _marginals_of_four(emissions, self.transitions)
        if len(self.labels) == 2:
            return _marginals_of_two(emissions, self.transitions)
        return _marginals(emissions, self.transitions)


def _marginals(emissions: Sequence[Sequence[float]], transitions: Sequence[Factors]) -> list[Factors]:
    columns = tuple(zip(*transitions, strict=True))
    alphas: list[list[float]] = []
    previous: list[float] = []
    for t, e in enumerate(emissions):
        a = (
            list(e)
            if t == 0
            else [ej * sum(map(operator.mul, previous, col)) for ej, col in zip(e, columns, strict=True)]
        )
        total = sum(a)
        previous = [x / total for x in a]
        alphas.append(previous)
    n = len(emissions)
    result: list[Factors] = [()] * n
    result[n - 1] = tuple(alphas[n - 1])
    beta = [1.0] * len(transitions)
    for t in range(n - 2, -1, -1):
        weighted = [ej * bj for ej, bj in zip(emissions[t + 1], beta, strict=True)]
        beta = [sum(map(operator.mul, row, weighted)) for row in transitions]
        total = sum(beta)
        beta = [b / total for b in beta]
        joint = [a * b for a, b in zip(alphas[t], beta, strict=True)]
        total = sum(joint)
        result[t] = tuple(x / total for x in joint)
    return result


def _marginals_of_four(emissions: Sequence[Sequence[float]], transitions: Sequence[Factors]) -> list[Factors]:
    # _marginals written out for four labels: a sentence's reading runs this for each word, and the loops over
    # labels cost three times the arithmetic
    (t00, t01, t02, t03), (t10, t11, t12, t13), (t20, t21, t22, t23), (t30, t31, t32, t33) = transitions
    a0, a1, a2, a3 = emissions[0]
    z = a0 + a1 + a2 + a3
    a0, a1, a2, a3 = a0 / z, a1 / z, a2 / z, a3 / z
    alphas = [(a0, a1, a2, a3)]
    for t in range(1, len(emissions)):
        e0, e1, e2, e3 = emissions[t]
        n0 = e0 * (a0 * t00 + a1 * t10 + a2 * t20 + a3 * t30)
        n1 = e1 * (a0 * t01 + a1 * t11 + a2 * t21 + a3 * t31)
        n2 = e2 * (a0 * t02 + a1 * t12 + a2 * t22 + a3 * t32)
        n3 = e3 * (a0 * t03 + a1 * t13 + a2 * t23 + a3 * t33)
        z = n0 + n1 + n2 + n3
        a0, a1, a2, a3 = n0 / z, n1 / z, n2 / z, n3 / z
        alphas.append((a0, a1, a2, a3))
    n = len(emissions)
    result: list[Factors] = [()] * n
    result[n - 1] = alphas[n - 1]
    b0 = b1 = b2 = b3 = 1.0
    for t in range(n - 2, -1, -1):
        e0, e1, e2, e3 = emissions[t + 1]
        w0, w1, w2, w3 = e0 * b0, e1 * b1, e2 * b2, e3 * b3
        b0 = t00 * w0 + t01 * w1 + t02 * w2 + t03 * w3
        b1 = t10 * w0 + t11 * w1 + t12 * w2 + t13 * w3
        b2 = t20 * w0 + t21 * w1 + t22 * w2 + t23 * w3
        b3 = t30 * w0 + t31 * w1 + t32 * w2 + t33 * w3
        z = b0 + b1 + b2 + b3
        b0, b1, b2, b3 = b0 / z, b1 / z, b2 / z, b3 / z
        a0, a1, a2, a3 = alphas[t]
        m0, m1, m2, m3 = a0 * b0, a1 * b1, a2 * b2, a3 * b3
        z = m0 + m1 + m2 + m3
        result[t] = (m0 / z, m1 / z, m2 / z, m3 / z)
    return result


def word_pairs(crf: LinearChainCrf) -> dict[tuple[str, str], tuple[Factors | None, Factors | None]]:
    """The CRF's factors of pairs of words in a row, by the pair: those of the left word ("b+=") and of the
    right one ("b-=")."""
    pairs: dict[tuple[str, str], tuple[Factors | None, Factors | None]] = {}
    for attribute, weights in crf.weights.items():
        side = attribute[:3]
        if side not in ("b+=", "b-="):
            continue
        left, _, right = attribute[3:].partition(" ")
        factors = tuple(map(math.exp, weights))
        on_left, on_right = pairs.get((left, right), (None, None))
        pairs[(left, right)] = (factors, on_right) if side == "b+=" else (on_left, factors)
    return pairs


def _marginals_of_two(emissions: Sequence[Sequence[float]], transitions: Sequence[Factors]) -> list[Factors]:
    (t00, t01), (t10, t11) = transitions
    a0, a1 = emissions[0]
    z = a0 + a1
    a0, a1 = a0 / z, a1 / z
    alphas = [(a0, a1)]
    for t in range(1, len(emissions)):
        e0, e1 = emissions[t]
        n0 = e0 * (a0 * t00 + a1 * t10)
        n1 = e1 * (a0 * t01 + a1 * t11)
        z = n0 + n1
        a0, a1 = n0 / z, n1 / z
        alphas.append((a0, a1))
    n = len(emissions)
    result: list[Factors] = [()] * n
    result[n - 1] = alphas[n - 1]
    b0 = b1 = 1.0
    for t in range(n - 2, -1, -1):
        e0, e1 = emissions[t + 1]
        w0, w1 = e0 * b0, e1 * b1
        b0, b1 = t00 * w0 + t01 * w1, t10 * w0 + t11 * w1
        z = b0 + b1
        b0, b1 = b0 / z, b1 / z
        a0, a1 = alphas[t]
        m0, m1 = a0 * b0, a1 * b1
        z = m0 + m1
        result[t] = (m0 / z, m1 / z)
    return result


# One word under a CRF: the factors of its own features, and of those it gives the words two before, one before,
# one after and two after it.
WordFactors = tuple[Factors, Factors, Factors, Factors, Factors]


class PicoTagger:
    """Tags the words of one sentence P, I, O or N with the shipped CRF (or any CRF settings of the same form).

    Each word's factors are kept per word (PerWord), those of both CRFs side by side in one tuple (four labels,
    then two), so a sentence of known words costs a look-up a word and a pair of words, one product a word, and
    the two forward-backward passes.
    """

    def __init__(self, settings: dict[str, Any], lexicons: dict[str, frozenset[str]] | None = None) -> None:
        self.crf = LinearChainCrf.from_json(settings["crf"])
        # a second CRF, of I alone (trained on more abstracts), whose marginal of I replaces the first one's
        extra = settings.get("interventions_crf")
        self.interventions = LinearChainCrf.from_json(extra) if extra else None
        self.crfs = [self.crf] + ([self.interventions] if self.interventions else [])
        thresholds = settings.get("thresholds") or {}
        self.thresholds = tuple(float(thresholds.get(tag, 0.5)) for tag in TAGS)
        self.features = PicoFeatures(lexicons if settings.get("lexicons") else None)
        self.words: PerWord[tuple[str, WordFactors]] = PerWord(self._word_factors)
        self.ends = tuple(self._side_by_side(crf.factors([mark]) for crf in self.crfs) for mark in (*BEFORE, *AFTER))
        self.pairs = self._pairs()
        self.width = len(self.crf.labels)
        where = [self.crf.labels.index(tag) if tag in self.crf.labels else None for tag in TAGS]
        if self.interventions is not None:
            where[TAGS.index("I")] = None
        self.where = where

    @staticmethod
    def _side_by_side(factors: Iterable[Factors]) -> Factors:
        return tuple(x for part in factors for x in part)

    def _pairs(self) -> dict[tuple[str, str], tuple[Factors | None, Factors | None]]:
        main, *others = (word_pairs(crf) for crf in self.crfs)
        if not others:
            return main
        (extra,) = others
        ones_main, ones_extra = ((1.0,) * len(crf.labels) for crf in self.crfs)

        def join(a: Factors | None, b: Factors | None) -> Factors | None:
            if a is None and b is None:
                return None
            return (ones_main if a is None else a) + (ones_extra if b is None else b)

        none = (None, None)
        pairs = {
            key: (join(left, extra.get(key, none)[0]), join(right, extra.get(key, none)[1]))
            for key, (left, right) in main.items()
        }
        for key, (left, right) in extra.items():
            if key not in pairs:
                pairs[key] = (join(None, left), join(None, right))
        return pairs

    def _word_factors(self, word: str) -> tuple[str, WordFactors]:
        lower, *strings = self.features.word_features(word)
        return lower, tuple(self._side_by_side(crf.factors(s) for crf in self.crfs) for s in strings)  # type: ignore[return-value]

    @classmethod
    def from_file(cls, path: Path) -> PicoTagger:
        """The tagger of a settings file (scripts/train_pico.py writes it)."""
        settings = json.loads(path.read_text(encoding="utf-8"))
        lexicons = None
        if settings.get("lexicons"):
            from summarizer.engines.extractive.resources import load_resources

            resources = load_resources()
            lexicons = {"drug": resources.drugs.terms, "effect": resources.listed_effects.terms}
        return cls(settings, lexicons)

    def _emissions(self, values: Sequence[tuple[str, WordFactors]]) -> list[Factors]:
        before2, before1, after1, after2 = self.ends
        pairs = self.pairs
        mul = operator.mul
        last = len(values) - 1
        rows: list[Factors] = []
        for i, (_, factors) in enumerate(values):
            m2 = values[i - 2][1][1] if i > 1 else before2
            m1 = values[i - 1][1][2] if i else before1
            p1 = values[i + 1][1][3] if i < last else after1
            p2 = values[i + 2][1][4] if i < last - 1 else after2
            rows.append(tuple(map(mul, map(mul, factors[0], m2), map(mul, m1, map(mul, p1, p2)))))
        # each pair of words in a row, the sentence's edges included, weighs on both of its words
        words = ["<s>", *(value[0] for value in values), "</s>"]
        for i, pair in enumerate(map(pairs.get, pairwise(words))):
            if pair is not None:
                on_left, on_right = pair
                if on_left is not None and i > 0:
                    rows[i - 1] = tuple(map(mul, rows[i - 1], on_left))
                if on_right is not None and i <= last:
                    rows[i] = tuple(map(mul, rows[i], on_right))
        return rows

    def marginals(self, words: Sequence[str]) -> list[tuple[float, float, float]]:
        """Each word's marginal probability of P, I and O."""
        if not words:
            return []
        rows = self._emissions(list(map(self.words.__getitem__, words)))
        width = self.width
        if self.interventions is None:
            main = self.crf.marginals(rows)
        else:
            main = self.crf.marginals([row[:width] for row in rows])
        by_tag = [[row[k] for row in main] if k is not None else [0.0] * len(words) for k in self.where]
        if self.interventions is not None:
            extra = self.interventions.marginals([row[width:] for row in rows])
            k = self.interventions.labels.index("I")
            by_tag[TAGS.index("I")] = [row[k] for row in extra]
        return list(zip(*by_tag, strict=True))

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """The tags of words of this tokeniser."""
        if not words:
            return []
        return decide(self.marginals(words), self.thresholds)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One tag a token, for tokens of any tokeniser: a token this tokeniser splits takes its first word's tag."""
        pieces: list[str] = []
        firsts: list[int] = []
        for token in tokens:
            firsts.append(len(pieces))
            pieces.extend(split_token(token))
        tags = self.tag_words(pieces)
        return [tags[i] for i in firsts]

    def tag_many(self, token_lists: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` of each sentence's tokens (the encoder reader's batched call, here one sentence at a time)."""
        return [self.tag(tokens) for tokens in token_lists]

    def spans(self, text: str) -> list[PicoSpan]:
        """The P, I and O spans of a sentence, each a run of words of one tag."""
        return spans_of(text, self.tag_words)

    def intervention_spans(self, text: str) -> list[PicoSpan]:
        """The I spans of a text of one or more sentences, each sentence tagged on its own (as the reader was
        trained), with offsets into the whole text."""
        found = []
        for start, end in split_sentences(text):
            for span in self.spans(text[start:end]):
                if span.kind == "I":
                    found.append(PicoSpan("I", start + span.start, start + span.end, span.text))
        return found


def spans_of(text: str, tag_words: Callable[[Sequence[str]], list[str]]) -> list[PicoSpan]:
    """The P, I and O spans of a text, each a run of words of one tag, as a reader's `tag_words` tags them."""
    words = tokenise(text)
    tags = tag_words([w for w, _, _ in words])
    spans: list[PicoSpan] = []
    run_start = 0
    for i, tag in enumerate(tags):
        if i + 1 < len(tags) and tags[i + 1] == tag:
            continue
        if tag != NONE_TAG:
            start, end = words[run_start][1], words[i][2]
            spans.append(PicoSpan(tag, start, end, text[start:end]))  # type: ignore[arg-type]
        run_start = i + 1
    return spans


@lru_cache(maxsize=1)
def load_pico_tagger() -> PicoTagger | None:
    """The shipped PICO tagger, loaded once; None when its data file is not there."""
    path = DATA_DIR / SETTINGS_FILE
    if not path.is_file():
        return None
    return PicoTagger.from_file(path)
