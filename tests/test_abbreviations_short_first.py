"""Abbreviations defined short form first, "SHORT (long form)" (abbreviations.py, after Schwartz and Hearst 2003).
Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.abbreviations import definitions_in, find_definitions


def test_a_short_form_before_its_long_form_in_parentheses() -> None:
    text = "We gave 6-MP (6-mercaptopurine) to eleven children with leukaemia."
    [definition] = find_definitions(text)
    assert (definition.short, definition.long) == ("6-MP", "6-mercaptopurine")


def test_a_parenthesis_that_is_no_long_form_of_the_word_before() -> None:
    assert find_definitions("Patients (n = 40) received the drug (20 mg daily for ten weeks).") == []
    assert find_definitions("The results of Brown (see the discussion above) differ.") == []


def test_both_orders_in_one_text() -> None:
    text = "Low molecular weight heparin (LMWH) and TNF (tumour necrosis factor) were measured."
    assert definitions_in([text]) == {"lmwh": "Low molecular weight heparin", "tnf": "tumour necrosis factor"}
