"""Which significance evidence belongs to which result (numeric_results.Significance).

The sentences are written for these tests (none is from a dev set): a "respectively" list of test results is paired
in order with the results it follows or precedes; evidence before a contrasting clause that names its own claim is
not the later claim's; and the guards: a "respectively" list with one p-value, and evidence before that does apply.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance


def _at(text: str, words: str) -> bool | None:
    return Significance(Scan(text, Resources())).at(text.index(words))


def _changes(text: str) -> dict[str, str]:
    return {m.outcome.lower(): m.change for m in find_outcomes(text)}


# the tests follow their values, the results are named after them
AFTER = (
    "Patients given zinc had 21% (95% CI: 8 to 30%, p = 0.002) and 6% (95% CI: -1 to 12%; p = 0.08) reduction "
    "in days with diarrhoea and vomiting respectively."
)
# the results are named first, the tests follow in one bracket
BEFORE = (
    "Serum ferritin and transferrin saturation were higher with oral iron than with placebo (p = 0.01 and p = 0.21, "
    "respectively)."
)
# the test named once for several values, the last ones with no sign
SHARED_TEST = (
    "Nausea, headache and dizziness were less frequent with the new regimen (P≤0.001, 0.31 and 0.002), respectively."
)
P_VALUES_OF = "Anxiety and sleep quality improved in the yoga group (p-values of 0.03 and 0.44, respectively)."


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (AFTER, "days with diarrhoea", True),
        (AFTER, "vomiting", False),
        (BEFORE, "Serum ferritin", True),
        (BEFORE, "transferrin saturation", False),
        (SHARED_TEST, "Nausea", True),
        (SHARED_TEST, "headache", False),
        (SHARED_TEST, "dizziness", True),
        (P_VALUES_OF, "Anxiety", True),
        (P_VALUES_OF, "sleep quality", False),
    ],
)
def test_a_respectively_list_of_tests_is_paired_in_order(text: str, words: str, expected: bool) -> None:
    assert _at(text, words) is expected


def test_the_pairing_reaches_the_outcomes_read() -> None:
    changes = _changes(AFTER)
    assert changes.get("vomiting") == "no_difference"
    assert _changes(BEFORE).get("transferrin saturation") == "no_difference"


def test_a_respectively_list_with_one_test_is_read_as_before() -> None:
    text = "Relapse occurred in 18% and 31% of patients in the maintenance and observation arms, respectively ({})."
    assert _at(text.format("p = 0.04"), "Relapse") is True
    assert _at(text.format("p = 0.34"), "Relapse") is False


def test_a_list_whose_tests_all_agree_needs_no_place() -> None:
    text = "In both arms, fatigue and pain scores were reduced from baseline (p = 0.62 and p = 0.48, respectively)."
    assert _at(text, "fatigue") is False
    assert _at(text, "pain scores") is False


def test_a_place_that_cannot_be_told_is_no_reading() -> None:
    # one result and two tests (one for each arm): which test is the result's is not said
    text = "Grip strength rose from baseline in the exercise and control groups (p = 0.01 and p = 0.40, respectively)."
    assert _at(text, "Grip strength") is None


def test_evidence_before_a_contrasting_clause_is_not_the_later_claims() -> None:
    text = (
        "There was no significant difference in relapse rates between the two programmes; but the intensive "
        "programme kept more patients abstinent than the brief programme among heavy drinkers."
    )
    assert _at(text, "more patients") is None
    assert _at(text, "relapse rates") is False
    text = "Length of stay did not differ significantly, whereas readmissions were fewer with early follow-up."
    assert _at(text, "readmissions") is None


def test_a_concession_the_sentence_opens_with_is_its_own_claim() -> None:
    text = "Although no significant difference in total sleep time was found, night waking was rarer with melatonin."
    assert _at(text, "night waking") is None


def test_evidence_before_that_names_nothing_applies() -> None:
    # the clause before only says a difference was not significant: it is about the claim that follows
    text = "The difference was not statistically significant, but itching was less frequent with the cream."
    assert _at(text, "itching") is False
    text = "Although not statistically significant, itching was less frequent with the cream."
    assert _at(text, "itching") is False
    # no contrast between: the evidence before is the result's
    text = "No significant differences were found between groups, and itching was similar with the cream."
    assert _at(text, "itching") is False
    # a concession after the claim stays under the claim's test
    text = "There was no significant difference in itching, although redness was slightly less frequent with the cream."
    assert _at(text, "redness") is False


def test_a_list_a_colon_opens_keeps_its_lead() -> None:
    text = "Patients improved significantly in: 1) walking distance; 2) dyspnoea scores."
    assert _at(text, "dyspnoea") is True
    text = "The cream led to a significant decrease in itching and redness; and increase in skin hydration."
    assert _at(text, "skin hydration") is True


def test_evidence_after_still_refers_back_across_a_contrast() -> None:
    text = "Itching was less frequent with the cream, but the difference was not statistically significant."
    assert _at(text, "Itching") is False
