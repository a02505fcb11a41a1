"""The names the PICO reader reads as given, across a target's statements (issue 23, s44-noname): a name the reader
tags in one statement is the same name where it leaves it untagged, and a short form the statements define for an
outcome is no name of what was given (learned_names.py). Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.engines.extractive.learned_names import learned_treatments, outcome_short_forms
from summarizer.engines.extractive.reading import SentenceReading, annotate
from summarizer.engines.extractive.resources import Resources, load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatments import treatment_mentions


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass(frozen=True)
class _ReaderOfOneText:
    """Reads `name` as an intervention in the texts that hold `where`, and nothing elsewhere."""

    name: str
    where: str

    def intervention_spans(self, text: str) -> list[_Span]:
        at = text.find(self.name)
        return [_Span(at, at + len(self.name))] if self.where in text and at >= 0 else []


def _readings(texts: list[str]) -> list[SentenceReading]:
    res = load_resources()
    return [annotate(text, resources_=res) for text in texts]


def _learned_names(texts: list[str], reader: _ReaderOfOneText) -> list[set[str]]:
    res = load_resources()
    readings = _readings(texts)
    learned = learned_treatments([r.treatment for r in readings], readings, texts, reader, res)  # type: ignore[arg-type]
    return [{m.name for m in treatment.mentions} for treatment in learned]


def test_a_name_read_in_one_statement_is_read_where_the_reader_leaves_it() -> None:
    texts = [
        "Wound closure was faster with the Velodress (p = 0.02).",
        "Mean closure time for Velodress was 9 days, compared with 12 days for gauze (p = 0.02).",
    ]
    names = _learned_names(texts, _ReaderOfOneText("Velodress", "faster"))
    assert "Velodress" in names[0] and "Velodress" in names[1]
    # only as a word of its own: "Velodressing" is another word
    other = [texts[0], "Mean closure time for Velodressing was 9 days (p = 0.02)."]
    assert "Velodress" not in _learned_names(other, _ReaderOfOneText("Velodress", "faster"))[1]


def test_a_common_word_read_once_is_not_read_elsewhere() -> None:
    # a word written without a capital or a digit may be a measure or a thing in its other places
    texts = [
        "Recovery was faster after the wrap (p = 0.02).",
        "Mean recovery for wrap was 9 days, compared with 12 days for gauze (p = 0.02).",
    ]
    names = _learned_names(texts, _ReaderOfOneText("wrap", "faster"))
    assert "wrap" not in names[1]


def test_a_short_form_defined_for_an_outcome_names_no_treatment() -> None:
    texts = ["The mean hospital stay length (MHSL) was shorter with the Velodress than with gauze (p = 0.01)."]
    readings = _readings(texts)
    assert "mhsl" in outcome_short_forms(texts, readings)
    names = _learned_names(texts, _ReaderOfOneText("MHSL", "shorter"))
    assert "MHSL" not in names[0]
    # a short form defined for what was given is not an outcome's
    given = ["Wound closure was faster with the rapid healing film (RHF) than with gauze (p = 0.02)."]
    assert "rhf" not in outcome_short_forms(given, _readings(given))


def _frames(text: str, *names: str) -> dict[str, bool]:
    spans: list[Span] = [(text.index(name), text.index(name) + len(name)) for name in names]
    return {m.name: m.therapy_frame for m in treatment_mentions(Scan(text, Resources()), learned=spans)}


def test_a_verb_of_giving_in_its_ing_form_frames_a_name_as_given() -> None:
    assert _frames("Nurses infusing QV-20 saw the pH unchanged (P = 0.40).", "QV-20") == {"QV-20": True}
    assert _frames("Patients injecting KB7 at home had fewer visits.", "KB7") == {"KB7": True}
    # a name far from any such word stays unframed, and "dosages" is no name of its own
    assert _frames("The pH was unchanged in the QV-20 samples (P = 0.40).", "QV-20") == {"QV-20": False}
    assert _frames("Two dosages were compared (P = 0.40).", "dosages") == {}


def test_an_article_between_a_word_of_efficacy_and_the_name_keeps_the_frame() -> None:
    text = "Contrary to the efficacy of the QV-20 gel expected, wound size did not differ (P = 0.40)."
    assert _frames(text, "QV-20 gel") == {"QV-20 gel": True}
    # "the colour of the X" is said of anything
    other = "Contrary to the colour of the QV-20 gel expected, wound size did not differ."
    assert _frames(other, "QV-20 gel") == {"QV-20 gel": False}


def test_a_name_with_its_own_word_before_a_head_both_sides_share_is_one_side() -> None:
    text = "Recall of the pictures rose on plain labels compared to glossy labels (p = 0.01)."
    assert _frames(text, "plain labels") == {"plain labels": True}
    # the shared head alone names neither side
    assert _frames(text, "labels") == {"labels": False}


def test_a_name_is_read_again_only_in_a_sentence_that_reports_a_test() -> None:
    # an aside that reports no test names the short form as something else (an author's degree, "J. Smith, MD")
    texts = [
        "Wound closure was faster with the Velodress (p = 0.02).",
        "The dressing was designed by Ann Velodress and colleagues in 2010.",
        "Ann Velodress also described Velodress in 2012.",
    ]
    names = _learned_names(texts, _ReaderOfOneText("Velodress", "faster"))
    assert "Velodress" not in names[1] and "Velodress" not in names[2]


def test_a_name_read_again_is_kept_only_where_its_sentence_frames_it_as_given() -> None:
    texts = [
        "Wound closure was faster with the Velodress (p = 0.02).",
        "Pain fell in the foam arm (p = 0.01) and trended lower later on for Velodress (p = 0.06).",
    ]
    assert "Velodress" not in _learned_names(texts, _ReaderOfOneText("Velodress", "faster"))[1]


def test_a_name_read_again_is_not_read_where_a_measure_is_of_it() -> None:
    # "the quality of X" measures X: X is what was measured there, not an arm
    texts = [
        "Wound closure was faster with the Velodress (p = 0.02).",
        "The handling quality of Velodress was rated better than that of gauze (p = 0.01).",
    ]
    assert "Velodress" not in _learned_names(texts, _ReaderOfOneText("Velodress", "faster"))[1]
    # "the addition of X" says X was given
    given = [texts[0], "Healing was faster after the addition of Velodress than with gauze (p = 0.01)."]
    assert "Velodress" in _learned_names(given, _ReaderOfOneText("Velodress", "faster"))[1]


def test_a_name_is_not_read_again_where_significance_is_said_without_a_test() -> None:
    texts = [
        "Wound closure was faster with the Velodress (p = 0.02).",
        "The Velodress has received significant attention from nurses since 2010.",
    ]
    assert "Velodress" not in _learned_names(texts, _ReaderOfOneText("Velodress", "faster"))[1]
