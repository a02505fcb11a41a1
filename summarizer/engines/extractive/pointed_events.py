"""A harm named by a pointing word and its head noun alone, read as the harm named before it.

A case report names its harm once ("syndrome of inappropriate antidiuretic hormone (SIADH)") and points back to it
after ("this is the first report of this syndrome related to vinorelbine"). The event reader reads "syndrome" alone,
and the claim says "Syndrome reported with vinorelbine", which names nothing. Where the name is one noun, the sentence
points to it ("this", "these", "such", with at most one adjective between: "this unique syndrome"; "the" may name a
harm for the first time, and "that" opens a clause), and a harm named before in the same brief has that noun as a
word of its name, the name is that harm's. Where none was named before, the name is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.treatment_mention import singular

__all__ = ["pointed_to"]

_POINTING = r"\b(?:this|these|such)\s+(?:[a-z\-]+\s+)?"


def pointed_to(name: str, sentence: str, before: Sequence[str]) -> str:
    """The harm named before (before: the names so far, in order) that a one-noun name points back to, else the
    name."""
    noun = name.lower()
    if " " in noun or not before:
        return name
    if re.search(_POINTING + re.escape(noun) + r"\b", sentence.lower()) is None:
        return name
    head = singular(noun)
    for earlier in reversed(before):
        words = {singular(w) for w in re.findall(r"[a-z\-]+", earlier.lower())}
        if earlier.lower() != noun and head in words:
            return earlier
    return name
