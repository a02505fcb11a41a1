"""Whether a name the target profile learned from the PICO reader reads, in its own statements, as an outcome.

When no listed treatment qualifies, the profile (target_profile.py) takes the names the PICO reader (pico.py) reads as
interventions (learned_names.py) and chooses the one statements attribute effects to and name as given. A phrase can
pass those counts and still be no treatment: what was measured ("calories ordered", "the duration of the block
procedure"), a measure's short form. The same reader says, for each word of a sentence, how likely it is part of the
participants (P), the interventions (I) or the outcomes (O). Summed over every word of the statements that the chosen
name's anchor matches, these say which role the statements give the name: a learned name whose words read as an
outcome more than twice as much as an intervention has only the reader's own contradicted word that it was given,
and naming it misleads more than naming none. Listed names (the word lists' treatments) are not checked: a treatment
can be measured too ("ANP plasma levels during ANP infusion", "the number of phlebotomies"), and the reader's outcome
reading of such a word does not make it less a treatment. Measured on the train trials (docs/BENCHMARKS.md,
s43-profile): the check turns away no labelled intervention there, while on listed names, or with the participants'
marginal counted as well (a drug "patients receiving" reads as P), it turned away right names too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from summarizer.engines.extractive.pico import PicoTagger, tokenise
from summarizer.engines.extractive.tokenise import split_sentences
from summarizer.engines.extractive.treatment_mention import name_anchors

# a learned name is no treatment when the O marginals of its words, summed, exceed their I marginals this many times ...
OUTCOME_FACTOR = 2.0
# ... over at least this many words (one or two words can be a sentence the reader reads badly)
MIN_WORDS = 2
# the statements read for the name's words, as the learned names are (learned_names.LEARNED_STATEMENTS)
READ_STATEMENTS = 300


@dataclass(frozen=True)
class RoleMass:
    """The PICO reader's marginals of P, I and O summed over the words that name one treatment."""

    participants: float = 0.0
    intervention: float = 0.0
    outcome: float = 0.0
    words: int = 0

    def outcome_more_than_given(self, factor: float = OUTCOME_FACTOR, least: int = MIN_WORDS) -> bool:
        """Whether the words read as an outcome `factor` times more than as the intervention. Not as the
        participants: a drug the patients were on reads as P in "patients receiving X" as often as not."""
        return self.words >= least and self.outcome > factor * self.intervention


def reads_as_outcome(anchor: str, texts: Sequence[str], pico: PicoTagger) -> bool:
    """Whether the statements' words that a chosen name's anchor matches read as an outcome far more than as the
    intervention (RoleMass.outcome_more_than_given)."""
    return role_mass((anchor,), texts, pico).outcome_more_than_given()


def role_mass(anchors: Collection[str], texts: Sequence[str], pico: PicoTagger) -> RoleMass:
    """The P, I and O marginals summed over the words of the texts that the anchors match (a word matches when
    its own treatment anchors, treatment_mention.name_anchors, hold one of them), each sentence read on its own."""
    wanted = frozenset(anchors)
    p = i = o = 0.0
    words = 0
    for text in texts[:READ_STATEMENTS]:
        if not _may_name(text, wanted):
            continue
        for start, end in split_sentences(text):
            tokens = [token for token, _, _ in tokenise(text[start:end])]
            hits = [k for k, token in enumerate(tokens) if wanted.intersection(name_anchors(token))]
            if not hits:
                continue
            marginals = pico.marginals(tokens)
            for k in hits:
                p, i, o = p + marginals[k][0], i + marginals[k][1], o + marginals[k][2]
            words += len(hits)
    return RoleMass(p, i, o, words)


def _may_name(text: str, anchors: frozenset[str]) -> bool:
    """A cheap test before a statement is tagged: some anchor's first letters are in it (anchors are lowered and
    may be a plural's singular, so the test is on the lowered text and a stem)."""
    low = text.lower()
    return any(anchor[: max(3, len(anchor) - 2)] in low for anchor in anchors)
