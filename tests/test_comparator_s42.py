"""The comparator kept apart from the intervention (issue 23, item 2): "patients on X" set against the comparator's
arm (compared_populations.py), what the control arm was given (control_arm_names.py), and the profile's tie-break
between arms of one comparison (target_profile._chosen_anchor). Sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_name

from summarizer.engines.extractive import annotate
from summarizer.engines.extractive.control_arm_names import control_arm_anchors
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally, profile_target
from summarizer.models import Target


def _population(text: str) -> dict[str, bool]:
    return {m.name: m.population_frame for m in annotate(text, resources_=load_resources()).treatment.mentions}


def test_patients_on_a_drug_set_against_patients_on_the_comparator_are_an_arm() -> None:
    assert _population("Patients on sitagliptin had fewer hypoglycaemic episodes than patients on placebo.") == {
        "sitagliptin": False
    }
    assert _population("Compared with those on usual care, patients on sitagliptin had fewer falls.") == {
        "sitagliptin": False
    }


def test_patients_on_a_drug_stay_who_the_patients_were_without_the_comparator_named_alike() -> None:
    # no comparison with the comparator's arm: a background treatment
    assert _population("Hip fractures were more frequent in patients on warfarin.") == {"warfarin": True}
    # "than healthy controls": the comparator's word, but not an arm "on" something
    assert _population("Patients on dialysis had more infections than healthy controls.") == {"dialysis": True}
    # a drug the patients on metformin received is the arm; metformin stays who they were
    frames = _population("Patients on metformin who received sitagliptin had lower HbA1c than those on placebo.")
    assert frames["metformin"] is True and frames["sitagliptin"] is False


def test_what_the_control_group_received_is_the_comparator() -> None:
    anchors = control_arm_anchors(
        ["Patients in the control group received paracetamol.", "The comparison arm was given oral morphine."],
        lambda words: words.lower().split(),
    )
    assert anchors == frozenset({"paracetamol", "oral", "morphine"})
    # what both arms received says nothing about which arm a name is
    shared = control_arm_anchors(
        ["The control group received paracetamol and the intervention group received paracetamol plus ketorolac."],
        lambda words: words.lower().split(),
    )
    assert shared == frozenset()


def test_the_control_groups_drug_is_never_named_the_intervention() -> None:
    statements = (
        "Mortality was higher in the paracetamol group compared with the ketorolac group (p = 0.01).",
        "Nausea was more frequent in the paracetamol group than in the ketorolac group (p = 0.04).",
    )
    assert profile_name(*statements) == "paracetamol"  # the wording alone cannot tell
    assert profile_name(*statements, "Patients in the control group received paracetamol.") != "paracetamol"


def test_the_arm_with_an_addition_is_the_intervention_not_the_arm_alone() -> None:
    name = profile_name(
        "Pain scores were lower with ibuprofen plus codeine than with ibuprofen alone (p = 0.01).",
        "Nausea was more frequent with ibuprofen plus codeine than with ibuprofen alone (p = 0.03).",
    )
    assert name == "codeine"


def test_which_arm_a_group_comparison_names_first_does_not_decide_between_equally_attributed_arms() -> None:
    # "higher in the A group compared with the B group": A is the arm with the higher value, not the arm tested;
    # two arms attributed alike are told apart by how often they are named, not by which came first
    tallies = {
        "ultrasonic": _Tally(mentions=6.0, attributed=5.0, therapy=6.0, reference=5.0),
        "manual": _Tally(mentions=5.0, attributed=5.0, therapy=5.0, reference=1.0),
    }
    assert _chosen_anchor(tallies, 7, RULES) == "ultrasonic"


def test_results_of_patients_on_a_drug_against_patients_on_placebo_are_the_drugs() -> None:
    res = load_resources()
    texts = [
        "Systolic blood pressure was lower in patients on enalapril than in patients on placebo (p < 0.001).",
        "Proteinuria was lower in patients on enalapril than in those on placebo (p = 0.02).",
    ]
    profile = profile_target(Target(), [annotate(text, resources_=res) for text in texts], res, texts=texts)
    assert profile.name == "enalapril"
    assert profile.statements == (0, 1)  # the results are attributed to it, not only its being named


def _alone(*texts: str) -> frozenset[str]:
    from summarizer.engines.extractive.control_arm_names import alone_arm_anchors

    return alone_arm_anchors(texts, lambda words: words.lower().split())


def test_an_arm_alone_against_an_addition_to_it_is_the_comparator() -> None:
    assert _alone("Pain was lower with ibuprofen plus codeine than with ibuprofen alone (p = 0.01).") == {"ibuprofen"}
    assert _alone("Relapse was less frequent than in the surgery only group; the combination was well tolerated.") == {
        "surgery"
    }
    assert _alone("Hb rose more with iron plus folate relative to iron monotherapy (p = 0.02).") == {"iron"}
    # the name before a participle of giving
    assert _alone("Pain fell more with the combination than with ibuprofen given alone (p = 0.01).") == {"ibuprofen"}


def test_alone_said_of_a_cause_or_of_every_single_agent_names_no_comparator() -> None:
    # no addition named
    assert _alone("Pain was lower with ibuprofen alone than with placebo (p = 0.01).") == frozenset()
    # a cause said of one drug, no arms compared
    assert _alone("Most likely ibuprofen alone, and not the combination with codeine, caused the rash.") == frozenset()
    # a factorial trial: each single agent is an arm
    factorial = "Nausea was less frequent with ibuprofen alone than with codeine alone or ibuprofen plus codeine."
    assert _alone(factorial) == frozenset()


def test_the_arm_alone_is_named_only_when_no_other_name_qualifies() -> None:
    assert profile_name(
        "Pain scores were higher with ibuprofen alone than with ibuprofen plus codeine (p = 0.01).",
        "Rescue analgesia was needed more often in the ibuprofen alone group than in the ibuprofen plus codeine group "
        "(p = 0.02).",
    ) == "codeine"
