"""Errors the CLI maps to exit codes."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base of the errors that end a run with a one-line message."""

    exit_code = 1


class InputError(SummarizerError):
    """The input is missing, unreadable or not a citation export (exit 2)."""

    exit_code = 2


class ConfigError(SummarizerError):
    """The configuration or the flags are invalid (exit 2)."""

    exit_code = 2


class OutputError(SummarizerError):
    """The output cannot be written where asked: a missing directory, a read-only file (exit 2)."""

    exit_code = 2


class EndpointError(SummarizerError):
    """The model endpoint cannot be reached or keeps failing after retries (exit 3)."""

    exit_code = 3


class NoValidOutputError(SummarizerError):
    """No valid model output could be obtained (exit 4)."""

    exit_code = 4


class ServiceError(SummarizerError):
    """A citation service (Semantic Scholar, scite) refused a request, knows no such paper, or kept failing (exit 2)."""

    exit_code = 2


class WorkerLostError(SummarizerError):
    """A worker process stopped without an answer (killed by the system, often for lack of memory) or its answer
    could not be read back (exit 1)."""


class ResultsPending(SummarizerError):
    """The model requests were written as batch files; their results are not there yet (exit 6: run them, re-run)."""

    exit_code = 6
