"""Whether a name the target profile learned from the PICO reader reads, in its own statements, as an outcome.

When no listed treatment qualifies, the profile (target_profile.py) takes the names the PICO reader (pico.py) reads as
interventions (learned_names.py) and chooses the one statements attribute effects to and name as given. A phrase can
pass those counts and still be no treatment: what was measured ("the duration of the block procedure", "referrals to
the programme"). The same reader tags each word of a sentence as part of the participants (P), the interventions (I),
the outcomes (O) or none (PicoTagger.tag_words). Counted over every word of the statements that the chosen name's anchor
matches, its tags say which role the statements give the name: a learned name whose words the reader tags an outcome
more than twice as often as an intervention has only the reader's own word, contradicted, that it was given; naming
it misleads more than naming none.

Not checked: listed names (the word lists' treatments), since a treatment is measured too ("ANP plasma levels during
ANP infusion", "the number of phlebotomies"); the participants' tag (a drug "patients receiving" reads as P). Measured
in docs/BENCHMARKS.md (s43-profile): the marginals summed instead of the tags counted turned away right names (a word
the reader reads as none of the three has small marginals whose ratio is noise).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from summarizer.engines.extractive.pico import PicoTagger, tokenise
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatment_mention import name_anchors

# a learned name is no treatment when the reader tags more than this many times as many of its words O as I ...
OUTCOME_FACTOR = 2
# ... over at least this many words (one word can be a sentence the reader reads badly)
MIN_WORDS = 2
# the statements read for the name's words, as the learned names are (learned_names.LEARNED_STATEMENTS)
READ_STATEMENTS = 300


@dataclass(frozen=True)
class RoleTags:
    """How many of the words that name one treatment the PICO reader tags P, I and O (PicoTagger.tag_words: the
    likeliest tag whose marginal reaches the reader's threshold for it), of how many words."""

    participants: int = 0
    intervention: int = 0
    outcome: int = 0
    words: int = 0

    def outcome_more_than_given(self, factor: int = OUTCOME_FACTOR, least: int = MIN_WORDS) -> bool:
        """Whether more than `factor` times as many words are tagged an outcome as the intervention. Not the
        participants: a drug the patients were on reads as P in "patients receiving X" as often as not."""
        return self.words >= least and self.outcome > factor * self.intervention


def reads_as_outcome(anchor: str, texts: Sequence[str], pico: PicoTagger) -> bool:
    """Whether the statements' words that a chosen name's anchor matches read as an outcome far more than as the
    intervention (RoleTags.outcome_more_than_given)."""
    return role_tags((anchor,), texts, pico).outcome_more_than_given()


def role_tags(anchors: Collection[str], texts: Sequence[str], pico: PicoTagger) -> RoleTags:
    """The reader's tags of the words of the texts that the anchors match (a word matches when its own treatment
    anchors, treatment_mention.name_anchors, hold one of them), each sentence read on its own."""
    wanted = frozenset(anchors)
    tags: list[str] = []
    for text in texts[:READ_STATEMENTS]:
        if not _may_name(text, wanted):
            continue
        for start, end in split_sentences(text):
            tokens = [token for token, _, _ in tokenise(text[start:end])]
            hits = [k for k, token in enumerate(tokens) if wanted.intersection(name_anchors(token))]
            if hits:
                tagged = pico.tag_words(tokens)
                tags.extend(tagged[k] for k in hits)
    return RoleTags(tags.count("P"), tags.count("I"), tags.count("O"), len(tags))


def _may_name(text: str, anchors: frozenset[str]) -> bool:
    """A cheap test before a statement is tagged: some anchor's first letters are in it (anchors are lowered and
    may be a plural's singular, so the test is on the lowered text and a stem)."""
    low = text.lower()
    return any(anchor[: max(3, len(anchor) - 2)] in low for anchor in anchors)
