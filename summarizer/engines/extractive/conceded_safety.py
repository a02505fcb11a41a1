"""A safety conceded, not asserted: "Although D is generally well tolerated, pleural effusions have been reported".

A clause opened by a word of concession (although, though, while, despite) grants what the main clause then
qualifies: the sentence's point is the main clause (a harm, a caution), and a clinician reads it as a warning, never
as a report that the drug is safe. Only the safety the sentence's words of safety state matter here: when every one of
them lies inside such a clause, and a main clause follows it, the sentence calls nothing safe. A concession placed
after the main clause ("D is a safe medication, although it is more expensive") concedes something else and leaves
the safety asserted.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import REASSURING

__all__ = ["safety_only_conceded"]

# a concessive clause before its main clause: the word of concession, then the clause up to the comma that ends it
_CONCESSION = re.compile(
    r"\b(?:although|though|even\s+though|even\s+if|while|whilst|despite|notwithstanding)\b([^,;:]{3,200}),\s*(?=\S)",
    re.IGNORECASE,
)


def safety_only_conceded(sentence: str) -> bool:
    """Whether every word of safety in the sentence lies in a concessive clause that a main clause follows."""
    low = sentence.lower()
    conceded = [match.span(1) for match in _CONCESSION.finditer(low)]
    if not conceded:
        return False
    said = [match.start() for match in REASSURING.finditer(low)]
    return bool(said) and all(any(start <= at < end for start, end in conceded) for at in said)
