"""An outcome's name that runs over the arm it was measured with: "outcomes for LVMI with A versus B were not different"
compares LVMI between the arms A and B, so the measure is "LVMI", and "with A" names the first arm. The name is cut
before "with" when a word of comparison (versus, vs, compared with or to, as against) sets another arm against what
follows "with" right after the name, and the result's verb follows the arms (the name with its arms is the subject):
the treatment the measure was read with is one side of the comparison, not part of what was measured. A name whose
"with" is not followed by a compared arm keeps it ("the proportion of patients with AKI did not differ": who was
counted)."""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.engines.extractive.outcome_spans import OutcomeMention

# the arm a measure was read with, inside its name, and the end of the name: "LVMI with A", then " versus B"
_WITH_ARM = re.compile(r"\s+with\s+\S")
# ... when the name and its arms are the subject of the result's verb ("LVMI with A versus B were not different"):
# after a verb, "X with fever compared with placebo" sets the verb's subject against placebo, and "with fever" is who
# was counted
_COMPARED_NEXT = re.compile(
    r"\s*(?:versus|vs\.?|compared\s+(?:with|to)|as\s+against)\s+[^,;:()\[\]]{1,60}?\s"
    r"(?:was|were|is|are|did|do|does|differed|showed|had)\b"
)


def without_compared_arm(text: str, mention: OutcomeMention) -> OutcomeMention:
    """The mention's name cut before its last "with", when the words after it are an arm that a word of comparison
    right after the name sets against another (see the module's docstring); the mention itself otherwise."""
    if " with " not in mention.outcome:
        return mention
    end = mention.start + len(mention.outcome)
    if _COMPARED_NEXT.match(text.lower(), end) is None:
        return mention
    withs = list(_WITH_ARM.finditer(mention.outcome))
    if not withs or withs[-1].start() == 0:
        return mention
    return replace(mention, outcome=mention.outcome[: withs[-1].start()])
