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


class Settings(_Strict):
    """All settings of one run."""

    engine: str = Field(default="extractive", description="The engine's registered name (summarizer.engines).")
    max_statement_chars: int = Field(
        default=4000, ge=100, description="Longer statements are flagged; an LLM engine reads only their first part."
    )
    extractive: ExtractiveSettings = Field(default_factory=ExtractiveSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)

    def sha256(self) -> str:
        """Hash of the settings that shape a brief (secrets excluded)."""
        text = self.model_dump_json(exclude={"service", "cache"})
        return hashlib.sha256(text.encode()).hexdigest()


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
    env = os.environ if environ is None else environ
    from_env: dict[str, Any] = {"llm": {}}
    if env.get("OPENAI_API_KEY"):
        from_env["llm"]["api_key"] = env["OPENAI_API_KEY"]
    if env.get("OPENAI_BASE_URL"):
        from_env["llm"]["base_url"] = env["OPENAI_BASE_URL"]
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
