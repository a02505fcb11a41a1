"""s47-speed: the cheap tests put before costly ones must never change what is read.

Each gate is a necessary condition of the regular expression or the look it spares: where the costly reading finds
something, the gate lets the text through; where the gate stops a text, the costly reading finds nothing. The
valued-name look is checked against a plain reading of its definition (every occurrence of every name, in every
text), by both ways it finds the texts that hold a name.
"""

from __future__ import annotations

import pytest

from summarizer.engines.extractive import valued_names
from summarizer.engines.extractive.compound_changes import (
    COMPOUND_CHANGE,
    _may_hold_a_compound,
    compound_change_outcomes,
)
from summarizer.engines.extractive.held_back_courses import _READINGS, held_back_outcomes
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.valued_names import occurrences, valued_anchors

TEXTS = [
    "The mean difference was large (MD = 35.2 g) and the odds ratio small (OR = 0.81).",
    "Total score: 20.5 vs. 26.3 after eight weeks of zorbitol.",
    "Zorbitol lowered the total score more than placebo did (MD = 3.1).",
    "Quellin (n = 16) and zorbitol (n = 15) were compared; quellin: 12% versus 20%.",
    "The QX group: 4.5 vs 6.1 points, and QX was given at night.",
    "Harvest (HV) = 2.5 kg; HV = 3.1 kg.",
    "The (AB) = 7 units in one arm, AB) = 8 in the other.",
]


def _plainly_valued(names: dict[str, list[str]], texts: list[str]) -> frozenset[str]:
    """valued_anchors by its definition: every name occurs somewhere, each occurrence before a value."""
    def valued(name: str) -> bool:
        spans = [(text, span) for text in texts for span in occurrences(text, name)]
        return bool(spans) and all(valued_names.VALUE_AFTER.match(text, end) for text, (_, end) in spans)

    return frozenset(anchor for anchor, written in names.items() if written and all(map(valued, written)))


NAMES = {
    "md": ["MD"], "or": ["OR"], "total": ["Total score"], "zorbitol": ["zorbitol"], "quellin": ["quellin"],
    "qx": ["QX"], "hv": ["HV"], "harvest": ["Harvest (HV)"], "ab": ["AB"], "ab)": ["AB)"], "none": [],
    "absent": ["florbin"],
}


@pytest.mark.parametrize("few", [0, 1_000])
def test_valued_anchors_as_their_definition_by_either_way_of_finding_the_texts(
    monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    monkeypatch.setattr(valued_names, "_FEW_NAMES", few)  # 0: every text's words indexed; 1,000: the joined search
    found = valued_anchors(NAMES, TEXTS)
    # MD, OR, HV and AB ("(AB) = 7") only ever stand before "= number"; "Total score" before ": a vs. b"; "quellin"
    # (lower case) only before ": 12% versus 20%"; zorbitol and QX also stand where no value follows
    assert found == frozenset({"md", "or", "total", "hv", "quellin", "ab"})
    # the plain reading agrees on every name but those whose last word the word before the sign does not end, bracket
    # stripped ("AB)", "Harvest (HV)"), which the look never took for a measure
    assert found == _plainly_valued({k: v for k, v in NAMES.items() if k not in ("ab)", "harvest")}, TEXTS)


def test_a_name_also_used_without_a_value_is_no_measure() -> None:
    texts = ["The MD was 3.1 (MD = 3.1).", "Zorbitol: 4 vs. 5; Zorbitol was well tolerated."]
    assert valued_anchors({"md": ["MD"], "zorbitol": ["Zorbitol"]}, texts) == frozenset()


def test_a_name_before_a_sign_with_no_value_after_it_is_not_looked_for() -> None:
    # "Methods:" and "Zorbitol:" end a word before a colon, but no value follows them: neither is valued
    looks = valued_names._BeforeValues(["Methods: we gave zorbitol.", "Zorbitol: well tolerated."])
    assert not looks.may_precede("Methods")
    assert not looks.may_precede("Zorbitol")
    assert valued_names._BeforeValues(["Zorbitol: 4.1 vs. 5.2"]).may_precede("Zorbitol")


def test_the_joined_texts_give_each_text_holding_a_name_once_in_order() -> None:
    texts = ["QX and QX again", "no such name", "the QX group", "QX"]
    joined = valued_names._JoinedTexts(texts)
    assert list(joined.of("QX")) == ["QX and QX again", "the QX group", "QX"]
    assert list(joined.of("XQ")) == []
    # a name that is no whole run of a text (inside "QXR") is passed over, as the index does
    assert list(valued_names._JoinedTexts(["QXR = 3"]).of("QX")) == []


COMPOUND_SENTENCES = [
    "Zorbitol was associated with ALT and AST improvement at week 12.",
    "Quellin led to a further ICP reduction after two doses.",
    "The trial showed significant hearing improvement with zorbitol.",
    "Zorbitol produced greater pain reductions than placebo.",
    "Weight increased with zorbitol, and the increase was small.",  # a noun, but after no verb of the list
    "Zorbitol increased the weight of the patients.",  # no change noun at all
    "The improvement of symptoms was reported by most patients.",  # the noun opens its own object
    "There was no gain.",
]


@pytest.mark.parametrize("sentence", COMPOUND_SENTENCES)
def test_the_compound_gate_lets_through_every_text_the_pattern_reads(sentence: str) -> None:
    low = sentence.lower()
    if COMPOUND_CHANGE.search(low) is not None:
        assert _may_hold_a_compound(low)


def test_the_compound_gate_reads_what_it_lets_through_and_stops_the_rest() -> None:
    res = load_resources()
    read = [s for s in COMPOUND_SENTENCES if compound_change_outcomes(Scan(s, res))]
    assert len(read) == 4  # the first four, each with a verb of the list before its compound
    assert not _may_hold_a_compound("zorbitol increased the weight of the patients.")  # no change noun
    assert not _may_hold_a_compound("the increase in weight was small.")  # a change noun, no verb's stem


HELD_BACK_SENTENCES = [
    "Zorbitol slowed the rate of decline in lung function.",
    "Quellin retards the rate at which renal function is lost.",
    "Zorbitol slowed the loss of bone mineral density.",
    "Patients on quellin had significantly less progression of fibrosis.",
    "The loss of appetite was frequent, at a rate which surprised us.",  # the words, but none of the forms
    "The heart rate was measured at baseline.",
]


@pytest.mark.parametrize("sentence", HELD_BACK_SENTENCES)
def test_each_held_back_form_runs_only_where_its_words_are(sentence: str) -> None:
    low = sentence.lower()
    for pattern, _change, groups in _READINGS:
        if pattern.search(low) is not None:
            assert all(any(word in low for word in words) for words in groups), pattern.pattern


def test_the_held_back_forms_are_read_and_the_rest_are_not() -> None:
    res = load_resources()
    read = {s: [m.outcome for m, _ in held_back_outcomes(Scan(s, res))] for s in HELD_BACK_SENTENCES}
    assert read[HELD_BACK_SENTENCES[0]] == ["lung function"]
    assert read[HELD_BACK_SENTENCES[1]] == ["renal function"]
    assert read[HELD_BACK_SENTENCES[2]] == ["bone mineral density"]
    assert read[HELD_BACK_SENTENCES[3]] == ["progression of fibrosis"]
    assert read[HELD_BACK_SENTENCES[4]] == [] and read[HELD_BACK_SENTENCES[5]] == []
