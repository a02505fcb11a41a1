"""The polarity of an outcome read from the target's own statements (target_polarity.py), on sentences written for
these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.target_polarity import TargetPolarity, cues, measure_core
from summarizer.engines.extractive.tokenise import tokens
from summarizer.models import Statement, Target


def _polarity(*texts: str) -> TargetPolarity:
    return TargetPolarity(list(texts))


def test_measure_core_drops_the_measure_words_that_keep_polarity() -> None:
    assert measure_core("the number of headache days") == "headache"
    assert measure_core("Gum bleeding index") == "gum bleeding"
    assert measure_core("mean score") == ""


def test_what_is_prevented_relieved_or_risked_is_bad_to_have() -> None:
    polarity = _polarity(
        "The tablet is taken to prevent headache attacks in adolescents.",
        "Earlier work found faster itch relief with the cream.",
        "Statins lower the risk of stroke in older adults.",
    )
    assert polarity.higher_is_better("number of headache days") is False
    assert polarity.higher_is_better("itch") is False
    assert polarity.higher_is_better("stroke") is False


def test_what_is_impaired_poor_or_restored_is_good_to_have() -> None:
    polarity = _polarity(
        "Participants with impaired hand grip were enrolled.",
        "Poor medication adherence is common.",
    )
    assert polarity.higher_is_better("hand grip") is True
    assert polarity.higher_is_better("medication adherence") is True


def test_a_level_word_before_the_name_gives_no_polarity() -> None:
    # the risk of low blood pressure says that too little of it is bad, not that blood pressure is
    polarity = _polarity("Rapid infusion raises the risk of low blood pressure.")
    assert polarity.higher_is_better("blood pressure") is None


def test_a_longer_name_is_not_the_outcome() -> None:
    polarity = _polarity("The diet helps prevent heart failure.")
    assert polarity.higher_is_better("heart rate") is None


def test_statements_that_disagree_give_nothing() -> None:
    polarity = _polarity("Drug A may prevent tremor.", "Patients with impaired tremor were excluded.")
    assert polarity.higher_is_better("tremor") is None


def test_a_scale_definition_counts_for_its_scores_only() -> None:
    polarity = _polarity("On the XYZ questionnaire, higher scores indicate worse fatigue and poorer mood.")
    assert polarity.higher_is_better("XYZ score") is False
    assert polarity.higher_is_better("XYZ") is None  # the concept, not its score


def test_a_scale_definition_names_no_outcome_itself() -> None:
    # the words of the definition are no outcome ("values better" is a misread fragment)
    polarity = _polarity("Comfort was rated from 1 to 10 (lower values better).")
    assert polarity.higher_is_better("values better") is None
    assert polarity.higher_is_better("comfort ratings") is False


def test_what_is_achieved_is_good_and_an_achieved_change_gives_the_direction() -> None:
    polarity = _polarity(
        "More children achieved BQR50 by week 8.",
        "Half of the patients achieved a 50% reduction in QRS-7 at one year.",
    )
    assert polarity.higher_is_better("BQR50") is True
    assert polarity.higher_is_better("QRS-7") is False


def test_improved_or_worsening_alone_fixes_no_direction() -> None:
    # an improved lung volume rose, an improved itch fell: these words say nothing of the good direction
    polarity = _polarity("The spray improved TLV-2 in most patients.", "Worsening of TLV-2 was rare.")
    assert polarity.higher_is_better("TLV-2") is None


def test_a_mention_left_unclear_takes_the_targets_polarity() -> None:
    polarity = _polarity("Compression stockings prevent leg swelling episodes.")
    mention = OutcomeMention("leg swelling", "decreased", "unclear", "Leg swelling was less common with stockings.")
    assert polarity.direction(mention).direction == "improved"
    known = OutcomeMention("leg swelling", "decreased", "worsened", "")
    assert polarity.direction(known) is known  # the rules' direction stays
    unknown = OutcomeMention("ABC-9", "increased", "unclear", "")
    assert polarity.direction(unknown) is unknown


def test_a_second_object_joined_to_the_first_takes_the_same_frame() -> None:
    polarity = _polarity("Patients achieving a 90% reduction in ABC-4 and DEF-2 scores were counted.",
                         "The patch prevents itching and burning.")
    assert polarity.higher_is_better("ABC-4") is False
    assert polarity.higher_is_better("DEF-2 scores") is False
    assert polarity.higher_is_better("burning") is False


def test_what_succeeds_or_is_adequate_is_good_to_have() -> None:
    polarity = _polarity("Success of wound closure was higher with glue.", "Adequate hand hygiene was rare.")
    assert polarity.higher_is_better("wound closure") is True
    assert polarity.higher_is_better("hand hygiene") is True


def test_a_change_beside_no_difference_in_the_same_outcome_stays_unclear() -> None:
    polarity = _polarity("Bone healing success was recorded at six months.")
    hedged = OutcomeMention("bone healing", "increased", "unclear", "more bone healing, not significant", 0)
    unchanged = OutcomeMention("bone healing", "no_difference", "no_difference", "not significant", 0)
    elsewhere = OutcomeMention("bone healing", "increased", "unclear", "more bone healing", 1)
    read = polarity.directions([hedged, unchanged, elsewhere])
    assert [m.direction for m in read] == ["unclear", "no_difference", "improved"]


def test_a_change_in_a_sentence_that_says_it_is_not_significant_stays_unclear() -> None:
    polarity = _polarity("Bone healing success was recorded at six months.")
    said = "More bone healing was seen with the device, but the difference failed to reach statistical significance."
    hedged = OutcomeMention("bone healing", "increased", "unclear", said, 0)
    assert polarity.directions([hedged]) == [hedged]


def test_the_reading_marks_the_statements_that_may_hold_a_frame() -> None:
    assert cues(tokens("The drug prevents gout flares."), "the drug prevents gout flares.")
    assert cues(tokens("Flare-free weeks were counted."), "flare-free weeks were counted.")
    assert cues(tokens("Higher scores indicate worse itch."), "higher scores indicate worse itch.")
    assert not cues(tokens("Worse itch was reported in two patients."), "worse itch was reported in two patients.")
    assert not cues(tokens("Itch fell by half with the cream."), "itch fell by half with the cream.")


def test_a_brief_gives_a_direction_from_another_statement_of_the_target() -> None:
    # not "the number of cluster headache days" nor "cluster headache days": how often a harm happens is
    # lower-is-better by the rules (s37-events, harm_measures.py)
    result_sentence = (
        "In the trial, topiramate significantly reduced the cluster headache index compared with placebo "
        "(p < 0.01)."
    )
    frame_sentence = "Topiramate is widely used to prevent cluster headache attacks in adults."
    target = Target(title="Topiramate for cluster headache")
    alone = ExtractiveEngine().run(target, [Statement(id="S1", text=result_sentence)])
    assert alone.efficacy.assessment == "insufficient_evidence"  # the name alone gives no direction
    both = ExtractiveEngine().run(
        target, [Statement(id="S1", text=frame_sentence), Statement(id="S2", text=result_sentence)]
    )
    assert [(o.change, o.direction) for o in both.efficacy.outcomes] == [("decreased", "improved")]
    assert both.efficacy.assessment == "benefit_reported"
