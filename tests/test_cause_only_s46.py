"""An outcome the sentence says the intervention caused got better with something else: no benefit of the
intervention (cause_only.py, s46). Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.cause_only import caused_by_one_of


def test_the_harm_the_intervention_induced_is_its_cause() -> None:
    text = "Oral baclofen relieved the severe hiccups induced by dexamethasone within two days."
    assert caused_by_one_of(text, "severe hiccups", ["dexamethasone"])
    text = "The rash (on the trunk and arms) caused by the administration of lamotrigine faded on cetirizine."
    assert caused_by_one_of(text, "rash", ["lamotrigine"])
    text = "Ondansetron reduced the cisplatin-induced nausea."
    assert caused_by_one_of(text, "nausea", ["cisplatin"])


def test_what_the_intervention_induced_that_is_not_the_outcome_is_no_cause_of_it() -> None:
    text = "Ketamine-induced analgesia reduced postoperative opioid use compared with saline."
    assert not caused_by_one_of(text, "postoperative opioid use", ["ketamine"])
    # another drug caused it: the intervention may well be what relieved it
    text = "Oral baclofen relieved the severe hiccups induced by dexamethasone within two days."
    assert not caused_by_one_of(text, "severe hiccups", ["baclofen"])
    text = "Hiccups stopped after baclofen was started."
    assert not caused_by_one_of(text, "hiccups", ["baclofen"])
