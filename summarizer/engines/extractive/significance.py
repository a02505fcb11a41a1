"""The significance a result's sentence gives it: a p-value (below 0.05 is significant; "P<=0.001 and 0.026",
"p-values of 0.18 and 0.32" are two), a ratio's confidence interval (excluding 1 is significant), "significant(ly)",
or "not significant", "non-significant", "did not reach significance", "a trend", "NS" (not significant), a
difference's confidence interval (holding 0 is not significant), and which result each test belongs to
(Significance.at). numeric_results.py reads the comparisons in numbers these tests qualify."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from summarizer.engines.extractive.cues import P_NUMBER, P_VALUE
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import word_set

__all__ = [
    "NOT_SIGNIFICANT",
    "RATIO",
    "SIGNIFICANCE_LEVEL",
    "SIGNIFICANT",
    "Significance",
    "TESTED_WORDS",
    "may_hold_ratio",
    "p_significant",
    "ratio_significant",
]

SIGNIFICANCE_LEVEL = 0.05
_NEGATION_REACH = 40  # "not statistically significant": the "significant" a negation covers
NOT_SIGNIFICANT = re.compile(
    r"\bnot\s+(?:statistically\s+)?(?:significant(?:ly)?|different|reach|attain)|\bnon-?\s?significant(?:ly)?|"
    r"\bno\s+(?:statistically\s+)?significant\s+(?:difference|change|effect|improvement|reduction|increase|"
    r"decrease|benefit|association|between)|\b(?:did\s+not|fail(?:ed|s)?\s+to)\s+(?:reach|attain|achieve|obtain)\s+"
    r"(?:statistical\s+)?significance|\b(?:a\s+)?(?:trend|tendency)\b|"
    # "X rose in both arms, with no differences between groups": the arms did not differ
    r"\b(?:with\s+no|without(?:\s+any)?)\s+(?:statistically\s+)?(?:significant\s+)?differences?\s+"
    r"(?:between|among|across)\b|\bp\s*=\s*n\.?s\b|\(\s*n\.?s\.?\s*\)|\binsignificant|"
    # "there was no evidence of a statistically significant difference": the significance denied
    r"\bno\s+(?:evidence|indication)\s+(?:of|for)\s+(?:a\s+|any\s+)?(?:statistically\s+)?significant"
)
SIGNIFICANT = re.compile(r"\bsignificant(?:ly)?\b")
RATIO = re.compile(
    r"(?:\b(?:[Aa]djusted\s+)?(?:[Hh]azard|[Oo]dds|[Rr]isk|[Rr]ate|[Ii]ncidence\s+rate)\s+[Rr]atios?\b|"
    r"\b(?:a|adj)?(?:HR|OR|RR|IRR)s?\b)\s*(?:\([a-zA-Z]{2,4}\)\s*)?"
    r"(?:(?:for|of)\s+(?P<what>[a-zA-Z][\w\-\s]{1,60}?)\s*)?(?:was|were|of|=|:|,|was\s+estimated\s+at)?\s*"
    r"(?P<value>\d*\.\d+|\d+)\s*(?:[,;(]\s*)?(?:(?:95|99|90)\s*%\s*(?:CI|[Cc]onfidence\s+[Ii]nterval)s?\s*"
    r"[,:=]?\s*)?\[?\(?(?P<lo>\d*\.\d+|\d+)\s*(?:-|–|to|,)\s*(?P<hi>\d*\.\d+|\d+)"
)
# a difference's confidence interval: one that holds 0 (its bounds of opposite signs) is no significant difference,
# "(mean difference 0.4, 95% CI -0.3 to 1.1)"; a dash between the bounds is read only after a comma or "to" form
_DIFFERENCE_CI = re.compile(
    r"\bdifferences?\b(?:[^.;()]|\.\d){0,60}?(?:\(\s*)?(?:9[059]\s*%\s*)?(?:ci|c\.\s*i\.?|confidence\s+intervals?)\s*[,:=]?\s*"
    r"[\[(]?\s*(?P<lo>[-−]?\s*\d+(?:\.\d+)?)\s*(?:,|;|to)\s*(?P<hi>[-−]?\s*\d+(?:\.\d+)?)"
)
# and that it may hold arms named before their values, with a test's result (ARM_PAIR is read only then)
TESTED_WORDS = ("signific", "p <", "p<", "p =", "p=", "p ≤", "p≤")
_RATIO_ABBREVIATION = re.compile(r"\b(?:a|adj)?(?:HR|OR|RR|IRR)s?\b")
# "p-values of 0.18 and 0.32": the test named before its values, with no sign between
_P_VALUES_OF = re.compile(
    # "p value: 0.30" (a colon for "=")
    r"\bp\s*-?\s*values?(?:\s+(?:of|were|was|are|is)\s+|\s*:\s*)(?P<op>)(?P<value>" + P_NUMBER + r")(?![\d%])"
)
# a value that shares the test before it: "P<=0.001 and 0.026", "p = 0.18, 0.32"
_P_VALUE_MORE = re.compile(
    r"\s*(?:,\s*(?:and|or)\b|,|and\b|or\b)\s*(?P<value>" + P_NUMBER + r")(?![\d%])"
    r"(?!\s*(?!respectively|and\b|or\b)[a-zµμ%])"
)
_TEST_AT = re.compile(r"[^();,]*?\d(?:[\d.]*\d)?")  # a test result's text, to its first number's end
# what may stand between two test results of one list: values, intervals and links, no words of a result
_RUN_GAP = re.compile(
    r"(?:[^a-z]|\b(?:and|or|vs|versus|ci|confidence|intervals?|to|p|values?|of|respectively|(?:p\s*-?\s*)?value)"
    r"\b)*"
)
_RESPECTIVELY_AFTER = re.compile(r"[^a-z;]{0,6}(?:\)\s*)?,?\s*respectively\b")
_RESPECTIVELY_LATER = re.compile(r"[^.;\d]{0,100}?\brespectively\b")  # "... reduction in A and B respectively"
_RESPECTIVELY_BEFORE = re.compile(r"\brespectively\b[^a-z;]{0,12}$")
# a clause that contrasts with the one before makes its own claim: evidence before it is not that claim's ("no
# significant difference in A; but B was higher in X"). A concession after a claim ("no significant difference,
# although A was slightly higher") stays under the claim's test, and so is no boundary.
_CONTRAST = re.compile(
    r";(?!\s*(?:and|or)\b)|,\s*while\b|\b(?:but|whereas|however|in\s+contrast|conversely|on\s+the\s+other\s+hand)\b"
)
# a sentence that opens with a concession: the main clause after its comma makes its own claim ("Although A did not
# differ significantly, B was lower in X")
_CONCESSION_FIRST = re.compile(r"\s*(?:although|though|even\s+though|while|whereas|despite|in\s+spite\s+of)\b")
_BRACKET = re.compile(r"[()\[\]]")
_CLAIM_WORD = re.compile(r"[a-z]{2,}")
# the words of a clause that only says whether a difference was significant, naming nothing it is about
_BARE_CLAIM = word_set(
    "although though even while whereas despite spite but however in contrast conversely on other hand the this that "
    "these those it its there was were is are be been being did does do not no any statistically significant "
    "significantly insignificant nonsignificant non significance difference differences change changes effect "
    "effects result results finding findings reach reached achieve achieved attain attained found observed seen "
    "detected noted between among groups group arms arm two both level value values of"
)
# where a list of results ends, before the tests it is paired with: a verb, a bracket or a test
_LIST_END = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|do|does|remained|became|showed|tended|differed|declined|rose|fell|"
    r"(?<![\w\-])\w{3,}ed|(?<![\w\-])\w{3,}ly)\b|\("
)
_LIST_LINK = re.compile(r",\s*(?:and|or)\b|,|;|\b(?:and|or)\b")


def p_significant(op: str, value: float) -> bool:
    """Whether a p-value (its sign and value) shows a significant result: "p < 0.05", "p = 0.01"; not "p < 0.19"."""
    if op in ("<", "≤", "&lt;"):
        return value <= SIGNIFICANCE_LEVEL
    if op in (">", "≥", "&gt;"):
        return False
    return value < SIGNIFICANCE_LEVEL


# a decimal point printed as a raised dot between digits
_RAISED_DECIMAL_DOT = re.compile(r"(?<=\d)·(?=\d)")


def ratio_significant(match: re.Match[str]) -> bool | None:
    lo, hi = float(match.group("lo")), float(match.group("hi"))
    if lo > hi:
        return None
    return lo > 1.0 or hi < 1.0


def decimal_points(text: str) -> str:
    """The text as written with each decimal point printed as a raised dot ("HR 0·54 (0·36 to 0·82)", as some journals
    print numbers) made a full stop, as the lower-cased text has it (tokenise.lower_same_length); of the same length,
    so that positions hold. Ratios are read on the text as written ("HR", "OR" are capitals)."""
    return _RAISED_DECIMAL_DOT.sub(".", text) if "·" in text else text


def _evidence_kinds(scan: Scan, text: str, start: int, end: int) -> list[tuple[int, bool, bool]]:
    """Significance evidence between start and end, in text order: (position, significant?, a test's result?),
    where a test's result is a p-value or a ratio's interval (one item of a list the sentence may pair in order)
    and the rest are words ("significantly", "not significant"). text: the statement's, its decimal points made full
    stops (decimal_points)."""
    low = scan.low
    negatives = [m.start() for m in NOT_SIGNIFICANT.finditer(low, start, end)]
    found = [(pos, False, False) for pos in negatives]
    for m in SIGNIFICANT.finditer(low, start, end):
        i = bisect_right(negatives, m.start()) - 1
        if i < 0 or m.start() > negatives[i] + _NEGATION_REACH:  # not the "significant" of "not significant"
            found.append((m.start(), True, False))
    for m in [*P_VALUE.finditer(low, start, end), *_P_VALUES_OF.finditer(low, start, end)]:
        op = m.group("op") or "="
        found.append((m.start(), p_significant(op, float(m.group("value"))), True))
        more = m.end()  # "P≤0.001 and 0.026", "p-values of 0.18 and 0.32": the values that follow share the test
        while (following := _P_VALUE_MORE.match(low, more, end)) is not None:
            found.append((following.start("value"), p_significant(op, float(following.group("value"))), True))
            more = following.end()
    if may_hold_ratio(scan):
        for m in RATIO.finditer(text, start, end):
            significant = ratio_significant(m)
            if significant is not None:
                found.append((m.start(), significant, True))
    if "differen" in low and ("ci" in low or "c.i" in low or "confidence" in low):
        for m in _DIFFERENCE_CI.finditer(low, start, end):
            significant = _difference_significant(m)
            if significant is not None:
                found.append((m.start(), significant, True))
    return sorted(set(found))


def _difference_significant(match: re.Match[str]) -> bool | None:
    """Whether a difference's interval excludes 0 (None when its bounds are out of order)."""
    lo, hi = (float(match.group(key).replace("−", "-").replace(" ", "")) for key in ("lo", "hi"))
    if lo > hi:
        return None
    return lo > 0.0 or hi < 0.0


class _Outside:
    """Which positions of a sentence lie outside brackets (a bracket itself is inside)."""

    def __init__(self, low: str, start: int, end: int) -> None:
        self.low = low
        self._starts: list[int] = []
        self._ends: list[int] = []
        depth, opened = 0, start
        for m in _BRACKET.finditer(low, start, end):
            if m.group() in "([":
                opened = m.start() if depth == 0 else opened
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    self._starts.append(opened)
                    self._ends.append(m.end())
        if depth:
            self._starts.append(opened)
            self._ends.append(end)

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i < 0 or pos >= self._ends[i]

    def first(self, char: str, start: int, end: int) -> int | None:
        """Where char first stands outside brackets between start and end."""
        at = self.low.find(char, start, end)
        while at >= 0 and not self(at):
            at = self.low.find(char, at + 1, end)
        return at if at >= 0 else None


@dataclass(frozen=True)


class _PairedList:
    """A list of test results that "respectively" pairs in order with a list of results: the tests' span, their
    readings, where "respectively" stands, and where the results they pair with may stand."""

    tests: tuple[int, int]
    values: tuple[bool, ...]
    respectively: int
    reach: tuple[int, int]
# after one test, the same result said of another arm with its own value: "X was 10% lower after A (p > 0.05) and
# 22% lower after B (p < 0.001)", "rose by 3 points with A (NS) and by 9 points in the B group (p = 0.01)"
_ANOTHER_ARMS_RESULT = re.compile(
    r"[^;]*?\b(?:and|but|whereas|while)\s+(?:by\s+)?[\d.,]+\s*(?:%|[a-z/]+(?:\s+[a-z/]+)?)?\s+"
    r"(?:(?:lower|higher|less|more|greater|smaller|shorter|longer|reduction|decrease|increase|rise|fall|drop)\s+)?"
    r"(?:after|with|in|on|for|among|under|following)\b"
)


class _SentenceEvidence:
    """One sentence's significance evidence, its lists paired by "respectively", and (read when first needed) where
    its clauses that make their own claims start."""

    def __init__(self, scan: Scan, text: str, start: int, end: int) -> None:
        self._low, self._span = scan.low, (start, end)
        found = _evidence_kinds(scan, text, start, end)
        self.positions = [at for at, _, _ in found]
        self.values = [significant for _, significant, _ in found]
        self._boundaries: list[int] | None = None
        tests = [(at, significant) for at, significant, test in found if test]
        self.lists = (
            _paired_lists(self._low, start, end, tests, self.boundaries)
            if len(tests) > 1 and "respectively" in self._low[start:end] else []
        )

    @property
    def boundaries(self) -> list[int]:
        if self._boundaries is None:
            self._boundaries = _boundaries(self._low, *self._span)
        return self._boundaries


def _runs(low: str, tests: list[tuple[int, bool]]) -> list[list[tuple[int, bool]]]:
    """Test results that follow one another with nothing but values, intervals and links between them."""
    runs: list[list[tuple[int, bool]]] = []
    for at, significant in tests:
        if runs and _RUN_GAP.fullmatch(low, _end_of_test(low, runs[-1][-1][0]), at):
            runs[-1].append((at, significant))
        else:
            runs.append([(at, significant)])
    return runs


def _end_of_test(low: str, at: int) -> int:
    m = _TEST_AT.match(low, at)
    return m.end() if m is not None else at + 1


def _paired_lists(low: str, start: int, end: int, tests: list[tuple[int, bool]],
                  boundaries: list[int]) -> list[_PairedList]:
    """The lists of two test results or more that a "respectively" pairs in order with the results before it:
    "(p = 0.025 and p = 0.039, respectively)", "(P<=0.001 and 0.026), respectively", "16% (p = 0.004) and 5% (p =
    0.05) reduction in A and B respectively"."""
    lists: list[_PairedList] = []
    for run in _runs(low, tests):
        if len(run) < 2:
            continue
        first, last = run[0][0], _end_of_test(low, run[-1][0])
        after = _RESPECTIVELY_AFTER.match(low, last, end)
        before = _RESPECTIVELY_BEFORE.search(low, max(start, first - 20), first)
        # the results it pairs with: those before, from the clause's start (or the list before) up to the tests
        # and "respectively" beside them; or those between the tests and a "respectively" after them
        reach_start = max([start, *(b for b in boundaries if b <= first), *(p.reach[1] for p in lists)])
        if after is not None or before is not None:
            respectively = after.end() - len("respectively") if after is not None else before.start()  # type: ignore[union-attr]
            reach = (reach_start, max(respectively, last))
        elif (later := _RESPECTIVELY_LATER.match(low, last, end)) is not None and not any(
            last <= b < later.end() for b in boundaries
        ):
            respectively = later.end() - len("respectively")
            reach = (last, respectively)
        else:
            continue
        lists.append(_PairedList((first, last), tuple(v for _, v in run), respectively, reach))
    return lists


def _in_order(low: str, pos: int, paired: _PairedList) -> bool | None:
    """The test result paired with the result at pos: its place in the list of results, counted both from the
    list's start (the clause's start, or the tests when the results follow them) and back from its end (the first
    verb, bracket or test after it, or "respectively" when the results follow the tests); None unless both agree."""
    n = len(paired.values)
    if pos >= paired.tests[1]:
        list_start, list_end = paired.tests[1], paired.respectively
    else:
        stop = _LIST_END.search(low, pos + 1, paired.tests[0])
        list_start, list_end = paired.reach[0], stop.start() if stop is not None else paired.tests[0]
    place = _links(low, list_start, pos)
    return paired.values[place] if place < n and place == n - 1 - _links(low, pos, list_end) else None


def _links(low: str, start: int, end: int) -> int:
    """How many links of a list ("," "and" "or") stand between start and end, outside brackets."""
    if end <= start:
        return 0
    outside = _Outside(low, start, end)
    return sum(1 for m in _LIST_LINK.finditer(low, start, end) if outside(m.start()))


def _boundaries(low: str, start: int, end: int) -> list[int]:
    """Where a clause that makes its own claim starts, outside brackets: after a contrast (";", "but", "whereas",
    ", while", "however"), or after the comma that closes a concession the sentence opens with; each only when the
    clause before it names what it is about ("no significant difference in quit rates; but ..."), not when it only
    says a difference was or was not significant ("the difference was not significant, but A was higher", "although
    insignificant, A was higher": that evidence is the later claim's). The ";" of a list that a colon opens
    ("significant: 1) A; 2) B") is no boundary, nor one that goes on with "and" ("a significant increase in A; and
    decrease in B")."""
    outside = _Outside(low, start, end)
    colon = outside.first(":", start, end)
    found = [
        m.start() for m in _CONTRAST.finditer(low, start, end)
        if outside(m.start()) and not (m.group() == ";" and colon is not None and colon < m.start())
    ]
    if _CONCESSION_FIRST.match(low, start, end):
        comma = outside.first(",", start, end)
        if comma is not None:
            found.append(comma)
    kept, clause_start = [], start
    for boundary in sorted(found):
        if any(w not in _BARE_CLAIM for w in _CLAIM_WORD.findall(low, clause_start, boundary)):
            kept.append(boundary)
        clause_start = boundary
    return kept


class Significance:
    """Whether results in a statement are said to be significant, each sentence's evidence read once."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.text = decimal_points(scan.text)  # the ratios' numbers as they are read
        self._by_sentence: dict[tuple[int, int], _SentenceEvidence] = {}

    def at(self, pos: int) -> bool | None:
        """Whether the result at pos is said to be significant; None when the sentence does not say, or says both.

        - A result in a list that "respectively" pairs with a list of test results takes the test in its place:
          "A and B were lower (p = 0.02 and p = 0.3, respectively)", "16% (p = 0.004) and 5% (p = 0.05) reduction
          in A and B respectively"; where its place cannot be told, the tests when they all agree.
        - Else the first evidence after pos in its sentence; None when the same result said of another arm follows
          with its own test that differs ("X was 10% lower after A (p > 0.05) and 22% lower after B (p < 0.001)").
        - Else the evidence before it in its clause, when it all agrees: evidence before a contrasting clause ("no
          significant difference in A; but B was higher in X") is not this result's.
        """
        sentence = self.scan.sentence_at(pos)
        evidence = self._by_sentence.get(sentence)
        if evidence is None:
            evidence = _SentenceEvidence(self.scan, self.text, *sentence)
            self._by_sentence[sentence] = evidence
        for paired in evidence.lists:
            if paired.reach[0] <= pos < paired.reach[1] and not paired.tests[0] <= pos < paired.tests[1]:
                if all(v == paired.values[0] for v in paired.values):
                    return paired.values[0]
                return _in_order(self.scan.low, pos, paired)
        positions, values = evidence.positions, evidence.values
        i = bisect_left(positions, pos)
        if i < len(positions):
            if i + 1 < len(positions) and values[i + 1] is not values[i] and _ANOTHER_ARMS_RESULT.match(
                self.scan.low, positions[i], positions[i + 1]
            ):
                return None  # each arm's result has its own test, and they differ: the result's arm tells
            return values[i]
        clause = bisect_left(positions, max((b for b in evidence.boundaries if b < pos), default=-1))
        before = values[clause:]
        if before:
            return before[-1] if all(v == before[-1] for v in before) else None
        return False if self.denied_next(pos) is not None else None

    def denied_next(self, pos: int) -> tuple[int, int] | None:
        """The sentence after pos's one when it opens by saying that the difference was not significant ("Total costs
        were lower in A than in B. This difference, which was not significant, ..."): the test of a result of pos's
        sentence that has none of its own (Significance.at). None when it does not."""
        low = self.scan.low
        if "differ" not in low or "signific" not in low:
            return None
        end = self.scan.sentence_at(pos)[1]
        following = [span for span in self.scan.sentences() if span[0] >= end]
        return following[0] if following and _DIFFERENCE_DENIED_NEXT.match(low, following[0][0]) else None


# a sentence that opens by denying the difference the sentence before it reported: "This difference, which was not
# statistically significant, ...", "However, the differences were not significant (p = 0.4)", "The difference did not
# reach significance"
_DIFFERENCE_DENIED_NEXT = re.compile(
    r"\W*(?:however,?\s+)?(?:this|the|these|that|such)\s+differences?(?:\s+between\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:groups?|arms?))?(?:\s*,\s*which)?\s+(?:was|were|is|are)\s+(?:also\s+)?(?:not\s+(?:statistically\s+)?"
    r"significant|(?:statistically\s+)?(?:non-?\s?significant|insignificant))\b(?!\s+(?:for|in|on|with|regarding)\b)"
    r"|\W*(?:however,?\s+)?(?:this|the|these|that|such)\s+differences?\s+(?:(?:did|does)\s+not|fail(?:ed|s)?\s+to)\s+"
    r"(?:reach|attain|achieve|obtain)"
    r"\s+(?:statistical\s+)?significance\b(?!\s+(?:for|in|on|with|regarding)\b)"
)


def may_hold_ratio(scan: Scan) -> bool:
    return "ratio" in scan.low or ("R" in scan.text and _RATIO_ABBREVIATION.search(scan.text) is not None)
