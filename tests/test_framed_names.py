"""Names the grammar alone says were tested ("the efficacy of X in reducing Y", framed_names.py), and a code's number
joined by a hyphen kept in a learned name ("IL-12", "octoxynol-9": treatments._learned_spans). Every sentence here is
written for these tests; the PICO reader is a fixture that reads only the names it is given (none, for the framed
names), so each test shows what the rule adds on its own."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.framed_names import framed_name_spans


def _names(text: str) -> list[str]:
    return [text[span.start : span.end] for span in framed_name_spans(text)]


def test_the_name_after_a_word_said_only_of_something_given() -> None:
    assert _names("A second trial confirms the efficacy of PEMT in reducing knee pain [ 9] .") == ["PEMT"]
    assert _names("It showed the effectiveness of the Brandt protocol for back pain [ 6] .") == ["Brandt protocol"]
    # a dose given "of" it is no part of the name
    assert _names("the superiority of 3 ml/kg of buffered lactate over saline in sepsis [ 9]") == ["buffered lactate"]
    assert _names("with the addition of intrathecal clonidine, pain fell [ 2] .") == ["intrathecal clonidine"]
    # "the effect of", "the use of" are said of exposures and measures too: not these frames
    assert _names("the effect of smoking in reducing lung function [ 3] .") == []
    assert _names("No word here says that anything was given [ 3] .") == []


def test_a_short_form_in_that_frame_is_the_intervention_where_no_reader_names_it() -> None:
    texts = [
        "This randomised trial confirms the efficacy of PEMT in reducing the pain of knee osteoarthritis in adults,"
        " as reported before [ 9] .",
        "The participants of the earlier study were older [ 9] .",
    ]
    profile = profile_with(texts)
    assert profile.name == "PEMT"
    assert profile.statements == (0,)


def test_a_frame_of_something_given_is_not_enough_without_a_result() -> None:
    # named as given, but no effect or harm is attributed to it
    assert profile_with(["Smith et al. described the addition of PEMT to usual care in adults [ 9] ."]).name is None


def test_a_codes_number_after_a_hyphen_stays_in_the_learned_name() -> None:
    texts = ["In the phase 3 trial, IL-12 increased the risk of genital ulcers compared with placebo [ 5] ."]
    profile = profile_with(texts, "IL-12")
    assert profile.name == "IL-12"
    # read whole, the name is the subject of the result: its frame is read after "12", not before it
    texts = ["In the phase 3 trial, octoxynol-9 increased the risk of genital ulcers compared with placebo [ 5] ."]
    assert profile_with(texts, "octoxynol-9").name == "octoxynol-9"


def test_plus_joins_two_names_and_names_neither() -> None:
    from summarizer.engines.extractive.treatment_mention import name_anchors

    assert name_anchors("HAART plus IL-2") == ("haart", "il-2")
    assert name_anchors("chemotherapy plus bevacizumab")[-1] == "bevacizumab"
