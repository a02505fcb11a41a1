"""The greedy packer that groups statements (map), partials (reduce) and sentences (read) under a token budget."""

from __future__ import annotations

from summarizer.engines.llm.packing import GreedyPacker, pack


def test_groups_close_before_the_budget_is_passed() -> None:
    assert pack([3, 3, 3, 3], cost=lambda n: n, budget=10, overhead=2) == [[3, 3], [3, 3]]


def test_an_item_over_the_budget_gets_a_group_of_its_own() -> None:
    assert pack([2, 20, 2], cost=lambda n: n, budget=10, overhead=0) == [[2], [20], [2]]


def test_max_items_caps_a_group() -> None:
    assert pack([1] * 5, cost=lambda n: n, budget=100, overhead=0, max_items=2) == [[1, 1], [1, 1], [1]]


def test_min_items_keeps_groups_from_closing_early() -> None:
    assert pack([20, 20, 20], cost=lambda n: n, budget=10, overhead=0, min_items=2) == [[20, 20], [20]]


def test_the_packer_streams_closed_groups() -> None:
    packer: GreedyPacker[int] = GreedyPacker(budget=5, overhead=1)
    assert [packer.add(n, n) for n in (2, 2, 2)] == [None, None, [2, 2]]
    assert packer.current == [2]
