"""A name the PICO reader reads as an intervention, attributed a result in a sentence about people or a trial, is
the target's intervention with the lesser number of attributions (clinical_context.py, target_profile.py). Every
sentence here is written for these tests."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.clinical_context import care_of_people, says_who


def test_sentences_about_people_or_a_trial() -> None:
    text = ("Okafor et al. [4] showed that zelmoritide was effective in reducing nausea in children. "
            "Its half-life is short. A randomised trial confirmed it.")
    assert care_of_people(text) == (0, 2)
    assert care_of_people("Zelmoritide was effective in reducing nausea [4].") == ()
    # basic science says the same in animals: no care of people
    assert care_of_people("In mice, zelmoritide was effective in reducing nausea in treated animals [4].") == ()


def test_a_name_that_says_who_the_people_were() -> None:
    low = "volunteers with hla-q9 who were vaccinated had lower viral loads than the placebo recipients."
    assert says_who(low, "HLA-Q9")
    assert says_who("withdrawal was seen in the neonate.", "neonate")
    assert not says_who("patients treated with zelmoritide had less nausea.", "zelmoritide")


def test_a_learned_name_found_effective_in_people_is_the_intervention() -> None:
    texts = [
        "Okafor et al. [4] showed that zelmoritide was effective in reducing nausea in children.",
        "The dose used by Okafor et al. [4] was lower than ours.",
    ]
    profile = profile_with(texts, "zelmoritide")
    assert profile.name == "zelmoritide"


def test_without_people_or_a_trial_one_attribution_is_not_enough_for_a_learned_name() -> None:
    texts = [
        "Okafor et al. [4] showed that zelmoritide was effective in reducing nausea.",
        "The dose used by Okafor et al. [4] was lower than ours.",
    ]
    assert profile_with(texts, "zelmoritide").name is None


def test_what_the_people_had_is_no_intervention() -> None:
    texts = [
        "Volunteers with HLA-Q9 who were vaccinated had significantly lower viral loads than placebo recipients [3].",
        "The vaccine was given in three doses [3].",
    ]
    assert profile_with(texts, "HLA-Q9").name != "HLA-Q9"


def test_a_listed_drug_found_effective_in_people_is_the_intervention() -> None:
    # the subject of a result names what was given when the sentence names the people it was given to
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.models import Statement
    from summarizer.pipeline import summarize

    texts = [
        "Lee and Park [7] showed that metoclopramide was effective in reducing nausea in adults after surgery.",
        "Lee and Park [7] also reported that metoclopramide was well tolerated.",
    ]
    brief = summarize([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)], engine=ExtractiveEngine())
    assert brief.target.intervention is not None
    assert brief.target.intervention.name == "metoclopramide"
    assert brief.efficacy.assessment == "benefit_reported"
    # in cells, the same grammar names no treatment given to anyone
    cells = [t.replace("in adults after surgery", "in cultured neurons") for t in texts[:1]]
    assert summarize([Statement(id="S1", text=cells[0])], engine=ExtractiveEngine()).target.intervention is None
