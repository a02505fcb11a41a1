"""A change the statement itself calls effective or an improvement is good for the patient, whatever the outcome.

Sentences written for these tests (none from the benchmark data)."""

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> dict[str, tuple[str, str]]:
    return {m.outcome: (m.change, m.direction) for m in find_outcomes(text)}


def test_effective_in_changing_an_outcome_of_unknown_polarity_is_an_improvement() -> None:
    got = _read("The new tablet was effective in raising serum ferritin.")
    assert got["serum ferritin"] == ("increased", "improved")


def test_effective_in_governs_its_second_change() -> None:
    got = _read("The rinse was effective in increasing enamel hardness and in reducing pocket depth.")
    assert got["enamel hardness"] == ("increased", "improved")
    assert got["pocket depth"] == ("decreased", "improved")


def test_an_adverb_may_stand_between() -> None:
    got = _read("The programme was successful at significantly increasing daily step counts.")
    assert got["daily step counts"] == ("increased", "improved")


def test_denied_weaker_or_equal_effect_gives_no_direction() -> None:
    for text in (
        "The spray was not effective in reducing nasal airflow resistance.",
        "Drug A was less effective in raising ferritin than drug B.",
        "Drug A was as effective in lowering serum urate as drug B.",
    ):
        assert all(direction != "improved" for _, direction in _read(text).values()), text


def test_a_second_change_verb_keeps_its_own_direction() -> None:
    got = _read("The tablet was effective in lowering fasting glucose and raising plasma insulin.")
    assert got["fasting glucose"] == ("decreased", "improved")
    assert all(direction == "unclear" for name, (_, direction) in got.items() if "insulin" in name)


def test_improvement_from_baseline_in_names_its_outcome() -> None:
    got = _read("Greater improvements from baseline in grip strength scores were seen with the splint than without it.")
    assert got["grip strength scores"] == ("unclear", "improved")


def test_reduction_from_baseline_in_keeps_the_outcome_polarity() -> None:
    got = _read("Mean reductions from baseline in HbA1c were larger with the pump than with injections (p = 0.01).")
    assert got["HbA1c"] == ("decreased", "improved")


def test_improved_with_what_brought_it_is_an_improvement() -> None:
    assert _read("Skin dryness improved with the cream.")["Skin dryness"] == ("unclear", "improved")
    assert _read("Joint stiffness worsened with the splint.")["Joint stiffness"] == ("unclear", "worsened")


def test_improved_with_time_or_age_is_no_result() -> None:
    assert _read("Symptoms improved with time in both groups.") == {}
    assert "Skin dryness" not in _read("Skin dryness worsened with increasing age.")


def test_an_effect_judged_beneficial_or_harmful_gives_the_direction() -> None:
    assert _read("The supplement had a beneficial effect on serum ferritin (p = 0.01).")["serum ferritin"] == (
        "unclear", "improved"
    )
    assert _read("Drug A had detrimental effects on bone mineral density.")["bone mineral density"] == (
        "unclear", "worsened"
    )


def test_a_denied_judged_effect_is_no_difference() -> None:
    assert _read("The splint had no favourable effect on grip strength.")["grip strength"] == (
        "no_difference", "no_difference"
    )


def test_a_conjectured_judged_effect_is_no_result() -> None:
    assert _read("Drug A may have a beneficial effect on serum ferritin.") == {}
    assert _read("If doses vary, harmful effects on glycaemic stability might follow.") == {}
