"""A result said of the patients of an arm who went on to have an event is no comparison of the arms.

"Among patients assigned A who developed rash (compared with all those assigned placebo), survival was longer": the
people compared were chosen by something that happened after they were assigned (the event), so the difference is
that subgroup's, not the intervention's against its comparator (those who have the event differ from those who do
not in ways that also change the outcome). A sentence that opens with such a frame ("Among / In / For the patients
... who developed / experienced / suffered ...") scopes all of itself: an outcome read in it is no finding of the
trial. Not a subgroup defined at the start ("in patients with diabetes", "in those who had a high score at
baseline"): only a verb of an event that happened during the trial.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import PEOPLE_NOUNS
from summarizer.engines.extractive.scan import Scan

# the frame at a sentence's opening: the people, what they were given (optional), who then had an event
EVENT_SUBGROUP = re.compile(
    r"\s*[(\[]?\s*(?:among|in|for)\s+(?:the\s+|those\s+|all\s+)?(?:[\w\-]+\s+){0,3}?" + PEOPLE_NOUNS
    + r"\b[^.;:]{0,80}?\b(?:who|that)\s+(?:subsequently\s+|later\s+|then\s+)?"
    r"(?:developed|experienced|suffered|went\s+on\s+to\s+(?:develop|experience|have))\b",
    re.IGNORECASE,
)
_EVENT_WORDS = ("developed", "experienced", "suffered", "went on")


def event_subgroup_sentences(scan: Scan) -> set[int]:
    """The sentences that open with a subgroup defined by an event after assignment (EVENT_SUBGROUP)."""
    if not any(word in scan.low for word in _EVENT_WORDS):
        return set()
    return {i for i, (start, end) in enumerate(scan.sentences()) if EVENT_SUBGROUP.match(scan.low, start, end)}
