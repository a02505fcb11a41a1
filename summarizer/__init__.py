"""Grounded safety and efficacy briefs from the citation statements about a study.

The public names load on first use (PEP 562), so that `import summarizer` and the command line start quickly and a
Ctrl-C while they start is answered by the command line, not by a traceback from an import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from summarizer._version import __version__

if TYPE_CHECKING:
    from summarizer.contract import contract_violations
    from summarizer.engines import ENGINES, Engine, EngineOptions, EngineResult, Reading, ReadRequest, make_engine
    from summarizer.errors import ConfigError, EndpointError, InputError, NoValidOutputError, SummarizerError
    from summarizer.models import Brief, Source, Statement, Target
    from summarizer.pipeline import asummarize, normalise, summarize
    from summarizer.readers import READERS, load_statements, read_source
    from summarizer.renderers import RENDERERS, render, render_json, render_markdown
    from summarizer.settings import Settings, load_settings

_HOMES = {
    "summarizer.contract": ("contract_violations",),
    "summarizer.engines": (
        "ENGINES", "Engine", "EngineOptions", "EngineResult", "Reading", "ReadRequest", "make_engine",
    ),
    "summarizer.errors": ("ConfigError", "EndpointError", "InputError", "NoValidOutputError", "SummarizerError"),
    "summarizer.models": ("Brief", "Source", "Statement", "Target"),
    "summarizer.pipeline": ("asummarize", "normalise", "summarize"),
    "summarizer.readers": ("READERS", "load_statements", "read_source"),
    "summarizer.renderers": ("RENDERERS", "render", "render_json", "render_markdown"),
    "summarizer.settings": ("Settings", "load_settings"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "ENGINES",
    "READERS",
    "RENDERERS",
    "Brief",
    "ConfigError",
    "EndpointError",
    "Engine",
    "EngineOptions",
    "EngineResult",
    "InputError",
    "NoValidOutputError",
    "ReadRequest",
    "Reading",
    "Settings",
    "Source",
    "Statement",
    "SummarizerError",
    "Target",
    "__version__",
    "asummarize",
    "contract_violations",
    "load_settings",
    "load_statements",
    "make_engine",
    "normalise",
    "read_source",
    "render",
    "render_json",
    "render_markdown",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
