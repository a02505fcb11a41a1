"""s49-arms: of two arms the statements treat alike in every tally, the one a sentence names first where it names
both as arms, joined by "and", "or" or "versus" (arm_order.named_before_others), before the alphabet decides;
sentences written for these tests."""

from __future__ import annotations

from collections import Counter

from summarizer.engines.extractive.arm_order import named_before_others
from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally

_TEAS = {"ginger": ["ginger tea"], "chamomile": ["chamomile tea"]}


def test_the_arm_given_first_in_a_sentence_naming_both_is_counted() -> None:
    text = "Volunteers were randomised to chamomile tea or ginger tea every evening for a month."
    counts = named_before_others([text], _TEAS)
    assert counts == Counter({"chamomile": 1})


def test_results_given_arm_by_arm_count_the_arm_reported_first() -> None:
    text = "Sleep lengthened by 22 minutes in the ginger tea group and by 6 minutes in the chamomile tea group."
    assert named_before_others([text], _TEAS) == Counter({"ginger": 1})


def test_a_comparison_of_results_says_nothing_of_which_arm_was_tested() -> None:
    # "higher in X than in Y": X is the arm with the higher value, not the arm tested
    text = "Sleep was longer in the chamomile tea group than in the ginger tea group, and fewer woke at night."
    assert named_before_others([text], _TEAS) == Counter()


def test_a_name_that_is_not_in_an_arm_slot_is_not_counted() -> None:
    # the measure opens the sentence: it is not given, allocated nor a group's name
    names = {"sleep": ["sleep quality"], "ginger": ["ginger tea"]}
    assert named_before_others(["Sleep quality and mood improved with ginger tea (p = 0.03)."], names) == Counter()


def test_names_one_after_the_other_without_a_coordinating_word_are_not_counted() -> None:
    text = "Those who received chamomile tea reported fewer awakenings; ginger tea drinkers slept longer."
    assert named_before_others([text], _TEAS) == Counter()


def test_drugs_given_together_are_not_arms_named_in_order() -> None:
    text = "She developed a rash after treatment with chamomile tea and ginger tea, or when receiving both at night."
    assert named_before_others([text], _TEAS) == Counter()


def test_two_words_of_one_arms_name_are_not_two_arms() -> None:
    names = {"fish": ["fish oil"], "oil": ["fish oil"]}
    assert named_before_others(["Infants received fish oil and no other lipid."], names) == Counter()


def _alike() -> dict[str, _Tally]:
    return {
        arm: _Tally(mentions=2.0, attributed=2.0, therapy=2.0, names=Counter({f"{arm} tea": 2}))
        for arm in ("chamomile", "ginger")
    }


def test_the_arm_named_first_breaks_a_tie_the_alphabet_would_break_otherwise() -> None:
    texts = ["Volunteers were randomised to chamomile tea or ginger tea every evening for a month."]
    assert _chosen_anchor(_alike(), 2, RULES, texts=texts) == "chamomile"
    # with no sentence naming the two, the alphabet still decides (as before)
    assert _chosen_anchor(_alike(), 2, RULES) == "ginger"
    assert _chosen_anchor(_alike(), 2, RULES, texts=["Ginger tea was well liked."]) == "ginger"
