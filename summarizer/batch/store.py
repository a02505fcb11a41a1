"""The output directory of a batch run: briefs, per-target records, kept statements; every file written whole.

Layout of DIR:
    <stem>.json, <stem>.md, ...           the briefs (the JSON always: later runs re-render other formats from it)
    summary.csv                           one row per target (rebuilt from the records at the end of every run)
    .summarizer/targets/<stem>.json       what the run knows of each target: done or failed, and with what
    .summarizer/statements/<stem>.jsonl   fetched statements kept for a later step (--via batch-api)

A file is written to a hidden partial file in the same directory, flushed to disk and renamed over the old one, so a
run stopped at any moment (Ctrl-C, a crash, a killed machine) leaves each file either as it was or complete. Partial
files a killed run left behind are removed when the next run opens the directory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.atomic import remove_partials, write_whole
from summarizer.errors import InputError

STATE_DIR = ".summarizer"


class BatchDir:
    """DIR of one batch run and what it holds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records = root / STATE_DIR / "targets"
        self.statements = root / STATE_DIR / "statements"
        self.work = root / STATE_DIR

    def open(self) -> None:
        """Create the directories and remove partial files a killed run left."""
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"{self.root}: exists and is not a directory")
        try:
            for directory in (self.root, self.records, self.statements):
                directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.root}: cannot create the output directory ({exc.strerror or exc})") from None
        for directory in (self.root, self.records, self.statements, self.work):
            remove_partials(directory)

    def output(self, stem: str, suffix: str) -> Path:
        """Where a target's brief in one format goes."""
        return self.root / f"{stem}.{suffix}"

    def record(self, stem: str) -> dict[str, Any] | None:
        """The record of a target from an earlier run, if any."""
        path = self.records / f"{stem}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError):
            return None  # unreadable: the target is done again
        return data if isinstance(data, dict) else None

    def save_record(self, stem: str, record: dict[str, Any]) -> None:
        """Keep what is known of a target (written after its outputs, so `ok` means they are all there)."""
        write_whole(self.records / f"{stem}.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")

    def statements_path(self, stem: str) -> Path:
        """Where a target's fetched statements are kept between steps."""
        return self.statements / f"{stem}.jsonl"
