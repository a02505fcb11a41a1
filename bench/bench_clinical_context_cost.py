"""What the rules of issue 23's helper s35-cite-names cost, a statement at a time, on real citing statements: the
"SHORT (long form)" abbreviation reading (abbreviations.find_definitions, run over every statement of a target by the
target profile) with and without it, and clinical_context.care_of_people against the learned-name path it runs in
(the PICO reader and the reread of a statement's treatments, which run only when the word lists find no
intervention).

Run: python bench/bench_clinical_context_cost.py --data-dir ../shared/data [--statements 1500]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import summarizer.engines.extractive.abbreviations as abbreviations
from summarizer.engines.extractive.clinical_context import care_of_people
from summarizer.engines.extractive.pico import load_pico_tagger
from summarizer.engines.extractive.reading import annotate, reread_treatments
from summarizer.engines.extractive.resources import load_resources


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--statements", type=int, default=1500)
    args = parser.parse_args()
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.exists():
        print(f"bench_clinical_context_cost: no {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle][: args.statements]
    n = len(texts)

    def definitions() -> None:
        for text in texts:
            if "(" in text:
                abbreviations.find_definitions(text)

    with_short_first = _best(definitions)
    original = abbreviations._short_first
    abbreviations._short_first = lambda text, taken: []
    try:
        without = _best(definitions)
    finally:
        abbreviations._short_first = original
    print(f"{n} statements; find_definitions {with_short_first / n * 1e6:.2f} us a statement with SHORT (long form), "
          f"{without / n * 1e6:.2f} us without")
    tagger = load_pico_tagger()
    if tagger is None:
        print("the PICO reader's weights are not installed: the learned-name path is not timed")
        return 0
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    spans: list[list[tuple[int, int]]] = []
    started = time.perf_counter()
    for text in texts:
        spans.append([(span.start, span.end) for span in tagger.intervention_spans(text)])
    pico = time.perf_counter() - started
    named = [(text, reading, found) for text, reading, found in zip(texts, readings, spans, strict=True) if found]
    reread = _best(lambda: [reread_treatments(text, reading, found, res) for text, reading, found in named], 1)
    cared = _best(lambda: [care_of_people(text) for text, _, _ in named])
    print(f"learned-name path: PICO reader {pico / n * 1e6:.0f} us a statement, reread {reread / n * 1e6:.0f} us, "
          f"care_of_people {cared / n * 1e6:.1f} us ({cared / (pico + reread):.1%} of the path)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
