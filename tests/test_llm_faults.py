"""Fault tests: the LLM engine against a fake OpenAI-compatible server that misbehaves on purpose."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest
from llm_server import FakeLLMServer, always, chaos, length_above, script, synthetic_texts

from summarizer.contract import contract_violations
from summarizer.engines.llm import LLMEngine
from summarizer.errors import EndpointError, NoValidOutputError
from summarizer.models import Brief, Source, Statement
from summarizer.pipeline import summarize
from summarizer.settings import Settings, load_settings


def settings_for(base_url: str, tmp_path: Path, **llm: Any) -> Settings:
    """Fast settings for fault tests: small timeouts, a private cache."""
    options: dict[str, Any] = {"model": "fake-model", "base_url": base_url, "timeout_seconds": 2.0, "max_retries": 3}
    options.update(llm)
    return load_settings(
        None,
        overrides={"engine": "llm", "llm": options, "cache": {"path": str(tmp_path / "cache.sqlite3")}},
        environ={},
    )


def source(count: int) -> Source:
    """A source of `count` distinct synthetic statements."""
    return Source(format="test", statements=[Statement(id="S1", text=t) for t in synthetic_texts(count)])


def brief_of(settings: Settings, count: int) -> Brief:
    """Summarise `count` statements with the LLM engine and check the contract."""
    brief = summarize(source(count), engine=LLMEngine(settings), settings=settings)
    assert contract_violations(brief) == []
    assert len(brief.statements) == count
    return brief


def test_429_is_retried_after_the_retry_after_delay(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "429"}), retry_after="0.4") as server:
        start = time.monotonic()
        brief = brief_of(settings_for(server.base_url, tmp_path), 3)
        elapsed = time.monotonic() - start
    assert [r.fault for r in server.requests] == ["429", None]
    assert elapsed >= 0.4
    assert brief.provenance.usage.calls == 1
    assert brief.provenance.usage.retries == 0  # transport retries are the SDK's, not re-asks


def test_500_is_retried_by_the_sdk(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "500", 1: "500"})) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path), 3)
    assert len(server.requests) == 3
    assert brief.safety.findings


def test_endpoint_that_keeps_failing_is_exit_3(tmp_path: Path) -> None:
    with FakeLLMServer(always("500")) as server, pytest.raises(EndpointError) as caught:
        brief_of(settings_for(server.base_url, tmp_path, max_retries=1), 3)
    assert caught.value.exit_code == 3
    assert "keeps failing" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert len(server.requests) == 2


def test_timeout_is_retried(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "timeout"}), timeout_sleep=1.5) as server:
        brief_of(settings_for(server.base_url, tmp_path, timeout_seconds=0.5), 3)
    assert [r.fault for r in server.requests] == ["timeout", None]


def test_timeouts_until_retries_run_out_are_exit_3(tmp_path: Path) -> None:
    with FakeLLMServer(always("timeout"), timeout_sleep=1.0) as server, pytest.raises(EndpointError) as caught:
        brief_of(settings_for(server.base_url, tmp_path, timeout_seconds=0.3, max_retries=1), 3)
    assert "timed out" in str(caught.value)


def test_unreachable_endpoint_is_exit_3(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = settings_for(f"http://127.0.0.1:{port}/v1", tmp_path, max_retries=1)
    with pytest.raises(EndpointError, match="cannot reach"):
        brief_of(settings, 3)


def test_malformed_json_is_re_asked_with_the_error(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "malformed"})) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path), 3)
    assert brief.provenance.usage.retries == 1
    assert brief.provenance.usage.calls == 2
    reask = server.requests[1].body["messages"]
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert "not valid JSON" in reask[-1]["content"]
    assert server.requests[0].body["messages"] == reask[:2]  # the re-ask extends a copy of the original messages
    assert brief.safety.findings


def test_malformed_json_every_time_is_exit_4(tmp_path: Path) -> None:
    with FakeLLMServer(always("malformed")) as server, pytest.raises(NoValidOutputError) as caught:
        brief_of(settings_for(server.base_url, tmp_path, reask_attempts=2), 3)
    assert caught.value.exit_code == 4
    assert len(server.requests) == 3


@pytest.mark.parametrize("fault", ["unknown_ids", "paraphrase"])
def test_ungrounded_answer_is_re_asked(tmp_path: Path, fault: str) -> None:
    with FakeLLMServer(script({0: fault})) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path), 3)
    assert brief.provenance.usage.retries == 1
    feedback = server.requests[1].body["messages"][-1]["content"]
    assert ("S99999" in feedback) if fault == "unknown_ids" else ("verbatim" in feedback)
    assert brief.safety.findings
    # the verdict stands once grounded, unless the brief names no intervention (then the pipeline withholds it)
    assert brief.safety.assessment != "insufficient_evidence" or brief.target.intervention is None


@pytest.mark.parametrize("fault", ["unknown_ids", "paraphrase"])
def test_ungrounded_answer_every_time_is_dropped_with_warnings(tmp_path: Path, fault: str) -> None:
    with FakeLLMServer(always(fault)) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path, reask_attempts=1), 3)
    assert len(server.requests) == 2
    assert brief.safety.findings == [] and brief.safety.assessment == "insufficient_evidence"
    assert brief.efficacy.outcomes == [] and brief.efficacy.assessment == "insufficient_evidence"
    warnings = " ".join(brief.provenance.warnings)
    assert "dropped" in warnings and "insufficient_evidence" in warnings
    assert all(s.annotation and s.annotation.annotated_by == "llm:fake-model" for s in brief.statements)


def test_refusal_of_the_only_call_is_exit_4_with_its_own_message(tmp_path: Path) -> None:
    with FakeLLMServer(always("refusal")) as server, pytest.raises(NoValidOutputError, match="refused"):
        brief_of(settings_for(server.base_url, tmp_path), 3)
    assert len(server.requests) == 1  # a refusal is not re-asked


def test_refusal_of_one_group_keeps_the_rest(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "refusal"})) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path, chunk_token_budget=700), 40)
    assert len(server.requests) > 2
    warnings = " ".join(brief.provenance.warnings)
    assert "refused" in warnings
    assert "got no valid annotation from the model fake-model" in warnings and "extractive engine" in warnings
    by = {s.annotation.annotated_by for s in brief.statements if s.annotation}
    assert "llm:fake-model" in by and len(by) == 2


def test_content_filter_has_its_own_outcome(tmp_path: Path) -> None:
    with FakeLLMServer(always("content_filter")) as server, pytest.raises(NoValidOutputError, match="content filter"):
        brief_of(settings_for(server.base_url, tmp_path), 3)


def test_length_splits_the_chunk_until_answers_fit(tmp_path: Path) -> None:
    with FakeLLMServer(length_above(2)) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path), 9)
    first = server.requests[0]
    assert first.fault == "length"
    assert any("cut off at max_tokens" in w and "split" in w for w in brief.provenance.warnings)
    assert all(s.annotation and s.annotation.annotated_by == "llm:fake-model" for s in brief.statements)
    assert brief.safety.findings


def test_context_overflow_splits_too(tmp_path: Path) -> None:
    with FakeLLMServer(script({0: "context"})) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path), 4)
    assert any("longer than the model's context" in w for w in brief.provenance.warnings)
    assert len(server.requests) >= 3


def test_missing_annotations_fall_back_with_a_warning(tmp_path: Path) -> None:
    with FakeLLMServer(always("missing_annotations")) as server:
        brief = brief_of(settings_for(server.base_url, tmp_path, reask_attempts=1), 4)
    assert len(server.requests) == 2
    assert "missing for S2, S3, S4" in server.requests[1].body["messages"][-1]["content"]
    annotated = [s.annotation.annotated_by for s in brief.statements if s.annotation]
    assert annotated[0] == "llm:fake-model" and len(annotated) == 4
    assert any("3 statements got no valid annotation" in w for w in brief.provenance.warnings)


def test_a_failing_fallback_is_raised_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.engines.extractive import ExtractiveEngine

    def broken(self: ExtractiveEngine, requests: Any) -> Any:
        raise RuntimeError("the extractive engine is broken")

    monkeypatch.setattr(ExtractiveEngine, "read", broken)
    with FakeLLMServer(always("missing_annotations")) as server, pytest.raises(RuntimeError, match="broken"):
        brief_of(settings_for(server.base_url, tmp_path, reask_attempts=0), 4)


def test_300_statements_survive_a_chaotic_server(tmp_path: Path) -> None:
    faults = chaos(seed=11, p429=0.25, p500=0.10, broken_first=2)
    with FakeLLMServer(faults) as server:
        settings = settings_for(server.base_url, tmp_path, max_retries=10, chunk_token_budget=1500, concurrency=8)
        brief = brief_of(settings, 300)
    kinds = [r.fault for r in server.requests]
    assert kinds.count("429") >= 3 and kinds.count("500") >= 1 and kinds.count("malformed") == 2
    assert brief.provenance.usage.retries == 2
    assert brief.coverage.statements_in == 300
    assert all(s.annotation and s.annotation.annotated_by == "llm:fake-model" for s in brief.statements)


def test_cli_maps_endpoint_failure_to_exit_3_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    config = tmp_path / "fast.toml"
    config.write_text("[llm]\nmax_retries = 0\ntimeout_seconds = 2.0\n", encoding="utf-8")
    with FakeLLMServer(always("500")) as server:
        code = main(
            ["brief", str(example_path), "--engine", "llm", "--model", "m", "--base-url", server.base_url,
             "--config", str(config), "--quiet"]
        )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert "Traceback" not in err and err.count("\n") == 1


def test_cli_maps_no_valid_output_to_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with FakeLLMServer(always("malformed")) as server:
        code = main(
            ["brief", str(example_path), "--engine", "llm", "--model", "m", "--base-url", server.base_url,
             "--no-cache", "--quiet"]
        )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 4
    assert "Traceback" not in err and "no valid answer" in err
