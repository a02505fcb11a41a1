"""Batch throughput and the Batch API cost estimate: 1,000 targets x 50 statements against the local stand-ins.

    python bench/bench_batch.py [--targets 1000] [--statements 50] [--jobs 4] [--cost-sample 100]

1. `summarizer batch` (the library's run_batch) with the extractive engine fetches and briefs every target from the
   local Semantic Scholar stand-in (tests/citation_server.py), each target's 50 statements being real citing
   sentences from ../shared/data/clinical_citation_stance/dev.jsonl. The client-side rate limit is lifted so that
   the figure is what this machine does; the rate Semantic Scholar allows is printed beside it. A second run of the
   same command (everything done) is timed too.
2. For the Batch API path, the LLM engine's requests for a sample of those targets are prepared exactly as
   `--via batch-api` prepares them (the engine's defer hook; no model is called). Their prompt tokens are counted
   at the bytes-per-token ratio observed in this project's recorded llama.cpp calls, their answer tokens at the
   engine's own output budget per statement, and priced at a published Batch API price.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from citation_server import CitationServer, make_corpus  # noqa: E402

from summarizer.batch import BatchOptions, read_targets, run_batch  # noqa: E402
from summarizer.engines import EngineOptions, make_engine  # noqa: E402
from summarizer.engines.llm.batch_api import RequestCollector  # noqa: E402
from summarizer.engines.llm.client import RequestDeferred  # noqa: E402
from summarizer.engines.llm.engine import LLMEngine  # noqa: E402
from summarizer.engines.llm.session import OUTPUT_TOKENS_PER_ANNOTATION, OUTPUT_TOKENS_RESERVED  # noqa: E402
from summarizer.fetch import Fetcher  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.settings import load_settings  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data"
STANCE_FILE = Path("clinical_citation_stance") / "dev.jsonl"
# Prompt bytes per token observed in cassettes/recorded (llama.cpp, SmolLM2 tokenizer): 3.7 to 4.1; the lower
# value counts more tokens, so the estimate errs on the expensive side.
BYTES_PER_TOKEN = 3.7
# OpenAI Batch API, gpt-4o-mini: $0.075 per 1M input tokens, $0.30 per 1M output tokens (half the standard
# $0.15 / $0.60), as listed for 2026 by apicalculators.com ("OpenAI Batch API Cost 2026", 5 July 2026) after
# openai.com/api/pricing; check the current page before budgeting.
PRICE_MODEL = "gpt-4o-mini"
PRICE_INPUT_PER_M = 0.075
PRICE_OUTPUT_PER_M = 0.30
S2_REQUESTS_PER_SECOND = 1.0  # what an introductory Semantic Scholar key allows


def sentences(data_dir: Path) -> list[str]:
    path = data_dir / STANCE_FILE
    if not path.is_file():
        raise SystemExit(f"needs the labelled data: {path} (see ../shared/data/README.md; or --data-dir)")
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def throughput(work: Path, server: CitationServer, targets_file: Path, jobs: int) -> tuple[float, float, int]:
    settings = load_settings(
        overrides={
            "sources": {"s2": {"base_url": server.s2_url, "rate_per_second": 10_000.0}},
            "fetch": {"cache_path": str(work / "http-cache.sqlite3")},
            "batch": {"jobs": jobs},
        },
        environ={"S2_API_KEY": "bench-key"},
    )
    engine = make_engine("extractive", settings, EngineOptions(workers=1))
    targets = read_targets(targets_file)
    options = BatchOptions(out_dir=work / "out")
    start = time.perf_counter()
    report = run_batch(targets, options, settings, engine)
    first = time.perf_counter() - start
    if report.briefed != len(targets):
        raise SystemExit(f"only {report.briefed} of {len(targets)} targets were briefed: {report.failures[:3]}")
    requests = len(server.log)
    start = time.perf_counter()
    again = run_batch(targets, options, settings, engine)
    second = time.perf_counter() - start
    assert again.skipped == len(targets) and len(server.log) == requests
    return first, second, requests


def request_tokens(server: CitationServer, work: Path, dois: list[str]) -> tuple[int, int, int]:
    """Prompt and answer tokens, and requests, of the first batch round for these targets."""
    settings = load_settings(
        overrides={
            "engine": "llm",
            "llm": {"model": PRICE_MODEL},
            "cache": {"path": str(work / "empty-llm-cache.sqlite3")},
            "sources": {"s2": {"base_url": server.s2_url, "rate_per_second": 10_000.0}},
            "fetch": {"cache_path": str(work / "http-cache.sqlite3")},
        },
        environ={},
    )

    async def fetch_all() -> list[object]:
        async with Fetcher(settings) as fetcher:
            return [(await fetcher.fetch(doi)).source for doi in dois]

    prompt_tokens = answer_tokens = requests = 0
    for source in asyncio.run(fetch_all()):
        collector = RequestCollector()
        engine = LLMEngine(settings, defer=collector)
        with contextlib.suppress(RequestDeferred):  # what the first batch round would hold
            summarize(source, engine=engine, settings=settings)  # type: ignore[arg-type]
        for body in collector.requests.values():
            requests += 1
            sent = sum(len(m["content"].encode("utf-8")) for m in body["messages"])
            sent += len(json.dumps(body.get("response_format", {})).encode("utf-8"))  # the schema is input too
            prompt_tokens += round(sent / BYTES_PER_TOKEN)
            statements = sum(m["content"].count("<statement id=") for m in body["messages"])
            answer_tokens += OUTPUT_TOKENS_PER_ANNOTATION * statements + OUTPUT_TOKENS_RESERVED
    return prompt_tokens, answer_tokens, requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the labelled data (default ../shared/data)")
    parser.add_argument("--targets", type=int, default=1000)
    parser.add_argument("--statements", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--cost-sample", type=int, default=100, help="targets whose model requests are counted")
    parser.add_argument("--reask-share", type=float, default=0.2, help="assumed share of requests re-asked once")
    args = parser.parse_args()

    texts = sentences(args.data_dir)
    corpus = make_corpus(texts, targets=args.targets, citing_per_target=args.statements)
    with tempfile.TemporaryDirectory() as tmp, CitationServer(corpus) as server:
        work = Path(tmp)
        targets_file = work / "targets.txt"
        targets_file.write_text("\n".join(p.doi for p in corpus) + "\n", encoding="utf-8")
        first, second, requests = throughput(work, server, targets_file, args.jobs)
        sample = [p.doi for p in corpus[: args.cost_sample]]
        prompt, answer, calls = request_tokens(server, work, sample)

    per_minute = args.targets / first * 60
    s2_bound = S2_REQUESTS_PER_SECOND * 60 / (requests / args.targets)
    factor = 1 + args.reask_share * 2  # a re-ask resends the prompt plus the answer and the errors: about twice
    prompt_per_target = prompt / len(sample) * factor
    answer_per_target = answer / len(sample) * (1 + args.reask_share)
    cost = args.targets * (prompt_per_target * PRICE_INPUT_PER_M + answer_per_target * PRICE_OUTPUT_PER_M) / 1e6
    scale = 1000 / args.targets
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"targets: {args.targets} x {args.statements} statements (real citing sentences), jobs {args.jobs}")
    print(f"first run: {first:.1f} s, {per_minute:.0f} targets/min ({requests} requests to the stand-in)")
    print(f"re-run, everything done: {second:.2f} s, no request")
    print(f"Semantic Scholar at {S2_REQUESTS_PER_SECOND:g} request/s allows {s2_bound:.0f} targets/min")
    print(
        f"Batch API, first round: {calls} requests for {len(sample)} targets; per target {prompt / len(sample):.0f} "
        f"prompt tokens (at {BYTES_PER_TOKEN} bytes/token), {answer / len(sample):.0f} answer tokens (engine budget)"
    )
    print(
        f"with {args.reask_share:.0%} of requests re-asked once: {prompt_per_target:.0f} prompt + "
        f"{answer_per_target:.0f} answer tokens per target"
    )
    print(
        f"cost per 1,000 targets on {PRICE_MODEL} Batch API (${PRICE_INPUT_PER_M}/M in, ${PRICE_OUTPUT_PER_M}/M out): "
        f"${cost * scale:.2f}"
    )


if __name__ == "__main__":
    main()
