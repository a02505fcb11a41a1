"""Words that name a trial, not what it tested: "the Swedish Trial", "the Finnish Study", "the Dutch Trial".

Citing papers refer to a trial by its name, and a trial is often named after its country, its city or its sponsor:
"Unlike the Swedish Trial, this study has not shown a difference in survival", "the Dutch Trial confirmed the results
of the Swedish group". Such a word then stands where an arm's name stands ("the results of the Swedish group"), and
the name reader takes it for a treatment. A word in title case (a capital, then lower case letters) right before
"Trial" or "Study", themselves capitalised, is part of the trial's name: the profile never chooses it as the
intervention (target_profile.py). A drug's name the lexicon knows is kept ("the Aspirin Study" tested aspirin), and
so is a short form in capitals ("the PrEP Study", "the RECOVERY Trial"), which is as often the treatment's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.treatment_names import TREATMENT_CLASSES

__all__ = ["trial_name_anchors"]

# a title-case word right before a capitalised "Trial" or "Study" (case-sensitive: "the Swedish Trial")
_TRIAL_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:Trials?|Study|Studies)\b")


def trial_name_anchors(texts: Iterable[str], res: Resources) -> frozenset[str]:
    """The lower-cased words that name a trial in the statements ("swedish" from "the Swedish Trial"), but not a
    drug the lexicon knows nor a treatment word."""
    found: set[str] = set()
    for text in texts:
        if "Trial" not in text and "Stud" not in text:
            continue
        for match in _TRIAL_NAME.finditer(text):
            word = match.group(1).lower()
            if word not in res.drugs.terms and word not in TREATMENT_CLASSES:
                found.add(word)
    return frozenset(found)
