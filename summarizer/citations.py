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
# a statistic's name just before a bracket, written onto it ("F[1,11]", "χ2[2]") or with its value ("OR 0,93 [",
# "HR 2 [", "CI: 1 ["): the bracket gives its degrees of freedom or its interval, not references ("HR [5]" may be a
# citation about homologous recombination, so a name set apart without a value is not enough)
_STATISTIC_NAME = (
    r"(?:\b(?:a?OR|a?HR|RR|IRR|RRR|ARR|NNT|NNH|SMD|WMD|MD|RD|CI|df|F|t|z|r|U|H|Q|I2|I²|R2|R²|[Cc]hi2|X2)|χ2|χ²)"
)
_STATISTIC_ONTO = re.compile(_STATISTIC_NAME + r"\Z")
_STATISTIC_WITH_VALUE = re.compile(_STATISTIC_NAME + r"\s*[=:]?\s*[-−–]?\d+(?:[.,·]\d+)?\s*\Z")
# a decimal value standing alone just before the bracket ("1.5 [1, 2]", "17.7[4]"), not a name's ("CC12.1 [1]")
_VALUE_BEFORE = re.compile(r"(?<![\w.,·])[-−–]?(\d+[.,·]\d+)(\s*)\Z")
# a bracket that a comparison with a number follows ("t[22] = 2.1") gives a statistic's degrees of freedom;
# "[8] > [30]" ranks cited works
_COMPARISON_AFTER = re.compile(r"\s*[=<>≤≥]\s*[-−–]?\d")
# a reference number never starts with 0: "[0,67–1,30]" is a decimal comma's interval
_LEADING_ZERO = re.compile(r"(?<![\d])0")
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


def _interval_of(value: re.Match[str], inner: str) -> bool:
    """Whether a bracket right after a decimal value is its spread: written onto it ("17.7[4]"), or two numbers
    that hold it ("1.5 [1, 2]"); "risk of 3.14 [59]" cites a work."""
    if not value.group(2):
        return True
    bounds = [int(number) for number in _NUMBER.findall(inner)]
    estimate = float(re.sub(r"[,·]", ".", value.group(1)))
    return len(bounds) == 2 and bounds[0] <= estimate <= bounds[1]


def _holds_statistic(text: str, start: int, end: int) -> bool:
    """Whether the bracket text[start:end] gives a statistic's degrees of freedom or interval, not references: it
    follows a statistic's name or its value, a comparison follows it, or a number in it starts with 0."""
    before = text[max(0, start - 24) : start]
    # most brackets follow a word and a space: only a digit or a name written onto the bracket needs a search
    if before.rstrip()[-1:].isdecimal():
        if _STATISTIC_WITH_VALUE.search(before):
            return True
        value = _VALUE_BEFORE.search(before)
        if value is not None and _interval_of(value, text[start + 1 : end - 1]):
            return True
    elif before[-1:].isalnum() and _STATISTIC_ONTO.search(before):
        return True
    return _COMPARISON_AFTER.match(text, end) is not None or _LEADING_ZERO.search(text, start, end) is not None


def _numbered_citations(text: str) -> int:
    """The works that numbers in brackets cite, brackets holding a statistic left out."""
    count = 0
    cited_ends = set()
    for group in _CITATION_GROUP.finditer(text):
        inner = group.group(1)
        if _CITATION_INNER.fullmatch(inner) is None or _holds_statistic(text, group.start(), group.end()):
            continue
        cited_ends.add(group.end())
        count += len(_NUMBER.findall(inner))
        count += sum(_range_extra(lo, hi) for lo, hi in _CITATION_RANGE.findall(inner))
    for pair in _BRACKET_RANGE.finditer(text):
        if pair.end() in cited_ends:
            count += _range_extra(pair.group(1), pair.group(2))
    for tail in _CITATION_TAIL.finditer(text):
        if tail.start() + 1 in cited_ends:
            count += len(_NUMBER.findall(tail.group(1)))
    for head in _CITATION_HEAD.finditer(text):
        count += len(_NUMBER.findall(head.group(1)))
    return count


@lru_cache(maxsize=COUNTED_TEXTS)
def count_citations(text: str) -> int:
    """How many works a statement cites: numbers in brackets ("[1]", "[2,5-7]", "[44]–[56]", "[8, [1], 20]"),
    author-year citations (when there are no numbered ones), or a trailing list of superscript numbers ("...
    patients 39,45,47."); 0 when none is recognised."""
    count = _numbered_citations(text) if "[" in text or "]" in text else 0
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
