"""How a sentence frames a treatment it names: as something given (a therapy), as an exposure, or as what another
arm is compared against (treatments.py reads the names; the words are in treatment_names.py)."""

from __future__ import annotations

from bisect import bisect_left

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.cues import TESTED_RESULT
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatment_names import EXPOSURE_CUES, ROUTES, THERAPY_CUES, dose_in

__all__ = ["ARMS_SET_AGAINST", "FRAME_WINDOW", "REFERENCE_WORDS", "as_reference", "frames"]

# how many words either side of a name its frame is read from (treatment_names.THERAPY_CUES, EXPOSURE_CUES)
FRAME_WINDOW = 4
ARMS_SET_AGAINST = frozenset({"versus", "vs", "vs.", "compared", "than"})
# the words after which, in the same clause, a name is what another arm is compared against
REFERENCE_WORDS = ARMS_SET_AGAINST
REFERENCE_REACH = 12


def frames(scan: Scan, first: int, last: int, sentence: Span) -> tuple[bool, bool]:
    """Whether the name (tokens first to last) sits in a therapy frame (a treatment word, a route, a dose, or one arm
    set against another in a tested comparison of people), and whether in an exposure frame, within FRAME_WINDOW
    words of it in its sentence."""
    toks, starts = scan.toks, scan.starts
    lo = max(first - FRAME_WINDOW, bisect_left(starts, sentence[0]))
    hi = min(last + FRAME_WINDOW + 1, bisect_left(starts, sentence[1]))
    window = toks[lo:hi]
    therapy = not (THERAPY_CUES.isdisjoint(window) and ROUTES.isdisjoint(window)) or (
        "-treated" in scan.low and any(t.endswith("-treated") for t in window)
    ) or dose_in(window) or (
        not ARMS_SET_AGAINST.isdisjoint(window) and _set_against_another(scan, first, last, sentence)
        and _compares_arms_of_people(scan, sentence)
    )
    return therapy, not EXPOSURE_CUES.isdisjoint(window)


def _set_against_another(scan: Scan, first: int, last: int, sentence: Span) -> bool:
    """Whether the name (tokens first to last) is one side of a comparison, not the unit both sides share: "T&P
    facilities versus T facilities" compares two kinds of facility, and "facilities", a common noun (lower case)
    that heads both sides, names neither arm."""
    toks = scan.toks
    if not scan.text[scan.starts[last] : scan.ends[last]].islower():
        return True
    lo, hi = bisect_left(scan.starts, sentence[0]), bisect_left(scan.starts, sentence[1])
    return toks[last] not in toks[lo:first] and toks[last] not in toks[last + 1 : hi]


def as_reference(scan: Scan, first: int, sentence: Span) -> bool:
    """Whether the name starting at token `first` is what something is compared against: after "than", "versus" or
    "compared with/to" in the same clause ("shorter than for the LMA", "compared with the patients in the AJ
    group", "than in those with no change (23.7%) or escalation (42.6%)"), with no comma, colon, semicolon or end
    of a sentence between."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    lo = max(bisect_left(starts, sentence[0]), first - REFERENCE_REACH)
    if REFERENCE_WORDS.isdisjoint(toks[lo:first]):
        return False
    for i in range(first - 1, lo - 1, -1):
        gap = text[ends[i] : starts[i + 1]]
        ends_sentence = "." in gap and toks[i] not in REFERENCE_WORDS and text[starts[i + 1]].isupper()
        if ends_sentence or any(c in gap for c in ",;:"):
            return False  # another sentence ("compared with Group I. Lignocaine reduced ..."; not "vs. X"), or clause
        if toks[i] in REFERENCE_WORDS:
            return True
    return False


def _compares_arms_of_people(scan: Scan, sentence: Span) -> bool:
    """Whether a sentence reports a tested comparison (a p-value, a confidence interval, significance) that is not
    about animals or cells: the sides it sets against each other are a trial's arms."""
    if TESTED_RESULT.search(scan.low, *sentence) is None:
        return False
    return not about_animals_or_cells(scan.text[sentence[0] : sentence[1]])
