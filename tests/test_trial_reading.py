"""Reading what the citing statements of clinical trials say: outcome polarity of times and durations, results in
numbers and their significance, adverse events reported as an outcome, trial arms, and non-drug interventions.

The sentences here are written for these tests (fixtures in the style of citing statements of the ACTT-1 trial and
other trials), not taken from a corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine, annotate, load_resources
from summarizer.engines.extractive.learned_results import LearnedResults
from summarizer.engines.extractive.outcomes import find_outcomes, plausible_outcome_name
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.models import Brief, Statement
from summarizer.pipeline import summarize


def _outcomes(text: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in annotate(text, resources_=load_resources()).outcomes]


def _treatments(text: str) -> list[tuple[str, bool]]:
    reading = annotate(text, resources_=load_resources())
    return [(m.name, m.therapy_frame) for m in reading.treatment.mentions]


@pytest.mark.parametrize(
    ("outcome", "decreased_means"),
    [
        ("median recovery time", "improved"),
        ("time to recovery", "improved"),
        ("time to clinical improvement", "improved"),
        ("length of hospital stay", "improved"),
        ("hospital stay", "improved"),
        ("duration of symptoms", "improved"),
        ("sleep onset latency", "improved"),
        ("time to progression", "worsened"),
        ("time to first exacerbation", "worsened"),
        ("survival time", "worsened"),
        ("progression-free survival", "worsened"),
        ("ventilator-free days", "worsened"),
        ("duration of analgesia", "worsened"),
        ("28-day mortality", "improved"),
        ("HDL cholesterol", "worsened"),
        ("time required for response selection", "improved"),
        ("time needed to complete the task", "improved"),
        ("control of postoperative facial swelling", "worsened"),
        ("seizure control", "worsened"),
        ("time to first rescue analgesia", "worsened"),
        ("use of rescue medication", "improved"),
    ],
)
def test_times_and_durations_go_by_what_they_measure(outcome: str, decreased_means: str) -> None:
    assert outcome_direction(outcome, "decreased") == decreased_means
    assert outcome_direction(outcome, "increased") != decreased_means


def test_a_shorter_recovery_time_is_an_improvement_whatever_surrounds_it() -> None:
    text = ("In the ACTT-1 trial, remdesivir shortened median recovery time from 15 to 10 days compared with "
            "placebo [1].")
    assert _outcomes(text) == [("median recovery time", "decreased", "improved")]


def test_two_arms_in_numbers_with_a_difference_said_not_significant_are_no_difference() -> None:
    text = ("Mortality by day 29 was 11.4% with remdesivir and 15.2% with placebo, a difference that was not "
            "significant [1].")
    assert _outcomes(text) == [("Mortality by day 29", "no_difference", "no_difference")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dexamethasone reduced 28-day mortality (rate ratio 0.64; 95% CI 0.51-0.81) [1].",
         ("28-day mortality", "decreased", "improved")),
        ("The hazard ratio for death was 0.73 (95% CI, 0.52 to 1.03) with remdesivir [1].",
         ("death", "no_difference", "no_difference")),
        ("The hazard ratio for death was 0.62 (95% CI, 0.45 to 0.85) with the drug [1].",
         ("death", "decreased", "improved")),
        ("Remdesivir reduced mortality, although not significantly [1].",
         ("mortality", "no_difference", "no_difference")),
        ("The incidence of relapse was 16 (41%) in the control group and 13 (32%) in the ketorolac group "
         "(P = 0.526) [1].", ("incidence of relapse", "no_difference", "no_difference")),
        ("Pain scores were 2.1 in the acupuncture group and 4.3 in the sham group (p < 0.01) [1].",
         ("Pain scores", "decreased", "improved")),
        ("Fewer patients in the intervention group developed postoperative complications [1].",
         ("postoperative complications", "decreased", "improved")),
        ("More patients in the placebo group required mechanical ventilation [1].",
         ("mechanical ventilation", "decreased", "improved")),
        ("Dexamethasone had no effect on mortality in patients not receiving oxygen [1].",
         ("mortality", "no_difference", "no_difference")),
        ("Bariatric surgery reduced the incidence of type 2 diabetes by 80% compared with usual care [1].",
         ("incidence of type 2 diabetes", "decreased", "improved")),
    ],
)
def test_results_as_trials_report_them(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _outcomes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The number of complications (1.4 versus 3.9, P < 0.05) and the duration of ventilation (1 versus 5 days, "
        "P < 0.01) were lower in group I.",
        "Walking distance showed a 75% improvement in the electrostimulation group (p<0.001).",
        "Peak pressure was significantly lower using PRVC than with VC.",
    ],
)
def test_outcome_names_are_never_arms_p_values_or_prepositions(text: str) -> None:
    for name, _, _ in _outcomes(text):
        assert "group" not in name and "<" not in name and not name.startswith(("in ", "using "))


def test_adverse_events_as_an_outcome_speak_to_safety() -> None:
    fewer = annotate("Serious adverse events were reported in 24.6% of patients receiving remdesivir and 31.6% of "
                     "those receiving placebo [1].", resources_=load_resources())
    assert fewer.safety_signal == "reassuring" and not fewer.outcomes
    assert [m.outcome for m in fewer.safety_outcomes] == ["Serious adverse events"]
    more = annotate("Adverse events were more frequent with remdesivir than with placebo (p<0.01) [1].",
                    resources_=load_resources())
    assert more.safety_signal == "concern" and more.adverse_events == ("Adverse events",)
    similar = annotate("The incidence of adverse events was similar between the remdesivir and placebo groups [1].",
                       resources_=load_resources())
    assert similar.safety_signal == "reassuring"


def test_no_effect_on_an_outcome_is_not_an_absent_adverse_event() -> None:
    reading = annotate("Dexamethasone had no effect on mortality [1].", resources_=load_resources())
    assert reading.absent_events == () and reading.safety_signal == "none"


def test_a_trial_arm_names_what_it_was_given_and_a_trial_acronym_is_not_a_treatment() -> None:
    assert ("ketorolac", True) in _treatments("Emergence agitation was less frequent in the ketorolac group [1].")
    names = [name for name, _ in _treatments("In the ACTT-1 trial, remdesivir shortened recovery [1].")]
    assert names == ["remdesivir"]
    assert not _treatments("Attrition was high in the usual care arm [1].")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Exercise training improved quality of life in patients with heart failure [1].", "Exercise training"),
        ("The intensive lifestyle intervention produced a mean weight loss of 8.6% [1].",
         "intensive lifestyle intervention"),
        ("Cognitive behavioural therapy reduced depressive symptoms compared with usual care [1].",
         "Cognitive behavioural therapy"),
        ("Laparoscopic cholecystectomy shortened hospital stay [1].", "Laparoscopic cholecystectomy"),
        ("Acupuncture reduced pain scores compared with sham [1].", "Acupuncture"),
        ("Modest weight loss improves glycaemic control in type 2 diabetes [1].", "weight loss"),
    ],
)
def test_behavioural_lifestyle_and_surgical_interventions_are_treatments(text: str, name: str) -> None:
    assert name in [found for found, _ in _treatments(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Semaglutide caused weight loss in most patients [1].",
        "The antibody protected hamsters from weight loss [1].",
        "Exercise capacity improved with the drug [1].",
    ],
)
def test_weight_loss_as_an_outcome_and_exercise_as_a_measure_are_no_treatments(text: str) -> None:
    names = [name.lower() for name, _ in _treatments(text)]
    assert "weight loss" not in names and "exercise" not in names


def test_the_brief_of_a_trials_citing_statements() -> None:
    texts = [
        "In the ACTT-1 trial, remdesivir shortened median recovery time from 15 to 10 days compared with placebo [1].",
        "Serious adverse events were reported in 24.6% of patients receiving remdesivir and 31.6% of those "
        "receiving placebo [1].",
        "Mortality by day 29 was 11.4% with remdesivir and 15.2% with placebo, a difference that was not "
        "significant [1].",
        "Remdesivir was superior to placebo in shortening the time to recovery in adults hospitalized with "
        "Covid-19 [1].",
    ]
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.target.intervention is not None and brief.target.intervention.name == "remdesivir"
    assert brief.efficacy.assessment == "benefit_reported"
    assert brief.safety.assessment == "no_concerns_reported"
    claims = {o.claim for o in brief.efficacy.outcomes}
    assert "Median recovery time decreased with remdesivir (an improvement)." in claims
    assert "No difference in mortality by day 29 with remdesivir." in claims
    assert [f.claim for f in brief.safety.findings] == ["Serious adverse events decreased with remdesivir."]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a word of measurement alone, an arm, or an adverb's phrase is no outcome; the name ends before "both"
        ("Mean blood pressure fell more in the exercise group, but this was not statistically significant.", None,
         {"more"}),
        ("There were no significant differences in balance for the yoga group and the walking group.", None,
         {"walking group", "the walking group"}),
        ("Anxiety scores did not change significantly over the study period.", None,
         {"significantly over the study period"}),
        ("Early mobilisation reduced hospital stay both in older and younger patients (p = 0.01).",
         "hospital stay", {"hospital stay both"}),
    ],
)
def test_what_is_no_outcome_name(text: str, expected: str | None, absent: set[str]) -> None:
    names = {m.outcome for m in find_outcomes(text)}
    assert not names & absent
    if expected is not None:
        assert expected in names


def test_a_change_negated_from_afar_is_no_difference() -> None:
    text = "The counselling did not result in statistically significant improvements in the asthma control scores."
    assert [(m.outcome, m.change) for m in find_outcomes(text)] == [("asthma control scores", "no_difference")]


def test_listed_outcomes_lose_a_leading_including_and_reporting_verbs_are_no_outcome() -> None:
    text = ("No differences were seen between the arms for falls and fractures, including hip fracture "
            "(12% vs 14%).")
    assert "hip fracture" in {m.outcome for m in find_outcomes(text)}
    assert not {m.outcome for m in find_outcomes(text)} & {"including hip fracture"}
    text = "There were no significant differences between the two gels in their effect on healing observed here."
    assert "observed" not in {m.outcome for m in find_outcomes(text)}


def test_a_comparison_of_doses_is_no_finding_about_the_treatment_against_its_comparator() -> None:
    texts = [
        "Pain relief was similar in the lower and higher dose arms of paracetamol [4].",
        "Paracetamol reduced pain scores compared with placebo (p < 0.01) [4].",
    ]
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    quoted = {q.text for o in brief.efficacy.outcomes for q in o.quotes}
    assert all("dose arms" not in q for q in quoted)
    assert brief.efficacy.assessment == "benefit_reported"


def test_a_measure_taken_before_treatment_is_no_outcome_of_it() -> None:
    texts = [
        "With acupuncture there was no significant difference in the median preoperative pain score [2].",
        "Acupuncture did not change knee pain scores at baseline, before the needling began [2].",
        "With acupuncture, pain scores fell from baseline more than with sham (p = 0.01) [2].",
    ]
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    names = {o.outcome.lower() for o in brief.efficacy.outcomes}
    assert not any("preoperative" in n for n in names)
    assert all(q.statement_id == "S3" for o in brief.efficacy.outcomes for q in o.quotes)


def test_a_change_said_of_the_comparator_arm_is_the_opposite_change_for_the_intervention() -> None:
    texts = [
        "Time in hospital was significantly longer in the standard dialysis group than in the SLED group [5].",
        "Recovery time was shorter in the SLED group (p = 0.02) [5].",
    ]
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.target.intervention is not None and "SLED" in brief.target.intervention.name
    by_name = {o.outcome.lower(): o for o in brief.efficacy.outcomes}
    assert by_name["time in hospital"].change == "decreased"
    assert by_name["time in hospital"].direction == "improved"


def test_a_return_to_baseline_is_an_outcome() -> None:
    from summarizer.engines.extractive.evidence import measured_before_treatment

    assert not measured_before_treatment("complete return to baseline renal function", "")
    assert measured_before_treatment("baseline renal function", "")
    assert not measured_before_treatment("pain", "Pain fell from baseline more with the drug than with placebo.")


def test_an_adjective_alone_is_no_outcome() -> None:
    names = {m.outcome for m in find_outcomes("The cell infusion reduces mortality and improves pulmonary [4].")}
    assert "mortality" in names
    assert "pulmonary" not in names


@pytest.mark.parametrize(
    "text",
    [
        "In patients treated with sertraline there was no significant effect of group on the intention to quit.",
        "There were no interaction effects (time x condition) of sertraline treatment for depressive symptoms.",
        "No main effects of sertraline treatment were found on weight loss.",
    ],
)
def test_a_statistical_effect_found_absent_is_no_absent_adverse_event(text: str) -> None:
    texts = [
        text,
        "Patients treated with sertraline had lower depression scores than those given placebo (p = 0.01).",
        "Sertraline reduced anxiety compared with placebo in treated patients (p = 0.02).",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    assert brief.target.intervention is not None
    assert not any(f.claim.startswith(("No effect", "No interaction", "No main", "No weight")) for f in
                   brief.safety.findings)


def test_an_event_the_sentence_reports_as_occurring_is_not_reported_absent() -> None:
    texts = [
        "Vomiting occurred in 8 (10%) patients given ondansetron and 6 (8%) given placebo; nausea without vomiting "
        "occurred in 12 (15%) and 11 (14%) patients (P = 0.61).",
        "Patients treated with ondansetron had fewer episodes of postoperative nausea than those given placebo "
        "(p = 0.01).",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    assert not any(f.claim.startswith("No vomiting") for f in brief.safety.findings)


@pytest.mark.parametrize("statistic", ["McNemar's χ2", "chi-square", "ANOVA"])
def test_a_test_statistic_is_no_outcome(statistic: str) -> None:
    text = f"The {statistic} decreased significantly in the treated group (p = 0.03)."
    assert not any(statistic.lower() in m.outcome.lower() for m in find_outcomes(text))


def test_a_waitlist_arm_is_the_comparator_not_the_intervention() -> None:
    texts = [
        "Anxiety scores fell more in the mindfulness group than in the waitlist group (p = 0.01).",
        "Sleep quality did not differ between the waitlist group and the mindfulness group.",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    found = brief.target.intervention
    assert found is None or "waitlist" not in found.name.lower()


def test_an_outcome_name_does_not_start_with_the_preposition_it_was_cut_after() -> None:
    text = (
        "The mean of pain scores was 6.2 and 3.1 before and after treatment by the syrup, respectively (P < 0.001), "
        "but the mean of pain scores was 6.0 and 5.8 before and after placebo, respectively (P = 0.4)."
    )
    assert [m.outcome for m in find_outcomes(text)] == ["pain scores"]
    assert [m.outcome for m in find_outcomes("In-hospital mortality was lower with drug A than with placebo.")] == [
        "In-hospital mortality"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Adverse events occurred in 9 of 40 children treated with montelukast.",
        "Side effects of the topical tacrolimus were mild and transient.",
    ],
)
def test_harms_named_by_their_general_name_are_a_concern_of_the_brief_not_of_the_sentence_task(text: str) -> None:
    reading = annotate(text, resources_=load_resources())
    assert reading.safety_signal != "concern"  # the adverse-effect corpus marks only named effects
    assert reading.general_harms and all(sentence == 0 for _, sentence in reading.general_harms)
    statements = [Statement(id="S1", text=text), Statement(id="S2", text=text.replace(" ", "  ", 1))]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.safety.assessment == "concerns_reported"
    assert brief.safety.adverse_events


@pytest.mark.parametrize(
    "text",
    [
        "Adverse events were similar in the colchicine and placebo groups.",
        "Adverse events were recorded at every visit in patients treated with colchicine.",
        "In view of its low toxicity, colchicine deserves further study.",
        "Colchicine caused fewer side effects than indomethacin.",
        "No adverse events were seen with colchicine.",
    ],
)
def test_general_harms_that_did_not_differ_were_few_or_only_monitored_are_no_concern(text: str) -> None:
    assert annotate(text, resources_=load_resources()).general_harms == ()


def test_low_toxicity_is_never_listed_as_an_adverse_event() -> None:
    statements = [
        Statement(id="S1", text="Colchicine has low toxicity and was well tolerated in this trial of 60 patients."),
        Statement(id="S2", text="Colchicine reduced pain in patients with gout (p < 0.01)."),
        Statement(id="S3", text="Treatment with colchicine lowered the recurrence of pericarditis (p = 0.02)."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert all("toxicity" not in event.name.lower() for event in brief.safety.adverse_events)


def test_what_changed_without_changing_something_else_ends_before_without() -> None:
    text = "Orlistat lowered body weight and waist circumference without changing heart rate or blood pressure."
    outcomes = {(o.outcome, o.change) for o in annotate(text, resources_=load_resources()).outcomes}
    assert outcomes == {("body weight", "decreased"), ("waist circumference", "decreased")}


def _brief(texts: list[str], **engine: bool) -> Brief:
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine(**engine))


# results of two named arms, neither a control, in the style of trial reports
_TWO_DRUGS = [
    "Pain scores at 6 hours were lower for ketorolac (2.1) than for tramadol (3.4) (P = 0.01).",
    "Nausea was less frequent with ketorolac than with tramadol (12% vs 30%, P = 0.03).",
]


def test_a_name_set_against_another_arm_in_a_tested_comparison_was_given() -> None:
    assert _treatments(_TWO_DRUGS[0]) == [("ketorolac", True), ("tramadol", True)]
    # the same comparison without a test's result, or in animals, says nothing of what was given to whom
    assert _treatments(_TWO_DRUGS[0].replace(" (P = 0.01)", "")) == [("ketorolac", False), ("tramadol", False)]
    assert _treatments(_TWO_DRUGS[0].replace("3.4)", "3.4) in mice")) == [("ketorolac", False), ("tramadol", False)]


def test_of_two_arms_equally_credited_the_intervention_is_not_the_one_compared_against() -> None:
    brief = _brief(_TWO_DRUGS)
    assert brief.target.intervention is not None and brief.target.intervention.name == "ketorolac"
    reading = annotate(_TWO_DRUGS[1], resources_=load_resources())
    assert [(m.name, m.reference_frame) for m in reading.treatment.mentions] == [
        ("ketorolac", False), ("tramadol", True)
    ]


def test_a_common_noun_heading_both_arms_is_no_arm() -> None:
    text = "The attack rate was 36% in T facilities versus 23% in T&P facilities (p = 0.002)."
    assert ("facilities", True) not in _treatments(text)


def test_the_change_model_reads_results_the_outcome_rules_cannot_orient() -> None:
    texts = [
        "Relapse rates were 12.4% in the cefixime group and 3.4% in the gatifloxacin group (p = 0.02).",
        "Compared with cefixime, gatifloxacin added to the same regimen improved both median relapse-free survival "
        "(29.5 months vs. 17.5 months, p < 0.001) and overall survival.",
    ]
    without = _brief(texts, learned_results=False)
    with_model = _brief(texts)
    assert without.efficacy.assessment == "insufficient_evidence"
    assert with_model.efficacy.assessment != "insufficient_evidence"
    assert with_model.target.intervention is not None
    for outcome in with_model.efficacy.outcomes:
        for quote in outcome.quotes:
            assert outcome.outcome.lower() in quote.text.lower()


def test_the_change_model_reads_no_sentence_without_a_comparison_or_where_the_name_is_an_events_cause() -> None:
    texts = [
        "Cisplatin was given to six patients who developed acute coronary ischemia shortly after the infusion.",
        "Cisplatin-related nephrotoxicity was similar whether or not the patients were older (p = 0.4).",
    ]
    brief = _brief(texts)
    assert brief.efficacy.assessment == "insufficient_evidence"


def test_the_change_model_is_not_consulted_where_the_rules_read_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def outcomes(self: LearnedResults, text: str, *rest: object) -> list[object]:
        calls.append(text)
        return []

    monkeypatch.setattr(LearnedResults, "outcomes", outcomes)
    enough = [
        "Remdesivir shortened median recovery time compared with placebo (p < 0.001) [1].",
        "Remdesivir reduced mortality compared with placebo (p = 0.03) [1].",
        "Relapse rates were 12.4% in the remdesivir group and 3.4% in the placebo group (p = 0.02) [1].",
    ]
    _brief(enough)
    assert calls == []
    _brief(enough[2:] + ["Remdesivir lowered Ct values compared with placebo (p = 0.02) [1]."])
    assert calls


def test_results_paired_respectively_with_disagreeing_tests_are_not_all_read_as_the_last() -> None:
    text = ("Compared with children given placebo, children given zinc had 16% (95% CI: 5 to 26%, p = 0.004) and "
            "5% (95% CI: 0 to 10%; p = 0.30) reduction in days with severe illness and high fever respectively.")
    # paired in order (numeric_results.Significance): the first result significant, the second not
    assert [(name, change) for name, change, _ in _outcomes(text)] == [
        ("days with severe illness", "decreased"), ("high fever", "no_difference")
    ]


def test_days_or_patients_with_a_condition_are_one_outcome() -> None:
    assert _outcomes("Zinc reduced the number of days with fever compared with placebo (p = 0.01).") == [
        ("number of days with fever", "decreased", "improved")
    ]
    assert [name for name, _, _ in _outcomes("Zinc reduced the number of hospital days with statistical "
                                            "significance.")] == ["number of hospital days"]


def test_a_finding_reported_to_hold_is_no_purpose_and_a_longer_analgesia_is_better() -> None:
    text = ("Intrathecally administered magnesium has been reported to prolong the duration of spinal opioid "
            "analgesia without increasing adverse events [10].")
    assert _outcomes(text) == [("duration of spinal opioid analgesia", "increased", "improved")]
    assert _outcomes("Magnesium was added to prolong the duration of analgesia [10].") == []


def test_a_change_that_says_who_the_patients_were_is_no_finding() -> None:
    text = "Wound infection was rarer among patients who had improved glycaemic control after the bandage was applied."
    assert not any(name == "glycaemic control" for name, _, _ in _outcomes(text))
    text = "Falls were recorded in patients with reduced vision, whichever insole they wore."
    assert not any(name == "vision" for name, _, _ in _outcomes(text))


def test_patients_with_an_improvement_counted_are_an_outcome() -> None:
    text = ("The number of patients with improved mobility was not significantly different between the splint and "
            "the cast groups (40% versus 38%, P = 0.61).")
    assert ("mobility", "no_difference", "no_difference") in _outcomes(text)


def test_a_change_inside_a_definition_is_no_finding() -> None:
    text = ("Relapse (defined as a 30% increase in the symptom score, indicating deterioration of mood) occurred in "
            "12% of patients on the tablet and 41% of those on the dummy tablet.")
    assert not any(name in ("symptom score", "mood") for name, _, _ in _outcomes(text))


def test_a_change_in_every_arm_is_no_effect_of_one_arm() -> None:
    # both arms improved and did not differ: no difference
    text = "Both groups showed small improvements in grip strength after surgery, with no differences between groups."
    assert _outcomes(text) == [("grip strength", "no_difference", "no_difference")]
    # both arms improved, and the sentence does not compare them: no finding of either arm
    text = "Both groups showed small improvements in grip strength after surgery."
    assert _outcomes(text) == []
    # a contrast after the arms ends their clause: the rest is one arm's result
    text = "In both groups pain fell, but only the laser group reduced swelling (p = 0.01)."
    assert ("swelling", "decreased", "improved") in _outcomes(text)


def test_an_outcome_name_never_ends_in_a_change_verb() -> None:
    text = "In the brace group walking improved and pain decreased during the first month."
    assert not any(name.endswith("decreased") for name, _, _ in _outcomes(text))


def test_every_arm_named_after_the_outcome_counts_too() -> None:
    text = ("Walking speed improved in both arms (splint +0.2 m/s, p = 0.03; cast +0.2 m/s, p = 0.04), but with no "
            "significant difference between treatments (p = 0.71).")
    assert _outcomes(text) == [("Walking speed", "no_difference", "no_difference")]


def test_a_test_or_a_word_of_giving_is_no_outcome_name() -> None:
    text = ("Readmission in the tablet group and the syrup group was four cases to two, which when tested by "
            "Fisher's exact test showed no significant difference.")
    assert not any("exact test" in name.lower() for name, _, _ in _outcomes(text))
    assert not plausible_outcome_name("injection")
    assert not plausible_outcome_name("doses")
    assert plausible_outcome_name("treatment outcomes")


def test_a_treatment_said_not_to_have_been_given_is_not_given() -> None:
    text = "Patients not treated with cryotherapy had more swelling and a longer stay in hospital."
    assert not any(name == "cryotherapy" for name, _ in _treatments(text))
    text = "Patients treated with cryotherapy had less swelling."
    assert ("cryotherapy", True) in _treatments(text)


def test_a_change_of_the_arm_the_intervention_is_compared_against_reads_the_other_way() -> None:
    statements = [
        Statement(id="S1", text="The incidence of shivering was significantly higher in the pethidine group (31%) "
                                "than in the tramadol group (8%) (P = 0.002)."),
        Statement(id="S2", text="Tramadol reduced postoperative pain compared with placebo (p = 0.01)."),
        Statement(id="S3", text="Patients given tramadol had less nausea than those given placebo (p = 0.03)."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.target.intervention is not None and brief.target.intervention.name.lower() == "tramadol"
    shivering = [o for o in brief.efficacy.outcomes if "S1" in o.statement_ids]
    assert shivering and all(o.change == "decreased" and o.direction == "improved" for o in shivering)


def test_a_name_after_compared_with_in_the_next_sentence_is_not_the_reference() -> None:
    text = ("Vomiting was significantly reduced in Group III compared with Group I. Ondansetron 4 mg reduced "
            "vomiting the most (p = 0.01).")
    mentions = annotate(text, resources_=load_resources()).treatment.mentions
    assert [m.reference_frame for m in mentions if m.name.lower().startswith("ondansetron")] == [False]


def test_hdl_is_good_to_have_unless_a_ratio_divides_by_it() -> None:
    assert outcome_direction("HDL cholesterol", "increased") == "improved"
    assert outcome_direction("LDL-C/HDL-C ratio", "increased") == "worsened"


def test_a_harm_compared_between_arms_is_not_an_absent_harm() -> None:
    reading = annotate("There were no significant differences between the splint and cast groups in falls or skin "
                       "ulcers during the first month.", resources_=load_resources())
    assert reading.absent_events == ()
    reading = annotate("No falls or skin ulcers occurred in either group.", resources_=load_resources())
    assert reading.absent_events != ()


def test_the_arms_or_the_analysis_are_no_outcome() -> None:
    text = "The splint and cast groups did not differ significantly in grip strength (p = 0.4)."
    assert not any(name.lower().startswith(("the splint", "splint", "cast")) for name, _, _ in _outcomes(text))
    text = "The analysis revealed no significant differences in grip strength between the groups."
    assert "analysis" not in [name.lower() for name, _, _ in _outcomes(text)]


def test_an_outcome_name_does_not_end_in_a_preposition() -> None:
    text = "The laser significantly reduced recurrence of ulcers within 30 days (p = 0.02)."
    assert not any(name.endswith(" within") for name, _, _ in _outcomes(text))


def test_a_subject_is_never_read_from_the_middle_of_a_word() -> None:
    # the subject is sought within a fixed number of characters before its verb: that window may start mid-word
    text = ("Smith and colleagues compared a removable splint with a plaster cast in older adults: median time to "
            "return to work (66 days with the splint vs. 73 days with the cast) was similar in both arms.")
    assert [name for name, _, _ in _outcomes(text)] == ["time to return to work"]


def test_numbers_a_trend_or_a_clause_are_no_outcome_name() -> None:
    assert not plausible_outcome_name("50%")
    assert not plausible_outcome_name("445.5")
    assert not plausible_outcome_name("tended to be lower")
    assert not plausible_outcome_name("blood glucose decreased")


def test_protection_against_a_harm_reads_as_the_harm_decreased() -> None:
    assert ("lung infection", "decreased", "improved") in _outcomes(
        "Neutralizing antibodies from the vaccine correlate with protection against lung infection."
    )


def test_a_gain_that_failed_has_no_polarity_from_the_gain() -> None:
    assert outcome_direction("poor seizure control", "increased") == "unclear"


def test_a_result_in_a_clause_that_names_another_arm_is_not_the_interventions() -> None:
    from summarizer.engines.extractive.evidence import said_of_another_arm
    from summarizer.engines.extractive.outcomes import OutcomeMention

    quote = ("Compared with usual care, yoga participants improved their balance score (p = 0.02), while aerobics "
             "participants improved their grip strength (p = 0.03).")
    balance = OutcomeMention("balance score", "unclear", "improved", quote)
    grip = OutcomeMention("grip strength", "unclear", "improved", quote)
    assert said_of_another_arm(balance, frozenset({"aerobics"}))
    assert not said_of_another_arm(grip, frozenset({"aerobics"}))
    assert not said_of_another_arm(balance, frozenset({"yoga"}))
    alone = "Yoga participants improved their balance score (p = 0.02) compared with usual care."
    assert not said_of_another_arm(OutcomeMention("balance score", "unclear", "improved", alone), frozenset({"x"}))


def test_a_change_read_against_the_sentences_own_judgement_of_the_arms_is_left_out() -> None:
    from summarizer.engines.extractive.learned_results import _judged_otherwise

    better = "the antibiotic strategies were significantly more effective than placebo among these patients."
    assert _judged_otherwise(better, "worsened")
    assert not _judged_otherwise(better, "improved")
    assert _judged_otherwise("drug a was inferior to drug b for healing.", "improved")
    assert not _judged_otherwise("drug a was not more effective than placebo.", "worsened")


def test_an_outcome_coordinated_with_the_interventions_name_is_the_other_arm() -> None:
    from summarizer.engines.extractive.evidence import coordinated_with_intervention
    from summarizer.engines.extractive.outcomes import OutcomeMention

    quote = "MBT and CBT did not differ (p = .39), with both reporting high satisfaction."
    other_arm = OutcomeMention("CBT", "no_difference", "no_difference", quote)
    assert coordinated_with_intervention(other_arm, frozenset({"mbt"}))
    quote = "Pain and nausea did not differ between the MBT and control groups."
    assert not coordinated_with_intervention(
        OutcomeMention("nausea", "no_difference", "no_difference", quote), frozenset({"mbt"})
    )


def test_a_change_said_for_one_arm_compared_to_the_intervention_is_the_other_arms() -> None:
    from summarizer.engines.extractive.evidence import said_of_the_other_arm

    text = "Hands-off time was significantly higher for intubation (39 s) compared to the laryngeal tube (6 s)."
    assert said_of_the_other_arm(text, frozenset({"laryngeal", "tube"}))
    assert not said_of_the_other_arm(text, frozenset({"intubation"}))
    assert said_of_the_other_arm("Pain was lower with ibuprofen than with ketamine.", frozenset({"ketamine"}))
    # the control arm's change is turned round by the reading itself (outcomes.py): not a second time
    assert not said_of_the_other_arm("Pain was lower with placebo than with ketamine.", frozenset({"ketamine"}))


def test_a_marker_good_to_raise_in_one_disease_and_bad_in_another_has_no_polarity_by_its_name() -> None:
    # ferritin: raised to treat iron deficiency, a marker of inflammation elsewhere
    assert outcome_direction("serum ferritin", "increased") == "unclear"


def test_a_harm_not_associated_with_an_increased_risk_did_not_differ() -> None:
    text = "Treatment with drug X was not associated with an increased risk of cardiovascular events or malignancy."
    read = _outcomes(text)
    assert read and all(change == "no_difference" for _, change, _ in read)


def test_no_effect_between_groups_on_a_harm_is_a_comparison_not_an_absent_harm() -> None:
    reading = annotate(
        "There was no effect observed between supplementation groups for indices of depression or fatigue.",
        resources_=load_resources(),
    )
    assert reading.absent_events == ()
