"""s46-verdicts: staying in a treatment or a study to its end is good to have (measure_polarity.py), and the
intervention named as a later arm of the list another arm is compared against (listed_references.py, used by the
efficacy section). Every name and sentence here is written for the test, not taken from a corpus."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.engines.extractive.listed_references import named_as_listed_reference
from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.polarity import outcome_direction, rule_higher_is_better

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from why_no_verdict import trial_reasons  # noqa: E402

from summarizer.engines.extractive import load_resources  # noqa: E402


@pytest.mark.parametrize(
    "name",
    [
        "completion rate at one year",
        "the study completion",
        "retention in care at 6 months",
        "retention rates",
        "completion of the exercise programme",
        "proportion of participants who completed the trial",
    ],
)
def test_staying_in_a_treatment_or_study_is_good_to_have(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is True
    assert outcome_direction(name, "decreased") == "worsened"


@pytest.mark.parametrize(
    "name",
    [
        "time to study completion",  # a time: polarity.py's times decide it (the shorter, the better)
        "weeks to treatment completion",
        "urinary retention rate",  # what the body retains is a harm
        "fluid retention",
        "knowledge retention",  # no treatment or study kept to
        "dropout rate",  # leaving early: not a class (s46-verdicts BENCHMARKS says why)
    ],
)
def test_no_stay_for_a_time_a_body_retention_or_a_dropout(name: str) -> None:
    assert measure_higher_is_better(name.lower()) is not True


def test_the_time_a_completion_took_stays_shorter_is_better() -> None:
    assert rule_higher_is_better("time to study completion") is False


def _named(anchor: str) -> Callable[[str], bool]:
    return lambda words: anchor in words.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Withdrawal was more frequent among women assigned to yoga (31/90, 34%) than among those assigned to "
        "walking (12/88, 14%) or tai chi (10/91, 11%; P = 0.002).",
        "Fatigue scores were higher with yoga compared with walking, swimming and tai chi (P < 0.01).",
        "Pain fell more in the yoga group (mean 2.1, 95% CI 1.2, 3.0) versus the walking group or tai chi group.",
    ],
)
def test_the_intervention_as_a_later_arm_of_the_list_compared_against(sentence: str) -> None:
    assert named_as_listed_reference(sentence, _named("tai chi"), ["yoga"]) is True


@pytest.mark.parametrize(
    ("sentence", "others"),
    [
        # the intervention is the arm compared, named before the reference word
        ("Fatigue was lower with tai chi than with walking or yoga (P = 0.01).", ["walking", "yoga"]),
        # the first arm of the list: the treatment reader marks it (treatment_frames.as_reference)
        ("Fatigue was higher with yoga than with tai chi or walking (P = 0.01).", ["yoga"]),
        # the compared arm is the control: the outcome reader has already turned the change round
        ("Fatigue was higher with placebo than with walking or tai chi (P = 0.01).", []),
        # a fronted reference names no arm before it
        ("Compared with baseline, walking and tai chi reduced fatigue (P = 0.01).", []),
        # "rather than" compares no arms
        ("Yoga rather than walking or tai chi was chosen by most women.", ["yoga"]),
        # a single reference: no list
        ("Fatigue was higher with yoga than with tai chi (P = 0.01).", ["yoga"]),
        # the list ends at the verb: the later words are another clause
        ("Fatigue was higher with yoga than with walking, which was given with tai chi classes.", ["yoga"]),
    ],
)
def test_no_listed_reference(sentence: str, others: list[str]) -> None:
    assert named_as_listed_reference(sentence, _named("tai chi"), others) is False


_THREE_PROGRAMS = [
    "Adults with anxiety were randomised to CalmNet, an online program, or to StepUp or MindPath.",
    "Furthermore, anxiety scores were significantly higher for participants assigned to StepUp (mean 12.1, SD 3.0) "
    "compared with MindPath (10.2, 2.9) or CalmNet (8.4, 2.7; P = .01).",
    "CalmNet reduced anxiety at week 8 (P = .03).",
    "Participants treated with CalmNet used it for twelve weeks.",
]


def test_a_result_of_the_arm_compared_against_the_intervention_counts_turned_round() -> None:
    """The second sentence's change is StepUp's; for CalmNet, a later arm of the list StepUp was compared against,
    anxiety was lower: two improvements, a benefit (read as CalmNet's own rise in anxiety, it was mixed)."""
    name, verdict, _ = trial_reasons(_THREE_PROGRAMS, load_resources())
    assert name == "CalmNet"
    assert verdict == "benefit_reported"


def test_without_the_listed_reference_the_rise_is_read_as_the_interventions(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.engines.extractive.sections as sections

    monkeypatch.setattr(sections, "named_as_listed_reference", lambda *args: False)
    assert trial_reasons(_THREE_PROGRAMS, load_resources())[1] == "mixed"
