"""Names of the intervention a clinician would accept, and verdicts that rest on what the statements say about it:
no dose, duration, number, negated phrase, study description, disease or author as a name; doses and routes as
signs that a drug was given; events of the control arm and outcomes compared between arms are not safety findings;
one statement against one is mixed; an unhedged report that the intervention was effective is a benefit.

The sentences here are written for these tests (fixtures in the style of citing statements of clinical trials), not
taken from a corpus."""

from __future__ import annotations

import pytest

from summarizer.citations import count_citations
from summarizer.engines.extractive import ExtractiveEngine, annotate, load_resources
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.treatment_names import clean_name, dose_in, is_name_word
from summarizer.models import Brief, Citing, Statement
from summarizer.pipeline import summarize


def _mentions(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    reading = annotate(text, resources_=load_resources())
    return [(m.name, m.anchors, m.therapy_frame) for m in reading.treatment.mentions]


def _names(text: str) -> list[str]:
    return [name for name, _, _ in _mentions(text)]


def _brief(*texts: str) -> Brief:
    statements = [Statement(id=f"S{i}", text=t, citing=Citing(doi=f"10.1/{i}")) for i, t in enumerate(texts, 1)]
    return summarize(statements, engine=ExtractiveEngine())


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Oral administration of 8 mg of dexamethasone proved effective in reducing pain after surgery [1].", "8 mg"),
        ("The recurrence rate was higher with lightweight mesh, but significant in only one group [1].", "only one"),
        ("Symptoms improved with paliperidone palmitate compared to placebo, without oral antipsychotic "
         "supplementation [1].", "without oral antipsychotic supplementation"),
        ("A previous smaller study testing 3 months treatment with probiotic did not lower BMI [1].",
         "study testing 3 months treatment"),
        ("Sperm volume did not change after 3-month treatment [1].", "3-month treatment"),
        ("The early use of nasal CPAP could be cost-effective in the treatment of RDS [1].", "RDS"),
    ],
)
def test_a_dose_a_duration_a_number_a_negation_a_study_or_a_disease_is_no_name(text: str, not_a_name: str) -> None:
    names = _names(text)
    assert not_a_name not in names
    assert not any(not_a_name in name for name in names)


def test_the_drug_of_a_dose_is_named_and_given() -> None:
    mentions = _mentions("Oral administration of 8 mg of dexamethasone reduced pain and trismus [1].")
    assert ("dexamethasone", ("dexamethasone",), True) in mentions


def test_an_author_is_no_treatment() -> None:
    text = ("In a study by Bin and Imran, 2010 [27], 200 mg/day of the same E. longifolia extract improved the semen "
            "parameters.")
    names = _names(text)
    assert "Bin" not in names
    assert any("longifolia extract" in name for name in names)


@pytest.mark.parametrize(
    "text",
    [
        "In the study by Attar et al., a single dosage of 600 mg ibuprofen reduced post-endodontic pain [35].",
        "Kutlu et al [27] reported intranasal midazolam to be 100% effective in controlling seizures.",
        "In the only placebo-controlled study, 1.8 g/day of eicosapentaenoic acid for 3 months reduced CAVI [28].",
    ],
)
def test_a_dose_or_a_route_says_the_drug_was_given(text: str) -> None:
    assert any(therapy for _, _, therapy in _mentions(text))


def test_a_concentration_is_no_dose() -> None:
    assert is_name_word("mg") is False
    assert dose_in(["600", "mg", "ibuprofen"]) and dose_in(["1.8", "g", "day", "of"])
    assert not dose_in(["of", "40", "mg", "dl"])


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("ofloxacin containing 4-month regimen", "ofloxacin-containing regimen"),
        ("156 mg injections", "injections"),
        ("same E. longifolia extract", "E. longifolia extract"),
        ("3-month treatment", "treatment"),
        ("high dose colchicine treatment", "colchicine treatment"),
        ("Web 2.0", "Web 2.0"),
        ("paliperidone palmitate 234 mg", "paliperidone palmitate"),
        ("bone marrow transplantation", "bone marrow transplantation"),
        ("Ad26.COV2.S vaccine", "Ad26.COV2.S vaccine"),
    ],
)
def test_a_name_as_a_clinician_writes_it(name: str, cleaned: str) -> None:
    assert clean_name(name) == cleaned


def test_a_chemical_locant_does_not_split_a_drug() -> None:
    first = _mentions("100,000 IU of 25-hydroxyvitamin D3 supplementation improved sputum conversion [8].")
    second = _mentions("Two trials found no difference in mortality after 10 mg of 25-hydroxyvitamin D3 [8,9].")
    assert "hydroxyvitamin" in first[0][1]
    assert any("hydroxyvitamin" in anchors for _, anchors, _ in second)


def test_who_the_patients_were_is_not_what_was_tested() -> None:
    brief = _brief(
        "In a study of diabetic patients under metformin, 40,000 IU weekly cholecalciferol had no effect on HbA1c "
        "compared with the placebo group [44].",
        "Antibiotic prophylaxis was more effective than placebo among those patients subjected to ostectomy [27].",
    )
    assert brief.target.intervention is not None and brief.target.intervention.name == "cholecalciferol"
    assert brief.efficacy.assessment == "no_benefit_reported"


def test_the_verum_group_names_no_treatment() -> None:
    brief = _brief(
        "Flu-like symptoms occurred in 61% of the verum group and in 42% of the placebo group (p = 0.31).",
        "Fever was reported in 20% of the verum group and 10% of the placebo group (p = 0.40).",
        "Antibody titres rose more in the verum group than in the placebo group (p < 0.01).",
    )
    assert brief.target.intervention is None


def test_an_author_year_beside_a_numbered_citation_is_the_same_work() -> None:
    assert count_citations("In a study by Bin and Imran, 2010 [27], the extract improved semen parameters.") == 1


def test_events_of_the_control_arm_are_no_adverse_events_of_the_intervention() -> None:
    brief = _brief(
        "Monaco et al [28] gave amoxicillin as prophylaxis to prevent wound infection after third molar removal.",
        "They [28] found a significant difference between patients receiving preoperative amoxicillin and the "
        "control group in the incidence of wound infection, while in the control group 4 patients developed "
        "wound infection.",
        "Amoxicillin prophylaxis was reported to be effective in a randomized trial [28].",
    )
    assert brief.target.intervention is not None
    assert brief.safety.assessment == "insufficient_evidence"


def test_more_events_than_in_the_placebo_group_stay_a_concern() -> None:
    brief = _brief(
        "Patients treated with amoxicillin developed more rash than those in the placebo group [3].",
        "Rash was more frequent with amoxicillin than in the placebo group, and it improved pain [3].",
    )
    assert brief.safety.assessment in ("concerns_reported", "mixed")


DEXAMETHASONE_NO_DIFFERENCE = (
    "Antunes et al [14] reported that 8 mg of dexamethasone proved effective in reducing pain and trismus after third "
    "molar surgery, but their results showed no differences for edema in two measures."
)


def test_an_outcome_that_did_not_differ_between_arms_is_no_reassurance() -> None:
    reading = annotate(DEXAMETHASONE_NO_DIFFERENCE, resources_=load_resources())
    assert reading.absent_events == ()  # an outcome compared between the arms, not an absent harm
    brief = _brief(
        DEXAMETHASONE_NO_DIFFERENCE,
        # a statement of the cited trial's own (not the citing work's: citing_own_findings.py)
        "In that trial [14], a single preoperative dose of 8 mg of dexamethasone had no significant effect on "
        "postoperative symptoms.",
    )
    assert brief.target.intervention is not None and brief.target.intervention.name == "dexamethasone"
    assert brief.safety.assessment == "insufficient_evidence"
    assert brief.efficacy.assessment == "mixed"


def test_one_statement_against_one_is_mixed_whatever_their_weights() -> None:
    brief = _brief(
        "Martineau et al. [8] showed that 25-hydroxyvitamin D3 supplementation significantly improved sputum "
        "conversion rates.",
        "However, two trials [8,9] found no difference in mortality after 10 mg of 25-hydroxyvitamin D3 was given "
        "to TB patients.",
    )
    assert brief.efficacy.assessment == "mixed"


@pytest.mark.parametrize(
    ("claim", "benefit"),
    [
        ("Kutlu et al [27] reported intranasal midazolam to be 100% effective in controlling seizure attacks.", True),
        ("Intranasal midazolam was shown to be effective in a randomised trial [27].", True),
        ("Other authors [27] used a clinical score to evaluate the efficacy of intranasal midazolam.", False),
        ("Intranasal midazolam may be effective in controlling seizure attacks [27].", False),
        ("Intranasal midazolam was not effective in controlling seizure attacks [27].", False),
        ("Intranasal midazolam was more effective than placebo only among children older than five [27].", False),
    ],
)
def test_a_report_that_the_intervention_worked_is_a_benefit(claim: str, benefit: bool) -> None:
    brief = _brief(claim, "Intranasal midazolam at 0.2 mg/kg was given to children with seizures [27].")
    if benefit:
        assert brief.efficacy.assessment == "benefit_reported"
        assert brief.efficacy.outcomes[0].quotes[0].text in claim
    else:
        assert brief.efficacy.assessment != "benefit_reported"


def test_a_change_verb_before_its_adverb_and_object() -> None:
    text = "In a study by Bin and Imran, 2010 [27], the extract improved significantly the semen parameters."
    outcomes = [(m.outcome, m.direction) for m in annotate(text, resources_=load_resources()).outcomes]
    assert ("semen parameters", "improved") in outcomes
    assert annotate("Mortality improved substantially in recent years [3].", resources_=load_resources()).outcomes == ()


@pytest.mark.parametrize(
    ("outcome", "change", "direction"),
    [
        ("symptom improvement", "increased", "improved"),
        ("pain relief", "increased", "improved"),
        ("time to clinical improvement", "decreased", "improved"),
        ("systolic blood pressure", "decreased", "improved"),
        ("DBPs", "decreased", "improved"),
    ],
)
def test_gains_are_good_to_have(outcome: str, change: str, direction: str) -> None:
    assert outcome_direction(outcome, change) == direction  # type: ignore[arg-type]


def test_treatment_as_usual_is_the_comparator() -> None:
    brief = _brief(
        "At 26 weeks, there were no differences between the iCBT and TAU groups in the outcomes of cognition "
        "(p = 0.45).",
        "The primary outcomes were not statistically significant at the 5% level between iCBT group and TAU group.",
        "However, people receiving iCBT rated their relationship more positively (p = 0.02).",
    )
    assert brief.target.intervention is not None and brief.target.intervention.name == "iCBT"
