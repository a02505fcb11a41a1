"""The target profile: whether the target studied an intervention, its name, and the statements about it; and the
verdicts about that intervention only."""

from __future__ import annotations

import pytest

from summarizer.citations import count_citations
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.target_profile import TreatmentTallies, profile_target
from summarizer.models import Brief, Citing, Source, Statement, Target
from summarizer.pipeline import summarize

MSC_TITLE = (
    "Safety and Feasibility of Umbilical Cord Mesenchymal Stem Cells in Patients with COVID-19 Pneumonia: "
    "A Pilot Study"
)
MSC_ABSTRACT = (
    "We aim to explore the safety and feasibility of umbilical cord mesenchymal stem cells (UC-MSCs) transplantation "
    "in severe COVID-19 patients."
)


def _statements(*texts: str) -> list[Statement]:
    return [Statement(id=f"S{i}", text=t, citing=Citing(doi=f"10.1/{i}")) for i, t in enumerate(texts, start=1)]


def _brief(*texts: str, target: Target | None = None) -> Brief:
    source = Source(format="statements", target=target or Target(), statements=_statements(*texts))
    return summarize(source, engine=ExtractiveEngine())


MECHANISM = (
    "PINK1 recruits Parkin to depolarized mitochondria [1].",
    "Parkin is a ubiquitin ligase that is activated by PINK1 [1].",
    "Cells treated with CCCP lose their membrane potential, which recruits Parkin [1].",
    "Loss of PINK1 increases the risk of Parkinson's disease [1].",
    "Mitochondrial quality control is impaired in neurons lacking Parkin [1].",
)


def test_a_mechanism_paper_has_no_intervention_and_no_verdict() -> None:
    brief = _brief(*MECHANISM)
    assert brief.target.intervention is None
    assert brief.safety.assessment == brief.efficacy.assessment == "insufficient_evidence"
    assert "does not appear to study an intervention" in brief.efficacy.summary
    assert brief.efficacy.summary.count(". ") == 0  # one plain sentence


def test_an_exposure_is_not_an_intervention() -> None:
    brief = _brief(
        "Exposure to the solvent trichloroethylene is associated with an increased risk of kidney cancer [1].",
        "Occupational exposure to trichloroethylene induced renal tubular damage in degreasing workers [1].",
        "Trichloroethylene exposure increased the incidence of kidney cancer [1].",
    )
    assert brief.target.intervention is None


def test_a_drug_with_effects_in_several_statements_is_the_intervention() -> None:
    brief = _brief(
        "Treatment with metformin extended lifespan in male mice [1].",
        "Metformin supplementation reduced oxidative damage and chronic inflammation in old mice [1].",
        "Metformin is an inhibitor of complex I [1].",
        *MECHANISM,
    )
    intervention = brief.target.intervention
    assert intervention is not None and "metformin" in intervention.name.lower()
    assert intervention.statement_ids == ["S1", "S2"]  # S3 names it but reports no effect
    assert brief.efficacy.assessment == "benefit_reported"
    assert brief.safety.assessment == "insufficient_evidence"
    assert {o.outcome for o in brief.efficacy.outcomes} >= {"lifespan", "oxidative damage"}


def test_treatments_tallied_a_part_at_a_time_give_the_same_profile() -> None:
    texts = [
        "Treatment with metformin extended lifespan in male mice [1].",
        "Metformin supplementation reduced oxidative damage and chronic inflammation in old mice [1].",
        "Metformin is an inhibitor of complex I [1].",
        *MECHANISM,
    ]
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    tallies = TreatmentTallies()
    for first in range(0, len(readings), 3):
        tallies.add([reading.treatment for reading in readings[first : first + 3]])
    at_once = profile_target(Target(), readings, res)
    assert at_once.name is not None and "metformin" in at_once.name.lower()
    assert profile_target(Target(), readings, res, tallies=tallies) == at_once


def test_one_statement_among_many_is_not_enough_for_an_intervention() -> None:
    brief = _brief("Treatment with metformin extended lifespan in male mice [1].", *MECHANISM * 6)
    assert brief.target.intervention is None


def test_the_title_names_the_intervention_and_its_statements() -> None:
    target = Target(title=MSC_TITLE, abstract=MSC_ABSTRACT)
    brief = _brief(
        "Studies have shown that intravenous MSC infusion in patients with COVID-19 is safe [3,4].",
        "PINK1 recruits Parkin [1].",
        target=target,
    )
    assert brief.target.intervention is not None
    assert brief.target.intervention.name == "umbilical cord mesenchymal stem cells"
    assert brief.target.intervention.statement_ids == ["S1"]
    assert brief.safety.assessment == "no_concerns_reported"


def test_a_lone_statement_against_a_consistent_majority_is_not_mixed() -> None:
    majority = [f"Treatment with remdesivir shortened the time to recovery in cohort {i} [1]." for i in range(4)]
    brief = _brief(*majority, "Treatment with remdesivir did not reduce mortality [1].")
    assert brief.efficacy.assessment == "benefit_reported"
    assert {o.direction for o in brief.efficacy.outcomes} == {"improved", "no_difference"}


def test_several_statements_each_way_are_mixed() -> None:
    brief = _brief(
        "Treatment with remdesivir shortened the time to recovery [1].",
        "Treatment with remdesivir reduced mortality in ventilated patients [1].",
        "Treatment with remdesivir did not reduce mortality [1].",
        "Remdesivir treatment did not improve survival in a second trial [1].",
    )
    assert brief.efficacy.assessment == "mixed"


def test_the_same_outcome_is_one_finding_and_summaries_show_the_first_ids_only() -> None:
    texts = [f"In trial {i}, treatment with remdesivir shortened the time to recovery [1]." for i in range(12)]
    brief = _brief(*texts)
    [outcome] = brief.efficacy.outcomes
    assert outcome.outcome == "time to recovery" and len(outcome.statement_ids) == 12
    assert "S1, S2, S3, S4, S5 and 7 more" in brief.efficacy.summary
    assert outcome.claim == "Time to recovery decreased with remdesivir (an improvement)."


def test_a_summary_stays_short_for_thousands_of_statements() -> None:
    texts = [f"Treatment with remdesivir shortened the time to recovery in site {i} [1]." for i in range(3000)]
    texts += [f"Patients given remdesivir developed a rash in ward {i} [1]." for i in range(3000)]
    brief = summarize(_statements(*texts), engine=ExtractiveEngine())
    assert brief.efficacy.assessment == "benefit_reported"
    assert len(brief.efficacy.summary) < 400 and len(brief.safety.summary) < 400


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Metformin extends lifespan [1].", 1),
        ("as shown before [1,7]", 2),
        ("as shown before [[1],7", 2),
        ("several trials [2-5] and [9]", 5),
        ("(Smith et al., 2020; Jones and Lee, 2019)", 2),
        ("in the patients either 39,45,47,48,54 .", 5),
        ("in the patients either 39,45,47 .  \n", 3),
        ("as reported 12-14", 2),
        ("of 12 patients 3, 4 were treated", 0),
        ("no citation at all", 0),
        ("Smith et al. 1998a found it", 1),
        ("the 2020 survey", 0),
    ],
)
def test_count_citations(text: str, expected: int) -> None:
    assert count_citations(text) == expected


def test_a_defined_short_form_counts_for_its_long_form() -> None:
    # the statement that defines BMMNC reports no effect; the one that reports an effect uses the short form only
    texts = (
        "Transplantation of bone marrow mononuclear cells (BMMNC) was feasible in ten patients with stroke [3].",
        "BMMNC therapy improved motor scores at six months [3].",
        "Transplantation of bone marrow mononuclear cells reduced infarct volume in rats [3].",
        "Stroke is a leading cause of disability [4].",
    )
    res = load_resources()
    readings = [annotate(t, resources_=res) for t in texts]
    unlinked = profile_target(Target(), readings, res)
    linked = profile_target(Target(), readings, res, texts=texts)
    assert unlinked.name == linked.name == "transplantation of bone marrow mononuclear cells"
    assert unlinked.statements == (2,)
    assert linked.statements == (1, 2)


def test_a_case_report_s_drug_named_as_the_cause_of_an_event_was_given() -> None:
    res = load_resources()
    texts = ["Severe hepatotoxicity secondary to methotrexate.", "Liver enzymes returned to normal within four weeks."]
    readings = [annotate(text, resources_=res) for text in texts]
    assert profile_target(Target(design="case_report"), readings, res, texts=texts).name == "methotrexate"
    # with no design read and no cue of animals or cells in the statement, the cause was given too
    assert profile_target(Target(), readings, res, texts=texts).name == "methotrexate"
    # a statement about animals, or a design that is not about treated patients, leaves the rule as it was: the
    # cause may be an animal's or a cell line's
    in_mice = ["Severe hepatotoxicity secondary to methotrexate in mice.", texts[1]]
    readings_in_mice = [annotate(text, resources_=res) for text in in_mice]
    assert profile_target(Target(), readings_in_mice, res, texts=in_mice).name is None
    assert profile_target(Target(design="animal"), readings, res, texts=texts).name is None


def test_of_drugs_equally_credited_the_one_named_where_the_patient_had_the_event_is_the_intervention() -> None:
    res = load_resources()
    texts = [
        "Reversal of benzodiazepine-induced sedation in a patient with severe anxiety.",
        "The sedation was successfully reversed by the administration of intravenous flumazenil.",
    ]
    readings = [annotate(text, resources_=res) for text in texts]
    # each is credited once; the benzodiazepine is the one named where the patient had the event
    assert profile_target(Target(design="case_report"), readings, res, texts=texts).name == "benzodiazepine"


def test_a_placebo_arm_is_never_the_intervention_even_where_an_event_is_reported() -> None:
    res = load_resources()
    texts = [
        "A patient developed severe dyspnea after placebo injection.",
        "Rash developed in a patient after placebo injection.",
    ]
    readings = [annotate(text, resources_=res) for text in texts]
    assert profile_target(Target(design="case_report"), readings, res, texts=texts).name is None


def test_with_no_design_read_a_cell_level_or_preclinical_effect_names_no_intervention() -> None:
    res = load_resources()
    for texts in (
        ["Preclinical studies have demonstrated a 300-fold increase in bleomycin toxicity with this delivery [9].",
         "In preclinical work, electric pulses increase the toxicity of bleomycin 300 times [9]."],
        ["A 300-fold increase in bleomycin cytotoxicity was found with this delivery [9].",
         "Electric pulses increase the cytotoxicity of bleomycin 300 times [9]."],
    ):
        readings = [annotate(text, resources_=res) for text in texts]
        assert profile_target(Target(), readings, res, texts=texts).name is None
