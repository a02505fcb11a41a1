"""What may be part of a treatment's name, and how a clinician writes that name.

A treatment's name names what was given: a drug, biologic, vaccine, procedure, device, or a behavioural or lifestyle
intervention. A dose ("8 mg", "156 mg injections"), a duration ("3-month treatment"), a number or number word ("only
one group"), a negated phrase ("without oral antipsychotic supplementation") or a description of a study ("study
testing 3 months treatment") is not a name, and none of their words identifies a treatment. What a phrase calls
"the treatment of RDS" or "therapy for hepatitis" is the disease treated, not the treatment.

The words are also what marks a therapeutic frame: a dose quantity ("600 mg", "25 Gy") or a route of administration
("intranasal", "intrathecal") next to a drug says it was given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.per_word import shared_table


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# units of a dose, as the tokeniser splits them ("mg/kg" gives "mg", "kg"); a lone "g" counts after a number
DOSE_UNITS = _words("mg mcg ug iu ius miu gy mmol")
# units that follow "mg" in a concentration ("40 mg/dl"), not a dose
CONCENTRATION_AFTER = _words("dl l ml")
ROUTES = _words(
    "intranasal intranasally intrathecal intrathecally intravenous intravenously oral orally subcutaneous "
    "subcutaneously intramuscular intramuscularly inhaled nebulized nebulised topical topically intravitreal "
    "intra-articular intradermal epidural sublingual transdermal intraperitoneal intraperitoneally intralesional"
)
_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty single double triple "
    "only half once twice thrice"
)
_DOSE_AND_DURATION_WORDS = _words(
    "day days week weeks month months year years hour hours minute minutes daily weekly monthly yearly "
    "short-course long-course long-term short-term dose doses dosage dosing"
)
_NEGATIONS = _words("without no not nor non never")
# "patients on dialysis": who the patients were
# people a statement is about; a population word ("patients on dialysis", "those without") says who
PEOPLE = _words(
    "adults cases children individuals men participants patient patients people persons subjects those women"
)
_POPULATION_WORDS = PEOPLE | {"diabetics"}
# words of a study, its design or its arms: never part of what was given
STUDY_WORDS = _words(
    "study studies trial trials testing tested test evaluating evaluated investigating investigated comparing "
    "compared versus vs cohort placebo-controlled randomized randomised controlled open-label pilot"
)
_DOSE_OR_DURATION = re.compile(
    r"^(?:[\d.,/%×x±–\-]+|(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"[\-–]?(?:mg|g|mcg|µg|μg|ug|iu|ml|gy|kg|day|days|week|weeks|month|months|year|years|hour|hours|h|d|wk|mo|"
    r"times?|fold|cycles?|doses?)(?:/\w+)?|(?:mg|g|mcg|µg|μg|ug|iu|ius|ml|gy|miu|m2)(?:/\w+)*)$"
)
# "25-hydroxyvitamin", "5-fluorouracil": a chemical locant before a name
_LOCANT = re.compile(r"^\d+(?:,\d+)*-(?=[a-z]{4,})")
_VERSION = re.compile(r"^\d+(?:\.\d+)?$")
# "high dose colchicine treatment" reads "colchicine treatment"
_DOSE_LEVEL = re.compile(r"\b(?:high|low|single|standard|full|double)[\s\-]dose\s+", re.IGNORECASE)
# "ofloxacin containing regimen" reads "ofloxacin-containing regimen"
_CONTAINING = re.compile(r"^(\S+) (containing|based) ", re.IGNORECASE)
# words that may open a phrase without saying what was given: "the same E. longifolia extract"
LEADING_FILLER = _words(
    "same such this that these those their its our any some all each both other new novel current existing various "
    "several many multiple different previous prior further additional first second a an the"
)


@shared_table
def is_name_word(word: str) -> bool:
    """Whether a (lower-case, bare) word may identify a treatment: not a dose, a duration, a number or number word,
    a negation or a word of a study's design."""
    return not (
        word in _NUMBER_WORDS
        or word in _DOSE_AND_DURATION_WORDS
        or word in _NEGATIONS
        or word in STUDY_WORDS
        or _DOSE_OR_DURATION.match(word) is not None
    )


def anchor_form(word: str) -> str:
    """A name word as it is matched across statements: without a chemical locant ("25-hydroxyvitamin" and
    "hydroxyvitamin" are one)."""
    return _LOCANT.sub("", word)


def negated_before(before: list[str]) -> bool:
    """Whether the words right before a treatment negate its being given ("without X", "no X", "not X")."""
    return bool(before) and before[-1] in _NEGATIONS


def population_frame(before: list[str]) -> bool:
    """Whether the words right before a treatment say who the patients were rather than what was tested: their
    background treatment ("patients under metformin", "patients on dialysis") or the procedure that defines them
    ("those subjected to ostectomy", "patients undergoing surgery")."""
    if not before:
        return False
    last = before[-1]
    if last in ("under", "undergoing", "underwent") or (last == "to" and before[-2:-1] == ["subjected"]):
        return True
    return last == "on" and before[-2:-1] != [] and before[-2] in _POPULATION_WORDS


def clean_name(name: str) -> str:
    """A treatment's name without the doses, durations and numbers around it and without leading fillers:
    "156 mg injections" -> "injections", "ofloxacin containing 4-month regimen" -> "ofloxacin-containing regimen",
    "same E. longifolia extract" -> "E. longifolia extract"."""
    words = _DOSE_LEVEL.sub("", name).split()
    bare = [w.lower().strip(",;:()[]") for w in words]
    named = [is_name_word(w) for w in bare]
    # a number right after a word of the name and before another (or at its end) is part of it: "Web 2.0", "IL 2"
    kept = [
        w for k, w in enumerate(words)
        if named[k] or (k > 0 and named[k - 1] and _VERSION.match(bare[k]) and (k + 1 == len(words) or named[k + 1]))
    ]
    while len(kept) > 1 and kept[0].lower() in LEADING_FILLER:
        kept.pop(0)
    cleaned = " ".join(kept) if kept else name
    return _CONTAINING.sub(r"\1-\2 ", cleaned)


def dose_in(window: Sequence[str]) -> bool:
    """Whether the words hold a dose: "600 mg", "25 Gy", "1.8 g/day" (not a concentration: "40 mg/dl")."""
    for k, tok in enumerate(window):
        after = window[k + 1] if k + 1 < len(window) else ""
        if tok in DOSE_UNITS and after not in CONCENTRATION_AFTER:
            return True
        if tok == "g" and k and window[k - 1][0].isdigit() and after in ("day", "d", "kg"):
            return True
    return False
