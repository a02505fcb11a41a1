"""The investigators or researchers of a cited work, and what "they concluded", refer back to it
(cited_work_anaphora.py, issue 23, s43-citing). The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.extractive.cited_work_anaphora import refers_back_to_cited_work
from summarizer.models import Statement
from summarizer.pipeline import summarize

NAMED = (
    "Moreau et al. [ 9] reported that adults treated with melatonin fell asleep significantly sooner than those "
    "given placebo."
)


def _brief(texts: list[str]):  # type: ignore[no-untyped-def]
    statements = [Statement(id=f"S{i}", text=text) for i, text in enumerate(texts, start=1)]
    return summarize(statements, engine=ExtractiveEngine())


def test_investigators_researchers_and_their_conclusion_refer_back() -> None:
    assert refers_back_to_cited_work("The investigators also recorded fewer night wakings.")
    assert refers_back_to_cited_work("These researchers saw no rise in daytime sleepiness.")
    assert refers_back_to_cited_work("They concluded that night wakings fell.")


def test_a_present_tense_they_or_a_bare_word_does_not_refer_back() -> None:
    # "they find" in the present is as often the patients ("they find a way to cope") as the authors
    assert not refers_back_to_cited_work("Many patients stop calling because they find a way to cope.")
    assert not refers_back_to_cited_work("Investigators in other fields have measured sleep differently.")
    assert not refers_back_to_cited_work("The study concluded in 2004.")


def test_a_conclusion_the_cited_authors_drew_counts_for_the_intervention() -> None:
    referring = "They concluded that there were no serious adverse events [ 9] ."
    without = _brief([NAMED])
    brief = _brief([NAMED, referring])
    assert without.safety.assessment == "insufficient_evidence"
    assert brief.target.intervention is not None
    assert brief.safety.assessment == "no_concerns_reported"
    assert any(finding.statement_ids == ["S2"] for finding in brief.safety.findings)
