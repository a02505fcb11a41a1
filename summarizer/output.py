"""Where a command's output goes: stdout, a regular file replaced atomically, a device or FIFO written in place.

`-o PATH` rules, in order:
- ``-`` is stdout;
- a PATH that ends with ``/``, or names an existing directory, is a directory: the output is written to the
  command's default file name inside it (``brief.json``, ``statements.jsonl``...), and a missing directory is created
  (its parent must exist);
- a symbolic link is followed: its target is written, the link stays;
- a device, FIFO or other non-regular file is opened and written as it is (``/dev/stdout``, a named pipe);
- a regular file is replaced atomically (a temporary file beside it, then a rename), so a failed or interrupted run
  leaves an existing file untouched; it keeps its permissions, and a read-only file is refused, never replaced;
- a new file gets the permissions the umask allows (0644 under the usual umask 022), as any tool's output does.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from summarizer.errors import OutputError

STDOUT = "-"


def names_directory(spec: str) -> bool:
    """Whether `-o SPEC` names a directory to write into (a trailing slash, or an existing directory)."""
    return spec.endswith(("/", os.sep)) or (spec != STDOUT and os.path.isdir(spec))


def output_suffix(spec: str | None) -> str:
    """The suffix of the file `-o SPEC` names (``.md``), or "" for stdout or a directory."""
    if spec is None or spec == STDOUT or names_directory(spec):
        return ""
    return Path(spec).suffix


def _strerror(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _file_in_directory(spec: str, default_name: str) -> Path:
    directory = Path(spec)
    if directory.is_dir():
        return directory / default_name
    if directory.exists():
        raise OutputError(f"{spec}: not a directory")
    parent = directory.parent if str(directory.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{spec}: the directory {parent} does not exist")
    try:
        directory.mkdir()
    except FileExistsError:
        pass  # made by a concurrent run
    except OSError as exc:
        raise OutputError(f"{spec}: cannot create the directory: {_strerror(exc)}") from None
    return directory / default_name


def _encoded(chunk: str | bytes) -> bytes:
    return chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _write_in_place(path: Path, shown: str, chunks: Iterable[str | bytes]) -> None:
    """Write to a device or FIFO as it is: there is nothing to replace atomically."""
    try:
        with open(path, "wb") as handle:
            for chunk in chunks:
                handle.write(_encoded(chunk))
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {_strerror(exc)}") from None


def _replace_atomically(
    path: Path, shown: str, chunks: Iterable[str | bytes], existing: os.stat_result | None, temp_suffix: str
) -> None:
    # a new file is created 0666 and the kernel applies the umask; a replacement starts private and then takes the
    # existing file's mode, so that the data is never readable by more people than before
    mode = 0o600 if existing is not None else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{temp_suffix}")
    try:
        fd = os.open(tmp, flags, mode)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write in {path.parent}: {_strerror(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(_encoded(chunk))
            handle.flush()
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode))
                # the group is kept where the user belongs to it; only root may give the file back to its owner
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, -1, existing.st_gid)
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, existing.st_uid, -1)
            os.fsync(fd)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write: {_strerror(exc)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read_only(existing: os.stat_result, path: Path) -> bool:
    # root may write anything, so the mode bits decide for it as they would for the file's owner
    return not existing.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_output(text: str | Iterable[str], spec: str | os.PathLike[str] | None, default_name: str = "output") -> None:
    """Write text (or its chunks) to stdout when SPEC is None or ``-``, else to the file `-o SPEC` names."""
    chunks = [text] if isinstance(text, str) else text
    if spec is None or str(spec) == STDOUT:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    shown = str(spec)
    write_file(_file_in_directory(shown, default_name) if names_directory(shown) else Path(shown), chunks, shown)


def write_file(
    path: Path, text: str | bytes | Iterable[str | bytes], shown: str | None = None, temp_suffix: str = ".tmp"
) -> None:
    """Write a file by the rules above (a link's target, a device in place, a read-only file refused, a regular one
    replaced atomically through a hidden temporary file ending in `temp_suffix`); `shown` names it in errors."""
    chunks: Iterable[str | bytes] = [text] if isinstance(text, str | bytes) else text
    shown = shown if shown is not None else str(path)
    if not path.parent.is_dir():
        raise OutputError(f"{shown}: the directory {path.parent} does not exist")
    target = Path(os.path.realpath(path))  # through symbolic links, to the file they name
    if not target.parent.is_dir():
        raise OutputError(f"{shown}: the directory {target.parent} of the link's target does not exist")
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {_strerror(exc)}") from None
    if existing is None:
        _replace_atomically(target, shown, chunks, None, temp_suffix)
    elif stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"{shown}: is a directory")
    elif not stat.S_ISREG(existing.st_mode):
        _write_in_place(target, shown, chunks)
    elif _read_only(existing, target):
        raise OutputError(f"{shown}: the file is read-only; it was left as it is")
    else:
        _replace_atomically(target, shown, chunks, existing, temp_suffix)
