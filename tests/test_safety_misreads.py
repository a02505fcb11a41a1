"""Safety findings that misread their quote (issue 23): an author phrase or a change word read as an event, a harm not
reached, a qualifier dropped from an absent event, a disease that remitted or an event that resolved read as an
event, mild side effects worded as if the quote said no more. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.events import event_names_at, with_limiting_qualifier
from summarizer.engines.extractive.evidence import also_occurring, compared
from summarizer.engines.extractive.polarity import rule_higher_is_better
from summarizer.engines.extractive.wording import concern_claim, described_as, lower_first
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _brief(*texts: str):  # type: ignore[no-untyped-def]
    return summarize([Statement(id=f"S{i + 1}", text=t) for i, t in enumerate(texts)], engine="extractive")


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return (start, start + len(name))


def test_the_frequency_of_a_harm_is_lower_is_better() -> None:
    assert rule_higher_is_better("seizure frequency") is False
    assert rule_higher_is_better("number of headaches") is False
    assert rule_higher_is_better("frequency of visits") is None  # no harm named: the rules say nothing


def test_a_limiting_qualifier_stays_on_an_absent_event() -> None:
    text = "No serious adverse reactions were seen, and dose-limiting toxicity was not reached."
    spans = with_limiting_qualifier(text, [_span(text, "adverse reactions"), _span(text, "toxicity")])
    assert [text[a:b] for a, b in spans] == ["serious adverse reactions", "dose-limiting toxicity"]
    assert with_limiting_qualifier("No nausea.", [(3, 9)]) == [(3, 9)]


def test_a_negated_occurrence_is_no_occurrence() -> None:
    assert not also_occurring("No major bleeding occurred in the warfarin arm.", "major bleeding")
    assert also_occurring("Rash was reported in 4 patients, but no fever.", "rash")


def test_a_negated_reduction_is_a_result_not_an_absent_event() -> None:
    assert compared("Patients did not show reduced frequency of mild to moderate migraine.", "moderate migraine")
    assert not compared("Patients did not show mild or moderate migraine.", "moderate migraine")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Complete remission of eczema followed treatment with cladribine.", "eczema"),
        ("After her regimen was changed to drug B, her skin rash completely resolved.", "skin rash"),
    ],
)
def test_an_event_that_went_away_is_no_event(text: str, name: str) -> None:
    assert event_names_at(text, [_span(text, name)]) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The skin rash resolved after drug B was discontinued.",  # a dechallenge: drug B caused it
        "Drug B-induced skin rash resolved after switching to drug C.",  # its cause is said
    ],
)
def test_an_event_that_went_away_on_stopping_or_with_its_cause_stays(text: str) -> None:
    assert [name for name, _ in event_names_at(text, [_span(text, "skin rash")])] == ["skin rash"]


def test_mild_side_effects_are_worded_as_the_quote_says() -> None:
    quoted = "Side effects of the patch were mostly mild and transient in our series."
    assert described_as(quoted, ["Side effects"]) == ("Side effects", "mostly mild and transient")
    assert concern_claim(["Side effects"], "the patch", quoted) == (
        "Side effects reported with the patch, described as mostly mild and transient."
    )
    two = "Rash and headache occurred; the headache was usually transient."
    assert concern_claim(["Rash", "headache"], "the patch", two) == (
        "Rash and headache reported with the patch; headache described as usually transient."
    )
    assert concern_claim(["Rash"], "the patch", "Rash was common with the patch.") == "Rash reported with the patch."


def test_an_author_phrase_and_a_reduced_harm_are_no_events() -> None:
    brief = _brief(
        "Jones and coworkers reported a decrease in seizure frequency with lamotrigine in adults [3].",
        "Lamotrigine was given at 200 mg daily in that study [3].",
    )
    assert brief.safety.findings == []
    claims = [f.claim for f in brief.efficacy.outcomes]
    assert claims == ["Seizure frequency decreased with lamotrigine (an improvement)."]


def test_a_toxicity_not_reached_is_no_concern() -> None:
    brief = _brief(
        "In the dose escalation study, dose-limiting toxicity of carfilzomib was not reached [5].",
        "Carfilzomib was infused twice weekly [5].",
    )
    assert brief.safety.assessment != "concerns_reported"
    assert all("reported with carfilzomib" not in f.claim or f.claim.startswith("No dose-limiting")
               for f in brief.safety.findings)


def test_no_benefit_is_no_safety_reassurance() -> None:
    brief = _brief(
        "No positive effects of melatonin on sleep latency could be demonstrated in older adults [8].",
        "Melatonin was given nightly in that trial [8].",
    )
    assert brief.safety.assessment == "insufficient_evidence"


def test_a_wished_for_effect_not_found_is_no_absent_event() -> None:
    brief = _brief(
        "No beneficial effects of melatonin on fatigue or headache could be shown in older adults [8].",
        "Melatonin was given nightly in that trial [8].",
    )
    assert brief.safety.assessment == "insufficient_evidence"
    assert brief.safety.findings == []


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("Mortality", "mortality"),
        ("Length of stay", "length of stay"),
        ("Pain VAS", "pain VAS"),
        ("Hepatitis A infection", "hepatitis A infection"),
        ("HbA1c", "HbA1c"),
        ("PaCO2", "PaCO2"),  # a capital inside the first word: written as measured
        ("IgG titres", "IgG titres"),
        ("New York Heart Association class", "New York Heart Association class"),  # a proper name
    ],
)
def test_a_name_inside_a_sentence_loses_its_capital_only_when_it_is_no_symbol_or_proper_name(
    name: str, inside: str
) -> None:
    assert lower_first(name) == inside


@pytest.mark.parametrize(
    ("text", "safety", "claim"),
    [
        # a negated subject: what no patient developed is absent, named without who did not
        ("No patient given isoniazid experienced hepatotoxicity during the 6 months of follow-up [3].",
         "no_concerns_reported", "No hepatotoxicity reported with isoniazid."),
        ("None of the patients treated with isoniazid developed hepatotoxicity [3].",
         "no_concerns_reported", "No hepatotoxicity reported with isoniazid."),
        # only the history is negated: the event occurred
        ("A woman with no history of bipolar illness developed a manic episode during treatment with fluoxetine [3].",
         "concerns_reported", "Manic episode reported with fluoxetine."),
    ],
)
def test_a_negated_subject_negates_what_it_developed_but_a_negated_history_does_not(
    text: str, safety: str, claim: str
) -> None:
    drug = "isoniazid" if "isoniazid" in text else "fluoxetine"
    brief = summarize(
        [Statement(id="S1", text=text), Statement(id="S2", text=f"{drug.capitalize()} was given daily [3].")],
        engine="extractive",
    )
    assert brief.safety.assessment == safety
    assert [finding.claim for finding in brief.safety.findings] == [claim]


def test_a_comma_before_a_new_clause_ends_a_negation() -> None:
    text = ("Methyldopa has not been associated with liver failure, it is the preferred agent for hypertension in "
            "pregnancy [2].")
    brief = summarize(
        [Statement(id="S1", text=text), Statement(id="S2", text="Methyldopa was given daily [2].")],
        engine="extractive",
    )
    claims = [finding.claim for finding in brief.safety.findings]
    assert not any("hypertension" in claim.lower() for claim in claims)  # the indication is no absent event
    listed = summarize(
        [Statement(id="S1", text="No patients reported nausea, rash or headache with aspirin [2]."),
         Statement(id="S2", text="Aspirin was given daily [2].")],
        engine="extractive",
    )
    claims = [finding.claim for finding in listed.safety.findings]
    assert claims == ["No nausea, rash or headache reported with aspirin."]  # a list's commas are no clause breaks
