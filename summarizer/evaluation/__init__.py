"""Measuring the engines: per-sentence tasks on labelled corpora (sentences), whole briefs against a reviewer's
verdicts (briefs), and the tasks `summarizer eval --task` offers by name (tasks).

The per-sentence API is re-exported here; briefs and tasks are imported from their modules (they pull in the
pipeline, which the per-sentence tasks do not need).
"""

from summarizer.evaluation.sentences import (
    LABELS,
    TASKS,
    LabelledRow,
    evaluate,
    format_report_text,
    is_heldout,
    load_dataset,
    metrics,
    read_json_objects,
    split_rows,
)

__all__ = [
    "LABELS",
    "TASKS",
    "LabelledRow",
    "evaluate",
    "format_report_text",
    "is_heldout",
    "load_dataset",
    "metrics",
    "read_json_objects",
    "split_rows",
]
