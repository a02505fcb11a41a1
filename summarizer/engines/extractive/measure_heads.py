"""An outcome's name completed from its sentence, so that a clinician can tell what was measured.

The readings cut an outcome's name out of its sentence; two cuts leave a name that says how something was measured
but not of what, or what but not how:

- a measure word without its complement: "number of attempts [at intubation]", "integrated area under the curve
  analysis [for total PYY]", "strength [and endurance of the ankle dorsiflexors]", "time taken [for implant
  placement]" (`with_complement`);
- one part of a coordinated list without the head the list shares: "plantar flexors" from "the strength and
  endurance of the dorsiflexors and plantar flexors", "rescue meperidine" from "the consumption of sufentanil and
  rescue meperidine" (`with_list_head`), "ACR20" from "ACR20, ACR50 and ACR70 response rates" (`with_shared_tail`).

`completed_name` gives the name with what its sentence adds, or the name as it was. Only the wording changes: the
reading's direction and polarity were read on the name as cut.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.outcome_names import ADJECTIVE_ENDINGS, MEASURE_WORDS
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS
from summarizer.engines.extractive.treatment_names import ARM_WORDS, PEOPLE

__all__ = ["completed_name", "with_cause", "with_complement", "with_list_head", "with_shared_tail"]

# nouns of a property or a process that say how much of a thing, never what: "strength" of a muscle, "consumption"
# of a drug, "uptake" of glucose, the "area under the curve" of a concentration; and the words of a statistic's
# method ("integrated", "analysis") and of counting tries ("attempts")
_PROPERTY_NOUNS = frozenset({
    "strength", "endurance", "power", "torque", "force", "stiffness", "tone", "mass", "volume", "volumes",
    "thickness", "diameter", "area", "curve", "auc", "use", "usage", "consumption", "uptake", "utilization",
    "utilisation", "secretion", "production", "absorption", "clearance", "excretion", "synthesis", "release",
    "requirement", "requirements", "dose", "doses", "concentration", "concentrations", "activity", "activities",
    "attempts", "attempt", "tries", "course", "magnitude", "extent", "degree", "timing",
})
_METHOD_WORDS = frozenset({"integrated", "incremental", "net", "analysis", "analyses", "under", "peak", "total"})
# the participles of what something took ("time taken", "the dose required"): they say how much, not for what
_TAKEN_WORDS = frozenset({"taken", "needed", "required", "spent"})
_BARE = MEASURE_WORDS | _PROPERTY_NOUNS | _METHOD_WORDS | _TAKEN_WORDS | FUNCTION_WORDS
# the heads a list of things shares ("the consumption of A and B"): a property or a process of each, or its level
_LIST_HEADS = _PROPERTY_NOUNS | frozenset({"level", "levels", "value", "values", "score", "scores", "amount",
                                           "amounts"})
# what a complement that says when, where or in whom a measure was taken holds: a number, a time, an arm, people
_NOT_A_COMPLEMENT = ARM_WORDS | PEOPLE | frozenset({
    "baseline", "follow-up", "followup", "end", "start", "week", "weeks", "day", "days", "month", "months", "year",
    "years", "hour", "hours", "h", "min", "minute", "minutes", "time", "times", "point", "visit", "visits", "rest",
    "discharge", "admission", "randomisation", "randomization", "any", "each", "every", "all", "both", "either",
})
# the words a verb phrase after a name opens with: an auxiliary, a negation, a verb in the past
_VERB_OPENS = frozenset({"was", "were", "is", "are", "did", "do", "does", "had", "has", "have", "been", "be", "not",
                         "over", "during", "after", "before", "between", "among", "versus", "vs", "than"})


def _ends_phrase(bare: str) -> bool:
    """Whether a word after a name ends the phrase that completes it: a function word, a verb's opening, a word of
    no letters."""
    return (not bare or bare in FUNCTION_WORDS or bare in _VERB_OPENS or not any(ch.isalpha() for ch in bare)
            or (len(bare) > 4 and bare.endswith("ed")))


_WORD = re.compile(r"[^\W_][\w\-/+]*")
_COMPLEMENT = re.compile(r"\s+(?:(?:and|or)\s+(?P<other>[a-z\-]+)\s+)?(?P<prep>of|for|at)\s+(?P<the>the\s+)?", re.I)
_MAX_COMPLEMENT = 5
# a list of short parts before a name: "A, B and ", "A and ", "A, B, or "
_LIST_BEFORE = re.compile(
    r"(?P<head>(?:[^\W\d_][\w\-]*\s+){0,2}?[^\W\d_][\w\-]*(?:\s+and\s+[^\W\d_][\w\-]*)?)\s+of\s+(?P<the>the\s+)?"
    r"(?:[^\W_][\w\-/+]*(?:\s+[^\W_][\w\-/+]*){0,4}(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)){1,6}$",
    re.I,
)
# the measure nouns a list of things can share after its last part ("TC, LDL-C and HDL-C levels"); not a verb of
# reporting ("vomiting, diarrhoea, or fever were seen")
_SHARED_MEASURES = frozenset({
    "score", "scores", "level", "levels", "value", "values", "rate", "rates", "count", "counts", "concentration",
    "concentrations", "ratio", "ratios", "index", "indices", "titre", "titres", "titer", "titers",
})
_SHARED_TAIL = re.compile(
    r"(?:\s*,\s*[^\s,]+){0,6}(?:\s*,)?\s+(?:and|or)\s+(?P<last>[^\s,]+)(?P<tail>(?:\s+[a-z\-]+[.,;:]?){1,2})", re.I
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _names_no_thing(name: str) -> bool:
    """Whether a name holds only words of measuring and method ("number of attempts", "integrated area under the
    curve analysis", "strength"): it says how, not what."""
    words = _words(name)
    return bool(words) and all(w in _BARE for w in words)


def _names_a_thing_only(name: str) -> bool:
    """Whether a name holds no word of measuring ("plantar flexors", "rescue meperidine", "mortality")."""
    words = _words(name)
    return 0 < len(words) <= 4 and not any(w in MEASURE_WORDS or w in _LIST_HEADS for w in words)


def with_complement(name: str, quoted: str, at: int) -> str | None:
    """The name (found at `at` in the sentence `quoted`) with the "of", "for" or "at" phrase after it that says what
    it measured, when it names no thing of its own: "number of attempts" + "at intubation", "strength" + (and
    endurance) "of the ankle dorsiflexors". None when it names a thing, or no such phrase follows (a time, an arm or
    people follow: "at 12 months", "for the TC group")."""
    if not _names_no_thing(name):
        return None
    match = _COMPLEMENT.match(quoted, at + len(name))
    if match is None or (match.group("other") and match.group("other").lower() not in _BARE):
        return None
    kept: list[str] = []
    for word in quoted[match.end() :].split():
        bare = word.strip(".,;:()[]\"'").lower()
        if _ends_phrase(bare):
            break
        if bare in _NOT_A_COMPLEMENT or any(ch.isdigit() for ch in bare) and not any(ch.isalpha() for ch in bare):
            return None
        kept.append(word.strip(".,;:()[]\"'"))
        if word[-1:] in ".,;:)" or len(kept) > _MAX_COMPLEMENT:
            break
    if not kept or len(kept) > _MAX_COMPLEMENT:
        return None
    return f"{name} {match.group('prep')} {match.group('the') or ''}{' '.join(kept)}"


def with_list_head(name: str, quoted: str, at: int) -> str | None:
    """A name that is the second or a later part of a list after "of" ("the consumption of sufentanil and rescue
    meperidine"), with the head that the list shares, when the head is a property, a process or a level of each
    part and the name holds no measure word of its own: "consumption of rescue meperidine". None otherwise: "the
    duration of surgery and mortality" are two measures."""
    if not _names_a_thing_only(name) or " of " in name.lower():
        return None
    match = _LIST_BEFORE.search(quoted, max(0, at - 200), at)
    if match is None or match.end() != at:
        return None
    head = match.group("head")
    tokens = [(m.start(), m.group().lower()) for m in re.finditer(r"[^\W\d_][\w\-]*", head)]
    # the head is the run of words before "of" back to a function word or a verb ("after surgery the use",
    # "reducing serum concentrations", "lowered plasma levels"), with "and" between two heads ("strength and
    # endurance")
    kept = len(tokens)
    while kept > 0:
        word = tokens[kept - 1][1]
        joined = word == "and" and 1 < kept < len(tokens) and tokens[kept - 2][1] in _LIST_HEADS
        if not joined and (word in FUNCTION_WORDS or word.endswith(("ing", "ed"))):
            break
        kept -= 1
    tokens = tokens[kept:]
    if not tokens or tokens[-1][1] not in _LIST_HEADS:
        return None
    return f"{head[tokens[0][0]:]} of {match.group('the') or ''}{name}"


def with_shared_tail(name: str, quoted: str, at: int) -> str | None:
    """A one-word name that opens a list of one-word parts whose last part ends with the measure they share
    ("ACR20, ACR50, and ACR70 response rates", "TC, LDL-C and HDL-C levels"), with that measure: "ACR20 response
    rates". None otherwise."""
    if len(name.split()) != 1:
        return None
    match = _SHARED_TAIL.match(quoted, at + len(name))
    if match is None:
        return None
    words = match.group("tail").split()[:2]
    while words and words[-1].lower().strip(".,;:") not in _SHARED_MEASURES:
        words.pop()  # "TNF levels between the arms": the measure ends the shared tail
    if not words or any(w.lower() in FUNCTION_WORDS for w in words):
        return None
    modifier = name.lower().endswith((*ADJECTIVE_ENDINGS, "ing"))  # "fasting or postprandial glucose levels"
    if len(words) > 1 and match.group("last").lower().endswith(ADJECTIVE_ENDINGS) and not modifier:
        words = words[1:]  # "implantation or clinical pregnancy rates": "clinical" is the last part's own
    return f"{name} {' '.join(w.strip('.,;:') for w in words)}"


# a cause after a count of people who stopped or were admitted ("discontinuing the study because of adverse events",
# "admissions due to heart failure"): what the count counts
_CAUSE = re.compile(r"\s+(?P<by>because\s+of|due\s+to|owing\s+to)\s+", re.I)
_MAX_CAUSE = 4


def with_cause(name: str, quoted: str, at: int) -> str | None:
    """The name with the cause the sentence gives right after it ("proportion of patients discontinuing the study"
    + "because of adverse events"), which says which of them were counted; None where none follows, or it runs
    on past a few words or names an arm or people."""
    match = _CAUSE.match(quoted, at + len(name))
    if match is None:
        return None
    kept: list[str] = []
    for word in quoted[match.end() :].split():
        bare = word.strip(".,;:()[]\"'").lower()
        if word[:1] in "([":
            break  # "(p = 0.9)": the statistics, not the cause
        if bare not in ("of", "the") and (_ends_phrase(bare) or any(ch.isdigit() for ch in bare)):
            break
        if bare in ARM_WORDS or bare in PEOPLE:
            return None
        kept.append(word.strip(".,;:()[]\"'"))
        if word[-1:] in ".,;:)":
            break
    while kept and kept[-1].lower() in ("of", "the"):
        kept.pop()
    if not kept or len(kept) > _MAX_CAUSE:
        return None
    return f"{name} {' '.join(match.group('by').split())} {' '.join(kept)}"


_RULES = (with_complement, with_list_head, with_shared_tail, with_cause)


def completed_name(name: str, quoted: str, intervention: str = "") -> str:
    """The outcome's name completed from its sentence (`quoted`) where it says how but not what was measured, or
    what but not how (the module's docstring); else the name as it is. A completion that names the intervention
    the claim names after it (`intervention`: "pain due to propofol injection" with propofol injection) is not
    made: the claim would say it twice."""
    if not name or not quoted:
        return name
    at = quoted.find(name)
    if at < 0:
        return name
    for rule in _RULES:
        completed = rule(name, quoted, at)
        if completed is not None:
            low = intervention.lower()
            if low and low in completed.lower() and low not in name.lower():
                return name
            return completed
    return name
