"""Counting model calls for the caller's progress callback: calls done, and calls expected so far."""

from __future__ import annotations

from summarizer.engines.base import ProgressCallback


class CallProgress:
    """Counts the calls of one run and tells the callback (done, total) after each; the total grows as splits and
    re-asks add calls."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.done = 0
        self.total = 0

    def expect(self, calls: int) -> None:
        """Announce more calls to come."""
        self.total += calls

    def advance(self) -> None:
        """Count one finished call."""
        self.done += 1
        if self.callback is not None:
            self.callback(self.done, max(self.total, self.done))
