"""Where the names of what was given are lost before the profile weighs them (issue 23, s45-noname): a reader's span
that runs over the verb into the outcome ("X lowered Y"), a name after "adding", and a name joined by a hyphen to the
harms it caused ("X-associated side effects"). Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.engines.extractive.learned_names import _before_outcomes, learned_treatments
from summarizer.engines.extractive.learned_spans import learned_spans
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.scan import Scan


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass(frozen=True)
class _ReaderOfSpans:
    """Reads as an intervention the span from `opens` to the end of `closes`, in each text that holds both."""

    opens: str
    closes: str

    def intervention_spans(self, text: str) -> list[_Span]:
        start, end = text.find(self.opens), text.find(self.closes)
        if start < 0 or end < 0:
            return []
        return [_Span(start, end + len(self.closes))]


def _learned_names(texts: list[str], reader: _ReaderOfSpans) -> list[set[str]]:
    res = load_resources()
    readings = [annotate(text, resources_=res) for text in texts]
    learned = learned_treatments([r.treatment for r in readings], readings, texts, reader, res)  # type: ignore[arg-type]
    return [{m.name for m in treatment.mentions} for treatment in learned]


def test_a_span_that_runs_into_the_outcome_keeps_the_name_before_it() -> None:
    text = "In that trial, the addition of quorvalin lowered readmissions over one year [7]."
    names = _learned_names([text], _ReaderOfSpans("quorvalin", "readmissions"))
    assert names == [{"quorvalin"}]


def test_a_span_that_begins_inside_the_outcome_is_no_name() -> None:
    low = "readmissions after quorvalin fell by a third."
    outcome = (0, len("readmissions"))
    assert _before_outcomes(low, (0, len("readmissions after")), [outcome], []) is None
    # a span that overlaps no outcome is kept whole; one that begins before it is cut where the outcome begins
    assert _before_outcomes(low, (20, 29), [outcome], []) == (20, 29)
    text = "quorvalin lowered readmissions."
    assert _before_outcomes(text, (0, 30), [(18, 30)], []) == (0, 17)


def test_a_name_after_adding_is_given_and_adding_is_no_part_of_it() -> None:
    res = load_resources()
    texts = [
        "Adding quorvalin to usual care shortened the hospital stay in older adults [3].",
        "Adding quorvalin to usual care also lowered the rate of readmission in older adults [3].",
    ]
    readings = [annotate(text, resources_=res) for text in texts]
    reader = _ReaderOfSpans("Adding quorvalin", "quorvalin")
    learned = learned_treatments([r.treatment for r in readings], readings, texts, reader, res)  # type: ignore[arg-type]
    mentions = [m for treatment in learned for m in treatment.mentions]
    assert {m.name for m in mentions} == {"quorvalin"}
    assert all(m.therapy_frame for m in mentions)


def test_a_name_joined_to_the_harms_it_caused_is_read() -> None:
    res = load_resources()
    text = "Quorvalin-associated side effects were mild and brief [5]."
    scan = Scan(text, res)
    assert [text[start:end] for start, end, *_ in learned_spans(scan, [(0, 9)])] == ["Quorvalin-associated"]
    # a disease's participle before no harm word is no name: "HIV-associated nephropathy"
    disease = "HIV-associated nephropathy was rare in the cohort [5]."
    assert learned_spans(Scan(disease, res), [(0, 3)]) == []


def _frames(text: str) -> list[tuple[str, bool]]:
    return [(m.name, m.therapy_frame) for m in annotate(text, resources_=load_resources()).treatment.mentions]


def test_the_application_of_a_name_frames_it_as_given_in_a_tested_result() -> None:
    tested = "The application of quorvalin gel significantly reduced wound infections in patients (p = 0.01)."
    assert ("quorvalin", True) in _frames(tested)
    # with no tested result, "the application of X" says nothing of a trial giving it
    untested = "The application of quorvalin gel to the culture plates took ten minutes."
    assert all(not framed for _, framed in _frames(untested))
