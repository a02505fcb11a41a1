"""The reading's compiled build (mypyc): which modules it holds, and the guard that keeps it in step with them.

The install (setup.py) compiles MODULES with mypy's compiler into C extensions beside their sources, when it can,
and writes MANIFEST: a digest of each module's source as compiled. Python imports an extension before a source of
the same name, so a source edited after the build would not run: `guard` (called by the package's __init__)
puts a finder first on sys.meta_path that imports all of MODULES from their sources instead, when any source
differs from its digest, or SUMMARIZER_INTERPRETED=1 asks for the interpreted reading (the tests run both ways).
All or none: a compiled module calls the others compiled directly, not through their module objects. Without the
manifest (an install that did not compile) nothing is done.

This module is read by setup.py at build time: the standard library only.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = "summarizer.engines.extractive"
# the reading (reading.annotate) and the modules it calls, and the parent's tally of the target's treatments and its
# sections (target_profile, short_forms, abbreviations, evidence, sections, verdicts): those that mypyc builds with
# the same results; interpreted stay resources.py (built once) and per_word.py (compiled, its
# `__call__ = dict.__getitem__` is no method)
MODULES = (
    "abbreviations",
    "alone_arms",
    "arm_order",
    "arm_rates",
    "body_parts",
    "both_arms_results",
    "cause_only",
    "change_phrases",
    "changed_events",
    "citing_own_findings",
    "clinical_context",
    "compared_arms",
    "compared_populations",
    "comparison_boundary",
    "compound_changes",
    "conceded_safety",
    "control_arm_names",
    "counted_people",
    "cues",
    "culprit_drug",
    "dechallenge",
    "denied_rises",
    "differed_measures",
    "drop_outcomes",
    "effect_outcomes",
    "equivalence_reference",
    "event_hedges",
    "event_measures",
    "event_nouns",
    "event_scope",
    "event_subgroups",
    "events",
    "evidence",
    "fallback_events",
    "features",
    "given_objects",
    "gone_events",
    "held_back_courses",
    "learned_arms",
    "learned_names",
    "learned_spans",
    "linear",
    "measure_heads",
    "measure_polarity",
    "measured_harms",
    "measured_names",
    "modifier_spans",
    "name_roles",
    "named_cause",
    "nested_events",
    "noun_objects",
    "numeric_results",
    "object_chars",
    "of_phrases",
    "outcome_lists",
    "outcome_names",
    "outcome_parts",
    "outcome_spans",
    "outcomes",
    "own_report",
    "patients_disease",
    "peoples_condition",
    "pointed_events",
    "polarity",
    "pressure_ranges",
    "reading",
    "resolution",
    "result_cues",
    "result_outcomes",
    "scan",
    "screened",
    "sections",
    "short_forms",
    "sided_differences",
    "significance",
    "slash_combinations",
    "subject_arms",
    "tagged_modifiers",
    "target_polarity",
    "target_profile",
    "tokenise",
    "treated_events",
    "treatment_frames",
    "treatment_mention",
    "treatment_names",
    "treatments",
    "trend_outcomes",
    "trial_names",
    "unnamed_drug",
    "unnamed_null_results",
    "unreported_results",
    "valued_names",
    "verdicts",
    "whole_terms",
    "within_groups",
)
# the shared library that holds the compiled code (the per-module extensions are small shims that load it)
GROUP = f"{PACKAGE}.compiled_reading"
MANIFEST = "compiled_reading.json"
INTERPRETED_ENV = "SUMMARIZER_INTERPRETED"
HERE = Path(__file__).resolve().parent


def source_digests(directory: Path = HERE) -> dict[str, str]:
    """The SHA-256 of each compiled module's source in directory."""
    return {name: hashlib.sha256((directory / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def manifest_text(directory: Path) -> str:
    """The manifest of a build of the sources in directory, for this interpreter's extensions."""
    return json.dumps({"extension": importlib.machinery.EXTENSION_SUFFIXES[0], "sources": source_digests(directory)})


def why_interpreted(directory: Path = HERE) -> str | None:
    """Why the reading runs from its sources in directory; None when its compiled build can run."""
    if os.environ.get(INTERPRETED_ENV, "") not in ("", "0"):
        return f"{INTERPRETED_ENV} is set"
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "not compiled at install"
    if not isinstance(manifest, dict) or manifest.get("extension") != importlib.machinery.EXTENSION_SUFFIXES[0]:
        return "compiled for another Python"
    try:
        digests = source_digests(directory)
    except OSError:
        return "a source is missing"
    if manifest.get("sources") != digests:
        return "sources changed since the build; pip install -e . compiles them again"
    return None


class _FromSources(importlib.abc.MetaPathFinder):
    """Imports the compiled modules from their .py sources (the interpreted reading)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.names = {f"{PACKAGE}.{name}" for name in MODULES}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, self.directory / f"{fullname.rpartition('.')[2]}.py")


def guard(directory: Path = HERE) -> None:
    """Make the compiled modules import from their sources when the build is out of step with them, or asked so.
    Called before any of them is imported; a no-op without a compiled build."""
    if not (directory / MANIFEST).exists() or any(isinstance(f, _FromSources) for f in sys.meta_path):
        return
    if why_interpreted(directory) is not None:
        sys.meta_path.insert(0, _FromSources(directory))


def reading_status() -> str:
    """'compiled', or 'interpreted' and why: what ran the reading in this process (imports reading.py)."""
    reading = importlib.import_module(f"{PACKAGE}.reading")
    if (reading.__file__ or "").endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        return "compiled"
    return f"interpreted ({why_interpreted() or 'not compiled'})"
