"""CPU time of the sentence reading (`annotate`) over every clinical_citation_stance statement: the best of three
passes, after a warm-up. Run it from two checkouts in turn (PYTHONPATH set to each) to compare a rule change's cost:

    PYTHONPATH=. python bench/bench_annotate_cpu.py --data-dir ../shared/data --label branch
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarizer.engines.extractive import annotate, load_resources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--label", default="this checkout")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.is_file():
        print(f"bench_annotate_cpu: no {path}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    res = load_resources()
    for text in texts[:200]:
        annotate(text, resources_=res)
    best = float("inf")
    for _ in range(max(1, args.passes)):
        started = time.process_time()
        for text in texts:
            annotate(text, resources_=res)
        best = min(best, time.process_time() - started)
    print(f"{args.label}: {best:.3f} s CPU for {len(texts)} statements, {best / len(texts) * 1e6:.0f} us each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
