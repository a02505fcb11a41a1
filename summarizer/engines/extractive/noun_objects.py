"""The object of a change noun in a reported result: "a significant increase in the pregnancy rate in the
intervention group" names the pregnancy rate.

cues.OBJ_CUT ends an outcome's name where a place or an arm begins ("... in the A group"); after a change noun
("increase", "decrease", "rise") the object itself opens with "in the", so the cut left nothing, and "an increase in
the X" was never read while "a reduction in the X" was (the pattern takes "reduction in" whole). Here the object is
cut after that preposition. Only in a sentence that reports a result (the caller's test): in a narrative ("an increase
in the QT interval causing torsades de pointes") the change may be a harm, and is read as one. Not a dose ("an
increase in the dosages of X": how a treatment was given), and not the arms the change is said of after the measure
("the decrease in the BSS score for the EPs 60 mg and 90 mg groups": BSS score).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import OBJ_CUT
from summarizer.engines.extractive.treatment_names import THERAPY_CUES

__all__ = ["change_noun_object"]

# a treatment's dose or giving after a change noun ("an increase in the dosages of X"): no measure of its effect
_GIVEN_HEAD = re.compile(r"(?:(?:the|their|its|daily|total|cumulative|mean)\s+)*(?P<head>[a-z]+)")
_DOSAGE = frozenset({"dosage", "dosages"})
# the arms a change is said of, after its measure, however many words name them ("for the A 60 mg and 90 mg groups")
_ARM_AFTER = re.compile(r"\s+(?:for|in|among|with)\s+(?:the\s+)?[^,;:()\[\]]{1,60}?\b(?:groups?|arms?)\b")
# the preposition a change noun takes its measure with: "an increase | in the pregnancy rate"
_NOUN_PREPOSITION = re.compile(r"(?:in|of)\s+")


def change_noun_object(rest: str, length: int, change_noun: bool) -> str:
    """A change word's object, cut where its name ends (cues.OBJ_CUT); after a change noun in a sentence that reports
    a result (change_noun), from after the preposition that takes it ("a significant increase in | the pregnancy rate
    in the A group"), which OBJ_CUT would otherwise read as the place or arm that ends a name ("in the A group").
    In a narrative ("an increase in the QT interval causing torsades") the change may be a harm, read as one. rest:
    the sentence from the object on, the object its first `length` characters."""
    obj = rest[:length]
    lead = _NOUN_PREPOSITION.match(obj) if change_noun else None
    given = _GIVEN_HEAD.match(obj, lead.end()) if lead is not None else None
    if lead is None or (given is not None and (given.group("head") in THERAPY_CUES or given.group("head") in _DOSAGE)):
        return OBJ_CUT.sub("", obj)  # "an increase in the dose of X": how a treatment was given, not its effect
    measure = OBJ_CUT.sub("", obj[lead.end() :])
    arm = _ARM_AFTER.search(rest, lead.end())  # "the BSS score for the EPs 7630 60 mg and 90 mg groups": the arms
    end = lead.end() + len(measure) if arm is None else min(arm.start(), lead.end() + len(measure))
    return obj[:end]
