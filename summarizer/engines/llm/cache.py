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

from summarizer.errors import ConfigError
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
        self.warnings: list[str] = []  # where a failed write is reported (the session's warnings)
        self._writable = True
        self._readable = True
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        try:
            if created:
                os.chmod(path, 0o600)  # prompts and answers may be confidential
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, settings: CacheSettings) -> tuple[CallCache | None, list[str]]:
        """The cache of the settings (None when disabled), and warnings when it had to recover.

        A cache is disposable: a corrupt or truncated file is moved aside and a new one started; a directory that
        cannot be written means a run without a cache. Either way the run goes on, with a warning.
        """
        if not settings.enabled:
            return None, []
        path = cache_path(settings)
        try:
            return cls(path), []
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) or not path.is_file():
                return None, [f"llm cache: cannot use {path} ({exc}); ran without a cache"]
            moved = _move_aside(path)
        except OSError as exc:
            return None, [f"llm cache: cannot use {path} ({exc.strerror or exc}); ran without a cache"]
        warning = f"llm cache: {path} was not a readable cache; moved it to {moved.name} and started a new one"
        try:
            return cls(path), [warning]
        except (sqlite3.Error, OSError) as exc:
            return None, [warning, f"llm cache: cannot use {path} ({exc}); ran without a cache"]

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored response body for a request key, if any; a store that fails to read is a miss (warned once)."""
        if not self._readable:
            return None
        try:
            row = self._db.execute(
                "SELECT response FROM calls WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)
            ).fetchone()
        except sqlite3.Error as exc:
            self._readable = self._writable = False
            self.warnings.append(f"llm cache: cannot read {self.path} ({exc}); ran without the cache")
            return None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
        except ValueError:
            return None  # a damaged row is a miss; the call is made again and stored anew
        return data if isinstance(data, dict) else None

    def put(self, record: CallRecord) -> None:
        """Store one call; when the store cannot be written, warn once and go on without storing."""
        if not self._writable:
            return
        try:
            self._insert(record)
        except sqlite3.Error as exc:
            self._writable = False
            self.warnings.append(f"llm cache: cannot write {self.path} ({exc}); later calls are not cached")

    def _insert(self, record: CallRecord) -> None:
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


def _move_aside(path: Path) -> Path:
    """Rename a damaged cache file (and its WAL and shared-memory files) to <name>.corrupt-<time>."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def recent_calls(settings: Settings, limit: int = 20) -> list[dict[str, Any]]:
    """The most recent model calls in the cache of the settings (empty when there is none)."""
    path = cache_path(settings.cache)
    if not path.is_file():
        return []
    try:
        cache = CallCache(path)
        try:
            return cache.recent(limit)
        finally:
            cache.close()
    except (sqlite3.Error, OSError) as exc:
        raise ConfigError(f"cannot read the call log {path}: {exc}") from None


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
