"""s48-arms: a name only ever counted ("the number of X", "3.0 X per patient", "X or pregnancy rates") is what was
measured, not an arm (measured_names.counted_in); sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_name

from summarizer.engines.extractive.measured_names import counted_in

_COUNTED_TRIAL = (
    "Patients undergoing robotic surgery had significantly less blood loss than those undergoing open surgery "
    "(p < 0.01).",
    "Hospital stay was significantly shorter in patients undergoing robotic surgery (p = 0.02).",
    "The number of grafts did not differ between the robotic and open groups (3.1 ± 0.8 vs. 3.0 ± 0.7 grafts per "
    "patient, p = 0.4).",
    "There was no significant difference in the number of grafts per patient (p = 0.5).",
)


def test_a_name_after_the_number_of_or_between_a_value_and_per_is_counted() -> None:
    assert counted_in("stents", "the number of stents was similar (2.1 ± 0.4 vs. 2.2 ± 0.5 stents per lesion)")
    assert counted_in("stents", "the mean numbers of the stents did not differ")
    assert counted_in("sutures", "a median of 4 sutures/wound was placed")


def test_a_name_after_a_level_a_concentration_or_an_auc_of_is_measured() -> None:
    assert counted_in("lactate", "serum levels of lactate fell in both arms")
    assert counted_in("cortisol", "the auc of plasma cortisol and the concentration of cortisol were similar")
    # how much of it was given is no measure of it: "doses of X" names what the arm received
    assert not counted_in("lactate", "patients given three doses of lactate had fewer events")


def test_a_name_sharing_a_measures_head_with_the_next_name_is_counted() -> None:
    assert counted_in("transfusion", "transfusion and reoperation rates were low in both arms")
    assert counted_in("transfusion", "no difference in transfusion or intensive care requirements")


def test_a_name_given_or_compared_as_an_arm_is_not_counted() -> None:
    # one place that names it as what a group received is enough
    assert not counted_in("grafts", "the number of grafts was 3; patients who received grafts healed faster")
    assert not counted_in("stents", "patients given 2 stents had fewer events")  # a value, but no "per"
    # a determiner after "and" opens a measure of its own ("the rate of Y"), not a head X shares
    assert not counted_in("transfusion", "transfusion and the rate of bleeding were recorded")
    assert not counted_in("transfusion", "transfusion or reoperation rates of the two arms")
    assert not counted_in("stents", "no difference in bleeding")  # not named at all


def test_a_name_only_ever_counted_gives_way_to_an_arm_undergone() -> None:
    assert profile_name(*_COUNTED_TRIAL) == "robotic surgery"


def test_a_name_counted_once_and_given_once_stays_an_arm() -> None:
    from summarizer.engines.extractive import annotate
    from summarizer.engines.extractive.measured_names import measured_anchors
    from summarizer.engines.extractive.resources import load_resources

    res = load_resources()
    given = "Wounds closed faster in patients who received grafts than in those given dressings (p = 0.01)."
    counted = list(_COUNTED_TRIAL[2:])
    readings = [annotate(text, resources_=res) for text in counted]
    assert "transplant" in measured_anchors([r.treatment for r in readings], readings, counted)
    readings.append(annotate(given, resources_=res))
    assert "transplant" not in measured_anchors([r.treatment for r in readings], readings, [*counted, given])


def _anchors(words: str) -> list[str]:
    return [word.lower() for word in words.split()]


def test_a_one_word_item_bracketed_after_an_outcome_word_is_an_outcome() -> None:
    from summarizer.engines.extractive.outcome_lists import outcome_listed_anchors

    texts = [
        "Outcome measures (SPPB and 6MWT) were recorded at each visit.",
        "For the primary endpoint (ODI), the arms did not differ.",
        "The secondary outcomes (MoCA, HADS or PSQI) improved in both arms.",
    ]
    assert outcome_listed_anchors(texts, _anchors) == {"sppb", "6mwt", "odi", "moca", "hads", "psqi"}


def test_longer_items_and_other_brackets_name_no_outcome() -> None:
    from summarizer.engines.extractive.outcome_lists import outcome_listed_anchors

    texts = [
        "The primary outcome (aspirin resistance) was less frequent with clopidogrel.",  # a word may be an arm's
        "Patients given clopidogrel (CLP) had better outcomes (Table 2).",  # not an item list after an outcome word
        "The primary outcome was not reached (P = 0.41).",
        "There was no difference in outcome (p = 0.3; 95% CI 0.8 to 1.2).",
    ]
    assert outcome_listed_anchors(texts, _anchors) == frozenset()


def test_a_short_form_listed_as_an_outcome_measure_is_never_the_intervention() -> None:
    texts = (
        "Outcome measures (SPPB and KQT) were taken before and after training.",
        "SPPB improved significantly in the KQT arm (p = 0.01).",
        "Balance improved significantly with tai chi compared with stretching (p = 0.02).",
        "Falls were significantly fewer with tai chi (p = 0.03).",
    )
    # the base code named the test KQT, the only name the PICO reader took for an arm
    assert profile_name(*texts) != "KQT"
