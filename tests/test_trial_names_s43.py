"""How trial reports name what they tested, as the names readers take them (issue 23, s43-noname): a code written
with its number and without the size of its dose (learned_spans), a rate per arm before a name (learned_spans), a
result that a following sentence states of the arms the sentence before named (treatments.read_treatments), and the
items of a list after "subjects with" (learned_names). Sentences written for these tests; the PICO reader is the
fixture of tests/fake_pico.py."""

from __future__ import annotations

from fake_pico import FakePicoReader

from summarizer.engines.extractive.learned_names import _listed_who, learned_treatments
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import Resources, load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatments import read_treatments, treatment_mentions


def _learned_frames(text: str, *names: str) -> dict[str, bool]:
    spans: list[Span] = [(text.index(name), text.index(name) + len(name)) for name in names]
    return {m.name: m.therapy_frame for m in treatment_mentions(Scan(text, Resources()), learned=spans)}


def _learned_names(text: str, *names: str) -> list[str]:
    spans: list[Span] = [(text.index(name), text.index(name) + len(name)) for name in names]
    return [m.name for m in treatment_mentions(Scan(text, Resources()), learned=spans)]


def test_a_code_keeps_the_number_written_into_it() -> None:
    text = "Ulcers healed in 61% with 3LX and in 55% with KB7 at 12 weeks (P = 0.30)."
    assert _learned_names(text, "3LX", "KB7") == ["3LX", "KB7"]
    # a number apart from the word is no part of its name; a hyphen still joins one ("ZT-4")
    apart = "Ulcers healed in 61% of 40 KB patients given ZT-4 (P = 0.30)."
    assert _learned_names(apart, "40 KB", "ZT-4") == ["KB", "ZT-4"]


def test_the_size_of_a_dose_after_a_name_is_no_part_of_it() -> None:
    text = "Plasma levels fell with ZK7741 high dose (P = 0.01) but not with QV-20 low doses (P = 0.43)."
    assert _learned_names(text, "ZK7741 high dose", "QV-20 low doses") == ["ZK7741", "QV-20"]
    # a word of the name before "dose" stays: "zinc sulphate dose"
    named = "Plasma levels fell with the zinc sulphate dose given (P = 0.01)."
    assert _learned_names(named, "zinc sulphate dose") == ["zinc sulphate"]


def test_a_rate_per_arm_before_a_name_is_no_count_of_it() -> None:
    text = "Falls per ward were 2·41 vitalorin versus 2·95 control (rate ratio 0·82, p=0·04)."
    assert _learned_names(text, "41 vitalorin") == ["vitalorin"]
    decimal = "Falls per ward were 2.41 vitalorin versus 2.95 control (p=0.04)."
    assert _learned_names(decimal, "41 vitalorin") == ["vitalorin"]
    # a whole number counts what follows it: "17 pharmacies", "1,200 pharmacies" name no treatment
    assert _learned_names("Staff of 17 pharmacies were trained (p = 0.04).", "17 pharmacies") == []
    assert _learned_names("Staff of 1,200 pharmacies were trained (p = 0.04).", "200 pharmacies") == []


def _effect_sentences(text: str, *names: str) -> tuple[int, ...]:
    scan = Scan(text, Resources())
    spans: list[Span] = [(text.index(name), text.index(name) + len(name)) for name in names]
    return read_treatments(scan, None, (), (), (), learned=spans).effect


def test_a_result_stated_of_the_arms_just_named_is_attributed_to_them() -> None:
    text = (
        "Mean heart rate was 71 bpm in the kelp tea group and 72 bpm in the mint tea group. "
        "These results showed no significant difference between the two groups (P = 0.61)."
    )
    assert _effect_sentences(text, "kelp tea", "mint tea") == (1,)
    # a sentence that does not refer back, or follows one that names no arm, is not the arms' result
    apart = (
        "Mean heart rate was 71 bpm in the kelp tea group and 72 bpm in the mint tea group. "
        "Blood pressure showed no significant difference between the two groups (P = 0.61)."
    )
    assert _effect_sentences(apart, "kelp tea", "mint tea") == ()
    later = (
        "Mean heart rate was 71 bpm in the kelp tea group. Weight was stable over the study. "
        "These results showed no significant difference between the two groups (P = 0.61)."
    )
    assert _effect_sentences(later, "kelp tea") == ()


def test_every_item_of_a_list_after_people_with_says_who_they_were() -> None:
    low = "subjects with krt-4, krt-9 or krt-11 who were vaccinated had lower viral loads than placebo recipients."
    assert _listed_who(low, "KRT-9") and _listed_who(low, "KRT-11")
    # a list of what people were given is what they were given
    given = "subjects given krt-4, krt-9 or krt-11 had lower viral loads than placebo recipients (p = 0.02)."
    assert not _listed_who(given, "KRT-9") and not _listed_who(given, "KRT-11")
    # "and" alone may join a clause: what follows it need not be who the people were
    clause = "levels were higher in patients with insulin resistance and KRT-9 was effective in reducing them."
    assert not _listed_who(clause, "KRT-9")
    who = "Subjects with KRT4, KRT9 or KRT11 who were vaccinated had lower viral loads than placebo recipients."
    given = "Subjects given KRT4, KRT9 or KRT11 had lower viral loads than placebo recipients."
    assert _learned_in(who, "KRT11") == set()
    assert _learned_in(given, "KRT11") == {"KRT11"}


def _learned_in(text: str, name: str) -> set[str]:
    """The names the reading with the PICO reader's `name` holds that are `name` (learned_names.learned_treatments)."""
    res = load_resources()
    reading = annotate(text, resources_=res)
    learned = learned_treatments([reading.treatment], [reading], [text], FakePicoReader((name,)), res)  # type: ignore[arg-type]
    return {m.name for m in learned[0].mentions if m.name == name}
