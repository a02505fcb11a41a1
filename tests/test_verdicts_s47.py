"""s47-verdicts: results the readers skipped. A superlative said of one arm among those compared (result_cues:
COMPARATIVE_OBJECT reads "had the lowest X" as "had lower X" against every other arm); "twice as likely" (LIKELIER);
three arms' values or more listed "respectively" against a control arm (numeric_results). The sentences are written
for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance


def _outcomes(text: str) -> dict[str, tuple[str, str]]:
    reading = annotate(text, resources_=load_resources())
    return {m.outcome.lower(): (m.change, m.direction) for m in reading.outcomes}


@pytest.mark.parametrize(
    ("text", "outcome", "change", "direction"),
    [
        # a superlative with a test between the arms and a comparison named
        ("The honey arm had the lowest cough scores of the three arms (p = 0.004).", "cough scores", "decreased",
         "improved"),
        ("Women given the new gel showed the highest cure rate compared with the two older creams (p = 0.01).",
         "cure rate", "increased", "improved"),
        # an effect measure stands for the comparison: "OR" after the superlative
        ("Children who received zinc had the shortest duration of fever (OR 0.52, 95% CI 0.31-0.88).",
         "duration of fever", "decreased", "improved"),
        # "best" judges, whatever the measure: improved
        ("The stiff collar gave the best neck alignment when compared with the soft and rigid collars (p < 0.001).",
         "neck alignment", "unclear", "improved"),
    ],
)
def test_a_superlative_said_of_an_arm_among_those_compared_is_its_result(
    text: str, outcome: str, change: str, direction: str
) -> None:
    assert _outcomes(text).get(outcome) == (change, direction)


@pytest.mark.parametrize(
    "text",
    [
        # who the patients were, not what they got: "with the highest"
        "Smokers with the highest nicotine intake were excluded from the honey arm.",
        # a course in time with no arm compared: no result between arms
        "The honey arm had the lowest cough scores on the third night.",
        # a correlation inside one group: ranked by a measure, not by arm (no arm, no comparison word)
        "Runners with the greatest weekly distance had the shortest recovery times (p = 0.03).",
    ],
)
def test_a_superlative_that_ranks_no_arms_is_no_result(text: str) -> None:
    found = _outcomes(text)
    assert not any(name.startswith(("cough", "recovery", "nicotine")) for name in found), found


def test_the_arms_a_superlative_ranks_are_no_part_of_the_measures_name() -> None:
    found = _outcomes("The honey arm had the lowest cough scores of the three arms (p = 0.004).")
    assert "cough scores" in found
    assert not any("arms" in name for name in found)


@pytest.mark.parametrize(
    "text",
    [
        "Smokers in the patch arm were twice as likely to quit smoking compared with those given placebo (p = 0.01).",
        "Mothers on the new app were 3 times as likely to quit smoking compared with the leaflet group.",
    ],
)
def test_a_multiple_as_likely_is_more_likely(text: str) -> None:
    assert _outcomes(text).get("quit smoking") == ("increased", "improved")


@pytest.mark.parametrize(
    "text",
    [
        "Mothers on the new app were half as likely to quit smoking compared with the leaflet group.",
        "Mothers on the new app were 0.5 times as likely to quit smoking compared with the leaflet group.",
    ],
)
def test_a_fraction_as_likely_is_not_read_as_more_likely(text: str) -> None:
    assert _outcomes(text).get("quit smoking", ("", ""))[0] != "increased"


def _listed(text: str) -> list[str]:
    scan = Scan(text, Resources())
    return [result.change for result in numeric_results(scan, Significance(scan))]


def test_three_arms_values_listed_respectively_are_read_against_the_control_arm() -> None:
    text = "Itch scores were 2.4, 3.0 and 5.9 in the low-dose, high-dose and vehicle groups, respectively (p = 0.003)."
    assert _listed(text) == ["decreased"]
    assert _outcomes(text).get("itch scores") == ("decreased", "improved")


def test_three_arms_values_whose_test_is_not_significant_are_no_difference() -> None:
    text = "Itch scores were 2.4, 3.0 and 5.9 in the low-dose, high-dose and vehicle groups, respectively (p = 0.31)."
    assert _listed(text) == ["no_difference"]


@pytest.mark.parametrize(
    "text",
    [
        # no test: three arms' rates report no effect by themselves
        "Rash occurred in 4.1%, 3.9% and 6.2% of patients in the low-dose, high-dose and sham groups, respectively.",
        # no control arm among those listed
        "Itch scores were 2.4, 3.0 and 5.9 in the cream, gel and ointment groups, respectively (p = 0.003).",
        # the treated arms went both ways from the control arm
        "Itch scores were 2.4, 7.0 and 5.9 in the low-dose, high-dose and vehicle groups, respectively (p = 0.003).",
    ],
)
def test_a_list_of_arms_values_with_no_test_no_control_or_both_ways_is_not_read(text: str) -> None:
    assert _listed(text) == []


def test_a_result_after_a_quantifier_floated_from_a_listed_subject_is_read() -> None:
    found = _outcomes("Anxiety scores, pain scores and opioid use were all lower in the music group (p = 0.01).")
    assert found.get("opioid use") == ("decreased", "improved")


def test_all_before_a_comparative_of_who_the_patients_were_is_no_result() -> None:
    assert _outcomes("The volunteers were all older than 65 years and were all smokers.") == {}


def test_the_first_values_preposition_repeated_before_the_second_still_pairs_them() -> None:
    text = "Wound infection occurred in 14% of the honey group and in 29% of the saline-control group (p = 0.02)."
    assert _listed(text) == ["decreased"]
    assert _outcomes(text).get("wound infection") == ("decreased", "improved")
    not_significant = "Wound infection occurred in 14% of the honey group and in 29% of the control group (p = 0.4)."
    assert _listed(not_significant) == ["no_difference"]


def test_a_count_after_and_in_with_no_value_of_its_own_pairs_nothing() -> None:
    # "in 25 patients" is who, not a share set against the 14%
    assert _listed("Wound infection occurred in 14% of the honey group and in 25 patients given saline.") == []


def test_an_outcomes_passive_before_each_arms_share_names_the_outcome() -> None:
    text = "Full healing was achieved in 64% of the honey group and 38% of the saline-control group (p = 0.01)."
    assert _outcomes(text).get("full healing") == ("increased", "improved")
    needed = "Rescue analgesia was needed in 20% of the nerve-block group versus 45% of the sham group (p = 0.01)."
    assert _outcomes(needed).get("rescue analgesia") == ("decreased", "improved")


def test_a_treatment_given_to_a_share_of_each_arm_is_no_outcome() -> None:
    # "given" is what was done to the patients, not what happened to them
    found = _outcomes("The dressing was given in 20% of the honey group versus 45% of the control group (p = 0.01).")
    assert "the dressing" not in found and "dressing" not in found
