"""Trial arms named from their results: what names a trial's intervention when its results attribute it nothing,
names the learned reader drops, and names that are the condition, not the treatment (sentences written for these
tests)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from summarizer.citations import count_citations
from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.given_drug import only_given_drug
from summarizer.engines.extractive.named_conditions import condition_anchors
from summarizer.engines.extractive.reading import reread_treatments


@dataclass
class _Tally:
    mentions: float = 1.0
    therapy: float = 1.0
    exposure: float = 0.0
    reference: float = 0.0


TRIAL = [
    "In arm B (metformin 500 mg twice daily) HbA1c was 8.1% at entry and 7.2% at week 12 (p = 0.03).",
    "Fasting glucose did not differ significantly between the two arms.",
]


def test_one_drug_named_as_given_in_a_trials_results_is_its_intervention() -> None:
    res = load_resources()
    assert only_given_drug({"metformin": _Tally()}, TRIAL, res, 1.0) == "metformin"


@pytest.mark.parametrize(
    "tallies",
    [
        {"metformin": _Tally(), "glipizide": _Tally()},  # two drugs given: which arm was tested is unclear
        {"metformin": _Tally(therapy=0.0)},  # named, never as given
        {"metformin": _Tally(reference=1.0)},  # named only as what another arm is compared against
        {"placebo": _Tally()},  # the comparator
        {"walking": _Tally()},  # no drug
    ],
)
def test_no_drug_is_chosen_when_the_rule_does_not_hold(tallies: dict[str, _Tally]) -> None:
    assert only_given_drug(tallies, TRIAL, load_resources(), 1.0) is None


def test_statements_that_report_no_test_or_are_about_animals_name_none() -> None:
    res = load_resources()
    untested = ["Patients in arm B took metformin 500 mg twice daily.", "Most completed the twelve weeks."]
    assert only_given_drug({"metformin": _Tally()}, untested, res, 1.0) is None
    mice = [TRIAL[0].replace("HbA1c", "HbA1c of the mice"), TRIAL[1]]
    assert only_given_drug({"metformin": _Tally()}, mice, res, 1.0) is None


def test_a_procedure_named_only_as_the_setting_or_statements_that_cite_works_name_none() -> None:
    res = load_resources()
    setting = [
        "Pain scores 6 hours after tonsillectomy were 3.1 and 4.4 in the two arms (p = 0.02).",
        "Nausea did not differ significantly between the arms (p = 0.4).",
    ]
    assert only_given_drug({"tonsillectomy": _Tally()}, setting, res, 1.0) is None
    cited = [text.replace(".", " [7].", 1) if text.endswith(".") else text for text in TRIAL]
    assert count_citations(cited[0]) == 1
    assert only_given_drug({"metformin": _Tally()}, cited, res, 1.0) is None


def test_a_short_form_of_a_disease_is_no_intervention_but_the_drug_that_caused_it_is() -> None:
    res = load_resources()
    conditions = condition_anchors(
        {
            "ad": "Alzheimer’s disease",
            "hit": "heparin-induced thrombocytopenia",
            "mscs": "mesenchymal stem cells",
        },
        res,
    )
    assert "ad" in conditions
    assert "hit" in conditions and "thrombocytopenia" in conditions
    assert "heparin" not in conditions  # the cause the long form names is still a drug
    assert "msc" not in conditions and "mesenchymal" not in conditions


def test_a_drug_treated_arm_in_a_learned_span_names_the_drug() -> None:
    res = load_resources()
    text = "Relapses were fewer in zelorimab-treated patients than in those given placebo (12% vs 25%, p = 0.01)."
    start = text.index("zelorimab-treated")
    reread = reread_treatments(text, annotate(text, resources_=res), [(start, start + len("zelorimab-treated"))], res)
    assert any("zelorimab" in m.anchors for m in reread.mentions)
    # a bare participle names nothing
    other = "Relapses were fewer in treated patients than in those given placebo (12% vs 25%, p = 0.01)."
    bare = other.index("treated")
    reread = reread_treatments(other, annotate(other, resources_=res), [(bare, bare + len("treated"))], res)
    assert not any("treated" in m.name for m in reread.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Progression-free survival favoured the olaparib arm (hazard ratio 0.62).",
        "The hazard ratio was 0.62 in favour of olaparib.",
    ],
)
def test_a_result_in_favour_of_an_arm_is_an_effect_of_it(text: str) -> None:
    reading = annotate(text, resources_=load_resources())
    assert any("olaparib" in m.anchors for m in reading.treatment.mentions)
    assert 0 in reading.treatment.effect


@pytest.mark.parametrize(
    ("text", "works"),
    [
        ("Mortality was lower with the drug [hazard ratio 0.81, 95% CI 0.70 to 0.94] [Table 2].", 0),
        ("Mortality was lower with the drug [Figure 3].", 0),
        ("Mortality was lower with the drug [3, 4].", 2),
        ("Mortality was lower with the drug [3-6] and [9].", 5),
    ],
)
def test_a_bracket_cites_works_only_when_it_holds_numbers_alone(text: str, works: int) -> None:
    assert count_citations(text) == works
