"""Ctrl-C over one run of the command line: it stops the run as interrupted (exit 130, the old output in place), or
comes too late and the run ends as written; never both, and never a traceback."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from types import TracebackType


class Interrupts:
    """Within it, a Ctrl-C that Python would drop is kept; `committed` marks the point past which one is ignored.

    Python cannot raise a KeyboardInterrupt out of a weakref callback or a __del__ (a pool's threads and processes
    are let go as its workers end): it prints 'Exception ignored in ...' and the run goes on. Nor can such a Ctrl-C
    be handed back at once: the hook that learns of it runs in the main thread, where it would be raised in the
    hook itself. So it is kept, and raised before the output is put in place."""

    def __init__(self) -> None:
        self.lost = False
        self._previous_hook = sys.unraisablehook

    def __enter__(self) -> Interrupts:
        # Ctrl-C is raised in the main thread only; a run in another thread leaves the process's hook alone
        if threading.current_thread() is threading.main_thread():
            self._previous_hook = sys.unraisablehook
            sys.unraisablehook = self._keep
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if sys.unraisablehook == self._keep:
            sys.unraisablehook = self._previous_hook

    def _keep(self, unraisable: sys.UnraisableHookArgs) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            self.lost = True
        else:
            self._previous_hook(unraisable)

    def raise_if_lost(self) -> None:
        if self.lost:
            self.lost = False
            raise KeyboardInterrupt

    def committed(self, text: str | Iterable[str]) -> Iterator[str]:
        """The output's chunks, then Ctrl-C ignored for the rest of the run: once the whole output is rendered, all
        that is left is putting it in place, and a Ctrl-C then must neither end the run as interrupted after the
        file was replaced nor cut the replacing short. The caller gives the handler back when the run returns."""
        yield from [text] if isinstance(text, str) else text
        self.raise_if_lost()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
