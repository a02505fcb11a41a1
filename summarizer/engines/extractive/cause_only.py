"""An outcome the sentence says the intervention caused: "levodopa ameliorated the akathisia induced by interferon",
"X relieved the D-induced nausea". Where such an outcome got better, it got better with something else (or by
itself): a harm the intervention caused improved, which is no benefit of the intervention. ("D-induced
postconditioning reduced X" is no such case: what D induced is not the outcome that changed.)"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["caused_by_one_of"]

# right after the outcome's name: "induced by D", "caused by the D", "due to D", "secondary to D", "attributed to D"
_CAUSE_AFTER = re.compile(
    r"(?:\s*\([^()]{0,80}\))?[\s)\]]*(?:,\s*)?(?:(?:which\s+was|that\s+was)\s+)?"
    r"(?:(?:induced|caused|provoked|triggered|precipitated)\s+by|(?:due|secondary|attributed|attributable)\s+to)\s+"
    r"(?:the\s+)?(?:administration\s+of\s+)?",
    re.IGNORECASE,
)
# right before it: "D-induced", "D induced"
_CAUSE_BEFORE = re.compile(r"[\s\-](?:induced|caused)\s+$", re.IGNORECASE)
_REACH = 40


def caused_by_one_of(quote: str, outcome: str, names: Iterable[str]) -> bool:
    """Whether the sentence (quote) says its outcome was caused by one of the names: "<outcome> induced by <name>",
    "<outcome> (...) caused by <name>", "<name>-induced <outcome>"."""
    low = quote.lower()
    at = low.find(outcome.lower())
    if at < 0:
        return False
    end = at + len(outcome)
    wanted = [n.lower() for n in names if n]
    after = _CAUSE_AFTER.match(low, end)
    if after is not None and any(low.startswith(name, after.end()) for name in wanted):
        return True
    before = _CAUSE_BEFORE.search(low, max(0, at - _REACH), at)
    return before is not None and any(low[: before.start()].endswith(name) for name in wanted)
