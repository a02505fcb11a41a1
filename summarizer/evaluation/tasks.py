"""The evaluation tasks `summarizer eval --task` offers, by name: per-sentence (stance, safety, efficacy, on a JSON
Lines corpus) and brief-level (brief, on a directory of target papers). Each task loads its dataset, runs an engine
on it and formats its report; the command line takes its choices from EVAL_TASKS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.engines.base import Engine
from summarizer.registry import Registry

Progress = Callable[[int, int], None]
# options of one task from the command line (`--pico-reader`), by name; the other tasks take none
Options = Mapping[str, Any]


@dataclass(frozen=True)
class EvalTask:
    """One evaluation task: what its dataset is, how to run it, and how to show its report."""

    name: str
    summary: str
    run: Callable[[Path, Engine, int | None, Progress | None, Options], dict[str, Any]]
    format_text: Callable[[dict[str, Any]], str]
    aliases: tuple[str, ...] = ()


def _sentence_task(task: str, summary: str) -> EvalTask:
    def run(path: Path, engine: Engine, limit: int | None, progress: Progress | None, _: Options) -> dict[str, Any]:
        from summarizer.evaluation.sentences import evaluate, load_dataset

        return evaluate(load_dataset(path, task), task, engine, limit=limit, progress=progress)

    def format_text(report: dict[str, Any]) -> str:
        from summarizer.evaluation.sentences import format_report_text

        return format_report_text(report)

    return EvalTask(task, summary, run, format_text)


def _run_brief(
    path: Path, engine: Engine, limit: int | None, progress: Progress | None, _: Options
) -> dict[str, Any]:
    from summarizer.evaluation.briefs import evaluate_briefs, load_brief_targets

    return evaluate_briefs(load_brief_targets(path), engine, limit=limit, progress=progress)


def _format_brief(report: dict[str, Any]) -> str:
    from summarizer.evaluation.briefs import format_brief_report_text

    return format_brief_report_text(report)


def _run_pico(
    path: Path, engine: Engine, limit: int | None, progress: Progress | None, options: Options
) -> dict[str, Any]:
    # the PICO reader is a tagger of its own, whatever engine the command line built
    from summarizer.evaluation.pico import run_pico

    return run_pico(path, limit=limit, progress=progress, reader=options.get("pico_reader") or "crf")


def _format_pico(report: dict[str, Any]) -> str:
    from summarizer.evaluation.pico import format_pico_report_text

    return format_pico_report_text(report)


EVAL_TASKS: Registry[EvalTask] = Registry("evaluation task")
EVAL_TASKS.register(_sentence_task("stance", "citation stance of each sentence (JSON Lines with label)"))
EVAL_TASKS.register(_sentence_task("safety", "does each sentence report an adverse effect (JSON Lines)"))
EVAL_TASKS.register(_sentence_task("efficacy", "direction of change of a given outcome (JSON Lines)"))
EVAL_TASKS.register(
    EvalTask(
        "brief",
        "both verdicts of whole briefs against a reviewer's (a directory: statements.jsonl, targets.jsonl)",
        _run_brief,
        _format_brief,
    )
)
EVAL_TASKS.register(
    EvalTask("pico", "token tags P/I/O of the PICO reader (EBM-NLP JSON Lines: tokens, tags)", _run_pico, _format_pico)
)
