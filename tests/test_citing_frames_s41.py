"""How citing sentences name a cited trial's treatment (issue 23, helper s41-citing): a dose given "of" a name, a
passive verb of giving, "X-treated", "X-associated side effects", "X's beneficial effect", "over" and a misspelt
"versus" as a comparison's boundary, a trial's name that is no treatment. Every sentence here is written for these
tests (none is from a benchmark); the PICO reader is a fixture that reads only the names it is given."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.comparison_boundary import is_comparison_boundary, misspelt_versus
from summarizer.engines.extractive.framed_names import framed_name_spans
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.treatment_mention import name_anchors
from summarizer.engines.extractive.treatment_names import clean_name
from summarizer.engines.extractive.trial_names import trial_name_anchors


def _names(text: str) -> list[str]:
    return [text[span.start : span.end] for span in framed_name_spans(text)]


def test_a_dose_given_of_the_name_keeps_its_frame_and_superiority_is_a_finding() -> None:
    texts = ["A later trial confirmed the superiority of 20 mg of XQ-7 over placebo in 200 adults with asthma [ 4] ."]
    profile = profile_with(texts)
    assert profile.name == "XQ-7"
    assert profile.statements == (0,)


def test_the_subject_of_a_passive_verb_of_giving_is_named() -> None:
    assert _names("In this phase I trial, ZR-44 was given intravenously to 30 adults with melanoma [ 4] .") == ["ZR-44"]
    assert _names("Four cycles of 10 mg of ZR-44 were administered [ 4] .") == ["ZR-44"]
    texts = [
        "In this phase I trial, ZR-44 was given intravenously to 30 adults with melanoma [ 4] .",
        "No serious adverse events were observed in the trial in which four cycles of ZR-44 were given [ 4] .",
    ]
    profile = profile_with(texts)
    assert profile.name == "ZR-44"
    assert 1 in profile.statements


def test_a_name_joined_to_treated_or_to_the_harms_it_caused() -> None:
    text = "Torvaline-treated patients relapsed less often than placebo-treated patients (p = 0.02) [ 3] ."
    assert _names(text) == ["Torvaline", "placebo"]
    text = "KB-3-associated adverse events were rare, and KB-3-related toxicity was mild [ 3] ."
    assert _names(text) == ["KB-3", "KB-3"]
    # a harm's cause named so in a disease's name is no treatment frame of these
    assert _names("Heparin-induced thrombocytopenia was diagnosed [ 3] .") == []
    profile = profile_with(
        ["Torvaline-treated patients had fewer relapses than placebo-treated ones (p = 0.02) [ 3] ."]
    )
    assert profile.name is not None and profile.name.lower() == "torvaline"


def test_a_possessive_with_a_good_effect_names_what_was_given() -> None:
    text = "Kelvaxin's protective effect on bone density was confirmed in a trial of 150 women [ 7] ."
    assert _names(text) == ["Kelvaxin"]
    profile = profile_with([text])
    assert profile.name is not None and profile.name.lower() == "kelvaxin"
    # a possessive is no part of a name's anchors nor of its displayed name
    assert name_anchors("Kelvaxin's") == ("kelvaxin",)
    assert clean_name("KB-3-associated") == "KB-3"
    assert clean_name("celecoxib-treated") == "celecoxib"


def test_over_and_a_misspelt_versus_end_a_name() -> None:
    for word in ("vesus", "verus", "vresus", "versuss", "over"):
        assert is_comparison_boundary(word), word
    for word in ("versus", "venus", "virus", "version", "vs", "overall", "ovarian"):
        assert not misspelt_versus(word), word
    assert not is_comparison_boundary("venous")
    text = "In a randomised trial of ZMT vesus placebo, ZMT significantly reduced exacerbations (p = 0.01) [ 4] ."
    assert profile_with([text], "ZMT vesus placebo").name == "ZMT"
    text = "Smith et al. showed the superiority of zelmoritide over placebo for pain in 300 adults [ 4] ."
    assert profile_with([text], "zelmoritide over placebo").name == "zelmoritide"


def test_a_title_case_word_before_trial_names_the_trial_not_the_treatment() -> None:
    res = load_resources()
    texts = [
        "Unlike the Norwegian Trial, this study showed no difference in survival [ 5] .",
        "The Danish Trial confirmed the results of the Norwegian group, with recurrence of 3% in the chemotherapy"
        " group and 9% in the surgery-alone group (p < 0.01) [ 5] .",
    ]
    assert trial_name_anchors(texts, res) == frozenset({"norwegian", "danish"})
    # a short form in capitals, and a drug the lexicon knows, may be a trial's treatment: kept
    assert trial_name_anchors(["The PREVAIL Trial and the Aspirin Study [ 2] ."], res) == frozenset()
    assert profile_with(texts).name != "norwegian"
