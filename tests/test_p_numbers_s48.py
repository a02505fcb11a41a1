"""The number a p-value may be: a small p in e-notation is small, and a 1 running on into digits is no p of 1."""

import pytest

from summarizer.engines.extractive.cues import P_VALUE


@pytest.mark.parametrize(
    ("text", "value"),
    [("p = 2.4e-6", 2.4e-6), ("p < .001", 0.001), ("p = 1.0", 1.0), ("p = 1.", 1.0), ("p=0.5e-3", 0.5e-3)],
)
def test_a_p_value_is_read_whole(text: str, value: float) -> None:
    found = P_VALUE.search(text)
    assert found is not None
    assert float(found["value"]) == pytest.approx(value)


@pytest.mark.parametrize("text", ["p = 1.7 +/- 0.4 units", "p = 3.1 x 10-4", "p=12"])
def test_a_number_that_runs_on_past_a_one_is_no_p_of_one(text: str) -> None:
    assert P_VALUE.search(text) is None
