"""The pieces of a p-value that cues.P_VALUE, cues.TESTED_IN_NUMBERS and significance.py's forms without a sign share
(cues.P_TEST, P_SIGN, P_NUMBER): a sentence one of them reads a test in, the others read the same. Sentences written
for these tests."""

from __future__ import annotations

import re

import pytest

from summarizer.engines.extractive.cues import P_NUMBER, P_VALUE, TESTED_IN_NUMBERS


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("sleep latency fell (p < 0.05)", "<", "0.05"),
        ("with a P-value = .3 for the trend", "=", ".3"),
        ("an escaped sign, p &lt; 0.001, from the export", "&lt;", "0.001"),
        ("p value ≥ 1.0 in the sensitivity analysis", "≥", "1.0"),
    ],
)
def test_a_p_value_with_its_sign_is_a_test_in_numbers(text: str, op: str, value: str) -> None:
    match = P_VALUE.search(text.lower())
    assert match is not None and (match["op"], match["value"]) == (op, value)
    assert TESTED_IN_NUMBERS.search(text.lower()) is not None


@pytest.mark.parametrize(
    "text", ["the p53 protein was expressed", "group p received 0.5 mg", "the p-value was not reported"]
)
def test_no_p_value_without_a_sign_and_a_number(text: str) -> None:
    assert P_VALUE.search(text) is None


def test_a_p_values_number_is_a_probability() -> None:
    number = re.compile(r"(?:" + P_NUMBER + r")\Z")
    assert all(number.match(value) for value in (".04", "0.001", "1", "1.00"))
    assert not any(number.match(value) for value in ("2.5", "10", "0.", "1.5"))
