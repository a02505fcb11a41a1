"""Which of a trial's arms the statements name first where they name two side by side (arm_order.py), and the
profile's tie-break between arms treated alike (target_profile._chosen_anchor). Sentences written for these tests."""

from __future__ import annotations

from collections import Counter

from fake_pico import profile_name

from summarizer.engines.extractive.arm_order import first_named_arms, named_first
from summarizer.engines.extractive.target_profile import RULES, _chosen_anchor, _Tally

_ARMS = {"nifedipine": ["nifedipine"], "amlodipine": ["amlodipine"]}


def test_the_first_of_two_arms_named_side_by_side_is_counted() -> None:
    texts = [
        "Ankle oedema did not differ between the amlodipine group and the nifedipine group (p = 0.3).",
        "Heart rate rose by 3 and 5 beats per minute in the amlodipine (n = 40) and nifedipine (n = 41) groups.",
        "Amlodipine versus nifedipine: no difference in headache. Flushing: amlodipine vs. nifedipine, p = 0.6.",
        "Headache was as frequent in those on amlodipine or nifedipine arms.",
    ]
    assert first_named_arms(texts, _ARMS) == Counter({("amlodipine", "nifedipine"): 5})
    assert named_first(["nifedipine", "amlodipine"], texts, _ARMS) == "amlodipine"


def test_a_comparison_of_results_or_one_arm_running_on_to_another_counts_nothing() -> None:
    texts = [
        # the order of a comparison of results says which arm had the higher value, not which was tested
        "Oedema was more frequent with nifedipine than with amlodipine (p = 0.01).",
        "Oedema was higher in the nifedipine group compared with the amlodipine group.",
        # one arm given with the other, or a switch from one to the other
        "Patients on nifedipine with amlodipine added had lower pressures.",
        "Patients switched from nifedipine to amlodipine.",
        # two sentences, not two arms side by side
        "Headache was rare with nifedipine. And amlodipine was well tolerated.",
        # two drugs given together, not named as arms (no "versus", arm word or "between")
        "Oedema developed after nifedipine and amlodipine were started.",
    ]
    assert first_named_arms(texts, _ARMS) == Counter()


def test_names_are_whole_words_and_one_names_words_are_one_arm() -> None:
    # "ils" inside "ILSA" is no name of the arm
    arms = {"ils": ["ILS"], "metformin": ["metformin"]}
    assert first_named_arms(["The ILSA and metformin groups."], arms) == Counter()
    # two anchors of one name ("snare cauterization") are one arm, not two side by side
    one_name = {"snare": ["snare cauterization"], "cauterization": ["snare cauterization"], "clip": ["clip"]}
    counted = first_named_arms(["Bleeding was rare in the snare cauterization and clip groups."], one_name)
    assert counted == Counter({("snare", "clip"): 1, ("cauterization", "clip"): 1})
    # a word two arms' names share is counted for neither when both names hold it
    shared = {"tailored": ["tailored feedback"], "generic": ["generic feedback"],
              "feedback": ["tailored feedback", "generic feedback"]}
    counted = first_named_arms(["Those who received the tailored feedback versus the generic feedback."], shared)
    assert counted == Counter({("tailored", "generic"): 1})


def test_only_an_arm_named_before_the_first_ranked_takes_its_place() -> None:
    arms = {"ketoconazole": ["ketoconazole"], "allopurinol": ["allopurinol"], "antimony": ["antimony"]}
    texts = [
        "Rash was rarer in the antimony group, and cure rates did not differ between allopurinol and ketoconazole.",
        "Fever resolved as fast with allopurinol versus ketoconazole (p = 0.5).",
    ]
    # antimony is never named beside the others: neither takes its place
    assert named_first(["antimony", "ketoconazole", "allopurinol"], texts, arms) == "antimony"
    # allopurinol is named before ketoconazole
    assert named_first(["ketoconazole", "antimony", "allopurinol"], texts, arms) == "allopurinol"
    # named as often first as second: the ranking stands
    even = ["In the allopurinol and ketoconazole groups.", "In the ketoconazole and allopurinol groups."]
    assert named_first(["ketoconazole", "allopurinol"], even, arms) == "ketoconazole"


def test_of_two_arms_treated_alike_the_first_named_side_by_side_is_chosen() -> None:
    tallies = {
        "nifedipine": _Tally(mentions=3.0, attributed=3.0, therapy=3.0, names=Counter({"nifedipine": 3})),
        "amlodipine": _Tally(mentions=3.0, attributed=3.0, therapy=3.0, names=Counter({"amlodipine": 3})),
    }
    first_amlodipine = ["Oedema did not differ between the amlodipine and the nifedipine groups (p = 0.4)."]
    first_nifedipine = ["Oedema did not differ between the nifedipine and the amlodipine groups (p = 0.4)."]
    assert _chosen_anchor(tallies, 3, RULES, texts=first_amlodipine) == "amlodipine"
    assert _chosen_anchor(tallies, 3, RULES, texts=first_nifedipine) == "nifedipine"
    # an arm attributed more is chosen whichever is named first
    tallies["nifedipine"] = _Tally(mentions=4.0, attributed=4.0, therapy=4.0, names=Counter({"nifedipine": 4}))
    assert _chosen_anchor(tallies, 4, RULES, texts=first_amlodipine) == "nifedipine"


def test_the_profile_names_the_arm_the_statements_name_first_side_by_side() -> None:
    statements = [
        "Ankle oedema was reported by 12% and 14% of patients in the {0} and {1} groups (p = 0.62).",
        "Systolic pressure fell by 14 mmHg in the {0} group and by 13 mmHg in the {1} group (p = 0.71).",
    ]
    assert profile_name(*(s.format("amlodipine", "nifedipine") for s in statements)) == "amlodipine"
    assert profile_name(*(s.format("nifedipine", "amlodipine") for s in statements)) == "nifedipine"


def test_a_case_reports_drugs_named_side_by_side_are_not_ordered_as_arms() -> None:
    from summarizer.engines.extractive import annotate
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.target_profile import profile_target
    from summarizer.models import Target

    res = load_resources()
    texts = [
        "Oedema was reported by 12% and 14% of patients in the amlodipine and nifedipine groups (p = 0.62).",
        "Systolic pressure fell by 14 mmHg in the amlodipine group and by 13 mmHg in the nifedipine group (p = 0.71).",
    ]
    readings = [annotate(text, resources_=res) for text in texts]
    trial = profile_target(Target(), readings, res, texts=texts)
    case = profile_target(Target(design="case_report"), readings, res, texts=texts)
    assert trial.name == "amlodipine"
    assert case.name == "nifedipine"  # the order of drugs a case report names together says nothing: the old order
