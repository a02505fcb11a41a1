"""A citing statement that refers back to the cited work by a pronoun or a noun for its treatment as the subject of a
result ("It is effective in ..."), and a result of a statement referring back lent to the treatment named as given in
the statement right before it, when the word lists find no intervention otherwise (cited_work_anaphora.py). The
sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.cited_work_anaphora import refers_back_to_cited_work
from summarizer.models import Statement
from summarizer.pipeline import summarize

GIVEN = "Intrathecal ketorolac was given to patients before knee surgery [ 4] ."
COMPARED = "Jones et al. compared ketorolac with placebo in 80 children after tonsillectomy [ 12] ."


def _brief(texts: list[str]):  # type: ignore[no-untyped-def]
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine())


def test_a_statement_beginning_with_the_treatment_as_subject_of_a_result_refers_back() -> None:
    assert refers_back_to_cited_work("It is effective in relieving chronic low back pain [ 4] .")
    assert refers_back_to_cited_work("It also reduced the need for rescue opioids [ 4] .")
    assert refers_back_to_cited_work("The drug was well tolerated by the children [ 4] .")
    # the "it" of "it is known that", "it was found that": no result follows the verb
    assert not refers_back_to_cited_work("It is known that pain relief is poor after knee surgery [ 4] .")
    assert not refers_back_to_cited_work("It was found that pain scores fell after surgery [ 4] .")
    assert not refers_back_to_cited_work("Pain scores fell, and it is effective [ 4] .")  # not at the start


def test_it_is_effective_after_the_statement_naming_the_treatment() -> None:
    alone = _brief([GIVEN])
    assert alone.target.intervention is None
    brief = _brief([GIVEN, "It is effective in relieving chronic low back pain [ 4] ."])
    assert brief.target.intervention is not None and brief.target.intervention.name.lower().endswith("ketorolac")
    assert brief.efficacy.assessment == "benefit_reported"
    assert any("S2" in outcome.statement_ids for outcome in brief.efficacy.outcomes)


def test_these_authors_found_lends_the_result_to_the_treatment_named_before() -> None:
    brief = _brief([COMPARED, "These authors found a significant reduction in pain scores [ 12] ."])
    assert brief.target.intervention is not None and brief.target.intervention.name == "ketorolac"
    assert brief.efficacy.assessment == "benefit_reported"


def test_no_result_is_lent_backwards_across_works_or_to_the_comparator() -> None:
    # the statement referring back comes first: it has no antecedent
    first = _brief(["These authors found a significant reduction in pain scores [ 12] .", COMPARED])
    assert first.target.intervention is None
    # a statement citing several works may speak of any of them
    several = _brief([COMPARED, "These authors found a significant reduction in pain scores [ 12, 14] ."])
    assert several.target.intervention is None
    # the antecedent named only as the comparator is never lent a result
    compared = "Jones et al. gave placebo to 80 children after tonsillectomy [ 12] ."
    assert _brief([compared, "They found a significant reduction in pain scores [ 12] ."]).target.intervention is None
