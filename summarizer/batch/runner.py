"""A batch run: fetch, brief and write every target not done yet, several at a time, within the services' rate limits.

A target is done when its record says `ok` and its briefs are there; a later run of the same command skips it
without fetching it (with `changed_only`, it is fetched and re-briefed only when its statements changed). A target
that fails is recorded with its error and does not stop the others.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.atomic import write_whole
from summarizer.batch.store import BatchDir
from summarizer.batch.summary import render_summary
from summarizer.batch.targets import TargetLine
from summarizer.engines import Engine
from summarizer.errors import SummarizerError
from summarizer.fetch import Fetched, Fetcher
from summarizer.models import Brief, Source, Statement
from summarizer.pipeline import normalise, summarize
from summarizer.readers import read_source, write_jsonl
from summarizer.renderers import RENDERERS, render
from summarizer.settings import Settings

if TYPE_CHECKING:
    from summarizer.engines.llm.batch_api import BatchBackend

SOME_FAILED_EXIT = 5
"""Exit code of a batch run in which at least one target failed (each failure is a row of summary.csv)."""

VIA_DIRECT = "direct"
VIA_BATCH_API = "batch-api"
VIA_BATCH_FILES = "batch-files"
VIAS = (VIA_DIRECT, VIA_BATCH_API, VIA_BATCH_FILES)


@dataclass(frozen=True)
class BatchOptions:
    """What to do with the targets."""

    out_dir: Path
    formats: tuple[str, ...] = ()  # besides the JSON brief, which is always written
    source: str | None = None
    refresh: bool = False
    changed_only: bool = False
    via: str = VIA_DIRECT
    prompts_dir: Path | None = None


@dataclass
class BatchReport:
    """How a run went: targets briefed now, skipped as done earlier, unchanged, failed."""

    total: int = 0
    briefed: int = 0
    skipped: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every target is done, SOME_FAILED_EXIT otherwise."""
        return 0 if self.failed == 0 else SOME_FAILED_EXIT


ProgressFn = Callable[[str, str], None]
"""Told (target id, what happened: briefed | skipped | unchanged | failed | fetched) as each target settles."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def statements_sha256(statements: Sequence[Statement]) -> str:
    """A hash of the normalised statements: what `changed_only` compares between runs."""
    digest = hashlib.sha256()
    for statement in normalise(statements):
        digest.update(statement.model_dump_json(exclude={"annotation"}).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def _suffix(fmt: str) -> str:
    spec = RENDERERS.get(fmt)
    return spec.suffixes[0] if spec.suffixes else spec.name


class BatchRun:
    """One run of `summarizer batch` over a targets file, into one directory."""

    def __init__(
        self,
        targets: Sequence[TargetLine],
        options: BatchOptions,
        settings: Settings,
        engine: Engine,
        fetcher: Fetcher,
        progress: ProgressFn | None = None,
        notify: Callable[[str], None] | None = None,
        backend: BatchBackend | None = None,
    ) -> None:
        self.targets = list(targets)
        self.options = options
        self.settings = settings
        self.engine = engine
        self.fetcher = fetcher
        self.progress = progress
        self.notify = notify
        self.backend = backend
        self.store = BatchDir(options.out_dir)
        self.report = BatchReport(total=len(self.targets))
        self.formats = tuple(dict.fromkeys(("json", *(RENDERERS.resolve(f) for f in options.formats))))

    # --- the run ----------------------------------------------------------------------------------------------

    async def run(self) -> BatchReport:
        """Do every target not done yet; summary.csv is rewritten at the end, also when the run is interrupted."""
        self.store.open()
        try:
            semaphore = asyncio.Semaphore(self.settings.batch.jobs)

            async def limited(target: TargetLine) -> tuple[TargetLine, Source | None]:
                async with semaphore:
                    return target, await self._target(target)

            waiting = await asyncio.gather(*(limited(t) for t in self.targets))
            pending = [(t, s) for t, s in waiting if s is not None]
            if pending:
                await self._brief_in_batches(pending)
        finally:
            self.write_summary()
        return self.report

    def write_summary(self) -> None:
        """summary.csv from the records, one row per target in the file's order."""
        records = []
        for target in self.targets:
            record = self.store.record(target.stem) or {"id": target.name, "status": "not done yet"}
            records.append(record)
        write_whole(self.options.out_dir / "summary.csv", render_summary(records))

    def _settle(self, target: TargetLine, outcome: str, error: str | None = None) -> None:
        if outcome == "failed":
            self.report.failed += 1
            self.report.failures.append(f"{target.name}: {error}")
        elif outcome in ("briefed", "skipped", "unchanged"):
            setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        if self.progress is not None:
            self.progress(target.name, outcome)

    def _fail(self, target: TargetLine, error: str, previous: dict[str, Any] | None) -> None:
        record = {**(previous or {}), "id": target.name, "line": target.line, "status": f"error: {error}"}
        record["checked_at"] = _now()
        self.store.save_record(target.stem, record)
        self._settle(target, "failed", error)

    def _complete(self, record: dict[str, Any] | None) -> bool:
        """Whether an earlier run finished a target: its record says ok and its JSON brief is there."""
        if record is None or record.get("status") != "ok":
            return False
        return Path(self.options.out_dir, str(record.get("brief", ""))).is_file()

    async def _target(self, target: TargetLine) -> Source | None:
        """Settle one target, or return its fetched source when the model work is left to a batch."""
        previous = self.store.record(target.stem)
        if target.paper is None:
            self._fail(target, target.error or "not a paper id", previous)
            return None
        done = self._complete(previous)
        if done and not self.options.changed_only:
            self._render_missing(target, previous or {})
            self._settle(target, "skipped")
            return None
        try:
            kept = self._kept_statements(target, previous)
            fetched = kept or await self.fetcher.fetch(target.paper, self.options.source)
            sha = statements_sha256(fetched.source.statements)
            if done and previous is not None and previous.get("statements_sha256") == sha:
                self.store.save_record(target.stem, {**previous, "checked_at": _now()})
                self._settle(target, "unchanged")
                return None
            base = self._base_record(target, fetched, sha)
            if self.options.via != VIA_DIRECT:
                if kept is None:
                    write_whole(self.store.statements_path(target.stem), write_jsonl(fetched.source))
                    self.store.save_record(target.stem, {**base, "status": "fetched: waiting for the model"})
                self._settle(target, "fetched")
                return fetched.source
            brief = await asyncio.to_thread(summarize, fetched.source, self.engine, self.settings)
            self._write_brief(target, brief, base)
        except SummarizerError as exc:
            self._fail(target, str(exc), previous)
        return None

    def _kept_statements(self, target: TargetLine, previous: dict[str, Any] | None) -> Fetched | None:
        """Statements an earlier --via batch-api run fetched and kept for the model step (never refetched)."""
        if self.options.via == VIA_DIRECT or previous is None:
            return None
        if not str(previous.get("status", "")).startswith("fetched"):
            return None
        path = self.store.statements_path(target.stem)
        if not path.is_file():
            return None
        source = read_source(path.read_bytes(), "jsonl", name=str(path))
        return Fetched(
            source=source,
            citing_papers=int(previous.get("citing_papers") or 0),
            withheld=int(previous.get("withheld_contexts") or 0),
        )

    @staticmethod
    def _base_record(target: TargetLine, fetched: Fetched, sha: str) -> dict[str, Any]:
        return {
            "id": target.name,
            "line": target.line,
            "title": fetched.source.target.title,
            "statements": len(normalise(fetched.source.statements)),
            "citing_papers": fetched.citing_papers,
            "withheld_contexts": fetched.withheld,
            "statements_sha256": sha,
        }

    def _write_brief(self, target: TargetLine, brief: Brief, base: dict[str, Any]) -> None:
        """Write the brief in every format, then the record that says the target is done."""
        outputs = []
        for fmt in self.formats:
            path = self.store.output(target.stem, _suffix(fmt))
            write_whole(path, render(brief, fmt))
            outputs.append(path.name)
        intervention = brief.target.intervention
        now = _now()
        record = {
            **base,
            "status": "ok",
            "title": brief.target.title or base.get("title"),
            "safety": brief.safety.assessment,
            "efficacy": brief.efficacy.assessment,
            "intervention": intervention.name if intervention is not None else None,
            "statements": brief.tally.statements,
            "brief": outputs[0],
            "outputs": outputs,
            "briefed_at": now,
            "checked_at": now,
        }
        self.store.save_record(target.stem, record)
        self._settle(target, "briefed")

    def _render_missing(self, target: TargetLine, record: dict[str, Any]) -> None:
        """Formats asked for now that an earlier run did not write: rendered from the kept JSON brief."""
        missing = [f for f in self.formats if not self.store.output(target.stem, _suffix(f)).is_file()]
        if not missing:
            return
        brief_path = Path(self.options.out_dir, str(record["brief"]))
        brief = Brief.model_validate_json(brief_path.read_text(encoding="utf-8"))
        for fmt in missing:
            write_whole(self.store.output(target.stem, _suffix(fmt)), render(brief, fmt))
        outputs = list(dict.fromkeys([*record.get("outputs", []), *(f"{target.stem}.{_suffix(f)}" for f in missing)]))
        self.store.save_record(target.stem, {**record, "outputs": outputs})

    # --- the model work as Batch API jobs -------------------------------------------------------------------------

    async def _brief_in_batches(self, pending: list[tuple[TargetLine, Source]]) -> None:
        from summarizer.batch.rounds import brief_in_batches
        from summarizer.engines.llm.batch_api import JsonlFiles

        work = self.store.work / "llm-batch"
        backend = self.backend
        if backend is None and self.options.via == VIA_BATCH_FILES:
            backend = JsonlFiles(work, self.settings.llm.model or "MODEL")
        by_stem = {t.stem: t for t, _ in pending}
        async for stem, outcome in brief_in_batches(
            {t.stem: s for t, s in pending},
            self.settings,
            work,
            prompts_dir=self.options.prompts_dir,
            backend=backend,
            notify=self.notify,
        ):
            target = by_stem[stem]
            previous = self.store.record(stem) or {}
            if isinstance(outcome, Brief):
                self._write_brief(target, outcome, previous)
            else:
                self._fail(target, outcome, previous)
