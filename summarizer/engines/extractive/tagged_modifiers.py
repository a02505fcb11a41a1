"""A word the effect tagger took alone that only modifies the noun after it: "developed celiac disease" tags
"celiac" and not "disease". An adjective is no event by itself: where the noun after it names a condition ("disease",
"syndrome", "failure"), the event is the phrase, and the name takes the noun; where it does not ("cardiac glycosides",
a drug class), the lone adjective stays as it was read, and events.is_clinical_event_name keeps it out of a brief."""

from __future__ import annotations

from bisect import bisect_left

from summarizer.engines.extractive.cues import ADJECTIVE_ENDINGS, is_head
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span

__all__ = ["LONE_ADJECTIVE_ENDINGS", "with_its_noun"]

# endings of a word that is no event's name alone: cues.ADJECTIVE_ENDINGS and "-iac" ("cardiac", "celiac", "iliac")
LONE_ADJECTIVE_ENDINGS = (*ADJECTIVE_ENDINGS, "iac")
# general nouns of a condition that an adjective before them makes an event's name ("celiac disease", "cardiac
# arrest", "renal failure", "hepatic injury")
_CONDITION_NOUNS = frozenset({
    "disease", "diseases", "syndrome", "syndromes", "failure", "arrest", "injury", "damage", "disorder", "disorders",
    "insufficiency", "dysfunction", "toxicity", "impairment", "crisis", "reaction", "reactions",
})


def with_its_noun(scan: Scan, span: Span, margins: list[float]) -> Span:
    """A tagged span that is one adjective (not a harm's head) with the noun of a condition after it, a space apart,
    that the tagger did not take (margins: its per-token margins for effects), as the span of both words; any other
    span as it is."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    i = bisect_left(starts, span[0])
    if i >= len(toks) - 1 or ends[i] != span[1] or margins[i + 1] >= 0.0:
        return span  # more than one word, the last word, or the noun is tagged already
    word = toks[i]
    if is_head(word) or not word.endswith(LONE_ADJECTIVE_ENDINGS) or toks[i + 1] not in _CONDITION_NOUNS:
        return span
    if scan.text[ends[i] : starts[i + 1]] != " ":
        return span
    return (span[0], ends[i + 1])
