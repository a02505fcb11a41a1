"""`summarizer batch --via batch-api`: the LLM engine's requests as Batch API jobs, against local stand-ins."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from batch_server import FakeBatchServer
from citation_server import CitationServer, fetch_config, make_corpus
from llm_server import FakeLLMServer, script

from summarizer import contract_violations
from summarizer.batch.rounds import STATE_FILE, brief_in_batches
from summarizer.cli import main
from summarizer.engines.llm.batch_api import BATCH_ENDPOINT, BatchOutcome, OpenAIBatches
from summarizer.models import Brief
from summarizer.readers import load_statements
from summarizer.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
API_KEY = "sk-batch-test"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return fetch_config(
        tmp_path,
        preamble='engine = "llm"',
        llm='model = "fake-model"\nmax_retries = 0',
        cache=f"path = \"{tmp_path / 'llm-cache.sqlite3'}\"",
        batch="poll_seconds = 0.01",
    )


def _environment(monkeypatch: pytest.MonkeyPatch, citations: CitationServer, base_url: str) -> None:
    monkeypatch.setenv("SUMMARIZER_S2_URL", citations.s2_url)
    monkeypatch.setenv("S2_API_KEY", "s2-key")
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def _briefs(out: Path) -> dict[str, Brief]:
    return {p.stem: Brief.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def test_batch_api_briefs_equal_the_direct_ones_and_the_jsonl_is_the_batch_format(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=3, citing_per_target=8)
    targets = tmp_path / "targets.txt"
    targets.write_text("\n".join(p.doi for p in corpus) + "\n", encoding="utf-8")
    with CitationServer(corpus) as citations, FakeBatchServer(FakeLLMServer(), api_key=API_KEY) as batches:
        _environment(monkeypatch, citations, batches.base_url)
        argv = ["batch", str(targets), "-o", str(tmp_path / "via-batch"), "--config", str(config), "--quiet"]
        assert main([*argv, "--via", "batch-api"]) == 0
        assert batches.llm.requests == [] or all(r.authorization == f"Bearer {API_KEY}" for r in batches.llm.requests)
        uploads = batches.uploads()
        assert len(uploads) == 1, "one small brief per target: one round"
        lines = [json.loads(line) for line in uploads[0].content.splitlines()]
        assert len(lines) == 3
        for line in lines:
            assert set(line) == {"custom_id", "method", "url", "body"}
            assert line["method"] == "POST" and line["url"] == BATCH_ENDPOINT
            assert line["body"]["model"] == "fake-model"
            assert line["body"]["response_format"]["json_schema"]["strict"] is True

        with FakeLLMServer() as direct:
            monkeypatch.setenv("OPENAI_BASE_URL", direct.base_url)
            assert main([*argv[:3], str(tmp_path / "direct"), *argv[4:]]) == 0
            assert len(direct.requests) == 3, "the direct path sends the same three requests"
    via_batch, via_direct = _briefs(tmp_path / "via-batch"), _briefs(tmp_path / "direct")
    assert via_batch.keys() == via_direct.keys() and len(via_batch) == 3
    for stem, brief in via_batch.items():
        assert contract_violations(brief) == []
        other = via_direct[stem]
        assert brief.safety == other.safety and brief.efficacy == other.efficacy
        assert brief.statements == other.statements
        assert brief.provenance.engine == "llm"


def test_re_asks_and_merges_go_into_follow_up_batches(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=2, citing_per_target=40)
    targets = tmp_path / "targets.txt"
    targets.write_text("\n".join(p.doi for p in corpus) + "\n", encoding="utf-8")
    small = config.read_text(encoding="utf-8").replace("max_retries = 0", "max_retries = 0\nchunk_token_budget = 900")
    config.write_text(small, encoding="utf-8")
    llm = FakeLLMServer(faults=script({0: "unknown_ids"}))  # the first answer cites an id that does not exist
    with CitationServer(corpus) as citations, FakeBatchServer(llm, api_key=API_KEY) as batches:
        _environment(monkeypatch, citations, batches.base_url)
        out = tmp_path / "out"
        argv = ["batch", str(targets), "-o", str(out), "--config", str(config), "--quiet", "--via", "batch-api"]
        assert main(argv) == 0
        rounds = batches.uploads()
        assert len(rounds) >= 2, "map answers lead to merges (and the bad answer to a re-ask) in a later batch"
        first = [json.loads(line) for line in rounds[0].content.splitlines()]
        later = [json.loads(line) for r in rounds[1:] for line in r.content.splitlines()]
        reasks = [line for line in later if len(line["body"]["messages"]) > 2]
        assert reasks, "the re-ask carries the bad answer and the errors"
        assert "unknown statement id" in reasks[0]["body"]["messages"][-1]["content"]
        assert {line["custom_id"] for line in first}.isdisjoint(line["custom_id"] for line in later)
    for brief in _briefs(out).values():
        assert contract_violations(brief) == []
        assert brief.tally.statements == 40
    state = json.loads((out / ".summarizer" / "llm-batch" / STATE_FILE).read_text(encoding="utf-8"))
    assert state["in_flight"] == [] and state["usage"]["requests"] == sum(len(r.content.splitlines()) for r in rounds)


class _Interrupted(Exception):
    pass


class _StopAfterSubmit:
    """A backend that submits for real and is interrupted while waiting, once: as a run stopped mid-batch."""

    def __init__(self, real: OpenAIBatches) -> None:
        self.real = real
        self.submitted: list[str] = []
        self.stopped = False

    async def submit(self, jsonl: bytes, name: str) -> str:
        batch_id = await self.real.submit(jsonl, name)
        self.submitted.append(batch_id)
        return batch_id

    async def wait(self, batch_id: str, notify: Any) -> BatchOutcome:
        if not self.stopped:
            self.stopped = True
            raise _Interrupted
        return await self.real.wait(batch_id, notify)


def test_a_run_interrupted_while_a_batch_runs_resumes_by_polling_it(
    citing_sentences: list[str],
    tmp_path: Path,
) -> None:
    source = load_statements(REPO / "examples" / "uc-msc-covid19-scite-page.txt")
    with FakeBatchServer(FakeLLMServer(), api_key=API_KEY) as batches:
        settings = load_settings(
            overrides={
                "engine": "llm",
                "llm": {"model": "fake-model", "base_url": batches.base_url, "max_retries": 0},
                "batch": {"poll_seconds": 0.01},
            },
            environ={"OPENAI_API_KEY": API_KEY},
        )

        async def run(backend: _StopAfterSubmit) -> list[tuple[str, Brief | str]]:
            return [item async for item in brief_in_batches({"t": source}, settings, tmp_path, backend=backend)]

        backend = _StopAfterSubmit(OpenAIBatches(settings))
        with pytest.raises(_Interrupted):
            asyncio.run(run(backend))
        assert json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))["in_flight"] == backend.submitted
        uploads = len(batches.uploads())

        resumed = _StopAfterSubmit(OpenAIBatches(settings))
        resumed.stopped = True
        results = asyncio.run(run(resumed))
        assert len(batches.uploads()) == uploads + len(resumed.submitted)
        assert backend.submitted[0] in batches.batches
    assert [name for name, _ in results] == ["t"]
    assert isinstance(results[0][1], Brief) and contract_violations(results[0][1]) == []


def test_a_request_the_batch_cannot_answer_fails_only_its_target(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=2, citing_per_target=5)
    targets = tmp_path / "targets.txt"
    targets.write_text("\n".join(p.doi for p in corpus) + "\n", encoding="utf-8")
    llm = FakeLLMServer(faults=script({0: "500"}))
    with CitationServer(corpus) as citations, FakeBatchServer(llm, api_key=API_KEY) as batches:
        _environment(monkeypatch, citations, batches.base_url)
        out = tmp_path / "out"
        argv = ["batch", str(targets), "-o", str(out), "--config", str(config), "--quiet", "--via", "batch-api"]
        assert main(argv) == 5
    statuses = sorted((out / "summary.csv").read_text(encoding="utf-8").splitlines()[1:])
    assert sum(",ok," in row for row in statuses) == 1
    assert sum("the Batch API could not answer a request (500" in row for row in statuses) == 1


def test_a_refused_key_is_exit_3(
    citing_sentences: list[str], config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=3)
    targets = tmp_path / "targets.txt"
    targets.write_text(corpus[0].doi + "\n", encoding="utf-8")
    with CitationServer(corpus) as citations, FakeBatchServer(api_key="another-key") as batches:
        _environment(monkeypatch, citations, batches.base_url)
        argv = ["batch", str(targets), "-o", str(tmp_path / "out"), "--config", str(config), "--via", "batch-api"]
        assert main([*argv, "--quiet"]) == 3


def _run_like_vllm(input_path: Path, output_path: Path, llm: FakeLLMServer) -> None:
    """What `vllm run_batch -i input -o output` writes: one result line per request line, in the Batch API format."""
    lines = []
    for number, text in enumerate(input_path.read_text(encoding="utf-8").splitlines(), start=1):
        request = json.loads(text)
        status, _, payload = llm.answer(json.dumps(request["body"]).encode(), None)
        response = {"status_code": status, "request_id": f"vllm-batch-{number}", "body": json.loads(payload)}
        lines.append(json.dumps({"id": f"vllm-{number}", "custom_id": request["custom_id"], "response": response}))
    output_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_batch_files_write_the_jsonl_for_vllm_and_read_its_results_on_the_next_run(
    citing_sentences: list[str],
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = make_corpus(citing_sentences, targets=2, citing_per_target=6)
    targets = tmp_path / "targets.txt"
    targets.write_text("\n".join(p.doi for p in corpus) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["batch", str(targets), "-o", str(out), "--config", str(config), "--quiet", "--via", "batch-files"]
    llm = FakeLLMServer()
    with CitationServer(corpus) as citations:
        monkeypatch.setenv("SUMMARIZER_S2_URL", citations.s2_url)
        rounds = 0
        while (code := main(argv)) == 6:
            err = capsys.readouterr().err
            assert "vllm.entrypoints.openai.run_batch -i " in err and "--model fake-model" in err
            work = out / ".summarizer" / "llm-batch"
            waiting = [p for p in work.glob("*.jsonl") if not p.name.endswith(".output.jsonl")]
            for path in waiting:
                output = path.with_name(path.name.replace(".jsonl", ".output.jsonl"))
                if not output.exists():
                    _run_like_vllm(path, output, llm)
            rounds += 1
            assert rounds < 5
        assert code == 0
        fetched = len(citations.log)
    assert rounds == 1 and fetched == 4, "the statements were fetched once, before the first round"
    for brief in _briefs(out).values():
        assert contract_violations(brief) == [] and brief.provenance.engine == "llm"
