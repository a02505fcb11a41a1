"""The grammar of comparisons (issue 23, s46-grammar): a parenthesis's commas end no clause of a comparison, the
test of the arms' difference decides a change measured within one arm, "as opposed to" sets two values against
each other, and a modal is a whole word ("can" is none in "cancer"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.cues import HYPOTHETICAL
from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance, p_significant
from summarizer.engines.extractive.treatment_frames import as_reference
from summarizer.engines.extractive.within_groups import within_groups_only


def _references(text: str, names: list[str]) -> dict[str, bool]:
    scan = Scan(text, Resources())
    found = {}
    for name in names:
        first = scan.toks.index(name)
        found[name] = as_reference(scan, first, scan.sentences()[scan.sentence_index(scan.starts[first])])
    return found


def test_every_arm_listed_after_compared_with_is_a_reference_past_bracketed_figures() -> None:
    text = (
        "Relapse was more common with placebo (41/90, 46%) than with lithium (20/88, 23%) or valproate (24/91, 26%)."
    )
    assert _references(text, ["placebo", "lithium", "valproate"]) == {
        "placebo": False, "lithium": True, "valproate": True
    }


def test_a_comma_outside_the_brackets_still_ends_the_comparison() -> None:
    text = "Relapse was rarer with lithium (20/88, 23%) than with placebo (41/90, 46%), and valproate halved it."
    assert _references(text, ["lithium", "placebo", "valproate"]) == {
        "lithium": False, "placebo": True, "valproate": False
    }


def test_a_comparison_inside_brackets_makes_no_reference_of_a_name_after_them() -> None:
    text = "Night pain eased with lithium (versus placebo) and valproate also eased it."
    assert _references(text, ["lithium", "placebo", "valproate"]) == {
        "lithium": False, "placebo": True, "valproate": False
    }


def _mention(quote: str, change: str = "increased") -> OutcomeMention:
    return OutcomeMention("grip strength", change, "improved", quote)  # type: ignore[arg-type]


def test_a_change_in_one_arm_whose_test_between_the_arms_is_not_significant_is_within_the_groups() -> None:
    quote = (
        "Grip strength rose from 21.0 kg to 24.5 kg over 12 weeks (P = 0.01) in the creatine arm only "
        "(between-group difference P = 0.27)."
    )
    assert within_groups_only(_mention(quote))


def test_a_change_whose_difference_between_the_groups_is_significant_stays_a_result() -> None:
    quote = (
        "Grip strength rose from 21.0 kg to 24.5 kg over 12 weeks (P = 0.01) in the creatine arm only, and the "
        "difference between the groups was significant (p = 0.004)."
    )
    assert not within_groups_only(_mention(quote))


def test_a_test_between_the_groups_at_baseline_does_not_undo_a_difference_affirmed_after_treatment() -> None:
    quote = (
        "At entry the arms did not differ (difference between the groups p = 0.5), but after eight weeks grip "
        "strength was higher in the creatine arm, a significant difference (p = 0.02)."
    )
    assert not within_groups_only(_mention(quote))


def test_a_no_difference_is_left_to_the_reading_whatever_the_test_between_the_groups() -> None:
    quote = "Grip strength did not change in either arm (between-group difference P = 0.61)."
    assert not within_groups_only(_mention(quote, "no_difference"))


@pytest.mark.parametrize(
    ("op", "value", "significant"), [("<", 0.19, False), ("<", 0.05, True), ("=", 0.049, True), (">", 0.01, False)]
)
def test_a_p_value_is_significant_by_its_sign_and_value(op: str, value: float, significant: bool) -> None:
    assert p_significant(op, value) is significant


def _values(text: str) -> list[tuple[float, ...]]:
    scan = Scan(text, Resources())
    return [
        tuple(arm.value for arm in result.arms or ()) for result in numeric_results(scan, Significance(scan))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wound infection occurred in 3% of the patients given the antiseptic as opposed to 11% of those given saline "
        "(p = 0.02).",
        "Wound infection occurred in 3% of the patients given the antiseptic as opposed to the 11% of those given "
        "saline (p = 0.02).",
    ],
)
def test_as_opposed_to_sets_two_arms_values_against_each_other(text: str) -> None:
    assert _values(text) == [(3.0, 11.0)]


def test_as_opposed_to_before_no_second_value_pairs_nothing() -> None:
    text = "Wound infection was seen in 3% of the patients, as opposed to what earlier series reported (p = 0.02)."
    assert _values(text) == []


@pytest.mark.parametrize(
    "before",
    [
        "in patients with cancer, ", "candesartan ", "pain in the shoulder ", "at the mayo clinic, ",
        "a mustard poultice ",
    ],
)
def test_a_word_that_starts_like_a_modal_is_no_conjecture(before: str) -> None:
    assert HYPOTHETICAL.search(before) is None


@pytest.mark.parametrize(
    "before", ["the drug may ", "it can ", "this should ", "we aimed to ", "we hypothesised that it ", "whether "]
)
def test_modals_purposes_and_questions_are_conjectures(before: str) -> None:
    assert HYPOTHETICAL.search(before) is not None


def _changes(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in annotate(text, resources_=load_resources()).outcomes]


def test_a_result_after_a_word_that_starts_like_a_modal_is_read() -> None:
    text = "In women with breast cancer, the new regimen reduced local recurrence (p = 0.003)."
    assert ("local recurrence", "decreased") in _changes(text)


def test_a_result_a_modal_hedges_is_not_read() -> None:
    text = "In women with breast cancer, the new regimen may reduce local recurrence."
    assert ("local recurrence", "decreased") not in _changes(text)
