"""s40-outnames: outcome names keep what narrows them, and sentences that report no result give no outcome (each on
a sentence written for the test)."""

from summarizer.engines.extractive.outcome_spans import split_pieces
from summarizer.engines.extractive.outcomes import find_outcomes


def _names(text: str) -> list[str]:
    return [m.outcome.lower() for m in find_outcomes(text)]


def test_overall_and_total_stay_in_the_name() -> None:
    assert _names("The median overall survival was longer in the treated group (p=0.01).") == ["overall survival"]
    assert _names("Total cholesterol was lower in the statin group.") == ["total cholesterol"]


def test_other_keeps_a_list_under_one_head() -> None:
    assert split_pieces("fibre and other nutrient intakes") == ["fibre and other nutrient intakes"]
    assert split_pieces("stroke and other vascular events") == ["stroke", "other vascular events"]
    assert split_pieces("fibre, sugar and fat intake") == ["fibre", "sugar", "fat intake"]


def test_a_cause_of_death_narrows_the_count() -> None:
    assert _names("No differences were seen between the arms in the number of deaths from stroke.") == [
        "number of deaths from stroke"
    ]


def test_a_power_calculation_reports_no_result() -> None:
    assert _names("The study had 80% power to show that the drug reduces relapse by 30%.") == []
    assert _names("The drug reduced relapse (p=0.02).") == ["relapse"]


def test_arms_alike_before_treatment_are_no_result() -> None:
    assert _names("Serum sodium was similar in the two arms at baseline.") == []
    assert _names("Serum sodium was similar in the two arms after surgery.") == ["serum sodium"]


def test_a_long_name_keeps_its_lead_word_and_its_measure() -> None:
    assert _names("The total loss of appetite in the first week of dosing was lower in the treated arm (p<0.05).") == [
        "total loss of appetite"
    ]


def test_a_sentence_adverb_overall_is_no_part_of_a_name() -> None:
    assert _names("Overall the rate of falls was lower in the treated group (p=0.03).") == ["rate of falls"]


def test_a_contrast_ends_the_before_treatment_clause() -> None:
    assert _names("At entry the arms were alike in age, but potassium was similar in both arms (p=0.6).") == [
        "potassium"
    ]
