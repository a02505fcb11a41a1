"""How many works a statement cites: the weight of a statement in the target profile and the verdicts."""

from __future__ import annotations

import re

_CITATION_GROUP = re.compile(r"\[([^\[\]]{0,80})\]")
_CITATION_RANGE = re.compile(r"(\d+)\s*[\-–]\s*(\d+)")
# numbers that a citing paper's markup leaves after a bracket: "[[1],7", "[1]–5"
_CITATION_TAIL = re.compile(r"\]((?:\s*[,;–\-]\s*\d{1,3}\b)+)")
AUTHOR_YEAR = re.compile(
    r"\b[A-Z][A-Za-z'\-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'\-]+)?,?\s+(?:19|20)\d\d[a-z]?\b"
)
_SUPERSCRIPT_LIST = re.compile(r"(?<=[a-z\.\)])\s?(\d{1,3}(?:\s*[,\-–]\s*\d{1,3})+)\s*\.?\s*$")
_MAX_RANGE = 20
_NUMBER = re.compile(r"\d+")
# what an author-year citation and a superscript list need: the patterns above are slow to search for in vain
_YEAR = re.compile(r"(?:19|20)\d\d")


def _ends_in_number(text: str) -> bool:
    """Whether a digit ends the text, but for spaces and one full stop after it."""
    end = text.rstrip()
    if end.endswith("."):
        end = end[:-1].rstrip()
    return end[-1:].isdecimal()


def count_citations(text: str) -> int:
    """How many works a statement cites: numbers in brackets ("[1]", "[2,5-7]"), author-year citations (when there
    are no numbered ones), or a trailing list of superscript numbers ("... patients 39,45,47."); 0 when none is
    recognised."""
    count = 0
    for group in _CITATION_GROUP.finditer(text):
        inner = group.group(1)
        numbers = len(_NUMBER.findall(inner))
        for lo, hi in _CITATION_RANGE.findall(inner):
            numbers += max(0, min(int(hi) - int(lo) - 1, _MAX_RANGE))
        count += numbers
    for tail in _CITATION_TAIL.finditer(text):
        count += len(_NUMBER.findall(tail.group(1)))
    # "Smith et al. 2010 [5]" names a numbered work: author-years count only without numbers
    if count == 0 and _YEAR.search(text):
        count += len(AUTHOR_YEAR.findall(text))
    if count == 0 and _ends_in_number(text):
        superscripts = _SUPERSCRIPT_LIST.search(text[-80:])
        if superscripts:
            count = len(_NUMBER.findall(superscripts.group(1)))
    return count
