"""An event name read backwards from "due to" / "associated with" stops at a verb of change (written sentences)."""

from summarizer.engines.extractive import load_resources
from summarizer.engines.extractive.scan import Scan


def _event_texts(text: str) -> list[str]:
    scan = Scan(text, load_resources())
    return [text[start:end] for start, end in scan.event_spans]


def test_a_verb_of_change_ends_the_name_read_backwards() -> None:
    names = _event_texts("In our cohort, the new drug reduced death due to sepsis in older patients.")
    assert "death" in names
    assert not any("reduced" in name or "drug" in name for name in names)


def test_a_name_of_several_words_is_still_read_whole() -> None:
    names = _event_texts("Patients had gastrointestinal bleeding due to the anticoagulant.")
    assert "gastrointestinal bleeding" in names
