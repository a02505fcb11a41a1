"""How many works a statement cites, and what rests on statements that cite the target among several.

A statement that cites several works at once ("[44]–[56]", "39,45,47,48", "(Smith, 2019; Lee, 2020)") says little
about the target in particular: the extractive engine weighs it 1/2 in the target profile, and the pipeline marks it
(Statement.cites_several, Statement.cited_works) and the findings resting only on such statements
(Finding.rests_on_group_citations), whichever engine made the brief.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from functools import lru_cache
from typing import TypeVar

from summarizer.models import Efficacy, Finding, Safety, Statement

_CITATION_GROUP = re.compile(r"\[([^\[\]]{0,80})\]")
# what a numbered citation holds between its brackets: numbers and the marks between them, not a table, a figure or
# a confidence interval ("[Table 2]", "[95% CI 0.73 to 1.29]" cite no work)
_CITATION_INNER = re.compile(r"[\d\s,;–\-]*\d[\d\s,;–\-]*")
_CITATION_RANGE = re.compile(r"(\d+)\s*[\-–]\s*(\d+)")
# a range written between brackets: "[44]–[56]" (the two ends are counted as groups)
_BRACKET_RANGE = re.compile(r"\[(\d{1,4})\]\s*[\-–]\s*\[(\d{1,4})\]")
# numbers that a citing paper's markup leaves after a bracket: "[[1],7", "[1]–5"
_CITATION_TAIL = re.compile(r"\]((?:\s*[,;–\-]\s*\d{1,3}\b)+)")
# numbers before a bracket opened inside a group: the "8, " of "[8, [1], 20]"
_CITATION_HEAD = re.compile(r"\[((?:\s*\d{1,3}\s*[,;–\-])+)\s*(?=\[)")
AUTHOR_YEAR = re.compile(
    r"\b[A-Z][A-Za-z'\-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'\-]+)?,?\s+(?:19|20)\d\d[a-z]?\b"
)
_SUPERSCRIPT_LIST = re.compile(r"(?<=[a-z\.\)])\s?(\d{1,3}(?:\s*[,\-–]\s*\d{1,3})+)\s*\.?\s*$")
_MAX_RANGE = 20
_NUMBER = re.compile(r"\d+")
# what an author-year citation and a superscript list need: the patterns above are slow to search for in vain
_YEAR = re.compile(r"(?:19|20)\d\d")

SEVERAL = 2  # a statement citing this many works or more cites the target among several
# the statements of one large brief: the pipeline counts each statement's citations (citation_marks) before the
# design reading, the extractive engine's workers and its target profile count them again
COUNTED_TEXTS = 1 << 15


def _ends_in_number(text: str) -> bool:
    """Whether a digit ends the text, but for spaces and one full stop after it."""
    end = text.rstrip()
    if end.endswith("."):
        end = end[:-1].rstrip()
    return end[-1:].isdecimal()


def _range_extra(lo: str, hi: str) -> int:
    """The works a range names between its two ends (at most _MAX_RANGE)."""
    return max(0, min(int(hi) - int(lo) - 1, _MAX_RANGE))


@lru_cache(maxsize=COUNTED_TEXTS)
def count_citations(text: str) -> int:
    """How many works a statement cites: numbers in brackets ("[1]", "[2,5-7]", "[44]–[56]", "[8, [1], 20]"),
    author-year citations (when there are no numbered ones), or a trailing list of superscript numbers ("...
    patients 39,45,47."); 0 when none is recognised."""
    count = 0
    if "[" in text or "]" in text:
        for group in _CITATION_GROUP.finditer(text):
            inner = group.group(1)
            if _CITATION_INNER.fullmatch(inner) is None:
                continue
            count += len(_NUMBER.findall(inner))
            count += sum(_range_extra(lo, hi) for lo, hi in _CITATION_RANGE.findall(inner))
        for lo, hi in _BRACKET_RANGE.findall(text):
            count += _range_extra(lo, hi)
        for tail in _CITATION_TAIL.finditer(text):
            count += len(_NUMBER.findall(tail.group(1)))
        for head in _CITATION_HEAD.finditer(text):
            count += len(_NUMBER.findall(head.group(1)))
    # "Smith et al. 2010 [5]" names a numbered work: author-years count only without numbers
    if count == 0 and _YEAR.search(text):
        count += len(AUTHOR_YEAR.findall(text))
    if count == 0 and _ends_in_number(text):
        superscripts = _SUPERSCRIPT_LIST.search(text[-80:])
        if superscripts:
            count = len(_NUMBER.findall(superscripts.group(1)))
    return count


def citation_marks(text: str) -> tuple[bool, int | None]:
    """A statement's cites_several and cited_works: whether it cites several works, and how many (None when no
    citation is recognised)."""
    count = count_citations(text)
    return count >= SEVERAL, count or None


FindingT = TypeVar("FindingT", bound=Finding)


def _marked(findings: Sequence[FindingT], several: Set[str]) -> list[FindingT]:
    marked = []
    for finding in findings:
        rests = bool(finding.statement_ids) and all(sid in several for sid in finding.statement_ids)
        if finding.rests_on_group_citations != rests:
            finding = finding.model_copy(update={"rests_on_group_citations": rests})
        marked.append(finding)
    return marked


def mark_group_citations(
    statements: Sequence[Statement], safety: Safety, efficacy: Efficacy, contrasting: Sequence[Finding]
) -> tuple[Safety, Efficacy, list[Finding]]:
    """The sections with rests_on_group_citations set on every finding: true when every statement it cites cites
    several works. What does not change is returned as it is."""
    several = {s.id for s in statements if s.cites_several}
    findings = _marked(safety.findings, several)
    if any(new is not old for new, old in zip(findings, safety.findings, strict=True)):
        safety = safety.model_copy(update={"findings": findings})
    outcomes = _marked(efficacy.outcomes, several)
    if any(new is not old for new, old in zip(outcomes, efficacy.outcomes, strict=True)):
        efficacy = efficacy.model_copy(update={"outcomes": outcomes})
    return safety, efficacy, _marked(contrasting, several)
