"""Abbreviation definitions (Schwartz-Hearst): long forms found for parenthesised short forms."""

from __future__ import annotations

from summarizer.engines.extractive.abbreviations import definitions_in, find_definitions, short_key


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


def test_long_form_before_the_parenthesis() -> None:
    text = "Patients received low molecular weight heparin (LMWH) or placebo for six weeks."
    assert _pairs(text) == [("LMWH", "low molecular weight heparin")]
    (definition,) = find_definitions(text)
    assert text[definition.start : definition.end] == definition.long


def test_first_letter_must_start_a_word_and_extra_words_are_left_out() -> None:
    assert _pairs("In this trial of intravenous immunoglobulin (IVIG), relapses fell.") == [
        ("IVIG", "intravenous immunoglobulin")
    ]
    assert _pairs("We gave the children continuous positive airway pressure (CPAP) at night.") == [
        ("CPAP", "continuous positive airway pressure")
    ]


def test_letters_inside_words_and_plurals() -> None:
    assert _pairs("Bone marrow derived mesenchymal stem cells (MSCs) were infused.") == [
        ("MSCs", "mesenchymal stem cells")
    ]
    assert short_key("MSCs") == "msc"
    assert short_key("DNAs") == "dna"
    assert short_key("ras") == "ras"


def test_not_a_definition() -> None:
    assert _pairs("Mortality fell (p = 0.03) in the treated arm.") == []
    assert _pairs("Outcomes were similar (Table 2).") == []
    assert _pairs("The drug was given (n = 40).") == []
    assert _pairs("(ABC) stands alone.") == []
    assert _pairs("The IMZ implants (IMZ) were placed.") == []


def test_long_form_does_not_cross_a_sentence() -> None:
    # without the full stop, "based on mass. Fever" would match B and M
    assert _pairs("The dose was based on mass. Fever (BM) was rare.") == []
    assert _pairs("The dose was based on mass (BM) in each arm.") == [("BM", "based on mass")]


def test_definitions_across_texts_choose_the_commonest_long_form() -> None:
    texts = [
        "Oral rehydration solution (ORS) was given.",
        "Children on oral rehydration solution (ORS) recovered sooner.",
        "A hypo-osmolar oral rehydration solution (ORS) was tried.",
        "No definition here.",
    ]
    assert definitions_in(texts) == {"ors": "oral rehydration solution"}
