"""Benchmark the LLM engine against a local fake OpenAI-compatible server with a fixed latency.

    python bench/bench_llm.py [--statements 3000] [--concurrency 8] [--latency 1.0]

Reports wall time against the ideal ceil(calls / concurrency) x latency (goal <= 1.5x), request bytes per
statement byte (goal <= 2), calls, tokens per statement, and a re-run from the cache (goal: 0 calls).
"""

from __future__ import annotations

import argparse
import math
import shlex
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from llm_server import FakeLLMServer, synthetic_texts  # noqa: E402

from summarizer.contract import contract_violations  # noqa: E402
from summarizer.engines.llm import LLMEngine  # noqa: E402
from summarizer.models import Brief, Source, Statement  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.settings import Settings, load_settings  # noqa: E402


def run_once(settings: Settings, source: Source) -> tuple[Brief, float]:
    """One brief and its wall time."""
    start = time.perf_counter()
    brief = summarize(source, engine=LLMEngine(settings), settings=settings)
    return brief, time.perf_counter() - start


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=1.0, help="seconds per request at the fake server")
    args = parser.parse_args()

    texts = synthetic_texts(args.statements)
    source = Source(format="bench", statements=[Statement(id="S1", text=t) for t in texts])
    statement_bytes = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as tmp, FakeLLMServer(latency=args.latency) as server:
        settings = load_settings(
            None,
            overrides={
                "llm": {"model": "bench-model", "base_url": server.base_url, "concurrency": args.concurrency},
                "cache": {"path": str(Path(tmp) / "cache.sqlite3")},
            },
            environ={},
        )
        brief, wall = run_once(settings, source)
        calls = len(server.requests)
        request_bytes = server.request_bytes
        rerun, rerun_wall = run_once(settings, source)
        rerun_calls = len(server.requests) - calls

    problems = contract_violations(brief) + contract_violations(rerun)
    ideal = math.ceil(calls / args.concurrency) * args.latency
    usage = brief.provenance.usage
    tokens = usage.prompt_tokens + usage.completion_tokens
    command = "python bench/bench_llm.py " + shlex.join(
        [f"--statements={args.statements}", f"--concurrency={args.concurrency}", f"--latency={args.latency}"]
    )
    print(f"command: {command}")
    print(f"statements: {args.statements} ({statement_bytes} bytes); brief statements: {len(brief.statements)}")
    print(f"calls: {calls} (map and reduce; re-asks {usage.retries})")
    print(
        f"wall: {wall:.2f} s; ideal ceil({calls}/{args.concurrency}) x {args.latency:g} s = {ideal:.2f} s; "
        f"ratio {wall / ideal:.2f} (goal <= 1.5)"
    )
    print(f"request bytes: {request_bytes}; per statement byte: {request_bytes / statement_bytes:.2f} (goal <= 2)")
    print(
        f"tokens per statement: {tokens / args.statements:.1f} (prompt {usage.prompt_tokens}, "
        f"completion {usage.completion_tokens}; as the fake server counts them: bytes / 4)"
    )
    cached = rerun.provenance.usage.cached_calls
    print(f"cache re-run: calls {rerun_calls}, cached calls {cached}, wall {rerun_wall:.2f} s")
    print(f"contract violations: {len(problems)}")
    return 0 if not problems and rerun_calls == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
