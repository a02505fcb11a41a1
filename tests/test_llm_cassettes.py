"""Replays of real model servers' answers (cassettes/recorded/), recorded with scripts/record_cassettes.py.

The recordings come from two llama.cpp servers running SmolLM2-135M-Instruct (the `local` extra), each in the
dialects it supports: llama-cpp-python's server (json_object; json_schema, which it refuses with a 500, so the
engine falls back once to json_object) and llama.cpp's own llama-server (json_schema and json_object).
Replay needs no server: requests are matched on method, path and body.
Re-record: `python scripts/record_cassettes.py` (starts the servers, runs these tests with --record-mode=rewrite).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer.contract import contract_violations
from summarizer.engines.base import ReadRequest
from summarizer.engines.llm import LLMEngine
from summarizer.errors import EndpointError
from summarizer.models import Brief
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
CASSETTES = REPO / "cassettes" / "recorded"
LLAMA_CONFIG = REPO / "config" / "llama-local.toml"
EXAMPLE = REPO / "examples" / "uc-msc-covid19-scite-page.txt"
RECORD_KEY = "sk-test-RECORDING-SECRET"
SCRUBBED_HEADERS = ["authorization", "cookie", "set-cookie", "x-api-key", "openai-organization", "openai-project"]
# (server, dialect): the environment variable that holds the server's URL while recording
SERVERS = {"llama-cpp-python": "LLAMA_CPP_PYTHON_URL", "llama-server": "LLAMA_SERVER_URL"}
RECORDINGS = [
    ("llama-cpp-python", "json_object"),
    ("llama-cpp-python", "json_schema"),
    ("llama-server", "json_schema"),
    ("llama-server", "json_object"),
]


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SCRUBBED_HEADERS,
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


def _recording(request: pytest.FixtureRequest) -> bool:
    return str(request.config.getoption("--record-mode")) not in ("none", "None")


def llama_settings(recording: bool, server: str = "llama-cpp-python", **llm: Any) -> Settings:
    """The settings of config/llama-local.toml (its defaults); the base URL only matters while recording."""
    overrides: dict[str, Any] = {"llm": dict(llm), "cache": {"enabled": False}}
    if not recording:
        overrides["llm"].update(max_retries=0, timeout_seconds=5.0)
    base_url = os.environ.get(SERVERS[server])
    if recording and not base_url:
        pytest.skip(f"{SERVERS[server]} is not set: the {server} server is not running")
    if base_url:
        overrides["llm"]["base_url"] = base_url
    return load_settings(LLAMA_CONFIG, overrides=overrides, environ={"OPENAI_API_KEY": RECORD_KEY})


def _cassette(request: pytest.FixtureRequest) -> Path:
    return CASSETTES / f"{request.node.name}.yaml"


def _replayed_brief(request: pytest.FixtureRequest, settings: Settings) -> Brief:
    if not _recording(request) and not _cassette(request).is_file():
        pytest.fail(f"missing cassette {_cassette(request).name}: run python scripts/record_cassettes.py")
    try:
        return summarize(load_statements(EXAMPLE), engine=LLMEngine(settings), settings=settings)
    except EndpointError as exc:
        pytest.fail(f"a request is not in the cassette (prompts changed?); run scripts/record_cassettes.py ({exc})")


def _check_real_brief(brief: Brief) -> None:
    assert contract_violations(brief) == []
    assert len(brief.statements) == 4
    provenance = brief.provenance
    assert provenance.engine == "llm"
    assert provenance.model == "smollm2-135m-instruct"
    assert provenance.resolved_model
    assert provenance.usage.calls >= 1
    assert provenance.usage.prompt_tokens > 0 and provenance.usage.completion_tokens > 0
    assert {"system.j2", "sections.j2"} <= set(provenance.prompt_templates)
    assert all(s.annotation is not None for s in brief.statements)
    for section in (brief.safety, brief.efficacy):  # graded by the pipeline, never by the model
        # the example is a pilot study (its title says so): the design's reason, then the indirectness
        assert section.certainty.reasons[0] == "design: non-randomised trial, where GRADE starts at low"
        assert section.certainty.reasons[1].startswith("indirect:")


@pytest.mark.vcr
@pytest.mark.parametrize(("server", "dialect"), RECORDINGS)
def test_llama_example_brief(request: pytest.FixtureRequest, server: str, dialect: str) -> None:
    """The example with config/llama-local.toml's settings, in each dialect each server supports."""
    settings = llama_settings(_recording(request), server, response_format=dialect)
    brief = _replayed_brief(request, settings)
    _check_real_brief(brief)
    assert "single.j2" in brief.provenance.prompt_templates
    if (server, dialect) == ("llama-cpp-python", "json_schema"):  # its real 500, then one fallback
        assert any("fell back to json_object" in w for w in brief.provenance.warnings)


@pytest.mark.vcr
def test_llama_example_map_reduce(request: pytest.FixtureRequest) -> None:
    settings = llama_settings(_recording(request), chunk_token_budget=1200)
    brief = _replayed_brief(request, settings)
    _check_real_brief(brief)
    assert "map.j2" in brief.provenance.prompt_templates
    assert brief.provenance.usage.calls >= 2


@pytest.mark.vcr
def test_llama_read_batch(request: pytest.FixtureRequest) -> None:
    if not _recording(request) and not _cassette(request).is_file():
        pytest.fail(f"missing cassette {_cassette(request).name}: run python scripts/record_cassettes.py")
    settings = llama_settings(_recording(request))
    rows = [
        ReadRequest(id="a", text="MSC infusion was safe, with no serious adverse events in 16 patients."),
        ReadRequest(
            id="b",
            text="Mortality was lower in the MSC group than in controls.",
            intervention="MSC",
            comparator="standard care",
            outcome="mortality",
        ),
        ReadRequest(id="c", text="Stem cells have been studied in many diseases."),
    ]
    readings = LLMEngine(settings).read(rows)
    assert [r.id for r in readings] == ["a", "b", "c"]
    assert readings[0].change is None and readings[2].change is None
    assert readings[1].change is not None
    assert all(r.annotation.annotated_by for r in readings)


def test_cassettes_hold_no_secret() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert files, "no recorded cassettes"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert RECORD_KEY not in text and "Bearer" not in text, path.name
        assert not re.search(r"^\s*(authorization|cookie|set-cookie):", text, re.IGNORECASE | re.MULTILINE), path.name


def test_hand_written_refusal_fixture(tmp_path: Path) -> None:
    """A hand-written fixture (cassettes/fixtures/), not a recording: a refusal ends in exit 4 with its own message."""
    import vcr

    from summarizer.errors import NoValidOutputError

    settings = load_settings(
        None,
        overrides={
            "llm": {"model": "gpt-fixture", "base_url": "https://api.example.invalid/v1", "max_retries": 0},
            "cache": {"enabled": False},
        },
        environ={},
    )
    fixture = REPO / "cassettes" / "fixtures" / "openai_refusal.yaml"
    recorder = vcr.VCR(record_mode="none", match_on=["method", "path"])
    with recorder.use_cassette(str(fixture)), pytest.raises(NoValidOutputError, match="refused"):
        summarize(load_statements(EXAMPLE), engine=LLMEngine(settings), settings=settings)
