"""A negated rise in a harm's rate: "no increase in the incidence of X", "did not increase the risk of X", "there is
no increased prevalence of X".

Such a sentence does not say that X was absent (the negation falls on the rise, not on the harm: X may be as common
as before), nor that a treatment failed to better an outcome it aims at (nobody aims at X): it compares how often a
harm happens, with no difference found, as a safety statement does. So the event reader must not read "no X"
(event_scope.not_absent) and the efficacy section must not list "No difference in X" as a result of the treatment
(sections.py). The rise must be named on how often the harm happens (its incidence, prevalence, risk, rate,
frequency: not "no increase in pain scores", which a trial of a regimen that spares analgesics may aim at), and the
harm must follow within the same clause (a list of harms: "no increase in the incidence of A or B").
"""

from __future__ import annotations

import re

# the negated rise, and the rate it is of, up to where the harm's name starts (anchored at the end)
_DENIED_RISE = re.compile(
    r"\b(?:no|not|n't|nor|without)\s+(?:an?\s+|any\s+)?(?:(?:significant(?:ly)?|apparent|overall|further)\s+)?"
    r"(?:increase[sd]?|rises?|excess|elevat(?:ed|ion))\s+(?:(?:in|of)\s+)?(?:the\s+)?"
    r"(?:incidence|prevalence|risks?|rates?|frequency|occurrence)\s+of\s+"
    r"(?P<list>(?:[\w\-]+\s+){0,6}?(?:or|and|nor)\s+|(?:[\w\-]+\s+){0,4}?[\w\-]+,\s+)?$"
)
_RATE_OPENING = re.compile(r"^(?:the\s+)?(?:incidence|prevalence|risks?|rates?|frequency|occurrence)\s+of\s")
# how far back the rise may be named: a clause's length
_REACH = 120
_CLAUSE_BREAK = re.compile(r"[.;:]\s|\b(?:but|although|whereas|while)\b")


def rise_denied_before(low: str, at: int) -> bool:
    """Whether the harm whose name starts at `at` of a lower-cased text is only denied a rise in its rate."""
    before = low[max(0, at - _REACH):at]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    return _DENIED_RISE.search(before) is not None


def rise_denied_in(quote: str, outcome: str) -> bool:
    """Whether an outcome found in its quote ("incidence of X" or "X") is a harm's rate denied a rise there."""
    low = quote.lower()
    name = outcome.lower()
    at = low.find(name)
    if at < 0:
        return False
    if _RATE_OPENING.match(name) is None:
        return rise_denied_before(low, at)
    return rise_denied_before(low, at) or rise_denied_before(low, at + name.index(" of ") + len(" of "))
