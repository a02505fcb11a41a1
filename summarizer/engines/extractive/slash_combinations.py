"""Two drugs written with a slash between them ("amoxicillin/clavulanate", "lopinavir/ ritonavir", "piperacillin /
tazobactam") name one treatment, a fixed combination: the drug names are read one by one (treatments._agent_spans),
and without this either half alone could be chosen as the trial's intervention ("clavulanate" for
amoxicillin/clavulanate). The combination is written without spaces around its slash, so that each spelling has
one anchor."""

from __future__ import annotations

import re
from collections.abc import Sequence

# a slash with at most one space on either side: "A/B", "A/ B", "A / B" (not "A, B / C" nor a line of figures)
_SLASH_GAP = re.compile(r" ?/ ?")

# (char start, char end, first token, last token, certainly given), as treatments.py collects them
SpanTuple = tuple[int, int, int, int, bool]


def slash_combinations(text: str, drug_spans: Sequence[SpanTuple]) -> list[SpanTuple]:
    """The combinations of drug names joined by slashes, each as one span from its first drug to its last: given
    if any of its drugs was."""
    ordered = sorted(drug_spans)
    combined: list[SpanTuple] = []
    run: SpanTuple | None = None
    for span in ordered:
        if run is not None and span[0] >= run[1] and _SLASH_GAP.fullmatch(text, run[1], span[0]):
            run = (run[0], span[1], run[2], span[3], run[4] or span[4])
            continue
        if run is not None and run not in ordered:
            combined.append(run)
        run = span
    if run is not None and run not in ordered:
        combined.append(run)
    return combined


def written_whole(name: str) -> str:
    """A combination's name with its slashes unspaced: "amoxicillin/ clavulanate" is "amoxicillin/clavulanate"."""
    return _SLASH_GAP.sub("/", name)
