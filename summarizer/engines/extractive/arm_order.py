"""Which of a trial's arms its statements name first where they name two side by side.

A trial report names its arms side by side in a fixed order: the arm tested first, the one it is set against after
("X versus placebo", "X or placebo", "between the X group and the Y group", "in the X and Y groups, respectively").
Of two active arms that the statements otherwise treat alike (attributed, named and set against each other as often),
the one named first in such pairs is the one the trial tested (target_profile.py breaks its ties so).

Only names joined by a coordinating word count ("and", "or", "versus", "vs."), with at most a determiner, an arm
word ("group", "arm", "patients") and a bracket (a number, an arm's size) between, and named as arms: "versus"
between them, an arm word after either ("the X and Y groups", "the X group and the Y group") or "between" before
them; drugs named together in a case report were given together ("after fludarabine and rituximab"), and the order
of a list says nothing. The order of a comparison of results ("higher in the X group than in the Y group", "X
compared with Y") says which arm had the higher value, not which was tested (docs/BENCHMARKS.md, s42-comparator),
and a name that runs on to the other ("X with Y", "from X to Y") is one arm or a switch, not two arms side by side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from summarizer.engines.extractive.tokenise import split_sentences

__all__ = ["first_named_arms", "named_before_others", "named_first"]

# what may stand between two arms' names named side by side: "X and Y", "X versus the Y", "the X group and the Y
# group", "the X group (n = 12) and the Y group", "X, or Y"
_SIDE_BY_SIDE = re.compile(
    r"[\s,]*(?:the\s+)?(?:(?:groups?|arms?|patients)\s*)?(?:\([^()]{0,40}\)\s*)?,?\s*"
    r"(?:and|or|versus|vs\.?)\s+(?:the\s+|those\s+)?",
    re.IGNORECASE,
)
# what makes two names side by side a trial's arms, not two things given together ("after fludarabine and
# rituximab"): "versus" between them, an arm word after either ("the X and Y groups", "the X group and the Y group"),
# or "between" before them ("between X and Y")
_ARMS_JOINED = re.compile(r"\b(?:versus|vs)\b|\b(?:groups?|arms?)\b")
_ARM_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:groups?|arms?)\b")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$")
# a comparison of results: its order says which arm had the higher value, not which was tested (s42-comparator)
_COMPARISON = re.compile(r"\b(?:than|compared\s+(?:with|to)|relative\s+to|in\s+comparison|as\s+against)\b")
# what joins two arms a sentence names one after the other ("both X and Y", "in the X group ... and in the Y group")
_COORDINATED = re.compile(r"\b(?:and|or|versus|vs)\b")
# what stands before a name where a sentence names an arm ("both X and Y", "in the X group", "randomised to X");
# not "with X and Y", "receiving X and Y": drugs given together, one arm or a case's treatments
_ARM_BEFORE = re.compile(
    r"\b(?:both|in\s+the|(?:allocated|assigned|randomi[sz]ed)\s+to(?:\s+receive)?(?:\s+the)?)\s+"
    r"(?:\d[\d.]*\s*%?\s*)?$"
)
# a name's edges: not inside a longer word ("ILS" in "ILSA", "CT" in "non-CT")
_WORD_CHAR = re.compile(r"[\w\-]")


def named_first(ranked: Sequence[str], texts: Iterable[str], names: Mapping[str, Iterable[str]]) -> str:
    """The first of the ranked arms (keys of `names`, with the names each goes by), or the arm the statements name
    before it, side by side, more often than after ("X versus Y" puts X before Y), and so on while one is. An arm
    never named beside the first cannot take its place: "X and Y" says nothing of Z."""
    pairs = first_named_arms(texts, names)
    chosen = ranked[0]
    seen = {chosen}
    while True:
        before = [arm for arm in ranked if arm not in seen and pairs[arm, chosen] > pairs[chosen, arm]]
        if not before:
            return chosen
        chosen = before[0]
        seen.add(chosen)


def first_named_arms(texts: Iterable[str], names: Mapping[str, Iterable[str]]) -> Counter[tuple[str, str]]:
    """How often each pair of arms (keys of `names`, with the names each goes by) is named side by side
    (_SIDE_BY_SIDE) in a sentence of the texts in that order: (first, second). Names are matched case-insensitively,
    as whole words."""
    lowered = {arm: {name.lower() for name in arm_names if name.strip()} for arm, arm_names in names.items()}
    counts: Counter[tuple[str, str]] = Counter()
    if len(lowered) < 2:
        return counts
    for text in texts:
        low = text.lower()
        for start, end in split_sentences(low):
            _count_pairs(low, start, end, lowered, counts)
    return counts


def _count_pairs(
    low: str, start: int, end: int, names: Mapping[str, set[str]], counts: Counter[tuple[str, str]]
) -> None:
    """Add to counts each pair of arms whose names stand side by side in low[start:end], in their order (a name may
    stand for several anchors: "snare cauterization")."""
    spans: dict[tuple[int, int], set[str]] = {}
    for arm, arm_names in names.items():
        for name in arm_names:
            for at in _whole_words(low, name, start, end):
                spans.setdefault((at, at + len(name)), set()).add(arm)
    ordered = sorted(spans)
    # a name inside a longer one ("feedback" in "tailored feedback") is that one's, not an arm beside it
    kept = [s for s in ordered if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in ordered)]
    for first, second in zip(kept, kept[1:], strict=False):
        first_arms, second_arms = spans[first], spans[second]
        if second[0] < first[1] or first_arms == second_arms:
            continue
        if _SIDE_BY_SIDE.fullmatch(low, first[1], second[0]) and _arms(low, first, second):
            counts.update((a, b) for a in first_arms - second_arms for b in second_arms - first_arms)


def _arms(low: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two names side by side (their spans in low) are named as a trial's arms: "versus" or an arm word
    between them (_ARMS_JOINED), an arm word after the second (_ARM_AFTER), or "between" before the first."""
    return (
        _ARMS_JOINED.search(low, first[1], second[0]) is not None
        or _ARM_AFTER.match(low, second[1]) is not None
        or _BETWEEN_BEFORE.search(low[max(0, first[0] - 12) : first[0]]) is not None
    )


def _whole_words(low: str, name: str, start: int, end: int) -> list[int]:
    """Where a (lower-cased) name stands as whole words in low[start:end]."""
    found = []
    at = low.find(name, start, end)
    while at != -1:
        after = at + len(name)
        if (at == 0 or not _WORD_CHAR.match(low[at - 1])) and (after >= len(low) or not _WORD_CHAR.match(low[after])):
            found.append(at)
        at = low.find(name, at + 1, end)
    return found


def named_before_others(texts: Iterable[str], names: Mapping[str, Iterable[str]]) -> Counter[str]:
    """For each arm (keys of `names`, with the names each goes by), how often a sentence of the texts that names it
    and another arm after it, joined by "and", "or" or "versus" ("randomised to X (n = 20) or Y (n = 21)", "both X
    and Y were well tolerated", "in the X group ... and in the Y group"), names it first:
    authors name the arm tested before the one it is set against. Not a sentence that compares results ("higher with
    Y than with X", _COMPARISON), and not two arms that share a name ("fish" and "oil" of "fish oil": one arm)."""
    lowered = {arm: {name.lower() for name in arm_names if name.strip()} for arm, arm_names in names.items()}
    counts: Counter[str] = Counter()
    for text in texts:
        low = text.lower()
        for start, end in split_sentences(low):
            if _COMPARISON.search(low, start, end) is None:
                _count_first(low, start, end, lowered, counts)
    return counts


def _count_first(low: str, start: int, end: int, names: Mapping[str, set[str]], counts: Counter[str]) -> None:
    firsts = {}
    for arm, arm_names in names.items():
        places = [(at, at + len(name)) for name in arm_names for at in _whole_words(low, name, start, end)]
        if places:
            firsts[arm] = min(places)
    for arm, (at, after) in firsts.items():
        if any(
            other_at > at
            and not names[arm] & names[other]
            and _COORDINATED.search(low, after, other_at)
            and _in_arm_slot(low, start, at, after)
            for other, (other_at, _) in firsts.items()
        ):
            counts[arm] += 1


def _in_arm_slot(low: str, start: int, at: int, after: int) -> bool:
    """Whether a name at low[at:after] stands where a sentence names an arm: after "both", "in the" or a verb of
    allocating ("randomised to X"), or before an arm word ("the X group"); not where it names what was measured ("X
    improved in both groups") nor drugs given together ("after treatment with X and Y")."""
    return _ARM_BEFORE.search(low[max(start, at - 30) : at]) is not None or _ARM_AFTER.match(low, after) is not None
