"""Who the patients were: the disease a treatment was given for, one the patients had before it, or the condition in
which a drug was studied. An event name that names any of these is none of the treatment's events; nor is the
abbreviation of a name the sentence has already read (its own long form), nor the agent the sentence says caused an
event ("lichen planus induced by hepatitis B vaccination": the hepatitis names the vaccine, not a harm)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.engines.extractive.cues import NON_DRUG_CAUSES, PEOPLE_NOUNS, PEOPLE_WITH, PEOPLE_WITH_MODIFIERS

__all__ = [
    "CAUSED_NAME", "CAUSE_SAID", "OWN_CAUSE_AFTER", "TREATED_WITH", "names_the_indication", "own_abbreviation",
    "treated_after",
]

# the disease a treatment was given for, or one the patient had before it, named right after the words that say so:
# "used to treat X", "for the treatment of X", "treated for X", "a history of X"; or after the patients who had it,
# once the sentence has named the cause of its event ("E caused by D in patients with X"), when the patients'
# treatment follows ("patients with X treated with D", "patients with X were treated with D") or when an event came
# first ("E in a patient with X", "E in two patients with A and B"); never a disease whose own cause follows it ("the
# management of A and B secondary to D": A and B are D's events)
_FOR_THE_DISEASE = re.compile(
    r"\b(?:(?:treatment|therapy|management)\s+(?:of|for)|used\s+(?:to\s+treat|for|in)|to\s+treat|treated\s+for|"
    r"indicated\s+(?:for|in))\s+"
    r"(?:(?:the|their|his|her|active|chronic|severe|refractory|underlying)\s+)*"
    r"(?:(?:[\w\-]+\s+){1,3}(?:and|or)\s+)?$",
    re.IGNORECASE,
)
# the same after a verb of giving ("given for X", "prescribed for X") or a word of having had it ("a 20-year history of
# X", "histories suggestive of X", "with a diagnosis of X"); the name read may be the head of a longer one, after
# adjectives ("a history of acral pustular X", "given for a tonic-clonic X": an adjective's ending or a hyphen; no
# verb: "D prescribed for pain cause damage to the urinary tract")
_ADJECTIVE_BEFORE = r"(?:[\w]+(?:ic|al|ous|ive|ary|ible|able|ar)|[\w]+-[\w\-]+)\s+"
_HAD_OR_GIVEN_FOR = re.compile(
    r"\b(?:(?:given|prescribed|administered|taken|started|received|receiving|taking)\s+for|"
    r"histor(?:y|ies)\s+(?:(?:suggestive|indicative)\s+)?of|"
    r"with\s+(?:a|an)\s+(?:[\w\-]+\s+)?diagnosis\s+of)\s+"
    r"(?:(?:a|an|the|their|his|her|active|chronic|severe|refractory|underlying)\s+)*"
    rf"(?:(?:[\w\-]+\s+){{1,3}}(?:and|or)\s+)?(?:{_ADJECTIVE_BEFORE}){{0,2}}$",
    re.IGNORECASE,
)
# what the people had been through before, said with a perfect tense after "who": "patients who have suffered a recent
# stroke", "a man who had previously undergone X", "who had had an X"; not "who had developed X" nor "who had
# experienced X", which report an event (in the ADE reports those are the labelled harms)
_HAD_SUFFERED = re.compile(
    r"\bwho\s+(?:had|has|have)\s+(?:(?:previously|recently|already|once)\s+)?"
    r"(?:suffered(?:\s+from)?|sustained|undergone|had)\s+"
    r"(?:(?:a|an|the|their|his|her)\s+)?(?:(?:recent|previous|prior|past|earlier|remote)\s+)?"
    rf"(?:{_ADJECTIVE_BEFORE}){{0,2}}$",
    re.IGNORECASE,
)
_HAD_SUFFERED_WORDS = ("who",)
# the disease a named treatment was given for, after its drugs: "chemotherapy with A, B and C (ABC) for diffuse large
# B-cell lymphoma", "therapy with D for rheumatoid arthritis" (no verb between: "chemotherapy with D and was admitted
# for fever" and "therapy with D should be monitored for myopathy" name the event)
_GIVEN_WITH_FOR = re.compile(
    r"\w*(?:therapy|treatment|regimen)\s+with\s+"
    r"(?:(?!\b(?:\w+ed|was|were|is|are|be|been|had|has|have|should|must|may|might|can|could|will)\b)[^.;:]){1,120}?"
    r"\s+for\s+(?:(?:the|his|her|their|a|an)\s+)?(?:[\w\-']+\s+){0,3}$",
    re.IGNORECASE,
)
CAUSE_SAID = re.compile(r"\b(?:caused\s+by|induced\s+by|due\s+to|attributed\s+to)\b|\w-induced\b", re.IGNORECASE)
_TREATED_AFTER = re.compile(
    r"\s+(?:(?:was|were)\s+(?:\w+ly\s+)?treated\s+(?:\w+ly\s+)?with|treated\s+with|receiving|given|taking|"
    r"on\s+long-term)\b",
    re.IGNORECASE,
)
# (not across the verb of a clause whose subject the name is in: "A developed E after D", "A had E following D": the
# time after is E's)
_CAUSE_AFTER = re.compile(
    r"\s+to\s|"  # "allergic reactions to X"
    r"(?:(?!\s(?:developed|presented|experienced|suffered|sustained|showed|had|has|was|were|is|are)\b)[^.;,()]){0,40}?"
    r"\b(?:caused\s+by|induced\s+by|due\s+to|secondary\s+to|attributed\s+to|after|following)\b",
    re.IGNORECASE,
)
# words right after a name that give it its own cause: "thrombocytopenia induced by D", "A secondary to D"
OWN_CAUSE_AFTER = re.compile(
    r"\s+(?:(?:induced|caused|provoked|triggered)\s+by|due\s+to|secondary\s+to|attributed\s+to)\b", re.IGNORECASE
)
_TO_AFTER = re.compile(r"\s+to\s", re.IGNORECASE)
CAUSED_NAME = re.compile(r"-(?:induced|associated|related)\b|\b(?:induced|caused|associated|related)\b", re.IGNORECASE)
_CAUSE_WORD = re.compile(r"([A-Za-z][\w]*)$")
# the people in whom an event was seen, after it: "E in a patient with X", "E in two patients with A and B", "E in a
# case of X" (where "a case of X" opens a sentence, X is the event the case reports)
# (a word of the disease's name: no word of grammar, nor one that starts a clause or says its cause)
_NAME_WORD = (
    r"(?!(?:and|or|of|the|in|on|with|to|by|who|which|that|whom|whose|we|they|he|she|it|was|were|is|are|had|has|"
    r"have|been|be|developed|experienced|presented|received|receiving|during|after|following|before|under|"
    r"resulted|who)\b)(?![\w\-']*-(?:induced|associated|related)\b)[\w\-']+\s+"
)
# (the people may be described before their noun: "in a 16-year-old girl with X", "in a 71 year old man with X", "in a
# breast cancer patient with X"; or in brackets after it, an aside the sentence reads through: "in eight patients (mean
# age, 15 years) with X", "five patients (4 males and 1 female) with X")
_ASIDE = r"(?:\s*\([^()]{1,60}\))?"
_PEOPLE_ASIDE_WITH = re.compile(
    rf"\b{PEOPLE_NOUNS}\s*\([^()]{{1,60}}\)\s+with\s+(?:(?:{'|'.join(PEOPLE_WITH_MODIFIERS)})\s+)*$", re.IGNORECASE
)
_IN_PEOPLE_WITH = re.compile(
    rf"\S\s+in\s+(?:(?:a|an|one|two|three|four|five|\d+|the|these|those|some|all|our)\s+)?"
    rf"(?:(?:{_NAME_WORD}){{0,3}}{PEOPLE_NOUNS}{_ASIDE}\s+with|cases?\s+of)\s+"
    r"(?:(?:a|an|the|their|active|chronic|severe|refractory|underlying|moderate|mild)\s+)*"
    rf"(?:(?:{_NAME_WORD}){{1,4}}(?:and|or)\s+)?(?:{_NAME_WORD}){{0,4}}$",
    re.IGNORECASE,
)
# the condition the treated disease came with or from, named after it: "treatment for hypertension associated with
# chronic renal failure", "treated with D for pulmonary hypertension due to meconium aspiration syndrome": the patients'
# too (a name of the treated disease, no verb between: "used for X have been associated with sudden deaths" names a
# harm; the caller refuses a cause that is a drug's, "secondary to caffeine toxicity")
_CAME_WITH = re.compile(
    r"\b(?:(?:treatment|therapy|management)\s+(?:of|for)|used\s+(?:to\s+treat|for)|to\s+treat|treated\s+for|"
    r"(?:treated|given|prescribed)\s+with\s+[\w\-]+\s+for)\s+"
    rf"(?:(?:the|their|his|her)\s+)?(?:{_NAME_WORD}){{1,4}}(?:associated\s+with|due\s+to|secondary\s+to)\s+"
    r"(?:(?:a|an|the|their|his|her|active|chronic|severe|refractory|underlying)\s+)*"
    rf"(?:{_NAME_WORD}){{0,3}}$",
    re.IGNORECASE,
)
_CAME_WITH_WORDS = ("associated", "due", "secondary")
# a cause that is a drug's or a treatment's, in the name or right after it: then the condition is a harm
_A_TREATMENTS_CAUSE = re.compile(
    r"-induced|\b(?:toxicity|intoxication|overdose|poisoning|therapy|treatment|chemotherapy|drugs?|agents?)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"\b(?:associated\s+with|due\s+to|secondary\s+to)\b", re.IGNORECASE)
_CAUSE_AFTER_NAME = re.compile(r"\s+(?:from|after|following|during|induced|caused)\b", re.IGNORECASE)
# a condition in which a drug was studied, not an event: "clearance is unchanged even in severe renal impairment"
_STUDIED_IN = re.compile(
    rf"\b(?:even|also|only|especially|particularly)\s+in\s+(?:(?:{PEOPLE_NOUNS})\s+with\s+)?$", re.IGNORECASE
)
_WINDOW = 100
# the agent of an event, right after the verb that says it caused it: "induced by X", "caused by X", "triggered by X"
_AGENT_BEFORE = re.compile(r"\b(?:induced|caused|provoked|triggered|precipitated)\s+(?:by\s+)?$", re.IGNORECASE)
_BY = re.compile(r"by\s", re.IGNORECASE)
_COMPLICATING = re.compile(r"\s+complicat", re.IGNORECASE)


# Exact gates: each pattern searched before a name is tried only where the lower-cased words before it hold a word every
# match of it has (the patterns are tried on up to 100 characters at each of their starts, at every event name read)
_FOR_THE_DISEASE_WORDS = ("treat", "therapy", "management", "used", "indicated")
_HAD_OR_GIVEN_FOR_WORDS = ("for", "histor", "diagnosis")
_STUDIED_IN_WORDS = ("even", "also", "only", "especially", "particularly")
_IN_PEOPLE_WITH_WORDS = ("with", "case")
_AGENT_WORDS = ("induced", "caused", "provoked", "triggered", "precipitated")
# the words PEOPLE_WITH lets stand between "with" and the name
_PEOPLE_WITH_MODIFIERS = frozenset(PEOPLE_WITH_MODIFIERS)
# the letters outside ASCII that an IGNORECASE pattern takes for ASCII ones ("ſ" for "s"; str.lower makes "İ" two)
_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _lowercased(chunk: str) -> str:
    """Words as an IGNORECASE pattern compares them, so that a gate's words found in them miss no match."""
    return chunk.lower() if chunk.isascii() else chunk.translate(_ASCII_FOLDS).lower()


def _gated_search(
    pattern: re.Pattern[str], words: tuple[str, ...], before: str, text: str, pos: int, endpos: int
) -> re.Match[str] | None:
    """pattern searched in text[pos:endpos], only where the lower-cased words before the name hold one of its words."""
    if not any(map(before.__contains__, words)):
        return None
    return pattern.search(text, pos, endpos)


def _ends_after_with(before: str) -> bool:
    """Whether the lowered words before a name end as PEOPLE_WITH's match does: "with", a space and only the words it
    lets stand between (no other "with" can follow that match's, so it is the last one)."""
    at = before.rfind("with")
    tail = before[at + 4 :]
    return at >= 0 and tail[:1].isspace() and tail[-1:].isspace() and _PEOPLE_WITH_MODIFIERS.issuperset(tail.split())


def _says_a_treatment_cause(text: str, start: int, end: int) -> bool:
    """Whether a name says a cause of its own that may be a treatment: "amiodarone-induced pneumonitis", not
    "age-related macular degeneration" nor "HCV-related hepatitis" (a cause that is no treatment names a disease)."""
    for match in CAUSED_NAME.finditer(text, start, end):
        word = _CAUSE_WORD.search(text, start, match.start()) if match.group().startswith("-") else None
        if word is None or word.group(1).lower() not in NON_DRUG_CAUSES:
            return True
    return False


def _names_its_cause(text: str, start: int, end: int) -> bool:
    """Whether an event name, or the words right after it, say what caused it ("amiodarone-induced pneumonitis",
    "A and B secondary to D"): the event itself, never the disease the treatment was given for."""
    return _says_a_treatment_cause(text, start, end) or _CAUSE_AFTER.match(text, end) is not None


def _names_the_agent(text: str, start: int, end: int, before: str) -> bool:
    """Whether a name is the agent said to have caused an event: "E induced by X" (a name read as "by X" too); not
    when the name complicates a treatment ("a case induced by hypothyroidism complicating therapy with D": the
    hypothyroidism is D's harm). before: the lowered words before the name (_lowercased), which hold the verb if any."""
    agent = _gated_search(_AGENT_BEFORE, _AGENT_WORDS, before, text, max(0, start - 30), start)
    if agent is None or ("by" not in agent.group().lower() and _BY.match(text, start) is None):
        return False
    return _COMPLICATING.match(text, end) is None


# a treatment's product right after a disease's name, which names what it is for: "glaucoma drops", "asthma inhalers",
# "migraine medication", "hepatitis B vaccine"
_PRODUCT_AFTER = re.compile(
    r"\s+(?:eye\s+)?(?:drops|tablets|pills|inhalers?|medications?|medicines?|drugs|vaccines?|remed(?:y|ies))\b",
    re.IGNORECASE,
)
# what a person with it went on to have or be given, right after a name (and its abbreviation): "a girl with A and B
# who displayed E", "an infant with A who received D", "outpatients with A who participated in the trial", "a girl
# with A (AB), who is undergoing D"; not "a man with A who has been on D" (A may be D's event)
_WHO_AFTER = re.compile(
    r"\s*(?:\([^()]{1,30}\))?\s*,?\s+(?:who|that)\s+"
    r"(?:(?:had|has|have|is|are|was|were|been|being|subsequently|later|then|rapidly|also|previously|currently)\s+)*"
    r"(?:developed|presented|displayed|experienced|suffered|showed|exhibited|progressed|died|received|underwent|"
    r"undergoing|participated|enrolled|"
    r"required|manifested|complained|treated|given|started|began|taking|receiving|using)\b",
    re.IGNORECASE,
)
# the person and the list of what they had, before the name ("a girl with a mitochondrial disorder and")
_PERSON_WITH_LIST = re.compile(
    rf"\b{PEOPLE_NOUNS}\s+with\s+(?:(?:a|an|the|their|his|her|active|chronic|severe|refractory|underlying|moderate|"
    rf"mild)\s+)*(?:(?:{_NAME_WORD}){{1,4}}(?:and|or)\s+)?(?:{_NAME_WORD}){{0,3}}$",
    re.IGNORECASE,
)
# a treatment beside a name in one list, what the patient had or was exposed to: "A and D exposure", "A, B, and
# low-dose D therapy" (D's name and the word of taking it; no verb, no word of grammar between)
_BESIDE_TREATMENT_AFTER = re.compile(
    r",?\s+(?:and|or|plus)\s+((?:[\w\-]+\s+){1,3})(?:therapy|treatment|exposure|use|intake|administration|"
    r"ingestion|abuse)\b",
    re.IGNORECASE,
)
# words that are no part of a treatment's name before its word of taking: grammar, time, verbs ("tachycardia soon
# after administration", "rash and required steroid therapy")
_NOT_IN_THE_NAME = frozenset({
    "of", "the", "a", "an", "to", "for", "with", "by", "in", "on", "at", "after", "before", "following", "during",
    "soon", "shortly", "within", "from", "than", "then", "as", "also", "who", "which", "that", "was", "were", "is",
    "are", "had", "has", "have", "his", "her", "their", "its", "this", "these", "those", "since", "until", "upon",
})
# "a relationship between A and D therapy": a cause weighed, A the event
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:[\w\-]+\s+){0,5}$", re.IGNORECASE)


def beside_a_treatment(text: str, start: int, end: int) -> bool:
    """Whether a name is one item of a list whose other item is a treatment taken ("the mother had lupus and
    cyclophosphamide exposure", "smoking, pulmonary fibrosis, and low-dose methotrexate therapy might have promoted
    lung cancer"): what the patient had beside the treatment, a cofactor, never the treatment's event; unless the
    name says its own cause ("D-induced hepatitis and D therapy"), or the two are weighed as event and cause ("the
    relationship between hepatitis and D therapy")."""
    match = _BESIDE_TREATMENT_AFTER.match(text, end)
    if match is None:
        return False
    words = match.group(1).lower().split()
    if any(w in _NOT_IN_THE_NAME or w.endswith(("ed", "ing", "ly")) for w in words):
        return False
    return _BETWEEN_BEFORE.search(text, max(0, start - 60), start) is None and not _says_a_treatment_cause(
        text, start, end
    )


# What a treatment was given for, named right before the words that say so: "E treated with D", "E (grade 3),
# successfully managed by D", "E was controlled with D" ("E reversed using D": what D undid, a harm). Two readers ask
# it: this module (a name so followed is no event of the drug named after it) and caused_drug.py (the drug so named is
# the event's treatment, or its antidote, not its cause). Stopping a drug is no treatment given: "E was controlled by
# withdrawal of D" says that D caused E (a dechallenge). The verb of treating and its preposition: "treated with",
# "successfully managed by"; what follows is not the stopping of a drug.
_TREATED = r"(?:treated|managed|controlled)"
# undoing a harm: "E reversed with D" says D was an antidote, which a drug's harm has and a disease does not (so a
# name so followed is the harm, never the patients' disease: this module reads only _TREATED)
_TREATED_OR_REVERSED = r"(?:treated|managed|controlled|reversed)"


def _treated_with(verbs: str) -> str:
    return (
        rf"{verbs}\s+(?:\w+ly\s+)?(?:with|by|using)"
        r"(?!\s+(?:the\s+)?(?:withdrawal|discontinuation|cessation|stopping|reduction|tapering)\b)"
    )


def _after_name(verbs: str) -> re.Pattern[str]:
    """Right after the condition's name: what it holds in brackets ("(grade 3)", "(SJS)"), a comma, an auxiliary and
    an adverb may come before the verb."""
    return re.compile(
        r"(?:\s*\((?:[^()]|\([^()]*\))*\))*\s*,?\s+(?:(?:was|were|is|are|has\s+been|had\s+been|being)\s+)?"
        rf"(?:\w+ly\s+)?{_treated_with(verbs)}\s+",
        re.IGNORECASE,
    )


TREATED_WITH = _treated_with(_TREATED_OR_REVERSED)
_TREATED_AFTER_NAME = _after_name(_TREATED)
_TREATED_OR_REVERSED_AFTER_NAME = _after_name(_TREATED_OR_REVERSED)


def treated_after(text: str, end: int, stop: int | None = None, reversed_too: bool = False) -> re.Match[str] | None:
    """The words right after a name ending at `end` that say a treatment was given for it, read up to `stop`;
    reversed_too: also those that say a treatment undid it ("reversed with")."""
    pattern = _TREATED_OR_REVERSED_AFTER_NAME if reversed_too else _TREATED_AFTER_NAME
    return pattern.match(text, end, len(text) if stop is None else stop)


_CAUSE_REACH = 25
# a harm that a substance did by its very name: "D intoxication treated with haemodialysis" is D's event
_A_SUBSTANCES_HARM = re.compile(r"\b(?:intoxications?|toxicity|toxicities|poisonings?|overdoses?)$", re.IGNORECASE)


def _treated_with_after(text: str, start: int, end: int) -> bool:
    """Whether a name is what a treatment named after it was given for ("erythema multiforme treated with D"); not a
    name said to be caused, in its words or right before them ("D-induced pancreatitis treated with drainage"), nor
    a substance's harm ("D intoxication"): the event, which the other treatment was for."""
    return (
        treated_after(text, end) is not None
        and CAUSED_NAME.search(text, max(0, start - _CAUSE_REACH), end) is None
        and _A_SUBSTANCES_HARM.search(text, start, end) is None
    )


# a clause whose subject needed a treatment: "X necessitated therapy with D", "X required the use of D"; finite verbs
# only ("E requiring treatment with steroids" is a harm someone treated, read by the caller's own rules)
_NEEDED_A_TREATMENT = re.compile(
    r"\b(?:necessitat(?:ed|es?)|requir(?:ed|es?)|prompt(?:ed|s)|warrant(?:ed|s)?|led\s+to)\s+(?:the\s+)?"
    r"(?:(?:prompt|immediate|urgent)\s+)?(?:(?:therapy|treatment)\s+(?:with|by)|(?:use|administration)\s+of)\s",
    re.IGNORECASE,
)
# what may stand between the subject's name and its verb: no clause break, relative pronoun or cause said
_NOT_IN_THE_SUBJECT = re.compile(
    r"[.;:]|\b(?:which|that|who|after|following|caused|induced|due\s+to|because|developed|had|has|was|were)\b|"
    r"\w-induced\b",
    re.IGNORECASE,
)
_SUBJECT_REACH = 120


def _subject_needed_a_treatment(text: str, start: int, end: int) -> bool:
    """Whether a name is in the subject of a clause saying that it needed a treatment ("Infection in a man with
    bleeding necessitated therapy with D"): what the treatment was given for, not a harm of it."""
    needed = _NEEDED_A_TREATMENT.search(text, end, min(len(text), end + _SUBJECT_REACH))
    if needed is None:
        return False
    clause_start = max(text.rfind(c, 0, start) for c in ".;:") + 1
    return _NOT_IN_THE_SUBJECT.search(text, clause_start, needed.start()) is None


def _came_with_the_disease(text: str, start: int, end: int, before: str, window: int) -> bool:
    """Whether a name is the condition the treated disease came with ("treatment for A associated with B"), not a
    treatment's cause ("due to caffeine toxicity", "secondary to canalicular obstruction from D therapy")."""
    found = _gated_search(_CAME_WITH, _CAME_WITH_WORDS, before, text, window, start)
    if found is None or _CAUSE_AFTER_NAME.match(text, end) is not None:
        return False
    link = list(_LINK.finditer(text, found.start(), start))[-1]
    return _A_TREATMENTS_CAUSE.search(text, link.end(), end) is None


def _people_with(text: str, window: int, start: int) -> re.Match[str] | None:
    """The people right before "with" and the name at `start`, read through a bracketed aside after their noun."""
    plain = PEOPLE_WITH.search(text, window, start)
    if plain is not None or text.find(")", window, start) < 0:
        return plain
    return _PEOPLE_ASIDE_WITH.search(text, window, start)


def names_the_indication(text: str, start: int, end: int) -> bool:
    """Whether an event name names the disease the treatment was given for, which the patients had before it, or a
    condition in which the drug was studied: each reading is tried only where the words it needs are there ("with"
    for the patients who had it, "in" for where it was studied)."""
    window = max(0, start - _WINDOW)
    before = _lowercased(text[window:start])
    if _names_the_agent(text, start, end, before):
        return True
    if beside_a_treatment(text, start, end):  # "had lupus and cyclophosphamide exposure"
        return True
    if _PRODUCT_AFTER.match(text, end) is not None:  # "glaucoma drops": the product's indication
        return True
    if _treated_with_after(text, start, end):  # "X treated with D": D was given for X
        return True
    if _subject_needed_a_treatment(text, start, end):  # "X necessitated therapy with D"
        return True
    if _WHO_AFTER.match(text, end) is not None and _PERSON_WITH_LIST.search(text, window, start) is not None and (
        not _names_its_cause(text, start, end)
    ):  # "a girl with A and B who displayed E": A and B she had before
        return True
    disease = (
        _gated_search(_FOR_THE_DISEASE, _FOR_THE_DISEASE_WORDS, before, text, window, start)
        or _gated_search(_HAD_OR_GIVEN_FOR, _HAD_OR_GIVEN_FOR_WORDS, before, text, window, start)
        or _gated_search(_HAD_SUFFERED, _HAD_SUFFERED_WORDS, before, text, window, start)
    )
    if disease is not None:  # a disease joined to one that says its cause shares it ("management of D-induced A and B")
        return not _names_its_cause(text, start, end) and CAUSED_NAME.search(text, disease.start(), start) is None
    if _came_with_the_disease(text, start, end, before, window):  # "treatment for A associated with B"
        return True
    studied_in = text.find("in", window, start) >= 0 and _gated_search(
        _STUDIED_IN, _STUDIED_IN_WORDS, before, text, window, start
    )
    if studied_in:
        return True
    if text.find(" for ", window, start) >= 0 and _GIVEN_WITH_FOR.search(text, max(0, start - 2 * _WINDOW), start):
        return not _names_its_cause(text, start, end)
    if text.find("with", window, start) < 0 and text.find(" of ", window, start) < 0:
        return False
    in_people = _gated_search(_IN_PEOPLE_WITH, _IN_PEOPLE_WITH_WORDS, before, text, window, start)
    if in_people is not None:  # "E in a patient with X after D": the time or cause after X is E's, not X's
        return not (
            _says_a_treatment_cause(text, start, end)
            or OWN_CAUSE_AFTER.match(text, end) is not None
            or _TO_AFTER.match(text, end) is not None  # "in a patient with allergic reactions to D"
        )
    people = _people_with(text, window, start) if _ends_after_with(before) else None
    if people is None or _names_its_cause(text, start, end):
        return False
    clause_start = max(text.rfind(c, 0, people.start()) for c in ".;:")
    return CAUSE_SAID.search(text, clause_start + 1, people.start()) is not None or _TREATED_AFTER.match(
        text, end
    ) is not None


def own_abbreviation(text: str, name: str, read: Iterable[str]) -> bool:
    """Whether a one-word name is the abbreviation the sentence gives, in brackets, right after a name it has read
    ("Charles-Bonnet syndrome (CBS)"): the same thing as that name, never a second event."""
    if " " in name or len(name) > 10 or not any(c.isupper() for c in name):
        return False
    at = text.find(f"({name})")
    if at <= 0:
        return False
    before = text[max(0, at - 80) : at].rstrip().lower()
    return any(long != name.lower() and before.endswith(long) for long in read)
