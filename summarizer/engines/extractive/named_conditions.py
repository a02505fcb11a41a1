"""Abbreviations the statements define for a disease or a symptom, which name what was treated, never the treatment.

"Alzheimer's disease (AD)", "chronic obstructive pulmonary disease (COPD)", "atopic dermatitis (AD)": once defined,
the short form stands alone in sentences that also hold a therapy cue ("genetic knowledge for AD is yielding
therapeutic targets"), and the target profile could take it for the intervention. A short form whose long form
(lower-cased, a possessive "'s" dropped, as the lexicons write names: "alzheimer disease") is a name of the adverse-
effect lexicon or of the phenotype list (resources.effects, resources.listed_effects: diseases, symptoms, findings)
names a condition: its anchor, and those of its long form but a drug's or a treatment word's (the cause named in
"heparin-induced thrombocytopenia (HIT)"), are no intervention (target_profile.py).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.treatment_mention import name_anchors
from summarizer.engines.extractive.treatment_names import TREATMENT_CLASSES

_POSSESSIVE = re.compile(r"['’]s\b")


def condition_anchors(definitions: dict[str, str], res: Resources) -> frozenset[str]:
    """The anchors of the short forms (keys of abbreviations.definitions_in) whose long forms name a condition, and
    of those long forms."""
    found: set[str] = set()
    for short, long in definitions.items():
        name = " ".join(_POSSESSIVE.sub("", long.lower()).split())
        if name in res.effects.terms or name in res.listed_effects.terms:
            found.update(name_anchors(short))
            # the long form's words, but a drug that names the condition's cause ("heparin-induced
            # thrombocytopenia (HIT)") or a treatment word
            found.update(a for a in name_anchors(long) if a not in res.drugs.terms and a not in TREATMENT_CLASSES)
    return frozenset(found)
