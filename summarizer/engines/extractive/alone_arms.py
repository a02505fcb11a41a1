"""An arm given one treatment alone: the comparator of the arm that adds another treatment to it.

A trial that tests an addition (X plus Y, X with Y) names its control arm by what that arm had without it: "X
alone", "the X-alone group", "the X only group", "the X monotherapy arm". These words are common English besides
("patients living alone", "alone in the room", "only 3 patients", "Y alone cannot explain it"), so they name an arm
only where the grammar says they are said of one (ALONE_ARM):
- before an arm's noun (ALONE_ARM_NAME): "the surgery-alone group", "the fentanyl alone arm", "CMF-alone patients",
  "the education-only group", "the X monotherapy group";
- after a verb of giving, with the treatment's few words between (GIVEN_ALONE): "patients given heparin alone",
  "those who took syrup alone", "treated with the low-dose CMF alone", "than with ropivacaine alone"; "only" and
  "monotherapy" there where they end the phrase ("patients receiving medication only (p < 0.001)"), not where they
  modify what follows ("took X only 6 days before").

Read by numeric_results.py (which of two values is the comparator's), within_groups.py (the sentence compares the
arms), result_cues.py (a change reported for the comparator's arm) and control_arm_names.py (what both arms had:
ALONE_WORDS and ARM_NOUNS only, see there).
"""

from __future__ import annotations

import re

__all__ = ["ALONE_ARM", "ALONE_ARM_NAME", "ALONE_WORDS", "ARM_NOUNS", "GIVEN_ALONE", "names_alone_arm"]

# the words that say an arm had one treatment without the other
ALONE_WORDS = r"(?:alone|only|monotherapy)"
# the nouns that name an arm or the people in it
ARM_NOUNS = r"(?:groups?|arms?|cohorts?|patients|regimens?)"
# a word of a name: none a function word (a preposition, a conjunction), an auxiliary or a comparison ("with diabetes
# revealed that only", "treated with E-CMF compared to CMF alone", "underwent a scan while living alone", "the only
# group": the name is what follows the verb of giving or what precedes the arm's noun, not a clause, a phrase or a
# determiner). "a" may be a name's letter ("vitamin A alone"): it is no name only before "only" and "monotherapy" ("a
# monotherapy arm")
_NAME_WORD = (
    r"(?<![\w)/+\-])(?!(?:the|an|that|which|who|whom|whose|and|or|but|was|were|is|are|had|has|have|did|does|"
    r"compared|than|versus|vs|in|to|for|on|at|by|from|with|between|among|into|after|before|during|while|when|"
    r"whereas|although|because|if)\b)[\w)/+\-]+"
)
# an arm named by what it alone had, before its noun: "the surgery-alone group", "the fentanyl alone arm", "CMF-alone
# patients"; "only" and "monotherapy" before a noun of an arm itself ("included only patients" is an adverb's)
ALONE_ARM_NAME = (
    _NAME_WORD + r"[\s\-]+(?:alone[\s\-]+" + ARM_NOUNS + r"|(?<!\ba\s)(?<!\ba-)(?:only|monotherapy)[\s\-]+"
    r"(?:groups?|arms?|cohorts?))\b"
)
# the words that end the name of what one arm alone had, after a verb of giving: "alone"; "only" and "monotherapy"
# where nothing they modify follows ("received X only (p = 0.01)", "than those receiving X only"; not "took X only 6
# days before", "with X only in the subgroup")
_ALONE_END = (
    r"(?:alone\b|(?:only|monotherapy)(?=\s*(?:[,;:.()]|$)|\s+(?:than|versus|vs|compared|and|or|groups?|arms?)\b))"
)
# a treatment given alone, its name of one to four words after a verb of giving: "given heparin alone", "those who
# took syrup alone", "who underwent surgery alone", "treated with the low-dose CMF alone", "with ropivacaine alone",
# "receiving medication only"
GIVEN_ALONE = (
    r"\b(?:given|receiving|received|treated\s+with|took|taking|underwent|undergoing|assigned(?:\s+to)?|with)\s+"
    r"(?:(?:the|a|an)\s+)?"
    r"(?:" + _NAME_WORD + r"\s+){1,4}?" + _ALONE_END
)
ALONE_ARM = re.compile(ALONE_ARM_NAME + "|" + GIVEN_ALONE, re.IGNORECASE)
# cheap gate: words without one of these name no arm alone (most sentences; the pattern tries every word otherwise)
_GATE = ("alone", "only", "monotherapy")


def names_alone_arm(low: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the lower-cased words between start and end name an arm given one treatment alone (ALONE_ARM)."""
    stop = len(low) if end is None else end
    return any(low.find(word, start, stop) != -1 for word in _GATE) and ALONE_ARM.search(low, start, stop) is not None
