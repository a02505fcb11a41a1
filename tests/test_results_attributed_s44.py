"""Results of a trial that name their arms but went unattributed (s44): a sentence that names two arms and reports a
significant difference between them in numbers ("relapse occurred in 14% of the A group and 4% of the B group (HR
0.3, 95% CI ...)") reports an effect of the arm that names the intervention, which learned_results.by_arm orients.
Every sentence here is written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine, annotate
from summarizer.engines.extractive.numeric_results import arms_compared_sentences
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _compared(text: str) -> frozenset[int]:
    return arms_compared_sentences(Scan(text, load_resources()))


def test_a_significant_difference_between_two_named_arms_is_a_comparison_of_arms() -> None:
    text = ("Patients were followed for a year. Relapse rates were 14.2% in the doxycycline group and 4.1% in the "
            "minocycline group (HR 0.31, 95% CI 0.12-0.80, p = 0.01).")
    assert _compared(text) == frozenset({1})
    reading = annotate(text)
    assert 1 in reading.treatment.effect


def test_no_comparison_of_arms_without_a_significant_difference_or_against_a_control() -> None:
    # said not to be significant: a result of no difference, not an effect of one arm against the other
    assert not _compared("Relapse rates were 14.2% in the doxycycline group and 12.1% in the minocycline group "
                         "(p = 0.62).")
    # one arm is the control: the reading orients it itself, with no wait for the intervention
    assert not _compared("Relapse rates were 14.2% in the placebo group and 4.1% in the minocycline group (p = 0.01).")
    # one arm's change from its baseline is no comparison of two arms
    assert not _compared("In the minocycline group, the relapse rate fell from 14.2% to 4.1% (p = 0.01).")
    # no treatment named in the sentence: nothing is attributed to a treatment
    reading = annotate("Relapse rates were 14.2% in the first cohort and 4.1% in the second cohort (p = 0.01).")
    assert not reading.treatment.mentions or 0 not in reading.treatment.effect


def test_the_arm_that_names_the_intervention_gives_the_brief_its_result() -> None:
    texts = [
        "Minocycline was given for 12 weeks to adults with rosacea, against doxycycline.",
        "Relapse rates were 14.2% in the doxycycline group and 4.1% in the minocycline group (HR 0.31, 95% CI "
        "0.12-0.80, p = 0.01).",
        "Treatment failure occurred in 21.0% of the doxycycline group and 6.5% of the minocycline group (OR 0.26, "
        "95% CI 0.10-0.66, p = 0.004).",
        "Minocycline was well tolerated.",
    ]
    statements = [Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, start=1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert brief.target.intervention is not None and brief.target.intervention.name.lower() == "minocycline"
    claims = {o.claim for o in brief.efficacy.outcomes}
    assert "Relapse rates decreased with minocycline (an improvement)." in claims
    assert brief.efficacy.assessment == "benefit_reported"


def _learned_read(text: str, name: str) -> list[tuple[str, str]]:
    learned = ExtractiveEngine()._learned_results()
    assert learned is not None
    mentions = learned.outcomes(text, annotate(text), [0], name, lambda words: name.lower() in words.lower())
    return [(m.outcome.lower(), m.direction) for m in mentions]


def test_the_change_model_reads_a_sentence_that_names_the_intervention_as_an_arm() -> None:
    # "QZ" is no name the word lists know: the profile found it by another reader, and the sentence names it
    assert _learned_read("Wound pain was significantly lower with QZ than with the usual dressing (p = 0.01).",
                         "QZ") == [("wound pain", "improved")]


def test_the_change_model_does_not_read_a_sentence_that_does_not_name_the_intervention_as_an_arm() -> None:
    # another arm's result, the intervention unnamed
    assert _learned_read("Wound pain was significantly lower with the new dressing than with the usual dressing "
                         "(p = 0.01).", "QZ") == []
    # named as the trial, not as an arm
    assert _learned_read("The QZ trial found wound pain significantly lower with the new dressing than with the "
                         "usual one (p = 0.01).", "QZ") == []
    # named as the cause of the event counted
    assert _learned_read("QZ-related wound pain was significantly lower with the new dressing than with the usual "
                         "one (p = 0.01).", "QZ") == []


def test_a_name_cut_inside_a_combination_is_no_outcome_name() -> None:
    from summarizer.engines.extractive.outcome_names import plausible_outcome_name

    assert not plausible_outcome_name("K +")
    assert not plausible_outcome_name("serum sodium /")
    # a combination named whole, and a charge written in a name, stay names
    assert plausible_outcome_name("LDL-C/HDL-C ratio")
    assert plausible_outcome_name("CD4+ T cell count")


def test_the_change_model_does_not_read_a_correlation_as_a_comparison_of_arms() -> None:
    assert _learned_read("Wound pain was not significantly correlated with the cumulative dose of QZ (p = 0.41).",
                         "QZ") == []


def test_a_decimal_point_printed_as_a_raised_dot_is_read_as_one() -> None:
    from summarizer.engines.extractive.outcomes import find_outcomes
    from summarizer.engines.extractive.significance import decimal_points

    assert decimal_points("HR 0·61 (95% CI 0·44–0·85), p=0·003") == "HR 0.61 (95% CI 0.44–0.85), p=0.003"
    # a raised dot between units is no decimal point
    assert decimal_points("4·2 mm·min") == "4.2 mm·min"
    read = {(m.outcome, m.change) for m in find_outcomes("The hazard ratio for stroke with the new regimen was 0·61 "
                                                           "(95% CI 0·44–0·85).")}
    assert ("stroke with the new regimen", "decreased") in read or ("stroke", "decreased") in read
    # an interval that holds 1 is no difference, however its points are printed
    read = {(m.outcome, m.change) for m in find_outcomes("The hazard ratio for stroke with the new regimen was 0·91 "
                                                           "(95% CI 0·64–1·25).")}
    assert {change for _, change in read} == {"no_difference"}
