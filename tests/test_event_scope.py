"""The event reader names no harm a verb of reduction lowers, no trial's or drug's name, no harm after a negated
benefit, and no event of an association left unsettled (event_scope.py). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.event_scope import failed_benefit, lowering_ranges, trial_name_spans
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan


def _scan(text: str) -> Scan:
    return Scan(text, load_resources())


def test_a_harm_the_intervention_lowers_and_a_trials_name_are_no_event() -> None:
    for text in ("In the HALT-4 trial, aspirin reduced death due to stroke in older patients.",
                 "In the PROTECT-3 trial, heparin reduced death due to thrombosis in surgical patients."):
        assert annotate(text).adverse_events == (), text
    assert [(s, e) for s, e in trial_name_spans(_scan("The PRIME-3 trial ended early."))] == [(4, 11)]


def test_a_participle_a_passive_or_a_noun_of_reduction_lowers_nothing() -> None:
    text = "The patient developed decreased appetite after starting the drug."
    assert lowering_ranges(_scan(text)) == []  # "decreased appetite" is the event
    assert lowering_ranges(_scan("When the dose was reduced, the tremor stopped.")) == []
    assert lowering_ranges(_scan("She took valsartan for afterload reduction and developed angioedema.")) == []
    # "treated with" is no verb of reduction: the event after it stays
    assert annotate("She was treated with methotrexate and developed hepatic necrosis.").adverse_events
    scan = _scan("Warfarin may reduce emboli that lead to a rash.")
    (start, end), = lowering_ranges(scan)
    assert scan.text[start:end].strip() == "reduce emboli"  # a new clause ends what the verb lowers


def test_a_failed_benefit_is_no_absent_harm() -> None:
    for text in ("Hydrocortisone did not reduce death in patients with septic shock.",
                 "Pregabalin was not superior to placebo for pain relief in neuropathy."):
        reading = annotate(text)
        assert reading.absent_events == (), text
    assert annotate("No patient given prednisone had headache.").absent_events  # an absence stays one
    scan = _scan("Oral zinc did not shorten fever and did not reduce cough.")
    start = scan.text.index("cough")
    assert failed_benefit(scan, (start, start + 5))


def test_an_association_not_established_names_no_event() -> None:
    text = ("The association between a prolonged QT interval and the occurrence of torsades de pointes has not been "
            "established for escitalopram.")
    assert annotate(text).adverse_events == ()
    assert annotate("Whether amoxicillin increases the risk of thrombocytosis is unknown.").adverse_events == ()
    # a hedge on the mechanism still reports the event
    assert annotate("The mechanism of amiodarone-induced pneumonitis remains unclear.").adverse_events
