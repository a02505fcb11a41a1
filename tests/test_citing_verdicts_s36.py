"""How citing papers word a cited trial's findings (issue 23, helper s36-citing-verdicts). The sentences are written
for these tests, not taken from any corpus."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine, annotate
from summarizer.models import Statement
from summarizer.pipeline import summarize

# a citing statement that names the trial's arms, so that the group's intervention is found
DESIGN = "Okafor et al. [ 7] randomised 120 children to ondansetron or placebo in a double-blind trial."


def _brief(texts: list[str]):  # type: ignore[no-untyped-def]
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine())


def test_did_not_have_a_significant_impact_in_harms_is_no_difference_not_their_absence() -> None:
    # "did not have (a) significant impact in A, B and C": A, B and C were measured and did not differ
    for text in (
        "Okafor et al. [ 7] reported that ondansetron did not have significant impact in the wound infection rate, "
        "pain and swelling.",
        "Okafor et al. [ 7] reported that ondansetron did not have a significant impact in the wound infection rate, "
        "pain and swelling.",
    ):
        reading = annotate(text)
        assert [m.outcome for m in reading.outcomes] == ["wound infection rate", "pain", "swelling"], text
        assert all(m.change == "no_difference" for m in reading.outcomes)
        assert reading.absent_events == ()
    brief = _brief([DESIGN, "They reported that ondansetron did not have significant impact in headache or fever."])
    assert brief.efficacy.assessment == "no_benefit_reported"
    assert brief.safety.assessment == "insufficient_evidence"  # not "no headache or fever reported"


def test_no_significant_effect_on_a_harm_is_no_difference() -> None:
    reading = annotate("Okafor et al. [ 7] reported that ondansetron had no significant effect on wound infection.")
    assert [(m.outcome, m.change) for m in reading.outcomes] == [("wound infection", "no_difference")]
    assert reading.absent_events == ()
    # a harm that did not occur is still absent: "no adverse effects", "no headache"
    assert "headache" in annotate("Ondansetron caused no headache in these children.").absent_events


def test_what_did_not_change_after_terminating_a_treatment_is_not_its_effect() -> None:
    # result_cues.DECHALLENGE: "after terminating X", as "after stopping X"
    reading = annotate(
        "After terminating the lithium therapy, there was no effect on the tremor and clozapine therapy was initiated."
    )
    assert reading.outcomes == ()
    during = annotate("During the lithium therapy, there was no effect on the tremor.")
    assert [(m.outcome, m.change) for m in during.outcomes] == [("tremor", "no_difference")]


def test_slowing_the_progression_of_a_harm_is_an_improvement_not_the_harm() -> None:
    # result_cues.PROTECTIVE, cues.MARK_PAIRS, treatment_frames: "slowed / retarded the progression of X"
    for verb in ("slowed", "retarded"):
        text = f"Mensah et al. [ 3] found that captopril {verb} the progression of kidney failure in diabetic patients."
        brief = _brief([text])
        assert brief.target.intervention is not None and brief.target.intervention.name == "captopril", verb
        assert brief.efficacy.assessment == "benefit_reported", verb
        assert brief.safety.assessment == "insufficient_evidence", verb  # no "Kidney failure reported with captopril"
        assert [o.direction for o in brief.efficacy.outcomes] == ["improved"]
    brief = _brief(
        ["Mensah et al. [ 3] found that captopril retarded the decline in glomerular filtration in these patients."]
    )
    assert brief.efficacy.assessment == "benefit_reported"
    # a slowing verb on its own is no result
    assert annotate("The infusion was slowed because of the delayed development of the wound.").outcomes == ()


def test_similar_harms_in_a_share_of_one_groups_people_occurred() -> None:
    # events.general_harms: "similar side effects in 25% of their patients" is a rate of occurrence
    brief = _brief(
        [DESIGN, "They had also documented similar side effects in 25% of their patients who received ondansetron."]
    )
    assert brief.safety.assessment == "concerns_reported"
    # the arms alike, or rates of two arms, are no concern
    for text in (
        "Side effects were similar with ondansetron and placebo.",
        "Ondansetron had similar side effects in 25% of patients and 24% of controls.",
    ):
        assert _brief([DESIGN, text]).safety.assessment != "concerns_reported", text


def test_more_of_a_harm_with_the_treatment_is_a_concern() -> None:
    # outcome_spans.result_reading: a harm word compared ("higher rates of headache", "headache was more frequent")
    for text in (
        "They reported higher rates of headache with ondansetron than with placebo.",
        "They reported that headache was more frequent with ondansetron than with placebo.",
    ):
        brief = _brief([DESIGN, text])
        assert brief.safety.assessment == "concerns_reported", text
        assert any("eadache" in event.name for event in brief.safety.adverse_events), text
    # a measure with a disease-like ending is not a harm ("glycaemia", "energy")
    reading = annotate("Energy expenditure was significantly higher with ondansetron than with placebo.")
    assert all(m.direction != "worsened" for m in reading.outcomes)
