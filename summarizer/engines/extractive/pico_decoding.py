"""Decoding a PICO reader's per-word probabilities into tags, one sentence at a time, beyond a threshold a word
(pico.decide): rules on the runs of tags the crowd labels imply, and a chain over the tags.

- `fill_gaps`: a run of one tag broken by one untagged word ("insulin and metformin" read I N I) is made whole:
  the crowd marks a span as one run, so a gap of one word between two words of the same tag is more often the
  reader's miss than two spans.
- `drop_lone_function_words`: a run of one word that is a function word or a mark ("of", "and", ",") names
  nothing alone, so it is untagged.
- `ChainDecoder`: the likeliest sequence of tags (Viterbi) under each word's log-probability, a bias a tag (the
  chain's counterpart of a threshold) and the log-probabilities of one tag following another, weighted; the
  transitions are counted on labelled sentences and the biases and weight chosen on out-of-fold probabilities
  (summarizer/training/pico_decoding.py).

Pure Python, no torch: the readers' probabilities are lists of (P, I, O) a word, N being what they leave.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.engines.extractive.pico import NONE_TAG, TAGS

# the chain's labels: N first, then the reader's tags (as pico_encoder.LABELS)
CHAIN_LABELS = (NONE_TAG, *TAGS)
# a probability is never taken as exactly 0 (its log would rule a tag out for good)
FLOOR = 1e-6

# English closed-class words: articles, prepositions, conjunctions, auxiliaries and pronouns that name nothing alone
_FUNCTION_WORDS = """a an the this that these those of in on at by for with without to from into onto over under
    between among within during after before versus vs vs. via per than and or nor but either neither both as is are
    was were be been being has have had do does did it its their his her they them we our which who whom whose"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def is_function_word(word: str) -> bool:
    """A closed-class English word, or a mark with no letter or digit."""
    return word.lower() in FUNCTION_WORDS or not any(c.isalnum() for c in word)


def runs(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """The runs of equal tags: (tag, start, end), end exclusive."""
    result: list[tuple[str, int, int]] = []
    start = 0
    for k in range(1, len(tags) + 1):
        if k == len(tags) or tags[k] != tags[start]:
            result.append((tags[start], start, k))
            start = k
    return result


def fill_gaps(tags: Sequence[str], kinds: Sequence[str] = TAGS) -> list[str]:
    """The tags with each single untagged word between two words of the same tag (one of `kinds`) given that tag."""
    filled = list(tags)
    for k in range(1, len(tags) - 1):
        if tags[k] == NONE_TAG and tags[k - 1] == tags[k + 1] and tags[k - 1] in kinds:
            filled[k] = tags[k - 1]
    return filled


def drop_lone_function_words(words: Sequence[str], tags: Sequence[str], kinds: Sequence[str] = TAGS) -> list[str]:
    """The tags with each run of one word of `kinds` that is a function word or a mark untagged."""
    kept = list(tags)
    for tag, start, end in runs(tags):
        if tag in kinds and end - start == 1 and is_function_word(words[start]):
            kept[start] = NONE_TAG
    return kept


def emissions(row: Sequence[float]) -> list[float]:
    """A word's log-probabilities of N, P, I and O from its (P, I, O)."""
    rest = 1.0 - sum(row)
    return [math.log(max(p, FLOOR)) for p in (rest, *row)]


@dataclass(frozen=True)
class ChainDecoder:
    """Viterbi over the four labels: a word's score for a label is its log-probability plus the label's bias (N's
    is 0); a step from one label to the next adds `weight` times the log-probability of that step (and the first
    word `weight` times that of starting with its label)."""

    biases: tuple[float, float, float]
    starts: tuple[float, ...]
    transitions: tuple[tuple[float, ...], ...]
    weight: float

    def decode(self, marginals: Sequence[Sequence[float]]) -> list[str]:
        """The likeliest tags of one sentence's words."""
        if not marginals:
            return []
        bias = (0.0, *self.biases)
        labels = range(len(CHAIN_LABELS))
        first = emissions(marginals[0])
        score = [first[j] + bias[j] + self.weight * self.starts[j] for j in labels]
        back: list[list[int]] = []
        for row in marginals[1:]:
            emitted = emissions(row)
            step: list[int] = []
            nxt: list[float] = []
            for j in labels:
                best = max(labels, key=lambda i: score[i] + self.weight * self.transitions[i][j])
                step.append(best)
                nxt.append(score[best] + self.weight * self.transitions[best][j] + emitted[j] + bias[j])
            back.append(step)
            score = nxt
        label = max(labels, key=score.__getitem__)
        path = [label]
        for step in reversed(back):
            label = step[label]
            path.append(label)
        return [CHAIN_LABELS[j] for j in reversed(path)]

    def to_json(self) -> dict[str, Any]:
        return {
            "biases": dict(zip(TAGS, self.biases, strict=True)),
            "starts": list(self.starts),
            "transitions": [list(row) for row in self.transitions],
            "weight": self.weight,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> ChainDecoder:
        return cls(
            tuple(float(obj["biases"][tag]) for tag in TAGS),  # type: ignore[arg-type]
            tuple(float(x) for x in obj["starts"]),
            tuple(tuple(float(x) for x in row) for row in obj["transitions"]),
            float(obj["weight"]),
        )
