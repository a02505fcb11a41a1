"""Grounded safety and efficacy briefs from the citation statements about a study."""

from summarizer._version import __version__
from summarizer.contract import contract_violations
from summarizer.engines import ENGINES, Engine, EngineOptions, EngineResult, Reading, ReadRequest, make_engine
from summarizer.errors import ConfigError, EndpointError, InputError, NoValidOutputError, SummarizerError
from summarizer.models import Brief, Source, Statement, Target
from summarizer.pipeline import asummarize, normalise, summarize
from summarizer.readers import READERS, load_statements, read_source
from summarizer.renderers import RENDERERS, render, render_json, render_markdown
from summarizer.settings import Settings, load_settings

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
