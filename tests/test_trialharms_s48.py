"""s48-trialharms: the patients' own disease read through a bracketed aside after the people ("eight patients (mean
age, 15 years) with X"); an adjective the tagger took alone joined to the name it modifies ("subacute" + "degeneration
of the spinal cord"). Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.modifier_spans import joined_to_modified
from summarizer.engines.extractive.patients_disease import names_the_indication


def _indication(text: str, name: str) -> bool:
    start = text.index(name)
    return names_the_indication(text, start, start + len(name))


def test_the_disease_of_people_in_whom_something_was_done_is_read_through_a_bracketed_aside() -> None:
    text = "Scans were done in six children (two of them twins) with nephroblastoma before and after vincristine."
    assert _indication(text, "nephroblastoma")


def test_the_aside_may_give_the_peoples_ages() -> None:
    text = "Hearing was tested in nine adults (median age, 61 years) with head and neck cancer after cisplatin."
    assert _indication(text, "head and neck cancer")


def test_the_disease_of_people_then_treated_is_read_through_the_aside() -> None:
    text = "Forty patients (22 women, 18 men) with gastric lymphoma were treated with rituximab at two centres."
    assert _indication(text, "gastric lymphoma")


def test_a_harm_after_a_comma_that_closes_the_people_is_not_their_disease() -> None:
    text = "Vincristine caused neuropathy in six children (two of them twins), with constipation in four."
    assert not _indication(text, "constipation")


def test_a_harm_the_people_developed_is_not_their_disease() -> None:
    text = "Six children (two of them twins) developed neuropathy with vincristine."
    assert not _indication(text, "neuropathy")


def test_a_bracket_that_is_not_about_the_people_does_not_make_a_harm_their_disease() -> None:
    text = "Rituximab (375 mg/m2) with fludarabine caused neutropenia in two patients."
    assert not _indication(text, "neutropenia")


# s48-trialharms: an adjective the tagger took alone joined to the name it modifies (modifier_spans.py)


def _joined(text: str, *parts: str) -> list[str]:
    spans = []
    for part in parts:
        start = text.index(part)
        spans.append((start, start + len(part)))
    return [text[a:b] for a, b in joined_to_modified(text, spans)]


def test_an_adjective_with_one_word_of_the_name_between_is_joined_to_the_name() -> None:
    text = "A month later she developed subacute sclerosing panencephalitis at home."
    assert _joined(text, "subacute", "panencephalitis") == ["subacute sclerosing panencephalitis"]


def test_an_adjective_right_before_the_name_is_joined_to_it() -> None:
    text = "Two weeks on, painful erythematous nodules appeared on both shins."
    assert _joined(text, "painful", "erythematous nodules") == ["painful erythematous nodules"]


def test_a_word_of_course_with_a_prefix_is_an_adjective() -> None:
    text = "The boy had hyperacute graft rejection on the second day."
    assert _joined(text, "hyperacute", "rejection") == ["hyperacute graft rejection"]


def test_two_names_joined_by_and_stay_two() -> None:
    text = "The infusion was followed by hepatic and renal failure within days."
    assert _joined(text, "hepatic", "renal failure") == ["hepatic", "renal failure"]


def test_a_cause_between_the_adjective_and_the_name_is_not_taken_in() -> None:
    text = "We saw a fatal gold-induced aplastic anaemia in one woman."
    assert _joined(text, "fatal", "aplastic anaemia") == ["fatal", "aplastic anaemia"]


def test_adjectives_listed_after_a_verb_are_not_one_name() -> None:
    text = "He became restless, tremulous, agitated and confused after the switch."
    assert _joined(text, "tremulous", "agitated") == ["tremulous", "agitated"]


def test_a_name_before_a_noun_is_not_taken_for_an_adjective() -> None:
    text = "Her rash spread over the next days."
    assert _joined(text, "rash", "days") == ["rash", "days"]


# the condition the treated disease came with is the patients' too (patients_disease._came_with_the_disease)


def test_the_condition_a_treated_disease_came_with_is_the_patients() -> None:
    text = "Diuretics remain a standard treatment for oedema associated with chronic liver disease in older adults."
    assert _indication(text, "chronic liver disease")


def test_the_cause_of_a_disease_a_drug_was_given_for_is_the_patients() -> None:
    text = "The infant was treated with surfactant for respiratory distress due to hyaline membrane disease."
    assert _indication(text, "hyaline membrane disease")


def test_a_drugs_toxicity_the_treated_disease_came_from_is_a_harm() -> None:
    text = "Lidocaine is a treatment for arrhythmias secondary to digoxin toxicity in the emergency room."
    assert not _indication(text, "toxicity")


def test_a_condition_a_treatment_caused_is_a_harm() -> None:
    text = "Steroid drops are a treatment for dry eye secondary to corneal damage from isotretinoin therapy."
    assert not _indication(text, "corneal damage")


def test_a_harm_a_treated_disease_s_drugs_were_associated_with_is_a_harm() -> None:
    text = "Drugs used for the treatment of malaria have been associated with fatal arrhythmias in children."
    assert not _indication(text, "fatal arrhythmias")
