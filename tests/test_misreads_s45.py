"""Reader faults reported by round 1 of s45, each a general form of English. Sentences written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.within_groups import within_groups_only


def _mention(quote: str, change: str = "decreased") -> OutcomeMention:
    direction = {"decreased": "improved", "increased": "worsened"}.get(change, change)
    return OutcomeMention(outcome="relapse rate", change=change, direction=direction, quote=quote)  # type: ignore[arg-type]


@pytest.mark.parametrize("quote", [
    "Relapse fell to 3.1% in the laser and drug groups against 9.4% in the drug-alone group (p = 0.002).",
    "Relapse was 4% in the bracing and exercise groups and 11% among patients given exercise alone (p < 0.01).",
])
def test_an_arm_given_one_treatment_alone_is_a_comparison_of_the_arms(quote: str) -> None:
    assert not within_groups_only(_mention(quote))


def test_people_living_alone_are_no_arm() -> None:
    quote = "Relapse fell in the laser and drug groups, most of all among people living alone (p = 0.03)."
    assert within_groups_only(_mention(quote))


@pytest.mark.parametrize("quote", [
    "Relapse fell significantly (p = 0.004) in the group offered weekly coaching but not in the control group.",
    "Relapse decreased significantly in the coaching arm (by 2.5%, p = 0.01) but not in the usual care arm.",
    "Serum ferritin rose significantly among iron-treated but not among untreated children.",
])
def test_a_change_in_one_arm_but_not_in_another_is_within_the_groups(quote: str) -> None:
    assert within_groups_only(_mention(quote))


@pytest.mark.parametrize("quote", [
    # the arms are compared explicitly: the "but not" is another comparison, the result stands
    "Relapse fell more with the 20 mg dose than with placebo (p = 0.02), but not with the 5 mg dose.",
    "Relapse was lower in the coaching arm than in the usual care arm in men but not in women (p = 0.03).",
    # no "but not in": one arm's change against the control
    "The relapse rate was significantly lower in the coaching group than in the control group (p = 0.004).",
])
def test_an_explicit_comparison_of_the_arms_is_kept(quote: str) -> None:
    assert not within_groups_only(_mention(quote))


def test_a_way_read_in_one_arm_but_not_in_another_is_within_the_groups() -> None:
    quote = "There was a significant improvement in relapse in the yoga group (p = 0.003) but not in the waitlist."
    mention = OutcomeMention(outcome="relapse", change="unclear", direction="improved", quote=quote)
    assert within_groups_only(mention)
    no_difference = OutcomeMention(outcome="relapse", change="no_difference", direction="no_difference", quote=quote)
    assert not within_groups_only(no_difference)


def _changes(text: str) -> dict[str, str]:
    from summarizer.engines.extractive.outcomes import find_outcomes

    return {m.outcome.lower(): m.change for m in find_outcomes(text)}


@pytest.mark.parametrize(("text", "change"), [
    # a smaller fall in the intervention's arm leaves the measure higher there than in the comparator's
    ("Bone density decreased significantly less in the denosumab arm than in the placebo arm (p = 0.01).", "increased"),
    ("Body weight increased significantly less in the diet group than in the usual care group (p = 0.03).",
     "decreased"),
    # said of the control arm: turned round again
    ("Body weight increased significantly less in the placebo group than in the orlistat group (p = 0.03).",
     "increased"),
    # "more" keeps the change's way; a plain change is not compared
    ("Body weight decreased significantly more in the diet group than in the usual care group (p = 0.03).",
     "decreased"),
    ("Body weight decreased significantly in the diet group (p = 0.03).", "decreased"),
])
def test_a_change_compared_by_less_turns_round(text: str, change: str) -> None:
    assert _changes(text).get("body weight", _changes(text).get("bone density")) == change


@pytest.mark.parametrize("text", [
    "Among women given letrozole who developed hot flushes, recurrence was significantly lower (p = 0.02).",
    "In the patients on the statin arm who subsequently experienced myalgia, LDL cholesterol fell significantly.",
])
def test_a_subgroup_chosen_by_an_event_after_assignment_gives_no_finding(text: str) -> None:
    assert _changes(text) == {}


@pytest.mark.parametrize("text", [
    # a subgroup set at the start, or the arms themselves: the result stands
    "Among women with diabetes, recurrence was significantly lower with letrozole (p = 0.02).",
    "Recurrence was significantly lower in women who received letrozole than in those given placebo (p = 0.02).",
])
def test_a_subgroup_set_before_treatment_keeps_its_finding(text: str) -> None:
    assert _changes(text).get("recurrence") == "decreased"


@pytest.mark.parametrize("text", [
    "Significantly fewer patients than expected needed rescue analgesia (p = 0.03).",
    "Fewer patients had a relapse than was anticipated (p = 0.04).",
    "Mortality was significantly lower than predicted by the severity score (p = 0.03).",
])
def test_a_comparison_with_an_expectation_is_no_comparison_of_the_arms(text: str) -> None:
    assert _changes(text) == {}


@pytest.mark.parametrize("text", [
    "Fewer patients in the nerve block group needed rescue analgesia than in the control group (p = 0.03).",
    "Mortality was significantly lower than in the placebo group (p = 0.03).",
])
def test_a_comparison_with_the_other_arm_is_read(text: str) -> None:
    assert set(_changes(text).values()) == {"decreased"}


def _treatment_names(text: str) -> list[str]:
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.scan import Scan
    from summarizer.engines.extractive.treatments import treatment_mentions

    return [m.name for m in treatment_mentions(Scan(text, load_resources()))]


@pytest.mark.parametrize(("text", "name"), [
    # a code's number, joined by its hyphen, is the name's, not the dose's
    ("Twelve patients were given IFN-7 (3 MIU/day on days 1-5) with standard care.", "IFN-7"),
    ("Standard care was compared with standard care plus GX-12 20 mg twice daily.", "GX-12"),
    # a name with no code: the dose follows the name itself
    ("Twelve patients were given ZMT 3 mg/day for five days.", "ZMT"),
])
def test_a_dosed_name_keeps_its_code_number(text: str, name: str) -> None:
    assert name in _treatment_names(text)


def test_a_number_apart_from_the_name_is_no_code() -> None:
    names = _treatment_names("Twelve patients were given ZMT 3 mg/day for five days.")
    assert not any(n.startswith("ZMT 3") for n in names)


@pytest.mark.parametrize(("text", "change"), [
    # the object's change compared by "less": the other way for the subject's arm
    ("Drug A lowered systolic pressure less than drug B (p = 0.01).", "increased"),
    ("Drug A raised systolic pressure less than drug B did (p = 0.01).", "decreased"),
    # "more", and a quantity, keep the verb's way
    ("Drug A lowered systolic pressure more than drug B (p = 0.01).", "decreased"),
    ("Drug A lowered systolic pressure by less than 5 mmHg (p = 0.01).", "decreased"),
])
def test_an_object_changed_less_than_by_the_comparator_turns_round(text: str, change: str) -> None:
    assert _changes(text).get("systolic pressure") == change
