"""Values of one word, computed once: the extractive reading asks the same few questions of every word of every
statement, so that a word it has met before must cost no more than one dict lookup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

V = TypeVar("V")

MAX_WORDS = 1 << 16


class PerWord(dict[str, V]):
    """word -> function(word), each computed on first use, as a plain dict: `per_word[word]`, or in bulk
    `map(per_word.__getitem__, words)`, which stays in C for the words already met (a call through
    functools.lru_cache costs about twice as much, and its misses more). Calling it works too, for the odd word.

    Emptied when it holds `max_words`: a long-running service meets ever new words.
    """

    __slots__ = ("function", "max_words")

    def __init__(self, function: Callable[[str], V], max_words: int = MAX_WORDS) -> None:
        super().__init__()
        self.function = function
        self.max_words = max_words

    def __missing__(self, word: str) -> V:
        value = self.function(word)
        if len(self) >= self.max_words:
            self.clear()
        self[word] = value
        return value

    __call__ = dict.__getitem__


# the module-level tables, by name: startup.py fills them ahead, from its cache, for the words the models know
SHARED_TABLES: dict[str, PerWord[Any]] = {}


def shared_table(function: Callable[[str], V]) -> PerWord[V]:
    """A module-level PerWord of `function`, listed in SHARED_TABLES. Its value may depend on the word and the
    code alone (startup.py keys its cache by the code and the data files)."""
    table = PerWord(function)
    SHARED_TABLES[f"{function.__module__}.{function.__qualname__}"] = table
    return table
