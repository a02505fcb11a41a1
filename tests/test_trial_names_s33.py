"""The grammar by which trials and citing papers name what was tested: "the efficacy of X", "patients assigned to
X", X the subject of a result ("X significantly reduced the risk", "X was effective"), the arms a tested comparison
sets against each other ("with X compared with ... with Y"), and an arm that is never an exposure by its outcome's
word. None of it names an intervention in a study of animals or cells, nor the comparator.

The sentences here are written for these tests (fixtures in the style of trial reports and citing statements), not
taken from a corpus."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import annotate, load_resources


def _frames(text: str) -> dict[str, tuple[bool, bool]]:
    reading = annotate(text, resources_=load_resources())
    return {m.name: (m.therapy_frame, m.exposure_frame) for m in reading.treatment.mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pravastatin significantly lowered the LDL cholesterol of the patients (P < 0.001).", "Pravastatin"),
        ("Over two years, ciprofloxacin also reduced hospital admissions compared with placebo.", "ciprofloxacin"),
        ("In this trial, nifedipine was significantly more effective than the comparator (p = 0.02).", "nifedipine"),
        ("Patients assigned to lisinopril had fewer admissions at one year (p = 0.04).", "lisinopril"),
        ("Smith et al. compared the efficacy of intravenous ketorolac with that of morphine in renal colic.",
         "ketorolac"),
    ],
)
def test_the_grammar_that_names_what_was_tested_is_a_therapy_frame(text: str, name: str) -> None:
    assert _frames(text)[name] == (True, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject of a verb of change with no object is what changed, not what was tested
        ("Serum ferritin increased after three months (P < 0.01).", None),
        # a result in mice or in cells names no intervention of people
        ("Rapamycin significantly reduced tumour growth in mice (P < 0.01).", "Rapamycin"),
        ("The addition of imatinib to cultured fibroblasts reduced the number of colonies (p < 0.05).", "imatinib"),
        # "the effect of X" and a subject need a sentence that reports a test (basic science speaks so too)
        ("Tamoxifen reduces the expression of the receptor in breast tissue.", "Tamoxifen"),
    ],
)
def test_no_therapy_frame_without_a_trial_s_grammar(text: str, name: str | None) -> None:
    frames = _frames(text)
    if name is None:
        assert not any(therapy for therapy, _ in frames.values())
    else:
        assert frames.get(name, (False, False))[0] is False


def test_the_arms_a_tested_comparison_sets_against_each_other_are_given() -> None:
    text = ("Median survival was 14.2 months with gefitinib compared with 9.8 months with docetaxel "
            "(HR 0.61, 95% CI 0.44-0.83).")
    frames = _frames(text)
    assert frames["gefitinib"] == (True, False)
    assert frames["docetaxel"] == (True, False)


def test_names_at_time_points_are_not_arms() -> None:
    text = ("Heart rate did not differ between the groups after injection of etomidate, before intubation and "
            "after intubation (P > 0.05).")
    assert "intubation" not in {name for name, (therapy, _) in _frames(text).items() if therapy}


def test_an_arm_is_not_an_exposure_by_the_word_of_its_outcome() -> None:
    text = "Morphine consumption in the TAP block group was lower than in the control group (P < 0.001)."
    assert _frames(text)["TAP block"] == (True, False)


def test_an_arm_named_by_an_exposure_stays_an_exposure() -> None:
    text = "Relapse was more frequent in the smokers group than in the control group (P = 0.01)."
    assert _frames(text)["smokers"][1] is True


def test_one_arm_word_names_both_arms_it_joins() -> None:
    frames = _frames("Stroke occurred as often in the atorvastatin and control groups (3.1 vs. 3.3%, p = 0.71).")
    assert frames["atorvastatin"] == (True, False)
    assert "control" not in frames


def test_an_arm_named_by_what_it_was_given_stands_against_the_arm_that_was_not() -> None:
    frames = _frames("Caries did not differ between the iodized and non-iodized groups (P = 0.4).")
    assert frames["iodized"] == (True, False)
    # "treated" says only that something was given
    assert "treated" not in _frames("Caries did not differ between the treated and untreated groups (P = 0.4).")


@pytest.mark.parametrize("word", ["case", "study", "run-in period"])
def test_a_word_of_the_design_names_no_arm(word: str) -> None:
    frames = _frames(f"Anxiety scores did not differ between the {word} and control groups (P = 0.3).")
    assert not any(therapy for therapy, _ in frames.values())


@pytest.mark.parametrize(
    "text",
    [
        "Forearm blood flow (FBF) increased more rapidly in the second week (p = 0.01).",
        "Plasma renin rose over the first week (P < 0.05).",
    ],
)
def test_a_verb_of_change_with_no_object_has_no_agent_before_it(text: str) -> None:
    assert not any(therapy for therapy, _ in _frames(text).values())


def test_a_statistic_names_no_arm_and_no_treatment() -> None:
    frames = _frames("The mean group difference in cost was $236 (P = 0.3), and the median group change was small.")
    assert "mean" not in frames and "median" not in frames


def test_a_verb_of_giving_is_not_part_of_a_name() -> None:
    from summarizer.engines.extractive.learned_spans import learned_word

    assert not learned_word("receiving")
    assert not learned_word("mean")


def test_a_listed_name_given_needs_no_more_attributions_in_the_learned_reading_than_a_listed_one() -> None:
    from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally

    tallies = {"ketorolac": _Tally(mentions=1.0, attributed=1.0, therapy=1.0)}
    # two statements: a name only the PICO reader reads needs both to attribute it an effect ...
    assert _chosen_anchor(tallies, 2, RULES, needed=2.0, tested=True) is None
    # ... a listed drug named as given needs what a listed name needs (min_attributed: one of two statements)
    assert _chosen_anchor(tallies, 2, RULES, needed=2.0, tested=True, listed=frozenset({"ketorolac"})) == "ketorolac"


def test_an_arm_joined_to_the_control_s_keeps_its_two_words() -> None:
    frames = _frames("Daytime fatigue did not differ between the cooling vest and control groups (P = 0.6).")
    assert frames["cooling vest"] == (True, False)


def test_of_words_equally_credited_the_one_only_one_arm_s_name_has_names_the_intervention() -> None:
    from collections import Counter

    from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally

    def tally(**names: int) -> _Tally:
        return _Tally(mentions=1.0, attributed=1.0, therapy=1.0, names=Counter(names))

    tallies = {"free": tally(**{"Sleep Free": 1, "Worry Free": 1}), "sleep": tally(**{"Sleep Free": 1})}
    assert _chosen_anchor(tallies, 2, RULES) == "sleep"


def test_an_arm_named_treated_with_a_drug_is_named_by_the_drug() -> None:
    from summarizer.engines.extractive.treatment_names import clean_name

    assert clean_name("naproxen-treated") == "naproxen"
    assert clean_name("Naproxen-treated") == "Naproxen"


def test_the_forms_of_one_drug_name_one_arm() -> None:
    from collections import Counter

    from summarizer.engines.extractive.target_profile import _arms_named

    assert _arms_named("free", Counter({"Sleep Free": 1, "Worry Free": 1})) == 2
    assert _arms_named("triamcinolone", Counter({"triamcinolone acetate": 1, "triamcinolone acetonide": 1})) == 1
