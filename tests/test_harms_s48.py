"""s48-harms: a hedge kept in a harm's name, a head noun and its "of" complement as one name, side effects that a
trial measured read as harms, a harm named by "this" and its noun. Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.event_hedges import hedged_name
from summarizer.engines.extractive.events import event_names
from summarizer.engines.extractive.measured_harms import harm_measured
from summarizer.engines.extractive.of_phrases import joined_by_of
from summarizer.engines.extractive.pointed_events import pointed_to
from summarizer.models import Statement
from summarizer.pipeline import summarize


def _safety_claims(*texts: str) -> list[str]:
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    brief = summarize(statements, engine=ExtractiveEngine())
    return [finding.claim for finding in brief.safety.findings]


# --- the hedge before a harm's name

def test_a_modal_adverb_before_the_name_is_kept() -> None:
    text = "Combining the two agents may lead to serious and potentially lethal arrhythmias in older adults."
    assert hedged_name(text, "lethal arrhythmias") == "potentially lethal arrhythmias"


def test_a_modal_adjective_before_the_name_is_kept() -> None:
    text = "Prescribers should watch for a suspected hepatic injury in the first month."
    assert hedged_name(text, "hepatic injury") == "suspected hepatic injury"


def test_a_name_without_a_hedge_is_left() -> None:
    text = "Two patients developed lethal arrhythmias within a week of starting the drug."
    assert hedged_name(text, "lethal arrhythmias") == "lethal arrhythmias"


def test_a_name_also_said_without_its_hedge_is_left() -> None:
    text = "Possible nephritis was suspected at first, and nephritis was confirmed by biopsy."
    assert hedged_name(text, "nephritis") == "nephritis"


def test_a_hedge_that_is_no_word_of_its_own_is_not_read() -> None:
    text = "The impossible rash was seen in one child."  # "impossible" holds "possible" inside a word
    assert hedged_name(text, "rash") == "rash"


def test_the_claim_keeps_the_hedge_of_its_quote() -> None:
    claims = _safety_claims("Zorbicillin overdose may result in potentially lethal complications.")
    assert claims == ["Potentially lethal complications reported with zorbicillin."]


def test_a_hedged_harm_not_seen_is_no_hedged_absence() -> None:
    claims = _safety_claims("Possible side effects of zorbicillin, such as nausea and rash, were not observed.")
    assert not any("ossible" in claim for claim in claims), claims


# --- "N of M": one name in two spans

def test_two_spans_joined_by_of_are_one_name() -> None:
    text = "She had a sudden loss of consciousness at home."
    loss, consciousness = (text.index("loss"), text.index("loss") + 4), (text.index("consciousness"), len(text) - 8)
    assert joined_by_of(text, [loss, consciousness]) == [(loss[0], consciousness[1])]


def test_a_verb_before_of_joins_nothing() -> None:
    text = "The man died of hepatic failure."
    died, failure = (8, 12), (text.index("hepatic"), text.index("failure") + 7)
    assert joined_by_of(text, [died, failure]) == [died, failure]


def test_spans_apart_keep_their_order() -> None:
    text = "Rash, and later fever of unknown origin."
    rash, fever = (0, 4), (text.index("fever"), text.index("fever") + 5)
    assert joined_by_of(text, [fever, rash]) == [fever, rash]


def test_a_shared_head_is_not_cut_from_its_complement() -> None:
    text = "He then developed a rapid hearing loss and loss of consciousness."
    spans = [(text.index("hearing"), text.index(" and")), (text.index("loss of"), text.index("loss of") + 4),
             (text.index("consciousness"), len(text) - 1)]
    assert event_names(text, spans) == ("hearing loss", "loss of consciousness")


def test_died_of_names_two_harms() -> None:
    text = "She died of respiratory failure two days later."
    spans = [(text.index("died"), text.index("died") + 4), (text.index("respiratory"), text.index(" two"))]
    assert "respiratory failure" in event_names(text, spans)


# --- a harm a trial counted among its outcomes

def test_a_counted_harm_is_named_without_its_measure() -> None:
    assert harm_measured("the incidence of sore throat") == "sore throat"
    assert harm_measured("Frequency of nausea and vomiting") == "nausea and vomiting"


def test_a_harm_counted_by_the_patients_who_had_it_is_named_alone() -> None:
    assert harm_measured("the number of patients who had myoclonus") == "myoclonus"
    assert harm_measured("number of patients") is None


def test_a_harm_named_without_a_count_is_no_measured_harm() -> None:
    assert harm_measured("sore throat") is None  # an analgesic trial's aim, read by its scores
    assert harm_measured("pain scores") is None


def test_a_counted_good_thing_is_no_harm() -> None:
    assert harm_measured("rate of successful intubation") is None
    assert harm_measured("incidence of complete remission") is None


def test_a_harm_that_rose_in_the_treated_arm_is_a_safety_concern() -> None:
    claims = _safety_claims(
        "Over the four weeks, the incidence of myoclonus was significantly higher with zorbicillin than with "
        "placebo (18% versus 4%, P = 0.01)."
    )
    assert claims == ["Myoclonus reported with zorbicillin."], claims


def test_a_harm_that_fell_in_the_treated_arm_is_no_concern() -> None:
    claims = _safety_claims(
        "Over the four weeks, the incidence of myoclonus was significantly lower with zorbicillin than with "
        "placebo (4% versus 18%, P = 0.01)."
    )
    assert not any("reported with" in claim and not claim.startswith("No ") for claim in claims), claims


def test_a_noun_of_chance_before_the_name_is_kept() -> None:
    text = "Patients should be told of the risk of developing pancreatitis while on the drug."
    assert hedged_name(text, "pancreatitis") == "risk of developing pancreatitis"


def test_a_harm_named_after_its_cause_keeps_no_chance_word() -> None:
    text = "The risk was judged low, and pancreatitis developed in one patient."
    assert hedged_name(text, "pancreatitis") == "pancreatitis"


# --- a harm named by a pointing word and its noun alone

def test_a_pointed_noun_is_the_harm_named_before() -> None:
    text = "Stopping the drug made this painful neuropathy fade within weeks."
    assert pointed_to("neuropathy", text, ["rash", "peripheral sensory neuropathy"]) == "peripheral sensory neuropathy"


def test_a_noun_named_for_the_first_time_is_left() -> None:
    assert pointed_to("neuropathy", "She developed the neuropathy in May.", ["peripheral neuropathy"]) == "neuropathy"
    assert pointed_to("neuropathy", "It was noted that neuropathy can follow it.", ["sensory neuropathy"]) == (
        "neuropathy"
    )


def test_a_pointed_noun_with_nothing_named_before_is_left() -> None:
    assert pointed_to("syndrome", "This syndrome resolved.", ["rash"]) == "syndrome"
