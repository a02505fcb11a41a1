"""Packing items in order into groups under a token budget: greedily (streamed), or balanced across waves."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

ItemT = TypeVar("ItemT")


class GreedyPacker(Generic[ItemT]):
    """Packs items one at a time, in order. A group closes when the next item would take it over the budget (or
    past `max_items`), but never before it holds `min_items`; each group starts at `overhead` tokens."""

    def __init__(self, budget: int, overhead: int, min_items: int = 1, max_items: int | None = None) -> None:
        self.budget = budget
        self.overhead = overhead
        self.min_items = min_items
        self.max_items = max_items
        self.current: list[ItemT] = []
        self.used = overhead

    def add(self, item: ItemT, cost: int) -> list[ItemT] | None:
        """Add an item of `cost` tokens; return the group it closed, if it had to start a new one."""
        closed = None
        full = self.max_items is not None and len(self.current) >= self.max_items
        if len(self.current) >= self.min_items and (self.used + cost > self.budget or full):
            closed, self.current, self.used = self.current, [], self.overhead
        self.current.append(item)
        self.used += cost
        return closed


def pack(
    items: Iterable[ItemT],
    cost: Callable[[ItemT], int],
    budget: int,
    overhead: int,
    min_items: int = 1,
    max_items: int | None = None,
) -> list[list[ItemT]]:
    """All items packed into groups; the last group is whatever is left."""
    packer: GreedyPacker[ItemT] = GreedyPacker(budget, overhead, min_items, max_items)
    groups = [closed for item in items if (closed := packer.add(item, cost(item))) is not None]
    if packer.current:
        groups.append(packer.current)
    return groups


def balanced(
    items: Sequence[ItemT],
    cost: Callable[[ItemT], int],
    budget: int,
    overhead: int,
    max_items: int,
    concurrency: int,
    stretch: float = 1.25,
) -> list[list[ItemT]]:
    """Items in order, in groups of about equal cost. As many groups as greedy packing needs, except that a last,
    partly filled wave of `concurrency` calls is folded into the full ones when the groups then stay under
    `stretch` times the budget and under `max_items`: one wave less of latency for somewhat longer prompts."""
    if not items:
        return []
    costs = [cost(item) for item in items]
    count = len(pack(range(len(items)), lambda i: costs[i], budget, overhead, max_items=max_items))
    folded = count - count % concurrency
    if count > concurrency and folded != count:
        per_group = (sum(costs) + folded * overhead) / folded
        if per_group <= stretch * budget and math.ceil(len(items) / folded) <= max_items:
            count = folded
    return _split_evenly(list(items), costs, count, max_items)


def _split_evenly(items: list[ItemT], costs: list[int], count: int, max_items: int) -> list[list[ItemT]]:
    total = sum(costs)
    groups: list[list[ItemT]] = []
    current: list[ItemT] = []
    spent = 0
    for item, item_cost in zip(items, costs, strict=True):
        boundary = total * (len(groups) + 1) / count
        if current and (spent + item_cost / 2 > boundary or len(current) >= max_items) and len(groups) < count - 1:
            groups.append(current)
            current = []
        current.append(item)
        spent += item_cost
    groups.append(current)
    return groups
