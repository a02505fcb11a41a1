"""Outcomes a statement says an intervention changed, and what each change means for the patient: the outcomes of
change verbs ("reduces mortality", "a reduction in ARDS") are read here, those of reported results in
result_outcomes.py and those of comparisons in numbers in numeric_results.py; find_outcomes merges the three and tidies
their names (outcome_spans.py holds what they share)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from summarizer.engines.extractive.compared_arms import without_compared_arm
from summarizer.engines.extractive.compound_changes import compound_change_outcomes
from summarizer.engines.extractive.cues import (
    ARMS_ALIKE,
    ARMS_COMPARED,
    ARMS_IN_PARALLEL,
    COMPARISON_RESULT,
    CONTRAST,
    DEFINITION_OPEN,
    EVERY_ARM,
    HALTED,
    HYPOTHETICAL,
    INTRANSITIVE_OBJECT,
    MEASUREMENT_NOUNS,
    NOT_OUTCOMES,
    OBJ_CUT,
    OUTCOME_VERB,
    OUTCOME_VERB_START,
    RESPONDERS_BEFORE,
    SUBGROUP_BEFORE,
    VERB_NEGATED,
)
from summarizer.engines.extractive.drop_outcomes import drop_outcomes
from summarizer.engines.extractive.effect_outcomes import effect_outcomes
from summarizer.engines.extractive.event_subgroups import event_subgroup_sentences
from summarizer.engines.extractive.held_back_courses import (
    COURSE_NOUNS,
    diminished_before,
    held_back_before,
    held_back_outcomes,
)
from summarizer.engines.extractive.noun_objects import change_noun_object
from summarizer.engines.extractive.numeric_results import NumericResult, numeric_results
from summarizer.engines.extractive.outcome_names import (
    LEADING_PREPOSITION,
    MEASURE_WORDS,
    TRAILING_ADVERBS,
    name_bounds,
    patients_characteristic,
    plausible_outcome_name,
    tidy_name,
    verb_change,
)
from summarizer.engines.extractive.outcome_spans import (
    HYPOTHETICAL_CHARS,
    NOT_AN_OBJECT,
    OutcomeMention,
    mention_at,
    outcome_words,
    pieces,
    split_pieces,
    subject_before,
)
from summarizer.engines.extractive.polarity import LearnedPolarity, outcome_direction
from summarizer.engines.extractive.pressure_ranges import fell_to_hypotension
from summarizer.engines.extractive.resolution import resolution_outcomes
from summarizer.engines.extractive.resources import Resources
from summarizer.engines.extractive.result_cues import (
    CONTROL_ARM,
    DECHALLENGE,
    EFFECTIVE_IN_DOING,
    EQUALLY_EFFECTIVE,
    LESS_EFFECTIVE,
    SUBJECT_WORDS,
)
from summarizer.engines.extractive.result_outcomes import result_outcomes
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.sided_differences import sided_differences
from summarizer.engines.extractive.significance import NOT_SIGNIFICANT, Significance
from summarizer.engines.extractive.treatment_names import ARM_WORDS
from summarizer.engines.extractive.trend_outcomes import trend_outcomes
from summarizer.engines.extractive.unreported_results import before_treatment, planned_sentences
from summarizer.models import Change, Direction

__all__ = [
    "OutcomeMention", "find_outcomes", "find_outcomes_and_numbers", "name_bounds", "numeric_outcomes",
    "outcome_direction", "plausible_outcome_name", "tidy_name",
]

_CHANGE_NOUNS = frozenset({"increase", "decrease", "rise"})
# "significant increases in Ve" is a noun; "it decreases in(flammatory) cytokines" a verb
_PLURAL_CHANGE_NOUNS = frozenset({"increases", "decreases", "rises"})
_NOUN_BEFORE = re.compile(
    r"\b(?:the|significant|significantly\s+greater|greater|larger|marked|small|slight|mean|median|no|any|similar|"
    r"further|showed|in)\s+$"
)
_ADVERB_BEFORE_OBJECT = re.compile(r"\w+ly\s+(?=(?:the|their|its|all)\s)")
# "no difference between the two drugs in preventing X": X did not differ
_NO_DIFFERENCE_IN_DOING = re.compile(r"\bno\s+(?:\w+\s+){0,2}?differences?\b[^.;:]{0,60}?\s(?:in|for)\s+$")
# a change word said of the subject before it ("was significantly lower", "were reduced"): what follows "and" after it
# is another clause, not its object
_PREDICATE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+){0,2}$")
_JOINED_OBJECT = re.compile(r"(?:or|and)\s")
# the copula and comparative after the subject a change noun heads: "the mean increase in swelling [in group I] was
# significantly less than that of group II"
_COMPARED_AFTER = re.compile(
    r"(?:(?!,\s+(?:and|but|while|whereas)\b)[^;]){0,120}?\b(?:was|were)\s+(?:\w+ly\s+)?"
    # "the rise in X was comparable between the groups": how much it rose did not differ
    r"(?P<word>less|lower|smaller|greater|higher|larger|more|similar|comparable|not\s+(?:\w+ly\s+)?different)\b"
)
# what the comparative says of the change its subject names: "the increase in X was less (in A than in B)" is X
# lower in A, "the decrease in X was greater" X lower, "the rise in X was comparable" no difference in X
_LESS_CHANGE = frozenset({"less", "lower", "smaller"})
_OPPOSITE_LABEL = {"increased": "decreased", "decreased": "increased"}
# a change verb's object compared by how much it changed: "A reduced X less than B (did)", "improved X significantly
# less than B": the change of the comparison is the other way (not a quantity: "reduced X by less than 5%")
_LESS_AFTER_OBJECT = re.compile(
    r"\s+(?:(?:statistically\s+)?(?:significantly|markedly|substantially|much|far)\s+)?less\s+"
    r"(?:than\s+(?!\d|[<>]|about\b|half\b)|(?:effectively|efficiently|markedly|strongly)\b)"
)
_TURNED_ROUND = {**_OPPOSITE_LABEL, "improved": "worsened", "worsened": "improved"}
# the change nouns a comparative of less may make smaller (held_back_courses.diminished_before)
_DIMINISHABLE = frozenset({
    "reduction", "reductions", "decrease", "decreases", "decline", "declines", "increase", "increases", "rise",
    "rises", "improvement", "improvements", "deterioration", "worsening",
})


def _less_after(low: str, name_end: int) -> bool:
    """Whether "less than B" (_LESS_AFTER_OBJECT) follows an object's name, or ends it (the name read may hold the
    "less": "body weight less")."""
    found = _LESS_AFTER_OBJECT.search(low, max(0, name_end - 5), name_end + 60)
    return found is not None and found.start() <= name_end
# "did not increase CPP as much as mannitol", "did not reduce pain as effectively as X": a negated comparison with the
# other arm says the change was smaller, not that there was none
_AS_MUCH_AS = re.compile(r"\bas\s+(?:much|many|far|well|\w+ly)\s+as\b")


def find_outcomes(text: str, scan: Scan | None = None) -> list[OutcomeMention]:
    """Outcomes a statement says an intervention changed: after a change verb ("decreases inflammatory cytokines
    and mortality"), and in how results are reported ("mortality was lower in the treated group", "no significant
    difference in pain scores")."""
    return find_outcomes_and_numbers(text, scan)[0]


def find_outcomes_and_numbers(
    text: str, scan: Scan | None = None
) -> tuple[list[OutcomeMention], list[NumericResult]]:
    """find_outcomes, with the comparisons in numbers it read on the way (numeric_results), so that a later reader of
    the same scan (treatments.read_treatments) need not read them again."""
    scan = scan or Scan(text, Resources())
    significance = Significance(scan)
    numbers = numeric_results(scan, significance)
    return _found_outcomes(scan, significance, numbers), numbers


def _found_outcomes(scan: Scan, significance: Significance, numbers: list[NumericResult]) -> list[OutcomeMention]:
    arms = _EveryArm(scan)
    # a sided difference first: its measure is named in full where its side's clause repeats only its head ("a
    # difference in itch scores, where the A group had lower scores")
    sided = [_significant_or_not(significance, m) for m in sided_differences(scan)]
    # a course held back before the change words inside its phrase ("reduced the rate of decline in X": X kept, not
    # the rate reduced)
    held = held_back_outcomes(scan)
    first = [*sided, *(_significant_or_not(significance, m) for m, _ in held if not _overlaps(m, sided))]
    mentions = [*first, *(
        _significant_or_not(significance, m) for m in _verb_outcomes(scan)
        if not arms.side_by_side(m) and not _overlaps(m, first)
        and not any(opens <= m.start <= h.start for h, opens in held)
    )]
    taken = [(m.sentence, m.outcome.lower()) for m in mentions]
    for mention in [*(_significant_or_not(significance, m) for m in [*result_outcomes(scan), *resolution_outcomes(scan),
                                                                     *effect_outcomes(scan), *drop_outcomes(scan),
                                                                     *compound_change_outcomes(scan),
                                                                     *trend_outcomes(scan)]
                      if not arms.side_by_side(m)),
                    *_numeric_outcomes(scan, significance, numbers)]:
        if not any(s == mention.sentence and (o in mention.outcome.lower() or mention.outcome.lower() in o)
                   for s, o in taken):
            mentions.append(mention)
            taken.append((mention.sentence, mention.outcome.lower()))
    if not mentions:
        return []
    leading = map(_without_leading_preposition, map(_without_trailing_adverbs, mentions))
    tidied = [without_compared_arm(scan.text, t) for m in leading if (t := _tidied(scan.text, m)) is not None]
    between = (arms.read(m) for m in tidied)
    stopped = _stopped_sentences(scan) | planned_sentences(scan) | event_subgroup_sentences(scan)
    found = [
        m for m in between if m is not None and m.sentence not in stopped and plausible_outcome_name(m.outcome)
        and not _NEGATION_FIRST.match(m.outcome)
        and not (m.change == "no_difference" and (
            before_treatment(scan, m.start) or patients_characteristic(scan.text, m.start, m.outcome)
        ))
    ]
    # a blood pressure fallen to a hypotensive value is hypotension, a harm
    return [replace(m, direction="worsened") if fell_to_hypotension(scan, m) else m for m in found]

# a name that opens with a negation is a result, not a measure: "a small decrease or no change in X" gives no "no
# change"
_NEGATION_FIRST = re.compile(r"(?:no|not|none|neither|nor)\b", re.IGNORECASE)

_STOPPING_STEMS = ("withdraw", "discontinu", "cessation", "stopp", "taper", "ceased", "terminating")


def _overlaps(mention: OutcomeMention, others: Sequence[OutcomeMention]) -> bool:
    """Whether another mention of the same sentence names the mention's outcome, or a part of it."""
    name = mention.outcome.lower()
    return any(o.sentence == mention.sentence and (o.outcome.lower() in name or name in o.outcome.lower())
               for o in others)


def _stopped_sentences(scan: Scan) -> set[int]:
    """The sentences that tell of a treatment stopped (result_cues.DECHALLENGE): a change in them is not its effect."""
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
    return _quoted_with_denial(significance, replace(mention, change="no_difference", direction="no_difference"))


def _quoted_with_denial(significance: Significance, mention: OutcomeMention) -> OutcomeMention:
    """A result of no difference quoted with the next sentence when that sentence says the difference was not
    significant ("X was lower in A than in B. This difference was not significant.": Significance.denied_next)."""
    denied = significance.denied_next(mention.start) if mention.quote else None
    if denied is None or (at := significance.scan.text.find(mention.quote)) < 0:
        return mention
    return replace(mention, quote=significance.scan.text[at : denied[1]].strip())


def _numeric_outcomes(
    scan: Scan, significance: Significance, numbers: list[NumericResult]
) -> list[OutcomeMention]:
    """Outcomes of the comparisons a statement reports in numbers (numbers: numeric_results.py's) whose change is
    known: a comparison of two arms that no control word tells apart waits for the intervention
    (learned_results.py)."""
    known = [result for result in numbers if result.change != "unclear"]
    return [
        _quoted_with_denial(significance, m) if m.change == "no_difference" else m
        for m in numeric_outcomes(scan, known, scan.res.polarity)
    ]


def numeric_outcomes(
    scan: Scan, results: Sequence[NumericResult], polarity: LearnedPolarity | None
) -> list[OutcomeMention]:
    """The outcomes of comparisons in numbers: named by the words before their values (or by the result itself:
    "the hazard ratio for death"), with what each change means for the patient."""
    mentions = []
    for result in results:
        span = result.named or (
            # two arms' values are a comparison of arms: a time put before the subject is passed over ("At 12
            # months HbA1c was 7.1% in the A group and 7.9% in the control group": HbA1c)
            subject_before(
                scan, result.subject_end, long_heads=result.change == "no_difference", after_time=True, compared=True
            )
            if result.subject_end >= 0 else None
        )
        if span is None:
            continue
        for piece_start, piece_end in pieces(scan.low, span):
            found = _tidied(scan.text, mention_at(scan, piece_start, piece_end - piece_start, result.change, "unclear"))
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
        seems = _seems_to_before(prefix)  # "X appears to reduce Y": a finding, hedged, not a purpose
        unhedged = prefix[: len(prefix) - len(seems.group())] if seems else prefix
        if verb_label is None or HYPOTHETICAL.search(unhedged) or _given_for_before(prefix) or (
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
        obj = change_noun_object(
            low[match.start("obj") : sentence_end], len(match.group("obj")),
            verb in _CHANGE_NOUNS and _NOUN_OPENS.search(prefix[-25:]) is not None
            and (COMPARISON_RESULT.search(low, sentence_start, sentence_end) is not None
                 or _FOUND_BEFORE.search(prefix[-60:]) is not None),
        )
        compared = None
        noun_object = False
        if _JOINED_OBJECT.match(obj) and _PREDICATE_BEFORE.search(prefix[-40:]):
            continue  # "X was significantly lower and the rate of Y was higher": a new clause, not lower's object
        obj = re.sub(r"^(?:or|and)\s+", "", obj)
        first_word = obj.split(" ", 1)[0]
        if first_word in ("in", "of") and (verb in _CHANGE_NOUNS or (
            verb in _PLURAL_CHANGE_NOUNS and _NOUN_BEFORE.search(low, max(0, match.start() - 25), match.start())
        )):
            obj = obj[len(first_word) + 1 :]  # "an increase in HDL", "increases in Ve": the noun, not the verb
            noun_object = True
            compared = _COMPARED_AFTER.match(low, match.start("obj"), sentence_end)
        elif verb.endswith((" in", " of")) and verb.split(" ", 1)[0] in _CHANGE_NOUNS:
            compared = _COMPARED_AFTER.match(low, match.start("obj"), sentence_end)  # "the rise in X was ..."
        elif first_word in NOT_AN_OBJECT and verb.endswith(("ed", "er", "ing")):
            continue  # "lower in group I", "reduced using PRVC": said of a subject before it, not of an object
        alike, verb_label = _compared_change(low, compared, verb_label) if compared is not None else (False, verb_label)
        adverb = _ADVERB_BEFORE_OBJECT.match(obj)  # "improved significantly the semen parameters"
        skipped = adverb.end() if adverb is not None else 0
        obj = obj[skipped:]
        if not obj.strip() or (not skipped and INTRANSITIVE_OBJECT.match(obj)) or all(
            w.endswith("ly") for w in obj.split()
        ):
            continue  # "improved substantially in recent years": the subject changed, not an object
        pos = match.start("obj") + skipped + len(obj)  # a change word inside this object is part of its name
        # "did not reduce X"; "a statistically nonsignificant reduction in X", "a trend toward improved X"
        negated = alike or (seems is not None and seems.group("not") is not None) or (
            VERB_NEGATED.search(prefix[-70:]) is not None or NOT_SIGNIFICANT.search(prefix[-30:]) is not None
            or _NO_DIFFERENCE_IN_DOING.search(prefix[-90:]) is not None
            # "A was as effective as B in reducing X": no difference in X (gated on the word)
            or ("effective" in prefix or "efficacious" in prefix or "successful" in prefix or " as good as " in prefix)
            and EQUALLY_EFFECTIVE.search(prefix[-120:]) is not None
        )
        if negated and _AS_MUCH_AS.search(obj) is not None:
            continue
        # "the number of restored teeth": the participle qualifies what is counted, and the count is the outcome,
        # named with no change of its own (a sentence that calls it not significant makes it no difference)
        counted = _COUNTED_OF.search(prefix[-45:]) if verb.endswith("ed") else None
        if ("less " in prefix or "least " in prefix) and LESS_EFFECTIVE.search(prefix[-120:]) is not None:
            continue  # "less effective than B in reducing X": result_cues.MORE_EFFECTIVE reads it
        # "halt the deterioration of cardiac function", "slowed the rate of decline in X"
        halted = HALTED.search(prefix[-30:]) is not None or held_back_before(prefix)
        if verb.split(" ", 1)[0] in _DIMINISHABLE and diminished_before(prefix):
            # "a slower decline in X": held back; "a smaller reduction in X", "less improvement in X": the other way
            if verb.split(" ", 1)[0] in COURSE_NOUNS:
                halted = True
            else:
                verb_label = _TURNED_ROUND.get(verb_label, verb_label)
        if noun_object and _DETERMINER_BEFORE.search(prefix[-6:]):
            obj = _without_sibling_phrase(obj)  # "a decrease in A and the B": B is the clause's, not the decrease's
        piece_pos = match.start("obj")
        for piece in split_pieces(obj):
            idx = low.find(piece, piece_pos) if piece else -1
            if idx < 0:
                continue
            piece_pos = idx + len(piece)
            words = outcome_words(piece)
            if not words:
                continue
            if not ARM_WORDS.isdisjoint(words):
                # "an improvement in the electrostimulation group", "improvements were found in the TA group for X
                # and Y": the object names an arm, and what follows it is not this verb's object
                break
            name_low = " ".join(words)
            start = low.find(name_low, idx)
            if start >= 0 and counted is not None:
                # "the cumulative number of restored teeth": the whole count
                start = match.start() - len(prefix[-45:]) + counted.start()
                name_low = low[start : low.find(name_low, idx) + len(name_low)]
            if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
                continue
            change: Change
            direction: Direction
            label = verb_label
            if _less_after(low, start + len(name_low)):
                label = _TURNED_ROUND.get(verb_label, verb_label)  # "A reduced X less than B did": X higher with A
            if trend or (counted is not None and not negated):
                change, direction = "unclear", "unclear"
            elif negated:
                change, direction = "no_difference", "no_difference"
            elif halted and label in ("worsened", "decreased"):
                change, direction = "unclear", "improved"
            elif label in ("increased", "decreased"):
                change = "increased" if label == "increased" else "decreased"
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
                direction = "improved" if label == "improved" else "worsened"
            mentions.append(mention_at(scan, start, len(name_low), change, direction))
            if counted is not None:
                break  # what the next part is a count of is unsaid
    return mentions

_TREND_BEFORE = re.compile(r"\b(?:an|the)\s+$")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the)\s+$")
# a conjunct that opens with its own determiner after an object that has none: "a decrease in A and the B" pairs
# "the B" with "a decrease" (both the clause's), where "a decrease in A and B" would have decreased both
_SIBLING_PHRASE = re.compile(r"\s+(?:and|or)\s+(?:the|a|an|his|her|their|its|this|these)\s")
_OWN_DETERMINER = re.compile(r"(?:the|a|an|his|her|their|its|this|these)\s")


def _without_sibling_phrase(obj: str) -> str:
    """The change noun's object up to a conjunct that has its own determiner where the object opens with none."""
    if _OWN_DETERMINER.match(obj):
        return obj
    sibling = _SIBLING_PHRASE.search(obj)
    return obj[: sibling.start()] if sibling is not None else obj

# a count or a share of what a participle qualifies ("the number of restored teeth", "the proportion of improved
# patients"): the participle is an adjective of the thing counted, not the change of a measure after it
_COUNTED_OF = re.compile(
    r"\b(?:(?:mean|median|total|cumulative|overall|average)\s+)?(?:number|numbers|count|proportion|percentage|"
    r"incidence|rate|frequency|prevalence|amount)\s+of\s+$"
)
# a treatment given "for (the) reduction of X" is given with that aim: a purpose, not what happened ("was started
# on X for reduction of pain"); not "effective for the reduction of X", which judges it. The giving and the purpose
# stay in one clause (no comma, no full stop between).
_GIVEN_FOR = re.compile(
    r"\b(?:given|started|received|receiving|prescribed|administered|initiated|commenced|treated|began|begun|put)\b"
    r"[^.;,]{0,80}\bfor\s+(?:the\s+|a\s+)?$"
)
# a finding said with a hedge of seeming ("acamprosate appears to decrease alcohol intake", "did not appear to reduce
# X"): the "to" before the verb is no purpose; the denial is read with it
_SEEMS_TO = re.compile(
    r"(?:\b(?P<not>not|n't|never)\s+)?\b(?:seems?|seemed|appears?|appeared)\s+to\s+(?:[a-z]+ly\s+)?$"
)


def _seems_to_before(prefix: str) -> re.Match[str] | None:
    """_SEEMS_TO in the words before a change verb, looked for only where one of its verbs is (most prefixes)."""
    tail = prefix[-60:]
    return _SEEMS_TO.search(tail) if "seem" in tail or "appear" in tail else None


def _given_for_before(prefix: str) -> bool:
    """Whether _GIVEN_FOR ends the words before a change verb, looked for only where "for" is."""
    tail = prefix[-120:]
    return "for" in tail and _GIVEN_FOR.search(tail) is not None


# a verb of finding right before a change noun reports a result as a comparison does ("Smith et al. reported a
# significant increase in the serum level of X"), so the noun's object opens after "in"
_FOUND_BEFORE = re.compile(
    r"\b(?:reported|demonstrated|found|showed|shown|observed|noted|revealed|documented)\s+(?:a|an)\s+"
    r"(?:(?:statistically\s+)?significant\s+|marked\s+|substantial\s+|clear\s+|greater\s+|slight\s+|small\s+)?$"
)
# what may stand before a change noun whose measure follows it: an article or _NOUN_BEFORE's words ("a significant
# increase in the pregnancy rate"; not a noun it is said of: "the pain increase in the active side")
_NOUN_OPENS = re.compile(_NOUN_BEFORE.pattern + r"|\b(?:a|an)\s+$")
def _compared_change(low: str, compared: re.Match[str], verb_label: str) -> tuple[bool, str]:
    """What "the increase in X was less (in the A group)" says of X: (whether the arms were alike, the change). The
    change noun's way, turned round by a comparative of less and again when the control arm is the one compared
    (result_cues.CONTROL_ARM: "was greater in the placebo group")."""
    word = compared.group("word")
    if word not in _LESS_CHANGE and word not in ("greater", "higher", "larger", "more"):
        return True, verb_label  # "similar", "comparable", "not different"
    flips = (word in _LESS_CHANGE) != (CONTROL_ARM.match(low, compared.end()) is not None)
    return False, _OPPOSITE_LABEL.get(verb_label, verb_label) if flips else verb_label

