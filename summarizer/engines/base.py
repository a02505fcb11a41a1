"""What every engine provides to the pipeline and to the evaluation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, ConfigDict, Field

from summarizer.models import (
    Annotation,
    Change,
    Efficacy,
    Finding,
    Intervention,
    Safety,
    Statement,
    StatementType,
    Target,
    Usage,
)

if TYPE_CHECKING:
    from summarizer.settings import Settings

ProgressCallback = Callable[[int, int], None]
"""Told (done, total) as work advances; total may grow while the work finds more to do."""


class ReadRequest(BaseModel):
    """One sentence to read on its own, with the efficacy question when there is one."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    intervention: str | None = None
    comparator: str | None = None
    outcome: str | None = None


class Reading(BaseModel):
    """An engine's per-statement reading: the annotation a brief uses, plus stance and change."""

    model_config = ConfigDict(extra="forbid")

    id: str
    annotation: Annotation
    stance: StatementType
    change: Change | None = None


class EngineResult(BaseModel):
    """What an engine returns for one brief, before grounding and tallies."""

    model_config = ConfigDict(extra="forbid")

    annotations: list[Annotation]
    intervention: Intervention | None = Field(
        default=None, description="The target's intervention as the engine found it (None: it studies none)."
    )
    inferred_types: dict[str, StatementType] = Field(
        default_factory=dict, description="Statement id to the type the engine inferred (unclassified input)."
    )
    safety: Safety
    efficacy: Efficacy
    contrasting: list[Finding] = Field(default_factory=list)
    model: str | None = None
    resolved_model: str | None = None
    base_url: str | None = None
    prompt_templates: dict[str, str] = Field(default_factory=dict)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)


class Engine(Protocol):
    """An engine turns statements into annotations and safety and efficacy sections."""

    name: str

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Annotate the statements and draw the brief's sections."""
        ...

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences one by one, as the brief's annotation does."""
        ...


@dataclass(frozen=True)
class EngineOptions:
    """How to build an engine, beyond the settings: what the caller owns (its processes, its screen)."""

    prompts_dir: Path | None = None
    workers: int = 1
    progress: ProgressCallback | None = None


@dataclass(frozen=True)
class EngineSpec:
    """One engine as the registry knows it: its name, how to build it, and which option flags it takes."""

    name: str
    summary: str
    build: Callable[[Settings, EngineOptions], Engine]
    flags: frozenset[str] = field(default_factory=frozenset)
    aliases: tuple[str, ...] = ()
