"""s47-misreads: findings that misread their quotes (issue 23). Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.caused_drug import treats_the_event
from summarizer.engines.extractive.outcome_names import plausible_outcome_name, tidy_name
from summarizer.engines.extractive.patients_disease import names_the_indication, treated_after
from summarizer.engines.extractive.reading import annotate, load_resources
from summarizer.engines.extractive.unnamed_drug import GenericMentions


def _after(text: str, name: str, reversed_too: bool = False) -> bool:
    return treated_after(text, text.index(name) + len(name), reversed_too=reversed_too) is not None


@pytest.mark.parametrize(
    ("text", "name", "treated"),
    [
        ("Her gout (stage 2), was successfully managed by allopurinol.", "gout", True),
        ("The psoriasis was treated using topical calcipotriol.", "psoriasis", True),
        ("His migraines had been controlled with propranolol for years.", "migraines", True),
        # stopping a drug is no treatment given: it says the drug caused the condition
        ("The tremor was controlled by withdrawal of lithium.", "tremor", False),
        ("The rash resolved after the discontinuation of the drug and was treated by nothing else.", "rash", False),
        # who had it, not what it was given for
        ("Gout in patients treated with a diuretic is common.", "Gout", False),
    ],
)
def test_treated_after_a_name(text: str, name: str, treated: bool) -> None:
    assert _after(text, name) is treated


def test_reversed_is_read_for_the_drug_of_a_case_not_for_the_patients_disease() -> None:
    text = "The hypotension was promptly reversed with naloxone."
    assert _after(text, "hypotension", reversed_too=True)
    assert not _after(text, "hypotension")
    start = text.index("hypotension")
    # a harm that an antidote undid stays the harm: never the disease the patient had
    assert not names_the_indication(text, start, start + len("hypotension"))


@pytest.mark.parametrize(
    ("text", "event", "drug", "treats"),
    [
        ("A 50-year-old man had severe hiccups, successfully managed by oral baclofen.", "hiccups", "baclofen", True),
        ("Her seizures were controlled with valproate.", "seizures", "valproate", True),
        ("The coma (grade 3) reversed using naloxone within minutes.", "coma", "naloxone", True),
        # stopping the drug controlled the event: the drug caused it
        ("His dyskinesia was controlled by withdrawal of levodopa.", "dyskinesia", "levodopa", False),
    ],
)
def test_the_one_definition_serves_the_case_reports_drug(text: str, event: str, drug: str, treats: bool) -> None:
    assert treats_the_event(text, [event], text.index(drug)) is treats


@pytest.mark.parametrize(
    "name", ["two cohorts", "the two cohorts", "both cohorts", "three subgroups", "the strata", "four women",
             "two weeks", "both arms"],
)
def test_a_count_of_people_or_groups_is_no_outcome(name: str) -> None:
    assert not plausible_outcome_name(name)


@pytest.mark.parametrize(
    "name", ["two-year survival", "one-year mortality", "time to first relapse", "number of two-drug regimens",
             "birth weight"],
)
def test_an_outcome_with_a_number_in_it_stays(name: str) -> None:
    assert plausible_outcome_name(name)


def test_the_groups_that_did_not_differ_are_not_what_was_measured() -> None:
    outcomes = [m.outcome for m in annotate("The two cohorts did not differ in quality of life.").outcomes]
    assert outcomes == ["quality of life"]
    assert not annotate("The three cohorts did not differ significantly.").outcomes


def _read(text: str) -> dict[str, str]:
    return {m.outcome: m.change for m in annotate(text).outcomes}


def test_a_participles_consequence_of_a_stated_result_is_part_of_the_result() -> None:
    read = _read("Rapamycin inhibited the kinase in treated mice, leading to an increased survival time.")
    assert read.get("survival time") == "increased"


def test_a_consequence_a_modal_hedges_stays_hypothetical() -> None:
    read = _read("Rapamycin may inhibit the kinase, which may lead to an increased survival time.")
    assert "survival time" not in read


def test_to_before_a_determiner_is_a_preposition_not_a_purpose() -> None:
    assert _read("There was a trend to a lower heart rate with drug A (p = 0.3).").get("heart rate") == "no_difference"


def test_to_before_a_verb_is_still_a_purpose() -> None:
    assert not _read("The aim of giving drug A was to reduce the heart rate.")


_CASE = [
    "A 60-year-old man given carbamazepine developed a severe rash.",
    "Carbamazepine was withdrawn and treatment with prednisolone was started.",
    "Administration of this agent for a week did not shorten the course of the rash.",
    "Oral administration of cetirizine relieved the itch within days.",
    "The rash followed administration of anticonvulsants.",
]


def _generic_read_as_the_intervention(texts: list[str], design: str | None) -> dict[int, bool]:
    """For each statement's mention that names a treatment only by its kind, whether it is read as carbamazepine."""
    treatments = [annotate(text).treatment for text in texts]
    generic = GenericMentions(treatments, texts, {"carbamazepine"}, design, load_resources().drugs.terms)
    return {
        index: generic.interventions(index, treatment, mention)
        for index, treatment in enumerate(treatments)
        for mention in treatment.mentions
        if mention.anchors == ("administration",)
    }


def test_a_case_reports_anaphoric_drug_is_no_drugs_when_the_report_names_two() -> None:
    read = _generic_read_as_the_intervention(_CASE, "case_report")
    assert read[2] is False  # "this agent": carbamazepine's or prednisolone's
    assert read[3] is False  # "administration of cetirizine": cetirizine's
    assert read[4] is True  # a class of drugs, which may be the report's own drug's kind


def test_a_case_reports_anaphoric_drug_is_the_interventions_when_the_report_names_one() -> None:
    texts = [_CASE[0], _CASE[2]]
    assert _generic_read_as_the_intervention(texts, "case_report") == {1: True}


def test_a_trials_unnamed_arm_stays_the_interventions() -> None:
    assert _generic_read_as_the_intervention(_CASE, None) == {2: True, 3: True, 4: True}


@pytest.mark.parametrize(
    "name", ["Univariate analysis", "the adjusted regression analyses", "Post-hoc subgroup analyses",
             "smoking volunteers", "the elderly women", "obese adults"],
)
def test_a_method_or_the_people_as_the_names_head_is_no_outcome(name: str) -> None:
    assert not plausible_outcome_name(name)


@pytest.mark.parametrize(
    "name", ["semen analysis", "variables of the gait analysis", "hospital costs per patient",
             "survival of the elderly women", "body weight of the volunteers"],
)
def test_a_measure_of_people_or_of_an_analysis_stays(name: str) -> None:
    assert plausible_outcome_name(name)


@pytest.mark.parametrize(
    ("name", "tidied"),
    [
        ("wound dehiscence among the obese women", "wound dehiscence"),
        ("headache in the three volunteers", "headache"),
        ("the proportion of volunteers", "proportion of volunteers"),  # "of" counts them: the measure
        ("hospital costs per patient", "hospital costs per patient"),
    ],
)
def test_the_people_a_measure_was_taken_in_are_cut_from_its_name(name: str, tidied: str) -> None:
    assert tidy_name(name) == tidied
