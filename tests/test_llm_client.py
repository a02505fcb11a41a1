"""The chat client against servers that behave as real ones do: endpoint host, response formats, parameters that
follow the model, dialect errors, context overflow only on the server's signal, bad 200 bodies, redaction."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from llm_server import FakeLLMServer, always, synthetic_texts

from summarizer.contract import contract_violations
from summarizer.engines.llm import LLMEngine
from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import (
    PLACEHOLDER_API_KEY,
    ChatClient,
    Completion,
    endpoint_host,
    is_context_overflow,
    names_dialect,
    refused_parameter,
)
from summarizer.engines.llm.dialects import response_format
from summarizer.engines.llm.parameters import is_reasoning_model, sampling_parameters
from summarizer.engines.llm.redaction import redact
from summarizer.errors import EndpointError
from summarizer.models import Brief, Source, Statement
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.settings import LLMSettings, Settings, load_settings

SCHEMA = {"type": "object", "properties": {"readings": {"type": "array", "items": {"type": "string"}}}}
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"
SECRET = "sk-test-SECRET-0123456789"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://user:sk-secret@api.example.org/v1", "api.example.org"),
        ("http://127.0.0.1:8765/v1", "127.0.0.1:8765"),
        ("api.example.org/v1", "api.example.org"),
        (None, "api.openai.com"),
    ],
)
def test_endpoint_host_has_no_credentials_or_path(url: str | None, host: str) -> None:
    assert endpoint_host(url) == host


def test_response_formats() -> None:
    strict = response_format("json_schema", SCHEMA, "x")
    assert strict == {"type": "json_schema", "json_schema": {"name": "x", "strict": True, "schema": SCHEMA}}
    assert response_format("json_object", SCHEMA, "x") == {"type": "json_object", "schema": SCHEMA}
    assert response_format("none", SCHEMA, "x") is None


def complete(settings: LLMSettings, cache: CallCache | None = None, dialect: str = "json_object") -> Completion:
    """One completion with a fresh client."""

    async def go() -> Completion:
        client = ChatClient(settings, cache)
        try:
            return await client.complete([{"role": "user", "content": "hi"}], SCHEMA, "readings", "test", dialect)
        finally:
            await client.aclose()

    return asyncio.run(go())


def test_placeholder_key_without_openai_api_key() -> None:
    with FakeLLMServer() as server:
        completion = complete(LLMSettings(model="m", base_url=server.base_url))
    assert server.requests[0].authorization == f"Bearer {PLACEHOLDER_API_KEY}"
    assert completion.resolved_model == "m-0001" and completion.finish_reason == "stop" and not completion.cached


@pytest.mark.parametrize(
    ("model", "reasoning"),
    [("gpt-5-mini", True), ("o3", True), ("o4-mini", True), ("openai/o1-preview", True), ("gpt-5", True),
     ("gpt-4o-mini", False), ("smollm2-135m-instruct", False), ("llama3.1:8b", False), ("gpt-4.1", False)],
)  # fmt: skip
def test_reasoning_models_are_known_by_name(model: str, reasoning: bool) -> None:
    assert is_reasoning_model(LLMSettings(model=model)) is reasoning
    assert is_reasoning_model(LLMSettings(model=model, reasoning=not reasoning)) is not reasoning  # overridable


def test_parameters_follow_the_model() -> None:
    plain = LLMSettings(model="m", temperature=0.3, max_tokens=1234, seed=7)
    assert sampling_parameters(plain, False) == {"temperature": 0.3, "max_tokens": 1234, "seed": 7}
    thinking = LLMSettings(model="o3", max_tokens=4000, reasoning_effort="low")
    assert sampling_parameters(thinking, True) == {"max_completion_tokens": 4000, "reasoning_effort": "low"}


def test_cache_hit_is_marked(tmp_path: Path) -> None:
    cache = CallCache(tmp_path / "c.sqlite3")
    with FakeLLMServer() as server:
        settings = LLMSettings(model="m", base_url=server.base_url)
        first = complete(settings, cache)
        second = complete(settings, cache)
        assert len(server.requests) == 1
    cache.close()
    assert not first.cached and second.cached and second.content == first.content


@pytest.mark.parametrize(
    ("fault", "message"),
    [("500", "keeps failing (500"), ("429", "keeps failing (429")],
)
def test_status_errors_after_retries(fault: str, message: str) -> None:
    with FakeLLMServer(always(fault)) as server, pytest.raises(EndpointError, match=message.replace("(", r"\(")):
        complete(LLMSettings(model="m", base_url=server.base_url, max_retries=1))
    assert len(server.requests) == 2


def test_refusal_and_finish_reason_are_reported() -> None:
    with FakeLLMServer(always("refusal")) as server:
        completion = complete(LLMSettings(model="m", base_url=server.base_url))
    assert completion.refusal and completion.content is None


# --- how real servers' errors are read -----------------------------------------------------------------------------


def test_context_overflow_only_on_the_servers_own_signal() -> None:
    """OpenAI, vLLM and llama-cpp-python: code context_length_exceeded, "This model's maximum context length is";
    llama-server: type exceed_context_size_error, "request (N tokens) exceeds the available context size"."""
    assert is_context_overflow("This model's maximum context length is 8192 tokens. However, ...", "", "")
    assert is_context_overflow("anything", "context_length_exceeded", "invalid_request_error")
    assert is_context_overflow(
        "request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it",
        "",
        "exceed_context_size_error",
    )
    schema_error = (
        "Invalid schema for response_format 'brief': In context=('properties', 'annotations'), 'minLength' is not "
        "permitted."
    )
    assert not is_context_overflow(schema_error, "", "invalid_request_error")  # "context" and "exceed" are not enough
    assert not is_context_overflow("Too many values: exceeded the enum limit", "", "")
    assert names_dialect(schema_error, "response_format")


def test_refused_parameters_are_read_from_openais_errors() -> None:
    """Bodies as OpenAI returns them for o-series and gpt-5 models (griptape-ai/ComfyUI-Griptape#312,
    gabrii/Cursor-Azure-GPT-5#33)."""
    assert refused_parameter(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        "max_tokens",
    ) == "max_tokens"
    assert refused_parameter(
        "Unsupported value: 'temperature' does not support 0.0 with this model. Only the default (1) value is "
        "supported.",
        "temperature",
    ) == "temperature"
    assert refused_parameter("Invalid value for 'temperature': must be at most 2", "temperature") is None


def settings_for(base_url: str, tmp_path: Path, **llm: Any) -> Settings:
    options = {"model": "fake-model", "base_url": base_url, "max_retries": 2, "timeout_seconds": 5.0, **llm}
    return load_settings(None, overrides={"llm": options, "cache": {"path": str(tmp_path / "c.sqlite3")}}, environ={})


def example_brief(settings: Settings) -> Brief:
    brief = summarize(load_statements(EXAMPLE), engine=LLMEngine(settings), settings=settings)
    assert contract_violations(brief) == []
    return brief


@pytest.mark.parametrize("model", ["gpt-5-mini", "o3-mini", "o4-mini"])
def test_a_reasoning_model_works_with_no_extra_flag(tmp_path: Path, model: str) -> None:
    with FakeLLMServer(reasoning=True) as server:
        brief = example_brief(settings_for(server.base_url, tmp_path, model=model))
    body = server.requests[0].body
    assert "max_tokens" not in body and "temperature" not in body and body["max_completion_tokens"] == 16384
    assert [r.status for r in server.requests] == [200]
    assert brief.provenance.usage.calls == 1


def test_an_unknown_reasoning_model_is_switched_once_with_a_warning(tmp_path: Path) -> None:
    with FakeLLMServer(reasoning=True) as server:
        brief = example_brief(settings_for(server.base_url, tmp_path, model="my-azure-deployment"))
    assert [r.status for r in server.requests] == [400, 200]
    assert any("set llm.reasoning = true" in w for w in brief.provenance.warnings)


def test_llama_cpp_pythons_500_on_json_schema_falls_back_once_without_retries(tmp_path: Path) -> None:
    """llama-cpp-python answers 500 to json_schema: not retried (the SDK would, 6 times), one fallback."""
    with FakeLLMServer(dialects=("json_object", "none")) as server:
        brief = example_brief(settings_for(server.base_url, tmp_path, max_retries=6))
    assert [r.status for r in server.requests] == [500, 200]
    assert server.requests[1].body["response_format"]["type"] == "json_object"
    assert any("fell back to json_object" in w and "response_format" in w for w in brief.provenance.warnings)


def test_a_server_that_refuses_every_schema_stops_within_3_calls_naming_the_setting(tmp_path: Path) -> None:
    with FakeLLMServer(dialects=("none",)) as server, pytest.raises(EndpointError) as caught:
        example_brief(settings_for(server.base_url, tmp_path))
    assert len(server.requests) <= 3
    assert "llm.response_format" in str(caught.value) and caught.value.exit_code == 3


def test_a_refused_schema_in_strict_mode_is_no_context_overflow(tmp_path: Path) -> None:
    """OpenAI's schema errors say "In context=(...)": once taken for an overflow and split 594 times."""
    with FakeLLMServer(dialects=("json_schema",)) as server, pytest.raises(EndpointError) as caught:
        settings = settings_for(server.base_url, tmp_path)
        bad = {"type": "object", "properties": {"a": {"type": "string", "minLength": 1}}}
        asyncio.run(_complete_with(settings, bad, "json_schema"))
    assert len(server.requests) == 1 and "In context=()" in str(caught.value)


async def _complete_with(settings: Settings, schema: dict[str, Any], dialect: str) -> Completion:
    from summarizer.engines.llm.client import DialectRefused

    client = ChatClient(settings.llm, None)
    try:
        return await client.complete([{"role": "user", "content": "hi"}], schema, "brief", "test", dialect)
    except DialectRefused as exc:
        raise EndpointError(exc.message) from None
    finally:
        await client.aclose()


def test_json_object_puts_the_schema_in_the_prompt_for_servers_that_drop_the_key(tmp_path: Path) -> None:
    """vLLM, Ollama and OpenAI ignore the json_object schema key: the prompt carries the schema, so the answer fits."""
    with FakeLLMServer(honours_schema_key=False) as server:
        brief = example_brief(settings_for(server.base_url, tmp_path, response_format="json_object"))
    assert brief.provenance.usage.calls == 1
    assert "Reply with JSON that follows this schema: {" in server.requests[0].body["messages"][1]["content"]


@pytest.mark.parametrize("fault", ["html", "empty", "truncated"])
def test_a_200_that_is_not_a_chat_completion_is_an_endpoint_error(tmp_path: Path, fault: str) -> None:
    with FakeLLMServer(always(fault)) as server, pytest.raises(EndpointError) as caught:
        example_brief(settings_for(server.base_url, tmp_path))
    assert caught.value.exit_code == 3 and "not a chat completion" in str(caught.value)


def test_cli_exit_3_for_an_html_200(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with FakeLLMServer(always("html")) as server:
        args = ["brief", str(EXAMPLE), "--engine", "llm", "--model", "m", "--base-url", server.base_url]
        code = main([*args, "--quiet"])
    err = capsys.readouterr().err
    assert code == 3 and "Traceback" not in err and "internal error" not in err


def test_upstream_error_text_is_redacted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with FakeLLMServer(always("auth_echo")) as server:
        args = ["brief", str(EXAMPLE), "--engine", "llm", "--model", "m", "--base-url", server.base_url]
        code = main([*args, "--quiet"])
    err = capsys.readouterr().err
    assert server.requests[0].authorization == f"Bearer {SECRET}"
    assert code == 3 and SECRET not in err and "Bearer" not in err


def test_redaction_patterns() -> None:
    text = "headers {'authorization': 'Bearer sk-proj-abcdefgh123'} x-api-key: abc123xyz token sk-live-1234567890"
    cleaned = redact(text, ["s3cr3t-value"])
    assert "sk-proj" not in cleaned and "abc123xyz" not in cleaned and "sk-live" not in cleaned
    assert redact("my s3cr3t-value here", ["s3cr3t-value"]) == "my [redacted] here"
    assert redact("Invalid schema for response_format 'x': In context=()") == (
        "Invalid schema for response_format 'x': In context=()"
    )


def test_service_returns_redacted_upstream_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from summarizer.service import create_app

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with FakeLLMServer(always("auth_echo")) as server:
        settings = load_settings(
            None,
            overrides={"engine": "llm", "llm": {"model": "m", "base_url": server.base_url, "max_retries": 0}},
            environ={"OPENAI_API_KEY": SECRET},
        )
        client = TestClient(create_app(settings))
        statements = [{"id": f"S{i}", "text": t} for i, t in enumerate(synthetic_texts(2), start=1)]
        response = client.post("/v1/briefs", json={"statements": statements})
    assert response.status_code == 502
    assert SECRET not in response.text and "Bearer" not in response.text


def test_many_statements_against_a_reasoning_server(tmp_path: Path) -> None:
    items = [Statement(id="S1", text=t) for t in synthetic_texts(60)]
    with FakeLLMServer(reasoning=True) as server:
        settings = settings_for(server.base_url, tmp_path, model="gpt-5-mini", chunk_token_budget=1500)
        brief = summarize(Source(format="t", statements=items), engine=LLMEngine(settings), settings=settings)
    assert contract_violations(brief) == [] and all(r.status == 200 for r in server.requests)
