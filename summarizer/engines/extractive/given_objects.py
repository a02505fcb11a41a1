"""Names the grammar of giving makes the object of a verb that says they were given: "patients treated with X",
"those who received X", "the group receiving X", "who were given X", "randomised to receive X".

Such a verb says of its object that someone had it, whatever the object is: a name no list holds ("HAART",
"lyophilized CII", "the carbohydrate drink") or one the lists set aside in running text because it is as often a
molecule of the body or a nutrient ("insulin", "magnesium": treatment_names.NOT_AGENTS), which only a frame of giving
makes a treatment. The verb must have people as its subject or a relative pronoun for them ("who received", "patients
receiving"): "received significant attention" and "given the high risk" give nothing to anyone. The object is the run
of words that may name a treatment (learned_spans.learned_word) after an article, up to punctuation, a function word
or a verb; one that begins with the comparator's word ("received placebo") or a generic word of treatment alone
("received treatment", "receiving the intervention") names no treatment. "Treated with caution" is a manner, not a
thing given. "The addition of X" and "intrathecally administered X" name X as well; the addition says X was added, not
to whom (people or cultured cells), so its frame (treatment_frames.py) decides whether X was given. Verbs that say
people had or did something say the same of their object ("those who wore X", "patients taking X", "who underwent X").
A name in brackets right after an arm's label ("group 3 (sandwich e-learning)") is what that arm had.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.abbreviations import find_definitions
from summarizer.engines.extractive.learned_spans import finite_after_name, learned_first_word, learned_word
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_names import (
    ARM_WORDS,
    DOCUMENT_WORDS,
    NOT_IN_LEARNED_NAMES,
    PEOPLE,
    TRAILING_PUNCT,
    names_comparator,
)

__all__ = ["GIVING_WORDS", "bracketed_arm_spans", "given_object_spans"]

# the verbs whose object was given; only these need to be in a statement for the rule to look further
GIVING_WORDS = frozenset({
    "treated", "received", "receive", "receives", "receiving", "given", "addition", "administered",
    # people had or did it: "those who wore X", "patients taking X", "who underwent X"
    "wore", "wearing", "took", "taking", "underwent", "undergoing",
})
# the participles that follow the people who had their object with no relative pronoun ("patients taking X")
_HAVING_PARTICIPLES = frozenset({"receiving", "given", "wearing", "taking", "undergoing"})
# "who took part", "who took time off": an idiom, no object had
_IDIOMS = frozenset({"part", "place", "time"})
# had beside the trial's treatment, in every arm: "patients taking concomitant medications" names no arm
_ALONGSIDE = frozenset({"concomitant", "background", "rescue"})
# a participle of giving that says before a noun that it was given ("intrathecally administered magnesium"); after an
# auxiliary it is a passive whose subject came before ("X was administered"). Not "injected" or "infused", said of
# the site as often ("injected muscles")
_GIVEN_BEFORE_NOUN = frozenset({"administered"})
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_RELATIVES = frozenset({"who", "that"})
# the auxiliaries between a relative pronoun and its verb: "who had received", "who were given"
_AUXILIARIES = frozenset({"had", "have", "has", "having", "were", "was", "also", "all", "then", "subsequently"})
# what a trial's people are called before "receiving" or "given" with no relative pronoun ("patients receiving X",
# "the group receiving X", "those given X")
_RECIPIENTS = PEOPLE | ARM_WORDS | frozenset({"those", "cohort", "cohorts", "infants", "neonates", "mothers"})
_RANDOMISED = frozenset({"randomised", "randomized", "allocated", "assigned"})
_ARTICLES = frozenset({"the", "a", "an", "either"})
_AMOUNTS = frozenset({"dose", "doses", "course", "courses", "cycle", "cycles", "injection", "injections"})
# how it was given, right after the verb ("fentanyl administered alone", "given once"): no name
_HOW_GIVEN = frozenset({"alone", "only", "together", "once", "twice", "thrice", "again", "first", "later"})
# the manner of "treated with": "results should be treated with caution"
_MANNERS = frozenset({"caution", "care", "respect", "suspicion", "scepticism", "skepticism"})
# no object that was had: a manner, how it was given, an idiom, what every arm had beside the trial's treatment
_NO_OBJECT = _MANNERS | _HOW_GIVEN | _IDIOMS | _ALONGSIDE
# words of treatment in general: alone, they say that something was given, not what
_GENERIC = frozenset({
    "treatment", "treatments", "therapy", "therapies", "intervention", "interventions", "medication", "medications",
    "drug", "drugs", "active", "standard", "usual", "regimen", "regimens", "care", "study", "same", "allocated",
    "assigned", "one", "two", "three", "both", "all", "any", "no", "either", "other", "additional",
    # how much of it: "repeated therapy cycles", "multiple courses", "high doses"
    "repeated", "multiple", "several", "high", "low", "cycle", "cycles", "course", "courses", "dose", "doses",
})
# a class word in apposition before the name ("the vasoconstrictor agent terlipressin"): the name follows it
_CLASS_WORDS = frozenset({"agent", "agents", "drug", "drugs", "medication", "medications", "compound", "compounds"})
_NAME_WORDS = 4
# the first words of English prepositions of two words with "to" ("radiotherapy prior to surgery", "X similar to Y"):
# no word of the name before them
_BEFORE_TO = frozenset({
    "prior", "due", "according", "owing", "next", "close", "similar", "equivalent", "compared", "relative",
    "secondary", "subsequent", "adjacent", "identical", "superior", "inferior", "preferable",
})
# English verbs whose past is not written with -ed (learned_spans.finite_after_name reads those): after a name, the
# statement's verb ("infants given zinc grew faster"), never a word of the name
_IRREGULAR_PASTS = frozenset({
    "fell", "rose", "grew", "had", "did", "saw", "lost", "kept", "made", "became", "took", "went", "came", "felt",
    "spent", "gave", "left", "began", "ran", "slept", "ate", "drank", "wore", "won", "got", "held", "met", "led",
})


def _object_start(toks: list[str], i: int) -> int | None:
    """Where the object of a verb of giving at token i begins, when the verb's subject is people (named, or a
    relative pronoun for them); None when token i is no such verb."""
    tok = toks[i]
    before = toks[i - 1] if i > 0 else ""
    if tok == "treated":
        return i + 2 if toks[i + 1 : i + 2] == ["with"] else None
    if tok == "addition":
        return i + 2 if toks[i + 1 : i + 2] == ["of"] else None  # "the addition of X (to Y)"
    if tok in _GIVEN_BEFORE_NOUN:
        return None if before in _PASSIVE_AUXILIARIES or toks[i + 1 : i + 2] in (["to"], ["by"]) else i + 1
    if tok == "receive" and before == "to" and i > 1 and toks[i - 2] in _RANDOMISED:
        return i + 1  # "randomised to receive X"
    back = i - 1
    while back >= 0 and toks[back] in _AUXILIARIES:
        back -= 1
    if back >= 0 and toks[back] in _RELATIVES:
        return i + 1  # "who received X", "who were given X", "those who had received X"
    if back > 0 and toks[back] == "which" and toks[back - 1] in _RECIPIENTS:
        return i + 1  # "the group which received X" ("which received attention" gives nothing to anyone)
    if back >= 0 and back < i - 1 and toks[back] in _RECIPIENTS:
        return i + 1  # "mothers had received X", "one group had received X", "those having received X"
    if tok in _HAVING_PARTICIPLES and before in _RECIPIENTS:
        return i + 1  # "patients receiving X", "the group receiving X", "infants given X"
    return None


def _closed_off(scan: Scan, i: int) -> bool:
    """Whether punctuation stands between word i and the next ("X, [5] and"): the name ends at word i."""
    return any(c in scan.text[scan.ends[i] : scan.starts[i + 1]] for c in TRAILING_PUNCT + ".")


def _object_span(scan: Scan, first: int) -> tuple[int, int] | None:
    """The first and last word of the name that begins at word first (after an article), or None where no name of
    a treatment begins there."""
    toks = scan.toks
    while first < len(toks) and toks[first] in _ARTICLES:
        first += 1
    first = _past_the_amount(toks, first)
    if first >= len(toks) or toks[first] in _NO_OBJECT or not learned_first_word(toks[first]):
        return None
    if names_comparator(toks[first]):
        return None
    last = first
    while (
        last + 1 < len(toks)
        and last - first + 1 < _NAME_WORDS
        and not _closed_off(scan, last)
        and (_code_number(scan, last) or _name_word(toks, last + 1))
    ):
        last += 1
    if all(tok in _GENERIC for tok in toks[first : last + 1] if not tok.isdigit()):
        return None
    classed = [k for k in range(first, last) if toks[k] in _CLASS_WORDS]
    return (classed[-1] + 1 if classed else first), last


def _past_the_amount(toks: list[str], first: int) -> int:
    """Where the name begins after how much of it was given ("monthly doses of oral X", "a fifth dose of X", "two
    courses of X"): after the "of" that follows the amount's noun, within three words; first where there is none."""
    for k in range(first, min(first + 3, len(toks) - 1)):
        if toks[k] in _AMOUNTS and toks[k + 1] == "of":
            after = k + 2
            while after < len(toks) and toks[after] in _ARTICLES:
                after += 1
            return after
    return first


def _name_word(toks: list[str], i: int) -> bool:
    """Whether word i, after a name's word, goes on with the name: not a function word nor the statement's verb."""
    return (
        learned_word(toks[i]) and not finite_after_name(toks, i) and toks[i] not in _IRREGULAR_PASTS
        and not (toks[i] in _BEFORE_TO and toks[i + 1 : i + 2] == ["to"])
    )


def _code_number(scan: Scan, last: int) -> bool:
    """Whether the token after a name's word is the number of a code written into it or joined by a hyphen
    ("IL-2", "COX-2"): part of the name."""
    after = last + 1
    return scan.toks[after].isdigit() and scan.text[scan.ends[last] : scan.starts[after]] in ("-", "")


# an arm's label: a capital letter or two, a roman numeral, a number ("group B", "arm II", "group 3")
_ARM_LABEL = re.compile(r"(?:[A-Z]{1,2}|[IVX]{1,4}|\d{1,2})")
# what may open the bracket before the name ("Arm 2 (with DNA vaccine)", "group B (oral X)")
_BRACKET_OPENERS = frozenset({"with", "receiving", "given", "treated"})
# words of a table, a figure or a statistic: a bracket that holds them holds no name
_NOT_NAMES = DOCUMENT_WORDS | NOT_IN_LEARNED_NAMES


def bracketed_arm_spans(scan: Scan) -> list[tuple[int, int, int, int, bool]]:
    """The names written in brackets right after an arm's label ("group 3 (sandwich e-learning)", "Group II
    (diclofenac K only)"): what that arm had, given (char start, char end, first and last token, True). Not a
    bracket of figures or of the arm's size ("Group O (from 0.6 to 1.5)", "group A (n = 16)"), nor one that names
    the comparator ("group A (control)"), people or another arm ("group 1 (experimental group)")."""
    toks, text = scan.toks, scan.text
    if "(" not in text or ARM_WORDS.isdisjoint(toks):
        return []
    spans = []
    for i, tok in enumerate(toks[:-2]):
        if tok not in ARM_WORDS or not _ARM_LABEL.fullmatch(text[scan.starts[i + 1] : scan.ends[i + 1]]):
            continue
        if text[scan.ends[i + 1] : scan.starts[i + 2]].strip() != "(":
            continue
        first = i + 3 if toks[i + 2] in _BRACKET_OPENERS else i + 2
        found = _object_span(scan, first) if first < len(toks) else None
        if found is None or ")" in text[scan.ends[i + 1] : scan.ends[found[1]]]:
            continue
        named = toks[found[0] : found[1] + 1]
        if len(toks[found[0]]) < 2 or any(w in PEOPLE or w in ARM_WORDS or w in _NOT_NAMES for w in named):
            continue
        spans.append((scan.starts[found[0]], scan.ends[found[1]], found[0], found[1], True))
    return spans



def given_object_spans(scan: Scan) -> list[tuple[int, int, int, int, bool]]:
    """The names a statement makes the object of a verb of giving (char start, char end, first and last token, and
    given: always, as the verb says)."""
    toks = scan.toks
    if GIVING_WORDS.isdisjoint(toks):
        return []
    # a short form the statement defines ("corticosteroid (CS)-treated patients ... treated with CS") is named by
    # its long form, which the lists read
    defined = {definition.short.lower() for definition in find_definitions(scan.text)} if "(" in scan.text else set()
    spans = []
    for i, tok in enumerate(toks[:-1]):
        if tok not in GIVING_WORDS:
            continue
        start = _object_start(toks, i)
        if start is None or start >= len(toks) or _closed_off(scan, start - 1):
            continue
        found = _object_span(scan, start)
        if found is not None and not (found[0] == found[1] and toks[found[0]] in defined):
            first, last = found
            # "the addition of X" says X was added, not to whom: to people or to cells, its frame decides
            spans.append((scan.starts[first], scan.ends[last], first, last, tok != "addition"))
    return spans
