"""Files written whole: a run stopped at any moment leaves a file either as it was or complete."""

from __future__ import annotations

from pathlib import Path

from summarizer.output import write_file

PARTIAL_SUFFIX = ".partial"


def write_whole(path: Path, data: str | bytes) -> None:
    """Write to a hidden partial file in the same directory, flush it to disk, then rename it over `path` (by the
    rules of summarizer.output: a link's target is written, a read-only file refused, the umask respected)."""
    write_file(path, data, temp_suffix=PARTIAL_SUFFIX)


def remove_partials(directory: Path) -> None:
    """Remove the partial files a killed run left in a directory."""
    for leftover in directory.glob(f".*{PARTIAL_SUFFIX}"):
        leftover.unlink(missing_ok=True)
