"""Two-arm comparisons in numbers that no control word tells apart, oriented by the target's intervention.

The sentences are written for these tests (none is from a dev set): numeric_results keeps such a comparison's arms
and values, the rules leave its change unread, and learned_results.by_arm orients it by the arm whose words name the
intervention (as the target profile matches its anchors).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from summarizer.engines.extractive.learned_results import LearnedResults, by_arm
from summarizer.engines.extractive.numeric_results import numeric_results, oriented_by_arm
from summarizer.engines.extractive.outcomes import OutcomeMention, find_outcomes
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.engines.extractive.target_profile import TargetProfile

TWO_DRUGS = "Response rates were 62% in the rituximab group and 41% in the bendamustine group (p = 0.003)."
PAIN = "Mean pain scores were 2.1 with ibuprofen and 3.8 with paracetamol (p < 0.001)."
RESPECTIVELY = (
    "Wound infection occurred in 12% and 4% of patients in the cefazolin and vancomycin groups, respectively "
    "(p = 0.02)."
)


def _oriented(text: str, *anchors: str) -> list[tuple[str, str, str]]:
    profile = TargetProfile(anchors[0], frozenset(anchors))
    return [(m.outcome, m.change, m.direction) for m in by_arm(text, [0], profile.named_in, None)]


def test_a_significant_comparison_of_two_active_arms_keeps_its_arms_and_leaves_its_change_unread() -> None:
    scan = Scan(TWO_DRUGS, Resources())
    (result,) = numeric_results(scan, Significance(scan))
    assert result.change == "unclear" and result.arms is not None
    first, second = result.arms
    assert "rituximab" in TWO_DRUGS[first.span[0] : first.span[1]] and first.value == 62
    assert "bendamustine" in TWO_DRUGS[second.span[0] : second.span[1]] and second.value == 41
    # the statement's own reading reports no change: which arm is the intervention is the target's to say
    assert find_outcomes(TWO_DRUGS) == []


def test_the_arm_naming_the_intervention_with_the_higher_value_is_an_increase() -> None:
    assert _oriented(TWO_DRUGS, "rituximab") == [("Response rates", "increased", "improved")]


def test_the_arm_naming_the_intervention_with_the_lower_value_is_a_decrease() -> None:
    assert _oriented(PAIN, "ibuprofen") == [("pain scores", "decreased", "improved")]


def test_the_intervention_as_the_second_arm_reads_the_other_way() -> None:
    assert _oriented(TWO_DRUGS, "bendamustine") == [("Response rates", "decreased", "worsened")]
    assert _oriented(PAIN, "paracetamol") == [("pain scores", "increased", "worsened")]


def test_neither_arm_naming_the_intervention_orients_nothing() -> None:
    assert _oriented(TWO_DRUGS, "aspirin") == []


def test_both_arms_naming_the_intervention_orient_nothing() -> None:
    doses = ("Response rates were 62% in the high-dose rituximab group and 41% in the low-dose rituximab group "
             "(p = 0.003).")
    assert _oriented(doses, "rituximab") == []


def test_a_difference_said_not_significant_is_no_difference_whichever_the_arms() -> None:
    text = "Response rates were 62% in the rituximab group and 58% in the bendamustine group (p = 0.41)."
    scan = Scan(text, Resources())
    (result,) = numeric_results(scan, Significance(scan))
    assert result.change == "no_difference" and result.arms is None
    assert oriented_by_arm(result, text, TargetProfile("rituximab", frozenset({"rituximab"})).named_in) is None
    assert [(m.outcome, m.change) for m in find_outcomes(text)] == [("Response rates", "no_difference")]


def test_arms_paired_with_their_values_respectively_are_oriented() -> None:
    assert _oriented(RESPECTIVELY, "vancomycin") == [("Wound infection", "decreased", "improved")]
    assert _oriented(RESPECTIVELY, "cefazolin") == [("Wound infection", "increased", "worsened")]


def test_a_short_form_among_the_profiles_anchors_names_the_arm() -> None:
    text = "Mortality was 8% in the TXA group and 21% in the EACA group (p = 0.01)."
    assert _oriented(text, "tranexamic", "txa") == [("Mortality", "decreased", "improved")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ORR was 58.0% (116/200) in the alpha group compared with 31.0% (31/100) in the beta group (p < 0.001).",
         58.0),
        ("Mean incision length was 3.4 cm (range, 2-5) in the alpha group versus 5.9 cm (range, 4-8) in the beta "
         "group (p < 0.01).", 3.4),
        ("Ulcer area was 2.2 cm2 in the alpha group and 4.1 cm2 in the beta group (p = 0.002).", 2.2),
        ("Relapse was seen in 12/60 in the alpha group and 24/60 in the beta group (p = 0.02).", 20.0),
    ],
)
def test_a_value_qualified_by_its_count_range_interval_or_unit_is_read(text: str, value: float) -> None:
    scan = Scan(text, Resources())
    (result,) = numeric_results(scan, Significance(scan))
    assert result.arms is not None and result.arms[0].value == pytest.approx(value)


def test_arms_named_before_their_values_in_brackets_are_oriented_when_the_difference_is_significant() -> None:
    text = ("The mean duration of analgesia in the ropivacaine group (412 ± 60 min) was shorter than in the "
            "levobupivacaine group (505 ± 71 min) (p < 0.001).")
    assert _oriented(text, "levobupivacaine") == [("duration of analgesia", "increased", "improved")]
    assert _oriented(text, "ropivacaine") == [("duration of analgesia", "decreased", "worsened")]
    untested = text.replace(" (p < 0.001)", "").replace("shorter", "different")
    assert _oriented(untested, "ropivacaine") == []


def test_a_p_value_inside_a_values_bracket_is_not_taken_as_its_qualifier() -> None:
    text = ("Ratios were 0.91 (95% CI 0.62-1.33; p = 0.65) for alpha versus beta and 0.93 (95% CI 0.63-1.35; "
            "p = 0.70) for gamma versus beta.")
    scan = Scan(text, Resources())
    assert all(r.arms is None for r in numeric_results(scan, Significance(scan)))


def test_the_time_to_relief_of_a_harm_is_better_shorter() -> None:
    assert outcome_direction("time to first relief of symptoms", "decreased") == "improved"
    assert outcome_direction("time to progression", "decreased") == "worsened"


class _NoModel:
    """A change model that must not be asked where the sentence is read by its arm."""

    def probabilities(self, features: object) -> dict[str, float]:
        raise AssertionError("the change model was asked")


class _OutcomeReader:
    """A PICO reader (a fixture) that reads the sentence's first words as its outcome."""

    def spans(self, text: str) -> list[SimpleNamespace]:
        return [SimpleNamespace(kind="O", text="Response rates")]


def test_the_arm_takes_precedence_over_the_change_model_which_stays_the_fallback() -> None:
    reading = annotate(TWO_DRUGS)
    learned = LearnedResults(_NoModel(), pico=_OutcomeReader)  # type: ignore[arg-type]
    profile = TargetProfile("rituximab", frozenset({"rituximab"}))
    mentions = learned.outcomes(TWO_DRUGS, reading, [0], "rituximab", profile.named_in)
    assert mentions == [OutcomeMention("Response rates", "increased", "improved", TWO_DRUGS, 0, 0)]
    with pytest.raises(AssertionError, match="change model was asked"):
        learned.outcomes(TWO_DRUGS, reading, [0], "aspirin", TargetProfile("aspirin", frozenset({"aspirin"})).named_in)
