"""Forms of reported results the sentence reader reads (issue 23, helper s42-results).

Every sentence here is written for these tests (none is from a dev set): two treatments equally good at a change ("A
was as effective as B in reducing X", "equally effective in lowering X") is no difference in X, and no claim that A
worked; "less effective than B in reducing X" is no decrease in X; "patients given A were more (less) likely to have X
(than those given B)" is more (less) X with A, the opposite when the subject is the control arm; "..., with X being
lower with A compared with B" reads X; a time between an arm's value and the arm ("4.2% at the 1-year follow-up in the
A group vs 9.8% in the B group"); two arms' means or scores with no test said are no result (rates are read); "there
was no evidence of a statistically significant difference" denies the significance.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.evidence import _CLAIM_DOUBTED, EFFICACY_CLAIM
from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.outcome, m.change) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an equivalence: no difference in what both were good at
        ("The cream was as effective as the ointment in relieving itch.", [("itch", "no_difference")]),
        ("Both dressings proved equally effective at shortening healing time.", [("healing time", "no_difference")]),
        # less effective than another at a change: worse for the outcome, not the change itself
        ("The cream was less effective than the ointment in relieving itch (p = 0.02).", [("itch", "unclear")]),
        ("The cream was less effective at relieving itch than the ointment (p = 0.02).", []),
        # not an equivalence: the change stands
        ("The cream was effective in relieving itch.", [("itch", "decreased")]),
        # "more/less likely to have X": the subject's arm had more (less) X
        ("Compared with those on the waiting list, children given the tutoring were significantly more likely to "
         "achieve reading fluency (48% vs 21%; p = 0.004).", [("reading fluency", "increased")]),
        ("Smokers given the nicotine patch were less likely to report a relapse than those given counselling alone "
         "(p = 0.02).", [("relapse", "decreased")]),
        # the control arm as the subject: the opposite for the intervention
        ("The placebo group was more likely to need rescue medication (p = 0.03).",
         [("rescue medication", "decreased")]),
        # a likelihood that is no result
        ("Patients who were more likely to smoke were excluded.", []),
        # a participle clause: "with X being lower with A compared with B"
        ("The arms differed in recovery, with readmission rates being lower with the home visits compared with usual "
         "follow-up (p = 0.01).", [("readmission rates", "decreased")]),
        # a time between an arm's value and the arm
        ("Healing was 81% at 12 weeks in the laser group and 64% at 12 weeks in the placebo group (p = 0.02).",
         [("Healing", "increased")]),
        ("Readmission was 4.2% at the 1-year follow-up in the clinic group vs 9.8% in the usual care group "
         "(p = 0.01).", [("Readmission", "decreased")]),
        # two arms' values with no test: no result; with one, a change
        ("Satisfaction was 7.9 in the booklet group compared to 8.1 in the control group.", []),
        ("Satisfaction was 7.9 in the booklet group compared to 8.6 in the control group (p = 0.01).",
         [("Satisfaction", "decreased")]),
        ("The score was 12 with exercise, 14 with education and 15 with advice, compared with 25 with usual care.",
         []),
        # rates of patients with no test are read (what was counted in each arm)
        ("Falls occurred in 12% of those given exercise classes and 25% of those given usual care.",
         [("Falls", "decreased")]),
        # the same clause as a fragment that opens its sentence; not after "apart from"
        ("the readmission rate being lower with home visits compared with usual follow-up (4% versus 9%; P = 0.01).",
         [("readmission rate", "decreased")]),
        ("Scores did not differ at 6 weeks, apart from anxiety being lower in the usual care group.", []),
        # "no evidence of a significant difference" denies the significance of what came before it
        ("Although schools in the coaching arm tended to have higher rates of physical activity (41% coaching, 30% "
         "control), there was no evidence of a statistically significant difference between the arms (p = 0.27).",
         [("rates of physical activity", "no_difference")]),
        # a ratio's interval rules: crossing 1 is no difference, whatever a one-sided P beside it says
        ("Relapse-free survival was longer with the maintenance dose (hazard ratio 0.72; 95% CI 0.49-1.06; "
         "one-sided P = 0.04).", [("Relapse-free survival", "no_difference")]),
        ("Relapse-free survival was longer with the maintenance dose (hazard ratio 0.72; 95% CI 0.55-0.94).",
         [("Relapse-free survival", "increased")]),
    ],
)
def test_result_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The four-day course was effective in children with croup.", True),
        ("The four-day course was as effective as the seven-day course.", False),
        ("The four-day course was found to be equally effective.", False),
        ("The four-day course was less effective than the seven-day course.", False),
    ],
)
def test_an_equivalence_is_no_efficacy_claim(text: str, claim: bool) -> None:
    assert (EFFICACY_CLAIM.search(text) is not None and _CLAIM_DOUBTED.search(text) is None) is claim
