"""The cost of the citing-language scans added by s41-citing (issue 23), per statement, over every statement of
clinical_citation_stance: framed_names.framed_name_spans (run only in the profile's learned path),
trial_names.trial_name_anchors (once a target, over its statements) and comparison_boundary.is_comparison_boundary
(on each word a name reader looks at). Best of --repeat passes, in microseconds a statement.

Usage: python bench/bench_citing_frames_cost.py [--data-dir ../shared/data] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarizer.engines.extractive.comparison_boundary import is_comparison_boundary
from summarizer.engines.extractive.framed_names import framed_name_spans
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.trial_names import trial_name_anchors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=Path(__file__).resolve().parents[1].parent / "shared" / "data",
                        type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.is_file():
        print(f"bench_citing_frames_cost: no {path}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = [word.lower() for text in texts for word in text.split()]
    res = load_resources()
    checks = {
        "framed_name_spans": lambda: [framed_name_spans(text) for text in texts],
        "trial_name_anchors": lambda: trial_name_anchors(texts, res),
        "is_comparison_boundary (every word)": lambda: [is_comparison_boundary(word) for word in words],
    }
    print(f"{len(texts)} statements, {len(words)} words")
    for name, check in checks.items():
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            check()
            best = min(best, time.perf_counter() - start)
        print(f"  {name}: {best * 1e6 / len(texts):.2f} µs a statement")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
