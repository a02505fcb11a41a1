"""The PICO reader's intervention spans as treatment names (treatments.py): which words may be part of such a name
and where one begins and ends. A span the reader tags as one intervention may name two arms joined by "and", "or" or
"versus" ("LMQs and OEQs", "the aceclofenac CR and aceclofenac IR"): each is a name of its own."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from summarizer.engines.extractive.comparison_boundary import is_comparison_boundary
from summarizer.engines.extractive.cues import ADVERB_ENDINGS
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatment_names import (
    ARM_WORDS,
    COMPARATOR,
    DOCUMENT_WORDS,
    NOT_ARMS,
    NOT_IN_LEARNED_NAMES,
    PEOPLE,
    ROMAN_NUMERAL,
    STOP_BEFORE,
    TRAILING_PUNCT,
    VERBS,
    is_name_word,
)

# the size of a dose, before the word "dose": "high dose", "low doses"
DOSE_SIZES = frozenset({"high", "low", "medium", "moderate", "standard", "single", "double", "full", "half"})
_DOSE_WORDS = frozenset({"dose", "doses", "dosage", "dosages"})


def learned_word(tok: str) -> bool:
    """Whether a word may be part of a treatment's name read by the PICO reader: not a function word, an arm's
    word, a number, a dose or a word of the study's design."""
    return (
        len(tok) > 1
        and any(c.isalpha() for c in tok)
        and tok not in STOP_BEFORE
        and tok not in ARM_WORDS
        and tok not in NOT_ARMS
        and tok not in DOCUMENT_WORDS
        and tok not in NOT_IN_LEARNED_NAMES
        and tok not in VERBS
        and not is_comparison_boundary(tok)  # "X over placebo", "X vesus placebo" (comparison_boundary.py)
        and not tok.endswith(ADVERB_ENDINGS)
        and is_name_word(tok)
    )


def learned_first_word(tok: str) -> bool:
    """Whether a word may begin a treatment's name read by the PICO reader: a name's word that is not a group's
    numeral ("group II") nor the people given it ("women ramipril")."""
    return learned_word(tok) and ROMAN_NUMERAL.match(tok) is None and tok not in PEOPLE


def learned_spans(scan: Scan, learned: Iterable[Span]) -> list[tuple[int, int, int, int, bool]]:
    """The PICO reader's intervention spans (character offsets) as names: from the first word that may name a
    treatment through the run of such words that follows, up to punctuation. A span whose name begins with a
    comparator's word is the other arm and is left out. Whether it was given is read from its frame, as for a
    listed name (the reader's tag alone is not enough: it tags proteins and exposures in basic science too)."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    spans = []
    for start, end in learned:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        while first < stop and toks[first] not in COMPARATOR and not learned_first_word(toks[first]):
            first += 1
        if first >= stop or toks[first] in COMPARATOR:
            continue
        if first > 0 and bisect_left(starts, start) < first and _glued_number(scan, first - 1):
            first -= 1  # "4LB": the number written into a code is part of it
        if first > 0 and _counted(scan, first - 1) and text[starts[first] : ends[first]].islower():
            continue  # "17 pharmacies", "40 patients": units counted, not what they were given
        last = first
        while last + 1 < stop and not toks[last].endswith(("'s", "’s")) and (  # a possessive ends the name
            _code_number(scan, last)
            or learned_word(toks[last + 1]) and not finite_after_name(toks, last + 1) and not _dose_size(toks, last + 1)
            and not any(
                c in text[ends[last] : starts[last + 1]] for c in TRAILING_PUNCT
            )
        ):
            last += 1
        if all(tok.endswith("ed") and not _treated_with(tok) and not _caused_harms(toks, k)
               for k, tok in enumerate(toks[first : last + 1], start=first)):
            continue  # "treated", "supplemented": what was done, not what was given ("X-treated" names X)
        if toks[last] in PEOPLE:
            continue  # "nonsmoking participants": whom a name's head names, not what they were given
        spans.append((starts[first], ends[last], first, last, False))
    return spans


def _code_number(scan: Scan, last: int) -> bool:
    """Whether the token after a name's word is the number of a code the hyphen joins it to or that is written into
    it ("IL-2", "nonoxynol-9", "COX-2", "SB2", "TiF4"): part of the name, though a number alone is no name's word."""
    after = last + 1
    return scan.toks[after].isdigit() and scan.text[scan.ends[last] : scan.starts[after]] in ("-", "")


def _dose_size(toks: Sequence[str], i: int) -> bool:
    """Whether word i says the size of a dose named after it ("LY2811376 high dose", "X low doses"): the arm's dose,
    not a word of the name."""
    return toks[i] in DOSE_SIZES and i + 1 < len(toks) and toks[i + 1] in _DOSE_WORDS


def _counted(scan: Scan, i: int) -> bool:
    """Whether token i is a whole number that counts what follows ("17 pharmacies"): not the decimals of a value
    ("3·01 retinol versus 3·15 control", a rate per arm), which the tokens split at the decimal point."""
    if not scan.toks[i].isdigit():
        return False
    start = scan.starts[i]
    if i == 0 or scan.ends[i - 1] != start - 1 or not scan.toks[i - 1].isdigit():
        return True
    point = scan.text[start - 1]
    # "3·01", "0.92", "3,01"; not the thousands of "1,200 pharmacies"
    return not (point in ".·" or (point == "," and len(scan.toks[i]) != 3))


def _glued_number(scan: Scan, i: int) -> bool:
    """Whether token i is a number written into the word after it ("4LB", "3MIX"): the tokens split a code at the
    change from digits to letters, the text has no space there."""
    return scan.toks[i].isdigit() and scan.ends[i] == scan.starts[i + 1]


def _treated_with(tok: str) -> bool:
    """Whether a participle names what was given before its hyphen: "efalizumab-treated", "insulin-treated" (the
    name's anchor is the word before it: treatment_names.CAUSE_SUFFIX)."""
    head, _, participle = tok.rpartition("-")
    return participle == "treated" and learned_first_word(head)


# a participle after a name's hyphen that makes it the cause of the harms named next ("GH-associated side effects",
# "X-related adverse events", "X-induced toxicity"): side effects are a given thing's (treatment_frames reads the
# frame); "HIV-associated nephropathy" is a disease's, and no name
_CAUSING = ("-associated", "-related", "-induced")
_HARM_HEADS = frozenset({"side", "adverse", "toxicity", "toxicities"})


def _caused_harms(toks: Sequence[str], i: int) -> bool:
    """Whether word i is a name joined to a participle of causing, before the harms it caused ("GH-associated side
    effects"): the name before the hyphen was given."""
    head, _, _ = toks[i].rpartition("-")
    return (
        toks[i].endswith(_CAUSING) and learned_first_word(head) and i + 1 < len(toks) and toks[i + 1] in _HARM_HEADS
    )


def finite_after_name(toks: Sequence[str], i: int) -> bool:
    """Whether word i, after a name's word, is a verb in the past ("SLED needed fewer transfusions"): a word in -ed
    after one that is not (a name's participles come first: "pegylated interferon", "activated charcoal")."""
    return past_form(toks[i]) and not past_form(toks[i - 1])


def past_form(tok: str) -> bool:
    return len(tok) > 4 and tok.endswith("ed") and "-" not in tok  # "marrow-derived" is an adjective
