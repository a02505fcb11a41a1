"""How a sentence frames a treatment it names: as something given (a therapy), as an exposure, or as what another
arm is compared against (treatments.py reads the names; the words are in treatment_names.py)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from summarizer.design import about_animals_or_cells
from summarizer.engines.extractive.clinical_context import names_people_or_trial
from summarizer.engines.extractive.cues import CONTROL_WORDS, TESTED_RESULT, may_start_outcome_verb
from summarizer.engines.extractive.result_cues import HELD_BACK, SLOWING_VERBS
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import Span
from summarizer.engines.extractive.treatment_mention import TreatmentMention
from summarizer.engines.extractive.treatment_names import (
    ARM_WORDS,
    ASSIGNED_TO,
    BE,
    BIOLOGY_AFTER,
    COMPARATIVES,
    DETERMINERS,
    EXPOSURE_CUES,
    GIVEN_OF,
    INTRANSITIVE_AFTER,
    PEOPLE,
    RESULT_VERBS,
    ROUTES,
    STOP_BEFORE,
    SUBJECT_ADVERBS,
    TESTED_OF,
    TESTED_PREDICATES,
    THERAPY_CUES,
    dose_in,
)

__all__ = [
    "ARMS_SET_AGAINST", "FRAME_WINDOW", "REFERENCE_WORDS", "as_reference", "frames", "named_as_tested", "parallel_arms"
]

# how many words either side of a name its frame is read from (treatment_names.THERAPY_CUES, EXPOSURE_CUES)
FRAME_WINDOW = 4
ARMS_SET_AGAINST = frozenset({"versus", "vs", "vs.", "compared", "than"})
# the words after which, in the same clause, a name is what another arm is compared against
REFERENCE_WORDS = ARMS_SET_AGAINST
REFERENCE_REACH = 12
# how many adverbs may stand between a subject and its verb ("X also significantly reduced")
_ADVERBS_BETWEEN = 3
# how many words after a result verb may say what changed ("X resulted in a significant reduction")
_RESULT_REACH = 4
_BREAKS = frozenset(",;:()[]")
_WORDS_BEFORE_NAME = 2
# the prepositions before an arm's name in a result ("12.1 months with X", "23% for X"); not those of time ("after X"
# is as often a time point: "after intubation")
ARM_PREPOSITIONS = frozenset({"with", "for", "receiving", "using"})


def frames(scan: Scan, first: int, last: int, sentence: Span) -> tuple[bool, bool]:
    """Whether the name (tokens first to last) sits in a therapy frame (a treatment word, a route, a dose, or one arm
    set against another in a tested comparison of people, within FRAME_WINDOW words of it in its sentence; or the
    grammar that names what was tested, named_as_tested), and whether in an exposure frame (within FRAME_WINDOW)."""
    toks, starts = scan.toks, scan.starts
    opens, closes = bisect_left(starts, sentence[0]), bisect_left(starts, sentence[1])
    lo = max(first - FRAME_WINDOW, opens)
    hi = min(last + FRAME_WINDOW + 1, closes)
    window = toks[lo:hi]
    therapy = not (THERAPY_CUES.isdisjoint(window) and ROUTES.isdisjoint(window)) or (
        "-treated" in scan.low and any(t.endswith("-treated") for t in window)
    ) or dose_in(window) or (
        not ARMS_SET_AGAINST.isdisjoint(window) and _set_against_another(scan, first, last, sentence)
        and _compares_arms_of_people(scan, sentence)
    ) or named_as_tested(scan, first, last, opens, closes)
    return therapy, not EXPOSURE_CUES.isdisjoint(window)


def named_as_tested(scan: Scan, first: int, last: int, opens: int, closes: int) -> bool:
    """Whether the grammar around a name (tokens first to last, in a sentence of tokens opens to closes) says it is
    what a study tested: "the effect of X", "the addition of X", "the use of X" (treatment_names.GIVEN_OF);
    "patients assigned to X", "allocation to X" (ASSIGNED_TO); or X the subject of a result, in a sentence that is
    not about animals or cells: "X significantly reduced the risk", "X was effective", "X had a lower rate than Y"
    (_subject_of_result)."""
    toks = scan.toks
    if last + 1 < closes and toks[last + 1] in BIOLOGY_AFTER:
        return False  # "the effects of IL-10 deficiency": biology, not something given
    # the preposition right before the name, or before up to _WORDS_BEFORE_NAME words of it the reader left out
    # ("the efficacy of hypertonic saline hydroxyethyl starch", the drug's name being the last two)
    at = first - 1
    while at > opens and first - at <= _WORDS_BEFORE_NAME and toks[at] not in STOP_BEFORE:
        at -= 1
    if at > opens and toks[at] in _ARTICLES:
        at -= 1  # "the effectiveness of the X": the article after "of" is skipped
    at = _before_dose_of(toks, at, opens)  # "the superiority of 2.0 ml/kg of X": the dose given "of" X is skipped
    framed = at - 1 >= opens and (
        (toks[at] == "of" and toks[at - 1] in GIVEN_OF) or (toks[at] == "to" and toks[at - 1] in ASSIGNED_TO)
    ) and _joined(scan, at - 1, first)
    framed = framed or _harms_or_effect_of(scan, last, closes)
    if not framed:
        tested_of = at - 1 >= opens and toks[at] == "of" and toks[at - 1] in TESTED_OF and _joined(scan, at - 1, first)
        if not (tested_of or _subject_of_result(scan, last, closes) or _found_to_be(toks, first, last, opens, closes)):
            return False
        start, end = scan.starts[opens], scan.ends[closes - 1]
        if TESTED_RESULT.search(scan.low, start, end) is None and not names_people_or_trial(scan.low, start, end):
            # a result of a trial reports a test, or names the people it was given to or the trial (a placebo,
            # randomisation: clinical_context.py)
            return False
    return not about_animals_or_cells(scan.text[scan.starts[opens] : scan.ends[closes - 1]])


# the articles that may stand between "of" or "to" and the name ("the efficacy of the X", "assigned to the X")
_ARTICLES = frozenset({"the", "a", "an"})
# a participle after a name's hyphen that makes it the cause of what follows ("GH-associated side effects")
_CAUSING = ("-associated", "-related", "-induced")
_HARM_HEADS = frozenset({"side", "adverse", "toxicity", "toxicities"})
# the goodness a possessive says a given thing's effect had ("X's beneficial effect"); the reader keeps "'s" on the
# name's last token or splits it off as "s"
_GOOD_EFFECT = frozenset({"beneficial", "therapeutic", "protective"})


def _harms_or_effect_of(scan: Scan, last: int, closes: int) -> bool:
    """Whether the name ending at token `last` is what caused side effects or adverse events ("GH-associated side
    effects", "X-related toxicity") or has a good effect in the possessive ("PIO's beneficial effect on Y"): both are
    said only of something given."""
    toks = scan.toks
    after = last + 1
    if toks[last].endswith(_CAUSING):
        return after < closes and toks[after] in _HARM_HEADS
    if after < closes and toks[after] == "s" and scan.text[scan.ends[last] : scan.starts[after]] in ("'", "’"):
        after += 1  # "X ' s": the possessive split off
    elif not toks[last].endswith(("'s", "’s")):
        return False
    return after + 1 < closes and toks[after] in _GOOD_EFFECT and toks[after + 1] in ("effect", "effects")


# how many tokens a dose given "of" a name may have ("2.0 ml kg", "500 mg", "10 ml")
_DOSE_REACH = 3
_DOSE_SIZE = frozenset({"ml", "l", "kg", "g", "mg", "mcg", "ug", "iu", "miu", "mmol", "units", "unit", "doses", "dose"})


def _before_dose_of(toks: Sequence[str], at: int, opens: int) -> int:
    """The token before a dose given "of" the name when token `at` is that "of" ("the efficacy of 2.0 ml/kg of X",
    "the addition of 100 mg of X": the "of" before the dose), else `at`: a number, then up to _DOSE_REACH words of
    its unit, then "of"."""
    if toks[at] != "of":
        return at
    k = at - 1
    while k > opens and at - k <= _DOSE_REACH and toks[k] in _DOSE_SIZE:
        k -= 1
    if k == at - 1 or k - 1 < opens or not toks[k][:1].isdigit() or toks[k - 1] != "of":
        return at
    return k - 1


def _joined(scan: Scan, i: int, j: int) -> bool:
    """Whether no punctuation that breaks a phrase stands between tokens i and j."""
    return _BREAKS.isdisjoint(scan.text[scan.ends[i] : scan.starts[j]])


# "X slowed the decline in Y": a worsening held back (cues.HALTED)
_DECLINE = frozenset({"decline", "deterioration"})


def _subject_of_result(scan: Scan, last: int, closes: int) -> bool:
    """Whether the name ending at token `last` is the subject of a result: a verb of change with an object ("X
    reduced the risk", "X significantly lowered pain"; not "Y increased after X", "Y fell by 20%"), a tested predicate
    ("X was effective", "X is superior to"), denied or set equal ("X was not effective", "X was no more effective
    than Y", "X was as effective as Y", "X was ineffective"), or a result verb with a change or a comparison ("X
    resulted in a greater reduction", "X had a lower rate than Y"). A word for the arm's people may follow the name
    ("X participants improved their strength"), and adverbs may stand before the verb."""
    toks = scan.toks
    j = last + 1
    if j < closes and (toks[j] in PEOPLE or toks[j] in ARM_WORDS):
        j += 1
    while j < closes and j - last <= _ADVERBS_BETWEEN and (toks[j] in SUBJECT_ADVERBS or toks[j].endswith("ly")):
        j += 1
    if j + 1 >= closes:
        return False
    if (toks[j] in _CONJUNCTIONS or toks[j + 1] in _CONJUNCTIONS) and _coordinated_with_predicate(scan, last, closes):
        return True
    verb, after = toks[j], toks[j + 1]
    if _said_to_be(toks, j, closes):
        return True
    if (verb in _AUXILIARIES and after == "not") or (verb == "failed" and after == "to"):
        return _negated_result(scan, j + 2, closes)
    if verb in SLOWING_VERBS:  # "X slowed the progression of Y": Y held back
        k = j + 2 if after == "the" else j + 1
        return k < closes and (toks[k] in HELD_BACK or toks[k] in _DECLINE) and _joined(scan, last, k)
    if not (
        verb in BE or verb in RESULT_VERBS or verb in _OFFERING or may_start_outcome_verb(verb)
    ) or not _joined(scan, last, j + 1):
        return False
    if verb in BE:
        k = _past_modifiers(toks, j + 1, closes)
        if k + 1 < closes and toks[k] == "associated" and toks[k + 1] == "with":
            return _changed_within(toks, k + 2, closes)  # "X was associated with more bleeding"
        return k < closes and toks[k] in _PREDICATES_OF_GIVEN
    if verb in _OFFERING:  # "X offered no advantage over Y", "X demonstrated efficacy in Y"
        return not _OFFERED.isdisjoint(toks[j + 1 : min(closes, j + 1 + _RESULT_REACH)])
    if verb in RESULT_VERBS:
        if after == "no":  # "X had no (significant) effect on Y"
            return not _NULL_RESULT.isdisjoint(toks[j + 2 : min(closes, j + 4)])
        # "X showed a change", "X has (previously) demonstrated efficacy", "X had similar efficacy to Y"
        return _changed_within(toks, j + 1, closes) or not _TESTED_NOUNS.isdisjoint(
            toks[j + 1 : min(closes, j + 1 + _RESULT_REACH)]
        )
    if not (verb.endswith(("ed", "es", "s")) and may_start_outcome_verb(verb)):
        return False
    # a transitive verb: its object begins with a determiner or a content word, or a number joined to its unit
    # ("X reduced 28-day mortality")
    return after in DETERMINERS or _counted_measure(scan, j + 1, closes) or (
        after[0].isalpha() and after not in STOP_BEFORE and after not in SUBJECT_ADVERBS and after not in COMPARATIVES
        and after not in INTRANSITIVE_AFTER and not after.endswith("ly")
    )


# the conjunctions of a coordinated subject, and how many words its other conjunct may have
_CONJUNCTIONS = frozenset({"and", "or"})
_CONJUNCT_WORDS = 3


def _coordinated_with_predicate(scan: Scan, last: int, closes: int) -> bool:
    """Whether the name ending at token `last` is one conjunct of a subject whose predicate is said only of something
    given: "X and Y were equally effective", "X CR and X IR were found to be safe", "X and Y had similar efficacy" (one
    word the name left out may stand before the conjunction). Both arms were tested; a predicate of change is not
    enough here ("insulin and glucose levels were higher" names measures)."""
    toks = scan.toks
    k = last + 1
    if toks[k] not in _CONJUNCTIONS:
        k += 1
    if k >= closes or toks[k] not in _CONJUNCTIONS:
        return False
    for v in range(k + 2, min(closes, k + 2 + _CONJUNCT_WORDS)):
        if toks[v] in BE:
            if not _joined(scan, last, v):
                return False
            after = _past_modifiers(toks, v + 1, closes)
            return _said_to_be(toks, v, closes) or (after < closes and toks[after] in _PREDICATES_OF_GIVEN)
        if toks[v] in RESULT_VERBS:  # "X and Y had similar efficacy"
            reach = toks[v + 1 : min(closes, v + 1 + _RESULT_REACH)]
            return _joined(scan, last, v) and not _TESTED_NOUNS.isdisjoint(reach)
    return False


def _counted_measure(scan: Scan, k: int, closes: int) -> bool:
    """Whether token k is a number a hyphen joins to the word after it, a measure's time or size ("28-day
    mortality", "6-minute walk distance"), not a number of its own ("reduced 12 of 20")."""
    return k + 1 < closes and scan.toks[k].isdigit() and scan.text[scan.ends[k] : scan.starts[k + 1]] == "-"


# what may stand between "was" and a tested predicate, besides comparatives and adverbs: a negation, the terms of an
# equality or how well it was borne ("X was not effective", "X was no more effective than Y", "X was as effective as
# Y", "X was well tolerated")
_BEFORE_PREDICATE = frozenset({"not", "no", "as", "equally", "more", "well"})
# the predicates said only of something given: the tested ones (treatment_names.TESTED_PREDICATES), those that deny
# the result ("X was ineffective") and those of its safety ("X was safe", "X was well tolerated")
_PREDICATES_OF_GIVEN = TESTED_PREDICATES | frozenset({"ineffective", "inefficacious", "safe", "tolerated"})
# verbs whose subject gave (or did not give) a benefit named as their object: "X offered no advantage over Y", "X
# provided a significant benefit", "X conferred no additional benefit", "X demonstrated efficacy"
_OFFERING = frozenset({"offered", "offers", "provided", "provides", "conferred", "confers", "afforded", "affords",
                       "demonstrated", "demonstrates"})
# the nouns of a tested treatment's result, which a treatment shows or has: "X showed superiority over Y", "X had
# similar efficacy to Y"
_TESTED_NOUNS = frozenset({"efficacy", "effectiveness", "superiority", "non-inferiority", "noninferiority"})
# the verbs of a finding after which the predicate follows without "to be": "X proved effective", "X appeared safe"
_FOUND_WITHOUT_TO_BE = frozenset({"proved", "proven", "appeared", "appears", "seemed", "seems"})


# the verbs of a finding whose object is then said "to be" what was found ("found X to be effective", "reported X to
# be equal or superior to Y"); the predicates of such a finding include those of a comparison of treatments
_FINDING_VERBS = frozenset({"found", "reported", "showed", "shown", "demonstrated", "proved", "proven"})
_FOUND_PREDICATES = frozenset({"equal", "equivalent"})


def _found_to_be(toks: Sequence[str], first: int, last: int, opens: int, closes: int) -> bool:
    """Whether the name (tokens first to last) is the object of a finding said "to be" a predicate of something given
    ("studies found X to be effective", "reported X to be equal or superior to Y")."""
    if first - 1 < opens or toks[first - 1] not in _FINDING_VERBS:
        return False
    if last + 3 >= closes or toks[last + 1] != "to" or toks[last + 2] != "be":
        return False
    k = _past_modifiers(toks, last + 3, closes)
    return k < closes and (toks[k] in _PREDICATES_OF_GIVEN or toks[k] in _FOUND_PREDICATES)


# the auxiliaries of a negated result ("X did not reduce Y", "X does not improve Y", "X could not shorten Y")
_AUXILIARIES = frozenset({"did", "does", "do", "could"})
# a treatment's result said to be absent: "X had no effect on Y", "X did not show a benefit"; not "a difference" or
# "an improvement", which a measure has or shows as often ("the number of infants with Y had no difference")
_NULL_RESULT = frozenset({"effect", "effects", "impact", "benefit", "benefits", "advantage", "advantages"})
_SHOWING = frozenset({"show", "demonstrate", "produce", "have", "provide", "confer", "achieve"})
_OFFERED = _NULL_RESULT | _TESTED_NOUNS


# the verbs of a finding said of its subject ("X has been shown to be effective", "X proved to be superior", "found X
# to be non-inferior")
_SAID = frozenset({"has", "have", "had", "was", "were", "is", "are", "been", "shown", "proven", "proved", "reported",
                   "found", "demonstrated", "appears", "appeared", "seems", "seemed"})


def _said_to_be(toks: Sequence[str], j: int, closes: int) -> bool:
    """Whether the words from token j say their subject was found to be effective (TESTED_PREDICATES): up to three
    verbs of a finding, then "to be", then the predicate, comparatives and adverbs allowed before it ("X has been
    shown to be more effective than Y", "found X to be non-inferior to Y")."""
    k = j
    while k < closes and k - j < 3 and toks[k] in _SAID:
        k += 1
    if k > j and toks[k - 1] in _FOUND_WITHOUT_TO_BE and k < closes and toks[k] != "to":
        k = _past_modifiers(toks, k, closes)  # "X proved effective", "X has proven no more effective than Y"
        return k < closes and toks[k] in _PREDICATES_OF_GIVEN
    if k + 2 >= closes or toks[k] != "to" or toks[k + 1] != "be":
        return False
    k = _past_modifiers(toks, k + 2, closes)
    return k < closes and toks[k] in _PREDICATES_OF_GIVEN


def _past_modifiers(toks: Sequence[str], k: int, closes: int) -> int:
    """The token after up to _ADVERBS_BETWEEN + 1 words from token k that may stand before a predicate: comparatives,
    adverbs, a negation, the terms of an equality (_BEFORE_PREDICATE)."""
    start = k
    while k < closes and k - start <= _ADVERBS_BETWEEN and (
        toks[k] in COMPARATIVES or toks[k] in _BEFORE_PREDICATE or toks[k].endswith("ly")
    ):
        k += 1
    return k


def _changed_within(toks: Sequence[str], k: int, closes: int) -> bool:
    """Whether a comparison or a change is said within _RESULT_REACH words from token k ("more bleeding", "a greater
    reduction", "lower rates")."""
    return any(w in COMPARATIVES or may_start_outcome_verb(w) for w in toks[k : min(closes, k + _RESULT_REACH)])


def _negated_result(scan: Scan, j: int, closes: int) -> bool:
    """Whether the words from token j, after "did not", "does not", "failed to", are a result denied: a verb of change
    with its object ("X did not reduce mortality", "X failed to improve survival"), or a result shown or had that
    is none ("X failed to show a benefit", "X did not have a significant effect on Y")."""
    toks = scan.toks
    while j < closes and (toks[j] in SUBJECT_ADVERBS or toks[j].endswith("ly")):
        j += 1
    if j + 1 >= closes:
        return False
    verb, after = toks[j], toks[j + 1]
    if verb in _SHOWING:
        return not _NULL_RESULT.isdisjoint(toks[j + 1 : min(closes, j + 1 + _RESULT_REACH)])
    return may_start_outcome_verb(verb) and (
        after in DETERMINERS or _counted_measure(scan, j + 1, closes)
        or (after[0].isalpha() and after not in STOP_BEFORE and after not in INTRANSITIVE_AFTER)
    ) and _joined(scan, j, j + 1)


def _set_against_another(scan: Scan, first: int, last: int, sentence: Span) -> bool:
    """Whether the name (tokens first to last) is one side of a comparison, not the unit both sides share: "T&P
    facilities versus T facilities" compares two kinds of facility, and "facilities", a common noun (lower case)
    that heads both sides, names neither arm; "T&P facilities", with its own word before that head, is one side."""
    toks = scan.toks
    if first < last or not scan.text[scan.starts[last] : scan.ends[last]].islower():
        return True  # a name with its own word before the shared head ("T&P facilities") is one side
    lo, hi = bisect_left(scan.starts, sentence[0]), bisect_left(scan.starts, sentence[1])
    return toks[last] not in toks[lo:first] and toks[last] not in toks[last + 1 : hi]


def as_reference(scan: Scan, first: int, sentence: Span) -> bool:
    """Whether the name starting at token `first` is what something is compared against: after "than", "versus" or
    "compared with/to" in the same clause ("shorter than for the LMA", "compared with the patients in the AJ
    group", "than in those with no change (23.7%) or escalation (42.6%)"), with no comma, colon, semicolon or end
    of a sentence between. A parenthesis is set aside: its figures' commas end no clause ("compared with B (414/620,
    67%) or C": C too is compared against), and a reference word inside it names no arm outside it."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    lo = max(bisect_left(starts, sentence[0]), first - REFERENCE_REACH)
    if REFERENCE_WORDS.isdisjoint(toks[lo:first]):
        return False
    depth = 0
    for i in range(first - 1, lo - 1, -1):
        gap, depth = _outside_parentheses(text[ends[i] : starts[i + 1]], depth)
        ends_sentence = "." in gap and toks[i] not in REFERENCE_WORDS and text[starts[i + 1]].isupper()
        if ends_sentence or any(c in gap for c in ",;:"):
            return False  # another sentence ("compared with Group I. Lignocaine reduced ..."; not "vs. X"), or clause
        if toks[i] in REFERENCE_WORDS and not depth:
            return _reference_of(toks, i)
    return False


def _outside_parentheses(gap: str, depth: int) -> tuple[str, int]:
    """The characters of the gap between two words that stand outside any parenthesis, read from right to left
    with `depth` parentheses open to its right; and the depth to its left."""
    kept = []
    for c in reversed(gap):
        if c == ")":
            depth += 1
        elif c == "(":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(c)
    return "".join(kept), depth


# "compared X with Y": the verb's object is what is compared, the name after "with" what it is compared against
_COMPARED_AGAINST = frozenset({"with", "to", "against"})


def _reference_of(toks: Sequence[str], i: int) -> bool:
    """Whether the reference word at token i makes the name after it the reference: not when it is the object of
    "compared" ("the trial compared X with placebo": X is what was compared)."""
    return toks[i] != "compared" or toks[i + 1] in _COMPARED_AGAINST


def against_control(scan: Scan, first: int, sentence: Span) -> bool:
    """Whether a name that is the reference (as_reference) is set against the control arm, named earlier in its
    clause in the words the outcome reader turns a change round by (cues.CONTROL_WORDS: "38% in the control group
    compared with 41% in the X group", "higher with placebo than with X"): then the name is the arm tested, whatever
    the grammar's order, and the reading already says the change for it. So is a name set against an arm "alone"
    ("X alone was compared with X plus Y")."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    lo = max(bisect_left(starts, sentence[0]), first - REFERENCE_REACH)
    begin = lo
    for k in range(first - 1, lo, -1):
        if any(c in text[ends[k - 1] : starts[k]] for c in ",;:"):
            begin = k
            break
    return "alone" in toks[begin:first] or CONTROL_WORDS.search(scan.low, starts[begin], starts[first]) is not None


def _compares_arms_of_people(scan: Scan, sentence: Span) -> bool:
    """Whether a sentence reports a tested comparison (a p-value, a confidence interval, significance) that is not
    about animals or cells: the sides it sets against each other are a trial's arms."""
    if TESTED_RESULT.search(scan.low, *sentence) is None:
        return False
    return not about_animals_or_cells(scan.text[sentence[0] : sentence[1]])


def parallel_arms(scan: Scan, mentions: list[TreatmentMention], firsts: Sequence[int]) -> list[TreatmentMention]:
    """The mentions (their first tokens: firsts) with the arms of a tested comparison of people given: in such a
    sentence, two names in an arm's place (after ARM_PREPOSITIONS: "with", "for", ...) that share the preposition or
    stand on either side of a comparison ("PFS was 12.1 months with X compared with 4.9 months with Y", "the rate was
    23% for X and 24% for Y") are the arms the trial set against each other."""
    toks = scan.toks
    placed: dict[int, list[tuple[int, str]]] = {}
    for k, (mention, first) in enumerate(zip(mentions, firsts, strict=True)):
        before = first - 1
        if before > 0 and toks[before] in DETERMINERS:
            before -= 1
        if before >= 0 and toks[before] in ARM_PREPOSITIONS and not mention.exposure_frame:
            placed.setdefault(mention.sentence, []).append((k, toks[before]))
    arms: set[int] = set()
    for sentence, found in placed.items():
        names = {mentions[k].anchors for k, _ in found}
        if len(names) < 2:
            continue
        shared = len({prep for _, prep in found}) < len(found)
        span = range(firsts[found[0][0]], firsts[found[-1][0]])
        if not (shared or any(toks[i] in ARMS_SET_AGAINST for i in span)):
            continue
        if _compares_arms_of_people(scan, scan.sentences()[sentence]):
            arms.update(k for k, _ in found)
    if not arms:
        return mentions
    return [m._replace(therapy_frame=True) if k in arms else m for k, m in enumerate(mentions)]
