"""Settings: config/*.toml, then the environment, then flags; validated by pydantic."""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from summarizer.errors import ConfigError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LLMSettings(_Strict):
    """How to reach and use an OpenAI-compatible model endpoint."""

    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = Field(default=None, exclude=True)
    response_format: Literal["json_schema", "json_object", "none"] = "json_schema"
    schema_in_prompt: bool | None = Field(
        default=None,
        description="Also put the schema into the prompt (default: with json_object and none; json_object servers "
        "other than llama.cpp drop the response_format's schema key).",
    )
    reasoning: bool | None = Field(
        default=None,
        description="A reasoning model: max_completion_tokens and no temperature (default: by the model's name, "
        "o1/o3/o4/gpt-5).",
    )
    reasoning_effort: Literal["minimal", "low", "medium", "high"] | None = None
    seed: int | None = None
    temperature: float = 0.0
    max_tokens: int = Field(
        default=16384, ge=256, description="Output tokens per call; also bounds how much one answer may hold."
    )
    timeout_seconds: float = Field(default=120.0, gt=0)
    max_retries: int = Field(default=6, ge=0, description="Transport retries, done by the openai SDK.")
    reask_attempts: int = Field(default=2, ge=0, description="Re-asks after validation or grounding errors.")
    chunk_token_budget: int = Field(default=8000, ge=200, description="Estimated prompt tokens per map call.")
    reduce_token_budget: int | None = Field(
        default=None, ge=200, description="Estimated prompt tokens per merge call (default: twice chunk_token_budget)."
    )
    concurrency: int = Field(default=4, ge=1, le=64)
    constrain_ids: bool = True


class ExtractiveSettings(_Strict):
    """The offline extractive engine."""

    safety_encoder: bool = Field(
        default=False,
        description="Also ask a pre-trained sentence encoder whether a statement reports an adverse effect: more "
        "accurate, about 20 times slower; needs the encoder extra.",
    )
    encoder_threads: int | None = Field(default=None, ge=1, description="CPU threads for the encoder (default: all).")


class CacheSettings(_Strict):
    """The SQLite cache and log of model calls."""

    enabled: bool = True
    path: Path | None = Field(default=None, description="Default: the user's data directory (XDG).")


class ServiceSettings(_Strict):
    """The HTTP service."""

    host: str = Field(default="127.0.0.1", description="Interface to bind; keep loopback unless a token is set.")
    port: int = Field(default=8000, ge=0, le=65535)
    max_request_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1, description="Larger request bodies are refused with 413 before being read."
    )
    bearer_token: SecretStr | None = Field(
        default=None, exclude=True, description="When set, /v1/* requires `Authorization: Bearer <token>`."
    )
    workers: int | None = Field(
        default=None, ge=1, description="Worker processes that make briefs, one at a time each (default: the CPUs)."
    )
    max_waiting_requests: int = Field(
        default=16, ge=0, description="Requests waiting for a free worker at most; one more is answered 503 at once."
    )
    request_timeout_seconds: float = Field(
        default=300.0, gt=0, description="A brief not made in this time (waiting for a worker included) is a 503."
    )
    header_timeout_seconds: float = Field(
        default=10.0, gt=0, description="A connection that sends no complete request head in this time is closed."
    )
    body_timeout_seconds: float = Field(default=60.0, gt=0, description="A body not received in this time is a 408.")
    keep_alive_seconds: int = Field(default=5, ge=1, description="An idle connection between requests is closed.")
    max_connections: int = Field(
        default=1000, ge=1, description="Open connections at most (and fewer if the open-file limit is lower)."
    )
    max_header_bytes: int = Field(default=16384, ge=1024, description="A larger request head is a 400.")


class InputSettings(_Strict):
    """Limits on what the readers accept (summarizer.readers.ReadLimits)."""

    max_bytes: int = Field(
        default=512 * 1024 * 1024, ge=1, description="The largest input, in bytes, read from a file or standard input."
    )
    max_number_digits: int = Field(
        default=100, ge=1, le=4300, description="The most digits an integer in a JSON input may have."
    )


class SourceSettings(_Strict):
    """One service that `summarizer fetch` reads citation statements from."""

    base_url: str = Field(description="Root of the service's API; a mirror or a test server can stand in.")
    api_key: SecretStr | None = Field(default=None, exclude=True, description="From the environment only.")
    rate_per_second: float = Field(gt=0, description="Client-side limit on requests per second (all targets).")
    page_size: int = Field(ge=1, le=1000, description="Items per page of the citations endpoint.")
    max_retries: int = Field(
        default=6, ge=0, description="Retries of a request answered 429 or 5xx, or cut off mid-answer."
    )
    retry_backoff_seconds: float = Field(
        default=1.0, gt=0, description="First wait before a retry when the service gives no Retry-After (doubles)."
    )
    max_retry_after_seconds: float = Field(
        default=120.0, gt=0, description="A longer Retry-After is not waited for: the request fails instead."
    )
    timeout_seconds: float = Field(default=60.0, gt=0)
    connect_timeout_seconds: float = Field(
        default=5.0, gt=0, description="A service that accepts no connection in this time fails at once (no retry)."
    )


class S2Settings(SourceSettings):
    """The Semantic Scholar Graph API (1 request/s is what an introductory key allows)."""

    base_url: str = "https://api.semanticscholar.org/graph/v1"
    rate_per_second: float = Field(default=1.0, gt=0)
    page_size: int = Field(default=1000, ge=1, le=1000)


class SciteSettings(SourceSettings):
    """scite's API (its documented default limit is 10 requests/s and 40/minute)."""

    base_url: str = "https://api.scite.ai"
    rate_per_second: float = Field(default=0.6, gt=0)
    page_size: int = Field(default=500, ge=1, le=1000)


class EuropePMCSettings(SourceSettings):
    """Europe PMC's REST API: it publishes no rate limit and needs no key; 5 requests/s is a polite default."""

    base_url: str = "https://www.ebi.ac.uk/europepmc/webservices/rest"
    rate_per_second: float = Field(default=5.0, gt=0)
    page_size: int = Field(default=1000, ge=1, le=1000)
    max_articles: int = Field(
        default=500, ge=1, description="The most citing articles whose full text is downloaded for one target."
    )


class SourcesSettings(_Strict):
    """The services `summarizer fetch` can read (sources.<name>)."""

    s2: S2Settings = Field(default_factory=S2Settings)
    scite: SciteSettings = Field(default_factory=SciteSettings)
    europepmc: EuropePMCSettings = Field(default_factory=EuropePMCSettings)


class FetchSettings(_Strict):
    """How fetched responses are kept."""

    source: str = Field(default="s2", description="The service `fetch`, `brief --paper` and `batch` read by default.")
    cache_enabled: bool = True
    cache_path: Path | None = Field(default=None, description="HTTP cache file; default: the user's cache directory.")
    cache_ttl_hours: float = Field(default=24.0, gt=0, description="How long a fetched response is reused.")


class BatchSettings(_Strict):
    """`summarizer batch`: many targets in one run."""

    jobs: int = Field(default=4, ge=1, le=64, description="Targets fetched and briefed at the same time.")
    poll_seconds: float = Field(default=30.0, gt=0, description="--via batch-api: how often a batch is polled.")
    completion_window: str = Field(default="24h", description="--via batch-api: the Batch API's completion window.")
    max_rounds: int = Field(
        default=8, ge=1, description="--via batch-api: follow-up batches (re-asks, merges) before giving up."
    )


class Settings(_Strict):
    """All settings of one run."""

    engine: str = Field(default="extractive", description="The engine's registered name (summarizer.engines).")
    max_statement_chars: int = Field(
        default=4000, ge=100, description="Longer statements are flagged; an LLM engine reads only their first part."
    )
    input: InputSettings = Field(default_factory=InputSettings)
    extractive: ExtractiveSettings = Field(default_factory=ExtractiveSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    sources: SourcesSettings = Field(default_factory=SourcesSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    batch: BatchSettings = Field(default_factory=BatchSettings)

    def sha256(self) -> str:
        """Hash of the settings that shape a brief (secrets excluded)."""
        text = self.model_dump_json(exclude={"service", "cache", "input", "sources", "fetch", "batch"})
        return hashlib.sha256(text.encode()).hexdigest()


_SOURCE_KEY_VARIABLES = {"s2": "S2_API_KEY", "scite": "SCITE_API_TOKEN"}
_SOURCE_URL_VARIABLES = {
    "s2": "SUMMARIZER_S2_URL",
    "scite": "SUMMARIZER_SCITE_URL",
    "europepmc": "SUMMARIZER_EUROPEPMC_URL",
}


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping):
            base_value = merged.get(key)
            merged[key] = _merge(base_value if isinstance(base_value, dict) else {}, value)
        elif value is not None:
            merged[key] = value
    return merged


def load_settings(
    config_file: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from a TOML file, then the environment, then flags (overrides)."""
    data: dict[str, Any] = {}
    if config_file is not None:
        path = Path(config_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from None
        if "api_key" in data.get("llm", {}):
            raise ConfigError(f"{path}: put the API key in OPENAI_API_KEY, not in a config file")
        for name, variable in _SOURCE_KEY_VARIABLES.items():
            if "api_key" in (data.get("sources") or {}).get(name, {}):
                raise ConfigError(f"{path}: put the {name} key in {variable}, not in a config file")
    env = os.environ if environ is None else environ
    from_env: dict[str, Any] = {"llm": {}, "sources": {}}
    if env.get("OPENAI_API_KEY"):
        from_env["llm"]["api_key"] = env["OPENAI_API_KEY"]
    if env.get("OPENAI_BASE_URL"):
        from_env["llm"]["base_url"] = env["OPENAI_BASE_URL"]
    for name in _SOURCE_URL_VARIABLES:
        source: dict[str, Any] = {}
        key_variable = _SOURCE_KEY_VARIABLES.get(name)
        if key_variable and env.get(key_variable):
            source["api_key"] = env[key_variable]
        if env.get(_SOURCE_URL_VARIABLES[name]):
            source["base_url"] = env[_SOURCE_URL_VARIABLES[name]]
        if source:
            from_env["sources"][name] = source
    if env.get("SUMMARIZER_BEARER_TOKEN"):
        from_env["service"] = {"bearer_token": env["SUMMARIZER_BEARER_TOKEN"]}
    data = _merge(data, from_env)
    data = _merge(data, overrides or {})
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"invalid setting {where}: {first['msg']}") from None
