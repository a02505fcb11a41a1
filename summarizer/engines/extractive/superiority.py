"""A statement that X proved superior to Y without naming in what: a benefit of X, its outcome unnamed.

"One study confirms the superiority of hypertonic saline over mannitol", "the superiority of propolis was highly
significant", "the new solution is superior to Ringer's lactate": as with "X was shown to be effective"
(evidence.EFFICACY_CLAIM), the finding is that X worked, with no outcome named. Where the sentence names the outcome
("superior to placebo in pain relief") the outcome readers read it (result_cues.OUTPERFORMED), and this reading is
not needed. It is the intervention's only when the intervention is the superior arm (never the arm it was superior
to), never when two doses of one treatment are compared, and never in a sentence that states a purpose or a
hypothesis ("to test the superiority of", "whether X is superior"), denies it ("failed to show", "neither
confirmed") or debates it ("ongoing discussions on the superiority of").
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import PEOPLE_NOUNS
from summarizer.engines.extractive.evidence import compares_doses, names_intervention, sentence
from summarizer.models import Statement

__all__ = ["superiority_claim"]

# "the superiority of X (over Y)", affirmed by a verb of showing before it or a verdict after it
_SUPERIORITY_OF = re.compile(
    r"\bsuperiority\s+of\s+(?P<arm>(?:[^.;:,()\[\]]|(?<=\d)\.(?=\d)){1,80}?)"
    r"(?P<tail>\s+(?:over|to|compared|versus|vs\.?|relative|against)\b(?:[^.;:()\[\]]|(?<=\d)\.(?=\d)){0,80}?)?"
    r"(?=\s+(?:was|were|has|have|had|is|are|in|for|on|at|among|with|when|during)\b|[;:,()\[\]]|\.(?!\d)|$)",
    re.IGNORECASE,
)
_SHOWN_BEFORE = re.compile(
    r"\b(?:confirm\w*|demonstrat\w*|show\w*|establish\w*|prov(?:ed|en|es)|found|observed|report\w*|support\w*)\s+"
    r"(?:the\s+|a\s+|its\s+|their\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_VERDICT_AFTER = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:\w+ly\s+)?"
    r"(?:confirmed|demonstrated|shown|established|proven|proved|significant|evident|observed)\b",
    re.IGNORECASE,
)
# "X was superior to Y", "X proved superior to Y": X is the clause's subject before it
_SUPERIOR_TO = re.compile(
    r"\b(?:was|were|is|are|be|been|proved|proven|appeared)\s+(?:\w+ly\s+)?superior\s+to\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\b(?:that|which|whereas|while|but|and)\b", re.IGNORECASE)
# the sentence names what X was superior in, after the arms: "in reducing pain", "for the relief of pain", "with
# respect to survival" (not the people it was given to: "in head-injured patients")
_OUTCOME_NAMED = re.compile(
    rf"\b(?:in|for|on|at|regarding|concerning|with\s+(?:respect|regard)\s+to|as\s+to|as\s+regards)\s+"
    rf"(?!(?:the\s+|all\s+)?(?:[\w\-]+\s+){{0,3}}{PEOPLE_NOUNS}\b)(?!\d)",
    re.IGNORECASE,
)
# the other arm is a dose ("8 mg was superior to 4 mg", "the superiority of 8 mg over 4 mg"): doses compared
_DOSE_AFTER = re.compile(r"\s+(?:over|to|compared\s+(?:to|with)|versus|vs\.?|relative\s+to|against)?\s*\d")
# a purpose, a hypothesis, a doubt or a debate: no finding
_NOT_A_FINDING = re.compile(
    r"\b(?:not|no|nor|neither|never|without|lack\w*|failed|fails|unable|may|might|could|would|should|whether|if|"
    r"test\w*|evaluat\w*|assess\w*|investigat\w*|determin\w*|examin\w*|compar(?:e|ing)|aim\w*|design\w*|"
    r"hypothes\w*|expected|potential|possible|unclear|unproven|doubt\w*|question\w*|discuss\w*|debat\w*|"
    r"controvers\w*|remains?)\b",
    re.IGNORECASE,
)


def _superior_arm(text: str) -> str | None:
    """The arm a sentence affirms was superior, or None when it affirms none."""
    for match in _SUPERIORITY_OF.finditer(text):
        before = _SHOWN_BEFORE.search(text, max(0, match.start() - 40), match.start())
        verdict = _VERDICT_AFTER.match(text, match.end())
        if before is None and verdict is None:
            continue
        after = verdict.end() if verdict is not None else match.end()
        tail = match.group("tail") or ""
        if _OUTCOME_NAMED.search(text, after) is not None or _DOSE_AFTER.match(tail) is not None:
            return None
        return match.group("arm")
    for match in _SUPERIOR_TO.finditer(text):
        if _OUTCOME_NAMED.search(text, match.end()) is not None or _DOSE_AFTER.match(text, match.end()) is not None:
            return None
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
        return text[clause_start : match.start()]
    return None


def superiority_claim(statement: Statement, sentences: frozenset[int], anchors: frozenset[str]) -> str | None:
    """The first sentence about the intervention that affirms, unhedged, its superiority to another arm with no
    outcome named (the intervention named as the superior arm)."""
    if "superior" not in statement.text.lower():
        return None
    for index in sorted(sentences):
        text = sentence(statement, index)
        if "superior" not in text.lower() or _NOT_A_FINDING.search(text) is not None or compares_doses(text):
            continue
        arm = _superior_arm(text)
        if arm is not None and names_intervention(arm, anchors):
            return text
    return None
