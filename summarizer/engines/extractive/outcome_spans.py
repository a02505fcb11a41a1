"""Where an outcome is named around a reported change: the mention (an outcome, its change, its direction and its
sentence), the subject a result is said of, the object a pattern opens, their coordinated pieces, and what a
result word means for the outcome it names. outcomes.py (change verbs) and result_outcomes.py (the forms in which
trials report results) both build on these."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.engines.extractive.cues import (
    FILLER,
    GENERIC_EVENT,
    LIST_HEAD_WORDS,
    MEASUREMENT_NOUNS,
    NOT_OUTCOMES,
    OBJ_CUT,
    OBJ_SPLIT,
    TESTED_IN_NUMBERS,
)
from summarizer.engines.extractive.outcome_names import (
    ADJECTIVE_ENDINGS,
    ADVERBS,
    MEASURE_WORDS,
    plausible_outcome_name,
    shares_the_modifier,
)
from summarizer.engines.extractive.polarity import LearnedPolarity, outcome_direction
from summarizer.engines.extractive.result_cues import (
    CLAUSE_BOUNDARY,
    FRONTED_TIME,
    NAME_LEAD,
    RESULT_CHANGE,
    SUBJECT_CHARS,
    SUBJECT_CUT,
    SUBJECT_LEAD,
    SUBJECT_PRONOUNS,
    SUBJECT_TAIL,
    SUBJECT_WORDS,
)
from summarizer.engines.extractive.scan import Scan
from summarizer.models import Change, Direction

__all__ = [
    "HYPOTHETICAL_CHARS",
    "NOT_AN_OBJECT",
    "OutcomeMention",
    "cut_object",
    "mention_at",
    "object_name",
    "object_pieces",
    "outcome_words",
    "pieces",
    "result_reading",
    "split_pieces",
    "subject_before",
]


@dataclass(frozen=True)
class OutcomeMention:
    """An outcome the sentence says changed, with the sentence that says it."""

    outcome: str
    change: Change
    direction: Direction
    quote: str
    sentence: int = 0  # index of the sentence, in the statement, that reports it
    start: int = 0  # where the outcome's name starts in the statement

    def __reduce__(self) -> tuple[type[OutcomeMention], tuple[str, Change, Direction, str, int, int]]:
        # pickled as its fields, in order (readings come back from the engine's worker processes): compiled by mypyc,
        # a frozen dataclass cannot be unpickled by setting its fields one by one
        return (OutcomeMention, (self.outcome, self.change, self.direction, self.quote, self.sentence, self.start))

# how far back in its sentence a change is read as a purpose or a conjecture ("to reduce", "may reduce")
HYPOTHETICAL_CHARS = 300

# words that cannot start the object of a change verb: the verb was said of its subject ("lower in group I")
NOT_AN_OBJECT = frozenset({"in", "among", "with", "using", "than", "by", "at", "after", "during", "for", "from",
                           "between", "compared", "versus", "vs", "when", "while", "as", "on"})

# how far back the subject of a result of no difference is read when it starts its sentence ("The number of attempts
# at intubation and usage of external laryngeal manipulation were similar in both groups"); others are read back
# SUBJECT_CHARS
_SENTENCE_REACH = 120
# a comma between two numbers lists them ("at 1, 6, 24 and 48 h"): it ends no clause
_NUMBER_LIST_COMMA = re.compile(r"\d,\s?\d")
# a clause with its own copula, joined by "and" or "but" to the one after it: "X was lower and [Y was higher]"
_CLAUSE_BEFORE_AND = re.compile(r"\b(?:was|were|is|are)\b[^,;]*?\s(?:and|but)\s+")


def mention_at(scan: Scan, start: int, length: int, change: Change, direction: Direction) -> OutcomeMention:
    return OutcomeMention(
        outcome=scan.text[start : start + length],
        change=change,
        direction=direction,
        quote=scan.sentence_text(start),
        sentence=scan.sentence_index(start),
        start=start,
    )


def outcome_words(piece: str) -> list[str]:
    words = piece.split()
    if words[:3] == ["in", "some", "cases"]:
        words = words[3:]
    while words and (words[0] in FILLER or words[0] in ("and", "or", "also", "including")):
        words.pop(0)
    return words


def subject_before(
    scan: Scan, pos: int, long_heads: bool = False, after_time: bool = False, compared: bool = False,
    whole_sentence: bool = False,
) -> tuple[int, int] | None:
    """The noun phrase that ends just before pos, within its clause: "the ovulation rate in the IM group (93%)"
    gives "ovulation rate". None when there is none. With long_heads (for a result of no difference, which says
    nothing of either arm), a subject too long for a measure's name is cut before where or when it was measured
    (_head_before_place). With after_time (for a comparison of arms, "was lower in"), a time put before the subject
    without a comma is passed over ("At 12 months HbA1c was lower": HbA1c; result_cues.FRONTED_TIME); not for a
    course ("after 36 h the episode improved"), which may be another treatment's. With compared (for a comparison
    of the arms after the verb: "was significantly lower in the X group"), a long subject is cut as with long_heads
    when the words cut off name no arm nor comparator ("the doses of morphine used | for controlling pain were
    lower in"; not "the pain scores | of those given placebo were higher than"). A bracket between the subject and
    its verb is passed over (_before_bracket); where what stands before it names nothing, the words up to the verb
    are read as without it. With whole_sentence (for the subject of a result of no difference said by its verb: "X
    were similar in both groups"), the subject is read from its sentence's start when that is within
    _SENTENCE_REACH, its head then cut as with long_heads."""
    sentence_start, _ = scan.sentence_at(pos)
    end, floor = _before_bracket(scan.low, sentence_start, pos)
    reach = _SENTENCE_REACH if whole_sentence and long_heads else SUBJECT_CHARS
    how = (long_heads, after_time, compared)
    found = None if end == pos else _subject_before(scan.low, end, floor, reach, how)
    if found is None and end == pos and _tested_bracket_before(scan.low, sentence_start, pos):
        # "survival with disease (χ2 = 6.9, P = 0.009) and overall survival (χ2 = 7.2, P = 0.007) were longer": the
        # test each item is given in brackets, passed over as if not there (read with them, the subject would be
        # what the last bracket holds after its last comma); not a bracket that qualifies a noun ("the ampules of A
        # (5 mg) and B (10 mg) were similar": A and B are what the ampules held, not two measures)
        blanked = _blank_brackets(scan.low, sentence_start, pos)
        passed_over = sum(len(m.group()) for m in _BRACKETED.finditer(scan.low, sentence_start, pos))
        found = _subject_before(blanked, pos, sentence_start, reach + passed_over, how)
    return found or _subject_before(scan.low, pos, sentence_start, reach, how)


def _subject_before(
    low: str, pos: int, sentence_start: int, reach: int, how: tuple[bool, bool, bool]
) -> tuple[int, int] | None:
    """subject_before, with its clause starting no earlier than sentence_start and read back reach characters at
    most (the whole reach only when the sentence starts within it)."""
    long_heads, after_time, compared = how
    if pos - sentence_start > reach:
        reach = SUBJECT_CHARS
    clause_start = max(sentence_start, pos - reach)
    bounded = clause_start == sentence_start  # the phrase starts where its clause does, not at SUBJECT_CHARS
    while clause_start > sentence_start and clause_start < pos and not low[clause_start - 1].isspace():
        clause_start += 1  # not from the middle of a word ("althou|gh 50% of ...")
    if not bounded and low[max(sentence_start, clause_start - 3) : clause_start].rstrip().endswith((",", ";", ":")):
        bounded = True  # the reach starts just after a clause's comma ("After the intervention, | the total ...")
    relative = False
    commas: list[int] = []  # the commas that end no clause but may part a list's items, since the last clause's end
    for boundary in CLAUSE_BOUNDARY.finditer(low, clause_start, pos):
        if boundary.group() == "," and _NUMBER_LIST_COMMA.match(low, boundary.start() - 1):
            continue  # "VAS scores at 1, 6, 24 and 48 h were similar": a list of values, not a clause's end
        commas = [*commas, boundary.start()] if boundary.group() == "," else []
        clause_start = boundary.end()
        bounded = True
        # "retinal problems which later improved": a relative pronoun is the subject, unless a preposition takes it
        # ("groups in which mortality was lower")
        relative = boundary.group() in ("which", "who") and not _PREPOSITION_BEFORE.search(
            low, max(0, boundary.start() - 12), boundary.start()
        )
    if relative:
        return None
    listed = _list_start(low, commas, (sentence_start, clause_start, pos)) if bounded and commas else None
    if listed is not None:  # "Total cholesterol, LDL cholesterol and triglycerides were": the list's first items too
        clause_start = listed
    phrase = low[clause_start:pos]
    joined = [m.end() for m in _CLAUSE_BEFORE_AND.finditer(phrase)]
    if joined:  # "X was significantly lower and the rate of Y was higher": Y's clause begins after "and"
        phrase = phrase[joined[-1] :]
    fronted = FRONTED_TIME.match(phrase) if after_time else None
    if fronted is not None:  # "At 12 months HbA1c was lower": the subject follows the time it was measured at
        phrase = phrase[fronted.end() :]
    cut = SUBJECT_CUT.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    words = phrase.split()
    if not bounded and words and words[0] in _INSIDE_A_PHRASE:
        return None  # the reach ends inside the subject ("... duration | of postoperative analgesia in X was"): cut
    lead = 0
    while lead < len(words) and (words[lead] in SUBJECT_LEAD or words[lead] in ADVERBS):
        lead += 1
    # "median overall survival": a lead word right before the noun names which survival; it is put back on the name
    # the rest gives (and counts in no length)
    named_lead = words[lead - 1] if (
        0 < lead < len(words) and words[lead - 1] in NAME_LEAD and words[lead] not in ADVERBS
        and words[lead] not in MEASURE_WORDS  # "total amount of X", "total time to Y": the sum, not which X
    ) else ""
    words = words[lead:]
    measured = 0 if _MEASURED.isdisjoint(words) else next((
        k for k, word in enumerate(words[1:], start=1)
        if word in _MEASURED and (k + 1 == len(words) or words[k + 1] in _PLACE_WORDS or words[k + 1] in _BY_WHAT)
    ), 0)
    if measured and words[measured - 1] not in NOT_OUTCOMES:
        # "cuff pressure | measured at the end of surgery": the measure, not how or when it was taken
        words = words[:measured]
    while words and (words[-1].endswith("ly") or words[-1] in SUBJECT_TAIL):  # "X has significantly decreased"
        words.pop()
    if len(words) > SUBJECT_WORDS and bounded and long_heads:
        words = _head_before_place(words)
    elif len(words) > SUBJECT_WORDS and bounded and compared:
        head = _head_before_place(words)
        if not _ARM_IN_TAIL.search(" ".join(words[len(head) :])):
            words = head
    # a comparison's subject that its clause bounds and that names no arm may be a longer name ("the incidence rate
    # of all cardiopulmonary adverse events")
    most = COMPARED_WORDS if (
        compared and bounded and not long_heads and len(words) > SUBJECT_WORDS and _may_name_longer(words)
    ) else SUBJECT_WORDS
    if listed is not None:
        most = max(most, len(words))  # each item is a name of its own, checked where the list is split (pieces)
    if not words or len(words) > most or words[-1] in NOT_OUTCOMES or words[0] in SUBJECT_PRONOUNS:
        return None
    span = _words_at(low, words, clause_start, pos)
    if span is not None and named_lead and low.endswith(named_lead + " ", 0, span[0]):
        span = (span[0] - len(named_lead) - 1, span[1])
    return span


def _words_at(low: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """Where the words stand in low[start:end], however much space parts them (a bracket blanked out leaves more), as
    the words joined by `\\s+` would match, without a pattern compiled per call: the words (of str.split()) hold no
    space, so the space before each is walked one way only (str.isspace is `\\s`)."""
    first = words[0]
    at = low.find(first, start, end)
    while at >= 0:
        stop = _rest_after(low, words, at + len(first), end)
        if stop is not None:
            return at, stop
        at = low.find(first, at + 1, end)
    return None


def _rest_after(low: str, words: list[str], pos: int, end: int) -> int | None:
    """Where the words after the first end when they follow pos, each after one or more spaces; None if not."""
    for word in words[1:]:
        gap = pos
        while gap < end and low[gap].isspace():
            gap += 1
        if gap == pos or not low.startswith(word, gap, end):
            return None
        pos = gap + len(word)
    return pos


# a bracket that closes right before the verb ("...) were", "...) was significantly")
_BRACKET_BEFORE_VERB = re.compile(r"\)\s*(?:(?:was|were|is|are)\b[\s\w]*)?\s*$")
def _tested_bracket_before(low: str, sentence_start: int, pos: int) -> bool:
    """Whether a bracket that holds a test (a P value, a confidence interval) closes right before the verb at pos."""
    if _BRACKET_BEFORE_VERB.search(low, max(sentence_start, pos - 12), pos) is None:
        return False
    opened = low.rfind("(", sentence_start, pos)
    return opened >= 0 and TESTED_IN_NUMBERS.search(low, opened, pos) is not None


_BRACKETED = re.compile(r"\([^()]*\)")


def _blank_brackets(low: str, start: int, end: int) -> str:
    """low with every bracket between start and end (one level deep) turned to spaces, each offset kept."""
    return low[:start] + _BRACKETED.sub(lambda m: " " * len(m.group()), low[start:end]) + low[end:]

# the words a list's items are joined with before its last: "X, Y and Z"
_LAST_ITEM_JOIN = re.compile(r"\s(?:and|or|as\s+well\s+as)\s")
# the words that link a sentence to what came before it, set off by a comma like a list's item ("However, X and Y")
_CONNECTIVES = frozenset({"however", "moreover", "furthermore", "thus", "therefore", "hence", "overall", "finally",
                          "similarly", "likewise", "conversely", "also", "besides", "nevertheless", "nonetheless",
                          "meanwhile", "instead", "otherwise", "accordingly", "consequently", "then", "still", "yet",
                          "first", "second", "third", "lastly", "indeed", "again", "here", "there", "now", "so"})
# the heads a list's last item may share with the items before it, which then name kinds of it, not measures of their
# own ("the Pain, Function and Vitality subscales", "the physical and mental domains")
_SHARED_HEADS = frozenset({"scales", "subscales", "domains", "dimensions", "subscores", "components", "items",
                           "questionnaires", "indices", "indexes", "parameters", "variables"})
# the most items a subject's list is read back over
_LIST_ITEMS = 6


def _list_start(low: str, commas: list[int], bounds: tuple[int, int, int]) -> int | None:
    """Where a subject listed with commas starts, when its last items follow the last comma before pos joined by "and"
    ("Total cholesterol, LDL cholesterol and triglycerides were ..."): the first item, the start of the clause the
    commas were read from (the sentence's or a clause's); every item before the last comma a short name (at most
    SUBJECT_WORDS words, no number, not opened by a preposition or a word that says when: "After 12 weeks, X and Y
    were", "In the A group, X and Y"). bounds: the sentence's start, the last comma's end and pos. None when the
    subject is no such list."""
    sentence_start, after_comma, pos = bounds
    if not _LAST_ITEM_JOIN.search(low, after_comma, pos) or len(commas) >= _LIST_ITEMS:
        return None
    last_words = low[after_comma:pos].split()
    if last_words and last_words[-1] in _SHARED_HEADS:
        return None  # "the Body Image, Vitality and Social Functioning scales": the items name scales
    start = _clause_start_before(low, sentence_start, commas[0])
    if low[sentence_start:start].rstrip().endswith(","):
        return None  # the list began before the reach the commas were read over
    item_starts = [start, *(comma + 1 for comma in commas[:-1])]
    for item_start, comma in zip(item_starts, commas, strict=True):
        words = low[item_start:comma].split()
        if (
            not words or len(words) > SUBJECT_WORDS or words[0] in _INSIDE_A_PHRASE or words[0] in _PLACE_WORDS
            or words[0] in SUBJECT_PRONOUNS or words[0] in _CONNECTIVES or words[0] in ("and", "or")
            or words[-1] in ADVERBS
            or words[-1].endswith("ly") or any(c.isdigit() for c in low[item_start:comma])
            or FRONTED_TIME.match(low, item_start) is not None or not plausible_outcome_name(" ".join(words))
            or cut_object(" ".join(words)) != " ".join(words)  # "Compared with placebo, X and Y": no name
            or not _CHANGE_NOUNS.isdisjoint(words)  # "Mean change on A, B and C was higher": A is no measure
            # "the mean cognitive, language and motor scores": an adjective shares the last item's head
            or len(words[-1]) > 4 and words[-1].endswith(ADJECTIVE_ENDINGS)
        ):
            return None
    return start


def _clause_start_before(low: str, sentence_start: int, at: int) -> int:
    """Where the clause that holds position `at` starts: after the last clause boundary or bracket before it in its
    sentence, or the sentence's start."""
    floor = max(sentence_start, low.rfind("(", sentence_start, at) + 1, low.rfind(")", sentence_start, at) + 1)
    boundaries = [m.end() for m in CLAUSE_BOUNDARY.finditer(low, floor, at)]
    start = boundaries[-1] if boundaries else floor
    while start < at and low[start].isspace():
        start += 1
    return start


_JOINED_AFTER_BRACKET = re.compile(r"\s*(?:and|or|as\s+well\s+as)\b")
_COPULA_TAIL = re.compile(r"\)\s*(?:was|were|is|are)$")


def _before_bracket(low: str, floor: int, pos: int) -> tuple[int, int]:
    """Where the subject ends when a bracket stands between it and its verb, and where it may start: "Symptom relapse
    (defined as a 50% increase in the score, or ...) was seen in 9% of ...": the subject is what the bracket
    qualifies, before it (its commas end no clause of the subject), and after any bracket before it ("Clinical (14%
    vs 16%) and ongoing (11% vs 12%) pregnancy rates and live birth rate (10% vs 11%) were similar": "pregnancy rates
    and live birth rate"; not when what follows that bracket joins what came before it: "the ampules of A (5 mg) and B
    (10 mg) were similar"). (pos, floor) when no bracket closes just before pos, or it does not open after floor."""
    end = pos
    while end > floor and low[end - 1].isspace():
        end -= 1
    tail = _COPULA_TAIL.search(low, max(floor, end - 8), end)  # "(...) was | seen in"
    if tail is not None:
        end = tail.start() + 1
    if end <= floor or low[end - 1] != ")":
        return pos, floor
    depth = 0
    for at in range(end - 1, floor - 1, -1):
        if low[at] == ")":
            depth += 1
        elif low[at] == "(":
            depth -= 1
            if depth == 0:
                start = max(floor, low.rfind(")", floor, at) + 1)
                if at <= floor or _JOINED_AFTER_BRACKET.match(low, start, at):
                    return pos, floor  # "the ampules of A (5 mg) and B (10 mg) were": the subject began before
                return at, start
    return pos, floor


def _may_name_longer(words: list[str]) -> bool:
    """Whether a comparison's subject longer than a measure's name may name one whole: no arm or comparator in it, no
    number (a value: "the pain score with a mean of 0.28"), no preposition of place or time (a setting: "in PP
    analyses ...", or the arm: "morphine requirement in the TLRP"), and no noun of change (the comparative would say
    how much it changed: "pain reduction over 72 hours ... was less", "summed pain intensity difference ... was
    higher")."""
    return (
        words[0] not in _INSIDE_A_PHRASE and _CHANGE_NOUNS.isdisjoint(words) and _PLACE_WORDS.isdisjoint(words)
        and not any(c.isdigit() for word in words for c in word) and not _ARM_IN_TAIL.search(" ".join(words))
    )


_CHANGE_NOUNS = frozenset({"difference", "differences", "reduction", "reductions", "decrease", "decreases", "decline",
                           "declines", "improvement", "improvements", "increase", "increases", "change", "changes",
                           "drop", "drops", "fall", "falls", "gain", "gains", "loss", "relief", "alone", "only"})

# where a long subject's measure ends and what says where, when or in whom it was measured begins: "the total mean
# score of self-care | in all aspects of diabetes care for children"
_PLACE_WORDS = frozenset({"in", "for", "among", "at", "during", "after", "from", "on", "within", "throughout"})

# a head that holds these is a list, a negated result or a clause, not a measure's name ("based" left of "based on")
_PARTICIPLE = re.compile(r"(?<!e)ed$")  # "based", "achieved" (not "feed", "speed")

_NOT_IN_HEAD = frozenset({"and", "or", "no", "not", "difference", "differences", "however"})


def _head_before_place(words: list[str]) -> list[str]:
    """A subject longer than a measure's name (SUBJECT_WORDS), cut before the first preposition of place, time or
    population after its first word; unchanged when the head would be a list ("and", a comma) or still too long."""
    for k, word in enumerate(words[1:], start=1):
        if word in _PLACE_WORDS:
            head = words[:k]
            if (
                len(head) <= SUBJECT_WORDS and _NOT_IN_HEAD.isdisjoint(head) and not _PARTICIPLE.search(head[-1])
                and not any(w.endswith(",") for w in head) and plausible_outcome_name(" ".join(head))
            ):
                return head
            break
    return words

# participles that say how or when a measure was taken, after its name and before a preposition ("measured at 6
# months", "assessed by the PPA", "based on the K10 score"): the name ends before them; not an adjective
# ("observed helmet use")
_MEASURED = frozenset({"measured", "assessed", "recorded", "obtained", "evaluated", "determined", "estimated",
                       "calculated", "observed", "achieved", "documented", "noted", "based"})

# the most words of a comparison's subject that its clause bounds and that names no arm
COMPARED_WORDS = 9

_BY_WHAT = frozenset({"by", "with", "using", "via", "before", "over", "across", "throughout"})

# a preposition that starts the words within reach of the verb: the subject's head lies further back
_INSIDE_A_PHRASE = frozenset({"of", "in", "for", "to", "on", "at", "with", "among", "from", "by"})

# words that name an arm, the comparator, or every arm at once: a subject whose cut-off words hold one may say which
# arm the result is of ("in those allocated to placebo"), or that it is each arm's own ("in both regimens"), and is
# left whole
_ARM_IN_TAIL = re.compile(
    r"\b(?:groups?|arms?|regimens?|cohorts?|placebo|controls?|sham|usual|standard|receiving|received|given|treated|"
    r"allocated|randomi[sz]ed|versus|vs|compared|both|each|either)\b"
)

_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|for|at|on|by|with|from|among|during|after|to)\s+$")

# what would read as the end of a name (cues.OBJ_CUT) but lies inside one: a range of numbers ("grade 3–5 toxicity",
# "a 2 to 4 point change"), words a slash joins ("patients with/without adverse events"), and "at" before a noun an
# adjective qualifies, which says what was attempted or achieved, not when ("success at first-pass insertion" is cut
# at "at" before a time, but not "the first attempt at successful insertion")
_WHOLE_IN_NAME = re.compile(
    r"\d+(?:\.\d+)?\s*(?:[–—\-]|to)\s*\d+(?:\.\d+)?(?![\d.])|[^\W\d_]+(?:/[^\W\d_]+)+|"
    r"\bat(?=\s+[a-z]+(?:ful|ive|ous)\s+[a-z])"
    # a word a number opens and a hyphen joins to letters names a thing, not a value: "serum 25-oh-d levels", "the
    # 6-minute walk distance", "24-hour urinary sodium" (not "3-fold", which says by how much)
    # after a determiner or a preposition it says when ("over the 1-year follow-up"), and the number still cuts
    r"|(?<![\w\-.])(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bover\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bto\s)(?<!\bon\s)"
    r"(?<!\bby\s)\d+(?:\.\d+)?-(?!fold\b)[a-z][\w\-]*"
    # "deaths from all cancers", "mortality due to infection": the cause narrows what is counted
    r"|\b(?:deaths?|mortality|died|dying)\s+(?:from|due\s+to)\b"
)


# the words without which nothing in an object is kept whole (the cheap check before _WHOLE_IN_NAME)
_MASKED_WORDS = (" at ", " from ", " due ")


def cut_object(obj: str) -> str:
    """The object as cues.OBJ_CUT ends it (a prefix of it), read with ranges, slashed words and "at" before a
    qualified noun kept whole (_WHOLE_IN_NAME)."""
    if not any(c.isdigit() or c == "/" for c in obj) and all(word not in obj for word in _MASKED_WORDS):
        return OBJ_CUT.sub("", obj)
    masked = _WHOLE_IN_NAME.sub(lambda m: "x" * len(m.group()), obj)
    return obj[: len(OBJ_CUT.sub("", masked))]


def object_name(low: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where the outcome a pattern's "obj" group opens with is named, as (start, length); None when it names none."""
    obj = cut_object(match.group("obj"))
    words = outcome_words(split_pieces(obj)[0]) if obj.strip() else []
    name_low = " ".join(words)
    start = low.find(name_low, match.start("obj")) if words else -1
    if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
        return None
    return start, len(name_low)

_ALTERNATIVES_OF = re.compile(r"\bof\b[^,;]*\s(?:or|and/or)\s+$")

_OPPOSITE_CHANGE: dict[Change, Change] = {"increased": "decreased", "decreased": "increased"}

_OPPOSITE_DIRECTION: dict[Direction, Direction] = {"improved": "worsened", "worsened": "improved"}


def result_reading(
    name: str, word: str, inverted: bool, learned: LearnedPolarity | None = None
) -> tuple[Change, Direction]:
    """The change and direction a result word gives an outcome; `inverted` when it was said of the control arm."""
    change, direction = RESULT_CHANGE[word]
    if inverted:
        change = _OPPOSITE_CHANGE.get(change, change)
        direction = _OPPOSITE_DIRECTION.get(direction, direction) if direction is not None else None
    if change == "no_difference":
        return "no_difference", "no_difference"
    if direction is not None:
        return "unclear", direction
    direction = outcome_direction(name, change, learned)
    if direction == "unclear" and change in ("increased", "decreased") and _names_a_harm(name):
        # "higher rates of headache", "fewer fractures": a harm compared, less of it better, whatever the rules know
        direction = "worsened" if change == "increased" else "improved"
    return change, direction


# disease endings that name a harm whatever it is of (not "-emia", "-uria", "-ergy": "glycemia", "natriuria", "energy")
_HARM_ENDINGS = ("itis", "osis", "pathy", "penia", "algia", "plegia", "rrhea", "rrhoea", "toxicity")


def _names_a_harm(name: str) -> bool:
    """Whether an outcome's name names a harm by a harm word (cues.LIST_HEAD_WORDS) or a disease ending, not by a
    general one ("events", "complications")."""
    return any(
        (word in LIST_HEAD_WORDS or (len(word) > 5 and word.endswith(_HARM_ENDINGS))) and word not in GENERIC_EVENT
        for word in name.lower().split()
    )


# the most words of an "and other ..." part that a part before it joins ("energy and other nutrient intakes"): a longer
# one runs on past its head; "or other" alternatives are one measure's when "of" opens them (pieces)
_OTHER_WORDS = 4
# the heads that measure a quantity of what qualifies them: only these are shared ("energy [intake] and other nutrient
# intakes"); a part that names a thing of its own stays apart ("ARDS and other serious complications")
_QUANTITY_HEADS = MEASUREMENT_NOUNS | frozenset({
    "intake", "intakes", "concentration", "concentrations", "count", "counts", "parameters", "indices", "rates"
})


# adjectives of having or lacking a quality ("painful and swollen joints", "restless and painless nights"), which share
# the next part's noun as ADJECTIVE_ENDINGS do; only before a part of two words or more, whose last is the noun
_QUALITY_ENDINGS = ("ful", "less")
_AMOUNT_NOUNS = frozenset({"handful", "spoonful", "cupful", "mouthful", "armful"})  # nouns of an amount, not qualities
# a grade, stage, type or dose given by a number, arabic or roman ("grade 3", "stage III", "type 2")
_NUMERAL = re.compile(r"^(?:\d+[a-z]?|[ivx]+)$")


def _numbered_alternatives(words: list[str], part: str) -> bool:
    """Whether a part that opens with a numeral goes on the numbered word that ends the part before it: "grade 3 or
    4 neutropenia", "grade 2 and grade 3 mucositis", "type 1 and 2 diabetes" name one outcome of two grades, never
    a bare "grade 3" and "4 neutropenia"."""
    following = part.lower().split()
    if len(words) < 2 or len(following) < 2 or _NUMERAL.match(words[-1]) is None or not words[-2].isalpha():
        return False
    if following[0] == words[-2].lower() and len(following) > 2:  # "grade 2 and grade 3 mucositis"
        following = following[1:]
    return _NUMERAL.match(following[0]) is not None


def split_pieces(text: str) -> list[str]:
    """The coordinated parts of an object or subject (cues.OBJ_SPLIT), as they are written; a part that ends with an
    adjective shares the head of the next ("incidence of cardiovascular and renal events", "diurnal systolic and
    diastolic BP"), and stays with it."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for separator in OBJ_SPLIT.finditer(text):
        bounds.append((pos, separator.start()))
        pos = separator.end()
    bounds.append((pos, len(text)))
    merged: list[tuple[int, int]] = []
    for start, end in bounds:
        words = text[merged[-1][0] : merged[-1][1]].split() if merged else []
        if words and end > start and (
            words[-1].endswith(ADJECTIVE_ENDINGS) and len(words[-1]) > 4
            or words[-1].endswith(_QUALITY_ENDINGS) and len(words[-1]) > 5 and words[-1] not in _AMOUNT_NOUNS
            and len(text[start:end].split()) > 1
            or text.startswith("other ", start) and len(text[start:end].split()) <= _OTHER_WORDS
            and "and" in text[merged[-1][1] : start] and text[start:end].rsplit(None, 1)[-1] in _QUANTITY_HEADS
            or shares_the_modifier(" ".join(words), text[start:end])  # "glucose uptake and utilization"
            or _numbered_alternatives(words, text[start:end])  # "grade 3 or 4 neutropenia"
        ):  # "energy and other nutrient intakes": "other" makes the part before it one of the next part's kind
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [text[start:end] for start, end in merged]


def pieces(low: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A subject's coordinated parts: "TEF10 and 25/PT" gives two; but alternatives after "of" are one measure's
    ("resolution of heartburn or other reflux symptoms" is one)."""
    pieces: list[tuple[int, int]] = []
    pos = span[0]
    if ")" in low[span[0] : span[1]]:  # the values given each item in brackets are no part of its name
        low = _blank_brackets(low, span[0], span[1])
    for piece in split_pieces(low[span[0] : span[1]]):
        piece = piece.strip()
        start = low.find(piece, pos, span[1]) if piece else -1
        if start < 0 or piece in NOT_OUTCOMES or not 3 <= len(piece) <= 80:
            continue
        if pieces and _ALTERNATIVES_OF.search(low, pieces[-1][0], start):
            pieces[-1] = (pieces[-1][0], start + len(piece))
        else:
            pieces.append((start, start + len(piece)))
        pos = start + len(piece)
    return pieces


def object_pieces(low: str, obj: str, pos: int) -> list[tuple[int, int]]:
    """Where each coordinated measure of an object (`obj`, read from `low` at `pos`) is named, as (start, length):
    "a fall in FEV1 and FVC" names both."""
    found: list[tuple[int, int]] = []
    for piece in split_pieces(obj) if obj.strip() else []:
        name = " ".join(outcome_words(piece)) if piece.strip() else ""
        start = low.find(name, pos) if name else -1
        if start < 0 or name in NOT_OUTCOMES or not 3 <= len(name) <= 80:
            continue
        found.append((start, len(name)))
        pos = start + len(name)
    return found
