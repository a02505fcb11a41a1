"""The PICO decoding rules and chain (engines/extractive/pico_decoding.py) on sentences written for these tests, and
the training side's search (training/pico_decoding.py) against the run-time decoder."""

from __future__ import annotations

import math
import random

import pytest

from summarizer.engines.extractive.pico_decoding import (
    CHAIN_LABELS,
    ChainDecoder,
    drop_lone_function_words,
    fill_gaps,
    is_function_word,
    runs,
)
from summarizer.training.pico_decoding import label_chain, split


def test_runs_cover_the_sentence_in_order() -> None:
    assert runs(["N", "I", "I", "N", "O"]) == [("N", 0, 1), ("I", 1, 3), ("N", 3, 4), ("O", 4, 5)]
    assert runs([]) == []


def test_a_one_word_gap_between_two_intervention_words_is_filled() -> None:
    words = ["patients", "took", "lisinopril", "plus", "amlodipine", "daily"]
    tags = ["P", "N", "I", "N", "I", "N"]
    assert fill_gaps(tags, ("I",)) == ["P", "N", "I", "I", "I", "N"]
    assert len(words) == len(tags)


def test_a_gap_of_two_words_or_between_different_tags_stays() -> None:
    assert fill_gaps(["I", "N", "N", "I"], ("I",)) == ["I", "N", "N", "I"]
    assert fill_gaps(["I", "N", "O"], ("I",)) == ["I", "N", "O"]
    # a gap between two outcome words is left alone when only I is filled
    assert fill_gaps(["O", "N", "O"], ("I",)) == ["O", "N", "O"]
    assert fill_gaps(["O", "N", "O"]) == ["O", "O", "O"]
    # a word tagged otherwise is no gap
    assert fill_gaps(["I", "P", "I"]) == ["I", "P", "I"]


def test_a_lone_function_word_tagged_alone_is_untagged() -> None:
    words = ["they", "received", "the", "placebo", "or", "the", "vaccine"]
    tags = ["N", "N", "N", "I", "I", "N", "I"]
    # "or" belongs to the run "placebo or", so it stays; a lone "the" would not
    assert drop_lone_function_words(words, tags, ("I",)) == tags
    lone = ["N", "N", "I", "N", "N", "N", "I"]
    assert drop_lone_function_words(words, lone, ("I",)) == ["N", "N", "N", "N", "N", "N", "I"]


def test_a_lone_content_word_and_a_lone_mark() -> None:
    words = ["given", "naloxone", ",", "then", "observed"]
    assert drop_lone_function_words(words, ["N", "I", "N", "N", "N"], ("I",)) == ["N", "I", "N", "N", "N"]
    assert drop_lone_function_words(words, ["N", "N", "I", "N", "N"], ("I",)) == ["N", "N", "N", "N", "N"]
    assert is_function_word("Between") and is_function_word("(") and not is_function_word("B12")


def test_the_chain_counts_transitions_on_gold_tags() -> None:
    starts, moves = label_chain([["N", "I", "I"], ["I", "I", "N"]])
    n, i = CHAIN_LABELS.index("N"), CHAIN_LABELS.index("I")
    # add-one: N starts once, I once, the others not at all
    assert math.isclose(math.exp(starts[n]), 2 / 6) and math.isclose(math.exp(starts[i]), 2 / 6)
    # I follows I twice, N once, out of I's three moves (+4 for the smoothing)
    assert math.isclose(math.exp(moves[i][i]), 3 / 7) and math.isclose(math.exp(moves[i][n]), 2 / 7)


def _chain(weight: float, biases: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> ChainDecoder:
    sentences = [["N", "I", "I", "I", "I", "I", "N"], ["P", "P", "N", "O", "O"], ["N", "N", "I", "I", "N"]]
    starts, moves = label_chain(sentences)
    return ChainDecoder(biases, starts, moves, weight)


def test_without_transitions_the_chain_takes_each_word_likeliest_label() -> None:
    marginals = [(0.1, 0.2, 0.1), (0.05, 0.7, 0.05), (0.1, 0.1, 0.6)]
    assert _chain(0.0).decode(marginals) == ["N", "I", "O"]
    assert _chain(0.0).decode([]) == []


def test_transitions_fill_a_weak_word_inside_a_run() -> None:
    # the middle word leans to N (0.55) but sits between two sure I words: I I I is the likelier chain
    marginals = [(0.02, 0.9, 0.02), (0.02, 0.4, 0.03), (0.02, 0.9, 0.02)]
    assert _chain(0.0).decode(marginals) == ["I", "N", "I"]
    assert _chain(1.0).decode(marginals) == ["I", "I", "I"]


def test_a_bias_works_as_a_threshold() -> None:
    marginals = [(0.05, 0.3, 0.05)]
    assert _chain(0.0).decode(marginals) == ["N"]
    assert _chain(0.0, (0.0, 1.0, 0.0)).decode(marginals) == ["I"]


def test_the_chain_round_trips_through_json() -> None:
    chain = _chain(0.5, (0.25, 1.0, -0.5))
    assert ChainDecoder.from_json(chain.to_json()) == chain


def test_the_search_decodes_as_the_run_time_chain() -> None:
    pytest.importorskip("numpy")
    from summarizer.training.pico_decoding import ChainSearch

    rng = random.Random(7)
    lengths = [rng.randint(1, 9) for _ in range(40)]
    marginals = []
    for _ in range(sum(lengths)):
        cut = sorted(rng.random() for _ in range(3))
        marginals.append((cut[0], cut[1] - cut[0], cut[2] - cut[1]))
    gold = [rng.choice(CHAIN_LABELS) for _ in marginals]
    search = ChainSearch(marginals, lengths, gold)
    for chain in (_chain(0.0), _chain(1.0, (0.5, 1.5, -0.25)), _chain(2.0, (-1.0, 0.0, 1.0))):
        flat = [CHAIN_LABELS[j] for j in search.paths(chain).tolist()]
        assert split(flat, lengths) == [chain.decode(m) for m in split(marginals, lengths)]
