"""Results reported as numbers: whether a difference was significant, two arms' values, and ratios with their CIs.

Trials, and the papers that cite them, report results as numbers as often as in words: "Mortality by day 29 was
11.4% with remdesivir and 15.2% with placebo, a difference that was not significant", "16 (41%) in the control
group and 13 (32%) in the ketorolac group (P = 0.526)", "the hazard ratio for death was 0.73 (95% CI, 0.52 to
1.03)". This module finds those comparisons and says which way the intervention's value went; outcomes.py names
the outcome they are about.

- Significance: the evidence a result's sentence gives it: a p-value (below 0.05 is significant; "P<=0.001 and
  0.026", "p-values of 0.18 and 0.32" are two), a ratio's confidence interval (excluding 1 is significant),
  "significant(ly)", or "not significant", "non-significant", "did not reach significance", "a trend", "NS" (not
  significant), a difference's confidence interval (holding 0 is not significant). A list of tests that
  "respectively" pairs with a list of results gives each result the test in its place ("A and B were lower
  (p = 0.02 and p = 0.3, respectively)"); otherwise a result takes the first evidence after it in its sentence,
  else the evidence before it in its clause: evidence before a contrasting clause that names its own claim ("no
  significant difference in A; but B was higher in X") is not the later claim's.
- Two values: "A (with|in|among|of patients receiving) ARM and|vs|versus B (with|in) ARM", and "A and B ... in
  the X and Y groups, respectively". The arm with a control word (placebo, control, sham, usual or standard care,
  untreated, no treatment) is the comparator. A difference said not to be significant is no difference, whatever
  the arms; otherwise the values give the change only when the arms are known. A significant difference between
  two arms that no control word tells apart ("24.3 minutes in the TOS group and 16.3 minutes in the sling group
  (p < 0.05)") keeps both arms' words and values, its change "unclear": which arm is the intervention is known
  only to a reader that knows the intervention (oriented_by_arm, given which words name it). A value may carry a
  spread, a unit, its percentage in brackets ("13 (32%)"), or what qualifies it in brackets: its count ("64.3%
  (178/277)"), a range, an interval or a spread ("3.6 cm (range, 2-6)"); a count out of a number ("12/60") is
  read as its percentage, and a number after a dash ends a range and is no value.
- Ratios (hazard, odds, risk, rate ratios; HR, OR, RR, IRR): below 1 is a decrease for the intervention, above 1
  an increase, and a CI that holds 1 is no difference.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from summarizer.engines.extractive.cues import CONTROL_WORDS, P_VALUE
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import word_set
from summarizer.models import Change

SIGNIFICANCE_LEVEL = 0.05
_NEGATION_REACH = 40  # "not statistically significant": the "significant" a negation covers
_NUMBER = r"\d+(?:\.\d+)?"
# a value: a number with an optional spread and unit, and an optional percentage in brackets ("13 (32%)")
_VALUE = (
    rf"(?P<{{0}}>{_NUMBER})(?:\s*/\s*(?P<{{0}}of>\d+))?\s*(?P<{{0}}pct>%|percent\b)?"
    rf"(?:\s*(?:±|\+/-|\+-)\s*{_NUMBER}\s*%?)?"
    r"(?:\s*[a-zµμ]{{1,3}}(?:/[a-zµμ]{{1,3}})?[23²³](?![\w.]))?"  # a unit with a power ("cm2", "kg/m2")
    rf"(?:\s*(?:[a-zµμ/]+\b)?\s*\(\s*(?:{_NUMBER}\s*[-–]\s*)?(?P<{{0}}in>{_NUMBER})\s*%\s*\))?"
    r"(?:\s*(?:days?|weeks?|months?|hours?|h|min|minutes|mg|ml|kg|mmhg|points?|patients|subjects|participants)\b)?"
    # what qualifies the value, in brackets: its count ("(178/277)"), range, interval or spread ("(range, 2-6)",
    # "(95% CI 1.7-5.1%)", "(SD 1.2)"), after a unit ("3.6 cm (range, 2-6)")
    r"(?:\s*(?:[a-zµμ]{{1,5}}\s*)?\(\s*(?:\d+\s*/\s*\d+\s*|(?:range|iqr|sd|se|sem|(?:9[059]\s*%\s*)?(?:ci|"
    r"confidence\s+interval))\b[^();=<>]{{0,50}})\))?"
)
_LINK = r"\s*(?:,\s*)?(?:and|vs\.?|versus|compared\s+(?:with|to)|as\s+against|against)\s+"
PAIR = re.compile(
    r"(?<![\w.\-–/\[])" + _VALUE.format("a") + r"(?P<arm_a>[^.;\d\[\]]{0,70}?)" + _LINK + _VALUE.format("b")
    + r"(?P<arm_b>[^.;\d\[\]]{0,70})"
)
# each arm named before its value in brackets: "in the X group (24.3 ± 3.4 min) than in the Y group (16.3 ± 1.7
# min)", "with X (3.9 ± 1.5) compared to Y (2.5 ± 1.7)"
_BRACKETED = (
    r"\(\s*(?:(?:mean|median|m)\s*[=:]?\s*)?(?P<{0}>" + _NUMBER + r")(?:\s*/\s*(?P<{0}of>\d+))?\s*"
    r"(?P<{0}pct>%|percent\b)?(?P<{0}in>)?[^()]{{0,40}}\)"
)
ARM_PAIR = re.compile(
    r"\b(?P<arm_a>(?:in|with|for|among|on|after|during|by)\s+[^.;:()\d\[\]]{1,60}?)\s*" + _BRACKETED.format("a")
    + r"[^.;()\d\[\]]{0,60}?\b(?:than|compared\s+(?:with|to)|versus|vs\.?|and|as\s+against|relative\s+to)\s+"
    r"(?P<arm_b>[^.;:()\d\[\]]{1,60}?)\s*" + _BRACKETED.format("b")
)
RESPECTIVELY = re.compile(
    r"\bin\s+(?:the\s+)?(?P<first>[\w\-\s]{1,40}?)\s+(?:and|vs\.?|versus)\s+(?:the\s+)?(?P<second>[\w\-\s]{1,40}?)"
    r"\s*(?:groups?|arms?)?\s*,?\s*respectively\b"
)
# the verb or mark before the first value, after the outcome's name: "Mortality was 11%", "SAEs were reported in"
SUBJECT_VERB = re.compile(
    r"\b(?:was|were|is|are|occurred|reported|observed|seen|found|detected|developed|experienced|recorded|noted|"
    r"reached|averaged|amounted\s+to|of|(?:achieved|attained|obtained|reported|observed|experienced)\s+by)\b"
    r"(?:\s+(?:in|at|on|to|among|for))?(?:\s+(?:only|about|approximately|"
    r"nearly|almost|around))?\s*$|[:(]\s*$"
)
NOT_SIGNIFICANT = re.compile(
    r"\bnot\s+(?:statistically\s+)?(?:significant(?:ly)?|different|reach|attain)|\bnon-?\s?significant(?:ly)?|"
    r"\bno\s+(?:statistically\s+)?significant\s+(?:difference|change|effect|improvement|reduction|increase|"
    r"decrease|benefit|association|between)|\bdid\s+not\s+(?:reach|attain|achieve)\s+(?:statistical\s+)?"
    r"significance|\b(?:a\s+)?(?:trend|tendency)\b|\bp\s*=\s*n\.?s\b|\(\s*n\.?s\.?\s*\)|\binsignificant"
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
# several arms' values listed against one comparator's: "30% with A, 42% with B and 45% with C, compared with 78%
# with placebo"; each listed arm may carry its own test in brackets ("30% with A (p = 0.01), ...")
_LISTED_ARM = (
    r"\d+(?:\.\d+)?\s*%?\s+(?:with|in|among|for|on|after|receiving|given)\s+[^.;,\d()\[\]]{1,50}?"
    r"(?:\s*\([^()]{0,40}\))?"
)
ARM_LIST = re.compile(
    r"(?<![\w.\-–/\[])" + _LISTED_ARM + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _LISTED_ARM + r")+\s*,?\s*"
    r"(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against|against)\s+"
    r"(?P<control>\d+(?:\.\d+)?\s*%?\s+(?:with|in|among|for|on|after|receiving|given)\s+[^.;,\d()\[\]]{1,50})"
)
_LISTED_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(%?)\s+(?:with|in|among|for|on|after|receiving|given)\s+([^,()\d]*)")
# cheap tests that a statement may hold a comparison in numbers (on the lower-cased text) or a ratio (on the text)
_GATE = re.compile(r"\b(?:and|vs\.?|versus|with|to|against)\s+\d|\bratio")
# and that it may hold arms named before their values, with a test's result (ARM_PAIR is read only then)
_TESTED = ("signific", "p <", "p<", "p =", "p=", "p ≤", "p≤")
_RATIO_ABBREVIATION = re.compile(r"\b(?:a|adj)?(?:HR|OR|RR|IRR)s?\b")
# "p-values of 0.18 and 0.32": the test named before its values, with no sign between
_P_VALUES_OF = re.compile(
    r"\bp\s*-?\s*values?\s+(?:of|were|was|are|is)\s+(?P<op>)(?P<value>0?\.\d+|1(?:\.0+)?)(?![\d%])"
)
# a value that shares the test before it: "P<=0.001 and 0.026", "p = 0.18, 0.32"
_P_VALUE_MORE = re.compile(
    r"\s*(?:,\s*(?:and|or)\b|,|and\b|or\b)\s*(?P<value>0?\.\d+|1(?:\.0+)?)(?![\d%])(?!\s*(?!respectively|and\b|or\b)[a-zµμ%])"
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


@dataclass(frozen=True)
class Arm:
    """One arm of a comparison in numbers: the words that say which arm it is (their span in the statement) and
    its value."""

    span: tuple[int, int]
    value: float


@dataclass(frozen=True)
class NumericResult:
    """A comparison the sentence reports in numbers: where the outcome's name ends (or its span, when the result
    names it: "the hazard ratio for death"), and the intervention's change."""

    subject_end: int  # the outcome's name ends before this position (its verb or bracket), or -1
    change: Change
    named: tuple[int, int] | None = None  # the outcome's span when the result itself names it
    # a significant difference between two arms that no control word tells apart: their words and values, in the
    # sentence's order (the change is then "unclear" until oriented_by_arm)
    arms: tuple[Arm, Arm] | None = None


def _p_significant(op: str, value: float) -> bool:
    if op in ("<", "≤", "&lt;"):
        return value <= SIGNIFICANCE_LEVEL
    if op in (">", "≥", "&gt;"):
        return False
    return value < SIGNIFICANCE_LEVEL


def _ratio_significant(match: re.Match[str]) -> bool | None:
    lo, hi = float(match.group("lo")), float(match.group("hi"))
    if lo > hi:
        return None
    return lo > 1.0 or hi < 1.0


def _evidence_kinds(scan: Scan, start: int, end: int) -> list[tuple[int, bool, bool]]:
    """Significance evidence between start and end, in text order: (position, significant?, a test's result?),
    where a test's result is a p-value or a ratio's interval (one item of a list the sentence may pair in order)
    and the rest are words ("significantly", "not significant")."""
    low = scan.low
    negatives = [m.start() for m in NOT_SIGNIFICANT.finditer(low, start, end)]
    found = [(pos, False, False) for pos in negatives]
    for m in SIGNIFICANT.finditer(low, start, end):
        i = bisect_right(negatives, m.start()) - 1
        if i < 0 or m.start() > negatives[i] + _NEGATION_REACH:  # not the "significant" of "not significant"
            found.append((m.start(), True, False))
    for m in [*P_VALUE.finditer(low, start, end), *_P_VALUES_OF.finditer(low, start, end)]:
        op = m.group("op") or "="
        found.append((m.start(), _p_significant(op, float(m.group("value"))), True))
        more = m.end()  # "P≤0.001 and 0.026", "p-values of 0.18 and 0.32": the values that follow share the test
        while (following := _P_VALUE_MORE.match(low, more, end)) is not None:
            found.append((following.start("value"), _p_significant(op, float(following.group("value"))), True))
            more = following.end()
    if _may_hold_ratio(scan):
        for m in RATIO.finditer(scan.text, start, end):
            significant = _ratio_significant(m)
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

    def __init__(self, scan: Scan, start: int, end: int) -> None:
        self._low, self._span = scan.low, (start, end)
        found = _evidence_kinds(scan, start, end)
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
            evidence = _SentenceEvidence(self.scan, *sentence)
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
                self.scan.low[: positions[i + 1]], positions[i]
            ):
                return None  # each arm's result has its own test, and they differ: the result's arm tells
            return values[i]
        clause = bisect_left(positions, max((b for b in evidence.boundaries if b < pos), default=-1))
        before = values[clause:]
        return before[-1] if before and all(v == before[-1] for v in before) else None


def _may_hold_ratio(scan: Scan) -> bool:
    return "ratio" in scan.low or ("R" in scan.text and _RATIO_ABBREVIATION.search(scan.text) is not None)


def _value(match: re.Match[str], key: str) -> tuple[float, bool]:
    """A value and whether it is a percentage: a count out of a number ("178/277") is one."""
    inner = match.group(f"{key}in")
    if inner:
        return float(inner), True
    whole = match.group(f"{key}of")
    if whole is not None and match.group(f"{key}pct") is None:
        return (100 * float(match.group(key)) / float(whole), True) if float(whole) > 0 else (0.0, False)
    return float(match.group(key)), match.group(f"{key}pct") is not None


def _arm_side(text: str) -> str | None:
    """ "control" when a value's words name the comparator, "intervention" when they name another arm."""
    words = text.split(",")[0]
    if CONTROL_WORDS.search(words):
        return "control"
    if re.search(r"\b(?:with|in|among|for|on|receiving|given|treated|taking|of)\b", words):
        return "intervention"
    return None


def _named_arm_side(low: str, span: tuple[int, int]) -> str:
    """The side of an arm known to be one (named before its value, or in a "respectively" list)."""
    return "control" if CONTROL_WORDS.search(low, *span) else "intervention"


def _arm_words(low: str, span: tuple[int, int]) -> tuple[int, int]:
    """An arm's words: those after its value up to a comma (as _arm_side reads them)."""
    start, end = span
    comma = low.find(",", start, end)
    return (start, comma if comma >= 0 else end)


def oriented_by_arm(result: NumericResult, text: str, names: Callable[[str], bool]) -> NumericResult | None:
    """A comparison of two arms that no control word tells apart, oriented by the intervention: when the words of
    exactly one arm name it (names: whether words name the intervention), its value set against the other arm's
    gives the change. None when neither arm's words name it, or both do."""
    if result.arms is None:
        return None
    first, second = result.arms
    named = (names(text[first.span[0] : first.span[1]]), names(text[second.span[0] : second.span[1]]))
    if named[0] == named[1]:
        return None
    mine, other = (first, second) if named[0] else (second, first)
    return replace(result, change=_change(mine.value, other.value), arms=None)


def _change(first: float, second: float) -> Change:
    if first == second:
        return "no_difference"
    return "decreased" if first < second else "increased"


def _two_arms(
    subject_end: int,
    values: tuple[float, float],
    sides: tuple[str | None, ...],
    spans: tuple[tuple[int, int], tuple[int, int]],
    significant: bool | None,
) -> NumericResult | None:
    """Two arms' values as a result: no difference when said not significant; the intervention's change when one
    arm is the comparator; the two arms kept, their change unclear, when the difference is significant and no
    control word tells them apart."""
    a, b = values
    if significant is False:
        return NumericResult(subject_end, "no_difference")
    if set(sides) == {"control", "intervention"}:
        first, second = (a, b) if sides[0] == "intervention" else (b, a)
        return NumericResult(subject_end, _change(first, second))
    if significant and sides == ("intervention", "intervention") and a != b:
        return NumericResult(subject_end, "unclear", arms=(Arm(spans[0], a), Arm(spans[1], b)))
    return None


def _listed_arms(scan: Scan, listed: re.Match[str], significance: Significance) -> NumericResult | None:
    """Arms listed against a comparator ("30% with A, 42% with B and 45% with C, compared with 78% with placebo"):
    the arms' change against the comparator when every listed arm went the same way and the comparator is a control
    (no difference when the sentence says it was not significant)."""
    low = scan.low
    if CONTROL_WORDS.search(low, *listed.span("control")) is None:
        return None
    values = [(float(v), pct, words) for v, pct, words in _LISTED_VALUE.findall(low, *listed.span())]
    (control, control_pct, _), arms = values[-1], values[:-1]
    if any(pct != control_pct or CONTROL_WORDS.search(words) for _, pct, words in arms):
        return None
    subject_end = _subject_end(low, listed.start(), scan.sentence_at(listed.start())[0])
    changes = {_change(value, control) for value, _, _ in arms}
    if subject_end < 0 or len(changes) != 1:
        return None
    if significance.at(listed.end()) is False:
        return NumericResult(subject_end, "no_difference")
    return NumericResult(subject_end, changes.pop())


def _subject_end(low: str, value_start: int, sentence_start: int) -> int:
    verb = SUBJECT_VERB.search(low, max(sentence_start, value_start - 60), value_start)
    return verb.start() if verb is not None else -1


def numeric_results(scan: Scan, significance: Significance) -> list[NumericResult]:
    """The comparisons a statement reports in numbers (see the module's docstring)."""
    low = scan.low
    ratios = _may_hold_ratio(scan)
    pairs = ratios or _GATE.search(low) is not None
    arms_first = "(" in low and any(mark in low for mark in _TESTED)
    if not pairs and not arms_first:
        return []
    results: list[NumericResult] = []
    taken: list[tuple[int, int]] = []
    if pairs and ("compared" in low or "vs" in low or "against" in low):
        for listed in ARM_LIST.finditer(low):
            found = _listed_arms(scan, listed, significance)
            if found is not None:
                results.append(found)
                taken.append(listed.span())
    for match in PAIR.finditer(low) if pairs else ():
        if taken and any(match.start() < end and start < match.end() for start, end in taken):
            continue
        (a, a_pct), (b, b_pct) = _value(match, "a"), _value(match, "b")
        if a_pct != b_pct:
            continue
        sentence_start, _ = scan.sentence_at(match.start())
        subject_end = _subject_end(low, match.start(), sentence_start)
        if subject_end < 0:
            continue
        sides = (_arm_side(match.group("arm_a")), _arm_side(match.group("arm_b")))
        spans = (_arm_words(low, match.span("arm_a")), _arm_words(low, match.span("arm_b")))
        respectively = RESPECTIVELY.search(low, match.end("b"), scan.sentence_at(match.start())[1])
        if respectively is not None:
            spans = (respectively.span("first"), respectively.span("second"))
            sides = (_named_arm_side(low, spans[0]), _named_arm_side(low, spans[1]))
        found = _two_arms(subject_end, (a, b), sides, spans, significance.at(match.end("b")))
        if found is not None:
            results.append(found)
            taken.append(match.span())
    for match in ARM_PAIR.finditer(low) if arms_first else ():
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        (a, a_pct), (b, b_pct) = _value(match, "a"), _value(match, "b")
        if a_pct != b_pct:
            continue
        if significance.at(match.end()) is not True:
            continue  # the arms named first are read only where their difference is said to be significant
        arms = (match.span("arm_a"), match.span("arm_b"))
        sides = (_named_arm_side(low, arms[0]), _named_arm_side(low, arms[1]))
        found = _two_arms(match.start("arm_a"), (a, b), sides, arms, True)
        if found is not None:
            results.append(found)
    if ratios:
        for match in RATIO.finditer(scan.text):
            what = match.group("what")
            if what is None:
                continue
            significant = _ratio_significant(match)
            value = float(match.group("value"))
            change: Change = "no_difference" if significant is False or value == 1.0 else (
                "decreased" if value < 1.0 else "increased"
            )
            start = match.start("what")
            results.append(NumericResult(-1, change, (start, start + len(what.rstrip()))))
    return results
