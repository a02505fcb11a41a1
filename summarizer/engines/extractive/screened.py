"""What a statement says was screened for or ruled out: no finding, neither an adverse event nor one found absent.

"Patients should be screened to rule out a lupus-like reaction", "screening for tuberculosis is mandatory before
the first dose", "a pulmonary embolism was ruled out": the condition was looked for (or excluded as the diagnosis of
the patient's illness), or what it is hard to tell apart from ("difficult to distinguish from phototoxicity": a
differential diagnosis); the sentence reports neither that it happened with the treatment nor that the treatment is
free of it. Two forms keep their reading: "X cannot be ruled out" (a possible event, hedged) and "the other causes of
X were ruled out" (X happened; only its other causes were excluded).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import NON_DRUG_CAUSES

__all__ = ["may_screen", "names_what_was_screened"]

# the thing ruled out or screened for follows: "to rule out a", "screened for", "screening for possible"
_SCREENED_BEFORE = re.compile(
    r"(?<!not\s)\b(?:rul(?:e|ed|es|ing)\s+out|screen(?:ed|ing|s)?\s+(?:\w+\s+)?for|"
    r"(?:distinguish|differentiat)(?:e|es|ed|ing)?\s+(?:\w+\s+)?from)\s+"
    r"(?:[\w\-']+\s+(?:or\s+)?){0,4}$",
    re.IGNORECASE,
)
# the thing ruled out came first, as the subject: "X was ruled out", "X (Y) and other causes of Z were definitively
# ruled out"
_RULED_OUT_AFTER = re.compile(
    r"(?:\s*\([^()]{0,30}\))?(?:,?\s+(?:and|or)\s+(?:[\w\-']+\s+){1,6}?|\s+)"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?ruled\s+out\b",
    re.IGNORECASE,
)
# words that end the reading: a clause or sentence break, a negation of the ruling out ("cannot be", "not rule
# out"), or the other causes of the named condition ("causes of fulminant hepatitis were ruled out")
_NOT_RULED_OUT = re.compile(r"[.;:]|\b(?:cannot|can\s+not|could\s+not|not)\s+(?:be\s+)?rul", re.IGNORECASE)
_ITS_CAUSES = re.compile(r"\b(?:causes?|etiolog\w*|aetiolog\w*|reasons?)\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?$",
                         re.IGNORECASE)
_WINDOW = 80
# a name that says its own cause, one that may be a treatment: "acetazolamide-related nephrolithiasis", not
# "UV-induced eruption" (a cause that is no treatment: NON_DRUG_CAUSES and the sun's light)
_OWN_CAUSE = re.compile(r"([\w\-]+)-(?:induced|related|associated)\b", re.IGNORECASE)
_NO_TREATMENT = NON_DRUG_CAUSES | frozenset({"uv", "ultraviolet", "sun", "sunlight"})


def may_screen(text: str) -> bool:
    """The cheap test before any name is read: whether the text has the words of a ruling out or a screening."""
    return (" out" in text and "ule" in text) or "creen" in text or " from " in text


def names_what_was_screened(text: str, start: int, end: int) -> bool:
    """Whether the name at start..end is what the statement says was ruled out or screened for."""
    window = max(0, start - _WINDOW)
    if _ITS_CAUSES.search(text, window, start) is not None:
        return False
    before = _SCREENED_BEFORE.search(text, window, start)
    if before is not None and "from" in before.group() and any(
        cause.group(1).lower() not in _NO_TREATMENT for cause in _OWN_CAUSE.finditer(text, before.start(), end)
    ):
        return False  # "differentiated from X-related nephrolithiasis": a harm the sentence ties to its cause
    if before is not None:
        return _NOT_RULED_OUT.search(text, before.end(), start) is None
    after = _RULED_OUT_AFTER.match(text, end)
    return after is not None and _NOT_RULED_OUT.search(text, end, after.end()) is None
