"""s48-verdicts: each arm named before its own verb and value (numeric_results.ARM_VERB_PAIR: "X in the A group was
4.1 and in the placebo group was 6.3 (p = 0.01)"); a discharge from the body is a symptom (polarity._discharge_read);
and the measures of where verdicts are lost: bench/why_no_verdict.py
--forms classes every labelled change by its grammatical form; bench/significant_prior.py measures how often a
significant labelled change is a benefit (the ceiling of a polarity learned from the labels alone). The sentences and
names are written for these tests, not taken from any corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from significant_prior import benefit, prompts  # noqa: E402
from why_no_verdict import form_of  # noqa: E402

from summarizer.engines.extractive import annotate, load_resources  # noqa: E402
from summarizer.engines.extractive.numeric_results import numeric_results  # noqa: E402
from summarizer.engines.extractive.polarity import rule_higher_is_better  # noqa: E402
from summarizer.engines.extractive.resources import Resources  # noqa: E402
from summarizer.engines.extractive.scan import Scan  # noqa: E402
from summarizer.engines.extractive.significance import Significance  # noqa: E402


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Relapse was less frequent with the gel (OR 0.41, 95% CI 0.2-0.8).",
         "effect measure (OR, RR, HR, rate ratio)"),
        ("Scores were 4.1 and 6.3 in the gel and cream groups, respectively (p = 0.02).",
         "values listed 'respectively'"),
        ("The gel arm had the lowest cough scores of the three arms (p = 0.01).", "superlative of an arm"),
        ("Cough score 4.1 (1.2) 6.3 (1.4) 0.02", "table row (figures, no verb)"),
        ("Cough scores were 4.1 with the gel versus 6.3 with the cream (p = 0.02).",
         "two arms' values (vs, compared with)"),
        ("Cough scores were lower with the gel than with the cream (p = 0.02).",
         "comparative (than, higher, fewer, more)"),
        ("The gel reduced cough scores (p = 0.02).", "change verb or noun"),
        # a difference with no side said: none of the forms
        ("Cough scores differed significantly between the arms (p = 0.02).", "other"),
    ],
)
def test_a_labelled_change_is_classed_by_its_first_matching_form(sentence: str, form: str) -> None:
    assert form_of(sentence) == form


@pytest.mark.parametrize(
    ("label", "higher_is_better", "expected"),
    [
        ("increased", True, True),  # more of a good outcome
        ("decreased", False, True),  # less of a bad one
        ("increased", False, False),  # more of a bad one: the prior is wrong here
        ("decreased", True, False),
    ],
)
def test_a_change_is_a_benefit_when_it_goes_the_outcomes_good_way(
    label: str, higher_is_better: bool, expected: bool
) -> None:
    assert benefit(label, higher_is_better) is expected


def test_prompts_keep_the_changes_of_the_split_once_per_prompt(tmp_path: Path) -> None:
    rows = [
        {"pmcid": "1", "prompt_id": "a", "outcome": "cough  score", "label": "decreased"},
        {"pmcid": "1", "prompt_id": "a", "outcome": "cough score", "label": "decreased"},  # the same prompt again
        {"pmcid": "1", "prompt_id": "b", "outcome": "wheeze", "label": "no_difference"},  # no change
        {"pmcid": "2", "prompt_id": "c", "outcome": "sleep", "label": "increased"},
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    import significant_prior

    everyone = significant_prior.papers_of
    try:
        significant_prior.papers_of = lambda split: (lambda pmcid: pmcid == "1")  # type: ignore[assignment]
        assert prompts(path, "train") == [("cough score", "decreased")]
    finally:
        significant_prior.papers_of = everyone


def _outcomes(text: str) -> dict[str, str]:
    return {m.outcome.lower(): m.change for m in annotate(text, resources_=load_resources()).outcomes}


@pytest.mark.parametrize(
    ("text", "outcome", "change"),
    [
        # a spread after each value, a test after the second
        ("The mean itch score in the lotion group was 3.2 ± 1.1 and in the placebo group was 5.9 ± 1.4 (P = 0.003).",
         "itch score", "decreased"),
        # "that in" before the second arm, the first value's other unit in brackets
        ("The duration of sleep in the melatonin group was 7.1 h (426 min) and that in the control group was 6.2 h "
         "(P = 0.02).", "duration of sleep", "increased"),
        # rates are read with no test said, as two arms' values set side by side are
        ("The cure rate in the lotion group was 64% and in the placebo group was 31%.", "cure rate", "increased"),
        # a test said not significant: no difference, whichever way the values lie
        ("The mean itch score in the lotion group was 3.2 and in the placebo group was 3.9 (P = 0.41).",
         "itch score", "no_difference"),
    ],
)
def test_each_arm_named_before_its_verb_and_value_is_read_against_the_control(
    text: str, outcome: str, change: str
) -> None:
    assert _outcomes(text).get(outcome) == change


@pytest.mark.parametrize(
    "text",
    [
        # means with no test said: no result (as two arms' values are)
        "The mean itch score in the lotion group was 3.2 and in the placebo group was 5.9.",
        # subgroups of people, not arms: no group's word, no control
        "The mean itch score in men was 3.2 and in women was 5.9 (P = 0.01).",
    ],
)
def test_values_of_no_two_arms_or_with_no_test_are_no_result(text: str) -> None:
    assert "itch score" not in _outcomes(text)


def test_two_arms_no_control_word_tells_apart_are_kept_for_the_named_intervention() -> None:
    text = "The mean itch score in the lotion group was 3.2 and in the cream group was 5.9 (P = 0.01)."
    scan = Scan(text, Resources())
    results = numeric_results(scan, Significance(scan))
    assert [r.change for r in results] == ["unclear"]
    first, second = results[0].arms or ()
    assert text[slice(*first.span)] == "in the lotion group" and (first.value, second.value) == (3.2, 5.9)


@pytest.mark.parametrize(
    ("outcome", "higher_is_better"),
    [
        # a discharge from the body is a symptom: less is better
        ("nasal discharge", False),
        ("purulent discharge from the wound", False),
        ("discharge from the ear at day 7", False),
        # the symptom's relief is good to have, as any harm's is
        ("reduction in vaginal discharge", True),
        # a discharge that only dates the measure: the measure decides
        ("opioid consumption after PACU discharge", False),
        ("pain scores following hospital discharge", False),
        # leaving care is still good to have, and the time to it still short is better
        ("discharge rate", True),
        ("discharge home by day 3", True),
        ("time to discharge", False),
    ],
)
def test_a_discharge_from_the_body_is_a_symptom_and_one_that_dates_a_measure_is_no_outcome(
    outcome: str, higher_is_better: bool
) -> None:
    assert rule_higher_is_better(outcome) is higher_is_better
