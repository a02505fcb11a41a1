"""The SQLite cache and call log: re-runs make no calls, --no-cache bypasses, no secret is ever stored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from llm_server import FakeLLMServer, synthetic_texts

from summarizer.contract import contract_violations
from summarizer.engines.llm import LLMEngine
from summarizer.engines.llm.cache import CallCache, cache_path, format_calls, recent_calls, request_key
from summarizer.models import Brief, Source, Statement
from summarizer.pipeline import summarize
from summarizer.settings import CacheSettings, Settings, load_settings

SECRET = "sk-test-SECRET"


def settings_for(base_url: str, tmp_path: Path, enabled: bool = True, **llm: Any) -> Settings:
    """Settings for the fake server with the cache under tmp_path."""
    options = {"model": "fake-model", "base_url": base_url, "max_retries": 1, **llm}
    return load_settings(
        None,
        overrides={"llm": options, "cache": {"enabled": enabled, "path": str(tmp_path / "cache.sqlite3")}},
        environ={},
    )


def brief(settings: Settings, count: int = 30) -> Brief:
    """A brief of `count` synthetic statements."""
    items = [Statement(id="S1", text=t) for t in synthetic_texts(count)]
    result = summarize(Source(format="t", statements=items), engine=LLMEngine(settings), settings=settings)
    assert contract_violations(result) == []
    return result


def test_second_identical_run_sends_zero_requests(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path, chunk_token_budget=700)
        first = brief(settings)
        sent = len(server.requests)
        second = brief(settings)
        assert len(server.requests) == sent
    assert first.provenance.usage.calls == sent > 1
    assert second.provenance.usage.calls == 0
    assert second.provenance.usage.cached_calls == sent
    assert second.model_dump(exclude={"provenance"}) == first.model_dump(exclude={"provenance"})


def test_re_asks_replay_from_the_cache_too(tmp_path: Path) -> None:
    from llm_server import script

    with FakeLLMServer(script({0: "malformed"})) as server:
        settings = settings_for(server.base_url, tmp_path)
        brief(settings, 3)
        second = brief(settings, 3)
        assert len(server.requests) == 2
    assert second.provenance.usage.cached_calls == 2 and second.provenance.usage.retries == 1


def test_no_cache_bypasses_the_cache(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path, enabled=False)
        brief(settings, 3)
        brief(settings, 3)
        assert len(server.requests) == 2
    assert not (tmp_path / "cache.sqlite3").exists()


def test_a_different_model_or_prompt_is_a_miss(tmp_path: Path) -> None:
    body = {"model": "a", "messages": [{"role": "user", "content": "x"}], "temperature": 0}
    assert request_key(body, "h") == request_key(dict(body), "h")
    assert request_key(body, "h") != request_key({**body, "model": "b"}, "h")
    assert request_key(body, "h") != request_key({**body, "messages": [{"role": "user", "content": "y"}]}, "h")
    assert request_key(body, "h") != request_key({**body, "temperature": 0.5}, "h")
    assert request_key(body, "h") != request_key(body, "other-host")


def test_log_lists_recent_calls(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path, chunk_token_budget=700)
        brief(settings)
        count = len(server.requests)
    rows = recent_calls(settings, limit=5)
    assert len(rows) == 5
    assert rows[0]["id"] > rows[-1]["id"]  # newest first
    assert {r["model"] for r in rows} == {"fake-model"} and {r["resolved_model"] for r in rows} == {"fake-model-0001"}
    assert all(r["prompt_tokens"] > 0 and r["latency_ms"] >= 0 and r["created_at"] for r in rows)
    assert len(recent_calls(settings, limit=100)) == count
    table = format_calls(rows)
    assert table.splitlines()[0].split() == [
        "time", "model", "resolved", "host", "purpose", "prompt", "completion", "latency", "finish",
    ]  # fmt: skip
    assert len(table.splitlines()) == 6 and "fake-model-0001" in table


def test_log_without_a_cache_file(tmp_path: Path) -> None:
    settings = load_settings(None, overrides={"cache": {"path": str(tmp_path / "none.sqlite3")}}, environ={})
    assert recent_calls(settings) == []
    assert format_calls([]) == "no model calls logged yet\n"


def test_default_path_is_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cache_path(CacheSettings()) == tmp_path / "data" / "summarizer" / "llm-cache.sqlite3"
    assert cache_path(CacheSettings(path=tmp_path / "x.db")) == tmp_path / "x.db"


def test_stored_row_holds_the_response_body(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        brief(settings_for(server.base_url, tmp_path), 2)
    cache = CallCache(tmp_path / "cache.sqlite3")
    try:
        key = cache._db.execute("SELECT key FROM calls").fetchone()[0]
        stored = cache.get(key)
    finally:
        cache.close()
    assert stored is not None and stored["model"] == "fake-model-0001"
    assert stored["choices"][0]["message"]["content"].startswith("{")


def test_api_key_is_stored_nowhere_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with FakeLLMServer() as server:
        settings = load_settings(None, overrides={"llm": {"model": "fake-model", "base_url": server.base_url}})
        assert settings.llm.api_key is not None
        result = brief(settings, 12)
        (home / "brief.json").write_text(result.model_dump_json(), encoding="utf-8")
    assert {r.authorization for r in server.requests} == {f"Bearer {SECRET}"}  # the key was used ...
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name.startswith("llm-cache.sqlite3") for p in files)  # ... the cache was written under HOME ...
    for path in files:
        data = path.read_bytes()
        assert SECRET.encode() not in data, path  # ... and the key is in no file there
        assert b"Bearer" not in data and b"uthorization" not in data, path
    assert SECRET not in settings.model_dump_json()


def test_cache_file_is_private_to_its_user(tmp_path: Path) -> None:
    cache = CallCache(tmp_path / "sub" / "c.sqlite3")
    cache.close()
    assert os.stat(tmp_path / "sub" / "c.sqlite3").st_mode & 0o777 == 0o600


def test_done_when_cli_twice_with_a_secret_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example through the CLI with json_schema: a valid brief, then zero requests; the key in no file."""
    from summarizer.cli import main
    from summarizer.models import Brief

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    with FakeLLMServer() as server:
        args = ["brief", str(example_path), "--engine", "llm", "--model", "unseen-model", "--base-url", server.base_url]
        assert main([*args, "-o", str(home / "first.json"), "--quiet"]) == 0
        sent = len(server.requests)
        assert main([*args, "-o", str(home / "second.json"), "--quiet"]) == 0
        assert len(server.requests) == sent >= 1
        assert server.requests[0].body["response_format"]["type"] == "json_schema"
    for name, calls in (("first.json", sent), ("second.json", 0)):
        result = Brief.model_validate_json((home / name).read_text(encoding="utf-8"))
        assert contract_violations(result) == []
        p = result.provenance
        assert p.engine == "llm" and p.model == "unseen-model" and p.prompt_templates
        assert p.usage.calls == calls and p.usage.calls + p.usage.cached_calls == sent
    capsys.readouterr()
    for path in (p for p in home.rglob("*") if p.is_file()):
        assert SECRET.encode() not in path.read_bytes(), path


def test_multi_level_merges_replay_from_the_cache(tmp_path: Path) -> None:
    """Merge groups are formed deterministically, so even a many-level run re-runs with zero requests."""
    with FakeLLMServer(latency=0.02) as server:
        settings = settings_for(server.base_url, tmp_path, chunk_token_budget=800, max_tokens=600, concurrency=6)
        brief(settings, 80)
        sent = len(server.requests)
        merges = [r for r in server.requests if r.body["response_format"]["json_schema"]["name"] == "sections"]
        second = brief(settings, 80)
        assert len(server.requests) == sent
    assert len(merges) >= 3
    assert second.provenance.usage.calls == 0 and second.provenance.usage.cached_calls == sent


# --- a cache is disposable: damage never fails a run ---------------------------------------------------------------


def _run_warnings(settings: Settings) -> list[str]:
    result = brief(settings, 3)
    return [w for w in result.provenance.warnings if w.startswith("llm cache")]


def test_a_corrupt_cache_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database, just some text\n" * 200)
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path)
        warnings = _run_warnings(settings)
        assert len(server.requests) == 1
        assert _run_warnings(settings) == [] and len(server.requests) == 1  # the new cache works
    assert any("moved it to cache.sqlite3.corrupt-" in w for w in warnings)
    assert [p.name.split(".corrupt-")[0] for p in tmp_path.glob("*.corrupt-*")] == ["cache.sqlite3"]


def test_a_truncated_cache_file_is_moved_aside_or_read_around(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path, chunk_token_budget=700)
        brief(settings, 40)
        for side in tmp_path.glob("cache.sqlite3-*"):
            side.unlink()
        path = tmp_path / "cache.sqlite3"
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        result = brief(settings, 40)
    assert contract_violations(result) == []
    assert any("was not a readable cache" in w or "cannot read" in w for w in result.provenance.warnings)


def test_an_empty_cache_file_is_a_new_cache(tmp_path: Path) -> None:
    (tmp_path / "cache.sqlite3").write_bytes(b"")
    with FakeLLMServer() as server:
        assert _run_warnings(settings_for(server.base_url, tmp_path)) == []


def test_an_unwritable_cache_directory_runs_uncached(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    with FakeLLMServer() as server:
        settings = load_settings(
            None,
            overrides={
                "llm": {"model": "fake-model", "base_url": server.base_url, "max_retries": 1},
                "cache": {"path": str(blocker / "sub" / "cache.sqlite3")},
            },
            environ={},
        )
        warnings = _run_warnings(settings)
        _run_warnings(settings)
        assert len(server.requests) == 2  # no cache, so both runs call
    assert len(warnings) == 1 and "ran without a cache" in warnings[0]


def test_a_damaged_row_is_a_miss(tmp_path: Path) -> None:
    with FakeLLMServer() as server:
        settings = settings_for(server.base_url, tmp_path)
        brief(settings, 3)
        cache = CallCache(tmp_path / "cache.sqlite3")
        cache._db.execute("UPDATE calls SET response = '{truncated'")
        cache._db.commit()
        cache.close()
        again = brief(settings, 3)
        assert len(server.requests) == 2
    assert again.provenance.usage.calls == 1


def test_log_of_a_corrupt_cache_is_a_clear_error(tmp_path: Path) -> None:
    from summarizer.errors import ConfigError

    (tmp_path / "cache.sqlite3").write_bytes(b"garbage" * 1000)
    settings = load_settings(None, overrides={"cache": {"path": str(tmp_path / "cache.sqlite3")}}, environ={})
    with pytest.raises(ConfigError, match="cannot read the call log"):
        recent_calls(settings)
