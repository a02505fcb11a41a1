"""The arm a trial's new treatment is said to be as good as: "X was as effective as Y", "X was non-inferior to Y",
"X was equivalent to Y". An equivalence or non-inferiority claim sets the treatment tested against the standard it
is measured by: the name after "as effective as" (as safe, as good, as efficacious), "non-inferior to" or
"equivalent to" is that standard, the reference. The profile chooses it only when no other name qualifies
(target_profile.py), as it does what every arm had: where the statements name nothing else, the reference is still
the treatment they speak of.

Not in a sentence about one patient ("X appeared as effective as Y for seizure control in this patient"): a case's
drugs given one after the other, the culprit of its harm among them, are no trial's arms.

Only a name right after the phrase (a determiner may stand between), of up to three name words, ending before a
function word, a number or punctuation: "equivalent to 10% of baseline" and "equivalent to that of" name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["equivalence_references"]

_REFERENCE_OF = re.compile(
    r"\b(?:as\s+(?:effective|efficacious|safe|good|potent|beneficial)\s+as|non-?inferior\s+(?:to|with)|"
    r"equivalent\s+to)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
# the words that end the reference's name: function words, a clause's or a phrase's start, words of measure
_END_WORDS = frozenset(
    {"in", "of", "for", "at", "on", "with", "and", "or", "but", "to", "by", "from", "during", "after", "before",
     "that", "those", "this", "these", "which", "who", "when", "while", "whereas", "as", "than", "regarding",
     "terms", "respect", "both", "all", "each", "was", "were", "is", "are", "group", "groups", "arm", "arms"}
)
# a sentence about one patient: a case, not a trial
_ONE_PATIENT = re.compile(r"\b(?:this|the|our|a|one)\s+patient\b|\bcase\s+report", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Za-z][\w\-/+]*")
_MAX_WORDS = 3


def equivalence_references(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words (anchors_of: a name's treatment anchors) of what the statements say a treatment was as
    effective as, non-inferior to or equivalent to."""
    references: set[str] = set()
    for text in texts:
        low = text.lower()
        if " as " not in low and "inferior" not in low and "equivalent" not in low:
            continue
        for match in _REFERENCE_OF.finditer(text):
            if _ONE_PATIENT.search(text[_sentence_start(text, match.start()) : _sentence_end(text, match.end())]):
                continue
            words = _name_after(text, match.end())
            if words:
                references.update(anchors_of(" ".join(words)))
    return frozenset(references)


def _name_after(text: str, at: int) -> list[str]:
    """Up to _MAX_WORDS name words from `at`, ending before an end word (_END_WORDS), a number or punctuation."""
    words: list[str] = []
    for raw in text[at : at + 80].split()[:_MAX_WORDS]:
        word = raw.rstrip(",.;:)")
        if not _NAME_WORD.fullmatch(word) or word.lower() in _END_WORDS:
            break
        words.append(word)
        if word != raw:
            break
    return words


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at) + 1, 0)


def _sentence_end(text: str, at: int) -> int:
    end = text.find(". ", at)
    return len(text) if end < 0 else end
