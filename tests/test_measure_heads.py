"""s42-names: an outcome's name keeps what it measures and the head of its list, and a claim reads as a clinician
would read its quote (each on a sentence written for the test)."""

from summarizer.engines.extractive.measure_heads import completed_name
from summarizer.engines.extractive.wording import capital, reassuring_claim


def test_a_measure_word_keeps_its_complement() -> None:
    text = "The number of tries at cannulation and the time to first flow were alike in both arms."
    assert completed_name("number of tries", text) == "number of tries at cannulation"
    text = "Incremental area under the curve for plasma insulin over the morning was similar between diets."
    expected = "Incremental area under the curve for plasma insulin"
    assert completed_name("Incremental area under the curve", text) == expected


def test_a_time_an_arm_or_people_is_no_complement() -> None:
    assert completed_name("number of tries", "The number of tries at 6 months was lower.") == "number of tries"
    assert completed_name("total dose", "The total dose for the laser group was lower.") == "total dose"
    # a name that says what it measured is kept as it is
    assert completed_name("grip strength", "Grip strength at discharge was higher.") == "grip strength"


def test_a_bare_measure_shares_the_complement_of_the_measure_coordinated_with_it() -> None:
    text = "Groups did not differ in the power and endurance of the knee extensors and hip abductors."
    assert completed_name("power", text) == "power of the knee extensors"


def test_a_later_part_of_a_list_keeps_the_head_the_list_shares() -> None:
    text = "Groups did not differ in the power and stiffness of the knee extensors and hip abductors."
    assert completed_name("hip abductors", text) == "power and stiffness of the hip abductors"
    text = "After surgery the use of oral morphine and intravenous ketorolac was lower with the block."
    assert completed_name("intravenous ketorolac", text) == "use of intravenous ketorolac"
    text = "The diet lowered plasma concentrations of urate, ferritin and homocysteine."
    assert completed_name("homocysteine", text) == "plasma concentrations of homocysteine"


def test_a_list_of_measures_keeps_its_parts() -> None:
    # "duration of surgery and mortality": two measures, the second no part of the first's head
    text = "The duration of surgery and mortality were similar in both arms."
    assert completed_name("mortality", text) == "mortality"
    text = "The rates of relapse, remission and recovery did not differ."
    assert completed_name("recovery", text) == "recovery"


def test_a_list_of_one_word_parts_shares_the_measure_after_its_last_part() -> None:
    text = "There were no differences in IL6, IL8 and TNF levels between the arms."
    assert completed_name("IL6", text) == "IL6 levels"
    # an adjective of the last part is its own: "clinical" is not shared
    text = "There were no differences in miscarriage or clinical pregnancy rates."
    assert completed_name("miscarriage", text) == "miscarriage rates"
    # a verb after the list is no measure
    text = "No differences in cough, wheeze or fever were seen between the arms."
    assert completed_name("cough", text) == "cough"


def test_a_claim_opens_with_a_name_as_it_is_written() -> None:
    assert capital("tPA described as safe") == "tPA described as safe"
    assert capital("non-Hodgkin lymphoma reported") == "Non-Hodgkin lymphoma reported"
    assert capital("mortality decreased") == "Mortality decreased"


def test_a_reassuring_claim_names_the_intervention_once() -> None:
    quoted = "We saw no harmful effects of oral zinc."
    claim = reassuring_claim([], ["harmful effects of oral zinc"], "oral zinc", quoted)
    assert claim == "No harmful effects reported with oral zinc."
    claim = reassuring_claim([], ["safety concerns when using drug Q"], "drug Q", "There were no safety concerns.")
    assert claim == "No safety concerns reported with drug Q."


def test_a_modifier_shares_the_whole_tail() -> None:
    text = "There were no changes in resting or postexercise lactate levels."
    assert completed_name("resting", text) == "resting lactate levels"


def test_a_name_cut_inside_a_bracket_loses_the_stray_bracket() -> None:
    from summarizer.engines.extractive.wording import without_stray_brackets

    assert without_stray_brackets("SJS) syndrome") == "SJS syndrome"
    assert without_stray_brackets("sub)acute hepatitis") == "subacute hepatitis"
    assert without_stray_brackets("rash (macular") == "rash macular"
    assert without_stray_brackets("rash (macular) and fever") == "rash (macular) and fever"


def test_no_difference_says_in_once() -> None:
    from summarizer.engines.extractive.wording import outcome_claim

    claim = outcome_claim("in daily step count", "no_difference", "no_difference", "coaching")
    assert claim == "No difference in daily step count with coaching."


def test_the_time_to_a_drug_needed_besides_is_better_longer() -> None:
    from summarizer.engines.extractive.polarity import rule_higher_is_better

    assert rule_higher_is_better("time to the first opioid request") is True
    assert rule_higher_is_better("time to first flatus") is False


def test_an_improvement_is_greater_not_improved() -> None:
    from summarizer.engines.extractive.wording import effective_claim, outcome_claim

    claim = outcome_claim("overall improvement", "unclear", "improved", "acupuncture")
    assert claim == "Overall improvement greater with acupuncture."
    assert outcome_claim("pain", "unclear", "improved", "acupuncture") == "Pain improved with acupuncture."
    # what it was effective for is the quote's: the claim does not say that none is named
    assert effective_claim("drug Q") == "Drug Q reported effective (outcome as quoted)."


def test_a_time_course_keeps_what_it_follows() -> None:
    text = "The time course or magnitude of troponin release did not differ between the arms."
    assert completed_name("time course", text) == "time course of troponin release"


def test_a_count_keeps_its_cause() -> None:
    text = "The number of patients withdrawing because of nausea was similar (p = 0.4)."
    assert completed_name("number of patients withdrawing", text) == "number of patients withdrawing because of nausea"
    text = "Admissions due to the treated group's infections were rare."
    assert completed_name("Admissions", text) == "Admissions"


def test_a_completion_that_names_the_intervention_is_not_made() -> None:
    text = "Pain due to the cream and itching did not differ between the arms."
    assert completed_name("Pain", text, "cream") == "Pain"
    text = "The number of patients withdrawing because of nausea (p = 0.4) was similar."
    assert completed_name("number of patients withdrawing", text, "drug Q") == (
        "number of patients withdrawing because of nausea"
    )
