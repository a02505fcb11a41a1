"""The target's study design, read from what the citation statements (and its title and abstract) say about it.

Citing sentences name a cited study's design in the general language of research methods: "a randomised,
placebo-controlled trial", "a retrospective cohort", "a case report", "in mice", "in cultured cells", "a
meta-analysis". This module counts those cues for the target and chooses the design with the most support:

- a cue counts only where it is about a cited work: a clause about the citing paper's own study ("in our cohort",
  "we enrolled") is skipped, and so is a study that is wanted rather than done ("no randomised trial has tested it",
  "larger trials are needed");
- a statement that cites several works may describe any of them: a cue there counts only in a clause that holds a
  citation, and the statement weighs 1/n for n works (count_citations);
- one statement gives each design at most one vote; a review's cue ("a meta-analysis of randomised trials") is the
  statement's design, and so is a randomised trial's over the weaker cues of a non-randomised one ("a randomised
  pilot study");
- the target's title counts as two statements and its abstract as one (they describe the target itself);
- the design with the most support wins when it has at least MIN_SUPPORT and is ahead of the next one; ties, weak
  evidence and no cue give null.

Linear in the text, and quick: every table and pattern is built once, and a statement without a cue word costs one
look in bytes (translate, split, a set test); the 20,000 real sentences of bench_throughput.py take about 0.12 s
(docs/BENCHMARKS.md). The rules in plain words: docs/CERTAINTY.md, "How the design is read".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import get_args

from summarizer.citations import AUTHOR_YEAR, count_citations
from summarizer.models import Statement, StudyDesign, Target

DESIGNS: tuple[StudyDesign, ...] = get_args(StudyDesign)
DESIGN_LABELS: dict[str, str] = {
    "randomised_trial": "randomised trial",
    "non_randomised_trial": "non-randomised trial",
    "observational": "observational study",
    "case_report": "case report or case series",
    "animal": "animal study",
    "in_vitro": "in vitro study",
    "review": "review or meta-analysis",
    "other": "other design",
}

MIN_SUPPORT = 1.0  # one statement that cites only the target, or half the title
TITLE_WEIGHT = 2.0
ABSTRACT_WEIGHT = 1.0
WEAK = 0.5  # a cue that suggests a design without naming it ("a patient", "open-label", "in vivo")

# The cues, in the general language of study design, looked up word by word ("non-randomised" is one word, so it is
# never "randomised"): the words that name a design by themselves, and the pairs of words that do.
_WORDS: dict[str, tuple[str, float]] = {}
_PAIRS: dict[tuple[str, str], tuple[str, float]] = {}


def _cue(design: str, words: str = "", pairs: Sequence[tuple[str, str]] = (), strength: float = 1.0) -> None:
    for word in words.split():
        _WORDS[word] = (design, strength)
    for first, seconds in pairs:
        for second in seconds.split():
            _PAIRS[(first, second)] = (design, strength)


_TRIAL = "trial trials study studies"
_cue(
    "randomised_trial",
    "randomised randomized randomisation randomization rct rcts placebo-controlled double-blind "
    "double-blinded triple-blind triple-blinded double-masked",
    [
        ("placebo", "controlled"),
        ("double", "blind blinded"),
        ("triple", "blind blinded"),
        ("randomly", "assigned allocated"),
    ],
)
_cue(
    "non_randomised_trial",
    "non-randomised non-randomized nonrandomised nonrandomized quasi-randomised quasi-randomized single-arm",
    [("uncontrolled", _TRIAL), ("single", "arm")],
)
_cue("non_randomised_trial", "open-label", [("open", "label"), ("pilot", _TRIAL)], WEAK)
_cue(
    "observational",
    "cohort cohorts case-control cross-sectional retrospective retrospectively registry registries population-based "
    "observational",
    [("case", "control"), ("cross", "sectional"), ("longitudinal", "study studies"), ("population", "based")],
)
_cue("case_report", "", [("case", "report reports series")])
_cue("case_report", "", [("a", "patient")], WEAK)
_cue(
    "animal",
    # the animals of laboratory research, as a list of them reads anywhere (not the dev targets' species alone)
    "mice mouse murine rodent rodents rat rats hamster hamsters guinea-pig guinea-pigs ferret ferrets rabbit "
    "rabbits monkey monkeys macaque macaques rhesus primate primates non-human nonhuman pig pigs piglets swine "
    "porcine dog dogs canine sheep ovine zebrafish xenograft xenografts",
    [("animal", "model models study studies experiment experiments")],
)
_cue("animal", "", [("in", "vivo")], WEAK)
_cue("in_vitro", "cultured organoid organoids", [("in", "vitro"), ("cell", "line lines culture cultures")])
_REVIEW_OPENERS = "a an this recent comprehensive excellent narrative scoping literature umbrella"
_cue(
    "review",
    "meta-analysis meta-analyses metaanalysis metaanalyses",
    [
        ("meta", "analysis analyses"),
        ("systematic", "review reviews"),
        ("systematically", "reviewed"),
        ("reviewed", "in by"),
        ("for", "review"),
        ("consensus", "statement document"),
        *((opener, "review") for opener in _REVIEW_OPENERS.split()),
    ],
)
_cue(
    "other",
    "simulation simulations cost-effectiveness",
    [
        ("mathematical", "model models modelling modeling"),
        ("computational", "model models modelling modeling"),
        ("modelling", "study studies"),
        ("modeling", "study studies"),
        ("in", "silico"),
    ],
)
# the words that call for a closer look: every cue word, and the less common word of every pair
_COMMON_FIRSTS = frozenset(["a", "in", "for", "case", "cell", *_REVIEW_OPENERS.split()])
_LOOK = frozenset([*_WORDS, "phase", *(second if first in _COMMON_FIRSTS else first for first, second in _PAIRS)])
_AGE = "-year-old"  # "a 45-year-old man": a case report
_LOOK_BYTES = frozenset(word.encode() for word in _LOOK)
_AGE_BYTES = _AGE.encode()
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789-")
# the bytes of a text in lower case, with every byte but a letter, a digit or a hyphen made a space
_SPACES = bytes(byte + 32 if 65 <= byte <= 90 else byte if byte in _WORD_BYTES else ord(" ") for byte in range(256))


def _worth_a_look(text: str) -> bool:
    """Whether a text holds a cue word (or an age), looked for quickly: in bytes, split at what is no word."""
    quick = text.encode("utf-8", "surrogatepass").translate(_SPACES)
    return not _LOOK_BYTES.isdisjoint(quick.split()) or _AGE_BYTES in quick


_REPORTED_PEOPLE = frozenset(["man", "woman", "male", "female", "boy", "girl", "patient", "child", "infant"])
_PHASE_LATE = frozenset(["ii", "iii", "iv", "2", "3", "4", "iia", "iib", "iiia", "iiib", "2a", "2b", "3a", "3b"])
_PHASE_EARLY = frozenset(["i", "1", "ia", "ib", "1a", "1b"])
_TRIAL_WORDS = frozenset(_TRIAL.split())
_NOT = frozenset(["non", "not", "quasi"])  # "not randomised", "non randomised"
_WORD = re.compile(r"[a-z0-9-]+")
# the records a review of is an observational study (a chart review), not a review of studies
_RECORDS = frozenset(["chart", "charts", "record", "records", "notes", "files"])
# upper-case words that are no animals: RAT (a rapid antigen test), RATS
# cohorts counted or numbered ("in any of the three cohorts", "cohort 1") are groups of one study, whatever its design
_COHORT_COUNTS = frozenset(["two", "three", "four", "five", "six", "both", "2", "3", "4", "5", "6"])
_COHORT_NUMBERS = frozenset(["1", "2", "3", "4", "5", "6", "i", "ii", "iii", "iv", "a", "b", "c"])
# a cross section that is measured or imaged ("the cross-sectional area of the tendon") is no cross-sectional study
_SECTION_MEASURES = frozenset(["area", "areas", "diameter", "diameters", "image", "images", "imaging", "view", "views"])
_NOT_ANIMALS = frozenset(["RAT", "RATS"])
# a design named of many works at once ("several phase II studies", "a number of randomized trials", "previous cohort
# studies") is the design of other works than the one cited: a quantifier of many or of others before the cue, and
# works in the plural at or just after it
_OTHER_WORKS = frozenset(
    [
        "several",
        "many",
        "numerous",
        "multiple",
        "various",
        "some",
        "few",
        "other",
        "previous",
        "prior",
        "earlier",
        "published",
        "number",
    ]
)
_WORKS = frozenset(["trials", "studies", "rcts", "cohorts", "reports", "series", "analyses", "experiments"])
_OTHER_BEFORE = 4  # words before the cue where the quantifier may stand ("several prospective, randomized ...")
_WORKS_AFTER = 3  # words after the cue where the works may stand ("randomized, double-blind trials")
# a review of the literature told with a case ("a case report and literature review", "a review of the literature
# found no similar case") is the search of the case's authors, not a review as the design of the work
# a blinded challenge ("a double-blind, placebo-controlled food challenge") is a test of one patient's reaction, not a
# trial
_CHALLENGES = frozenset(["challenge", "challenges", "rechallenge", "rechallenges", "re-challenge", "re-challenges"])
_CHALLENGE_AFTER = 5  # "double-blind, placebo-controlled titrated oral challenges"
_LITERATURE = frozenset(["literature", "literatures"])
_CASES = frozenset(["case", "cases", "patient", "patients"])

# what ends a clause: a sentence's end, a semicolon or colon, and the conjunctions that start another claim
_CLAUSE_BREAK = re.compile(r"[.!?](?=\s+[A-Z(\[])|[;:]|\s(?:while|whereas|but|although|though|however|in\s+contrast)\b")
# a clause about the citing paper's own study, or one that cites a method it used ("as previously described")
_OWN_WORK = re.compile(
    r"\b(?:we|our|us|ours)\b"
    r"|\b(?:the\s+present|this|the\s+current)\s+(?:[\w-]+\s+)?(?:study|work|trial|cohort|analysis|paper|article)\b"
    r"|\bas\s+(?:previously\s+)?described\b|\baccording\s+to\s+(?:the\s+)?(?:method|protocol|procedure)",
    re.IGNORECASE,
)
# a study that is wanted, not done: just before the cue, or just after it
_WANTED_BEFORE = re.compile(
    r"\b(?:no|lack\s+of|absence\s+of|future|further|additional|ongoing|planned)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_WANTED_AFTER = re.compile(
    r"^\S*\s+(?:\S+\s+){0,2}?(?:(?:are|is|be|were|remain)\s+(?:still\s+)?"
    r"(?:needed|warranted|required|lacking|awaited|missing|underway|ongoing))\b",
    re.IGNORECASE,
)
_BEFORE_CHARS = 60
_AFTER_CHARS = 50
# where a statement cites: numbers in brackets, an author-year citation, a trailing list of superscripts
_CITATION_MARK = re.compile(r"\[[^\[\]]{0,80}\d[^\[\]]{0,80}\]|\(\s*\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*\s*\)")
_TRAILING_NUMBERS = re.compile(r"\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*\s*\.?\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass
class DesignReading:
    """The design read for a target, with its support per design and the statements each rests on."""

    design: StudyDesign | None = None
    statement_ids: list[str] = field(default_factory=list)
    support: dict[str, float] = field(default_factory=dict)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The text's clauses as (start, end) offsets."""
    spans = []
    start = 0
    for brk in _CLAUSE_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _citation_marks(text: str) -> list[int]:
    """Offsets where the text cites a work."""
    marks = [m.start() for m in _CITATION_MARK.finditer(text)]
    if _YEAR.search(text):
        marks += [m.start() for m in AUTHOR_YEAR.finditer(text)]
    trailing = _TRAILING_NUMBERS.search(text[-40:])
    if trailing and not marks:
        marks.append(len(text) - 1)
    return marks


def _wanted(text: str, start: int, end: int, clause_start: int) -> bool:
    before = text[max(clause_start, start - _BEFORE_CHARS) : start]
    return _WANTED_BEFORE.search(before) is not None or _WANTED_AFTER.match(text[end : end + _AFTER_CHARS]) is not None


def _settle(found: dict[str, float]) -> dict[str, float]:
    """One statement's cues, after the precedence of the designs that contain others."""
    if "review" in found:  # "a meta-analysis of randomised trials and cohort studies" is a review
        for pooled in ("randomised_trial", "non_randomised_trial", "observational", "case_report"):
            found.pop(pooled, None)
    if "randomised_trial" in found and found.get("non_randomised_trial", 0.0) < 1.0:
        found.pop("non_randomised_trial", None)  # "a randomised open-label pilot trial"
    if found.get("case_report", 0.0) < 1.0 and ("observational" in found or "randomised_trial" in found):
        found.pop("case_report", None)  # "a patient" in a trial's or a cohort's sentence
    return found


def _phase(words: Sequence[str], i: int) -> str | None:
    """The design a "phase N trial" names: II to IV randomised, I (not I/II) non-randomised."""
    if i + 2 >= len(words) or _TRIAL_WORDS.isdisjoint(words[i + 2 : i + 5]):
        return None
    number, after = words[i + 1], words[i + 2]
    if number in _PHASE_LATE:
        return "randomised_trial"
    if number in _PHASE_EARLY and after not in _PHASE_LATE:
        return "non_randomised_trial"
    return None


def _cue_at(words: Sequence[str], i: int) -> list[tuple[str, float, int, int]]:
    """The cues that word i is part of: (design, strength, first word, last word)."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    found = []
    hit = _WORDS.get(word)
    if hit is not None and word == "cross-sectional" and after in _SECTION_MEASURES:
        hit = None
    if (
        hit is not None
        and word in ("cohort", "cohorts")
        and ((i and words[i - 1] in _COHORT_COUNTS) or after in _COHORT_NUMBERS)
    ):
        hit = None
    if hit is not None:
        if hit[0] == "randomised_trial" and i and words[i - 1] in _NOT:
            hit = ("non_randomised_trial", 1.0)
        found.append((*hit, i, i))
    pair = _PAIRS.get((word, after))
    if pair is not None and not (after == "sectional" and i + 2 < len(words) and words[i + 2] in _SECTION_MEASURES):
        found.append((*pair, i, i + 1))
    if i:
        pair = _PAIRS.get((words[i - 1], word))
        if pair is not None and words[i - 1] not in _LOOK:  # else found from the first word
            found.append((*pair, i - 1, i))
    if word == "phase":
        design = _phase(words, i)
        if design is not None:
            found.append((design, 1.0, i, i + 1))
    return found


def _cues(words: Sequence[str], lower: str) -> list[tuple[str, float, int, int]]:
    """Every cue among a text's words, in text order: only the words in _LOOK (and ages) are looked at."""
    at: set[int] = set()
    for word in _LOOK.intersection(words):
        i = -1
        while True:
            try:
                i = words.index(word, i + 1)
            except ValueError:
                break
            at.add(i)
    found = [cue for i in sorted(at) for cue in _cue_at(words, i)]
    if _AGE in lower:
        last = len(words) - 1
        found += [
            ("case_report", 1.0, i, i + 1)
            for i, word in enumerate(words)
            if i < last and word.endswith(_AGE) and words[i + 1] in _REPORTED_PEOPLE
        ]
        found.sort(key=lambda cue: cue[2])
    return found


def statement_cues(text: str, about_target: bool = False) -> dict[str, float]:
    """The designs one text points to, each with the strength of its best cue (1, or WEAK).

    about_target: the text is the target's own (its title or abstract): every clause counts, "we" included.
    """
    if not _worth_a_look(text):
        return {}
    return _looked_at(text, about_target)[0]


def _looked_at(text: str, about_target: bool) -> tuple[dict[str, float], int | None]:
    """statement_cues of a text worth a look, and the works it cites (count_citations; None when about_target or
    without a cue, where it is not counted)."""
    lower = text.lower()
    words = _WORD.findall(lower)
    cues = _cues(words, lower)
    if not cues:
        return {}, None
    # offsets in the text itself where lower-casing kept them (it does but for a few non-ASCII letters), of the words
    # up to the last a cue holds
    given = text
    if len(lower) != len(text):
        text = lower
    spans = [m.span() for m in itertools.islice(_WORD.finditer(lower), max(cue[3] for cue in cues) + 1)]
    works = None
    several = False
    marks: list[int] = []
    if not about_target:
        works = count_citations(given)  # the text's weight; its marks are read where the offsets are
        several = (works if text is given else count_citations(text)) > 1
        if several:
            marks = _citation_marks(text)
    clauses = _clauses(text)
    found: dict[str, float] = {}
    index = 0
    for design, strength, first, last in cues:
        start, end = spans[first][0], spans[last][1]
        if design == "animal" and text[start:end] in _NOT_ANIMALS:
            continue
        if design == "review" and first and words[first - 1] in _RECORDS:
            continue
        if _of_other_works(words, first, last):
            continue
        if design == "randomised_trial" and _a_challenge(words, last):
            continue
        if design == "review" and _literature_with_a_case(words, first, last):
            design, strength = "case_report", WEAK
        while clauses[index][1] < start:
            index += 1
        clause_start, clause_end = clauses[index]
        if _wanted(text, start, end, clause_start):
            continue
        if not about_target:
            if _OWN_WORK.search(text, clause_start, clause_end):
                continue
            if several and not any(clause_start <= mark <= clause_end for mark in marks):
                continue
        if strength > found.get(design, 0.0):
            found[design] = strength
    return _settle(found), works


def _of_other_works(words: Sequence[str], first: int, last: int) -> bool:
    """Whether the cue at words[first:last + 1] names the design of many works or of others ("several phase II
    studies"): a quantifier of them just before it, and works in the plural within it or just after it."""
    if _OTHER_WORKS.isdisjoint(words[max(0, first - _OTHER_BEFORE) : first]):
        return False
    return not _WORKS.isdisjoint(words[first : last + 1 + _WORKS_AFTER])


def _a_challenge(words: Sequence[str], last: int) -> bool:
    """Whether a trial's cue ending at words[last] names a challenge (a test of the patient): a word of challenge in
    the next words, before any word of a trial or study."""
    for word in words[last + 1 : last + 1 + _CHALLENGE_AFTER]:
        if word in _TRIAL_WORDS:
            return False
        if word in _CHALLENGES:
            return True
    return False


def _literature_with_a_case(words: Sequence[str], first: int, last: int) -> bool:
    """Whether a review cue is a review of the literature ("literature review", "a review of the medical literature")
    in a text that tells of a case or patients."""
    near = words[max(0, first - 1) : last + 5]
    return not _LITERATURE.isdisjoint(near) and not _CASES.isdisjoint(words)


def about_animals_or_cells(text: str) -> bool:
    """Whether a text has a cue of a study in animals or in cells (statement_cues)."""
    cues = statement_cues(text)
    return "animal" in cues or "in_vitro" in cues


def _weight(works: int) -> float:
    return 1.0 / works if works > 1 else 1.0


def read_design(target: Target, statements: Iterable[Statement]) -> DesignReading:
    """The design of the target with most support among its statements (and title and abstract), or null."""
    support: dict[str, float] = {}
    ids: dict[str, list[str]] = {}
    for text, weight in ((target.title, TITLE_WEIGHT), (target.abstract, ABSTRACT_WEIGHT)):
        if text:
            for design, strength in statement_cues(text, about_target=True).items():
                support[design] = support.get(design, 0.0) + weight * strength
    for statement in statements:
        if not _worth_a_look(statement.text):  # most statements: one quick look, no more
            continue
        found, works = _looked_at(statement.text, about_target=False)
        if not found:
            continue
        weight = _weight(works if works is not None else count_citations(statement.text))
        for design, strength in found.items():
            support[design] = support.get(design, 0.0) + weight * strength
            ids.setdefault(design, []).append(statement.id)
    return DesignReading(*choose(support, ids), support=support)


def choose(support: dict[str, float], ids: dict[str, list[str]]) -> tuple[StudyDesign | None, list[str]]:
    """The design with most support, when it has at least MIN_SUPPORT and is ahead of every other; else null."""
    ranked = sorted(support.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_SUPPORT - 1e-9:
        return None, []
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1e-9:
        return None, []
    best = ranked[0][0]
    return _as_design(best), ids.get(best, [])


def _as_design(name: str) -> StudyDesign | None:
    for design in DESIGNS:
        if design == name:
            return design
    return None


def design_label(design: str | None) -> str:
    """The design in words, for people."""
    return DESIGN_LABELS.get(design or "", "not found")


FROM_STATEMENTS = "Study design (from the statements)"
FROM_TARGET = "Study design (from the target's title and abstract)"
NOT_FOUND = "not found: nothing the statements say points to one design"


def design_line(design: str | None, statement_ids: Sequence[str]) -> tuple[str, str]:
    """The label and the text the renderers show: ("Study design (from the statements)", "randomised trial (S3, S7)"),
    the title and abstract's design when no statement names it, or why there is none."""
    if design is None:
        return "Study design", NOT_FOUND
    if not statement_ids:
        return FROM_TARGET, design_label(design)
    return FROM_STATEMENTS, f"{design_label(design)} ({shown_ids(statement_ids)})"


SHOWN_IDS = 12


def shown_ids(statement_ids: Sequence[str]) -> str:
    """The ids a design rests on, as people read them: the first SHOWN_IDS, then how many more (JSON has all)."""
    more = len(statement_ids) - SHOWN_IDS
    return ", ".join(statement_ids[:SHOWN_IDS]) + (f" and {more} more" if more > 0 else "")
