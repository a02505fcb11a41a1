"""An adverse event's grade qualifies it and is no part of its name (sentences written for these tests)."""

from summarizer.engines.extractive import annotate


def test_a_grade_before_the_event_is_not_its_name() -> None:
    reading = annotate("Grade 3 or 4 vomiting was more frequent with drug A than with placebo (9% vs 2%, p = 0.01).")
    assert reading.adverse_events == ("vomiting",)


def test_a_grade_after_the_event_is_not_its_name() -> None:
    reading = annotate("More patients given drug A had vomiting of grade 3-4 than those given placebo.")
    assert reading.adverse_events == ("vomiting",)


def test_roman_grades_and_a_single_grade() -> None:
    assert annotate("Grade III or IV anaemia occurred in 12% of patients given drug A.").adverse_events == ("anaemia",)
    assert annotate("Two patients developed grade 2 anaemia after cisplatin.").adverse_events == ("anaemia",)


def test_a_grade_word_not_followed_by_a_number_stays() -> None:
    reading = annotate("A low grade fever developed in two patients after cisplatin.")
    assert reading.adverse_events and all("fever" in name for name in reading.adverse_events)
