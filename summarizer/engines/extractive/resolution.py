"""How fast a condition went away with a treatment: "fever cleared faster with X", "the rash resolved significantly
sooner in the X group", "pain subsided more slowly with Y".

The sentence names the time to the condition's resolution: shorter is an improvement of the condition, longer a
worsening; the condition is never an adverse event of the treatment (events._names_a_measure). Said of the control
arm ("cleared faster with placebo"), the reading turns round; "did not resolve faster" is no difference.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import PEOPLE_NOUNS
from summarizer.engines.extractive.outcome_spans import OutcomeMention, mention_at, subject_before
from summarizer.engines.extractive.result_cues import CONTROL_ARM
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change, Direction

__all__ = ["RESOLVED_SPEED", "resolution_outcomes"]

# right after the condition's name: a verb of going away and a comparative of speed
RESOLVED_SPEED = re.compile(
    r"\s+(?:(?:was|were|had|has|have)\s+)?(?P<neg>(?:did|does|do)\s+not\s+)?"
    r"(?:resolv|clear|subsid|disappear|abat|remitt?|settl|normali[sz]|recover|heal|improv)(?:e|es|ed|s|ing)?\s+"
    r"(?:(?:significantly|much|considerably|markedly|statistically\s+significantly)\s+)?"
    r"(?:(?P<fast>faster|sooner|earlier|quicker|more\s+(?:quickly|rapidly|promptly|swiftly))|"
    # "the steroid was cleared more rapidly from the circulation": a drug's clearance, no condition's resolution
    r"slower|more\s+slowly)\b(?!\s+from\b)",
    re.IGNORECASE,
)
# the words of speed one of which such a sentence holds (the cheap test before the pattern runs)
_SPEED_WORDS = frozenset({"faster", "sooner", "earlier", "quicker", "quickly", "rapidly", "promptly", "swiftly",
                          "slower", "slowly"})
_PEOPLE = re.compile(rf"^(?:\w+\s+)?{PEOPLE_NOUNS}$")
_READING: dict[tuple[bool, bool], tuple[Change, Direction]] = {
    # (faster, said of the control arm): the condition's time to resolution, for the patient
    (True, False): ("unclear", "improved"),
    (False, False): ("unclear", "worsened"),
    (True, True): ("unclear", "worsened"),
    (False, True): ("unclear", "improved"),
}


def resolution_outcomes(scan: Scan) -> list[OutcomeMention]:
    """The conditions a statement says went away faster or slower with a treatment, each an outcome improved or
    worsened (no difference when the sentence denies it); none whose subject is people ("patients recovered
    faster")."""
    if _SPEED_WORDS.isdisjoint(scan.ngram_set):
        return []
    mentions: list[OutcomeMention] = []
    for match in RESOLVED_SPEED.finditer(scan.low):
        span = subject_before(scan, match.start())
        if span is None or _PEOPLE.match(scan.low, *span) is not None:
            continue
        reading: tuple[Change, Direction] = ("no_difference", "no_difference")
        if not match.group("neg"):
            reading = _READING[(match.group("fast") is not None, CONTROL_ARM.match(scan.low, match.end()) is not None)]
        change, direction = reading
        mentions.append(mention_at(scan, span[0], span[1] - span[0], change, direction))
    return mentions
