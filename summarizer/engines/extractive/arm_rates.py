"""Rates of an event listed for each arm, the comparator's the highest: no concern of the intervention.

Trials list how often an event occurred in each arm: "adverse events occurred in 6%, 6% and 8% of patients in the
A, B and placebo groups, respectively", "nausea was reported by 12% with A and 10% with B, compared with 15% with
placebo". An event whose rate in the comparator arm (a control word names it: placebo, control, sham, usual or
standard care, untreated) is at least every other arm's is not an effect of the treatment, whatever its p-value: the
sentence reports no concern of the intervention. Read only where a sentence holds a percentage and a control word.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTROL_WORDS

_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
# "in the A, B and placebo groups, respectively": the arms' names in the order of the values
_ARMS_RESPECTIVELY = re.compile(
    r"\b(?:in|among|with|for|of|receiving)\s+(?:the\s+)?(?P<names>[^.;%()]{3,120}?)\s*(?:groups?|arms?)?\s*,?\s*"
    r"respectively\b"
)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# "15% with placebo", "15% in the control group": the value the comparator arm's name follows
_CONTROL_VALUE = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?)\s*%\s*(?:\([^()]{0,30}\)\s*)?(?:of\s+(?:patients|subjects|participants)\s+)?"
    r"(?:with|in|among|for|on|receiving|given)\s+(?:the\s+)?"
)
_ONE_WORD = re.compile(r"[\w\-]+\s+")


def comparator_highest(low: str, start: int, end: int) -> bool:
    """Whether the sentence low[start:end] lists an event's rate for each arm with the comparator's the highest."""
    sentence = low[start:end]
    if "%" not in sentence or CONTROL_WORDS.search(sentence) is None:
        return False
    values = [(m.start(), float(m.group(1))) for m in _PERCENT.finditer(sentence)]
    if len(values) < 2:
        return False
    if "respectively" in sentence:
        arms = _ARMS_RESPECTIVELY.search(sentence)
        if arms is not None:
            names = [n for n in _NAME_SPLIT.split(arms.group("names").strip()) if n]
            before = [v for pos, v in values if pos < arms.start()]
            if len(names) == len(before) >= 2:
                controls = [v for n, v in zip(names, before, strict=True) if CONTROL_WORDS.search(n)]
                others = [v for n, v in zip(names, before, strict=True) if not CONTROL_WORDS.search(n)]
                return len(controls) == 1 and bool(others) and controls[0] >= max(others)
    for match in _CONTROL_VALUE.finditer(sentence):
        word = _ONE_WORD.match(sentence, match.end())
        if CONTROL_WORDS.match(sentence, match.end()) is None and (
            word is None or CONTROL_WORDS.match(sentence, word.end()) is None
        ):
            continue
        control = float(match.group("value"))
        others = [v for pos, v in values if pos != match.start()]
        return bool(others) and control >= max(others)
    return False
