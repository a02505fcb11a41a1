"""Names of an arm's role, not of what it was given: the short forms trial reports write placebo and control by
("PLA", "PBO", "CTRL") are the comparator; a group of people named by how they adhered or responded ("the high-adherence
group", "the responders group") names no treatment. Sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.treatment_names import names_comparator


def test_placebo_and_control_short_forms_name_the_comparator() -> None:
    for short in ("pla", "pbo", "plc", "ctrl", "ctl"):
        assert names_comparator(short)
    # only the whole anchor: a word that begins so is no short form of placebo or control
    for word in ("plasma", "plaque", "placenta", "pbs", "ctla-4"):
        assert not names_comparator(word)


PLACEBO_SHORT = [
    "Sprint distance rose more with KRX than with PLA (KRX: 410 ± 22 m; PLA: 380 ± 25 m; p = 0.02).",
    "Perceived exertion was lower after KRX than after PLA (p = 0.03).",
    "Lactate was significantly lower in the KRX group than in the PLA group (p = 0.01).",
]


def test_the_placebo_short_form_is_never_the_intervention() -> None:
    assert profile_with(PLACEBO_SHORT, "KRX", "PLA").name == "KRX"
    # with the tested arm named only by a word the reader does not take, PLA is still not named
    unnamed = [text.replace("KRX", "the active arm") for text in PLACEBO_SHORT]
    assert profile_with(unnamed, "PLA").name != "PLA"


def test_an_active_arm_short_form_is_still_named() -> None:
    # the same sentences with an active comparator's short form: the profile still chooses between real arms
    active = [text.replace("PLA", "CAF") for text in PLACEBO_SHORT]
    assert profile_with(active, "KRX", "CAF").name in {"KRX", "CAF"}


def _arm_names(text: str) -> list[str]:
    return [m.name for m in annotate(text, resources_=load_resources()).treatment.mentions]


def test_a_group_named_by_adherence_names_no_treatment() -> None:
    text = "Balance improved more in the high-adherence group than in the control group (p = 0.02)."
    assert "high-adherence" not in _arm_names(text)
    text = "Pain fell more in the responders group than in the sham group (p = 0.01)."
    assert "responders" not in _arm_names(text)
    # an arm named by what it was given is still named so
    assert "tai chi" in " ".join(_arm_names("Balance improved more in the tai chi group than in the control group."))


ADHERENCE = [
    "Fall risk was significantly reduced in the tai chi group compared with the control group (p = 0.03).",
    "Post hoc analysis showed a larger effect in the high-adherence group than in the control group (p = 0.02).",
    "Quality of life improved more in the high-adherence group than in the control group (p = 0.04).",
    "Reaction time was shorter in the high-adherence group than in the control group (p = 0.01).",
]


def test_the_tested_arm_is_named_over_its_adherent_subgroup() -> None:
    # the subgroup is named in more statements than the arm: it was chosen before
    assert profile_with(ADHERENCE, "tai chi", "high-adherence").name == "tai chi"
