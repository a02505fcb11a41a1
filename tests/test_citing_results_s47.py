"""Results in citing and trial sentences that were not read or were misread (issue 23, s47-citing): a trend toward a
change in a measure ("a trend toward fewer relapses", "a tendency to lower scores") is a result that did not reach
significance, read as no difference in the measure, named without its comparative (trend_outcomes.py, read by
outcomes.find_outcomes). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.trend_outcomes import trend_outcomes


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in find_outcomes(text)]


def test_a_trend_toward_a_change_is_no_difference_in_the_measure() -> None:
    assert ("hospital readmissions", "no_difference", "no_difference") in _read(
        "Patients given the diuretic showed a trend toward fewer hospital readmissions (P = 0.08).")
    assert ("pain scores", "no_difference", "no_difference") in _read(
        "There was a tendency to lower pain scores in the massage arm [ 5] .")
    assert ("exacerbation rate", "no_difference", "no_difference") in _read(
        "Smith et al [ 5] reported a trend of a higher exacerbation rate with placebo, though not significant.")


def test_the_comparative_is_not_part_of_the_name() -> None:
    names = [o for o, _, _ in _read("A trend towards a shorter time to first seizure was seen with valproate.")]
    assert "time to first seizure" in names
    assert not any(name.startswith("shorter") for name in names)
    # how often is said of the measure: "a less frequent use of rescue inhaler" names the use
    names = [o for o, _, _ in _read("The children on montelukast had a trend towards less frequent use of rescue "
                                    "inhalers (P = 0.11).")]
    assert "use of rescue inhalers" in names


def test_the_arm_or_dose_after_the_measure_is_not_its_name() -> None:
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.scan import Scan

    text = "There was a trend toward higher bone density for both doses of the vitamin versus placebo."
    assert [m.outcome for m in trend_outcomes(Scan(text, load_resources()))] == ["bone density"]


def test_a_significant_trend_a_denied_one_or_a_purpose_is_not_read_as_a_trend() -> None:
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.scan import Scan

    res = load_resources()
    for text in (
        "There was a significant trend toward lower blood pressure with increasing dose (P for trend < 0.01).",
        "We found no trend toward lower blood pressure in either arm.",
        "The study was designed to test for a trend toward lower blood pressure with each dose.",
        "There was a trend for a better efficacy of the vaccine in older children.",
        "The incidence of asthma has shown an upward trend in recent decades.",
    ):
        assert trend_outcomes(Scan(text, res)) == [], text


def test_before_surgery_after_a_word_of_giving_is_when_the_treatment_was_given() -> None:
    from summarizer.engines.extractive.evidence import measured_before_treatment

    assert not measured_before_treatment(
        "wound infection", "Wound infection was less common with one gram of cefuroxime as a single dose before "
        "surgery than with placebo [ 3] .")
    assert not measured_before_treatment(
        "nausea", "Nausea was rarer when the ondansetron injection was given 2 hours before surgery [ 3] .")
    assert not measured_before_treatment("thirst", "Oral carbohydrate intake before surgery reduced thirst [ 3] .")
    # a measure compared before surgery, or a giving word far from "before", is still a measure taken before it
    assert measured_before_treatment("anxiety", "Anxiety scores did not differ between the arms before surgery.")
    assert measured_before_treatment(
        "anxiety", "Women given lorazepam had similar anxiety scores before surgery [ 3] .")


def test_a_trial_result_beside_the_dose_given_before_surgery_is_read() -> None:
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Source, Statement, Target
    from summarizer.pipeline import summarize

    statements = [Statement(id="S1", text=(
        "Jones et al [ 8] found a trend of fewer wound infections with cefuroxime (4%; 1.5 g in a single dose "
        "before surgery) than with placebo (9%), though not significant."))]
    brief = summarize(Source(format="text", target=Target(title="A randomised trial of cefuroxime"),
                             statements=statements), engine=ExtractiveEngine())
    assert [(o.outcome, o.direction) for o in brief.efficacy.outcomes] == [("wound infections", "no_difference")]


def test_a_measure_that_tended_to_change_did_not_differ() -> None:
    # the measure is the subject of "tended to be lower" and of an intransitive "tended to decrease"
    assert ("Length of stay", "no_difference", "no_difference") in _read(
        "Length of stay tended to be shorter in the early-feeding group than in the late-feeding group (p = 0.09).")
    read = _read("Nausea and vomiting tended to decrease in the acupressure arm compared with the sham arm.")
    assert ("Nausea", "no_difference", "no_difference") in read
    assert ("vomiting", "no_difference", "no_difference") in read
    # a measure named before the arm it was measured in
    assert ("response rate", "no_difference", "no_difference") in _read(
        "The response rate for the vaccine group tended to be higher than that for placebo (p = 0.1).")
    # a treatment as subject: the measure is the verb's object
    assert ("serum ferritin", "no_difference", "no_difference") in _read(
        "Compared with placebo, deferiprone tended to lower serum ferritin (P = 0.07).")


def test_what_tends_to_happen_or_a_head_cut_from_its_complement_is_not_read() -> None:
    from summarizer.engines.extractive.resources import load_resources
    from summarizer.engines.extractive.scan import Scan

    res = load_resources()
    for text in (
        # the present says what is usual, not what a trial found
        "Hospital costs tend to be higher in older patients with heart failure.",
        # the head alone ("need") names no measure
        "The need for additional procedures related to bleeding (i.e. packing, ligation of vessels or reoperation) "
        "tended to be lower in the stent group.",
        "We wanted to know whether pain tended to decrease with each session.",
    ):
        assert trend_outcomes(Scan(text, res)) == [], text
