"""The chat client: endpoint host, response formats, error mapping and the placeholder key."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from llm_server import FakeLLMServer

from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import PLACEHOLDER_API_KEY, ChatClient, Completion, endpoint_host, response_format
from summarizer.errors import EndpointError
from summarizer.settings import LLMSettings

SCHEMA = {"type": "object", "properties": {"readings": {"type": "array", "items": {"type": "string"}}}}


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


def complete(settings: LLMSettings, cache: CallCache | None = None) -> Completion:
    """One completion with a fresh client."""

    async def go() -> Completion:
        client = ChatClient(settings, cache)
        try:
            return await client.complete([{"role": "user", "content": "hi"}], SCHEMA, "readings", "test")
        finally:
            await client.aclose()

    return asyncio.run(go())


def test_placeholder_key_without_openai_api_key() -> None:
    with FakeLLMServer() as server:
        completion = complete(LLMSettings(model="m", base_url=server.base_url))
    assert server.requests[0].authorization == f"Bearer {PLACEHOLDER_API_KEY}"
    assert completion.resolved_model == "m-0001" and completion.finish_reason == "stop" and not completion.cached


def test_request_body_parameters() -> None:
    settings = LLMSettings(model="m", base_url="http://x/v1", temperature=0.3, max_tokens=123)
    body = ChatClient(settings, None).request_body([{"role": "user", "content": "hi"}], SCHEMA, "n")
    assert body["temperature"] == 0.3 and body["max_tokens"] == 123 and body["model"] == "m"


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
    from llm_server import always

    with FakeLLMServer(always(fault)) as server, pytest.raises(EndpointError, match=message.replace("(", r"\(")):
        complete(LLMSettings(model="m", base_url=server.base_url, max_retries=1))
    assert len(server.requests) == 2


def test_refusal_and_finish_reason_are_reported() -> None:
    from llm_server import always

    with FakeLLMServer(always("refusal")) as server:
        completion = complete(LLMSettings(model="m", base_url=server.base_url))
    assert completion.refusal and completion.content is None
