"""s47-armsout: an arm is not an outcome, and an outcome's name ends before the arm it was measured with."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


# the arms listed before values set against each other and "respectively" (numeric_results.ARMS_BEFORE_VALUES)

def test_arms_listed_after_a_colon_before_compared_values_are_no_outcomes() -> None:
    names = _names(
        "Jones and colleagues found no significant difference in wound infection among the children given two "
        "dressing regimens: silver foam or plain gauze (11% vs. 7%, respectively)."
    )
    assert ("wound infection", "no_difference") in names
    assert all("silver" not in name and "gauze" not in name for name, _ in names)


def test_arms_listed_before_compared_values_are_oriented_by_the_control_word() -> None:
    names = _names("Nausea after placebo or ondansetron (31% vs. 12%, respectively; p = 0.02) was recorded.")
    assert names == [("Nausea", "decreased")]


def test_arms_named_after_with_before_compared_values_leave_the_measure_before_them() -> None:
    names = _names("Wound infection with silver foam or plain gauze was 11% vs. 7%, respectively (p = 0.40).")
    assert names == [("Wound infection", "no_difference")]


def test_values_joined_by_and_keep_the_measures_listed_before_them() -> None:
    # "and" gives each measure its own value: the names before the values are the measures, not arms
    names = _names("Cough and hoarseness rates were 14% and 9%, respectively (p = 0.40).")
    assert ("hoarseness rates", "no_difference") in names


# an outcome's name that runs over the arm it was measured with (compared_arms.py)

def test_name_ends_before_an_arm_set_against_another() -> None:
    names = _names("Changes in bone density with alendronate versus risedronate were not significantly different.")
    assert len(names) == 1
    assert names[0][0].endswith("bone density") and names[0][1] == "no_difference"


def test_name_keeps_with_when_no_arm_is_compared_after_it() -> None:
    names = _names("The share of infants with jaundice did not differ between the two feeding groups.")
    assert names == [("share of infants with jaundice", "no_difference")]


def test_name_keeps_with_when_the_comparison_is_the_verbs_subjects() -> None:
    # after a change verb, "compared with B" sets the verb's subject against B: "with nausea" is who was counted
    names = _names("Ginger reduced the number of days with nausea compared with placebo (p = 0.03).")
    assert [name for name, _ in names] == ["number of days with nausea"]
