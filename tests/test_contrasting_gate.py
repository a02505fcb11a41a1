"""The threshold on P(contrasting) that training stores (summarizer.training.extractive.contrasting_gate): the
lowest one at which the out-of-fold precision of an inferred `contrasting` reaches 0.8 over at least 10 guesses."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from summarizer.training.extractive import contrasting_gate  # noqa: E402

LABELS = ("supporting", "contrasting", "mentioning")


def _rows(p_contrasting: list[float], gold: list[str]) -> tuple[object, list[str]]:
    """Probabilities where contrasting has p and the rest is split between the two others (so contrasting is the
    likeliest label from p > 1/3)."""
    rows = [[(1 - p) / 2, p, (1 - p) / 2] for p in p_contrasting]
    return np.array(rows), gold


def test_the_lowest_threshold_that_reaches_the_precision_is_chosen() -> None:
    # 10 confident guesses that are right, 10 less confident ones that are wrong, and 20 true contrasting
    # statements the model gives little probability to
    p = [0.9] * 10 + [0.605] * 10 + [0.1] * 20
    gold = ["contrasting"] * 10 + ["mentioning"] * 10 + ["contrasting"] * 20
    oof, labels = _rows(p, gold)
    gate = contrasting_gate(oof, np.zeros(3), labels, LABELS)
    assert gate["contrasting_min_probability"] == 0.61  # the first step of the grid above the wrong guesses
    assert gate["contrasting_inner_cv"] == {"threshold": 0.61, "precision": 1.0, "recall": 0.3333, "predicted": 10}
    # two wrong guesses among twelve still reach 0.8: the threshold stays low enough to keep them
    p = [0.9] * 10 + [0.705] * 2 + [0.605] * 10
    gold = ["contrasting"] * 10 + ["mentioning"] * 12
    oof, labels = _rows(p, gold)
    assert contrasting_gate(oof, np.zeros(3), labels, LABELS)["contrasting_min_probability"] == 0.61


def test_no_threshold_when_the_precision_is_never_reached() -> None:
    p = [0.9] * 10 + [0.95] * 10
    gold = ["contrasting", "mentioning"] * 10
    oof, labels = _rows(p, gold)
    gate = contrasting_gate(oof, np.zeros(3), labels, LABELS)
    assert gate["contrasting_min_probability"] is None
    assert gate["contrasting_inner_cv_most_precise"]["precision"] == 0.5  # type: ignore[index]


def test_fewer_than_ten_guesses_are_too_few_to_measure() -> None:
    p = [0.9] * 9 + [0.5] * 20
    gold = ["contrasting"] * 9 + ["mentioning"] * 20
    oof, labels = _rows(p, gold)
    assert contrasting_gate(oof, np.zeros(3), labels, LABELS)["contrasting_min_probability"] is None


def test_the_offsets_the_engine_adds_are_taken_into_account() -> None:
    """With an offset that lowers contrasting's log-probability, as the shipped model's bias holds it, the same
    out-of-fold rows need a higher threshold... or lose the guesses altogether."""
    p = [0.9] * 10 + [0.6] * 10
    gold = ["contrasting"] * 10 + ["mentioning"] * 10
    oof, labels = _rows(p, gold)
    plain = contrasting_gate(oof, np.zeros(3), labels, LABELS)["contrasting_min_probability"]
    lowered = contrasting_gate(oof, np.array([0.0, -3.0, 0.0]), labels, LABELS)
    assert plain is not None
    assert lowered["contrasting_min_probability"] is None or lowered["contrasting_min_probability"] < plain
