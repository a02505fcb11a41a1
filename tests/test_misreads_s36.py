"""Findings that misread their own quotes (issue 23, helper s36-misreads).

The sentences are written for these tests (none is from a dev set): a condition that cleared faster with a treatment
is no adverse event of it; a test pairs with its own arm's result; an abbreviated genus stays in a treatment's name.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.events import event_names
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.significance import Significance
from summarizer.models import Brief, Citing, Statement
from summarizer.pipeline import summarize


def _brief(*texts: str) -> Brief:
    statements = [
        Statement(id=f"S{i}", text=text, type="mentioning", citing=Citing(doi=f"10.1/{i}"))
        for i, text in enumerate(texts, start=1)
    ]
    return summarize(statements, engine=ExtractiveEngine())


@pytest.mark.parametrize(
    "text",
    [
        "In the trial, the cough cleared faster with honey syrup than with placebo (p = 0.03).",
        "Rash resolved significantly sooner in children given the cream than in those given the vehicle.",
        "Diarrhoea subsided more quickly with zinc tablets than with placebo (p < 0.01).",
    ],
)
def test_a_condition_that_cleared_faster_with_a_treatment_is_no_adverse_event(text: str) -> None:
    assert _brief(text).safety.findings == []


def test_a_condition_that_resolved_after_a_drug_was_stopped_is_still_its_event() -> None:
    brief = _brief("The rash resolved after withdrawal of lamotrigine.")
    assert [f.claim for f in brief.safety.findings] == ["Rash reported with lamotrigine."]


# the same result said of two arms, each with its own test
TWO_ARMS = (
    "Serum ferritin rose by 4% after oral iron (p = 0.38) and by 27% after intravenous iron (p < 0.001) "
    "compared with no iron."
)


def test_a_test_that_belongs_to_another_arms_result_does_not_make_the_result_no_difference() -> None:
    assert [(m.outcome, m.change) for m in find_outcomes(TWO_ARMS)] == [("Serum ferritin", "increased")]
    assert Significance(Scan(TWO_ARMS, Resources())).at(0) is None


def test_a_test_after_a_result_and_another_outcomes_result_still_pairs_in_order() -> None:
    text = "Pain was lower with the splint (p = 0.41) and stiffness was lower with the splint (p = 0.02)."
    assert ("Pain", "no_difference") in [(m.outcome, m.change) for m in find_outcomes(text)]


def test_an_abbreviated_genus_stays_in_a_treatments_name() -> None:
    brief = _brief(
        "Adults given B. longum capsules had fewer days with bloating than those given placebo (p = 0.02).",
        "In this trial, B. longum capsules reduced bloating compared with placebo (p < 0.01).",
    )
    assert brief.target.intervention is not None
    assert brief.target.intervention.name.startswith("B. longum")


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Interstitial nephritis caused by omeprazole in patients with peptic ulcer disease.",
         ["Interstitial nephritis"]),
        ("Pancreatitis developed in three patients with ulcerative colitis treated with balsalazide.",
         ["Pancreatitis"]),
        ("Sulfasalazine used to treat ulcerative colitis caused agranulocytosis in a young man.", ["Agranulocytosis"]),
        ("A man with a history of gout developed a generalised rash ten days after starting allopurinol.",
         ["generalised rash"]),
    ],
)
def test_the_disease_a_drug_was_given_for_is_no_adverse_event(text: str, events: list[str]) -> None:
    names = [event.name for event in _brief(text).safety.adverse_events]
    assert [n.lower() for n in names] == [e.lower() for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "We describe two patients with neutropenia due to deferiprone.",
        "Myositis was seen in patients with colchicine-induced neuropathy.",
        "We report the management of anaphylaxis and hypotension caused by cefazolin with intravenous adrenaline.",
    ],
)
def test_patients_with_the_event_itself_keep_it(text: str) -> None:
    assert _brief(text).safety.findings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nausea after surgery was 20% with droperidol, 25% with granisetron and 28% with dexamethasone, compared "
         "with 61% with placebo (p < 0.001).", "decreased"),
        ("Headache rates were 18% with drug A (p = 0.02), and 21% with drug B (p = 0.04), compared with 35% with "
         "placebo.", "decreased"),
        ("The rate of shivering was 31% with pethidine and 36% with clonidine versus 40% with placebo, a difference "
         "that was not significant.", "no_difference"),
    ],
)
def test_arms_listed_against_placebo_give_their_change_against_it(text: str, expected: str) -> None:
    assert [m.change for m in find_outcomes(text)] == [expected]


def test_arms_listed_that_went_different_ways_against_placebo_give_no_change() -> None:
    text = "Sleep time was 12% with drug A and 30% with drug B, compared with 20% with placebo (p = 0.03)."
    assert [m.change for m in find_outcomes(text) if m.change != "no_difference"] == []


def test_a_verb_and_its_object_read_as_a_list_item_is_no_event_name() -> None:
    text = "She had headaches without aura, mostly at night, developed a facial palsy and a mild rash."
    clause = text.index("developed a facial palsy")
    rash = text.index("mild rash")
    spans = [(clause, clause + len("developed a facial palsy")), (rash, rash + len("mild rash"))]
    assert event_names(text, spans) == ("mild rash",)
