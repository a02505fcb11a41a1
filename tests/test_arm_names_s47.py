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


def _anchors(text: str) -> dict[str, tuple[str, ...]]:
    return {m.name: m.anchors for m in annotate(text, resources_=load_resources()).treatment.mentions}


def test_an_arm_named_by_how_a_kind_of_treatment_was_given_keeps_that_word() -> None:
    found = _anchors("Nausea was rarer in the intermittent infusion group than in the bolus group (p = 0.02).")
    assert found["intermittent infusion"] == ("intermittent", "administration")
    found = _anchors("Survival was longer in the neoadjuvant chemotherapy arm than in the observation arm (p = 0.04).")
    assert "neoadjuvant" in found["neoadjuvant chemotherapy"]


def test_an_arm_named_by_its_role_or_outside_an_arm_gets_no_such_word() -> None:
    # the word of the arm's role says nothing of what it was given
    found = _anchors("Nausea was rarer in the active treatment group than in the control group (p = 0.02).")
    assert "active" not in found.get("active treatment", ())
    # outside an arm's name, "intermittent infusion" still names no treatment of its own
    found = _anchors("An intermittent infusion of fluids was given to all patients before surgery.")
    assert all("intermittent" not in anchors for anchors in found.values())
    # a named treatment keeps its own anchors only
    found = _anchors("Nausea was rarer in the intravenous ondansetron group than in the placebo group (p = 0.02).")
    assert found["intravenous ondansetron"] == ("ondansetron",)


SCHEDULE_ARMS = [
    "Median survival was 31 months in the adjuvant chemotherapy arm and 24 months in the surgery-alone arm (p = 0.03).",
    "Relapse was less frequent in the adjuvant chemotherapy arm than in the surgery-alone arm (p = 0.01).",
    "Grade 3 neutropenia occurred in 14% of patients in the adjuvant chemotherapy arm (p = 0.02).",
]


def test_a_trial_of_a_way_of_giving_chemotherapy_names_that_arm() -> None:
    assert profile_with(SCHEDULE_ARMS).name == "adjuvant chemotherapy"


def test_what_served_as_the_control_names_the_comparator() -> None:
    from summarizer.engines.extractive.control_arm_names import served_as_control
    from summarizer.engines.extractive.target_profile import _anchors_of

    def served(text: str) -> list[str]:
        return sorted(served_as_control([text], _anchors_of))

    assert served("Nausea was rarer with droperidol, and the metoclopramide group served as the control.") == [
        "metoclopramide"
    ]
    assert served("Cetirizine was used as the active comparator (p = 0.03).") == ["cetirizine"]
    assert served("Itch fell more with the new cream, with hydrocortisone as control (p = 0.04).") == ["hydrocortisone"]
    # a clause too long to be a name, a person as their own control, "as" of another sense: none
    assert served("All of the enrolled children in the first phase served as controls.") == []
    assert served("Each child served as her own control.") == []
    assert served("We gave saline as placebo, and as expected control children cried more.") == []


CONTROL_SERVED = [
    "Crying time was shorter with sucrose than with water (p = 0.01).",
    "Heart rate rose less with sucrose than with water (p = 0.02); water served as the control.",
    "Pain scores were lower with water than with sucrose at 2 min (p = 0.04).",
    "Pain scores were lower with water than with sucrose at 5 min (p = 0.03).",
]


def test_the_arm_that_served_as_control_is_not_the_intervention() -> None:
    assert profile_with(CONTROL_SERVED, "sucrose", "water").name == "sucrose"
    # without the sentence that says which served as the control, the statements name water more often as the arm
    # with the result
    assert profile_with([CONTROL_SERVED[0], CONTROL_SERVED[2], CONTROL_SERVED[3]], "sucrose", "water").name == "water"


def _references(text: str) -> list[str]:
    from summarizer.engines.extractive.equivalence_reference import equivalence_references
    from summarizer.engines.extractive.target_profile import _anchors_of

    return sorted(equivalence_references([text], _anchors_of))


def test_the_standard_of_an_equivalence_claim_is_its_reference() -> None:
    assert _references("Oral amoxicillin was as effective as intravenous ampicillin in children (p = 0.6).") == [
        "ampicillin"
    ]
    assert _references("Dienogest was non-inferior to leuprolide acetate for pelvic pain.") == ["acetate", "leuprolide"]
    assert _references("Home hemodialysis was equivalent to the clinic regimen in all respects.") == ["clinic"]


def test_an_equivalence_of_amounts_or_of_one_patient_names_no_reference() -> None:
    # an amount, a pronoun: no name after the phrase
    assert _references("The fall in weight was equivalent to 10% of baseline.") == []
    assert _references("Its effect was as good as that of the older drug.") == []
    # one patient's drugs, one after the other: a case's history, not a trial's standard
    assert _references("Valproate appeared as effective as phenytoin for seizure control in this patient.") == []


EQUIVALENCE = [
    "Cure rates were 92% with fosfomycin and 90% with nitrofurantoin (p = 0.7).",
    "Fosfomycin was as effective as nitrofurantoin for cystitis in women (p = 0.7).",
    "Nausea was reported by 8% of women given nitrofurantoin (p = 0.04).",
    "Relapse occurred in 6% with nitrofurantoin at 28 days (p = 0.3).",
]


def test_the_reference_of_an_equivalence_is_named_only_when_nothing_else_qualifies() -> None:
    assert profile_with(EQUIVALENCE, "fosfomycin", "nitrofurantoin").name == "fosfomycin"
    # the statements name nitrofurantoin more often; without the equivalence it is the name
    without = [EQUIVALENCE[0], EQUIVALENCE[2], EQUIVALENCE[3]]
    assert profile_with(without, "fosfomycin", "nitrofurantoin").name == "nitrofurantoin"


def test_an_arm_named_only_by_how_it_was_given_names_no_treatment() -> None:
    # "the intramuscular group": a route with no word of what was given is no treatment's name
    found = _anchors("The ovulation rate in the intramuscular group (93%) was higher (P < 0.05) than in the other arm.")
    assert all("intramuscular" not in anchors for anchors in found.values())
