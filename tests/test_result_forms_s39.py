"""Forms of reported results the sentence reader reads (issue 23, helper s39-readings).

Every sentence here is written for these tests (none is from a dev set): a comparison of the arms whose subject is
longer than a measure's name, named by its head before where, when or for what it was measured (not when the words
cut off name an arm, the comparator, or every arm at once), or read whole up to 9 words when its clause bounds it
and it names no arm; a name cut before the participle that says how or when the measure was taken ("measured at 6
months"); two arms' values, the first arm named in the subject before its verb; a test in brackets, or a degree
adverb ("quite", "far"), between the verb and the comparative; a difference in X "in favour of" an arm (X better
for it; worse when the arm is the control); and what must stay unread: a subject whose head lies beyond the verb's
reach, or that names an arm.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long subject of a comparison: its head before what it was measured for, or when
        ("The total amount of rescue analgesic for breakthrough pain after discharge was significantly lower in "
         "the nerve block group than in the sham group (p = 0.01).", [("amount of rescue analgesic", "decreased")]),
        ("Consumption of insulin units per day during the first postoperative week was 21.3 in the pump arm and "
         "27.9 in the control arm (p = 0.004).", [("Consumption of insulin units per day", "decreased")]),
        # a longer name, when its clause bounds it and it names no arm
        ("The cumulative incidence of all serious bacterial infections was significantly lower in the prophylaxis "
         "arm than in the observation arm (p = 0.02).", [("cumulative incidence of all serious bacterial infections",
                                                          "decreased")]),
        # the verb's reach starts just after the comma that ends the clause before the subject
        ("At the final visit, the total mean score of knowledge about inhaler technique for asthmatic adults was "
         "significantly higher in the education group (p < 0.001).",
         [("score of knowledge about inhaler technique", "increased")]),
        # the measure named before the participle that says how or when it was taken
        ("Grip strength measured at the final visit was significantly higher in the exercise group than in the "
         "usual care group (p = 0.03).", [("Grip strength", "increased")]),
        ("Tear film break-up time assessed after the second week did not differ between the drops.",
         [("Tear film break-up time", "no_difference")]),
        # a participle before a noun is part of the name
        ("The likelihood of observed seat-belt use was similar in the two arms.",
         [("likelihood of observed seat-belt use", "no_difference")]),
        # two arms' values, the first arm named in the subject just before its verb
        ("The mean night-time cough score in the honey group was 2.1 compared with 3.4 in the placebo group "
         "(p = 0.004).", [("night-time cough score", "decreased")]),
        ("Median blood loss in the control arm was 410 ml versus 290 ml in the tranexamic acid arm (p < 0.001).",
         [("blood loss", "decreased")]),
        ("Serum vitamin D in the supplemented group was 31 compared with 27 in the placebo group (p = 0.41).",
         [("Serum vitamin D", "no_difference")]),
        # a test in brackets between the adverb and the comparative
        ("Serum zinc in the supplemented children was significantly (p < 0.01) higher than in the placebo children.",
         [("Serum zinc", "increased")]),
        # a degree adverb before the comparative
        ("Blood loss was far lower with the new clamp than with the standard clamp (p = 0.002).",
         [("Blood loss", "decreased")]),
        ("The number of night-time awakenings was quite similar in both arms.",
         [("number of night-time awakenings", "no_difference")]),
    ],
)
def test_result_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the words cut off name the comparator: which arm the measure is of is in the subject, so it is not read
        ("The mean serum potassium at the end of the study in those allocated to placebo tablets was significantly "
         "higher than in the spironolactone arm (p = 0.03)."),
        # the words cut off hold every arm at once: each arm's own value, set against another study's
        ("The relapse rates in both of the new regimens were much higher than the 5% reported by an "
         "earlier cohort study of the same population."),
        # a longer subject that names an arm: which arm it is of matters
        ("The mean number of rescue inhaler puffs per day of the children randomised to the spacer was "
         "significantly lower (p = 0.01)."),
        # a longer subject whose head is a noun of change: the comparative says how much it changed
        ("The summed symptom score difference over the first 24 hours was significantly higher in the lozenge "
         "group than in the placebo group (p = 0.002)."),
        # a longer subject whose place names the arm (no "group")
        ("Daily and total opioid requirement in the TEP was significantly lower compared with the Lichtenstein "
         "repair (p = 0.01)."),
        # a longer subject that holds a value
        ("In the gel group, the itch score with a median of 2.5 was significantly lower than in the cream group."),
        # the subject's head is beyond the verb's reach: no name cut inside it ("of hospital stay in ...")
        ("In the subgroup analysis the median duration of hospital stay in the day-surgery group (3.1 days, range "
         "2-6) was observed to be quite shorter than the inpatient group (p = 0.04)."),
    ],
)
def test_not_read(text: str) -> None:
    assert _read(text) == []


def _directions(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.direction) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a between-group difference in X in favour of an arm: X went the way better for it
        ("The adjusted mean difference in systolic blood pressure was -4.1 mmHg (95% CI -6.0 to -2.2) in favour of "
         "the salt-substitute arm (p < 0.001).", [("systolic blood pressure", "improved")]),
        ("Significant differences in sleep latency were found in favour of the melatonin group (p = 0.004).",
         [("sleep latency", "improved")]),
        # in favour of the control arm: worse for the intervention
        ("The difference in dyspnoea scores was 0.8 points in favour of placebo (p = 0.02).",
         [("dyspnoea scores", "worsened")]),
        # said not to be significant: no difference
        ("The change in walking distance was 12 m in favour of the treadmill arm (p = 0.31).",
         [("walking distance", "no_difference")]),
        # doubted before it, or a name cut before its complement: not read
        ("There was a non-significant difference in fatigue of 2 points in favour of the yoga arm.", []),
        ("Significant differences in the time spent in remission were observed in favour of the biologic arm.", []),
    ],
)
def test_difference_in_favour_of(text: str, expected: list[tuple[str, str]]) -> None:
    assert _directions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparative set against another study: no result of the trial
        ("The relapse rate was much higher than the 6% relapse in our previous study.", []),
        ("The response rate was lower than that reported in earlier trials of the same regimen.", []),
        # against the comparator, with another study named after a comma: read
        ("The infection rate was lower than in the control group, as in previous studies.",
         [("infection rate", "decreased")]),
    ],
)
def test_set_against_another_study(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected
