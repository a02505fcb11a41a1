"""Names the statements list as what a trial measured: "Outcome measures (BBS and TUG) before and after ...", "for
the primary outcome (PCS)", "secondary endpoints (PPD, RAL and RGR)".

A trial report names its outcomes by short forms as often as its arms, and the PICO reader may take a short form it
does not know for an arm ("TUG", the Timed Up and Go test). Where the statements put a name in brackets right after
"outcome(s)", "outcome measure(s)" or "endpoint(s)", as the whole of one item of the bracket's list, they say it is
an outcome: the target profile never chooses it as the intervention (target_profile.py). Only one-word items (a
short form, a single term): in a longer item ("aspirin resistance") a word may be the arm's, measured.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["outcome_listed_anchors"]

# "outcome(s)", "outcome measure(s)", "end point(s)"/"endpoint(s)", then a bracket
_LISTED = re.compile(r"\b(?:outcomes?(?:\s+measures?)?|end\s?-?points?)\s*\((?P<items>[^()]{1,80})\)", re.IGNORECASE)
# the items of a bracket's list
_ITEM_BREAK = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*", re.IGNORECASE)
_GATE = ("utcome", "ndpoint", "nd point", "nd-point")


def outcome_listed_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words (anchors_of: a name's treatment anchors) of the one-word items the statements list in
    brackets after an outcome word."""
    listed: set[str] = set()
    for text in texts:
        if not any(word in text for word in _GATE):
            continue
        for match in _LISTED.finditer(text):
            for item in _ITEM_BREAK.split(match.group("items")):
                words = item.split()
                if len(words) == 1 and any(c.isalpha() for c in words[0]):
                    listed.update(anchors_of(words[0]))
    return frozenset(listed)
