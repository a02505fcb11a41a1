"""What the readers accept: the size limits on an input, from the settings' [input] table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
DEFAULT_MAX_NUMBER_DIGITS = 100


@dataclass(frozen=True)
class ReadLimits:
    """Limits that keep a hostile or mistaken input from exhausting memory or time.

    max_bytes: the largest input, in bytes, read from a file or standard input (each INPUT separately);
    max_number_digits: the most digits an integer in a JSON input may have (Python refuses 4,300 and more).
    JSON nesting is limited by the parser itself (about 1,000 levels) and reported as such.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_number_digits: int = DEFAULT_MAX_NUMBER_DIGITS

    def __post_init__(self) -> None:
        if self.max_bytes < 1 or self.max_number_digits < 1:
            raise ValueError("read limits must be positive")


_ACTIVE: ContextVar[ReadLimits | None] = ContextVar("read_limits", default=None)


def active_limits() -> ReadLimits:
    """The limits of the read in progress (readers that parse their own lines, such as jsonl, ask for them)."""
    return _ACTIVE.get() or ReadLimits()


@contextmanager
def reading_within(limits: ReadLimits) -> Iterator[None]:
    """Make limits the active ones for the length of a block."""
    token = _ACTIVE.set(limits)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
