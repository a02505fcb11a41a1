"""outcome_spans._words_at against a search without a pattern compiled per call: the same answers, and the CPU of each.

Run: python bench/bench_words_at.py STATEMENTS.csv [--limit 8000] [--repeat 5] [--save FILE | --load FILE]
     (STATEMENTS.csv: e.g. the 20,000 real sentences `python bench/bench_throughput.py --keep STATEMENTS.csv` writes)

`_words_at` compiles a pattern of the subject's words joined by `\\s+` for each call; the words differ from call to
call, so re's cache seldom holds them and each call pays a compile (~0.6 ms interpreted). `words_found` finds the
first word with str.find and walks the white space after it (str.isspace is the pattern's `\\s` for str patterns,
and the words, from str.split(), are whitespace-free and not empty, so `\\s+` before a word has one way to match).
The inputs are those the reading of the statements gives `_words_at` (recorded by wrapping it); each is answered by
both, and the answers must be equal; the CPU of answering all of them is timed for each, alternated. A compiled
build's calls between its own modules cannot be wrapped: record the inputs with the interpreted code (--save) and
time the compiled `_words_at` on them (--load).
"""

from __future__ import annotations

import argparse
import csv
import pickle
import re
import time

from summarizer.engines.extractive import ExtractiveEngine, outcome_spans
from summarizer.engines.extractive.engine import _annotate_jobs


def words_found(low: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """Where the words stand in low[start:end], however much space parts them (as _words_at answers)."""
    first = words[0]
    at = low.find(first, start, end)
    while at >= 0:
        stop = _rest_after(low, words, at + len(first), end)
        if stop is not None:
            return at, stop
        at = low.find(first, at + 1, end)
    return None


def _rest_after(low: str, words: list[str], pos: int, end: int) -> int | None:
    """Where the words after the first end when they follow pos, each after one or more spaces; None if they do not."""
    for word in words[1:]:
        gap = pos
        while gap < end and low[gap].isspace():
            gap += 1
        if gap == pos or not low.startswith(word, gap, end):
            return None
        pos = gap + len(word)
    return pos


def _recorded_inputs(path: str, limit: int) -> list[tuple[str, list[str], int, int]]:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    inputs: list[tuple[str, list[str], int, int]] = []
    original = outcome_spans._words_at

    def recording(low: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
        inputs.append((low, list(words), start, end))
        return original(low, words, start, end)

    outcome_spans._words_at = recording
    try:
        _annotate_jobs([(row["citation statement"], True) for row in rows], ExtractiveEngine()._resources)
    finally:
        outcome_spans._words_at = original
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("statements")
    parser.add_argument("--limit", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", help="write the recorded inputs to this file")
    parser.add_argument("--load", help="read the inputs from this file instead of recording them")
    args = parser.parse_args()
    if args.load:
        with open(args.load, "rb") as handle:
            inputs = pickle.load(handle)
    else:
        inputs = _recorded_inputs(args.statements, args.limit)
    if args.save:
        with open(args.save, "wb") as handle:
            pickle.dump(inputs, handle)
    unequal = [i for i in inputs if outcome_spans._words_at(*i) != words_found(*i)]
    source = f"loaded from {args.load}" if args.load else f"in reading {args.limit} statements"
    print(f"{len(inputs)} calls of _words_at {source}; answers unequal: {len(unequal)}")
    for name, function in [("_words_at", outcome_spans._words_at), ("words_found", words_found)] * args.repeat:
        re.purge()  # as in a reading, where the patterns of other calls' words are not in re's cache
        began = time.process_time()
        for low, words, start, end in inputs:
            function(low, words, start, end)
        print(f"  {name:12s} {time.process_time() - began:.4f} s CPU")


if __name__ == "__main__":
    main()
