"""Forms of reported results the sentence reader reads (issue 23, helper s41-nodiff).

Every sentence here is written for these tests (none is from a dev set): the arms compared "among the groups"; a
comma that lists numbers ("at 2, 8 and 24 h") ends no subject; a bracket between the subject and its verb (a
definition, the values) is passed over, the subject starting after any bracket before it; a sentence that opens by
denying the difference the sentence before it reported ("This difference was not significant") makes that result no
difference, quoted with it; "based on" ends a measure's name; "not significant different", "failed to achieve
significance" and "p value: 0.41" say no difference; the subject of a result of no difference read from its
sentence's start within 120 characters; a change said of both arms "with no differences between groups"; the size
of a change compared ("the increase in X was less in A": X lower); and what stays unread or unchanged: a subject that
joins what came before a bracket, a measure taken "at the time of randomisation", a later sentence that denies a
difference in something else.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.arm_comparison import ARMS, arms_compared
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of times in the subject: its commas end no clause
        ("Nausea scores at 2, 8 and 24 h after extubation were not significantly different between the two arms.",
         [("Nausea scores", "no_difference")]),
        # a definition in brackets between the subject and its verb, with commas in it
        ("Treatment failure (defined as a rise in fever, new cultures, or a change of drug) was seen in 6% of "
         "children given the new regimen, compared with 19% of children given placebo (p = 0.003).",
         [("Treatment failure", "decreased")]),
        # each measure with its values in brackets: the subject starts after the bracket before it
        ("Early (31% versus 33%) and late (12% versus 14%) wound infection rates and readmission rate (8% versus "
         "9%) were similar in both arms.",
         [("wound infection rates", "no_difference"), ("readmission rate", "no_difference")]),
        # the adjective for the adverb, as often written
        ("Serum sodium was not statistically significant different between the two arms (p = 0.4).",
         [("Serum sodium", "no_difference")]),
        # "failed to achieve significance" denies the difference
        ("Patients in the brace group showed a higher rate of healing than those in the control group, but this "
         "difference failed to achieve statistical significance.", [("rate of healing", "no_difference")]),
        # a test after a colon ("p value: 0.41"), in a bracket of up to 60 characters before the comparative
        ("The mean grip strength was slightly (1.2 kg, 95% CI -0.8, 3.1, p value: 0.41) higher in the splint arm "
         "than in the sham arm.", [("grip strength", "no_difference")]),
        # a subject of no difference longer than 80 characters, read from its sentence's start
        ("The number of dressing changes during the first week and the use of additional silver-containing "
         "dressings were similar in both groups.", [("number of dressing changes", "no_difference")]),
        # a change said of every arm, with no difference between them
        ("Grip strength rose from 18 to 22 kg in the splint arm and from 19 to 22 kg in the sham arm, with no "
         "differences between groups.", [("Grip strength", "no_difference")]),
        # the size of a change compared: the increase was less, so X was lower; the decrease greater, X lower; in the
        # control arm, the other way; comparable, no difference
        ("The increase in ankle oedema was significantly less in the compression arm than in the sham arm.",
         [("ankle oedema", "decreased")]),
        ("The decrease in itch score was significantly greater in the placebo group (p = 0.02).",
         [("itch score", "increased")]),
        ("The rise in heart rate after intubation was comparable between the two groups.",
         [("heart rate", "no_difference")]),
        # when the result was measured, between its verb and the arms' values
        ("Wound infection was seen after 30 days in 4 (5%) patients in the drain group and 12 (15%) patients in the "
         "control group (p = 0.03).", [("Wound infection", "decreased")]),
        # "based on" says how the measure was taken
        ("The probability of recovery based on the HADS score was not significantly different between the groups "
         "(p = 0.61).", [("probability of recovery", "no_difference")]),
    ],
)
def test_result_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


def test_the_next_sentence_that_denies_the_difference() -> None:
    text = ("Length of stay was 2 days shorter in the stapler group than in the suture group. This difference, "
            "which was not statistically significant, reflects the smaller wounds.")
    [mention] = find_outcomes(text)
    assert (mention.outcome, mention.change) == ("Length of stay", "no_difference")
    assert mention.quote == text  # quoted with the sentence that denies it
    # a result with its own test keeps it; a later sentence about something else denies nothing before it
    assert _read("Length of stay was shorter in the stapler group (p = 0.01). The difference was not significant "
                 "for wound pain.") == [("Length of stay", "decreased")]
    assert ("Length of stay", "decreased") in _read(
        "Length of stay was shorter in the stapler group than in the suture group. The difference in wound pain was "
        "not significant."
    )


def test_arms_values_denied_by_the_next_sentence_are_quoted_with_it() -> None:
    text = ("Healing time was 12 days in the laser group and 15 days in the sham group. This difference was not "
            "significant.")
    [mention] = find_outcomes(text)
    assert (mention.outcome, mention.change, mention.quote) == ("Healing time", "no_difference", text)


def test_subjects_not_read_across_a_bracket() -> None:
    # what follows the bracket joins what came before it: the subject is "the vials of A and B", no outcome
    assert _read("The vials of ondansetron (4 mg/2 mL) and saline (2 mL, sterile) were similar in appearance.") == []
    # measured when the treatment was given: the groups alike then is no result
    assert _read("Serum ferritin at the time of randomisation did not differ among groups (p = 0.7).") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("wound pain was similar among the three groups (p = 0.5)", ARMS),
        ("there were no significant differences in sleep latency among groups", ARMS),
        ("wound pain was lowest among the elderly", None),
    ],
)
def test_among_the_groups_compares_the_arms(sentence: str, kind: str | None) -> None:
    assert arms_compared(sentence) == kind


def test_no_difference_among_the_groups_counts_for_the_intervention() -> None:
    statements = [
        Statement(id="S1", text="Zelvamab reduced joint swelling in patients with arthritis (p < 0.01)."),
        Statement(id="S2", text="Serum creatinine was similar among the three groups at 12 weeks."),
    ]
    brief = summarize(statements, engine=ExtractiveEngine())
    assert [(o.outcome, o.direction) for o in brief.efficacy.outcomes if "S2" in o.statement_ids] == [
        ("Serum creatinine", "no_difference")
    ]
