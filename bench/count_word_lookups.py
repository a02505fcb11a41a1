"""How often the reading asks the shared word tables (per_word.PerWord) a word, by table: to size what a cheaper
lookup could save (N lookups x the saving per lookup) before building and timing it.

Run interpreted (a compiled module binds its tables where this script cannot swap them):

    PYTHONPATH=. SUMMARIZER_INTERPRETED=1 python bench/count_word_lookups.py STATEMENTS.csv [--limit 2000]
"""

from __future__ import annotations

import argparse
import csv
import importlib
import pkgutil
from collections import Counter
from typing import Any

import summarizer.engines.extractive as extractive
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.engine import _annotate_jobs
from summarizer.engines.extractive.per_word import PerWord

LOOKUPS: Counter[str] = Counter()


class CountingTable(PerWord[Any]):
    """A PerWord that counts the words asked of it, by subscript or by call alike."""

    __slots__ = ("label",)

    def __init__(self, table: PerWord[Any], label: str) -> None:
        super().__init__(table.function)
        self.label = label

    def __getitem__(self, word: str) -> Any:
        LOOKUPS[self.label] += 1
        return PerWord.__getitem__(self, word)

    __call__ = __getitem__


def swap_tables() -> None:
    """Every module-level PerWord of the extractive package replaced, in every module that binds it, by a counting
    one of the same function."""
    counting: dict[int, CountingTable] = {}
    for info in pkgutil.iter_modules(extractive.__path__, extractive.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, table in list(vars(module).items()):
            if isinstance(table, PerWord) and not isinstance(table, CountingTable):
                if id(table) not in counting:
                    counting[id(table)] = CountingTable(table, name)
                setattr(module, name, counting[id(table)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements")
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    with open(args.statements, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[: args.limit]
    swap_tables()
    _annotate_jobs([(row["citation statement"], True) for row in rows], ExtractiveEngine()._resources)
    for label, count in LOOKUPS.most_common():
        print(f"{label:>24} {count:>9,} ({count / len(rows):.1f} a statement)")
    print(f"{'all':>24} {sum(LOOKUPS.values()):>9,} for {len(rows)} statements")


if __name__ == "__main__":
    main()
