"""Where the system's Chromium is (Debian's `chromium`, CI installs it), for the browser tests."""

from __future__ import annotations

import shutil

NAMES = ("chromium", "chromium-browser", "google-chrome")
SKIP_REASON = "Chromium is not installed (apt-get install -y chromium); CI installs it"


def find_chromium() -> str | None:
    """The first Chromium on PATH, or None."""
    return next((path for path in map(shutil.which, NAMES) if path), None)
