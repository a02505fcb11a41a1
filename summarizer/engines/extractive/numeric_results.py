"""Results reported as numbers: whether a difference was significant, two arms' values, and ratios with their CIs.

Trials, and the papers that cite them, report results as numbers as often as in words: "Mortality by day 29 was
11.4% with remdesivir and 15.2% with placebo, a difference that was not significant", "16 (41%) in the control
group and 13 (32%) in the ketorolac group (P = 0.526)", "the hazard ratio for death was 0.73 (95% CI, 0.52 to
1.03)". This module finds those comparisons and says which way the intervention's value went; outcomes.py names
the outcome they are about.

- Significance: a test's result in the sentence, and which result it belongs to (significance.py).
- Two values: "A (with|in|among|of patients receiving) ARM and|vs|versus B (with|in) ARM" (the first value's
  preposition may be repeated: "in 18% in the controls and in 12% of the A group"), and "A and B ... in the X
  and Y groups, respectively"; the first arm may be named in the subject, just before its verb ("pain in the study
  group was 4.6 compared with 7.1 in the control group"). The arm with a control word (placebo, control, sham, usual
  or standard care, untreated, no treatment) is the comparator. A difference said not to be significant is no
  difference, whatever the arms; a difference of means or scores the sentence gives no test for is no result ("8.3 in
  the A group compared to 8.5 in the control group"; rates, "24.6% ... and 31.6%", are read); otherwise the values
  give the change only when the arms are known. A significant difference between two arms that no control word tells
  apart ("24.3 minutes in the TOS group and 16.3 minutes in the sling group (p < 0.05)") keeps both arms' words and
  values, its change "unclear": which arm is the intervention is known only to a reader that knows the intervention
  (oriented_by_arm, given which words name it). A value may carry a spread, a unit, its percentage in brackets ("13
  (32%)"), or what qualifies it in brackets: its count ("64.3% (178/277)"), a range, an interval or a spread ("3.6 cm
  (range, 2-6)"); a count out of a number ("12/60") is read as its percentage, and a number after a dash ends a range
  and is no value.
- Three arms or more: their values listed, then their names in the same order and "respectively" ("8.9, 11.8 and
  18.2 in the sham, A and B groups, respectively (P < 0.05)"): the treated arms' change against the arm a control word
  names, when they all went the same way from it and the sentence gives the test (none without one, rates neither).
- Ratios (hazard, odds, risk, rate ratios; HR, OR, RR, IRR): below 1 is a decrease for the intervention, above 1
  an increase, and a CI that holds 1 is no difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from summarizer.engines.extractive.alone_arms import names_alone_arm
from summarizer.engines.extractive.cues import CONTROL_WORDS, OBJ_CUT, TESTED_IN_NUMBERS
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import (
    RATIO,
    TESTED_WORDS,
    Significance,
    may_hold_ratio,
    ratio_significant,
)
from summarizer.models import Change

_NUMBER = r"\d+(?:\.\d+)?"
# a range with no label, each end a number, a percentage or (after the second) a unit: "84–114 hours", "2.2%–11.5%"
_BARE_RANGE = rf"{_NUMBER}\s*%?\s*[-–]\s*{_NUMBER}\s*(?:%|[a-zµμ]{{{{1,7}}}}\b)?\s*"
_UNIT_WORDS = (
    r"(?:\s*(?:days?|weeks?|months?|hours?|h|min|minutes|mg|ml|kg|mmhg|points?|patients|subjects|participants)\b)?"
)
# a value: a number with an optional spread and unit, and an optional percentage in brackets ("13 (32%)")
_VALUE = (
    # a count out of a number: "12/60", or "41 of 60" when who or which arm follows ("41 of 60 patients in A")
    rf"(?P<{{0}}>{_NUMBER})(?:\s*/\s*(?P<{{0}}of>\d+)|\s+of\s+(?P<{{0}}ofn>\d+)(?=\s+(?:patients|subjects|"
    rf"participants|children|women|men|infants|in|with|on|receiving|given|treated)\b))?\s*(?P<{{0}}pct>%|percent\b)?"
    rf"(?:\s*(?:±|\+/-|\+-)\s*{_NUMBER}\s*%?)?"
    r"(?:\s*[a-zµμ]{{1,3}}(?:/[a-zµμ]{{1,3}})?[23²³](?![\w.]))?"  # a unit with a power ("cm2", "kg/m2")
    rf"(?:\s*(?:[a-zµμ/]+\b)?\s*\(\s*(?:{_NUMBER}\s*[-–]\s*)?(?P<{{0}}in>{_NUMBER})\s*%\s*\))?"
    + _UNIT_WORDS +
    # what qualifies the value, in brackets: its count ("(178/277)"), range, interval or spread ("(range, 2-6)",
    # "(95% CI 1.7-5.1%)", "(SD 1.2)"), after a unit ("3.6 cm (range, 2-6)"), or a bare range, with its unit or a
    # unit after it: "92 hours (84–114 hours)", "24.3±3.4 (18–28) minutes", "37.6% (27.1%–50.2%)"
    r"(?:\s*(?:[a-zµμ]{{1,5}}\s*)?\(\s*(?:\d+\s*/\s*\d+\s*|(?:range|iqr|sd|se|sem|(?:9[059]\s*%\s*)?(?:ci|"
    r"confidence\s+interval))\b[^();=<>]{{0,50}}|" + _BARE_RANGE + r")\)" + _UNIT_WORDS + ")?"
)
# "as opposed to" sets two values against each other as "versus" does; after a word of comparison the second value
# may take "the" ("0.43% with A as opposed to the 2% with B")
_LINK = (
    r"\s*(?:,\s*)?(?:and|(?:vs\.?|versus|compared\s+(?:with|to)|as\s+against|as\s+opposed\s+to|against)"
    r"(?:\s+the(?=\s+\d))?)\s+"
)
# when a value was measured, between it and its arm: "2.4% at the 2-year follow-up in the A group", "at 12 months"
_TIME_AT = (
    r"(?:\s*,?\s*(?:at|after|by|within)\s+(?:the\s+)?\d+(?:\s*|-)(?:days?|weeks?|months?|years?)"
    r"(?:\s+(?:of\s+)?follow[\s\-]?up)?(?=\s*,?\s*(?:in|with|among|for|on|receiving|given)\b)\s*,?)?"
)
# the preposition of the first value repeated before the second: "observed in 18% in the controls and in 12% of the
# A group"
_SECOND_IN = r"(?:(?:in|among)\s+)?"
PAIR = re.compile(
    r"(?<![\w.\-–/\[])" + _VALUE.format("a") + _TIME_AT + r"(?P<arm_a>[^.;\d\[\]]{0,70}?)" + _LINK + _SECOND_IN
    + _VALUE.format("b") + _TIME_AT + r"(?P<arm_b>[^.;\d\[\]]{0,70})"
)
# each arm named before its value in brackets: "in the X group (24.3 ± 3.4 min) than in the Y group (16.3 ± 1.7
# min)", "with X (3.9 ± 1.5) compared to Y (2.5 ± 1.7)"
_BRACKETED = (
    r"\(\s*(?:(?:mean|median|m)\s*[=:]?\s*)?(?P<{0}>" + _NUMBER + r")(?:\s*/\s*(?P<{0}of>\d+))?\s*"
    r"(?P<{0}pct>%|percent\b)?(?P<{0}in>)?[^()]{{0,40}}\)"
)
ARM_PAIR = re.compile(
    r"\b(?P<arm_a>(?:in|with|for|among|on|after|during|by)\s+[^.;:()\d\[\]]{1,60}?)\s*" + _BRACKETED.format("a")
    + r"[^.;()\d\[\]]{0,60}?\b(?:than|compared\s+(?:with|to)|versus|vs\.?|and|as\s+against|as\s+opposed\s+to|"
    r"relative\s+to)\s+"
    r"(?P<arm_b>[^.;:()\d\[\]]{1,60}?)\s*" + _BRACKETED.format("b")
)
# each arm named before its own verb and value: "the mean time off work in group B was 9 days and in group A was 13.5
# days (P = 0.0001)", "DOA in group S was 0.06 h (3.6 min) and that in group B was 19.35 h"; each arm an arm's group
# or a control (ARM_VERB_PAIR_ARMS), so that subgroups of people ("in men was 2.1 and in women was 3.4") are not read
# cheap gate: the second arm's link and verb ("and in the placebo group was")
_VERB_PAIR_GATE = re.compile(
    r"\b(?:and|while|whereas)\s+(?:that\s+|those\s+)?(?:in|for|with|among)\s[^.;]{1,60}?\s(?:was|were|is|are)\s"
)
_ARM_BEFORE_VERB = r"(?:in|for|with|among)\s+[^.;:,()\d\[\]]{1,60}?"
_VERB_BEFORE_VALUE = r"\s+(?:was|were|is|are)\s+(?:about\s+|approximately\s+)?"
ARM_VERB_PAIR = re.compile(
    r"\b(?P<arm_a>" + _ARM_BEFORE_VERB + r")" + _VERB_BEFORE_VALUE + _VALUE.format("a") + r"(?:\s*\([^()]{0,40}\))?"
    r"\s*,?\s*(?:and|while|whereas)\s+(?:that\s+|those\s+)?(?P<arm_b>" + _ARM_BEFORE_VERB + r")" + _VERB_BEFORE_VALUE
    + _VALUE.format("b")
)
# the first arm named in the subject, just before its verb, when its value is followed by no arm's words: "the
# average pain score in the study group was 4.6 compared with 7.1 in the control group"
SUBJECT_ARM = re.compile(
    r"\b(?:in|among|for|with|of)\s+(?:the\s+)?(?:[\w\-+/]+\s+){0,3}?(?:groups?|arms?)\s*(?:\([^()]{0,30}\)\s*)?$"
)
RESPECTIVELY = re.compile(
    r"\bin\s+(?:the\s+)?(?P<first>[\w\-\s]{1,40}?)\s+(?:and|vs\.?|versus)\s+(?:the\s+)?(?P<second>[\w\-\s]{1,40}?)"
    r"\s*(?:groups?|arms?)?\s*,?\s*respectively\b"
)
# two arms named at the end of the subject, before their values and "respectively": "in groups 1 and 2", "for the
# experimental group and control group", "in the MR850 and PMH7000 groups"
ARMS_IN_SUBJECT = re.compile(
    r"\b(?:in|for|of|among|with|between)\s+(?:the\s+)?(?:groups?\s+)?(?P<first>[\w\-+/]+(?:\s+[\w\-+/]+){0,3}?)\s+"
    r"(?:and|versus|vs\.?)\s+(?:the\s+)?(?P<second>[\w\-+/]+(?:\s+[\w\-+/]+){0,3}?)(?:\s+(?:groups?|arms?))?\s*$"
)
_ARM_WORD = re.compile(r"\b(?:groups?|arms?)\b")
# two treatments named just before values set against each other and "respectively": "different schemes: A or B (14%
# vs. 9%, respectively)", "relapse after A versus B (14% vs. 9%, respectively)": the names are the arms the values
# belong to, not the measure (after a colon, the words before it introduce the arms and name no measure either)
ARMS_BEFORE_VALUES = re.compile(
    r"(?:(?P<colon>:)|\b(?:in|for|of|among|with|between|after|receiving|on))\s+(?:the\s+)?"
    r"(?P<first>[\w\-+/]+(?:\s+[\w\-+/]+){0,3}?)\s+(?:or|and|versus|vs\.?)\s+(?:the\s+)?"
    r"(?P<second>[\w\-+/]+(?:\s+[\w\-+/]+){0,3}?)\s*$"
)
# the second of two values set against the first by a word of comparison, then "respectively"
_COMPARED_LINK = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|as\s+against|as\s+opposed\s+to|against)\s")
_RESPECTIVELY_NEXT = re.compile(r"\s*(?:[a-zµμ/%]+\s*)?,?\s*respectively\b")
# the verb or mark before the first value, after the outcome's name: "Mortality was 11%", "SAEs were reported in"
SUBJECT_VERB = re.compile(
    r"\b(?:was|were|is|are|occurred|reported|observed|seen|found|detected|developed|experienced|recorded|noted|"
    # an outcome's passive before the share of each arm: "complete control of vomiting was achieved in 74% of A and
    # 88% of B", "bleeding was present in 7 (14%) ... and 24 (55%) ...", "surgery was needed in"
    r"achieved|attained|obtained|needed|required|present|identified|diagnosed|"
    r"reached|averaged|amounted\s+to|of|(?:achieved|attained|obtained|reported|observed|experienced|exhibited|shown|"
    r"demonstrated|reached|met|maintained|required|needed)\s+by)\b"
    # when it was measured, between the verb and the values: "Recurrence was found at 10 years in 1 (0.6%) A versus"
    r"(?:\s+(?:at|after|by|within)\s+(?:\d+|one|two|three|four|five|six|ten|twelve)\s+(?:days?|weeks?|months?|years?))?"
    r"(?:\s+(?:in|at|on|to|among|for))?(?:\s+(?:only|about|approximately|"
    r"nearly|almost|around))?\s*$|[:(]\s*$"
)
# several arms' values listed against one comparator's: "30% with A, 42% with B and 45% with C, compared with 78%
# with placebo"; each listed arm may carry its own test in brackets ("30% with A (p = 0.01), ...")
_LISTED_ARM = (
    r"\d+(?:\.\d+)?\s*%?\s+(?:with|in|among|for|on|after|receiving|given)\s+[^.;,\d()\[\]]{1,50}?"
    r"(?:\s*\([^()]{0,40}\))?"
)
ARM_LIST = re.compile(
    r"(?<![\w.\-–/\[])" + _LISTED_ARM + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _LISTED_ARM + r")+\s*,?\s*"
    r"(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against|as\s+opposed\s+to|against)\s+"
    r"(?P<control>\d+(?:\.\d+)?\s*%?\s+(?:with|in|among|for|on|after|receiving|given)\s+[^.;,\d()\[\]]{1,50})"
)
_LISTED_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(%?)\s+(?:with|in|among|for|on|after|receiving|given)\s+([^,()\d]*)")
# the outcome as the object of a verb after the two arms' values: "33% on A and 21% on placebo achieved remission",
# "41 of 60 patients in the A group and 22 of 58 in the control group reached the target"
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|were|was)\s+)?(?:achieved|attained|reached|met|experienced|developed|maintained)\s+"
    r"(?:an?\s+|the\s+|their\s+)?(?P<obj>[^.;,()\d\[\]=<>]{3,80})"
)
# three arms' values or more, then the arms in the same order and "respectively": "8.9, 11.8 and 18.2 ml/kg in the
# sham, A and B groups, respectively", "28%, 52% and 74% of the patients in the A, B and C groups, respectively"; each
# value a number with an optional spread, unit or bracketed count ("17 (27.4%)" is read as its percentage)
_LISTED = r"(?<![\w.\-–/])\d+(?:\.\d+)?\s*%?(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%?)?(?:\s*\([^()]{0,30}\))?"
VALUE_LIST_RESPECTIVELY = re.compile(
    r"(?P<values>" + _LISTED + r"(?:\s*,\s*" + _LISTED + r"){1,4}\s*,?\s*and\s+" + _LISTED + r")"
    r"\s*(?:[a-zµμ/]+\s*)?(?:of\s+(?:the\s+)?(?:patients|subjects|participants|children|women|men)\s+)?"
    r"(?:in|for|among|with|of)\s+(?:the\s+)?(?P<names>[^.;%()\d]{3,120}?)\s*(?:groups?|arms?)?\s*,?\s*respectively\b"
)
_LISTED_NUMBER = re.compile(
    r"(?<![\w.\-–/])(\d+(?:\.\d+)?)\s*(%?)(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%?)?(?:\s*\([^()]*\))?"
)
_ARM_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# cheap tests that a statement may hold a comparison in numbers (on the lower-cased text) or a ratio (on the text)
_GATE = re.compile(r"\b(?:and|vs\.?|versus|with|to|against)\s+(?:the\s+|in\s+|among\s+)?\d|\bratio")


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


def _value(match: re.Match[str], key: str) -> tuple[float, bool]:
    """A value and whether it is a percentage: a count out of a number ("178/277") is one."""
    inner = match.group(f"{key}in")
    if inner:
        return float(inner), True
    whole = match.group(f"{key}of") or match.groupdict().get(f"{key}ofn")
    if whole is not None and match.group(f"{key}pct") is None:
        return (100 * float(match.group(key)) / float(whole), True) if float(whole) > 0 else (0.0, False)
    return float(match.group(key)), match.group(f"{key}pct") is not None


def _names_comparator(low: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the words of an arm name the comparator: a control word (cues.CONTROL_WORDS) or a treatment
    alone (alone_arms.names_alone_arm)."""
    stop = len(low) if end is None else end
    return CONTROL_WORDS.search(low, start, stop) is not None or names_alone_arm(low, start, stop)


def _arm_side(text: str) -> str | None:
    """ "control" when a value's words name the comparator, "intervention" when they name another arm."""
    words = text.split(",")[0]
    if _names_comparator(words):
        return "control"
    if re.search(r"\b(?:with|in|among|for|on|receiving|given|treated|taking|of)\b", words):
        return "intervention"
    return None


def _named_arm_side(low: str, span: tuple[int, int]) -> str:
    """The side of an arm known to be one (named before its value, or in a "respectively" list)."""
    return "control" if _names_comparator(low, *span) else "intervention"


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
    rates: bool = False,
) -> NumericResult | None:
    """Two arms' values as a result: none when no test is said and they are no rates (percentages); no difference
    when said not significant; the intervention's change when one arm is the comparator; the two arms kept, their
    change unclear, when the difference is significant and no control word tells them apart."""
    a, b = values
    if significant is False:
        return NumericResult(subject_end, "no_difference")
    if significant is None and not rates:
        # "a mean of 8.3 in the A group compared to 8.5 in the control group", no test: no result to read (the
        # share of patients with an event in each arm, "24.6% ... and 31.6%", is read: it is what is counted)
        return None
    if set(sides) == {"control", "intervention"}:
        first, second = (a, b) if sides[0] == "intervention" else (b, a)
        return NumericResult(subject_end, _change(first, second))
    if significant and sides == ("intervention", "intervention") and a != b:
        return NumericResult(subject_end, "unclear", arms=(Arm(spans[0], a), Arm(spans[1], b)))
    return None


def _listed_arms(scan: Scan, listed: re.Match[str], significance: Significance) -> NumericResult | None:
    """Arms listed against a comparator ("30% with A, 42% with B and 45% with C, compared with 78% with placebo"):
    the arms' change against the comparator when every listed arm went the same way and the comparator is a control
    (no difference when the sentence says it was not significant; none when it gives no test and they are no
    rates)."""
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
    significant = significance.at(listed.end())
    if significant is None and not control_pct:
        return None  # means or scores with no test said: no result to read (as _two_arms)
    if significant is False:
        return NumericResult(subject_end, "no_difference")
    return NumericResult(subject_end, changes.pop())


def _object_after(low: str, arm_b: tuple[int, int]) -> tuple[int, int] | None:
    """Where the outcome is named as the object of a verb that follows the second arm's words ("... and 21% on
    placebo achieved remission"), cut where its name ends (cues.OBJ_CUT); None when no such verb follows."""
    for match in _OBJECT_AFTER.finditer(low, *arm_b):
        obj = OBJ_CUT.sub("", match.group("obj")).strip()
        if len(obj) >= 3:
            return match.start("obj"), match.start("obj") + len(obj)
    return None


def _arms_in_subject(low: str, sentence_start: int, verb: int, values_end: int) -> re.Match[str] | None:
    """The two arms the subject names, in the order of the values that "respectively" follows: "the time to stone
    expulsion in groups 1 and 2 was 9.5 and 14.7 days, respectively"; None without "respectively" there."""
    if _RESPECTIVELY_NEXT.match(low, values_end) is None:
        return None
    arms = ARMS_IN_SUBJECT.search(low, max(sentence_start, verb - 90), verb)
    if arms is None or arms.start() <= sentence_start or _ARM_WORD.search(arms.group()) is None:
        return None  # "for the composite of mortality and hospitalization were 752 and 707": no arms named
    return arms


def _arms_before_values(low: str, sentence_start: int, subject_end: int, pair: re.Match[str]) -> re.Match[str] | None:
    """The two arms named just before a pair of values that a word of comparison sets against each other and that
    "respectively" follows (ARMS_BEFORE_VALUES); None when the values are not so compared, or no two names end the
    subject."""
    if subject_end < 0 or _COMPARED_LINK.search(low, pair.end("a"), pair.start("b")) is None:
        return None
    if _RESPECTIVELY_NEXT.match(low, pair.end("b")) is None:
        return None
    arms = ARMS_BEFORE_VALUES.search(low, max(sentence_start, subject_end - 90), subject_end)
    return arms if arms is not None and _ARM_WORD.search(arms.group()) is None else None


def _subject_end(low: str, value_start: int, sentence_start: int) -> int:
    verb = SUBJECT_VERB.search(low, max(sentence_start, value_start - 60), value_start)
    return verb.start() if verb is not None else -1


def _listed_respectively(scan: Scan, listed: re.Match[str], significance: Significance) -> NumericResult | None:
    """Three arms' values or more listed in the order of their arms' names and "respectively": the arms' change against
    the one arm a control word names, when every other arm went the same way from it; none without such an arm, or
    when the arms went both ways. A test said not significant is no difference; with no test said, nothing is read,
    rates neither: with three arms, which two the reader should set against each other is the test's to say ("adverse
    events occurred in 6.3%, 6.2% and 8.0% of the A, B and placebo groups" reports no effect)."""
    low = scan.low
    values = [(float(v), pct) for v, pct in _LISTED_NUMBER.findall(low, *listed.span("values"))]
    names = [n for n in _ARM_NAME_SPLIT.split(listed.group("names").strip()) if n]
    if len(values) != len(names) or len({pct for _, pct in values}) != 1:
        return None
    controls = [i for i, name in enumerate(names) if _names_comparator(name)]
    if len(controls) != 1:
        return None
    control = values[controls[0]][0]
    changes = {_change(value, control) for i, (value, _) in enumerate(values) if i != controls[0]}
    subject_end = _subject_end(low, listed.start(), scan.sentence_at(listed.start())[0])
    if subject_end < 0 or len(changes) != 1:
        return None
    significant = significance.at(listed.end())
    if significant is None:
        return None
    return NumericResult(subject_end, changes.pop() if significant else "no_difference")


def _arms_before_verbs(low: str, match: re.Match[str], significance: Significance) -> NumericResult | None:
    """Each arm named before its verb and value (ARM_VERB_PAIR), read as two arms' values are (_two_arms), the outcome
    named before the first arm; none unless both arms are groups or arms of the trial, or a control."""
    arms = (match.span("arm_a"), match.span("arm_b"))
    if not all(_ARM_WORD.search(low, *span) or _names_comparator(low, *span) for span in arms):
        return None
    (a, a_pct), (b, b_pct) = _value(match, "a"), _value(match, "b")
    if a_pct != b_pct:
        return None
    sides = (_named_arm_side(low, arms[0]), _named_arm_side(low, arms[1]))
    return _two_arms(match.start("arm_a"), (a, b), sides, arms, significance.at(match.end("b")), a_pct)


def numeric_results(scan: Scan, significance: Significance) -> list[NumericResult]:
    """The comparisons a statement reports in numbers (see the module's docstring); a ratio's numbers read with their
    decimal points printed as raised dots made full stops (significance.decimal_points)."""
    low = scan.low
    ratios = may_hold_ratio(scan)
    pairs = ratios or _GATE.search(low) is not None
    arms_first = "(" in low and any(mark in low for mark in TESTED_WORDS)
    verb_pairs = (" and " in low or "while" in low or "whereas" in low) and _VERB_PAIR_GATE.search(low) is not None
    if not pairs and not arms_first and not verb_pairs:
        return []
    results: list[NumericResult] = []
    taken: list[tuple[int, int]] = []
    if pairs and ("compared" in low or "vs" in low or "against" in low or "opposed" in low):
        for listed in ARM_LIST.finditer(low):
            found = _listed_arms(scan, listed, significance)
            if found is not None:
                results.append(found)
                taken.append(listed.span())
    for listed in VALUE_LIST_RESPECTIVELY.finditer(low) if "respectively" in low else ():
        found = _listed_respectively(scan, listed, significance)
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
        named = _object_after(low, match.span("arm_b")) if subject_end < 0 else None
        if subject_end < 0 and named is None:
            continue
        arm_b = match.group("arm_b") if named is None else low[match.start("arm_b") : named[0]]
        sides = (_arm_side(match.group("arm_a")), _arm_side(arm_b))
        spans = (_arm_words(low, match.span("arm_a")), _arm_words(low, match.span("arm_b")))
        if sides[0] is None and subject_end >= 0 and (
            in_subject := SUBJECT_ARM.search(low, max(sentence_start, subject_end - 80), subject_end)
        ) is not None:
            spans = ((in_subject.start(), in_subject.end()), spans[1])
            sides = (_named_arm_side(low, spans[0]), sides[1])
        respectively = RESPECTIVELY.search(low, match.end("b"), scan.sentence_at(match.start())[1])
        before_values = _arms_before_values(low, sentence_start, subject_end, match) if sides[0] is None else None
        if before_values is not None:
            spans = (before_values.span("first"), before_values.span("second"))
            sides = (_named_arm_side(low, spans[0]), _named_arm_side(low, spans[1]))
            subject_end = -1 if before_values.group("colon") else before_values.start()
        elif respectively is not None:
            spans = (respectively.span("first"), respectively.span("second"))
            sides = (_named_arm_side(low, spans[0]), _named_arm_side(low, spans[1]))
        elif subject_end >= 0 and (
            named_arms := _arms_in_subject(low, sentence_start, subject_end, match.start("arm_b"))
        ):
            # "X in the A and B groups was 9.5 and 14.7, respectively": the outcome is named before the arms
            spans = (named_arms.span("first"), named_arms.span("second"))
            sides = (_named_arm_side(low, spans[0]), _named_arm_side(low, spans[1]))
            subject_end = named_arms.start()
        found = _two_arms(subject_end, (a, b), sides, spans, significance.at(match.end("b")), a_pct)
        if found is not None and named is not None:
            found = replace(found, named=named)
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
    for match in ARM_VERB_PAIR.finditer(low) if verb_pairs else ():
        found = _arms_before_verbs(low, match, significance)
        if found is not None and not any(match.start() < end and start < match.end() for start, end in taken):
            results.append(found)
            taken.append(match.span())
    if ratios:
        for match in RATIO.finditer(significance.text):
            what = match.group("what")
            if what is None:
                continue
            significant = ratio_significant(match)
            value = float(match.group("value"))
            change: Change = "no_difference" if significant is False or value == 1.0 else (
                "decreased" if value < 1.0 else "increased"
            )
            start = match.start("what")
            results.append(NumericResult(-1, change, (start, start + len(what.rstrip()))))
    return results


def arms_compared_sentences(scan: Scan, results: Sequence[NumericResult] | None = None) -> frozenset[int]:
    """The sentences that report a significant difference between two arms no control word tells apart ("relapse
    rates were 12.4% in the A group and 3.4% in the B group (HR 0.19, 95% CI 0.04-0.92)"): each reports the effect of
    one arm against the other, whichever the intervention is (learned_results.by_arm orients it). results: the
    scan's numeric_results where a reader already has them (outcomes.find_outcomes_and_numbers), else read here."""
    if "signific" not in scan.low and TESTED_IN_NUMBERS.search(scan.low) is None and not may_hold_ratio(scan):
        return frozenset()  # the arms are kept only where their difference is said to be significant
    return frozenset(
        scan.sentence_index(result.arms[0].span[0])
        for result in (numeric_results(scan, Significance(scan)) if results is None else results)
        if result.arms is not None
    )
