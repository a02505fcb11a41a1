"""s46-aims: an aim read as a result, a fall of blood pressure into the hypotensive range, a conjunct with its own
determiner after a change noun's object, and "did not differ in X" (issue 23). The sentences are written for these
tests."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(sentence: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in find_outcomes(sentence)]


# a treatment given "for (the) reduction of X": the aim of giving it, not what happened


def test_a_drug_started_for_the_reduction_of_a_symptom_is_an_aim() -> None:
    assert _read("The woman was started on oral methadone for reduction of neuropathic pain after surgery.") == []


def test_a_drug_given_for_the_reduction_of_a_symptom_is_an_aim() -> None:
    assert _read("Each child was given inhaled budesonide for the reduction of nocturnal cough.") == []


def test_a_reduction_a_drug_led_to_is_still_a_result() -> None:
    assert _read("Inhaled budesonide led to a reduction of nocturnal cough.") == [
        ("nocturnal cough", "decreased", "improved")
    ]


def test_a_drug_judged_effective_for_a_reduction_is_still_read() -> None:
    assert _read("Oral methadone was effective for the reduction of neuropathic pain.") == [
        ("neuropathic pain", "decreased", "improved")
    ]


def test_a_duration_after_for_is_no_aim() -> None:
    assert _read("Patients given methadone for eight weeks had a reduction of neuropathic pain.") == [
        ("neuropathic pain", "decreased", "improved")
    ]


# a blood pressure that fell to a systolic value below 90 mm Hg: hypotension, a harm


def test_a_pressure_fallen_to_a_hypotensive_pair_is_a_harm() -> None:
    assert _read("His blood pressure decreased from 125/75 mm Hg to 78/40 mm Hg within an hour of the bolus.") == [
        ("blood pressure", "decreased", "worsened")
    ]


def test_a_pressure_fallen_into_the_normal_range_is_an_improvement() -> None:
    assert _read("Blood pressure decreased from 170/105 mm Hg to 132/84 mm Hg with the new regimen.") == [
        ("Blood pressure", "decreased", "improved")
    ]


def test_the_value_left_is_not_the_value_reached() -> None:
    # the low value is the one the pressure rose from, and the sentence says it rose
    assert all(d != "improved" or c != "decreased" for _, c, d in _read(
        "Blood pressure rose from 80/50 mm Hg to 118/76 mm Hg after fluids were given."
    ))


# "a decrease in A and the B": the B with its own determiner is the clause's, not a second thing that decreased


def test_a_conjunct_with_its_own_determiner_is_not_the_change_nouns_object() -> None:
    names = [name for name, _, _ in _read(
        "The infusion caused a decrease in plasma potassium and the child became drowsy."
    )]
    assert names == ["plasma potassium"]


def test_conjuncts_without_determiners_share_the_change() -> None:
    assert [name for name, _, _ in _read("Drug A produced an increase in appetite and body weight.")] == [
        "appetite", "body weight"
    ]


def test_a_verbs_objects_keep_their_determiners() -> None:
    # only a change noun with its own determiner pairs with a later determiner; a verb takes both objects
    assert [name for name, _, _ in _read("Drug A reduced nausea and the need for rescue antiemetics.")] == [
        "nausea", "need for rescue antiemetics"
    ]


# "the groups did not differ in X": no difference in X


def test_arms_that_did_not_differ_in_a_measure_give_no_difference_in_it() -> None:
    assert _read("The two groups did not differ significantly in serum ferritin at week 12 (p = 0.31).") == [
        ("serum ferritin", "no_difference", "no_difference")
    ]


def test_did_not_differ_in_the_arms_names_no_measure() -> None:
    assert _read("Wound scores did not differ in the two treatment arms.") == [
        ("Wound scores", "no_difference", "no_difference")
    ]


def test_arms_that_differed_are_not_read_as_no_difference() -> None:
    assert all(c != "no_difference" for _, c, _ in _read(
        "The two groups differed significantly in serum ferritin at week 12 (p = 0.003)."
    ))
