"""The arm a trial tested, not its comparator, nor the people it was given to: a name does not begin or end with a
population word ("women losartan treatment", "nonsmoking participants"), an arm named as the one without the
addition ("the surgery-alone arm") is the comparator, and so is a treatment that every statement naming it names
only as what another arm is compared against ("than those in the X group").

The sentences here are written for these tests (fixtures in the style of trial reports), not taken from a corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.reading import reread_treatments
from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally
from summarizer.engines.extractive.treatment_names import names_comparator


def _names(text: str) -> list[str]:
    return [m.name for m in annotate(text, resources_=load_resources()).treatment.mentions]


def test_a_listed_name_does_not_begin_with_the_people_given_it() -> None:
    names = _names("Among older women losartan treatment lowered the rate of stroke compared with placebo (p = 0.01).")
    assert "losartan treatment" in names
    assert not any("women" in name for name in names)


def _learned(text: str, phrase: str) -> list[str]:
    res = load_resources()
    start = text.index(phrase)
    reading = reread_treatments(text, annotate(text, resources_=res), [(start, start + len(phrase))], res)
    return [m.name for m in reading.mentions]


def test_a_learned_span_headed_by_people_names_no_treatment() -> None:
    text = "Wheezing was more frequent among nonsmoking participants than among the others (12% vs 7%; P = 0.03)."
    assert _learned(text, "nonsmoking participants") == []


def test_a_learned_span_does_not_begin_with_people() -> None:
    text = "In the trial, children receiving oral zinc syrup had fewer days of diarrhoea than controls (P = 0.01)."
    names = _learned(text, "children receiving oral zinc syrup")
    assert names and not any(name.lower().startswith("children") for name in names)


@pytest.mark.parametrize(("anchor", "comparator"), [
    ("surgery-alone", True), ("diet-only", True), ("placebo", True), ("chemotherapy", False), ("alone", False),
])
def test_an_arm_without_the_addition_is_the_comparator(anchor: str, comparator: bool) -> None:
    assert names_comparator(anchor) is comparator


def test_an_arm_named_only_as_the_reference_is_not_the_intervention() -> None:
    # "adherence was higher with the booklet than with the app" in every statement: the app is the reference arm
    tallies = {
        "app": _Tally(mentions=3.0, attributed=3.0, therapy=1.0, reference=3.0),
        "booklet": _Tally(mentions=2.0, attributed=2.0, therapy=2.0),
    }
    assert _chosen_anchor(tallies, 3, RULES) == "booklet"
    # alone, it is no intervention either: the trial's tested arm is not named
    assert _chosen_anchor({"app": tallies["app"]}, 3, RULES) is None
    # named once as the arm tested, it may be
    tallies["app"] = _Tally(mentions=3.0, attributed=3.0, therapy=1.0, reference=2.0)
    assert _chosen_anchor(tallies, 3, RULES) == "app"


def _references(text: str) -> dict[str, tuple[bool, bool]]:
    reading = annotate(text, resources_=load_resources())
    return {m.name: (m.reference_frame, m.against_control) for m in reading.treatment.mentions}


def test_the_object_of_compared_is_not_the_reference() -> None:
    # "compared X with Y": X is what was compared, Y what it was compared against
    found = _references("One small trial compared metformin with placebo in 40 adolescents, with no change in weight.")
    assert found["metformin"] == (False, False)
    assert _references("Relapse was less frequent with lithium compared to valproate (p = 0.02).")["valproate"][0]


def test_a_reference_set_against_the_control_arm_is_marked() -> None:
    found = _references("Relapse occurred in 40% of the control group compared to 21% of the lithium group (p = 0.02).")
    assert found["lithium"] == (True, True)
    # a comma ends the clause: the placebo of "Compared with placebo," is not the other side of "than"
    found = _references("Compared with placebo, relapse fell more with lithium than with valproate (p = 0.02).")
    assert found["valproate"] == (True, False)
    # the arm "alone" is the one without the addition tested
    found = _references("In one trial, methotrexate alone was compared with methotrexate plus etanercept in 60 adults.")
    assert any(reference and control for reference, control in found.values())


def test_a_result_set_against_the_control_arm_is_turned_round_once() -> None:
    from summarizer.engines.extractive.evidence import for_the_intervention, said_of_the_other_arm
    from summarizer.engines.extractive.target_profile import TargetProfile

    text = (
        "Relapse was significantly more frequent in the placebo group than in the Novadex group (40% vs 12%, p = 0.01)."
    )
    reading = annotate(text, resources_=load_resources())
    profile = TargetProfile("Novadex", frozenset({"novadex"}))
    assert not said_of_the_other_arm(text, profile.anchors)
    assert not profile.only_compared_against(reading.treatment.mentions)
    (relapse,) = [m for m in reading.outcomes if m.outcome.lower() == "relapse"]
    assert for_the_intervention(relapse, profile.anchors).change == "decreased"


def test_an_event_of_the_arm_compared_against_the_intervention_is_not_its_harm() -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    texts = [
        "Wound infection occurred in 14 of 60 patients (23%) in the ampicillin group as compared to 2 of 58 patients "
        "(3%) in the ceftriaxone group (p < 0.001).",
        "Relapse was less frequent with ceftriaxone than with ampicillin (p = 0.02).",
        "Hospital stay was significantly shorter with ceftriaxone (p = 0.01).",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    assert brief.target.intervention is not None and brief.target.intervention.name == "ceftriaxone"
    assert not any("infection" in finding.claim.lower() for finding in brief.safety.findings)


@pytest.mark.parametrize(("text", "claim"), [
    ("Relapse was significantly higher in the placebo group than in the ketamine group (p = 0.02).",
     "Relapse decreased with ketamine"),
    ("Mean pain score was 5.1 in the placebo group compared with 3.2 in the ketamine group (p < 0.01).",
     "Pain score decreased with ketamine"),
    ("Response rates were lower in the placebo group compared to the ketamine group (30% vs 60%, p = 0.01).",
     "Response rates increased with ketamine"),
])
def test_a_change_of_the_control_arm_reads_once_for_the_intervention(text: str, claim: str) -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    statements = [
        Statement(id="S1", text=text),
        Statement(id="S2", text="Ketamine was given intravenously to 40 adults with depression (p = 0.04)."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert any(o.claim.startswith(claim) for o in brief.efficacy.outcomes)
