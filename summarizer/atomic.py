"""Files written whole: a run stopped at any moment leaves a file either as it was or complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PARTIAL_SUFFIX = ".partial"


def write_whole(path: Path, data: str | bytes) -> None:
    """Write to a hidden partial file in the same directory, flush it to disk, then rename it over `path`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def remove_partials(directory: Path) -> None:
    """Remove the partial files a killed run left in a directory."""
    for leftover in directory.glob(f".*{PARTIAL_SUFFIX}"):
        leftover.unlink(missing_ok=True)
