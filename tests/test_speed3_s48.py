"""s48-speed3: outcome_spans._words_at finds a subject's words without compiling a pattern per call, with the answers
of the pattern it replaced; linear.py's models rebuilt from their cached parts without `cls.__new__` (so that mypyc
can compile the module) score as the models they were taken from. Sentences and weights written for these tests."""

from __future__ import annotations

import re

import pytest

from summarizer.engines.extractive import compiled, outcome_spans
from summarizer.engines.extractive.linear import LinearModel, TaggerPair, TokenTagger


def _by_pattern(low: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The old definition: the words joined by `\\s+`, searched in low[start:end]."""
    found = re.compile(r"\s+".join(map(re.escape, words))).search(low, start, end)
    return (found.start(), found.end()) if found is not None else None


SUBJECTS = [
    ("mean  blood pressure fell", ["blood", "pressure"], 0, 25, (6, 20)),
    ("blood tests and blood\u00a0pressure rose", ["blood", "pressure"], 0, 35, (16, 30)),  # a no-break space is \s
    ("blood\npressure", ["blood", "pressure"], 0, 14, (0, 14)),
    ("spain scores", ["pain", "scores"], 0, 12, (1, 12)),  # inside a word, as the pattern (no \b) finds it
    ("pain scores", ["pain", "scores"], 1, 11, None),  # the first word before `start`: not found
    ("pain scores", ["pain", "scores"], 0, 10, None),  # the last word past `end`: not found
    ("pain-scores fell", ["pain", "scores"], 0, 16, None),  # no space between: not found
    ("pain pain scores", ["pain", "scores"], 0, 16, (5, 16)),  # a first word that the rest does not follow
    ("[x] (y)* rose", ["[x]", "(y)*"], 0, 13, (0, 8)),  # characters a pattern would need escaped
    ("fatigue fell", ["fatigue"], 0, 12, (0, 7)),
    ("fatigue fell", ["nausea"], 0, 12, None),
]


@pytest.mark.parametrize(("low", "words", "start", "end", "expected"), SUBJECTS)
def test_words_at_answers_as_the_pattern(
    low: str, words: list[str], start: int, end: int, expected: tuple[int, int] | None
) -> None:
    assert outcome_spans._words_at(low, words, start, end) == expected
    assert _by_pattern(low, words, start, end) == expected


def test_linear_model_from_parts_scores_as_the_model() -> None:
    for labels, bias, weights in [
        (["yes", "no"], [0.3, -0.1], {"good": [1.0, -1.0], "bad": [-0.5, 0.5], "null": [0.0, 0.0]}),
        (["a", "b", "c"], [0.1, 0.2, 0.3], {"f": [2.0, 0.0, -1.0], "g": [0.0, 0.0, 0.0]}),
    ]:
        model = LinearModel(labels, bias, weights)
        rebuilt = LinearModel.from_parts(model.parts())
        assert rebuilt.parts() == model.parts()
        for features in (["good", "f", "other"], ["bad", "g"], []):
            assert rebuilt.probabilities(features) == model.probabilities(features)
        assert "null" not in rebuilt.vocabulary and "g" not in rebuilt.vocabulary  # zero weights are dropped


def test_token_tagger_from_parts_tags_as_the_tagger() -> None:
    weights = {"C:<ab": 0.5, "C:cd>": -0.25, "W:abcd": 1.0, "L:take": 0.75, "R:tablets": 0.5, "R:</s>": 0.1}
    drug, effect = TokenTagger(-1.5, weights), TokenTagger(-2.0, {"C:ach": 1.25, "L:severe": 0.5})
    rebuilt = TokenTagger.from_parts(drug.parts())
    words = ["take", "abcd", "tablets", "for", "headache", "ab"]
    assert rebuilt.parts() == drug.parts()
    assert rebuilt.margins(words) == drug.margins(words)
    assert rebuilt.own_scores["abcd"] == drug.own_scores["abcd"] != rebuilt.own_scores["no"]
    pair, rebuilt_pair = TaggerPair(drug, effect), TaggerPair(rebuilt, TokenTagger.from_parts(effect.parts()))
    assert [rebuilt_pair.values(w) for w in words] == [pair.values(w) for w in words]


def test_linear_is_compiled_with_the_reading() -> None:
    assert "linear" in compiled.MODULES
    assert "per_word" not in compiled.MODULES  # its `__call__ = dict.__getitem__` is no method once compiled
