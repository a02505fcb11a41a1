"""outcome_spans._words_at (since s48-speed3 a search without a pattern compiled per call) against its old pattern: the
same answers, and the CPU of each.

Run: python bench/bench_words_at.py STATEMENTS.csv [--limit 8000] [--repeat 5] [--save FILE | --load FILE]
     (STATEMENTS.csv: e.g. the 20,000 real sentences `python bench/bench_throughput.py --keep STATEMENTS.csv` writes)

The old `_words_at` (`words_by_pattern` here) compiled a pattern of the subject's words joined by `\\s+` for each call;
the words differ from call to call, so re's cache seldom held them and each call paid a compile (~0.6 ms
interpreted). The new one finds the first word with str.find and walks the white space after it (str.isspace is the
pattern's `\\s` for str patterns, and the words, from str.split(), are whitespace-free and not empty, so `\\s+` before a
word has one way to match).
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


def words_by_pattern(low: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """`_words_at` as it was before s48-speed3: a pattern of the words joined by `\\s+`, compiled per call."""
    found = re.compile(r"\s+".join(map(re.escape, words))).search(low, start, end)
    return (found.start(), found.end()) if found is not None else None



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
    unequal = [i for i in inputs if outcome_spans._words_at(*i) != words_by_pattern(*i)]
    source = f"loaded from {args.load}" if args.load else f"in reading {args.limit} statements"
    print(f"{len(inputs)} calls of _words_at {source}; answers unequal: {len(unequal)}")
    for name, function in [("_words_at", outcome_spans._words_at), ("by_pattern", words_by_pattern)] * args.repeat:
        re.purge()  # as in a reading, where the patterns of other calls' words are not in re's cache
        began = time.process_time()
        for low, words, start, end in inputs:
            function(low, words, start, end)
        print(f"  {name:12s} {time.process_time() - began:.4f} s CPU")


if __name__ == "__main__":
    main()
