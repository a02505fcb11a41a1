"""A trial's own report is told from citing statements by the citation count the pipeline stored on each statement
(Statement.cited_works), recounted from the text only where the pipeline did not fill it (own_report.py). The
sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.own_report import own_report_statements
from summarizer.models import Citing, Statement


def test_own_report_reads_the_stored_citation_count() -> None:
    plain = ["Pain fell with ketorolac (p = 0.01).", "Nausea was rare.", "Stay was shorter."]
    # the pipeline counted one cited work in a text whose marker it alone knows: the statement cites
    counted = [
        Statement(id="S1", text=plain[0], cited_works=1),
        *(Statement(id=f"S{i}", text=text) for i, text in enumerate(plain[1:], 2)),
    ]
    assert own_report_statements(counted) == frozenset({1, 2})
    # the pipeline found no citation (the field set to None): the stored value holds, whatever the text looks like
    bracketed = "Pain fell with ketorolac [12]."
    stored = [Statement(id="S1", text=bracketed, cited_works=None), *counted[1:]]
    assert own_report_statements(stored) == frozenset({0, 1, 2})


def test_own_report_recounts_a_statement_built_without_the_pipeline() -> None:
    texts = ["Pain fell with ketorolac [12].", "Nausea was rare.", "Stay was shorter."]
    assert own_report_statements([Statement(id=f"S{i}", text=t) for i, t in enumerate(texts, 1)]) == frozenset({1, 2})
    # a named citing paper is a citing statement, whatever the count
    cited = Statement(id="S1", text="Nausea was rare.", citing=Citing(title="A later trial"))
    assert own_report_statements([cited]) == frozenset()
