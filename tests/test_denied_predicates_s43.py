"""A name that is the subject of a tested predicate denied or set equal ("X was not effective", "X was no more
effective than Y", "X was as effective as Y", "X was ineffective"), of one of its safety ("X was well tolerated"), of
a predicate found without "to be" ("X proved effective") or of a benefit offered ("X offered no advantage over Y") was
tested as a treatment, as the subject of "X was effective" is (treatment_frames._subject_of_result; issue 23,
s43-citing). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import annotate, load_resources


def _framed(text: str, name: str) -> bool:
    reading = annotate(text, resources_=load_resources(), read_stance=False)
    mentions = [m for m in reading.treatment.mentions if m.name.lower() == name]
    assert mentions, (text, reading.treatment.mentions)
    return mentions[0].therapy_frame


def test_a_denied_or_equal_predicate_names_what_was_tested() -> None:
    assert _framed("Among adults, pregabalin was not effective for burning feet [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin was no more effective than duloxetine for burning feet [ 3] .",
                   "pregabalin")
    assert _framed("Among adults, pregabalin was as effective as duloxetine for burning feet [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin was ineffective for burning feet [ 3] .", "pregabalin")


def test_no_predicate_of_a_test_or_a_study_in_animals_names_nothing_tested() -> None:
    # a negation before a word that is no tested predicate
    assert not _framed("Among adults, pregabalin was not available in rural pharmacies [ 3] .", "pregabalin")
    # the same grammar in a study of animals (design.about_animals_or_cells)
    assert not _framed("In rats, pregabalin was not effective for burning feet [ 3] .", "pregabalin")


def test_safety_a_predicate_found_without_to_be_and_a_benefit_offered_name_what_was_tested() -> None:
    assert _framed("Among adults, pregabalin was well tolerated [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin was safe for burning feet [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin proved effective for burning feet [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin was found to be ineffective for burning feet [ 3] .", "pregabalin")
    assert _framed("Among adults, pregabalin offered no advantage over duloxetine for burning feet [ 3] .",
                   "pregabalin")


def test_an_offer_or_a_finding_of_something_else_names_nothing_tested() -> None:
    assert not _framed("Among adults, pregabalin offered by pharmacies was cheaper [ 3] .", "pregabalin")
    assert not _framed("Among adults, pregabalin proved popular with prescribers [ 3] .", "pregabalin")
    assert not _framed("Among adults, pregabalin provided in blister packs was cheaper [ 3] .", "pregabalin")


def test_each_conjunct_of_a_subject_said_to_be_effective_was_tested() -> None:
    text = "Among adults, pregabalin and duloxetine were equally effective for burning feet [ 3] ."
    assert _framed(text, "pregabalin") and _framed(text, "duloxetine")
    assert _framed("Among adults, pregabalin or duloxetine was found to be safe [ 3] .", "pregabalin")
    # one word the name leaves out may stand before the conjunction
    assert _framed("Among adults, pregabalin XR and pregabalin IR were equally effective [ 3] .", "pregabalin")


def test_a_conjunct_of_measures_or_of_a_change_is_not_named_as_tested() -> None:
    assert not _framed("Among adults, pregabalin and duloxetine levels were higher in the evening [ 3] .", "pregabalin")
    assert not _framed("Among adults, pregabalin and duloxetine were measured twice [ 3] .", "pregabalin")


def test_efficacy_shown_or_had_and_a_finding_said_of_the_object_name_what_was_tested() -> None:
    assert _framed("Among adults, pregabalin has previously demonstrated efficacy for burning feet [ 3] .",
                   "pregabalin")
    assert _framed("Among adults, pregabalin and duloxetine had similar efficacy for burning feet [ 3] .",
                   "pregabalin")
    assert _framed("Studies in adults found pregabalin to be superior to duloxetine [ 3] .", "pregabalin")
    assert _framed("Studies in adults reported pregabalin to be equal or superior to duloxetine [ 3] .", "pregabalin")


def test_a_finding_of_something_else_about_the_name_is_no_test_of_it() -> None:
    assert not _framed("Studies in adults reported pregabalin to be popular with prescribers [ 3] .", "pregabalin")
    assert not _framed("Among adults, pregabalin demonstrated a rise in prescriptions [ 3] .", "pregabalin")
    assert not _framed("In rats, pregabalin demonstrated efficacy for burning feet [ 3] .", "pregabalin")
