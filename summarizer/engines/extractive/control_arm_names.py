"""What the control arm was given: "the control group received X" and "X alone" name the comparator.

A trial with an active control says what its control arm had in the same words as what the tested arm had: "the
control group received X", "patients in the comparison arm were given X", "the usual care group was treated with
X", or by the initials of a control arm: "the CG received X". A control arm named by what it had, the name right
before "control group" ("the UCC control group", "the saline control arm", "the wait-list control condition"), names
the same, and so does what the statements say served as the control or the comparator ("the saline group served as
the control", "X was used as a comparator", "with X as the control"). The treatment so named is the comparator's,
and the profile never chooses it as the intervention (target_profile.py), unless the statements also name it as what
the tested arm received ("the intervention group received X"): then the arms share it (a background treatment both
had) and the wording says nothing about which.

A trial that tests an addition names its control arm by what it had without it: "X alone" (or "X only", "X-alone",
"X monotherapy") set against "X plus Y" ("X combined with Y", "X + Y", "Y added to X"), as an arm ("the X-alone
group") or in a comparison ("than with X alone", "relative to X monotherapy"). Then X is what both arms had and Y is
the intervention: X is chosen only when no other name qualifies (target_profile.py). So is what an addition is
said to be added to: "the addition of Y to X", "adding Y to X", "Y added to X", "Y in addition to X", "Y as an
adjunct to X" name X as what both arms had (the anaesthetic every arm got, the regimen the new drug joined).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from summarizer.engines.extractive.alone_arms import ALONE_WORDS, ARM_NOUNS
from summarizer.engines.extractive.treatment_names import COMPARATOR_INITIALS

__all__ = ["added_to_anchors", "alone_arm_anchors", "control_arm_anchors"]

# the words that name the control arm, and those that name the tested arm
CONTROL_ARMS = frozenset({"control", "comparison", "placebo", "reference"})
TESTED_ARMS = frozenset({"intervention", "experimental", "treatment", "study", "active"})
# an arm, then a verb of giving, then what it was given (up to a clause's end, "and", "while", a bracket or a number)
# (or the initials of a control arm: "the CG received X")
_ARM = (
    r"\b(?:(?P<arm>" + "|".join(sorted(CONTROL_ARMS | TESTED_ARMS)) + r")\s+(?:group|arm)s?"
    r"|(?P<initials>" + "|".join(sorted(COMPARATOR_INITIALS)) + r"))\s+(?:patients\s+)?"
)
_GIVEN = r"(?:received|receiving|got|(?:was|were)\s+(?:given|treated\s+with|administered|assigned\s+to))\s+"
_STOP = r"(?!(?:and|or|while|whereas|for|at|in|with|plus)\b)"
_WHAT = r"(?:the\s+|a\s+|an\s+)?(?P<what>[A-Za-z][\w\-]*(?:\s+" + _STOP + r"[A-Za-z][\w\-]*){0,3})"
_ARM_GIVEN = re.compile(_ARM + _GIVEN + _WHAT, re.IGNORECASE)
# a cheap check before the pattern: a word of giving
_GIVING = ("receiv", "given", "got", "treated", "administered", "assigned")


def control_arm_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words (anchors_of: a name's treatment anchors) of what the statements say the control arm was
    given, less those they say the tested arm was given too."""
    texts = list(texts)
    control: set[str] = set()
    tested: set[str] = set()
    for text in texts:
        if not any(word in text for word in _GIVING):
            continue
        for match in _ARM_GIVEN.finditer(text):
            arm = (match.group("arm") or "control").lower()  # a control arm's initials name the control arm
            if arm in CONTROL_ARMS:
                control.update(anchors_of(match.group("what")))
            elif arm in TESTED_ARMS:
                tested.update(anchors_of(match.group("what")))
    control |= named_control_anchors(texts, anchors_of) | served_as_control(texts, anchors_of)
    return frozenset(control - tested)


# what the statements say served as the control: "the saline group served as the control", "X was used as a
# comparator" (its name before, a determiner opening it), "with X as (the) control", "using X as the reference arm"
_AS_CONTROL = r"as\s+(?:the\s+|a\s+|an\s+)?(?:active\s+)?(?:control|comparator|reference)s?\b"
_SERVED_AS = re.compile(
    r"(?<=[A-Za-z0-9])\s+(?:(?:group|arm)s?\s+)?(?:served|acted|(?:was|were)\s+used)\s+" + _AS_CONTROL, re.IGNORECASE
)
_WITH_AS = re.compile(
    r"\b(?:with|using)\s+(?:the\s+|a\s+|an\s+)?(?P<what>[A-Za-z][\w\-/]*(?:\s+[A-Za-z][\w\-/]*){0,2}?)\s+"
    + _AS_CONTROL,
    re.IGNORECASE,
)


def served_as_control(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words of what the statements say served as the control or the comparator ("the saline group served
    as the control", "with usual-dose heparin as the comparator"): the words of a name a determiner opens before
    "served as", or up to three between "with"/"using" and "as"; none a function word or an arm's word."""
    named: set[str] = set()
    for text in texts:
        low = text.lower()
        if " as " not in low or not any(word in low for word in ("control", "comparator", "reference")):
            continue
        for match in _SERVED_AS.finditer(text):
            words = _subject_words(text[max(0, match.start() - 80) : match.start()])
            named.update(anchors_of(" ".join(words)) if words else ())
        for match in _WITH_AS.finditer(text):
            words = match.group("what").split()
            if _all_name_words(words):
                named.update(anchors_of(" ".join(words)))
    return frozenset(named)


# the words right before "control group" ("the UCC control group", "the wait-list control condition")
_NAMED_CONTROL = re.compile(r"(?<=[A-Za-z0-9\-/])\s+control\s+(?:group|arm|condition)s?\b", re.IGNORECASE)
# a word of a name: letters first, then letters, digits, hyphens or slashes (no punctuation after it: "with X, control
# group patients ..." joins two phrases)
_NAME_WORD = re.compile(r"[A-Za-z][\w\-/]*")
_CONTROL_NAME_WORDS = 3


def named_control_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words of the names the statements give a control arm before "control group" (or "arm", "condition")
    in a noun phrase that a determiner opens ("the UCC control group", "a saline control arm"): up to three words
    between them, none a function word or an arm's word ("the intervention and control groups" names none; nor does
    "X whereas control group", which is no noun phrase)."""
    named: set[str] = set()
    for text in texts:
        if "ontrol" not in text:
            continue
        for match in _NAMED_CONTROL.finditer(text):
            words = _determined_words(text[max(0, match.start() - 80) : match.start()].split())
            named.update(anchors_of(" ".join(words)) if words else ())
    return frozenset(named)


def _subject_words(before: str) -> list[str]:
    """The words of the name that ends `before` and opens its clause: after a determiner (_determined_words), or the
    whole clause when it is a name of up to _CONTROL_NAME_WORDS words ("Saline served as the control")."""
    tokens = before.split()
    words = _determined_words(tokens)
    if words:
        # the object of a preposition ("the children in the first phase served as controls") is not what served
        opener = len(tokens) - len(words) - 2
        return [] if opener >= 0 and tokens[opener].lower() in _PREPOSITIONS else words
    clause = re.split(r"[.;:,(]\s", before)[-1].split()
    if not clause or len(clause) > _CONTROL_NAME_WORDS:
        return []
    return clause if _all_name_words(clause) else []


def _all_name_words(words: list[str]) -> bool:
    """Whether each word may be part of a name: a word of a name (_NAME_WORD), no function word, no arm's word."""
    return all(
        _NAME_WORD.fullmatch(w) and w.lower() not in _NOT_NAME and w.lower() not in CONTROL_ARMS | TESTED_ARMS
        for w in words
    )


_PREPOSITIONS = frozenset({"in", "of", "on", "at", "from", "with", "for", "by", "during", "after", "before"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "this", "each"})


def _determined_words(before: list[str]) -> list[str]:
    """The words of a name between a determiner and the end of `before`, or none: up to _CONTROL_NAME_WORDS words of a
    name (_NAME_WORD), none a function word or an arm's word."""
    words: list[str] = []
    for word in reversed(before[-_CONTROL_NAME_WORDS - 1 :]):
        low = word.lower()
        if low in _DETERMINERS:
            return words
        if not _NAME_WORD.fullmatch(word) or low in _NOT_NAME or low in CONTROL_ARMS | TESTED_ARMS:
            return []
        words.insert(0, word)
    return []


# up to three words before "alone" or "only" ("X alone", "the X-alone group", "X only"), and the words that join an
# addition to what both arms had ("X plus Y", "X combined with Y", "X + Y", "Y added to X", "the combination").
# alone_arms.py's words and arm nouns; unlike its other readers, a verb of giving before the name is no sign of an arm
# here (_an_arm): a case report says "treated with X alone" of its one patient, and X is then no control arm
_ALONE = re.compile(r"(?<=[\w\-])(?:\s+|-)" + ALONE_WORDS + r"\b", re.IGNORECASE)
# participles of giving, and the function words a name never holds
_GIVEN_WORDS = frozenset({"administered", "given", "used", "taken", "applied", "received", "treated"})
_NOT_NAME = _GIVEN_WORDS | frozenset(
    {"a", "an", "the", "with", "than", "in", "of", "to", "for", "on", "by", "and", "or", "that", "when", "who",
     "those", "patients", "group", "groups", "arm", "was", "were", "is", "are", "versus", "vs", "compared"}
)
_ARM_AFTER = re.compile(r"[\s\-]+" + ARM_NOUNS + r"\b", re.IGNORECASE)
_ARMS_COMPARED = re.compile(r"\b(?:than|versus|vs\.?|compared|relative to)\b", re.IGNORECASE)
_ADDITION = re.compile(r"\bplus\b|\bcombined with\b|\bcombination\b|\badded to\b|\w \+ ?\w", re.IGNORECASE)


def _name_words(words: str) -> list[str]:
    """The words of a name before "alone": after the last word that is none ("than with X", "of X administered")."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if word.lower() in _NOT_NAME:
            if kept:
                break
            if word.lower() in _GIVEN_WORDS:  # "X given alone": the name is before the participle
                continue
            break
        kept.insert(0, word)
    return kept


def _an_arm(text: str, match: re.Match[str]) -> bool:
    """Whether "X alone" names a trial's arm: an arm word right after it ("the X-alone group") or a comparison of
    arms in its sentence ("than with X alone", "X alone versus X plus Y"); not a cause said of one drug ("most
    likely X alone, and not the combination, caused it")."""
    if _ARM_AFTER.match(text, match.end()):
        return True
    start = max(text.rfind(". ", 0, match.start()), 0)
    end = text.find(". ", match.end())
    return _ARMS_COMPARED.search(text, start, end if end != -1 else len(text)) is not None


def alone_arm_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words of what the statements name an arm "alone" by, when they also name an addition to it: the
    name right before "alone" ("X alone"; not "X administered alone", which may be said of any arm). None when two
    different things are each named alone (a factorial trial: "X alone, Y alone and X plus Y", whose combination
    is the intervention and whose single agents are arms too)."""
    texts = [text for text in texts if "alone" in text or "only" in text or "monotherapy" in text]
    if not texts or not any(_ADDITION.search(text) for text in texts):
        return frozenset()
    arms: set[frozenset[str]] = set()
    for text in texts:
        for match in _ALONE.finditer(text):
            words = _name_words(" ".join(text[max(0, match.start() - 80) : match.start()].split()[-3:]))
            if words and _an_arm(text, match):
                arms.add(frozenset(anchors_of(" ".join(words))))
    if len(arms) > 1 and not frozenset.intersection(*arms):
        return frozenset()
    return frozenset().union(*arms)


# what an addition is added to: "addition of Y to X", "adding Y to X", "Y (was) added to X", "Y in addition to X" (not
# at a sentence's start: "In addition to these changes, ..." joins clauses), "Y as an adjunct to X", "add-on to X"
_ADDED_TO = re.compile(
    r"\b(?:(?:addition|adding)\s+of\s+[^.;:]{1,80}?\s+to|adding\s+[^.;:]{1,80}?\s+to|added\s+to|"
    r"(?<=[\w)]\s)in\s+addition\s+to|(?:adjunct|adjunctive|add-on)\s+to)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
# the words after "to" that end the name of what was added to: a clause's or a phrase's start, a verb, a number
_AFTER_NAME = _NOT_NAME | frozenset(
    {"at", "during", "after", "before", "following", "from", "significantly", "did", "does", "had", "has", "showed",
     "these", "this", "it", "its", "them", "their", "both", "all", "each", "increased", "decreased", "improved",
     "reduced", "prolonged", "prolongs"}
)
_ADDED_NAME_WORDS = 3


def added_to_anchors(texts: Iterable[str], anchors_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The anchor words of what the statements say an addition was added to ("addition of Y to intrathecal X", "Y
    added to X"): up to three words after "to", ending before a function word, a verb or a number; less the anchors of
    anything they say was added (an addition of one form of a drug to another says nothing of which both had)."""
    base: set[str] = set()
    added: set[str] = set()
    for text in texts:
        low = text.lower()
        if "add" not in low and "adjunct" not in low:
            continue
        for match in _ADDED_TO.finditer(text):
            words = _words_after(text, match.end())
            if words:
                base.update(anchors_of(" ".join(words)))
                added.update(anchors_of(_added_words(match.group(0))))
    return frozenset(base - added)


def _words_after(text: str, at: int) -> list[str]:
    """The words of a name that starts at `at`: up to _ADDED_NAME_WORDS, ending before punctuation, a number, a word of
    _AFTER_NAME, an adverb or a past tense after its first word."""
    words: list[str] = []
    for raw in text[at : at + 80].split()[:_ADDED_NAME_WORDS]:
        word = raw.rstrip(",.;:)")
        low = word.lower()
        if not word or not word[0].isalpha() or low in _AFTER_NAME or low.endswith("ly"):
            break
        if words and low.endswith("ed"):  # a verb after the name ("to X lengthened the block")
            break
        words.append(word)
        if word != raw:  # punctuation after it ends the name
            break
    return words


def _added_words(phrase: str) -> str:
    """The words of what was added, inside the matched phrase ("addition of Y to"): between "of"/"adding" and "to"."""
    low = phrase.lower()
    for lead in ("addition of ", "adding of ", "adding "):
        if lead in low:
            start = low.index(lead) + len(lead)
            end = low.rfind(" to")
            return phrase[start:end] if end > start else ""
    return ""
