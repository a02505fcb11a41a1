"""An outcome's polarity read from the target's own statements, where the name alone says nothing.

The rules of polarity.py judge an outcome by its name ("mortality": lower is better). A name such as "migraine days",
"plaque index" or "FEV1" says nothing to them, but the target's statements often say elsewhere what the outcome is
to the patient, in general words that fix its good direction whatever the result:

- what one prevents, relieves or is at risk of is bad to have: "prevents migraine attacks", "relief of pain", "the
  risk of stroke", "free of plaque", "suffered from nausea", "pain relief", "migraine-free days"
  (BAD_BEFORE, BAD_AFTER);
- what is impaired, deficient, poor, preserved, restored, successful or adequate is good to have: "impaired renal
  function", "iron deficiency", "poor adherence", "restored sinus rhythm", "success of sedation" (GOOD_BEFORE,
  GOOD_AFTER);
- a frame's object joined to another names both ("prevents nausea and vomiting");
- what patients achieve is good to have ("achieved ASAS40"), and a change they achieve gives the good direction
  ("achieving a 75% reduction in PASI": less PASI is better) (ACHIEVED, ACHIEVED_CHANGE);
- a scale's own definition: "higher scores indicate worse symptoms", "lower values better" (SCALE), for the outcomes
  named beside it in the same clause whose names are scores ("XYZ score", not the concept "XYZ").

An outcome is matched by its core: its name without the measure words that keep its polarity ("number of", "mean",
"days", "score", "index", "frequency": the number of migraine days is as bad as migraine; measure_core). The
target's statements must agree: a core with votes both ways gets no polarity.

Not used, because they do not fix a direction: "improved X", "X improvement", "better X", "worsening of X" (an
improved FEV1 rose, an improved pain fell; a worsening of asthma is more asthma, a worsening of renal function
less function).

A change read in a sentence that says its result is not significant, or beside a reading of no difference in the
same outcome, gets no direction here: the polarity is right, but the change is the reading most likely wrong.
Only the statements that the reading marks as holding a frame's words are searched (cues, SentenceReading.
polarity_cues), once per outcome that asks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from summarizer.engines.extractive.cues import NO_DIFFERENCE
from summarizer.engines.extractive.harm_measures import LEVEL_WORDS
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.tokenise import lower_same_length

# words that measure an outcome without turning its good direction round: the number of migraine days, the
# severity of pain, the plaque index
DIRECTION_KEEPING_MEASURES = frozenset({
    "mean", "median", "average", "total", "overall", "number", "numbers", "frequency", "frequencies", "severity",
    "incidence", "prevalence", "occurrence", "rate", "rates", "level", "levels", "score", "scores", "days", "day",
    "attacks", "attack", "episodes", "episode", "index", "count", "counts", "intensity", "grade", "degree", "extent",
    "amount", "percentage", "proportion", "scale", "symptoms", "symptom", "rating", "ratings", "value", "values",
})
MIN_CORE_CHARS = 3
# a name with one of these is a score, whose direction a scale's definition gives
SCORE_WORDS = frozenset({"score", "scores", "scale", "rating", "ratings", "value", "values", "index", "points"})
_EDGE_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "for", "with", "by", "at", "to", "from", "and", "or",
                         "its", "their", "any", "all"})
_WORD = re.compile(r"[a-z0-9][a-z0-9\-'+/]*")
# the object of a frame: at most five words, ended by punctuation or a word that starts another phrase; and a
# second one joined to it ("prevents nausea and vomiting": both)
_WORDS = r"(?:(?!(?:and|or|in|with|by|at|than|compared|versus|vs|after|during|among|was|were|is|are|" \
    r"but|while|which|that|who|as|when|from|to|for|of)\b)[a-z0-9][a-z0-9\-'+/]*\s*){1,5}"
_OBJECT = rf"(?P<object>{_WORDS})(?:(?:,\s*|\s*)(?:and|or)\s+(?:(?:the|a|an)\s+)?(?P<object2>{_WORDS}))?"
# what one prevents, relieves or is at risk of is bad to have
BAD_BEFORE = re.compile(
    r"\b(?:prevent(?:s|ed|ing)?|prevention\s+of|prophylaxis\s+(?:of|against)|protect(?:s|ed|ing|ion)?\s+against|"
    r"risks?\s+of|reliev(?:e|es|ed|ing)|relief\s+(?:of|from)|alleviat(?:e|es|ed|ing|ion\s+of)|"
    r"suffer(?:s|ed|ing)?\s+from|free\s+(?:of|from)|complain(?:s|ed|ing|ts?)?\s+of)\s+"
    r"(?:(?:the|a|an)\s+)?" + _OBJECT
)
# ... and where the frame follows the name: "pain relief", "migraine-free days", "stroke prevention"
# (the frame word is found first, and the name read back from it: OBJECT_BEFORE)
BAD_AFTER = re.compile(r"\s(?:relief|prevention|prophylaxis)\b|-free\b")
# what is impaired, deficient, poor, preserved, restored, successful or adequate is good to have
GOOD_BEFORE = re.compile(
    r"\b(?:impair(?:s|ed|ing|ment\s+(?:of|in))|deficien(?:cy|cies|t)\s+(?:of|in)|poor|preserv(?:e|es|ed|ing|ation\s+of)|"
    r"restor(?:e|es|ed|ing|ation\s+of)|success\s+of|successful|(?:in)?adequate)\s+(?:(?:the|a|an)\s+)?" + _OBJECT
)
# what patients achieve is good to have ("achieved ASAS40", "attained remission"); a change achieved says the good
# direction ("achieving a 75% reduction in PASI": less of it is better), unless it is a gain in general words
ACHIEVED_CHANGE = re.compile(
    r"\b(?:achiev|attain)\w*\s+(?:(?:a|an|the|at\s+least)\s+)*(?:[\d.]+\s*%?\s*)?"
    r"(?P<change>reduction|decrease|fall|drop|decline|increase|rise|elevation)s?\s+(?:in|of)\s+(?:(?:the|a|an)\s+)?"
    + _OBJECT
)
ACHIEVED = re.compile(r"\b(?:achiev(?:e|es|ed|ing)|attain(?:s|ed|ing)?)\s+(?:(?:a|an|the)\s+)?" + _OBJECT)
_RISE = re.compile(r"increase|rise|elevation")
GOOD_AFTER = re.compile(r"\s(?:impairment|deficiency|deficiencies|deficits?|success)\b")
# the name before a frame word: the words (at most OBJECT_CHARS characters) after the last punctuation
OBJECT_CHARS = 60
OBJECT_BEFORE = re.compile(r"[a-z0-9\-'+/ ]*$")
# a scale's definition: "higher scores indicate worse symptoms", "lower values better", "higher = better"; the
# measure word is needed ("greater improvement" says nothing of a scale)
SCALE = re.compile(
    r"\b(?P<side>higher|lower|greater|larger|smaller|increas\w*|decreas\w*)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:scores?|values?|ratings?|numbers?|levels?|results?)\s*(?:"
    r"(?:indicat\w*|reflect\w*|represent\w*|mean|means|denot\w*|signif\w*|correspond\w*\s+to)\s+(?:(?:a|an)\s+)?"
    r"(?P<eval>better|worse|poorer|improv\w*|more\s+severe|greater\s+severity|less\s+severe|deteriorat\w*|wors\w*)"
    r"|(?:(?:are|is|=)\s*)?(?P<short>better|worse))\b"
)
# a result said not to be significant, beside cues.NO_DIFFERENCE: "failed to achieve statistical significance"
NOT_SIGNIFICANT = re.compile(
    r"\b(?:fail(?:s|ed)?\s+to|did\s+not|does\s+not|not)\s+(?:achieve|reach|attain)\w*\s+(?:statistical\s+)?"
    r"significance|\bnot\s+(?:statistically\s+)?significant"
)
# how far before or after a scale's definition its outcome may be named, in the same clause
SCALE_REACH = 120
_GOOD_EVAL = re.compile(r"better|improv|less\s+severe|lesser")
_HIGHER_SIDE = re.compile(r"higher|greater|larger|increas")
# cheap gates: a text holds one of these words before any frame is tried
_BAD_GATE = ("prevent", "prophylaxis", "protect", "risk", "reliev", "relief", "alleviat", "suffer", "free", "complain")
_GOOD_GATE = ("impair", "deficien", "deficit", "poor", "preserv", "restor", "success", "adequate")
_ACHIEVED_GATE = ("achiev", "attain")
# the words a frame needs, and those a scale's definition needs (an evaluation and a measure word), as the
# reading's words (Scan.toks): a statement without them (and without a "-free" word) holds no
# frame, and is never searched (cues)
FRAME_WORDS = frozenset({
    "prevent", "prevents", "prevented", "preventing", "prevention", "prophylaxis", "protect", "protects", "protected",
    "protecting", "protection", "risk", "risks", "relieve", "relieves", "relieved", "relieving", "relief",
    "alleviate", "alleviates", "alleviated", "alleviating", "alleviation", "suffer", "suffers", "suffered",
    "suffering", "free", "complain", "complains", "complained", "complaining", "complaint", "complaints",
    "impair", "impairs", "impaired", "impairing", "impairment", "deficiency", "deficiencies",
    "deficient", "deficit", "deficits", "poor", "preserve", "preserves", "preserved", "preserving", "preservation",
    "restore", "restores", "restored", "restoring", "restoration", "success", "successful", "adequate",
    "inadequate", "achieve", "achieves", "achieved", "achieving", "attain", "attains", "attained", "attaining",
})
SCALE_EVALUATIONS = frozenset({
    "better", "worse", "poorer", "improve", "improves", "improved", "improving", "improvement", "severe", "severity",
    "deteriorate", "deteriorates", "deteriorated", "deteriorating", "deterioration", "worsening", "worsened",
})
_ANY_CUE = FRAME_WORDS | SCALE_EVALUATIONS
SCALE_NOUNS = frozenset({"score", "scores", "value", "values", "rating", "ratings", "number", "numbers", "level",
                         "levels", "result", "results"})
_SCALE_GATE = ("better", "worse", "poorer", "improv", "severe", "severity", "deteriorat")


def cues(words: Sequence[str], low: str) -> bool:
    """Whether a statement may hold a polarity frame: one of FRAME_WORDS among its words, a "-free" word, or the
    words of a scale's definition; computed once in the reading (reading.py), where the words are at hand."""
    if _ANY_CUE.isdisjoint(words):  # most statements: one pass over their words
        return "-free" in low
    return not FRAME_WORDS.isdisjoint(words) or "-free" in low or not SCALE_NOUNS.isdisjoint(words)


def measure_core(name: str) -> str:
    """An outcome's name as its polarity goes: lower case, without the measure words and function words at its
    ends ("the number of migraine days" -> "migraine", "plaque index" -> "plaque")."""
    words = _WORD.findall(lower_same_length(name))
    while words and (words[0] in DIRECTION_KEEPING_MEASURES or words[0] in _EDGE_WORDS):
        words.pop(0)
    while words and (words[-1] in DIRECTION_KEEPING_MEASURES or words[-1] in _EDGE_WORDS):
        words.pop()
    return " ".join(words)


def _objects(pattern: re.Pattern[str], text: str) -> Iterable[str]:
    for match in pattern.finditer(text):
        yield match.group("object")
        if "object2" in pattern.groupindex and match.group("object2"):
            yield match.group("object2")


def _objects_before(pattern: re.Pattern[str], text: str) -> Iterable[str]:
    """The names just before each frame word of the pattern ("migraine" of "migraine-free days")."""
    for match in pattern.finditer(text):
        start = max(0, match.start() - OBJECT_CHARS)
        before = OBJECT_BEFORE.search(text, start, match.start())
        if before is None:
            continue
        name = before.group()
        if before.start() == start and start > 0 and text[start - 1].isalnum():
            name = name.partition(" ")[2]  # a word cut by the window is no word
        yield name


def _ends_with(phrase_core: str, core: str) -> bool:
    """Whether a frame's object names the core: the same words, or the core after words that qualify it
    ("prevents acute migraine" names "migraine"), never a longer name ("heart failure" is not "heart") nor the core
    after a word of its level or change ("the risk of low blood pressure" does not make blood pressure bad)."""
    if phrase_core == core:
        return True
    if not phrase_core.endswith(" " + core):
        return False
    return LEVEL_WORDS.isdisjoint(phrase_core[: -len(core)].split())


@dataclass
class TargetPolarity:
    """The polarity the target's statements give each outcome core, read on demand: the texts are lower-cased and
    searched only when an outcome asks (most briefs never do). texts: those of the statements that may hold a
    frame (cues)."""

    texts: Iterable[str]  # read once, at the first question (a generator is not run for briefs that ask none)
    # the lower-cased texts joined by new lines, and where each starts: one search of the joined text finds the
    # texts that name an outcome
    _joined: str | None = None
    _starts: list[int] = field(default_factory=list)
    _cache: dict[tuple[str, bool], bool | None] = field(default_factory=dict)

    def higher_is_better(self, outcome: str) -> bool | None:
        """Whether more of this outcome is better by the target's own statements; None when they say nothing or
        disagree. A scale's definition counts only for a name that says it is a score ("pain score", not "pain")."""
        core = measure_core(outcome)
        if len(core) < MIN_CORE_CHARS or not any(c.isalpha() for c in core):
            return None
        scored = not SCORE_WORDS.isdisjoint(_WORD.findall(outcome.lower()))
        key = (core, scored)
        if key not in self._cache:
            self._cache[key] = self._read(core, scored)
        return self._cache[key]

    def _read(self, core: str, scored: bool) -> bool | None:
        if self._joined is None:
            lowered = [lower_same_length(text).replace("\n", " ") for text in self.texts] or [""]
            self._joined = "\n".join(lowered)
            self._starts = list(accumulate((len(text) + 1 for text in lowered[:-1]), initial=0))
        joined, votes, seen = self._joined, set(), -1
        at = joined.find(core)
        while at >= 0:
            which = bisect_right(self._starts, at) - 1
            if which != seen:
                seen = which
                start = self._starts[which]
                end = joined.find("\n", start)
                votes.update(_votes(joined[start : end if end >= 0 else len(joined)], core, scored))
                if len(votes) > 1:
                    return None
            at = joined.find(core, at + len(core))
        return votes.pop() if votes else None

    def directions(self, mentions: Sequence[OutcomeMention]) -> list[OutcomeMention]:
        """The mentions of one statement, those whose direction the rules left unclear with the direction this
        polarity gives their change. Not a change read in a sentence that says its result is no difference ("a
        higher rate of union, but this difference failed to achieve statistical significance"), nor one beside a
        reading of no difference in the same outcome: one of the two readings is wrong, and the change is the one
        hedged."""
        if all(m.direction != "unclear" for m in mentions):
            return list(mentions)
        unchanged = {(m.sentence, measure_core(m.outcome)) for m in mentions if m.change == "no_difference"}
        return [
            m if (m.sentence, measure_core(m.outcome)) in unchanged or _no_difference(m.quote) else self.direction(m)
            for m in mentions
        ]

    def direction(self, mention: OutcomeMention) -> OutcomeMention:
        """A mention whose direction the rules left unclear, with the direction this polarity gives its change
        (unchanged when it gives none)."""
        if mention.direction != "unclear" or mention.change not in ("increased", "decreased"):
            return mention
        higher = self.higher_is_better(mention.outcome)
        if higher is None:
            return mention
        return replace(mention, direction="improved" if (mention.change == "increased") == higher else "worsened")


def _votes(text: str, core: str, scored: bool) -> set[bool]:
    """What one lower-cased text says of the core's polarity: True (higher is better), False, or both."""
    found: set[bool] = set()
    for gate, higher, frame, frame_after in ((_BAD_GATE, False, BAD_BEFORE, BAD_AFTER),
                                             (_GOOD_GATE, True, GOOD_BEFORE, GOOD_AFTER)):
        if any(word in text for word in gate) and any(
            _ends_with(measure_core(obj), core)
            for obj in (*_objects(frame, text), *_objects_before(frame_after, text))
        ):
            found.add(higher)
    if any(word in text for word in _ACHIEVED_GATE):
        changes = list(ACHIEVED_CHANGE.finditer(text))
        for match in changes:
            named = [match.group("object"), match.group("object2") or ""]
            if any(_ends_with(measure_core(obj), core) for obj in named):
                found.add(_RISE.match(match.group("change")) is not None)
        if not changes and any(_ends_with(measure_core(obj), core) for obj in _objects(ACHIEVED, text)):
            found.add(True)
    if scored and any(word in text for word in _SCALE_GATE):
        for match in SCALE.finditer(text):
            # the outcome is named beside the definition, never inside it ("lower values better" names no outcome)
            before, after = _clause(text, match.start(), match.end())
            name = re.compile(r"\b" + re.escape(core) + r"\b")
            if name.search(before) is None and name.search(after) is None:
                continue
            higher = _HIGHER_SIDE.match(match.group("side")) is not None
            good = _GOOD_EVAL.match(match.group("eval") or match.group("short")) is not None
            found.add(higher == good)
    return found


def _no_difference(sentence: str) -> bool:
    low = sentence.lower()
    return NO_DIFFERENCE.search(low) is not None or NOT_SIGNIFICANT.search(low) is not None


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause before and after a span, at most SCALE_REACH characters either side of it."""
    left = max(text.rfind(". ", 0, start), text.rfind(";", 0, start), start - SCALE_REACH, 0)
    ends = [i for i in (text.find(". ", end), text.find(";", end)) if i >= 0]
    right = min([*ends, end + SCALE_REACH, len(text)])
    return text[left:start], text[end:right]
