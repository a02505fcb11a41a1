"""How results are worded in trial reports and the papers that cite them: the outcome rules read each form.

The sentences are written for these tests (none is a dev sentence); each form is general English of reporting.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate
from summarizer.engines.extractive.outcomes import plausible_outcome_name
from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_names import names_comparator
from summarizer.engines.extractive.treatments import treatment_mentions


def _read(text: str) -> dict[str, tuple[str, str]]:
    return {m.outcome.lower(): (m.change, m.direction) for m in annotate(text).outcomes}


@pytest.mark.parametrize(
    ("text", "outcome", "change"),
    [
        ("Serum ferritin levels were significantly reduced by about 30% after twelve weeks.", "serum ferritin levels",
         "decreased"),
        ("Wound size and drainage volume were both significantly reduced using the new dressing (p < 0.01).",
         "drainage volume", "decreased"),
        ("Extubation time was found to be significantly longer in the morphine group than in the remifentanil group "
         "(p = 0.03).", "extubation time", "increased"),
        ("Serum albumin was significantly higher following the feeding protocol than after usual feeding (p = 0.02).",
         "serum albumin", "increased"),
        ("Children in group A reported significantly higher comfort scores as compared to group B (p = 0.01).",
         "comfort scores", "increased"),
        ("There were significantly more completed diaries in the reminder group than in the other group (p < 0.01).",
         "completed diaries", "increased"),
        ("Resting heart rate showed a significant reduction after the training programme (p = 0.01).",
         "resting heart rate", "decreased"),
        ("Peak flow was clearly reduced after the inhaled dose as compared to saline (p = 0.002).", "peak flow",
         "decreased"),
        ("The plaque index was found to be significantly low in the chewing gum group at 6 months (P < 0.05).",
         "plaque index", "decreased"),
        ("Patients in arm B showed statistically significant (p<0.05) higher response rates compared with arm A.",
         "response rates", "increased"),
        ("Significantly lesser number of women in the walking group developed gestational diabetes than controls.",
         "gestational diabetes", "decreased"),
    ],
)
def test_a_reported_change_is_read_in_the_forms_trials_word_it(text: str, outcome: str, change: str) -> None:
    assert _read(text)[outcome][0] == change


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The postoperative hemoglobin and platelet count were not significantly different.", "platelet count"),
        ("There was not a significant difference in the use of rescue inhalers between the arms (p = 0.41).",
         "use of rescue inhalers"),
        ("No between-group differences in walking speed were observed (p = 0.62).", "walking speed"),
        ("There was no statistical difference (p > 0.05) between the two groups regarding the length of hospital stay.",
         "length of hospital stay"),
    ],
)
def test_no_difference_is_read_in_the_forms_trials_word_it(text: str, outcome: str) -> None:
    assert _read(text)[outcome] == ("no_difference", "no_difference")


def test_more_effective_than_the_comparator_is_better_for_the_outcome_that_follows() -> None:
    read = _read("Drug Q was significantly more effective than placebo in relieving nocturnal cough over 8 weeks.")
    assert read["nocturnal cough"][1] == "improved"
    worse = _read("Drug Q was less effective than standard care at maintaining glycaemic control.")
    assert worse["glycaemic control"] == ("unclear", "worsened")


def test_a_greater_or_smaller_share_of_patients_is_a_change_in_what_they_had() -> None:
    assert _read("A greater proportion of patients given drug Q achieved clinical remission at week 8.")[
        "clinical remission"
    ][0] == "increased"
    assert _read("A significantly smaller percentage of participants developed wound infection (p = 0.01).")[
        "wound infection"
    ][0] == "decreased"


def test_who_the_patients_were_and_what_a_drug_was_stopped_for_are_no_result() -> None:
    # "with a more severe X" describes the patient; "improved with discontinuation of X" is not improved with X
    assert "severe neutropenia" not in _read("She developed fever associated with a more severe neutropenia.")
    assert not _read("His rash improved with discontinuation of the drug.")


def test_alternatives_after_of_are_one_measure_and_a_resolution_is_good_to_have() -> None:
    read = _read("A greater proportion of patients experienced complete resolution of heartburn or regurgitation.")
    assert list(read) == ["complete resolution of heartburn or regurgitation"]
    assert read["complete resolution of heartburn or regurgitation"] == ("increased", "improved")
    assert rule_higher_is_better("time to resolution of fever") is False
    assert rule_higher_is_better("time to pain relief") is False
    assert rule_higher_is_better("time to relapse") is True


def test_who_had_the_better_result_is_not_part_of_the_outcome_name() -> None:
    read = _read("Quality of life differed significantly, with better quality of life for the exercise group (p=.03).")
    assert read["quality of life"] == ("unclear", "improved")


def test_adverbs_alone_are_no_outcome() -> None:
    assert "only slightly" not in _read("The itch score of group B decreased only slightly from 4.1 to 3.9 (p = 0.4).")


def test_an_outcome_name_does_not_open_with_with_or_without() -> None:
    assert not plausible_outcome_name("without vomiting")
    assert plausible_outcome_name("nausea without vomiting")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Recovery was faster among the studied groups than expected.", "studied"),
        ("Patients treated with ZQ-12 needed fewer platelet transfusions (p = 0.02).", "platelet transfusions"),
        ("Relapses occurred under treatment with the new regimen.", "under treatment"),
        ("Outcomes were poorer in participants whose treatment was interrupted.", "participants whose treatment"),
        ("The so-called \u201con treatment\u201d analysis was also run.", "\u201con treatment"),
    ],
)
def test_words_that_are_not_a_treatments_name_stay_out_of_it(text: str, absent: str) -> None:
    names = [m.name for m in treatment_mentions(Scan(text, Resources()))]
    assert all(absent.lower() not in name.lower() for name in names), names


def test_a_verb_in_the_past_ends_a_name_and_a_name_of_its_own_in_ed_is_kept() -> None:
    names = [m.name for m in treatment_mentions(Scan("Patients treated with ZQ-12 needed fewer transfusions.",
                                                     Resources()))]
    assert all("needed" not in name for name in names)
    sled = [m.name for m in treatment_mentions(Scan("Recovery was shorter in the SLED group.", Resources()))]
    assert sled == ["SLED"]


@pytest.mark.parametrize(
    "text",
    [
        "The eruption improved dramatically within two days of the withdrawal of the antibiotic.",
        "Drug Z was stopped, after which the itching improved slowly.",
        "Her liver enzymes were gradually reduced after drug Z discontinuation.",
        "After discontinuing drug Z and starting steroids, her symptoms rapidly improved.",
    ],
)
def test_a_change_after_the_treatment_was_stopped_is_not_its_effect(text: str) -> None:
    assert not _read(text)


def test_stopping_as_an_outcome_or_a_syndrome_is_still_read() -> None:
    assert "smoking cessation rates" in _read("Smoking cessation rates were higher with drug Z than placebo (p<0.01).")
    assert "symptoms of withdrawal" in _read("Symptoms of withdrawal decreased significantly with drug Z (p<0.01).")


def test_a_name_written_with_its_dose_is_a_treatment() -> None:
    names = [m.name for m in treatment_mentions(Scan("Compared with placebo, QX 4 g/day reduced TG.", Resources()))]
    assert names == ["QX"]


@pytest.mark.parametrize("anchor", ["placebo", "sham-operated", "non-fluoridated", "nontreated"])
def test_an_arm_named_by_a_comparator_word_or_by_what_it_lacked_is_the_comparator(anchor: str) -> None:
    assert names_comparator(anchor)


@pytest.mark.parametrize("anchor", ["fluoridated", "non-invasive", "nonsteroidal", "shampoo"])
def test_other_names_are_not_the_comparator(anchor: str) -> None:
    assert not names_comparator(anchor)


def test_a_change_said_not_to_be_significant_or_a_trend_is_no_difference() -> None:
    assert _read("We observed a statistically nonsignificant reduction in wound area with drug Z.")["wound area"] == (
        "no_difference", "no_difference"
    )
    assert _read("There was a trend toward reduced mortality with drug Z.")["mortality"][0] == "no_difference"
    assert not any(name.startswith("difference") for name in _read(
        "Drug Z reduced wound area and showed significant differences favoring drug Z (p<0.01)."
    ))


def test_a_trend_named_by_an_adjective_is_no_result() -> None:
    read = _read("The increasing incidence of obesity and the rising use of drug Z call for caution.")
    assert read.get("incidence of obesity", ("unclear", "unclear")) == ("unclear", "unclear")
    assert _read("Drug Z is capable of reducing mortality in sepsis.")["mortality"] == ("decreased", "improved")


def test_a_clause_is_not_an_outcome_name() -> None:
    assert not plausible_outcome_name("drug Z improved survival")
    assert not plausible_outcome_name("relieved")
    assert plausible_outcome_name("time to improved mobility")
