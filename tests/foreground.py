"""Start a child process as a terminal's foreground job would run, for tests that stop it with Ctrl-C (SIGINT).

A shell starts background jobs (`pytest ... &`, nohup) with SIGINT ignored and a child inherits that, so Python
installs no Ctrl-C handler in it and SIGINT does nothing: these tests would hang or fail only when the suite runs in
the background. `preexec_fn=foreground_sigint` gives the child SIGINT's default, as a foreground job has it.
"""

from __future__ import annotations

import signal


def foreground_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
