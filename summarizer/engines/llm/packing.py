"""The greedy packer: items in order into groups under a token budget."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
