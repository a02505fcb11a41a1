"""Which statements are a trial's own report of its results, not statements of works that cite it.

A brief reads either kind. A trial's own report (its abstract and results, the evidence texts of a trial corpus)
states a result more than once, in the abstract and again in the results, and names no citing work; citing
statements come each from a work that cites the trial, and most carry a citation marker ("[5]", "Smith et al.,
2010", a trailing superscript list). The verdicts weigh a result the trial's own report repeats once, and read a
null result stated without naming the arms as the trial's (sections.py).

A statement that cites no work is not always the trial's own report: a citing statement may have lost its marker
when it was extracted, or carry one the marker reader does not know. So a statement is taken for the trial's own
report only where it cites no work, names no citing paper, and most of the statements it is read with cite no work
either: among citing statements, the one without a marker is a citing statement too.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.citations import count_citations
from summarizer.models import Statement

__all__ = ["own_report_statements"]


def own_report_statements(statements: Sequence[Statement]) -> frozenset[int]:
    """The indices of the statements that are a trial's own report: those that cite no work and name no citing
    paper, where fewer than half of all the statements cite a work or name a citing paper; none otherwise."""
    citing = [_from_a_citing_work(statement) for statement in statements]
    if 2 * sum(citing) >= len(statements):
        return frozenset()
    return frozenset(index for index, cites in enumerate(citing) if not cites)


def _from_a_citing_work(statement: Statement) -> bool:
    """Whether a statement is known to come from a work that cites the target: it names its citing paper, or it
    cites a work."""
    return bool(statement.citing.doi or statement.citing.title) or _cited_works(statement) > 0


def _cited_works(statement: Statement) -> int:
    """How many works a statement cites: the pipeline's count (Statement.cited_works, None for none) where it was
    set, a count of its text's citations where it was not (a statement built without the pipeline; the pipeline
    leaves a field unset whose default already says what it counted, and then the recount says the same)."""
    if statement.cited_works is not None:
        return statement.cited_works
    if "cited_works" in statement.model_fields_set:
        return 0
    return count_citations(statement.text)
