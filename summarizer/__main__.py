"""`python -m summarizer` and the `summarizer` command: the command line, started so that a Ctrl-C while its
modules load ends as one line and exit 130, as it does later."""

from __future__ import annotations

import sys


def run() -> int:
    try:
        from summarizer.cli import main
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130
    return main()


if __name__ == "__main__":
    sys.exit(run())
