"""Forms of reported results the outcome rules read (s43): a comparison whose subject names its arm ("the healing
rate of the treated group was higher than that of the control group"), per-arm values with a bare range ("9 days
(7-12 days) with the gel"), "more likely to" + the verb that is the outcome, what a treatment "gave" ("gave higher
tidal volumes than"), two arms named before their values and "respectively", and a count of people named with who
it counts ("the proportion of children who walked"). Every sentence here is written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.counted_people import counted_by_clause
from summarizer.engines.extractive.numeric_results import numeric_results
from summarizer.engines.extractive.outcome_names import name_bounds, plausible_outcome_name
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.engines.extractive.subject_arms import subject_arm


def _read(text: str) -> dict[str, tuple[str, str]]:
    scan = Scan(text, load_resources())
    return {m.outcome.lower(): (m.change, m.direction) for m in find_outcomes(text, scan)}


def _numeric(text: str) -> list[tuple[str, tuple[float, float] | None]]:
    scan = Scan(text, load_resources())
    return [
        (r.change, (r.arms[0].value, r.arms[1].value) if r.arms else None)
        for r in numeric_results(scan, Significance(scan))
    ]


def test_a_subject_that_names_its_arm_gives_the_outcome_in_that_arm() -> None:
    read = _read("The healing rate of the treated group (78%) was significantly higher than that of the control "
                 "group (52%).")
    assert read.get("healing rate") == ("increased", "improved")
    # said of the control arm: the opposite change for the treated arm
    read = _read("Itching scores in the placebo group were higher than in the gel group (p = 0.01).")
    assert read.get("itching scores") == ("decreased", "improved")
    # a size given to the comparative, and a bracket between it and "than"
    read = _read("The sodium content of meals chosen by the coached group was 12% lower (95% CI 5% to 19%) than in "
                 "the control group.")
    assert [change for name, (change, _) in read.items() if name.startswith("sodium content")] == ["decreased"]


def test_a_subject_arm_needs_another_arm_after_the_comparative() -> None:
    low = "itching scores in the gel group were lower than at baseline (p < 0.01)."
    verb = low.index("were")
    assert subject_arm(low, 0, verb, low.index(" than")) is None  # the arm's own course, not a comparison of arms
    low = "itching scores in the gel group were lower than in the cream group."
    verb = low.index("were")
    found = subject_arm(low, 0, verb, low.index(" than"))
    assert found is not None and low[found.start :].startswith("in the gel group") and not found.control
    # "in both groups": no arm of its own
    low = "itching scores in both groups were lower than in the untreated volunteers."
    assert subject_arm(low, 0, low.index("were"), low.index(" than")) is None
    # the arms themselves are no outcome
    assert "groups" not in " ".join(_read("The ointment and cream groups were similar in size."))


def test_values_with_a_bare_range_are_read_as_two_arms() -> None:
    assert _numeric("Median time to healing was 9 days (7–12 days) with the gel and 14 days (11–18 days) with the "
                    "cream (p = 0.003).") == [("unclear", (9.0, 14.0))]
    assert _numeric("Mean blood loss was 310±45 (250–400) ml in the coached group and 420±60 (330–510) ml in the "
                    "placebo group (p < 0.01).") == [("decreased", None)]
    assert _numeric("Infection rates were 6.1% (3.2%–9.0%) with the gel and 12.4% (8.8%–16.0%) with placebo "
                    "(p = 0.02).") == [("decreased", None)]
    # means with no test said: no result to read
    assert _numeric("Mean stay was 4 days (3–6 days) with the gel and 5 days (4–7 days) with the cream.") == []


def test_more_likely_to_and_the_verb_that_is_the_outcome() -> None:
    read = _read("Smokers given the patch were less likely to relapse within six months than those given placebo "
                 "(p = 0.03).")
    assert read.get("relapse within six months") == ("decreased", "improved")
    read = _read("Walkers in the coached group were more likely to quit smoking than those in the control group "
                 "(p = 0.04).")
    assert read.get("quit smoking", ("",))[0] == "increased"
    # what they said or thought is a claim, not a measure
    assert _read("Mothers were more likely to say that the lotion felt pleasant (p < 0.01).") == {}


def test_what_a_treatment_gave_against_another() -> None:
    read = _read("The new ventilator gave significantly higher tidal volumes than the standard device (p = 0.002).")
    assert read.get("tidal volumes", ("",))[0] == "increased"
    assert _read("The nurses gave the injections in the morning.") == {}


def test_arms_named_in_the_subject_before_values_respectively() -> None:
    assert _numeric("The mean stay for the gel group and control group was 3.5 and 5.1 days, respectively "
                    "(p = 0.001).") == [("decreased", None)]
    read = _read("The mean stay for the gel group and control group was 3.5 and 5.1 days, respectively (p = 0.001).")
    assert [change for name, (change, _) in read.items() if "stay" in name] == ["decreased"]
    # two arms no control word tells apart: kept, with their values in the sentence's order
    assert _numeric("Time to discharge in groups A and B was 4.5±1.2 and 6.0±1.9 days, respectively "
                    "(p = 0.004).") == [("unclear", (4.5, 6.0))]
    # no arm named before the values: what the subject lists is no pair of arms, and the outcome is not cut there
    text = "The totals for the composite of stroke and death were 212 and 230 events, respectively (p = 0.41)."
    scan = Scan(text, load_resources())
    assert all(r.subject_end > text.index(" death") for r in numeric_results(scan, Significance(scan)))


def test_a_time_before_the_subject_of_two_arms_values_is_passed_over() -> None:
    read = _read("After the treatment the grip strength is 31.2 ± 4.1 in the exercise group and 27.5 ± 3.9 in the "
                 "control group (P = 0.01).")
    assert [change for name, (change, _) in read.items() if name.endswith("grip strength")] == ["increased"]
    assert "treatment" not in " ".join(read)


def test_a_change_noun_after_a_comparative_is_no_outcome() -> None:
    read = _read("Walkers given the insoles had significantly greater reductions in knee pain than those given flat "
                 "insoles (p = 0.01).")
    assert "reductions" not in read and read.get("knee pain", ("",))[0] == "decreased"
    # a comparative before a measure is still read
    read = _read("Walkers given the insoles had significantly lower knee pain than those given flat insoles "
                 "(p = 0.01).")
    assert read.get("knee pain", ("",))[0] == "decreased"


def test_who_a_count_counts_is_part_of_its_name() -> None:
    words = ["the", "proportion", "of", "children", "who", "recovered"]
    assert counted_by_clause(words, 4, frozenset({"children"}))
    assert not counted_by_clause(["retinal", "problems", "which", "improved"], 2, frozenset({"children"}))
    # people not joined to a count: the clause says what happened to them, not what was counted
    assert not counted_by_clause(["the", "children", "who", "recovered"], 2, frozenset({"children"}))
    assert name_bounds("proportion of children who walked unaided") == (0, 41)
    assert plausible_outcome_name("proportion of children who recovered")
    assert not plausible_outcome_name("blood glucose decreased")
    read = _read("The proportion of children who walked unaided was significantly higher in the splint group than in "
                 "the control group (p = 0.003).")
    assert read.get("proportion of children who walked unaided", ("",))[0] == "increased"


def test_a_change_noun_takes_its_measure_after_in_the() -> None:
    read = _read("There was a significant increase in the walking distance in the brace group (p = 0.01).")
    assert read.get("walking distance", ("",))[0] == "increased"
    # a noun the change is said of: what follows "in the" is where, not the measure
    read = _read("The pain increase in the left knee was significantly lower for the brace wearers (p = 0.01).")
    assert "left knee" not in read
    # a dose is how a treatment was given, not its effect
    read = _read("There was a significant increase in the daily dose of insulin in the pump group (p = 0.01).")
    assert not any("dose" in name for name in read)
    # a narrative, with no result reported: the change may be a harm, and is not read as a measure's
    assert "heart rate" not in _read("An increase in the heart rate was noted after the second infusion.")


def test_a_participle_of_causing_ends_a_name() -> None:
    assert name_bounds("QT interval causing syncope") == (0, 11)
    assert name_bounds("sleep-inducing effect score") == (0, 27)  # a compound, no clause


def test_a_clause_of_when_ends_a_name() -> None:
    assert name_bounds("mean serum calcium level as the trial went on") == (0, 24)
    assert name_bounds("heart rate as measured by ECG") == (0, 10)  # as before: how it was measured
    assert name_bounds("mean serum calcium level") == (0, 24)


def test_the_arms_after_a_change_nouns_measure_are_cut() -> None:
    read = _read("There were significant differences in the decrease in the itch score for the lotion 0.1% and 0.5% "
                 "groups (p = 0.002).")
    assert [change for name, (change, _) in read.items() if name.startswith("itch score")] == ["decreased"]
    assert not any("lotion" in name for name in read)


def test_more_likely_in_a_relative_clause_says_who_they_were() -> None:
    assert _read("Walkers who were more likely to stumble were given a cane.") == {}
    read = _read("Walkers given a cane were less likely to stumble than those without one (p = 0.03).")
    assert read.get("stumble", ("",))[0] == "decreased"
