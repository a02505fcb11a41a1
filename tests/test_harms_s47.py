"""s47-harms: an effort counted until the body gives out, and events named by a lone verb (issue 23)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.event_nouns import event_noun
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better


@pytest.mark.parametrize(
    "outcome",
    [
        "number of squat repetitions to failure",
        "leg press reps to volitional failure",
        "time to exhaustion on the cycle ergometer",
        "distance until exhaustion",
        "cycles to muscular fatigue",
    ],
)
def test_an_effort_counted_until_the_body_gives_out_is_higher_is_better(outcome: str) -> None:
    assert rule_higher_is_better(outcome) is True
    assert outcome_direction(outcome, "increased") == "improved"


@pytest.mark.parametrize(
    "outcome",
    [
        "progression to renal failure",
        "treatment failure",
        "rate of heart failure",
        "admissions to hospital for heart failure",
    ],
)
def test_a_failure_that_ends_no_counted_effort_stays_a_harm(outcome: str) -> None:
    assert rule_higher_is_better(outcome) is False


def test_time_to_treatment_failure_keeps_its_reading() -> None:
    assert rule_higher_is_better("time to treatment failure") is True


@pytest.mark.parametrize(
    ("event", "noun"),
    [
        ("died", "death"),
        ("Died", "death"),
        ("collapsed", "collapse"),
        ("confused", "confusion"),
        ("agitated", "agitation"),
        ("infected", "infection"),
    ],
)
def test_a_lone_verb_form_is_named_by_its_noun(event: str, noun: str) -> None:
    assert event_noun(event) == noun


@pytest.mark.parametrize("event", ["generalized", "elevated", "decreased", "impaired"])
def test_a_lone_modifier_or_change_with_no_noun_of_a_harm_names_nothing(event: str) -> None:
    assert event_noun(event) is None


@pytest.mark.parametrize(
    "event", ["vomiting", "bleed", "severe rash", "prolonged QT", "drug-induced hepatitis", "shivering", "Red"]
)
def test_nouns_gerunds_and_longer_names_are_left_as_they_are(event: str) -> None:
    assert event_noun(event) == event


def test_a_case_reports_lone_verb_is_listed_by_its_noun_in_the_brief() -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    texts = [
        "A 54-year-old man collapsed an hour after an infusion of vancomycin.",
        "We report a fatal case of vancomycin toxicity.",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    claims = [finding.claim for finding in brief.safety.findings]
    assert "Collapse reported with vancomycin." in claims
    assert not any(claim.startswith("Collapsed") for claim in claims)


@pytest.mark.parametrize(
    ("quote", "outcome", "denied"),
    [
        ("So far there has been no increase in the incidence of pancreatitis or gout after gliptin use.", "gout", True),
        ("So far there has been no increase in the incidence of pancreatitis or gout after gliptin use.",
         "incidence of pancreatitis", True),
        ("In our cohort the vaccine did not increase the risk of febrile seizures.", "febrile seizures", True),
        ("We found no increased prevalence of psoriasis among the treated children.", "psoriasis", True),
        ("There was no reduction in the incidence of pancreatitis.", "incidence of pancreatitis", False),
        ("The regimen did not increase the number of patients with controlled asthma.", "controlled asthma", False),
        ("There was no significant increase in pain scores with the nerve block.", "pain scores", False),
        ("No increase in headache was seen, but nausea rose in the active arm.", "nausea", False),
    ],
)
def test_a_harms_rate_denied_a_rise(quote: str, outcome: str, denied: bool) -> None:
    from summarizer.engines.extractive.denied_rises import rise_denied_in

    assert rise_denied_in(quote, outcome) is denied


def test_a_harms_rate_denied_a_rise_is_no_absent_harm() -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    texts = [
        "A 45-year-old man developed a lymphoma one year after starting tacrolimus.",
        "Tacrolimus did not increase the risk of lymphoma in large registries.",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    claims = [finding.claim for finding in brief.safety.findings] + [o.claim for o in brief.efficacy.outcomes]
    assert "Lymphoma reported with tacrolimus." in claims
    assert not any(claim.startswith(("No lymphoma", "No difference in risk of lymphoma")) for claim in claims)
    assert brief.safety.assessment == "concerns_reported"


@pytest.mark.parametrize("event", ["patients", "Patients", "the children", "cases", "three women"])
def test_the_people_a_harm_befell_name_no_event(event: str) -> None:
    assert event_noun(event) is None
    assert event_noun(event, "We describe patients who developed a good response to the drug.") is None


@pytest.mark.parametrize(
    ("sentence", "harm"),
    [
        ("We report two cases of patients who developed neutropenia during mirtazapine treatment.", "neutropenia"),
        ("Three children who had severe hypoglycaemia after the first dose were admitted.", "severe hypoglycaemia"),
    ],
)
def test_the_people_are_named_by_the_harm_their_clause_names(sentence: str, harm: str) -> None:
    assert event_noun("patients", sentence) == harm


def test_a_case_series_of_patients_lists_their_harm_in_the_brief() -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    text = "We report two cases of patients who developed neutropenia during mirtazapine treatment."
    brief = summarize([Statement(id="S1", text=text)], engine=ExtractiveEngine())
    claims = [finding.claim for finding in brief.safety.findings]
    assert brief.safety.assessment == "concerns_reported"
    assert any(claim.startswith("Neutropenia reported with mirtazapine") for claim in claims)
    assert not any(claim.startswith("Patients") for claim in claims)


@pytest.mark.parametrize("event", ["patient-reported pain", "infant colic", "neonatal jaundice"])
def test_a_harm_named_with_a_people_word_stays(event: str) -> None:
    assert event_noun(event) == event
