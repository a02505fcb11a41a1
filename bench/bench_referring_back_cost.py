"""What the cited-work anaphora rule (summarizer/engines/extractive/cited_work_anaphora.py) costs on a large target:
the time of one pass of `statements_referring_back` over the readings of N real citing statements, against the time
of the whole extractive brief of them.

Run: python bench/bench_referring_back_cost.py --data-dir ../shared/data [--statements 20000]

The rule runs once per target, and only when an intervention was found; this times it over all the statements
whether or not one was, so it is the most it can cost. It also times `antecedents_lent` (the results of statements
referring back lent to the treatment named right before them), which the profile runs only when the word lists find
no intervention.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import summarizer.engines.extractive.engine as engine_module
from summarizer.engines.extractive.cited_work_anaphora import antecedents_lent, statements_referring_back
from summarizer.models import Statement
from summarizer.pipeline import summarize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--statements", type=int, default=20000)
    args = parser.parse_args()
    path = args.data_dir / "clinical_citation_stance" / "dev.jsonl"
    if not path.is_file():
        sys.exit(f"bench_referring_back_cost: {path} not found")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle][: args.statements]
    captured: dict[str, Any] = {}
    profile = engine_module.profile_target

    def capturing(*positional: Any, **named: Any) -> Any:
        captured["readings"], captured["texts"] = positional[1], named.get("texts", ())
        return profile(*positional, **named)

    engine_module.profile_target = capturing
    start = time.perf_counter()
    summarize([Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)], engine="extractive")
    brief = time.perf_counter() - start
    start = time.perf_counter()
    found = statements_referring_back(captured["readings"], captured["texts"])
    rule = time.perf_counter() - start
    print(
        f"{len(texts)} statements: brief {brief:.2f} s; statements_referring_back {rule * 1000:.1f} ms "
        f"({100 * rule / brief:.2f}% of the brief); {len(found)} statements refer back"
    )
    # the results lent to an antecedent (run by the profile only when the word lists find no intervention)
    treatments = [reading.treatment for reading in captured["readings"]]
    start = time.perf_counter()
    lent = antecedents_lent(treatments, captured["readings"], captured["texts"])
    cost = time.perf_counter() - start
    print(f"antecedents_lent {cost * 1000:.1f} ms ({100 * cost / brief:.2f}% of the brief); {len(lent)} lent")


if __name__ == "__main__":
    main()
