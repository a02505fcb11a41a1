"""Who a count counts, said in a relative clause: "the proportion of children who recovered", "the number of
newborns who needed mechanical ventilation", "the percentage of patients that achieved remission".

A count of people names no measure by its people alone ("the proportion of children"): what it counts is what the
relative clause after them says they did or had. There the clause is the measure's name, not a clause that ends
it (as "retinal problems | which later improved" is): outcome_names.name_bounds keeps it, and
plausible_outcome_name reads its verb as part of the name, not as a result said of the name before it.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["COUNTING_RELATIVES", "counted_by_clause"]

# the relative words that open such a clause ("who", "that"; not "which", said of things, nor "whom", its object)
COUNTING_RELATIVES = frozenset({"who", "that"})
# the measures that count people
_COUNTS = frozenset({
    "proportion", "proportions", "number", "numbers", "percentage", "percentages", "share", "fraction", "rate",
    "rates", "count", "incidence",
})
_WORDS_BETWEEN = 3  # "proportion of [the | all | eligible] women who": the people's words after "of"


def counted_by_clause(words: Sequence[str], at: int, people: frozenset[str]) -> bool:
    """Whether the relative word words[at] opens the clause that says who a count counts: it follows people
    (`people`: the words for them) that "of" joins to a count within a few words ("proportion of children who")."""
    if words[at] not in COUNTING_RELATIVES or at < 3 or words[at - 1] not in people:
        return False
    for k in range(at - 2, max(0, at - 2 - _WORDS_BETWEEN), -1):
        if words[k] == "of":
            return k > 0 and words[k - 1] in _COUNTS
    return False
