"""Names that are no treatment: a name the statements only report with a value ("RD = 4.1", "Total score: 18.2 vs.
22.9") is a measure or a statistic, never the intervention (valued_names.py); nor is a dose's size alone ("high" of "the
high dose group"). Sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_name, profile_with

from summarizer.engines.extractive.valued_names import occurrences, reported_with_value, valued_anchors


def test_a_name_set_equal_to_a_number_is_reported_with_its_value() -> None:
    assert reported_with_value("RD", "Weight fell more with yoga than with stretching (RD = 4.1 kg; 95% CI 1.2-7.0).")
    assert reported_with_value("OR", "Relapse was rarer after the new regimen (OR=0.61, p = 0.02).")


def test_a_name_given_one_value_per_arm_is_reported_with_its_value() -> None:
    assert reported_with_value("Sway index", "The yoga arm did better (Sway index: 18.2 vs. 22.9, p = 0.01).")
    assert reported_with_value("LVEF", "Left ventricular ejection fraction (LVEF): 54% versus 49% at one year.")


def test_an_arm_with_its_own_value_is_not_reported_with_a_value() -> None:
    # each arm's one value, no "versus" after it: the names are the arms
    assert not reported_with_value("yoga", "Walking distance rose (yoga: 412 ± 30 m; stretching: 398 ± 41 m).")
    # the arm's size in brackets after its name
    assert not reported_with_value("yoga", "The yoga group (n = 24) slept longer than the stretching group.")
    # a name compared, with no value after it
    assert not reported_with_value("yoga", "Pain fell more with yoga than with stretching (p = 0.02).")


def test_every_occurrence_must_stand_before_a_value() -> None:
    text = "The yoga arm improved (RD = 4.1 kg), and RD was larger in women."
    assert not reported_with_value("RD", text)
    assert not reported_with_value("RD", "Weight fell more with yoga (RDX = 4.1 kg).")  # not the whole word
    assert list(occurrences("RD and RDX and 3RD", "RD")) == [(0, 2)]


def test_valued_anchors_need_every_statement_that_names_it_to_give_its_value() -> None:
    names = {"rd": ["RD"], "yoga": ["yoga"]}
    texts = ["Weight fell more with yoga than with stretching (RD = 4.1 kg).", "The RD = 2.0 kg at one year."]
    assert valued_anchors(names, texts) == {"rd"}
    assert valued_anchors(names, [*texts, "RD was larger in women."]) == frozenset()
    assert valued_anchors({"rd": ["RD"]}, ["Weight fell more with yoga."]) == frozenset()  # never named: not valued


def test_a_learned_name_only_reported_with_its_value_is_not_the_intervention() -> None:
    texts = [
        "Systolic pressure fell more in the intervention group than in the control group (RD = 6.2 mmHg, p = 0.01).",
        "The intervention group had fewer headaches than the control group (RD = 2.1 days, p = 0.03).",
        "Anxiety scores were lower in the intervention group than in the control group (RD = 3.3, p = 0.04).",
    ]
    assert profile_with(texts, "RD").name is None  # a statistic, never an arm
    named = [text.replace("the intervention group", "the KLP group") for text in texts]
    assert profile_with(named, "RD", "KLP").name == "KLP"


DOSE_ARMS = (
    "The high dose supplementation gave significantly higher serum ferritin than the low dose (p = 0.01).",
    "Hemoglobin rose more in the high dose group than in the low dose group (p = 0.02).",
    "Fatigue fell in the high dose group, while it did not change with low dose iron (p = 0.04).",
)


def test_a_doses_size_alone_is_never_the_intervention() -> None:
    # "high" of "the high dose group" says how much of something, not what: no name rather than "high"
    assert profile_name(*DOSE_ARMS) is None


def test_the_drug_given_at_a_high_dose_is_still_named() -> None:
    more = (
        "Treatment with high dose iron sucrose significantly improved hemoglobin (p = 0.01).",
        "Patients treated with iron sucrose had less fatigue (p = 0.03).",
    )
    assert profile_name(*DOSE_ARMS, *more) == "iron sucrose"


def test_a_valued_name_is_found_after_a_bracket_or_quote_and_before_a_closing_one() -> None:
    texts = ["The effect was clear (WMD = 2.1 kg, 95% CI 1.0 to 3.2).", "Walking speed: WMD) = 0.3 m/s."]
    assert valued_anchors({"wmd": ["WMD"]}, texts) == frozenset({"wmd"})
    texts = ["Total pain score: 20.5 vs. 26.3 at week 4.", "The total pain score fell with the tablet."]
    assert valued_anchors({"pain": ["Total pain score"]}, texts) == frozenset({"pain"})
    texts = [*texts, "Total pain score improved in both arms."]
    assert valued_anchors({"pain": ["Total pain score"]}, texts) == frozenset()
