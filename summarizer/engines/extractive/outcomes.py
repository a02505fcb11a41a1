"""Outcomes a statement says an intervention changed, and what each change means for the patient."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarizer.engines.extractive.cues import (
    ARMS_ALIKE,
    ARMS_COMPARED,
    ARMS_IN_PARALLEL,
    CHANGE_HEAD,
    CLAUSE_BOUNDARY,
    COMPARATIVE_OBJECT,
    CONTRAST,
    CONTROL_ARM,
    CONTROL_WORDS,
    DECHALLENGE,
    DEFINITION_OPEN,
    DIFFERENCE_NOT_SIGNIFICANT,
    DIFFERENCE_WORDS,
    EFFECT_MEASURES,
    EFFECTIVE_IN_DOING,
    EVALUATIVE_EFFECT,
    EVALUATIVE_EFFECT_WORDS,
    EVERY_ARM,
    FAVOURS,
    FEWER_PATIENTS,
    FILLER,
    HALTED,
    HYPOTHETICAL,
    INTRANSITIVE_OBJECT,
    MEASUREMENT_NOUNS,
    MORE_EFFECTIVE,
    NO_DIFFERENCE_IN,
    NOT_OUTCOMES,
    OBJ_CUT,
    OBJ_SPLIT,
    OUTCOME_VERB,
    OUTCOME_VERB_START,
    OUTPERFORMED,
    PROTECTIVE,
    RESPONDERS_BEFORE,
    RESULT_CHANGE,
    RESULT_WORDS,
    SCORED,
    SIGNIFICANCE_WORDS,
    SUBGROUP_BEFORE,
    SUBJECT_CHANGE_NOUN,
    SUBJECT_CHARS,
    SUBJECT_CUT,
    SUBJECT_LEAD,
    SUBJECT_PRONOUNS,
    SUBJECT_RESULT,
    SUBJECT_TAIL,
    SUBJECT_WORDS,
    TREND,
    VERB_NEGATED,
)
from summarizer.engines.extractive.numeric_results import (
    NOT_SIGNIFICANT,
    NumericResult,
    Significance,
    numeric_results,
)
from summarizer.engines.extractive.outcome_names import (
    ADJECTIVE_ENDINGS,
    ADVERBS,
    LEADING_PREPOSITION,
    MEASURE_WORDS,
    TRAILING_ADVERBS,
    name_bounds,
    plausible_outcome_name,
    tidy_name,
    verb_change,
)
from summarizer.engines.extractive.polarity import LearnedPolarity, outcome_direction
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.treatment_names import ARM_WORDS
from summarizer.models import Change, Direction

__all__ = [
    "OutcomeMention", "find_outcomes", "name_bounds", "numeric_outcomes", "outcome_direction", "plausible_outcome_name",
    "tidy_name",
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


# how far back in its sentence a change is read as a purpose or a conjecture ("to reduce", "may reduce")
HYPOTHETICAL_CHARS = 300
_CHANGE_NOUNS = frozenset({"increase", "decrease", "rise"})
# "significant increases in Ve" is a noun; "it decreases in(flammatory) cytokines" a verb
_PLURAL_CHANGE_NOUNS = frozenset({"increases", "decreases", "rises"})
_NOUN_BEFORE = re.compile(
    r"\b(?:the|significant|significantly\s+greater|greater|larger|marked|small|slight|mean|median|no|any|similar|"
    r"further|showed|in)\s+$"
)
# words that cannot start the object of a change verb: the verb was said of its subject ("lower in group I")
_NOT_AN_OBJECT = frozenset({"in", "among", "with", "using", "than", "by", "at", "after", "during", "for", "from",
                            "between", "compared", "versus", "vs", "when", "while", "as", "on"})
# a name holding these is a piece of a p-value or of a bracket, not an outcome ("P < 0.01)")
# not an outcome's name: a comparison sign, a leading preposition, or the study's own results ("their results
# showed no differences for edema": the outcome is edema, not "results")
_ADVERB_BEFORE_OBJECT = re.compile(r"\w+ly\s+(?=(?:the|their|its|all)\s)")
# "no difference between the two drugs in preventing X": X did not differ
_NO_DIFFERENCE_IN_DOING = re.compile(r"\bno\s+(?:\w+\s+){0,2}?differences?\b[^.;:]{0,60}?\s(?:in|for)\s+$")
# a clause with its own copula, joined by "and" or "but" to the one after it: "X was lower and [Y was higher]"
_CLAUSE_BEFORE_AND = re.compile(r"\b(?:was|were|is|are)\b[^,;]*?\s(?:and|but)\s+")
# a change word said of the subject before it ("was significantly lower", "were reduced"): what follows "and" after it
# is another clause, not its object
_PREDICATE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+){0,2}$")
_JOINED_OBJECT = re.compile(r"(?:or|and)\s")
# the copula and comparative after the subject a change noun heads: "the mean increase in swelling [in group I] was
# significantly less than that of group II"
_COMPARED_AFTER = re.compile(
    r"(?:(?!,\s+(?:and|but|while|whereas)\b)[^;]){0,120}?\b(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?:less|lower|smaller|greater|higher|larger|more)\b"
)
# "did not increase CPP as much as mannitol", "did not reduce pain as effectively as X": a negated comparison with the
# other arm says the change was smaller, not that there was none
_AS_MUCH_AS = re.compile(r"\bas\s+(?:much|many|far|well|\w+ly)\s+as\b")
def _mention(scan: Scan, start: int, length: int, change: Change, direction: Direction) -> OutcomeMention:
    return OutcomeMention(
        outcome=scan.text[start : start + length],
        change=change,
        direction=direction,
        quote=scan.sentence_text(start),
        sentence=scan.sentence_index(start),
        start=start,
    )


def _outcome_words(piece: str) -> list[str]:
    words = piece.split()
    if words[:3] == ["in", "some", "cases"]:
        words = words[3:]
    while words and (words[0] in FILLER or words[0] in ("and", "or", "also", "including")):
        words.pop(0)
    return words


def find_outcomes(text: str, scan: Scan | None = None) -> list[OutcomeMention]:
    """Outcomes a statement says an intervention changed: after a change verb ("decreases inflammatory cytokines
    and mortality"), and in how results are reported ("mortality was lower in the treated group", "no significant
    difference in pain scores")."""
    scan = scan or Scan(text, Resources())
    significance = Significance(scan)
    arms = _EveryArm(scan)
    mentions = [_significant_or_not(significance, m) for m in _verb_outcomes(scan) if not arms.side_by_side(m)]
    taken = [(m.sentence, m.outcome.lower()) for m in mentions]
    for mention in [*(_significant_or_not(significance, m) for m in _result_outcomes(scan)
                      if not arms.side_by_side(m)),
                    *_numeric_outcomes(scan, significance)]:
        if not any(s == mention.sentence and (o in mention.outcome.lower() or mention.outcome.lower() in o)
                   for s, o in taken):
            mentions.append(mention)
            taken.append((mention.sentence, mention.outcome.lower()))
    if not mentions:
        return []
    leading = map(_without_leading_preposition, map(_without_trailing_adverbs, mentions))
    tidied = [t for m in leading if (t := _tidied(scan.text, m)) is not None]
    between = (arms.read(m) for m in tidied)
    stopped = _stopped_sentences(scan)
    return [
        m for m in between if m is not None and m.sentence not in stopped and plausible_outcome_name(m.outcome)
    ]


_STOPPING_STEMS = ("withdraw", "discontinu", "cessation", "stopp", "taper", "ceased")


def _stopped_sentences(scan: Scan) -> set[int]:
    """The sentences that tell of a treatment stopped (cues.DECHALLENGE): a change in them is not its effect."""
    if not any(stem in scan.low for stem in _STOPPING_STEMS):
        return set()
    return {i for i, (start, end) in enumerate(scan.sentences()) if DECHALLENGE.search(scan.low, start, end)}


def _in_definition(low: str, sentence_start: int, pos: int) -> bool:
    """Whether pos lies inside a bracket that defines a term: "(defined as ..., indicating ...)"."""
    opened = low.rfind("(", max(sentence_start, pos - HYPOTHETICAL_CHARS), pos)
    return opened >= 0 and ")" not in low[opened:pos] and DEFINITION_OPEN.match(low, opened) is not None


class _EveryArm:
    """A change said of every arm ("both groups had small improvements in X", "X improved in both arms"), or of each
    arm side by side with nothing that compares them ("X fell from 6 to 2 in the A group and from 6 to 3 in the
    control group"), is not one arm's effect: it is no difference when the sentence says the arms did not differ
    ("..., without differences between groups"), and no finding otherwise. Every arm must be named in the outcome's
    clause: a contrast ("but", "whereas", "only") ends it ("in both groups X fell, but only the Y group ..."). Each
    sentence is looked at once, and a clause is sought within HYPOTHETICAL_CHARS either side (a long statement is
    still read in linear time)."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self._anywhere: bool | None = None  # whether the statement names every arm at all (most do not)
        self._sentences: dict[tuple[int, int], tuple[bool, bool]] = {}  # (names every arm, says they are alike)
        self._parallel: bool | None = None  # whether the statement reports arms' changes side by side at all

    def side_by_side(self, mention: OutcomeMention) -> bool:
        """Whether the mention's sentence reports each arm's own change side by side, the comparator's last, and
        nothing in it compares the arms: "X fell from 6 to 2 in the A group and from 6 to 3 in the control
        group" is no difference found between them. (Two arms' values, "X was 2.1 in the A group and 4.3 in the
        control group (p < 0.01)", are a comparison: numeric_results.py reads them.)"""
        low = self.scan.low
        if mention.change == "no_difference":
            return False
        if self._parallel is None:
            self._parallel = " and " in low and ARMS_IN_PARALLEL.search(low) is not None
        if not self._parallel:
            return False
        start, end = self.scan.sentence_at(mention.start)
        parallel = ARMS_IN_PARALLEL.search(low, mention.start, end)
        return parallel is not None and ARMS_COMPARED.search(low, start, end) is None

    def read(self, mention: OutcomeMention) -> OutcomeMention | None:
        if mention.change == "no_difference":
            return mention
        if self._anywhere is None:
            self._anywhere = EVERY_ARM.search(self.scan.low) is not None
        if not self._anywhere:
            return mention
        low = self.scan.low
        start, end = self.scan.sentence_at(mention.start)
        seen = self._sentences.get((start, end))
        if seen is None:
            seen = (EVERY_ARM.search(low, start, end) is not None, ARMS_ALIKE.search(low, start, end) is not None)
            self._sentences[(start, end)] = seen
        if not seen[0]:
            return mention
        lo, hi = max(start, mention.start - HYPOTHETICAL_CHARS), min(end, mention.start + HYPOTHETICAL_CHARS)
        before = list(CONTRAST.finditer(low, lo, mention.start))
        after = CONTRAST.search(low, mention.start, hi)
        if EVERY_ARM.search(low, before[-1].end() if before else lo, after.start() if after else hi) is None:
            return mention
        return replace(mention, change="no_difference", direction="no_difference") if seen[1] else None


def _tidied(text: str, mention: OutcomeMention) -> OutcomeMention | None:
    """The mention with its name tidied (name_bounds), or None when it names no measure."""
    end = mention.start + len(mention.outcome)
    bounds = name_bounds(mention.outcome, text[end : end + 40], cut_causes=mention.direction == "improved")
    if bounds is None:
        return None
    if bounds != (0, len(mention.outcome)):
        mention = replace(mention, outcome=mention.outcome[bounds[0] : bounds[1]], start=mention.start + bounds[0])
    return _named_before(text, mention) or mention


# a measure's head with its complement ("the probability of HIV infection or death"), up to where an object's name
# ends (cues.OBJ_CUT) or a comma or semicolon
_HEAD_OF = re.compile(r"\b(?P<head>[a-z]+)\s+of\s+(?P<complement>[a-z][^,;:()\[\]]*)")


def _named_before(text: str, mention: OutcomeMention) -> OutcomeMention | None:
    """A measure's head alone ("the probability was 11.2% among ...") names the measure its sentence named in full
    before it ("the overall probability of HIV infection or death ... was 11.7%; the probability was 11.2%"): that
    name, at its place. None when the name is more than a head, or its sentence named no such measure before."""
    words = mention.outcome.lower().split()
    if len(words) != 1 or words[0] not in MEASURE_WORDS or words[0] in MEASUREMENT_NOUNS:
        return None
    sentence_at = text.find(mention.quote) if mention.quote else -1
    if sentence_at < 0 or not sentence_at <= mention.start:
        return None
    low = text.lower()
    named = [m for m in _HEAD_OF.finditer(low, sentence_at, mention.start) if m.group("head") == words[0]]
    if not named:
        return None
    complement = OBJ_CUT.sub("", named[-1].group("complement")).rstrip()
    start = named[-1].start()
    name = tidy_name(text[start : named[-1].start("complement") + len(complement)]) if complement else None
    if name is None or not plausible_outcome_name(name) or len(name.split()) > SUBJECT_WORDS + 2:
        return None
    return replace(mention, outcome=name, start=start)


def _without_leading_preposition(mention: OutcomeMention) -> OutcomeMention:
    cut = LEADING_PREPOSITION.match(mention.outcome)
    if cut is None:
        return mention
    return replace(mention, outcome=mention.outcome[cut.end() :], start=mention.start + cut.end())


def _without_trailing_adverbs(mention: OutcomeMention) -> OutcomeMention:
    cut = TRAILING_ADVERBS.search(mention.outcome)
    return mention if cut is None or cut.start() == 0 else replace(mention, outcome=mention.outcome[: cut.start()])


def _significant_or_not(significance: Significance, mention: OutcomeMention) -> OutcomeMention:
    """A change the sentence says was not significant ("reduced mortality, although not significantly",
    "higher in the X group (p = 0.47)") is no difference."""
    if mention.change == "no_difference" or significance.at(mention.start) is not False:
        return mention
    return replace(mention, change="no_difference", direction="no_difference")


def _numeric_outcomes(scan: Scan, significance: Significance) -> list[OutcomeMention]:
    """Outcomes of the comparisons a statement reports in numbers (numeric_results.py) whose change is known: a
    comparison of two arms that no control word tells apart waits for the intervention (learned_results.py)."""
    known = [result for result in numeric_results(scan, significance) if result.change != "unclear"]
    return numeric_outcomes(scan, known, scan.res.polarity)


def numeric_outcomes(
    scan: Scan, results: Sequence[NumericResult], polarity: LearnedPolarity | None
) -> list[OutcomeMention]:
    """The outcomes of comparisons in numbers: named by the words before their values (or by the result itself:
    "the hazard ratio for death"), with what each change means for the patient."""
    mentions = []
    for result in results:
        span = result.named or (
            _subject_before(scan, result.subject_end, long_heads=result.change == "no_difference")
            if result.subject_end >= 0 else None
        )
        if span is None:
            continue
        for piece_start, piece_end in _pieces(scan.low, span):
            found = _tidied(scan.text, _mention(scan, piece_start, piece_end - piece_start, result.change, "unclear"))
            if found is not None:
                direction = outcome_direction(found.outcome, result.change, polarity)
                mentions.append(replace(found, direction=direction))
    return mentions


def _verb_outcomes(scan: Scan) -> list[OutcomeMention]:
    """Outcomes after a change verb: "reduces mortality", "a reduction in ARDS", "did not improve survival"."""
    low = scan.low
    mentions: list[OutcomeMention] = []
    may_start = list(map(OUTCOME_VERB_START, scan.word_values))
    if True not in may_start:
        return mentions
    pos = scan.starts[may_start.index(True)]  # no change verb starts before this word
    while True:
        match = OUTCOME_VERB.search(low, pos)
        if match is None:
            break
        pos = match.start("obj")
        verb = match.group("verb")
        verb_label = verb_change(verb)
        sentence_start, sentence_end = scan.sentence_at(match.start())
        prefix = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        if verb_label is None or HYPOTHETICAL.search(prefix) or (
            SUBGROUP_BEFORE.search(prefix[-40:]) and not RESPONDERS_BEFORE.search(prefix[-80:])
        ):
            continue  # a purpose or a conjecture; who the patients were ("patients who had improved symptoms")
        if _in_definition(low, sentence_start, match.start()):
            continue
        # "an increasing incidence of Y", "the rising prevalence of Z": a trend, not a result; named, with no change,
        # so that it is not read as a harm either
        trend = verb.endswith("ing") and verb_label in ("increased", "decreased") and (
            _TREND_BEFORE.search(prefix[-12:]) is not None
        )
        obj = OBJ_CUT.sub("", match.group("obj"))
        if _JOINED_OBJECT.match(obj) and _PREDICATE_BEFORE.search(prefix[-40:]):
            continue  # "X was significantly lower and the rate of Y was higher": a new clause, not lower's object
        obj = re.sub(r"^(?:or|and)\s+", "", obj)
        first_word = obj.split(" ", 1)[0]
        if first_word in ("in", "of") and (verb in _CHANGE_NOUNS or (
            verb in _PLURAL_CHANGE_NOUNS and _NOUN_BEFORE.search(low, max(0, match.start() - 25), match.start())
        )):
            obj = obj[len(first_word) + 1 :]  # "an increase in HDL", "increases in Ve": the noun, not the verb
            if _COMPARED_AFTER.match(low, match.end("obj"), sentence_end) is not None:
                continue  # "the increase in X was less than in group II": how much it rose, compared, not which way
        elif first_word in _NOT_AN_OBJECT and verb.endswith(("ed", "er", "ing")):
            continue  # "lower in group I", "reduced using PRVC": said of a subject before it, not of an object
        adverb = _ADVERB_BEFORE_OBJECT.match(obj)  # "improved significantly the semen parameters"
        skipped = adverb.end() if adverb is not None else 0
        obj = obj[skipped:]
        if not obj.strip() or (not skipped and INTRANSITIVE_OBJECT.match(obj)) or all(
            w.endswith("ly") for w in obj.split()
        ):
            continue  # "improved substantially in recent years": the subject changed, not an object
        pos = match.start("obj") + skipped + len(obj)  # a change word inside this object is part of its name
        # "did not reduce X"; "a statistically nonsignificant reduction in X", "a trend toward improved X"
        negated = (
            VERB_NEGATED.search(prefix[-70:]) is not None or NOT_SIGNIFICANT.search(prefix[-30:]) is not None
            or _NO_DIFFERENCE_IN_DOING.search(prefix[-90:]) is not None
        )
        if negated and _AS_MUCH_AS.search(obj) is not None:
            continue
        halted = HALTED.search(prefix[-30:]) is not None  # "halt the deterioration of cardiac function"
        piece_pos = match.start("obj")
        for piece in _split_pieces(obj):
            idx = low.find(piece, piece_pos) if piece else -1
            if idx < 0:
                continue
            piece_pos = idx + len(piece)
            words = _outcome_words(piece)
            if not words:
                continue
            if not ARM_WORDS.isdisjoint(words):
                # "an improvement in the electrostimulation group", "improvements were found in the TA group for X
                # and Y": the object names an arm, and what follows it is not this verb's object
                break
            name_low = " ".join(words)
            start = low.find(name_low, idx)
            if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
                continue
            change: Change
            direction: Direction
            if trend:
                change, direction = "unclear", "unclear"
            elif negated:
                change, direction = "no_difference", "no_difference"
            elif halted and verb_label in ("worsened", "decreased"):
                change, direction = "unclear", "improved"
            elif verb_label in ("increased", "decreased"):
                change = "increased" if verb_label == "increased" else "decreased"
                name = scan.text[start : start + len(name_low)]
                direction = outcome_direction(name, change, scan.res.polarity)
                if verb.startswith(("prevent", "alleviat", "ameliorat", "reliev", "mitigat")) or (
                    # "effective in lowering X": the aim, so good whichever X is; not where the piece opens with a
                    # change of its own ("lowering X and raising Y": Y's change is not this verb's)
                    EFFECTIVE_IN_DOING.search(prefix[-120:]) is not None and verb_change(words[0]) is None
                ):
                    direction = "improved"
            else:
                change = "unclear"
                direction = "improved" if verb_label == "improved" else "worsened"
            mentions.append(_mention(scan, start, len(name_low), change, direction))
    return mentions


def _subject_before(scan: Scan, pos: int, long_heads: bool = False) -> tuple[int, int] | None:
    """The noun phrase that ends just before pos, within its clause: "the ovulation rate in the IM group (93%)"
    gives "ovulation rate". None when there is none. With long_heads (for a result of no difference, which says
    nothing of either arm), a subject too long for a measure's name is cut before where or when it was measured
    (_head_before_place)."""
    low = scan.low
    sentence_start, _ = scan.sentence_at(pos)
    clause_start = max(sentence_start, pos - SUBJECT_CHARS)
    bounded = clause_start == sentence_start  # the phrase starts where its clause does, not at SUBJECT_CHARS
    while clause_start > sentence_start and clause_start < pos and not low[clause_start - 1].isspace():
        clause_start += 1  # not from the middle of a word ("althou|gh 50% of ...")
    relative = False
    for boundary in CLAUSE_BOUNDARY.finditer(low, clause_start, pos):
        clause_start = boundary.end()
        bounded = True
        # "retinal problems which later improved": a relative pronoun is the subject, unless a preposition takes it
        # ("groups in which mortality was lower")
        relative = boundary.group() in ("which", "who") and not _PREPOSITION_BEFORE.search(
            low, max(0, boundary.start() - 12), boundary.start()
        )
    if relative:
        return None
    phrase = low[clause_start:pos]
    joined = [m.end() for m in _CLAUSE_BEFORE_AND.finditer(phrase)]
    if joined:  # "X was significantly lower and the rate of Y was higher": Y's clause begins after "and"
        phrase = phrase[joined[-1] :]
    cut = SUBJECT_CUT.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    words = phrase.split()
    lead = 0
    while lead < len(words) and (words[lead] in SUBJECT_LEAD or words[lead] in ADVERBS):
        lead += 1
    words = words[lead:]
    while words and (words[-1].endswith("ly") or words[-1] in SUBJECT_TAIL):  # "X has significantly decreased"
        words.pop()
    if len(words) > SUBJECT_WORDS and bounded and long_heads:
        words = _head_before_place(words)
    if not words or len(words) > SUBJECT_WORDS or words[-1] in NOT_OUTCOMES or words[0] in SUBJECT_PRONOUNS:
        return None
    name = " ".join(words)
    start = low.find(name, clause_start, pos)
    return (start, start + len(name)) if start >= 0 else None


# a subject whose head is a fall of a measure ("the decreases in the symptom scale scores were greater"): a
# comparative then says how much it fell, not which way the measure went
_FALL_HEAD = re.compile(r"(?:reductions?|decreases?|declines?|falls?|drops?)\s+(?:in|of)\b")
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


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|for|at|on|by|with|from|among|during|after|to)\s+$")


def _result_outcomes(scan: Scan) -> list[OutcomeMention]:
    """Outcomes in reported results: "X was significantly lower in the treated group", "X did not differ",
    "no significant difference in X", "patients had shorter X"."""
    low = scan.low
    mentions: list[OutcomeMention] = []
    said = scan.ngram_set  # a set: each test below is one lookup, not a pass over the tokens
    negated = "no" in said or "not" in said
    # "X did not change", "X did not improve in the Y group"
    results = not RESULT_WORDS.isdisjoint(said) or (negated and not _NEGATED_VERBS.isdisjoint(said))
    # "no significant difference in X"; "the difference in X was not significant"
    tested = not DIFFERENCE_WORDS.isdisjoint(said) and not SIGNIFICANCE_WORDS.isdisjoint(said)
    for match in [*(NO_DIFFERENCE_IN.finditer(low) if negated else ()),
                  *(DIFFERENCE_NOT_SIGNIFICANT.finditer(low) if tested else ())]:
        if low[match.start("obj") :].split(" ", 1)[0] in _NOT_AN_OBJECT:
            continue  # "did not change in response to treatment": said of the subject before it (SUBJECT_RESULT)
        head = CHANGE_HEAD.match(low, match.start("obj"))  # "no difference in the changes in X": X
        piece_pos = head.end() if head is not None else match.start("obj")
        obj = OBJ_CUT.sub("", low[piece_pos : match.end("obj")])
        for piece in _split_pieces(obj):
            words = _outcome_words(piece)
            name_low = " ".join(words)
            start = low.find(name_low, piece_pos) if words else -1
            if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80 or words[-1] in EFFECT_MEASURES:
                continue
            piece_pos = start + len(name_low)
            mentions.append(_mention(scan, start, len(name_low), "no_difference", "no_difference"))
    fewer_or_more = not _FEWER_OR_MORE.isdisjoint(said)
    for match in FEWER_PATIENTS.finditer(low) if fewer_or_more else ():
        obj = OBJ_CUT.sub("", match.group("obj")).rstrip()
        control = CONTROL_WORDS.search(match.group("who")) is not None or (
            CONTROL_ARM.match(low, match.start("obj") + len(obj)) is not None
        )
        fewer = (match.group("word") or match.group("share")) in ("fewer", "less", "lower", "smaller", "lesser")
        word = "fewer" if fewer else "greater"
        for piece_start, piece_end in _pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
            reading = _result_reading(scan.text[piece_start:piece_end], word, control, scan.res.polarity)
            mentions.append(_mention(scan, piece_start, piece_end - piece_start, *reading))
    for match in SUBJECT_CHANGE_NOUN.finditer(low) if not _CHANGE_NOUNS_SAID.isdisjoint(said) else ():
        span = _subject_before(scan, match.start())
        if span is None or CONTROL_WORDS.search(low, span[0], span[1]) is not None:
            continue  # no subject, or the control arm's own change
        for piece_start, piece_end in _pieces(low, span):
            change, direction = _result_reading(
                scan.text[piece_start:piece_end], _CHANGE_NOUN_WORD[match.group("noun")], False, scan.res.polarity
            )
            mentions.append(_mention(scan, piece_start, piece_end - piece_start, change, direction))
    for match in OUTPERFORMED.finditer(low) if not _OUTPERFORMED_SAID.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        if CONTROL_WORDS.search(low, max(sentence_start, match.start() - 60), match.start()):
            continue  # the control arm did better or worse: no reading of which way the intervention went
        if (span := _object_name(low, match)) is not None:
            better = match.group("verb") == "outperformed" or "superior" in match.group("verb")
            mentions.append(_mention(scan, *span, "unclear", "improved" if better else "worsened"))
    for match in FAVOURS.finditer(low) if "favour" in said or "favor" in said else ():
        if (span := _object_name(low, match)) is not None:
            # the control arm favoured: the intervention did worse on the measure
            control = CONTROL_WORDS.search(match.group("arm")) is not None
            mentions.append(_mention(scan, *span, "unclear", "worsened" if control else "improved"))
    for match in EVALUATIVE_EFFECT.finditer(low) if not EVALUATIVE_EFFECT_WORDS.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        if HYPOTHETICAL.search(before) or _CONDITION_BEFORE.search(before) or _MODAL.search(match.group("obj")) or (
            (span := _object_name(low, match)) is None
        ):
            continue  # "may have a beneficial effect on X", "if ..., deleterious effects on X may ...": a conjecture
        if _EFFECT_DENIED.search(before[-40:]):
            mentions.append(_mention(scan, *span, "no_difference", "no_difference"))
        else:
            good = match.group("word") in ("beneficial", "favourable", "favorable")
            mentions.append(_mention(scan, *span, "unclear", "improved" if good else "worsened"))
    for match in SCORED.finditer(low) if not _SCORED_SAID.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        if CONTROL_WORDS.search(low, max(sentence_start, match.start() - 60), match.start()):
            continue  # the control arm scored higher: no reading of which way the intervention went
        if (span := _object_name(low, match)) is not None:
            change, direction = _result_reading(
                scan.text[span[0] : span[0] + span[1]], match.group("word"), False, scan.res.polarity
            )
            mentions.append(_mention(scan, *span, change, direction))
    # "more X than", "significantly high in": result words too, but common ones, so only in these frames
    if not results and "more" not in said and not (
        "significantly" in said and ("high" in said or "low" in said)
    ):
        return mentions
    for match in SUBJECT_RESULT.finditer(low):
        if (match.group("linked") or "").startswith("not ") and _BUT_PREDICATE.search(
            low, match.end(), scan.sentence_at(match.start())[1]
        ):
            continue  # "X was not reduced by A, but was decreased by B": the subject's two readings differ
        if match.group("nodiff") or (match.group("linked") or "").startswith("not "):
            word = "no difference"
        else:
            phrase = " ".join((match.group("linked") or match.group("verb") or "differ").split())
            word = phrase if phrase in RESULT_CHANGE else phrase.split()[-1]
        inverted = CONTROL_ARM.match(low, match.end()) is not None
        if TREND.match(low, match.end()) or (inverted and match.group("verb")):
            continue  # a change over the years; a change the control arm itself went through ("fell in the placebo
            # group") is not the intervention's against it
        span = _subject_before(scan, match.start(), long_heads=RESULT_CHANGE[word][0] == "no_difference")
        sentence_start = max(scan.sentence_at(match.start())[0], span[0] - HYPOTHETICAL_CHARS) if span else 0
        if span is None or HYPOTHETICAL.search(low[sentence_start : span[0]]):
            continue
        if RESULT_CHANGE[word][0] != "no_difference" and _FALL_HEAD.match(low, span[0]):
            continue
        if match.group("differ") not in (None, "differ") and (
            inverted or CONTROL_WORDS.search(low, span[0], match.start()) or _CONTROL_AFTER.match(low, match.end())
        ):
            continue  # "these parameters in the control group did not change": the control arm's own course
        subject = TRAILING_ADVERBS.sub("", low[span[0] : span[1]]).split()
        if subject and subject[-1] in ARM_WORDS:
            continue  # "the amalgam and composite groups did not differ": the arms, not an outcome
        for piece_start, piece_end in _pieces(low, span):
            change, direction = _result_reading(
                scan.text[piece_start:piece_end], word, inverted, scan.res.polarity
            )
            mentions.append(_mention(scan, piece_start, piece_end - piece_start, change, direction))
    for match in PROTECTIVE.finditer(low):
        if (span := _object_name(low, match)) is not None:
            # protected against, or prevented, a harm: the harm decreased; "effective in treating" a disease: better
            treating = "treating" in low[match.start() : match.start("obj")]
            mentions.append(_mention(scan, *span, "unclear" if treating else "decreased", "improved"))
    for match in MORE_EFFECTIVE.finditer(low) if "than" in said else ():
        if (span := _object_name(low, match)) is not None:
            better = match.group("word") == "more"
            mentions.append(_mention(scan, *span, "unclear", "improved" if better else "worsened"))
    for match in COMPARATIVE_OBJECT.finditer(low):
        if match.group("word") == "more" and match.group("verb") == "with":
            continue  # "with a more severe leukopenia", "patients with more advanced disease": who, not a result
        if (span := _object_name(low, match)) is None:
            continue
        inverted = CONTROL_ARM.match(low, match.start("obj") + len(OBJ_CUT.sub("", match.group("obj")))) is not None
        change, direction = _result_reading(
            scan.text[span[0] : span[0] + span[1]], match.group("word"), inverted, scan.res.polarity
        )
        mentions.append(_mention(scan, *span, change, direction))
    return mentions


def _object_name(low: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where the outcome a pattern's "obj" group opens with is named, as (start, length); None when it names none."""
    obj = OBJ_CUT.sub("", match.group("obj"))
    words = _outcome_words(_split_pieces(obj)[0]) if obj.strip() else []
    name_low = " ".join(words)
    start = low.find(name_low, match.start("obj")) if words else -1
    if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
        return None
    return start, len(name_low)


_CHANGE_NOUN_WORD = {
    **dict.fromkeys(("reduction", "decrease", "decline"), "reduced"),
    **dict.fromkeys(("increase", "rise"), "increased"),
    "improvement": "improved", **dict.fromkeys(("deterioration", "worsening"), "worsened"),
}
_TREND_BEFORE = re.compile(r"\b(?:an|the)\s+$")
_CHANGE_NOUNS_SAID = frozenset(_CHANGE_NOUN_WORD)
_ALTERNATIVES_OF = re.compile(r"\bof\b[^,;]*\s(?:or|and/or)\s+$")
# "in the vehicle group", "among placebo recipients": the arm a change was said of, when it is the control arm
_CONTROL_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:in|among|for|with)\s+(?:the\s+)?(?:[\w\-]+\s+)?" + CONTROL_WORDS.pattern
)
_BUT_PREDICATE = re.compile(r"\bbut\s+(?:was|were|is|are)\b")
_NEGATED_VERBS = frozenset({"change", "improve", "increase", "decrease"})
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|whether)\b")
_MODAL = re.compile(r"\b(?:may|might|could|would)\b")
# "had no beneficial effect on X", "without detrimental effects on X": no effect either way
_EFFECT_DENIED = re.compile(r"\b(?:no|not|nor|without|lack\s+of|absence\s+of)\s+(?:\w+\s+){0,3}$")
_SCORED_SAID = frozenset({"scored", "performed", "did"})
_OUTPERFORMED_SAID = frozenset({"outperformed", "superior", "inferior"})
_FEWER_OR_MORE = frozenset({"fewer", "more", "less", "proportion", "percentage", "number", "share"})
_OPPOSITE_CHANGE: dict[Change, Change] = {"increased": "decreased", "decreased": "increased"}
_OPPOSITE_DIRECTION: dict[Direction, Direction] = {"improved": "worsened", "worsened": "improved"}


def _result_reading(
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
    return change, outcome_direction(name, change, learned)


def _split_pieces(text: str) -> list[str]:
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
        if words and end > start and words[-1].endswith(ADJECTIVE_ENDINGS) and len(words[-1]) > 4:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [text[start:end] for start, end in merged]


def _pieces(low: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A subject's coordinated parts: "TEF10 and 25/PT" gives two; but alternatives after "of" are one measure's
    ("resolution of heartburn or other reflux symptoms" is one)."""
    pieces: list[tuple[int, int]] = []
    pos = span[0]
    for piece in _split_pieces(low[span[0] : span[1]]):
        start = low.find(piece, pos, span[1]) if piece else -1
        if start < 0 or piece in NOT_OUTCOMES or not 3 <= len(piece) <= 80:
            continue
        if pieces and _ALTERNATIVES_OF.search(low, pieces[-1][0], start):
            pieces[-1] = (pieces[-1][0], start + len(piece))
        else:
            pieces.append((start, start + len(piece)))
        pos = start + len(piece)
    return pieces
