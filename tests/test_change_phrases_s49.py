"""A harm named as a change of a measure is one name (change_phrases.py), and a smaller change is worded as the
quote says it (wording.outcome_claim, with smaller_changes). Sentences written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.change_phrases import joined_to_change, names_a_change
from summarizer.engines.extractive.wording import outcome_claim


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


def _named(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in joined_to_change(text, spans)]


def test_a_measure_inside_a_change_phrase_is_named_with_its_change() -> None:
    text = "Two hours after the first tablet she had an abrupt fall in systolic pressure and fainted."
    assert _named(text, [_span(text, "pressure")]) == ["fall in systolic pressure"]


def test_a_lone_change_noun_takes_its_measure() -> None:
    text = "Gross elevation of plasma amylase followed the second infusion."
    assert _named(text, [_span(text, "elevation")]) == ["elevation of plasma amylase"]


def test_a_modifier_span_ending_with_the_change_noun_takes_the_measure() -> None:
    text = "The boy showed a marked rise in serum potassium on day 3."
    assert _named(text, [_span(text, "marked rise")]) == ["marked rise in serum potassium"]


def test_the_measure_ends_before_a_clause_a_list_or_a_participle() -> None:
    text = "An increase in the QRS duration causing syncope was seen, and a drop in sodium levels in two women."
    assert _named(text, [_span(text, "increase"), _span(text, "sodium")]) == [
        "increase in the QRS duration",
        "drop in sodium levels",
    ]


def test_of_goes_on_between_words_but_not_before_a_number() -> None:
    text = "We saw a decline in the quality of sleep, and a decrease in calcium of 0.4 mmol/L."
    assert _named(text, [_span(text, "decline"), _span(text, "calcium")]) == [
        "decline in the quality of sleep",
        "decrease in calcium",
    ]


def test_a_span_already_running_into_the_measure_keeps_its_end() -> None:
    text = "She had ST depression in the lateral leads consistent with ischaemia."
    spans = [_span(text, "ST depression in the lateral leads")]
    assert joined_to_change(text, spans) == spans  # "depression" is no change noun here; nothing to join
    text = "He had ST elevation in the inferior leads compatible with infarction."
    spans = [_span(text, "ST elevation in the inferior leads")]
    assert joined_to_change(text, spans) == spans


def test_no_change_of_a_dose_an_arm_or_a_place() -> None:
    text = "Symptoms returned after an increase in the dose of the tablets."
    assert _named(text, [_span(text, "increase")]) == ["increase"]
    text = "Scores rose, with a larger increase in the yoga plus diet group."
    assert _named(text, [_span(text, "increase")]) == ["increase"]
    text = "The mean decrease in vivo after dialysis was 40%."
    assert _named(text, [_span(text, "decrease")]) == ["decrease"]


def test_spans_outside_any_change_phrase_are_kept_in_order_once() -> None:
    text = "Rash and a rise in liver enzymes developed; the rise in liver enzymes resolved."
    rash, rise = _span(text, "Rash"), _span(text, "liver")
    assert _named(text, [rash, rise, rise]) == ["Rash", "rise in liver enzymes"]


def test_names_a_change() -> None:
    assert names_a_change("increase in serum creatinine level")
    assert names_a_change("Rise of serum potassium")
    assert not names_a_change("increase")
    assert not names_a_change("creatinine level")
    assert not names_a_change("loss of consciousness")


def test_a_smaller_change_is_worded_as_the_quote_says_it() -> None:
    quote = "Muscle thickness decreased significantly less in the training group than in controls (p = 0.01)."
    claim = outcome_claim("Muscle thickness", "increased", "improved", "training", quote)
    assert claim == "A smaller decrease in muscle thickness with training (an improvement)."
    quote = "Weight rose less in the diet group than in the usual care group (p = 0.03)."
    claim = outcome_claim("Weight", "decreased", "improved", "diet", quote)
    assert claim == "A smaller rise in weight with diet (an improvement)."


def test_a_quantity_or_a_plain_change_is_worded_as_before() -> None:
    quote = "Weight fell by less than 2% in the diet group."
    assert outcome_claim("Weight", "decreased", "improved", "diet", quote) == (
        "Weight decreased with diet (an improvement)."
    )
    quote = "Muscle thickness decreased less than 5 mm in the training group."
    assert outcome_claim("Muscle thickness", "decreased", "worsened", "training", quote) == (
        "Muscle thickness decreased with training (a worsening)."
    )
    quote = "Pain decreased significantly in the training group (p = 0.01)."
    assert outcome_claim("Pain", "decreased", "improved", "training", quote) == (
        "Pain decreased with training (an improvement)."
    )


def test_a_change_that_is_an_improvement_names_no_harm() -> None:
    assert not names_a_change("increase in pain threshold")
    assert names_a_change("increase in the serum creatinine level")


def test_a_change_in_a_count_of_a_harm_leaves_the_harm_its_own_name() -> None:
    text = "There was a rise in the incidence of pneumonia after the vaccine."
    assert _named(text, [_span(text, "pneumonia")]) == ["pneumonia"]


def test_a_name_right_after_at_is_a_time_or_a_place_not_a_harm() -> None:
    from summarizer.engines.extractive.events import event_names

    text = "Her platelet count was normal at presentation and fell after the third cycle."
    assert event_names(text, [_span(text, "presentation")]) == ()
    text = "Pain at the injection site lasted two days."
    assert event_names(text, [_span(text, "Pain")]) == ("Pain",)
