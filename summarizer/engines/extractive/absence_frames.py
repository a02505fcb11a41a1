"""Absences that a sentence states in doubt, as news, or of something other than the harm: no absent event.

A negated harm is an absent event ("no patient developed hepatotoxicity"), but not when the sentence
- hedges the negation: "mineral oil may not elicit a normal protective cough reflex", "a definite association has
  not been proven", "actinomycin D was considered to cause little or no liver damage": a possibility or a belief,
  not what was observed;
- states news: "no case of parotitis has been reported previously with enalaprilat", "to our knowledge, no prior
  case of TTP ...", "thioguanine has not been reported to cause liver injury", "pFVIII is not known to cause
  thrombosis": what the literature lacked, said of a case that now reports the harm;
- negates what the harm is the complement of: "no other cause for the gynecomastia could be found", "lack of
  control of diabetes", "no discussion of possible complications", "not a substitute for clozapine in treating
  psychosis": the cause, the control, the discussion is what is absent, not the harm;
- negates only to affirm (a litotes): "reactions to D are not unusual, often presenting as E", "exposure to D,
  which is not uncommon, may cause E": "not unusual" says usual, and no other negation in the sentence makes
  anything absent.
The words are general English of hedging, of reporting novelty and of the nouns a harm can be the complement of.
Each check is gated on a cheap substring test.
"""

from __future__ import annotations

import re

# a hedge on the negation, or a belief rather than an observation
_HEDGED = re.compile(
    r"\b(?:may|might|would)\s+not\b|\bnot\s+(?:yet\s+)?been\s+(?:proven|proved|established|studied|evaluated|"
    r"investigated|examined|confirmed|clarified)\b|\b(?:was|were|is|are|been)\s+(?:\w+\s+)?(?:considered|"
    r"thought|believed)\s+to\b"
)
_HEDGED_GATE = ("not", "considered", "thought", "believed")
# a negation that reports what had not been published, not what did not happen
_NEWS = re.compile(
    r"\b(?:reported|described|documented|published|associated|seen)\s+previously\b|\bpreviously\s+(?:been\s+)?"
    r"(?:reported|described|documented|published|associated)\b|\bprior\s+(?:cases?|reports?)\b|"
    r"\bin\s+the\s+(?:\w+\s+)?literature\b|\bto\s+(?:the\s+best\s+of\s+)?our\s+knowledge\b|"
    r"\bnot\s+(?:been\s+)?known\s+to\b|\bnot\s+been\s+(?:reported|described|documented)\s+to\b|"
    r"\bknown\s+citations?\b"
)
_NEWS_GATE = ("previous", "prior", "literature", "knowledge", "known", "not been")
# the nouns a harm can be the complement of, which are what a negation before them negates
_NOT_THE_HARM = re.compile(
    r"\b(?:causes?|explanations?|reasons?|etiology|aetiology|control|discussion|information|data|citations?|"
    r"substitute)\s+(?:\w+\s+){0,3}?(?:of|for|concerning|about|on|in\s+treating)\s+(?:the\s+|a\s+|any\s+)?"
    r"(?:[\w\-]+\s+){0,2}$"
)
_NOT_THE_HARM_GATE = ("cause", "explanation", "reason", "etiology", "aetiology", "control", "discussion",
                      "information", "data", "citation", "substitute")
# a negation that affirms, and the other negations a sentence may hold besides it
_LITOTES = re.compile(
    r"\bnot\s+(?:uncommon|unusual|infrequent|infrequently|rare|rarely|unknown|unexpected|unlikely|unlike)\b"
)
_OTHER_NEGATION = re.compile(
    r"\b(?:no|not|without|never|none|neither|nor|absence|absent|denied|denies|lack|free\s+of|negative\s+for|"
    r"ruled\s+out|excluded)\b"
)
_NOT_HARMS = frozenset({"cause", "causes", "explanation", "explanations", "reason", "reasons"})


def absence_in_doubt(sentence: str, event: str) -> bool:
    """Whether a sentence that names `event` as absent does not report it absent: it hedges the negation, reports
    news, or negates a noun the event is the complement of (module docstring)."""
    low = sentence.lower()
    name = event.lower()
    if name.split()[-1:] and name.split()[-1] in _NOT_HARMS:
        return True
    if any(word in low for word in _HEDGED_GATE) and _HEDGED.search(low) is not None:
        return True
    if "not " in low and _LITOTES.search(low) is not None and _OTHER_NEGATION.search(_LITOTES.sub(" ", low)) is None:
        return True
    if any(word in low for word in _NEWS_GATE) and _NEWS.search(low) is not None:
        return True
    if any(word in low for word in _NOT_THE_HARM_GATE):
        at = low.find(name)
        while at >= 0:
            if _NOT_THE_HARM.search(low, max(0, at - 60), at) is not None:
                return True
            at = low.find(name, at + 1)
    return False
