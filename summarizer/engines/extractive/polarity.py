"""What a change of an outcome means for the patient: mortality down is an improvement, survival down a worsening.

Most outcomes are bad to have (mortality, pain, relapse: lower is better) or good to have (survival, remission,
quality of life: higher is better). Times and durations go by what they measure: a shorter time to recovery, a
shorter hospital stay and a shorter duration of symptoms are improvements whatever words surround them, but a longer
time to progression, a longer survival time and a longer duration of analgesia are too; "-free" outcomes
("ventilator-free days", "progression-free survival") are good to have.
"""

from __future__ import annotations

import re

from summarizer.models import Change, Direction

BAD_OUTCOME = re.compile(
    r"mortalit|death|\bdie|\bards\b|complication|inflamm|ammat|cytokine|pain|adverse|toxicit|infection|"
    r"recurren|relapse|hospital|length of stay|symptom|disease|severity|risk|failure|injur|damage|fibrosis|"
    r"progression|incidence|nausea|vomit|bleed|ha?emorrh|thromb|event|readmission|ventilat|intubat|\bicu\b|"
    r"fever|edema|oedema|lesion|tumou?r|viral load|\bcrp\b|il-?6|tnf|ferritin|d-dimer|\bldh\b|blood pressure|"
    r"hypertension|cholesterol|glucose|hba1c|anxiety|depress|fatigue|dyspn|cough|exacerbat|dependence|"
    r"requirement|disability|storm|\bviral|\bvirus|replication|"
    r"transmission|infectivity|tumorigen|metasta|parasit|gametocyt|hypoglyc|hyperglyc|insulin resistance|"
    r"weight gain|triglycerid|\bldl\b|dyspn|systolic|diastolic|\bsbp\b|\bdbps?\b|c-reactive|irritab|swelling|trismus"
)
GOOD_OUTCOME = re.compile(
    r"surviv|recover|quality of life|function\b|functional (?:status|capacity|recovery)|response|remission|"
    r"\bcure|oxygenat|saturation|lymphocyte count|efficacy|healing|clearance|discharge|capacity|strength|"
    r"adherence|satisfaction|success|gain|level of consciousness|well-?being|lifespan|life span|life expectancy|"
    r"longevity|insulin sensitivity|glyc(?:a)?emic control|ejection fraction|neutrali[sz]|"
    r"immunogenicity|protection|\bimprovement"
)
# good to have although a bad word is in the name ("HDL cholesterol")
GOOD_OVERRIDE = re.compile(r"\bhdl\b|high-density lipoprotein")
# a name that ends in a gain is good to have, whatever it is a gain in ("symptom improvement", "pain relief"),
# unless it is the time to it ("time to clinical improvement")
GAIN_NAMED = re.compile(r"\b(?:improvement|relief|resolution)s?$")
# "ventilator-free days", "progression-free survival", "free of relapse": more of it is better
FREE_OF = re.compile(r"\w-free\b|\bfree\s+(?:of|from)\b")
# "time to progression", "time until relapse": the time before a harm; longer is better
TIME_TO = re.compile(r"\b(?:time|times|interval|delay)\s+(?:to|until|before)\s+(?P<what>.*)$")
# "duration of symptoms", "length of stay": shorter is better, unless it is the duration of something good
DURATION_OF = re.compile(r"\b(?:duration|length|period)\s+of\s+(?P<what>.*)$")
GOOD_TO_LAST = re.compile(
    r"^(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:analges|action|response|remission|effect|protection|sleep|breast|survival|life\b|"
    r"immunity|abstinence)"
)
# "recovery time", "hospital stay", "operative time", "sleep latency": a time; "survival time" is longer-is-better
TIME_WORD = re.compile(r"\b(?P<what>[\w\-]+)\s+(?:time|times|duration|stay)\b|\blatency\b|\bhospital\s+days\b")
_NOT_TIMED = frozenset({"the", "a", "an", "this", "that", "same", "first", "any", "each", "every", "long", "short",
                        "some", "of", "at", "in", "over", "and", "or"})
LONGER_IS_BETTER = frozenset({"survival", "sleep", "life", "exercise", "walking-distance", "remission", "response"})


def _longer_is_better(low: str) -> bool | None:
    """For a time or a duration, whether longer is better; None when the outcome is not one."""
    to = TIME_TO.search(low)
    if to is not None:
        what = to.group("what")
        return BAD_OUTCOME.search(what) is not None and GOOD_OUTCOME.search(what) is None
    of = DURATION_OF.search(low)
    if of is not None:
        return GOOD_TO_LAST.search(of.group("what")) is not None
    for word in TIME_WORD.finditer(low):
        what = word.group("what")
        if what is None or (what not in _NOT_TIMED and not what[0].isdigit()):
            return what in LONGER_IS_BETTER
    return None


def outcome_direction(outcome: str, change: Change) -> Direction:
    """What a change of this outcome means for the patient (mortality decreased = improved)."""
    if change == "no_difference" or change == "unclear":
        return change
    low = outcome.lower()
    good_to_have = GOOD_OVERRIDE.search(low) is not None or FREE_OF.search(low) is not None
    more_is_better = True if good_to_have else _longer_is_better(low)
    if more_is_better is None and GAIN_NAMED.search(low):
        more_is_better = True
    if more_is_better is None:
        bad = BAD_OUTCOME.search(low) is not None
        good = GOOD_OUTCOME.search(low) is not None
        if bad == good:
            return "unclear"
        more_is_better = good
    return "improved" if (change == "increased") == more_is_better else "worsened"
