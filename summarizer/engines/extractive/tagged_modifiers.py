"""A word the effect tagger took alone that only modifies the noun after it: "Cardiac glycosides are thought to
prevent ..." tags "cardiac" and not "glycosides" (a drug class). An adjective is no event by itself; with a noun the
tagger left out after it, the name is that phrase's, and the phrase is no event the tagger saw. A one-word run that is
a harm's head ("rash", "hepatitis") stays, as does one followed by a verb or a word of grammar."""

from __future__ import annotations

from bisect import bisect_left

from summarizer.engines.extractive.cues import ADJECTIVE_ENDINGS, is_head
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span

__all__ = ["modifier_of_untagged_noun"]

# endings of adjectives beside cues.ADJECTIVE_ENDINGS: "cardiac", "iliac", "celiac"
_MORE_ADJECTIVE_ENDINGS = ("ac",)
# words after the adjective that are no noun it modifies: a verb's forms and words of grammar
_NOT_NOUN_ENDINGS = ("ed", "ly")
_GRAMMAR = frozenset({
    "is", "are", "was", "were", "be", "been", "and", "or", "of", "in", "to", "with", "by", "for", "on", "at", "as",
    "after", "during", "following", "that", "which", "who", "may", "can", "could", "has", "have", "had",
})


def modifier_of_untagged_noun(scan: Scan, span: Span, margins: list[float]) -> bool:
    """Whether a tagged span is one adjective (not a harm's head) followed, a space apart, by a noun the tagger did
    not take (margins: the tagger's per-token margins for effects)."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    i = bisect_left(starts, span[0])
    if i >= len(toks) - 1 or ends[i] != span[1]:
        return False  # more than one word
    word, following = toks[i], toks[i + 1]
    if is_head(word) or not word.endswith(ADJECTIVE_ENDINGS + _MORE_ADJECTIVE_ENDINGS):
        return False
    if scan.text[ends[i] : starts[i + 1]] != " " or margins[i + 1] >= 0.0:
        return False
    return following.isalpha() and following not in _GRAMMAR and not following.endswith(_NOT_NOUN_ENDINGS) and not (
        is_head(following)
    )
