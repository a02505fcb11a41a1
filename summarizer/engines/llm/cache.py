"""SQLite cache and log of model calls: keyed by a hash of the request, never holding a key or header."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from summarizer.settings import CacheSettings, Settings

APP_NAME = "summarizer"
CACHE_FILE = "llm-cache.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    model TEXT NOT NULL,
    resolved_model TEXT,
    host TEXT,
    purpose TEXT,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    latency_ms INTEGER NOT NULL DEFAULT 0,
    request_bytes INTEGER NOT NULL DEFAULT 0,
    finish_reason TEXT,
    response TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_key ON calls (key);
"""


def cache_path(settings: CacheSettings) -> Path:
    """Where the cache lives: CacheSettings.path, else the user's data directory."""
    if settings.path is not None:
        return Path(settings.path).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / CACHE_FILE


def request_key(request: Mapping[str, Any], host: str | None) -> str:
    """SHA-256 of the request body (model, messages, schema, parameters) and the endpoint host."""
    canonical = json.dumps(
        {"host": host, "request": request}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class CallRecord:
    """One model call as the log keeps it."""

    key: str
    model: str
    resolved_model: str | None
    host: str | None
    purpose: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: int
    request_bytes: int
    finish_reason: str | None
    response: dict[str, Any]


class CallCache:
    """The SQLite store of responses; one connection, used from one event loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        if created:
            os.chmod(path, 0o600)  # prompts and answers may be confidential
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        self._db.commit()

    @classmethod
    def open(cls, settings: CacheSettings) -> CallCache | None:
        """The cache of the settings, or None when disabled."""
        return cls(cache_path(settings)) if settings.enabled else None

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored response body for a request key, if any."""
        row = self._db.execute("SELECT response FROM calls WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)).fetchone()
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row[0])
        return data

    def put(self, record: CallRecord) -> None:
        """Store one call."""
        self._db.execute(
            "INSERT INTO calls (key, created_at, model, resolved_model, host, purpose, prompt_tokens,"
            " completion_tokens, latency_ms, request_bytes, finish_reason, response)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.key,
                datetime.now(UTC).isoformat(timespec="seconds"),
                record.model,
                record.resolved_model,
                record.host,
                record.purpose,
                record.prompt_tokens,
                record.completion_tokens,
                record.latency_ms,
                record.request_bytes,
                record.finish_reason,
                json.dumps(record.response, ensure_ascii=False),
            ),
        )
        self._db.commit()

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        """The most recent calls, newest first, without the response bodies."""
        cursor = self._db.execute(
            "SELECT id, created_at, model, resolved_model, host, purpose, prompt_tokens, completion_tokens,"
            " latency_ms, request_bytes, finish_reason FROM calls ORDER BY id DESC LIMIT ?",
            (max(limit, 0),),
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def recent_calls(settings: Settings, limit: int = 20) -> list[dict[str, Any]]:
    """The most recent model calls in the cache of the settings (empty when there is none)."""
    path = cache_path(settings.cache)
    if not path.is_file():
        return []
    cache = CallCache(path)
    try:
        return cache.recent(limit)
    finally:
        cache.close()


def format_calls(rows: list[dict[str, Any]]) -> str:
    """A plain-text table of logged calls for `summarizer log`."""
    if not rows:
        return "no model calls logged yet\n"
    header = ("time", "model", "resolved", "host", "purpose", "prompt", "completion", "latency", "finish")
    lines = [header]
    for row in rows:
        lines.append(
            (
                str(row["created_at"]),
                str(row["model"]),
                str(row["resolved_model"] or "-"),
                str(row["host"] or "-"),
                str(row["purpose"] or "-"),
                str(row["prompt_tokens"]),
                str(row["completion_tokens"]),
                f"{row['latency_ms'] / 1000:.2f}s",
                str(row["finish_reason"] or "-"),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() + "\n" for line in lines
    )


def monotonic_ms(start: float) -> int:
    """Milliseconds since a time.monotonic() reading."""
    return int((time.monotonic() - start) * 1000)
