"""Benchmark the LLM engine against a local fake OpenAI-compatible server with a fixed latency.

    python bench/bench_llm.py [--statements 3000] [--concurrency 8] [--latency 1.0] [--answers cite|random|smallest]

The statements are real citing sentences from ../shared/data (clinical_citation_stance, then brief_targets), or
synthetic ones when that folder is absent. The fake server (tests/llm_server.py) runs in its own process, as a real
server would, and answers each request with an instance of the schema it was sent: `cite` (grounded: quotes the
first statement), `random` (random schema-valid instances) or `smallest`.
Reports wall time against the ideal ceil(calls / concurrency) x latency (goal <= 1.2x), request bytes per
statement byte (goal <= 1.6: the per-statement context costs a little), calls, tokens per statement, and a re-run
from the cache (goal: 0 calls).

    python bench/bench_llm.py --prompt-sizes [--data-dir ../shared/data]

Prompt bytes (system and user messages as sent; the json_schema dialect, whose schema travels in response_format)
against the bytes of the statements they show: the bundled example's one request (goal <= 3x), and every map call
at the default chunk budget (goal <= 1.6x) and at 1,500 tokens (goal <= 2.5x), over the real citing sentences.
"""

from __future__ import annotations

import argparse
import math
import re
import shlex
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

import json  # noqa: E402
import subprocess  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from typing import Any  # noqa: E402

from llm_server import synthetic_texts  # noqa: E402

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


DATA = REPO.parent / "shared" / "data"
ANSWERS = ("cite", "random", "smallest")


@contextmanager
def fake_server(latency: float, answers: str) -> Iterator[str]:
    """tests/llm_server.py in a process of its own; yields its base URL."""
    command = [sys.executable, str(REPO / "tests" / "llm_server.py"), f"--latency={latency}", f"--answers={answers}"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_stats(base_url: str) -> dict[str, Any]:
    """What the fake server saw: requests, their bytes and statuses."""
    with urllib.request.urlopen(f"{base_url}/stats", timeout=10) as response:
        stats: dict[str, Any] = json.loads(response.read())
    return stats


def real_texts(count: int, data: Path) -> tuple[list[str], str]:
    """`count` distinct real citing sentences from the data folder, or synthetic ones when it is absent."""
    texts: list[str] = []
    for name in ("clinical_citation_stance/dev.jsonl", "brief_targets/statements.jsonl"):
        path = data / name
        if path.is_file():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    texts = list(dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()))
    if len(texts) >= count:
        return texts[:count], f"real citing sentences from {data}"
    return synthetic_texts(count), "synthetic statements (../shared/data not found)"


EXAMPLE = REPO / "examples" / "uc-msc-covid19-scite-page.txt"
SHOWN = re.compile(r"<s id=S\d+[^>]*>(.*?)</s>", re.DOTALL)


def _prompt_bytes(body: dict[str, Any]) -> int:
    return sum(len(str(m["content"]).encode("utf-8")) for m in body["messages"])


def _shown_bytes(body: dict[str, Any]) -> int:
    return sum(len(text.encode("utf-8")) for text in SHOWN.findall(body["messages"][1]["content"]))


def prompt_sizes(data: Path) -> int:
    """Prompt bytes per statement byte: the example's request, and map calls at two chunk budgets."""
    from llm_server import FakeLLMServer

    from summarizer.readers import load_statements

    failed = False
    with FakeLLMServer() as server:
        settings = load_settings(
            None,
            overrides={"llm": {"model": "bench-model", "base_url": server.base_url}, "cache": {"enabled": False}},
            environ={},
        )
        summarize(load_statements(EXAMPLE), engine=LLMEngine(settings), settings=settings)
        body = server.requests[0].body
        ratio = _prompt_bytes(body) / _shown_bytes(body)
        failed |= ratio > 3.0
        print(f"example: {len(server.requests)} request, prompt {_prompt_bytes(body)} bytes for "
              f"{_shown_bytes(body)} bytes of statements: {ratio:.2f}x (goal <= 3)")  # fmt: skip
        texts, origin = real_texts(600, data)
        source = Source(format="bench", statements=[Statement(id="S1", text=t) for t in texts])
        for budget, goal in ((8000, 1.6), (1500, 2.5)):
            server.requests.clear()
            chosen = settings.model_copy(
                update={"llm": settings.llm.model_copy(update={"chunk_token_budget": budget})}
            )
            summarize(source, engine=LLMEngine(chosen), settings=chosen)
            maps = [r.body for r in server.requests if r.body["response_format"]["json_schema"]["name"] == "chunk"]
            ratios = [_prompt_bytes(b) / _shown_bytes(b) for b in maps]
            failed |= max(ratios) > goal
            mean = sum(ratios) / len(ratios)
            print(
                f"map calls at chunk_token_budget {budget}: {len(maps)} over 600 {origin}; prompt bytes per "
                f"statement byte: max {max(ratios):.2f}x, mean {mean:.2f}x (goal <= {goal})"
            )
    return 1 if failed else 0


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=1.0, help="seconds per request at the fake server")
    parser.add_argument("--answers", choices=ANSWERS, default="cite")
    parser.add_argument("--data-dir", type=Path, default=DATA, help="the labelled data (default: ../shared/data)")
    parser.add_argument("--prompt-sizes", action="store_true", help="measure prompt bytes per statement byte")
    args = parser.parse_args()
    if args.prompt_sizes:
        return prompt_sizes(args.data_dir)

    texts, origin = real_texts(args.statements, args.data_dir)
    source = Source(format="bench", statements=[Statement(id="S1", text=t) for t in texts])
    statement_bytes = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as tmp, fake_server(args.latency, args.answers) as base_url:
        settings = load_settings(
            None,
            overrides={
                "llm": {"model": "bench-model", "base_url": base_url, "concurrency": args.concurrency},
                "cache": {"path": str(Path(tmp) / "cache.sqlite3")},
            },
            environ={},
        )
        brief, wall = run_once(settings, source)
        first = server_stats(base_url)
        calls, request_bytes = first["requests"], first["request_bytes"]
        rerun, rerun_wall = run_once(settings, source)
        rerun_calls = server_stats(base_url)["requests"] - calls

    problems = contract_violations(brief) + contract_violations(rerun)
    ideal = math.ceil(calls / args.concurrency) * args.latency
    usage = brief.provenance.usage
    tokens = usage.prompt_tokens + usage.completion_tokens
    command = "python bench/bench_llm.py " + shlex.join(
        [
            f"--statements={args.statements}",
            f"--concurrency={args.concurrency}",
            f"--latency={args.latency}",
            f"--answers={args.answers}",
            f"--data-dir={args.data_dir}",
        ]
    )
    print(f"command: {command}")
    print(f"statements: {args.statements} {origin} ({statement_bytes} bytes); in the brief: {len(brief.statements)}")
    print(f"calls: {calls} (map and reduce; re-asks {usage.retries})")
    print(
        f"wall: {wall:.2f} s; ideal ceil({calls}/{args.concurrency}) x {args.latency:g} s = {ideal:.2f} s; "
        f"ratio {wall / ideal:.2f} (goal <= 1.2)"
    )
    print(f"request bytes: {request_bytes}; per statement byte: {request_bytes / statement_bytes:.2f} (goal <= 1.6)")
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
