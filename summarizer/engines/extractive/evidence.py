"""What counts as evidence about the intervention: the statements with their readings, the sentences and quotes
they are cited by, and the tests that set a mention aside (an indication, the control arm, an outcome compared
between the arms, a cell-level effect, a claim of efficacy that is hedged).

sections.py draws the brief's sections with these; wording.py words them, verdicts.py weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizer.engines.extractive.cues import CONTROL_WORDS, OUTCOME_VERB_STEMS, REASSURING
from summarizer.engines.extractive.outcomes import OutcomeMention
from summarizer.engines.extractive.reading import SentenceReading
from summarizer.engines.extractive.tokenise import occurrences, split_sentences, word_set
from summarizer.engines.extractive.treatment_names import TREATMENT_CLASSES
from summarizer.models import Finding, Quote, Statement

# an effect on cancer cells or cells in culture is what a drug is tested for there, not an adverse event of it
# effects on cells: cancer cells, cell lines, in vitro, and cytotoxicity (toxicity to cells, which an anticancer drug
# is given for)
CELL_LEVEL = re.compile(
    r"\b(?:cancer|tumou?r|leuka?emia)\s+cells?\b|\bcell\s+lines?\b|\bin\s+vitro\b|\bcytotoxicity\b", re.IGNORECASE
)
_INDICATION_AFTER = r"(?:drugs?|medications?|therap(?:y|ies)|treatments?|patients|cohort|model|mice|rats)\b"
_INDICATION_BEFORE = r"\b(?:treat(?:s|ed|ing|ment)?(?:\s+(?:of|for))?|for|against|anti-?)"
# the comparator arm of a trial: what happens there is not an effect of the intervention
_CONTROL_ARM = re.compile(
    r"\b(?:control|placebo|sham|usual[\s\-]care|standard[\s\-]care)\s+(?:groups?|arms?|recipients|patients|subjects)\b|"
    r"\bcontrols\b|\b(?:with|on|receiving|given)\s+(?:a\s+)?placebo\b",
    re.IGNORECASE,
)
_MORE_WORDS = re.compile(r"\b(?:higher|more|greater|increased|excess|elevated|twice|double)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:while|whereas|but|since|although)\b", re.IGNORECASE)
# "no differences for edema", "no effect of treatment condition on weight loss": an outcome compared between arms,
# not an adverse event found absent
_NO_DIFFERENCE = re.compile(
    r"\bno\s+(?:(?:statistically|significant|main|interaction|overall|treatment|group)\s+){0,3}"
    r"(?:differences?|changes?|effects?)\s+(?:in|for|of|on|between)\b"
    r"[^.;]{0,80}$",
    re.IGNORECASE,
)
# a sentence that says the intervention worked without naming an outcome, as a finding (in the past tense or as
# reported): "reported intranasal midazolam to be 100% effective", "showing effectiveness in treating vitiligo with
# Ginkgo biloba", "reported to have a survival benefit"; not a purpose ("to evaluate the efficacy of"), a
# conjecture ("may be effective"), a negation, or what is known in general ("X is an effective treatment for Y")
EFFICACY_CLAIM = re.compile(
    r"\b(?:(?:was|were|been|proved|proven|found|shown|reported)\s+(?:[\w\-]+\s+){0,3}?(?:to\s+be\s+)?(?:[\w%]+\s+){0,2}?"
    r"(?:effective|efficacious|beneficial)\b|(?:showing|showed|shows|demonstrat\w+|confirm\w*|report\w*)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:effectiveness|efficacy)\b|(?:survival|clinical|therapeutic|significant)\s+"
    r"benefits?\b)",
    re.IGNORECASE,
)
_CLAIM_DOUBTED = re.compile(
    r"\b(?:not|no|nor|never|without|lack|lacked|failed|may|might|could|would|should|whether|if|evaluate|assess|"
    r"investigate|determine|aim|aimed|hypothes\w*|expected|potential|possible|unclear|doubt\w*|question\w*)\b|"
    r"\bonly\s+(?:among|in|for)\b|"  # a benefit in a subgroup only is not a benefit of the intervention
    # only as good as another treatment, or worse: "A was as effective as B", "equally effective", "less effective"
    r"\b(?:as|equally|similarly|comparably|equivalently|less|least)\s+(?:effective|efficacious|beneficial)\b",
    re.IGNORECASE,
)
_SAFETY_TERMS = re.compile(r"adverse|side[\s\-]effect|toxicit|complication|safety", re.IGNORECASE)


@dataclass(frozen=True)
class ReadStatement:
    """A statement with the engine's reading of it."""

    statement: Statement
    reading: SentenceReading


def quote(statement: Statement, text: str | None) -> Quote:
    """A quote of `text` if it is in the statement, otherwise of the whole statement."""
    if text and text in statement.text:
        return Quote(statement_id=statement.id, text=text)
    return Quote(statement_id=statement.id, text=statement.text)


def sentence(statement: Statement, index: int) -> str:
    """The statement's sentence of this index (its last one for an index past the end)."""
    spans = split_sentences(statement.text)
    start, end = spans[min(index, len(spans) - 1)]
    return statement.text[start:end].strip()


def statement_finding(item: ReadStatement, claim: str, quote_text: str | None) -> Finding:
    """A finding resting on one statement, quoting the sentence that carries it."""
    return Finding(claim=claim, statement_ids=[item.statement.id], quotes=[quote(item.statement, quote_text)])


# the words either side of an event name that make it an indication; the name itself is found with str.find,
# since a pattern compiled for each name cost 0.75 ms a call
_INDICATION_FOLLOWS = re.compile(r"\s+" + _INDICATION_AFTER)
_INDICATION_PRECEDES = re.compile(_INDICATION_BEFORE + r"\s+(?:\w+\s+)?\Z")
_WORD_CHAR = re.compile(r"\w")


def _word_boundary(text: str, at: int) -> bool:
    """What the pattern `\\b` says at this position."""
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    after = at < len(text) and _WORD_CHAR.match(text, at) is not None
    return before != after


def indication(sentence: str, event: str) -> bool:
    """Whether the event is what a treatment is for ("a diabetes drug", "treatment of hepatitis"), not a harm."""
    name = event.lower()
    low = sentence.lower()
    start = low.find(name)
    while start != -1:
        end = start + len(name)
        if _word_boundary(low, start) and _INDICATION_FOLLOWS.match(low, end):
            return True  # "hepatitis patients", "a diabetes drug"
        if _word_boundary(low, end) and _INDICATION_PRECEDES.search(low, 0, start):
            return True  # "treatment of hepatitis", "for severe pain"
        start = low.find(name, start + 1)
    return False


def _clause_at(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence around [start, end): between the clause breaks (",", ";", while, but, ...)."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]


def in_control_arm(sentence: str, event: str, anchors: frozenset[str]) -> bool:
    """Whether every mention of an event is in a clause about the control arm: one that names it and not the
    intervention ("in the control group 4 patients developed wound infection"), or one that compares the two arms
    without saying which had more ("a difference between X and the control group in the incidence of wound
    infection"). "Nausea was more frequent than in the placebo group" stays an adverse event."""
    low = sentence.lower()
    found = occurrences(low, event.lower())
    if not found:
        return False
    for start in found:
        clause = _clause_at(low, start, start + len(event))
        if _CONTROL_ARM.search(clause) is None or _MORE_WORDS.search(clause) is not None:
            return False
        names_intervention = any(a in clause for a in anchors if a not in TREATMENT_CLASSES)
        if names_intervention and "differ" not in clause:
            return False
    return True


# a verb of change in its bare or -ing form ("reduce", "improves", "increasing"), not its participle ("impaired renal
# function", "elevated liver enzymes" name events)
# "compared to no X", "versus no X", "vs. none of the X": the absence is the arm compared against
_REFERENCE_ARMS_NONE = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?)\s+(?:no|none\s+of\s+the)\s+$")
_VERB_OF_CHANGE = re.compile(r"(?:" + "|".join(OUTCOME_VERB_STEMS) + r")(?:e|es|s|ing)?\b")


def compared(sentence: str, event: str) -> bool:
    """Whether an absent event is an outcome that did not differ between the arms ("no differences for edema"):
    only adverse events in general ("no difference in adverse events") are then a reassurance. So is a negated
    change read as an absent event, whose name begins with the verb of change ("did not reduce pain scores" names
    "reduce pain scores", "may not elicit X and may impair Y" names "impair Y"): pain scores did not change, no harm
    was found absent. An event denied right after "compared with" or "versus" ("three deaths in the A group compared
    to no death in the B group") is the reference arm's, set against the other arm's events: no reassurance either."""
    low = sentence.lower()
    if any(_REFERENCE_ARMS_NONE.search(low, max(0, start - 40), start) for start in occurrences(low, event.lower())):
        return True
    if _SAFETY_TERMS.search(event):
        return False
    if _VERB_OF_CHANGE.match(event.lower()) is not None:
        return True
    return any(
        _NO_DIFFERENCE.search(sentence, max(0, start - 200), start) is not None
        or _REDUCTION_BEFORE.search(low, max(0, start - 60), start) is not None
        or _against_another_groups_rate(low, start)
        for start in occurrences(low, event.lower())
    )


# one group's events set against another's: "X occurred in 30% of group A, while none of group B had X or Y": what
# group B was free of is said against group A's rate, a comparison of groups (which may both have had the
# treatment), no absent event of the treatment
_CONTRAST = re.compile(r"\b(?:while|whereas)\b")
_RATE_OCCURRED = re.compile(
    r"\b(?:occurred|developed|experienced|had)\b[^;]{0,60}?\d+(?:\.\d+)?\s*%|"
    r"\d+(?:\.\d+)?\s*%[^;]{0,60}?\b(?:occurred|developed|experienced|had)\b"
)


def _against_another_groups_rate(low: str, start: int) -> bool:
    """Whether the clause of an absent event (at start) follows "while"/"whereas" after another group's rate."""
    if "while" not in low and "whereas" not in low:
        return False
    contrasts = list(_CONTRAST.finditer(low, 0, start))
    return bool(contrasts) and _RATE_OCCURRED.search(low, 0, contrasts[-1].start()) is not None


# a reduction named right before an event ("did not experience reduced frequency of moderate to severe headache"):
# what was negated is the reduction, a result, not the event's occurrence
_REDUCTION_BEFORE = re.compile(
    r"\b(?:reduc\w*|decreas\w*|lower|fewer|less)\s+(?:[\w\-]+\s+)?(?:of|in)\s+(?:[\w\-]+\s+){0,3}$"
)


# what follows an event's name when the sentence reports that it happened: "vomiting occurred after 13 (17%)",
# "rash was reported in 4 patients"
_OCCURRED_AFTER = re.compile(
    r"\s+(?:occurred|developed|(?:was|were)\s+(?:reported|observed|seen|noted|recorded|experienced))\b|"
    r"\s+(?:in|after|during|among)\s+\d"
)


def also_occurring(sentence: str, event: str) -> bool:
    """Whether a sentence that names an event as absent also reports it as having happened ("Vomiting occurred
    after 13 (17%) ...; nausea without vomiting occurred in 14 (18%)"): it is then no absent event."""
    low = sentence.lower()
    return any(
        _OCCURRED_AFTER.match(low, start + len(event))
        and _NEGATED_BEFORE.search(low, max(0, start - 30), start) is None
        for start in occurrences(low, event.lower())
    )


# a negation that governs the word of safety after it: "it is not safe to smoke", "was never well tolerated" (but
# "not only safe")
_NEGATED_SAFE = re.compile(r"\b(?:not|never|nor)\s+(?!only\b)(?:\w+\s+)?$")


def safety_word_negated(sentence: str) -> bool:
    """Whether a sentence's reassuring words ("safe", "well tolerated") are all negated: "it is not safe to smoke"
    calls nothing safe. False where it has none."""
    low = sentence.lower()
    found = list(REASSURING.finditer(low))
    return bool(found) and all(_NEGATED_SAFE.search(low, max(0, m.start() - 30), m.start()) for m in found)


# a negation right before an event's name: "no severe adverse events occurred" says they did not
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|nor|without|none\s+of)\s+(?:[\w\-]+\s+){0,2}$")


# a comparison between doses or schedules of one treatment ("similar in the lower and higher dose arms", "the two
# dose groups"): what it finds is how the dose matters, not whether the treatment works against its comparator
_DOSE_ARMS = re.compile(
    r"\b(?:(?:lower|higher|low|high|standard|reduced|double|single|two|three|different)[\s\-]+doses?\s+"
    r"(?:arms?|groups?|regimens?)|doses?\s+(?:arms|groups)|(?:lower|low)\s+and\s+(?:higher|high)(?:[\s\-]+doses?)?|"
    r"(?:higher|high)\s+and\s+(?:lower|low)(?:[\s\-]+doses?)?)\b",
    re.IGNORECASE,
)


# a measure taken before the treatment (at baseline, before surgery, on entry) describes who was randomised, not
# what the treatment did: "no difference in the median preoperative anxiety score", "similar at baseline"
_BEFORE_TREATMENT = re.compile(
    r"\b(?:(?<!to\s)(?<!from\s)(?<!over\s)(?<!than\s)baseline|pre-?operative|pre-?treatment|pre-?intervention|pre-?randomi[sz]ation|at\s+(?:study\s+)?entry|"
    r"at\s+enrol+ment|at\s+admission|before\s+(?:the\s+)?(?:treatment|intervention|surgery|randomi[sz]ation))\b",
    re.IGNORECASE,
)


# said of the sentence's comparison, "baseline" alone is often the point a change is measured from ("fell from
# baseline"), and "preoperative" often the time a treatment is given ("preoperative radiotherapy"): only "at
# baseline" and the like place the comparison before the treatment
_COMPARED_BEFORE_TREATMENT = re.compile(
    r"\b(?:at\s+baseline|at\s+(?:study\s+)?entry|at\s+enrol+ment|at\s+admission|"
    r"before\s+(?:the\s+)?(?:treatment|intervention|surgery|randomi[sz]ation))\b",
    re.IGNORECASE,
)


# "a single dose before surgery", "the injection 5 to 6 hours before surgery", "carbohydrate intake before surgery":
# right after a word of giving, "before" says when the treatment was given, not when a measure was taken
_GIVEN_AT = re.compile(
    r"\b(?:doses?|given|administered|administration|received|taken|intake|ingestion|drinks?|infusions?|infused|"
    r"injections?|injected|tablets?|capsules?|use|applied|application)"
    r"(?:\s+(?:\d+(?:\.\d+)?\s*(?:(?:to|-|–)\s*\d+(?:\.\d+)?\s*)?(?:h|hrs?|hours?|min|minutes?|days?|weeks?)|"
    r"the\s+(?:day|night|evening|morning)))?\s+$",
    re.IGNORECASE,
)


def measured_before_treatment(outcome: str, sentence: str) -> bool:
    """Whether an outcome, or the sentence that compares it, is a measure taken before the treatment ("before
    surgery" right after a word of giving is when the treatment was given, _GIVEN_AT)."""
    return _BEFORE_TREATMENT.search(outcome) is not None or any(
        not _when_given(sentence, match) for match in _COMPARED_BEFORE_TREATMENT.finditer(sentence)
    )


def _when_given(sentence: str, match: re.Match[str]) -> bool:
    """Whether a time before the treatment ("before surgery") follows a word of giving: when it was given."""
    return match.group().lower().startswith("before") and bool(
        _GIVEN_AT.search(sentence, max(0, match.start() - 60), match.start())
    )


# "X was higher in the A group than in the B group": the change is said of arm A, against arm B
_ARMS_COMPARED = re.compile(
    r"\b(?:higher|lower|greater|more|fewer|less|shorter|longer|better|worse|larger|smaller)\s+in\s+(?:the\s+)?"
    r"(?P<first>[^,;()]{1,40}?)\s+(?:group|arm|cohort)s?\s+than\s+(?:in\s+)?(?:the\s+)?"
    r"(?P<second>[^,;()]{1,40}?)\s+(?:group|arm|cohort)s?\b",
    re.IGNORECASE,
)
# "X was significantly higher for A (39 s) compared to B (6 s)": the change is said of arm A, against arm B
_ARM_COMPARED_TO = re.compile(
    r"\b(?:higher|lower|greater|more|fewer|less|shorter|longer|better|worse|larger|smaller)\s+(?:for|in|with|among)\s+"
    r"(?:the\s+)?(?P<first>[^,;()]{1,40}?)\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:as\s+)?(?:compared\s+(?:to|with)|versus|"
    r"vs\.?|than(?:\s+(?:for|in|with))?)\s+(?:the\s+)?(?P<second>[^,;()]{1,40})",
    re.IGNORECASE,
)
_OPPOSITE_CHANGE: dict[str, str] = {"increased": "decreased", "decreased": "increased"}
_OPPOSITE_DIRECTION: dict[str, str] = {"improved": "worsened", "worsened": "improved"}


def said_of_the_other_arm(sentence: str, anchors: frozenset[str]) -> bool:
    """Whether a sentence says a change of the arm the intervention is compared with: "higher in the A group than
    in the B group", "higher for A (39 s) compared to B (6 s)", where the intervention names arm B and not arm A. Its
    change, for the intervention, is the opposite one. Not when arm A is the control arm ("higher in the placebo group
    than in the B group"): the reading has already turned that change round (outcomes.py)."""
    match = _ARMS_COMPARED.search(sentence) or _ARM_COMPARED_TO.search(sentence)
    if match is None:
        return False
    if CONTROL_WORDS.search(match.group("first").lower()) is not None:
        return False
    first = set(re.findall(r"[\w\-+]+", match.group("first").lower()))
    second = set(re.findall(r"[\w\-+]+", match.group("second").lower()))
    named = {a for a in anchors if a not in TREATMENT_CLASSES}
    return bool(named & second) and not named & first


def for_the_intervention(
    mention: OutcomeMention, anchors: frozenset[str], compared_against: bool = False
) -> OutcomeMention:
    """A mention as it reads for the intervention: its change and direction turned round when the sentence says
    them of the other arm (compared_against: the sentence names the intervention only as what the other arm is
    compared against, TargetProfile.only_compared_against)."""
    if mention.change not in _OPPOSITE_CHANGE or not (
        compared_against or said_of_the_other_arm(mention.quote, anchors)
    ):
        return mention
    return replace(
        mention,
        change=_OPPOSITE_CHANGE[mention.change],  # type: ignore[arg-type]
        direction=_OPPOSITE_DIRECTION.get(mention.direction, mention.direction),  # type: ignore[arg-type]
    )


# "SMT participants improved X, while KIN participants improved Y": each arm's results in a clause of their own
_CONTRAST_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+", re.IGNORECASE)
# the arm a clause says changed: "SMT participants", "the placebo group", "patients in the sham arm"
_ARM_SUBJECT = re.compile(
    r"\b(?P<arm>[\w\-+/]+)\s+(?:participants|patients|subjects|recipients|users|group|groups|arm|arms)\b"
    r"|\b(?:in|among)\s+(?:the\s+)?(?P<arm_in>[\w\-+/]+)\s+(?:group|groups|arm|arms)\b",
    re.IGNORECASE,
)
# words that name no arm of their own, or may name the intervention's: "the intervention group", "both groups"
_NO_ARM_OF_ITS_OWN = word_set(
    "the a an all both two each other intervention treatment treated experimental active study these those their "
    "our its"
)


def said_of_another_arm(mention: OutcomeMention, anchors: frozenset[str]) -> bool:
    """Whether a mention's result is another arm's: the sentence sets arms' results side by side in clauses of their
    own ("SMT participants improved X, while KIN participants improved Y"), and the clause that holds the mention
    says which arm changed, and it is not the intervention, which another clause names."""
    low = mention.quote.lower()
    at = low.find(mention.outcome.lower())
    breaks = list(_CONTRAST_BREAK.finditer(low))
    if at < 0 or not breaks:
        return False
    start = max((m.end() for m in breaks if m.end() <= at), default=0)
    end = min((m.start() for m in breaks if m.start() > at), default=len(low))
    # an anchor the sentence does not hold cannot match: only the others' patterns are built (the same result)
    named = [
        re.compile(rf"(?<![\w\-]){re.escape(a)}(?![\w\-])")
        for a in anchors
        if a not in TREATMENT_CLASSES and a in low
    ]
    if any(p.search(low, start, end) for p in named):
        return False
    arms = [m.group("arm") or m.group("arm_in") for m in _ARM_SUBJECT.finditer(low, start, at)]
    return any(arm not in _NO_ARM_OF_ITS_OWN for arm in arms) and any(
        p.search(low, 0, start) or p.search(low, end) for p in named
    )


def coordinated_with_intervention(mention: OutcomeMention, anchors: frozenset[str]) -> bool:
    """Whether an outcome's name is coordinated with the intervention's ("MIC and NPC did not differ", "X versus
    Y"): it is then the other arm, not a measure."""
    low, outcome = mention.quote.lower(), mention.outcome.lower()
    if outcome not in low:  # the patterns below need both names as they are written: none can match
        return False
    name = re.escape(outcome)
    for anchor in anchors:
        if anchor in TREATMENT_CLASSES or anchor not in low:
            continue
        arm = re.escape(anchor)
        pattern = (
            rf"(?<![\w\-]){arm}(?:\s+(?:group|arm))?\s+(?:and|or|versus|vs\.?)\s+{name}(?![\w\-])"
            rf"|(?<![\w\-]){name}\s+(?:and|or|versus|vs\.?)\s+{arm}(?![\w\-])"
        )
        if re.search(pattern, low):
            return True
    return False


def compares_doses(sentence: str) -> bool:
    """Whether a sentence compares doses (or schedules) of the treatment with each other."""
    return _DOSE_ARMS.search(sentence) is not None


def names_intervention(outcome: str, anchors: frozenset[str]) -> bool:
    """Whether an outcome's name is the intervention itself ("availability of antiretroviral therapies")."""
    words = {w.strip(".,;:()").rstrip("s") for w in outcome.lower().split()}
    return any(anchor.rstrip("s") in words for anchor in anchors if anchor not in TREATMENT_CLASSES)


def efficacy_claim(
    statement: Statement, sentences: frozenset[int], anchors: frozenset[str] = frozenset()
) -> str | None:
    """The first sentence about the intervention that says, unhedged and not negated, that it worked (and not only
    that something given with it made it work better: given_alone)."""
    for index in sorted(sentences):
        text = sentence(statement, index)
        if (
            EFFICACY_CLAIM.search(text) is not None
            and _CLAIM_DOUBTED.search(text) is None
            and not given_alone(text, anchors)
        ):
            return text
    return None


# the arm a combination beat: "A with B was more effective than A alone", "... than that with A alone"
_THAN_ALONE = re.compile(
    r"\bthan\s+(?:(?:that|those)\s+)?(?:(?:with|of|in|after|receiving|given)\s+)?"
    r"(?P<part>(?:[\w\-/+]+\s+){1,5}?)(?:alone|only)\b",
    re.IGNORECASE,
)


def given_alone(text: str, anchors: frozenset[str]) -> bool:
    """Whether a sentence's result is that a combination beat the intervention given alone ("A with B had greater
    efficacy than A alone"): a result for what was added to it, none of the intervention against its comparator.
    The part given alone must name the whole intervention: "than A alone" is no result against the intervention A+B."""
    low = text.lower()
    if "alone" not in low and "only" not in low:
        return False
    return any(_names_whole_intervention(match.group("part"), anchors) for match in _THAN_ALONE.finditer(text))


def _names_whole_intervention(part: str, anchors: frozenset[str]) -> bool:
    """Whether words name every anchor of the intervention (treatment classes aside)."""
    named = [a for a in anchors if a not in TREATMENT_CLASSES]
    low = part.lower()
    return bool(named) and all(
        re.search(rf"(?<![\w\-]){re.escape(a.rstrip('s'))}s?(?![\w\-])", low) is not None for a in named
    )


def outcome_key(outcome: str) -> str:
    """An outcome's name as findings are merged by: lower case, without a leading article or preposition."""
    words = outcome.lower().split()
    while words and words[0] in ("the", "a", "an", "in", "of"):
        words.pop(0)
    return " ".join(words)
