"""The targets file of `summarizer batch`: one paper id a line; blank lines and `#` comments are skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.fetch import PaperId, parse_paper_id

MAX_TARGETS = 1_000_000
_COMMENT = re.compile(r"(?:^|\s)#.*$")


@dataclass(frozen=True)
class TargetLine:
    """One line of the targets file: the paper it names, or why it names none."""

    line: int
    text: str
    paper: PaperId | None
    error: str | None = None

    @property
    def name(self) -> str:
        """The id as the summary shows it."""
        return str(self.paper) if self.paper is not None else self.text

    @property
    def stem(self) -> str:
        """The file name stem of this target's outputs."""
        if self.paper is not None:
            return self.paper.file_stem()
        return f"line-{self.line}"


def read_targets(path: Path) -> list[TargetLine]:
    """Every target of the file, in order, each paper once; a line that is no paper id is kept with its error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    targets: list[TargetLine] = []
    seen: set[PaperId] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = _COMMENT.sub("", line).strip()
        if not entry:
            continue
        try:
            paper = parse_paper_id(entry)
        except InputError as exc:
            targets.append(TargetLine(number, entry, None, str(exc)))
            continue
        if paper in seen:
            continue
        seen.add(paper)
        targets.append(TargetLine(number, entry, paper))
        if len(targets) > MAX_TARGETS:
            raise InputError(f"{path}: more than {MAX_TARGETS} targets")
    if not targets:
        raise InputError(f"{path}: no targets (one paper id a line)")
    return targets
