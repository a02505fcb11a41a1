"""Whether a phrase names an outcome, and the phrase cut to the name: the English of measures' names.

outcomes.py reads where a statement reports a change and cuts the words around it; this module says whether those
words name what was measured (`plausible_outcome_name`), and tidies them to the name (`name_bounds`, `tidy_name`):
no clause, relative, auxiliary, study wording or number left over from the sentence the name was cut from.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.counted_people import counted_by_clause
from summarizer.engines.extractive.cues import ADVERB_ENDINGS, MEASUREMENT_NOUNS, PATTERN_A_SUFFIX, VERB_LABEL_STEMS
from summarizer.engines.extractive.result_cues import SUBJECT_TAIL
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS
from summarizer.engines.extractive.treatment_names import ARM_WORDS, PEOPLE, THERAPY_CUES

__all__ = [
    "ADJECTIVE_ENDINGS", "ADVERBS", "LEADING_PREPOSITION", "MEASURE_WORDS", "TRAILING_ADVERBS", "name_bounds",
    "plausible_outcome_name", "tidy_name", "verb_change",
]

_NOT_IN_NAMES = re.compile(
    r"[<>=≤≥]|^\W|^(?:with|using|by|at|than|for|tend|tends|tended)\b|"
    r"^(?:(?:the|their|our|its|these|those|this|his|her)\s+)?(?:results?|findings?|data|studies|study|trials?|"
    r"analys[ie]s)$|"
    # a statistical method, the subject of "showed no difference in X": how X was compared, not X
    r"^(?:(?:the|a|an|our|this|these)\s+)?(?:(?:statistical|multivariable|multivariate|univariable|univariate|"
    r"bivariate|regression|subgroup|sensitivity|secondary|post[\s\-]hoc|interim|pooled|adjusted|unadjusted|"
    r"per[\s\-]protocol|intention[\s\-]to[\s\-]treat)\s+)+analys[ie]s$|"
    # a test statistic is how a result was tested, not what was measured ("McNemar's χ2", "chi-square", "ANOVA")
    r"χ2|χ²|\bchi[\s\-]?squares?\b|\bmcnemar|\banova\b|\bt-tests?\b|\bwilcoxon\b|\bmann[\s\-]whitney\b|\bkruskal|"
    r"\b(?:exact|ratio|rank|rank-sum|log-rank|logrank)\s+tests?\b"
)


def verb_change(verb: str) -> str | None:
    """What a change verb says changed ("reduced": decreased, "improved": improved), by its stem; None for others."""
    for label, stems in VERB_LABEL_STEMS:
        if verb.startswith(stems):
            return label
    if verb.startswith(("rise", "rising")):
        return "increased"
    return None


# words that end a clause after the outcome, not the outcome's name: "reduced test time both in ...", "did not change
# X or Y either"
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:both|either|respectively|alone|together|significantly|overall|"
    r"within|of|at|for|to|by|with|from|during|over|throughout|among|between))+$",  # a preposition a name was cut after
    re.I,
)


# a preposition a name was cut after ("the mean of severity of symptoms" -> "of severity of symptoms"); not "in",
# which damaged text leaves at the start of a word ("in ammatory cytokines", "inflammatory" without its ligature)
LEADING_PREPOSITION = re.compile(r"^(?:of|on|to)\s+(?=\S)", re.I)

# Word classes of English that a noun phrase naming a measure neither opens nor ends with: what is left of the
# clause around it when the name was cut at the wrong place ("in a dose-response fashion", "mortality recorded [for
# the ... group]", "retinal problems which later improved", "refractive errors and").
_PREPOSITIONS = FUNCTION_WORDS - {"the", "a", "an", "and", "or", "its", "their", "this", "that", "these", "those",
                                  "all", "any", "each"} | frozenset(
    {
        "after", "before", "during", "until", "till", "under", "within", "without", "between", "among", "amongst",
        "through", "throughout", "across", "against", "toward", "towards", "upon", "since", "despite", "via", "per",
        "about", "into", "onto", "versus", "vs", "following", "up", "down", "out", "off",
    }
)
_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some",
    "any", "each", "every", "all", "both", "either", "such"
})
_CONJUNCTIONS = frozenset(["and", "or", "but", "nor", "so", "yet"])
# the participles that open a clause of what a change brought about ("... causing torsades de pointes")
_CAUSING = frozenset({"causing", "inducing", "producing", "triggering", "provoking"})
_RELATIVES = frozenset(["which", "who", "whom", "whose", "where", "when", "whereas", "whether"])
_PERSONAL = frozenset(["it", "they", "them", "we", "us", "he", "she", "him", "i", "you", "one", "there"])
_MODALS = frozenset(["can", "could", "may", "might", "will", "would", "shall", "should", "must"])
_AUXILIARIES = SUBJECT_TAIL | frozenset(["do", "does", "did"])
# adverbs without the ending -ly, of time, sequence and degree: no name opens with one ("then returned") ...
ADVERBS = frozenset({
    "later", "then", "again", "still", "even", "only", "much", "very", "already", "thereafter", "afterwards"
})
# ... nor ends with one, nor with these ("X or Y either", "pain more [than ...]")
_TAIL_ADVERBS = ADVERBS | frozenset({
    "also", "further", "respectively", "together", "alone", "either", "overall", "more", "less"
})
# nouns ending in -ly ("blood supply", "anomaly", "family"): not adverbs
_LY_NOUN_ENDINGS = ("ply", "aly", "mily", "elly")
# a duration or a time at the end of a name says when, not what ("Melbourne two months", "30 h")
_TIME_UNITS = frozenset({
    "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "mo", "wk", "wks"
})
# the prepositions of a time point ("on day 4", "in weeks 2 and 3"); not "of" ("number of days") nor "per" ("hours per
# day"), whose time is what is counted
_AT_A_TIME = frozenset({"on", "in", "at", "during", "after", "before", "from", "until", "till", "since", "over"})
# the nouns that name a time point with a number after them ("visit 3", "session 2"); the units are _TIME_UNITS
_TIME_POINTS = frozenset({"visit", "visits", "session", "sessions", "cycle", "cycles"})
_NUMBERED = frozenset({
    "type", "phase", "grade", "stage", "class", "set", "cycle", "session", "visit", "day", "week", "month", "year"
})
_NUMBER = re.compile(r"^[\d.,·%/×\-–]+$")
# the prepositions that open a participle's complement ("assessed by", "infected with", "recorded for"); not those of
# a time or a place, which may belong to the measure ("distance walked in 6 minutes")
_COMPLEMENT_OPENS = frozenset(["by", "with", "for", "to", "from", "as", "among", "after", "against"])
# a participle of causing (cues.PATTERN_A_SUFFIX) with its cause after it names a harm, not a measure
_CAUSE_OPENS = frozenset(("by", "with", "to"))
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
})
# the study's words for its own measures before the measure's name ("primary outcome-percentage of days with ...",
# "the main outcome quadriceps strength", "trends in pain reduction") and after it ("X for the primary outcome")
_DISCOURSE_LEAD = re.compile(
    r"^(?:(?:the\s+)?(?:primary|secondary|main|principal|key|co-?primary)\s+(?:efficacy\s+)?(?:outcomes?|"
    r"end[\s\-]?points?|measures?|variables?)(?:\s*[\-–—:,]\s*|\s+(?:was|were|of|is)\s+|\s+)|"
    r"(?:trends?|tendency)\s+(?:in|of|to|toward|towards)\s+|(?:treatment\s+)?outcomes?\s+(?:for|in)\s+|"
    # a statistic of the measure ("mean ± SD of heart rate")
    r"(?:(?:mean|median|average)\s*)?(?:±|\+/-)\s*(?:sd|se|sem|iqr)\s+(?:of|for|in)\s+)(?=\w)",
    re.I,
)
_DISCOURSE_TAIL = re.compile(
    r"\s+(?:for|in|of|as|on)\s+(?:the\s+|this\s+|our\s+)?(?:primary|secondary|main|principal|key)\s+"
    r"(?:outcomes?|end[\s\-]?points?|measures?)$",
    re.I,
)
_TOKEN = re.compile(r"[^\s–—]+")  # words, and the parts of words an en or em dash joins
_EDGE_PUNCT = ".,;:!?\"'“”‘’()[]{}–—-"


def _is_adverb(word: str) -> bool:
    return word in _TAIL_ADVERBS or word.endswith(ADVERB_ENDINGS) or (
        len(word) > 3 and word.endswith("ly") and not word.endswith(_LY_NOUN_ENDINGS)
    )


def _is_participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCT).lower()


def _verb_first(words: list[tuple[int, int, str]]) -> bool:
    """Whether a phrase opens with a word no name of a measure opens with: a preposition ("within a few days of
    ...", "in a dose-response fashion"; not "in" before a word, which damaged text leaves of "inflammatory"), a
    pronoun, a relative word, an auxiliary, an adverb, or a verb with its object ("indicating a high reproducibility",
    "presented with a ...", "exhibited inappropriately ...")."""
    first = words[0][2]
    second = words[1][2] if len(words) > 1 else ""
    if first in _PREPOSITIONS and not (first == "in" and second not in _DETERMINERS):
        return True
    if first in _PERSONAL or first in _RELATIVES or first in _AUXILIARIES or first in _MODALS or first in ADVERBS:
        return True
    if first.endswith(ADVERB_ENDINGS):
        return True
    return (first.endswith("ing") and second in _DETERMINERS) or (_is_participle(first) and (
        second in _DETERMINERS or second in _PREPOSITIONS or (second.endswith("ly") and _is_adverb(second))
    ))


def _ends_no_name(words: list[tuple[int, int, str]], next_word: str) -> bool:
    """Whether a phrase's last word is no end of a name: a closed-class word or an adverb, a number (not that of a
    type or a phase: "type 2"), a duration ("two months", but not "within 3 months", which is part of the measure),
    or a participle whose complement follows it (`next_word`: "mortality recorded [for ...]")."""
    last = words[-1][2]
    previous = words[-2][2] if len(words) > 1 else ""
    if last.endswith("/") or _closed_word(last) or _is_adverb(last):  # "with/": a slash's second word was cut
        return True
    if (_NUMBER.match(last) or last in _NUMBER_WORDS) and previous not in _NUMBERED:
        return True
    if last in _TIME_UNITS and (_NUMBER.match(previous) or previous in _NUMBER_WORDS):
        return not (len(words) > 2 and words[-3][2] in _PREPOSITIONS)
    if (last in _TIME_UNITS or last in _TIME_POINTS) and previous in _AT_A_TIME:
        return True  # a time whose number was cut after it: "gametocyte carriage on Day [4]", "swelling in days [1]"
    return len(words) > 1 and _is_participle(last) and next_word in _COMPLEMENT_OPENS


# the heads of a phrase that says when a measure was taken, not what it was: "each follow-up time", "every visit",
# "any time point"
_WHEN_HEADS = frozenset({"time", "times", "visit", "visits", "timepoint", "timepoints", "occasion", "occasions"})
_EACH = frozenset({"each", "every", "any", "all"})


# verbs in the past of what the people had or showed, which a name read from a relative clause may open with ("the
# proportion of subjects that displayed seroconversion"): the measure is what follows
_HAVING = frozenset({"displayed", "showed", "exhibited", "experienced", "achieved"})
# participles that do not end in -ed, after "as": "as seen in", "as shown by"
_IRREGULAR_PARTICIPLES = frozenset({"seen", "shown", "given", "known", "taken", "found", "drawn", "done"})
# the participles of measuring: with a preposition after them they say how, when or where a measure was taken ("LH
# levels measured on different days", "pain assessed at rest", "scores recorded during the visit"), never what
_MEASURING = frozenset({
    "measured", "assessed", "recorded", "evaluated", "determined", "obtained", "monitored", "collected", "estimated",
    "calculated", "quantified", "taken", "rated", "scored", "graded",
})
# the verbs of a thing happening, which take no object: after a noun they are its verb ("a fall in the size of the
# ulcers occurred", "fever arose"), never part of a name
_HAPPENING = frozenset({"occurred", "occur", "occurs", "happened", "happens", "arose", "arises", "emerged"})
# a method named after the measure: "depressive symptoms according to the HADS"
_METHOD_PHRASE = frozenset({("according", "to")})


def _a_time(words: list[tuple[int, int, str]]) -> bool:
    """Whether a phrase says when, not what: a time point ("time point", "timepoints"), or a time or a visit each,
    every, any or all of which is meant ("each follow up time", "at every visit")."""
    last = words[-1][2] if words else ""
    if last in ("point", "points") and len(words) > 1 and words[-2][2] == "time":
        return True
    return last in _WHEN_HEADS and words[0][2] in _EACH


def _closed_word(word: str) -> bool:
    """A word of a closed class that no name of a measure opens or ends with."""
    return (word in _PREPOSITIONS or word in _DETERMINERS or word in _CONJUNCTIONS or word in _RELATIVES
            or word in _PERSONAL or word in _MODALS or word in _AUXILIARIES)


# a fronted phrase of the means a measure was taken by, before a comma: "using a visual analogue scale, X", "on a
# five-point scale, X", "measured with a goniometer, X"; or the instrument alone, its opening word cut before the
# name was read ("visual analogue scale, X"). The measure is what follows the comma
_MEANS_OPENS = frozenset({"using", "with", "by", "on", "via", "through", "measured", "assessed", "rated", "scored"})
_INSTRUMENTS = frozenset({"scale", "scales", "questionnaire", "questionnaires", "inventory", "instrument", "checklist",
                          "vas", "nrs", "goniometer", "dynamometer"})


def _after_fronted_means(name: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words after a fronted phrase of means (_MEANS_OPENS, _INSTRUMENTS) and its comma; all of them when there
    is none, or when what follows the comma is a list (a comma or a conjunction again: "scale, pain and mood" may
    list the measures)."""
    commas = [i for i, (s, _, _) in enumerate(words) if i and name[:s].rstrip().endswith(",")]
    if len(commas) != 1 or commas[0] == len(words) or not words:
        return words
    at = commas[0]
    rest = words[at:]
    if any(w in _CONJUNCTIONS for _, _, w in rest):
        return words
    if words[0][2] in _MEANS_OPENS or words[at - 1][2] in _INSTRUMENTS:
        return rest
    return words


# the prepositions that say in whom a measure was taken, after its name: "local relapse for the patients"
_IN_WHOM = frozenset({"for", "in", "among", "amongst"})
_PEOPLES_WORDS = 3  # the words that may describe the people before their noun: "the three obese"


def _without_the_people_after(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words of a name less the people it was measured in, named last ("pain in the patients", "local relapse
    for the patients", "dehiscence among the obese women"): who, not what. Not after "of" ("the proportion of
    patients" counts them)."""
    if len(words) < 3 or words[-1][2] not in _COUNTED_PEOPLE:
        return words
    for at in range(len(words) - 2, max(0, len(words) - 2 - _PEOPLES_WORDS), -1):
        if words[at][2] in _IN_WHOM:
            return words[:at]
        if words[at][2] in _PREPOSITIONS:
            break  # "the knee pain of patients": another phrase
    return words


def name_bounds(name: str, after: str = "", cut_causes: bool = False) -> tuple[int, int] | None:
    """Where the name of a measure lies in a phrase read as an outcome's name, as (start, end) offsets into it, or
    None when the phrase names no measure. `after` is the text that follows the phrase, if any.

    Tidied: the study's words for its measure before or after it ("the main outcome quadriceps strength"), a fronted
    phrase before a comma ("from polyp resection, the time required for ..."), what follows a relative word, an
    auxiliary, a demonstrative joined by "and" ("mood problems and this difference"), a dash that opens a clause, or
    a participle with its complement ("fall risk assessed by the PPA"); determiners before it; function words,
    adverbs, numbers, durations and a participle whose complement was cut after it ("mortality recorded [for ...]").
    Refused: a phrase that opens with a preposition ("within a few days of ..."), a pronoun ("we did not know") or a
    verb with its object ("indicating a high ..."), or holds a modal ("may be induced").

    A participle of causing with its cause ("a refractory akathisia case induced by interferon") names a harm and
    what caused it: the name is cut before it only when `cut_causes` (the sentence says the harm got better), and
    otherwise left as it is, so that it is not mistaken for the harm an event names ("severe cholestasis")."""
    if any(name.count(opening) != name.count(closing) for opening, closing in ("()", "[]")):
        return None  # a piece of a bracket ("ELITE II (", "P < 0.01)"): plausible_outcome_name refuses these too
    start, end = 0, len(name)
    lead = _DISCOURSE_LEAD.match(name)
    if lead is not None:
        start = lead.end()
    tail = _DISCOURSE_TAIL.search(name, start)
    if tail is not None:
        end = tail.start()
    words = [(m.start(), m.end(), w) for m in _TOKEN.finditer(name, start, end) if (w := _bare(m.group()))]
    # a fronted phrase before a comma, when a determiner opens the name after it
    fronted = [i for i, (s, _, w) in enumerate(words) if i and w in _DETERMINERS
               and w not in ("all", "both", "either", "any", "each") and name[:s].rstrip().endswith(",")]
    if fronted:
        words = words[fronted[-1] :]
    words = _after_fronted_means(name, words)
    if _a_time(words):
        return None
    while words and (words[0][2] in _DETERMINERS or words[0][2] in ("and", "or", "also", "of", "on", "to")):
        words = words[1:]
    if len(words) > 1 and words[0][2] in _COMPARATIVES and words[1][2] in MEASURE_WORDS:
        words = words[1:]  # "higher proportion of any AE": the change, then the measure ("lower limb" stays)
    if len(words) > 1 and words[0][2] in _HAVING and words[1][2] not in _DETERMINERS | _PREPOSITIONS:
        words = words[1:]  # "(subjects that) displayed seroconversion": what they had is the measure
    words = _without_the_people_after(words)
    if not words or _verb_first(words):
        return None
    if any(w in _MODALS for _, _, w in words):
        return None  # a conjecture, not a measure: "skin lesions may be induced or"
    cut = len(words)
    bare, counted_from = [w for _, _, w in words], -1
    for i, (s, _, w) in enumerate(words):
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        if i and w in ("this", "these", "those") and words[i - 1][2] in _PREPOSITIONS:
            return None  # "the incidence of these serious complications": named before, not here
        if i and w in _RELATIVES and words[i - 1][2] in _PREPOSITIONS:
            return None  # "the issue of whether ...": the measure is the clause, not a name
        if i and w in _HAPPENING:
            cut = i  # "(a reduction in) the size of the ulcers occurred in ...": the name ends at its verb
            break
        if i and counted_by_clause(bare, i, _COUNTED_PEOPLE):
            counted_from = i  # "the proportion of children who recovered": who was counted names the measure
            continue
        if i and (w in _RELATIVES or (w in _CONJUNCTIONS and nxt in _DETERMINERS | _PERSONAL and nxt not in
                                      ("a", "an", "all", "both", "either", "any", "each", "some", "such"))):
            cut = i  # "retinal problems which ...", "mood problems and this difference"
            break
        if i and w in _CAUSING and nxt not in _PREPOSITIONS:
            cut = i  # "an increase in the QT interval causing torsades de pointes": what it caused is another harm
            break
        if i and w == "as" and nxt in ("the", "their", "his", "her", "its", "they", "it"):
            cut = i  # "mean uric acid level as the pregnancy advanced": when it was measured, a clause
            break
        if i and w == "as" and (_is_participle(nxt) or nxt in _IRREGULAR_PARTICIPLES):
            cut = i  # "inflammatory response as seen in levels of TNF": how it was seen, not what
            break
        if i and "–" in name[words[i - 1][1] : s] + name[s : s + 1] and w in _PREPOSITIONS | _DETERMINERS:
            cut = i  # "days with diarrhea–in any of the three cohorts"
            break
        if w in _AUXILIARIES and counted_from == i - 1:
            continue  # "the proportion of infants who were resuscitated": the clause's own verb
        if w in _AUXILIARIES:
            before = words[:i]
            if before and before[-1][2] in ARM_WORDS | PEOPLE and w in ("has", "have", "had"):
                words, cut = words[i + 1 :], len(words) - i - 1  # "group had systolic blood pressure": what they had
                break
            cut = i
            break
        if i and w in PATTERN_A_SUFFIX and nxt in _CAUSE_OPENS:
            at = i - 1 if _is_adverb(words[i - 1][2]) else i  # "mania potentially related to an interaction"
            if not cut_causes or not at:
                return (words[0][0], words[-1][1]) if not cut_causes else None
            cut = at
            break
        if i and _is_participle(w) and (nxt in _PREPOSITIONS or nxt in _DETERMINERS or nxt == "no"):
            at = i - 1 if _is_adverb(words[i - 1][2]) else i  # "mania potentially related to an interaction"
            # how it was measured ("assessed by", "expressed as"), or a hedged cause; not what the measure counts
            # ("prescriptions issued for skin creams")
            method = nxt in ("by", "as") or (at < i and nxt in _COMPLEMENT_OPENS) or w in _MEASURING
            if method and at and plausible_outcome_name(name[words[0][0] : words[at - 1][1]]):
                cut = at  # "fall risk assessed by the PPA", "cholesterol response expressed as AUC"
                break
            if nxt not in _PREPOSITIONS:
                return None  # a verb with its object: "dose of PTU produced a good clinical response"
        if i and (w, nxt) in _METHOD_PHRASE and not _is_participle(words[i - 1][2]) and plausible_outcome_name(
            name[words[0][0] : words[i - 1][1]]
        ):
            cut = i  # "depressive symptoms according to the HADS": how it was measured; "people treated according
            break  # to guidelines" is what was counted
            break
        if i and _is_adverb(w) and w.endswith("ly") and (_NUMBER.match(nxt) or nxt in _NUMBER_WORDS
                                                         or (_is_participle(nxt) and nxt not in PATTERN_A_SUFFIX)):
            cut = i  # "chills approximately one hour"
            break
    words = words[:cut]
    # what opens the name
    while words and (words[0][2] in _DETERMINERS or words[0][2] in ("and", "or", "also", "of", "on", "to")):
        words = words[1:]
    if not words:
        return None
    if _verb_first(words):
        return None
    # what ends it
    following = after.strip().lower()
    while words:
        next_word = following.split(" ", 1)[0]
        if len(words) > 1 and words[-1][2] in PATTERN_A_SUFFIX and next_word in _CAUSE_OPENS and not cut_causes:
            break
        if not _ends_no_name(words, next_word):
            break
        words.pop()
        following = "by"  # a word was cut after the name: a participle before it lost its complement
    if not words:
        return None
    begin, stop = words[0][0], words[-1][1]
    while stop > begin and name[stop - 1] in ".,;:–—-":
        stop -= 1
    while begin < stop and name[begin] in "–—-":
        begin += 1
    return (begin, stop) if stop > begin else None


# nouns of a process that need what it acts on ("uptake" of glucose, "secretion" of insulin): one alone after a
# conjunction shares the modifier of the process noun before it ("glucose uptake and utilization")
_PROCESS_NOUNS = frozenset({
    "uptake", "utilization", "utilisation", "secretion", "production", "absorption", "clearance", "excretion",
    "synthesis", "release", "consumption", "metabolism", "oxidation", "transport", "turnover", "output", "intake",
    "storage", "degradation", "disposal", "sensitivity", "resistance", "tolerance", "delivery", "extraction",
})


def shares_the_modifier(before: str, part: str) -> bool:
    """Whether a coordinated part that is one process noun shares the modifier of the part before it, whose last
    word is a process noun too: "glucose uptake and utilization" is glucose's uptake and its utilization, one
    measure, never a bare "utilization"; "blood pressure and mortality" are two."""
    words = before.lower().split()
    return (
        len(words) > 1 and words[-1] in _PROCESS_NOUNS and part.strip().lower() in _PROCESS_NOUNS
        and words[-2] not in _PROCESS_NOUNS
    )


# who the patients were when enrolled, which no treatment changes: their age, sex, height, parity, schooling
_CHARACTERISTIC = re.compile(
    r"(?:(?:mean|median|average)\s+)?(?:age|sex|gender|race|ethnicity|height|parity|gravidity|education|"
    r"marital\s+status|years\s+of\s+(?:education|schooling))",
    re.IGNORECASE,
)
# how long the patients had had a condition: a duration counted in years ("the mean duration of infertility was
# 6.0 years in the control group"); a trial counts what it changes in days, weeks or months ("duration of fever")
_DURATION_NAME = re.compile(r"(?:(?:mean|median)\s+)?(?:(?:duration|length)\s+of\s+[\w\-' ]+|[\w\-]+\s+duration)",
                            re.IGNORECASE)
_IN_YEARS = re.compile(r"[^.;]{0,40}?\d(?:[\d.,]*)\s*(?:\u00b1\s*[\d.]+\s*)?(?:years?|yrs?)\b", re.IGNORECASE)


def patients_characteristic(text: str, start: int, name: str) -> bool:
    """Whether an outcome's name (at `start` in the text) says who the patients were when enrolled rather than what
    the treatment changed: their age or sex ("no difference in age"), or how long they had had their condition,
    counted in years ("the mean duration of infertility was 5.9 years in the control group and 7.8 years ...")."""
    if _CHARACTERISTIC.fullmatch(name) is not None:
        return True
    return _DURATION_NAME.fullmatch(name) is not None and _IN_YEARS.match(text, start + len(name)) is not None


def tidy_name(name: str, after: str = "", cut_causes: bool = False) -> str | None:
    """The name of the measure in a phrase read as an outcome's name (name_bounds), or None."""
    bounds = name_bounds(name, after, cut_causes)
    return name[bounds[0] : bounds[1]] if bounds is not None else None


# words that say how much or how something was measured, but not what: alone they name no outcome ("more",
# "number", "change", "days", "improvement"); with a word that says what, they do ("number of relapses")
MEASURE_WORDS = MEASUREMENT_NOUNS | {
    "more", "less", "fewer", "greater", "higher", "lower", "number", "numbers", "amount", "amounts", "change",
    "changes", "difference", "differences", "improvement", "improvements", "effect", "effects", "rate", "rates",
    "proportion", "percentage", "days", "day", "time", "times", "period", "total", "overall", "both",
    "either", "respectively", "alone", "study", "primary", "secondary", "main", "mean", "median", "means",
    # a verb of reporting alone ("no significant differences ... observed")
    "observed", "reported", "noted", "seen", "found", "detected", "recorded", "including",
    # measures of frequency and association, which say what was measured only with their complement ("the
    # probability" of HIV infection or death, "higher proportions" of people treated according to guidelines)
    "proportions", "percentages", "probability", "probabilities", "likelihood", "odds", "ratio", "ratios", "risk",
    "risks", "incidence", "incidences", "frequency", "prevalence",
    # statistics and the words for what they summarise ("the average or maximum values for any of these variables")
    "average", "averages", "maximum", "minimum", "variables", "variable", "parameters", "parameter",
}
# a time span ("3-d averages", "24-h values"): when, not what
# a time and its order: a name made of them alone is when, not what, was measured ("a reduction in the first month")
_TIME_WORDS = frozenset({
    "first", "second", "third", "fourth", "last", "past", "next", "following", "previous", "initial", "early", "late",
    "later", "subsequent", "hour", "hours", "minute", "minutes", "week", "weeks", "month", "months", "year", "years",
    "night", "nights", "trimester", "decade", "decades",
})
_TIME_SPAN = re.compile(r"\d+(?:\.\d+)?-?(?:d|h|hr|hrs|min|day|days|week|weeks|wk|month|months|year|years)")
# endings of adjectives that are never an outcome on their own ("pulmonary", "cardiac", "venous"); "-al" is left
# out, since survival, removal and referral are nouns
ADJECTIVE_ENDINGS = ("ary", "ic", "iac", "ous", "ive", "ible", "able", "onal", "ular", "eal", "ial", "inal", "ical")
_NOT_FIRST = frozenset({"with", "without", "difference", "differences"})  # "without vomiting", "differences in X"
# what "more" or "less" before them judges is an arm, not a measure ("more effective to strength gain")
_JUDGEMENTS = frozenset({"effective", "efficacious", "beneficial", "successful", "useful"})
_NAME_WORD = re.compile(r"[^\W_][\w\-/+]*")


# the comparatives that say how a measure changed, when they stand before it ("a higher proportion of ...")
_COMPARATIVES = frozenset({
    "higher", "lower", "greater", "smaller", "larger", "fewer", "less", "more", "better", "worse",
})
# quantifiers that stand for a noun the sentence names elsewhere ("differences for certain [ontologies]"): alone they
# name no measure
_QUANTIFIERS = frozenset({
    "certain", "several", "various", "many", "most", "few", "other", "others", "such", "some",
    # a count of people or groups is no measure: "the two cohorts", "three women"
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "either", "neither",
})
# nouns of a study's groups besides the arms: a name that ends in one names who, not what ("the two cohorts")
_GROUP_NOUNS = frozenset({"cohort", "cohorts", "subgroup", "subgroups", "stratum", "strata"})
# who can be counted: with a measure word alone ("proportion of infants", "number of mothers"), no measure is named
_COUNTED_PEOPLE = PEOPLE | {
    "infants", "neonates", "newborns", "babies", "mothers", "girls", "boys", "volunteers", "students", "respondents",
}


# marks that join two names: a name never ends with one
_JOINING_MARKS = ("+", "/", "&")


def plausible_outcome_name(name: str) -> bool:
    """Whether a phrase can be an outcome's name: no piece of a p-value or bracket, not the study's results, not a
    trial arm ("the PE group"), not opening with an adverb ("significantly over the study period"), and at least
    one word that says what was measured, beside words of measurement and function words; and not only words of
    giving a treatment ("injection", "doses")."""
    low = name.lower()
    if _NOT_IN_NAMES.search(low) is not None or name.count("(") != name.count(")"):
        return False
    if name.rstrip().endswith(_JOINING_MARKS):
        return False  # cut inside a combination ("F +" of "F + A"): a piece of a name, not a name
    words = _NAME_WORD.findall(low)
    if not words or words[-1] in ARM_WORDS or words[-1] in _GROUP_NOUNS:
        return False  # the arms or groups: who, not what ("the two cohorts")
    if words[-1] in _COUNTED_PEOPLE and _PREPOSITIONS.isdisjoint(words):
        return False  # the people as the name's head: "ESM participants" ("cost per patient" is a measure)
    if words[0].endswith(ADVERB_ENDINGS) or words[0] in _NOT_FIRST:
        return False
    if len(words) == 1 and words[0].endswith(ADJECTIVE_ENDINGS):
        return False  # an adjective whose noun the sentence lost ("improves pulmonary 39,[44]")
    if all(w in THERAPY_CUES or w in FUNCTION_WORDS for w in words):
        return False
    if len(words) > 1 and words[0] in PEOPLE and words[1] in THERAPY_CUES:
        return False  # "patients receiving 5 mg": an arm, not a measure
    if len(words) > 1 and words[0] in ("more", "less") and words[1] in _JUDGEMENTS:
        return False  # "more effective to strength gain": a judgement of the arm, not a measure
    counted = next((k for k in range(len(words)) if counted_by_clause(words, k, _COUNTED_PEOPLE)), len(words))
    if (counted == len(words) and words[-1].endswith("ed") and verb_change(words[-1]) is not None) or any(
        w.endswith("ed") and verb_change(w) is not None and words[k - 1] not in FUNCTION_WORDS
        for k, w in enumerate(words[:counted]) if k
    ):
        # "blood glucose decreased", "drug Z improved survival": a clause, not a name; not the clause that says who
        # a count counts ("the proportion of children who recovered", counted_people.py)
        return False
    # who was counted is not what was measured: "proportion of patients", "children"
    return any(
        w not in MEASURE_WORDS and w not in FUNCTION_WORDS and w not in _COUNTED_PEOPLE and w not in _QUANTIFIERS
        and not w.isdigit()
        and _TIME_SPAN.fullmatch(w) is None and w not in _TIME_WORDS
        for w in words
    )
