"""The cue vocabulary of the extractive reading: word lists, regular expressions and the word classes they make.

The regular expressions run on the lower-cased text (same length as the original, so offsets carry over); the word
lists are looked up by token, or by word pair ("a_b").
"""

from __future__ import annotations

import re
from operator import itemgetter

from summarizer.engines.extractive.object_chars import BOTH_OF_A_LIST, OBJECT_CHAR
from summarizer.engines.extractive.per_word import shared_table
from summarizer.engines.extractive.tokenise import fold_number
from summarizer.engines.extractive.tokenise import word_set as _words
from summarizer.engines.extractive.treatment_names import PEOPLE

# Stance: agreement and disagreement with the cited work.
CONTRAST_CUES = re.compile(
    r"\b(?:in contrast|contrary to|unlike|inconsistent with|not consistent with|"
    r"not in (?:agreement|accordance|line) with|disagree|contradict|conflict|controvers|"
    r"differ\w* from|did not (?:confirm|find|show|observe|support|replicate|reproduce)|"
    r"could not (?:confirm|find|show|replicate|reproduce)|failed to|(?:was|were) unable to|"
    r"not (?:been )?(?:confirmed|supported|replicated|found)|no (?:such|similar)|"
    r"whereas|while others|however|although|but not|opposite|refute|challenge|"
    r"less clear|remains? unclear|questionable|debat)"
)
SUPPORT_CUES = re.compile(
    r"\b(?:consistent with|in (?:agreement|accordance|line|keeping) with|agree\w* with|"
    r"similar|confirm|corroborat|support|concordant|comparable (?:to|with)|"
    r"as (?:previously |also )?(?:reported|described|shown|observed|found)|"
    r"also (?:found|reported|observed|showed|shown|demonstrated)|same (?:results?|findings?)|"
    r"replicat|reproduc|coincid|parallel|likewise|in common with)"
)
OUR_STUDY = re.compile(
    r"\b(?:our (?:study|studies|results?|findings?|data|trial|observations?|analysis|cohort|patients|work)|"
    r"(?:the|this|present|current) (?:study|results?|findings?|trial|data)|we (?:found|observed|showed|did|"
    r"noted|saw|report))\b"
)
QUESTIONS_CLAIM = re.compile(
    r"\b(?:questioned|doubt|challeng|refut|contradict|not (?:been )?(?:confirmed|replicated|reproduced)|"
    r"could not (?:confirm|replicate|reproduce)|failed to (?:confirm|replicate|reproduce)|criticis|criticiz|"
    r"overestimat|in contrast to|contrary to|inconsistent with)"
)

# Stance cue groups, matched as words or word pairs ("a_b") against a statement's n-grams.
STANCE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("contrast", _words(
        "unlike contrary contrast contrasts contrasting contrasted differ differs differed differing discrepancy "
        "discrepancies discrepant inconsistent disagree disagrees disagreement contradict contradicts "
        "contradicted contradictory conflict conflicting controversial opposite refute refuted refutes questioned "
        "question questionable debated debatable challenge challenged unreliable not_reliable not_consistent "
        "not_in not_confirm not_confirmed not_supported not_replicated failed_to unable_to other_hand"
    )),
    ("however", _words("however whereas although though while but nevertheless nonetheless yet despite")),
    ("comparative", _words(
        "higher_than lower_than greater_than less_than longer_than shorter_than more_than fewer_than "
        "better_than worse_than larger_than smaller_than superior_to inferior_to"
    )),
    ("negfind", _words(
        "did_not do_not does_not could_not was_not were_not failed_to no_significant not_significant "
        "not_observe not_find not_show not_found not_shown not_observed not_associated no_difference "
        "no_differences no_effect no_association"
    )),
    ("support", _words(
        "consistent agreement accordance line_with keeping_with similar similarly similarity confirm confirms "
        "confirmed confirming corroborate corroborates corroborated support supports supported supporting "
        "comparable concordant likewise agree agrees agreed parallel replicated reproduced coincides "
        "also_found also_reported also_observed also_showed also_shown also_demonstrated same_results "
        "previously_reported as_reported as_described as_shown as_observed as_found in_line"
    )),
    ("ours", _words(
        "our we this_study present_study current_study this_trial our_study our_results our_findings "
        "our_data the_present the_current this_finding these_findings these_results"
    )),
    ("limitation", _words(
        "limitation limitations bias biased underpowered small_sample uncontrolled flaw flawed flaws "
        "overestimated overestimate"
    )),
)

OURS_WORDS = dict(STANCE_CUES)["ours"]

# Topics and safety.
REASSURING = re.compile(
    r"\b(?:safe\b|safely|well[\s\-]?tolerated|welltolerated|(?:was|were|is|are) tolerated|"
    # a safety judged good: "its proven safety", "a high safety profile", "its safety profile is good" (not "high
    # safety concerns")
    r"(?:good|favou?rable|proven|excellent|high|acceptable|superior) safety"
    r"(?!\s+(?:concerns?|risks?|issues?|problems?|signals?|warnings?|alerts?|questions?)\b)|"
    r"safety (?:profile|record) (?:is|was|has been) (?:\w+ )?(?:good|favou?rable|excellent|acceptable)|"
    r"no (?:serious |severe |major |significant )?(?:adverse|side|safety|toxicit|complication)|"
    r"without (?:any )?(?:serious |severe |major )?(?:adverse|side|toxicit|complication))"
)
# outcomes that count adverse events: their change speaks to safety, not to efficacy
SAFETY_OUTCOME = re.compile(
    r"\b(?:adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?|experiences?)|side[\s\-]effects?|toxicit(?:y|ies)|"
    r"(?:treatment|drug)[\s\-](?:related|emergent)\s+(?:adverse\s+)?(?:events?|toxicit\w*)|s?aes?)\b"
)
SAFETY_WORDS = _words(
    "safe safety safely tolerated well-tolerated welltolerated tolerability tolerable adverse side-effect "
    "side-effects side_effect side_effects toxicity toxicities toxic complication complications harm harms "
    "harmful hypersensitivity allergic allergy allergies alergic infusion-related reaction reactions"
)
EFFICACY_WORDS = _words(
    "effective effectiveness efficacy efficacious benefit benefits beneficial improve improved improves "
    "improvement improvements improving mortality survival survive survived"
)

# Negation and clause marks, looked up token by token. A forward negation ("fwd": no, not, without, none of, ...)
# covers what follows up to a clause break ("brk": punctuation, but, however, ...) or a scope break ("scope":
# that, which, than, compared, ...); a backward one (NEG_BACKWARD: "were not observed") covers the clause before
# it. What a treatment prevents, reduces or treats ("red") is an efficacy outcome: neither occurred nor absent.
PUNCT_BREAK = re.compile(r"[;:\.\?!]")
# a comma before a pronoun that is the subject of a new clause: "X has not been associated with A, it is the preferred
# drug for B" (B is no absent event); a comma alone may only separate the items of a list. After "and", a new subject
# with its verb ("none achieved remission, and all progressed to B") or a modal that opens a second predicate ("X is
# not justified, and in some cases may generate B") starts a clause the negation does not reach
CLAUSE_COMMA = re.compile(
    r",(?=\s+(?:it|they|he|she|we|this|these)\s+(?:is|are|was|were|has|have|had|may|might|can|could|will|would|"
    r"should|must|did|does|do)\b|"
    r"\s+and\s+(?:all|both|each|they|he|she|we)\s+(?:[a-z]+ed|is|are|was|were|has|have|had|may|might|can|could|"
    r"will|would)\b|"
    r"\s+and\s+(?:(?:in\s+)?(?:some|many|most|rare|other)\s+cases\s+)?(?:may|might|can|could|will|would)\s+[a-z]+)"
)
_MARK_WORDS: dict[str, str] = {
    **dict.fromkeys(_words("but however although though whereas while except yet"), "brk"),
    **dict.fromkeys(_words("no not without neither nor never denied deny denies didn't don't doesn't wasn't weren't "
                    "isn't aren't hasn't haven't"), "fwd"),
    **dict.fromkeys(_words("that which who whom where when compared than"), "scope"),
}
# "patients without cirrhosis", "with or without", "those not receiving": a population, not an absent event
POPULATION_NEGATIONS = _words("without not")
POPULATION_WORDS = PEOPLE | _words("infants controls mice rats animals or")
MARK_PAIRS: dict[str, str] = {
    **dict.fromkeys(_words("none_of absence_of free_of free_from lack_of rule_out ruled_out rules_out rather_than "
                    "instead_of negative_for"), "fwd"),
    "as_seen": "scope",
    **dict.fromkeys(_words("and_was and_were and_is and_are and_has and_had and_it and_they"), "scope"),
    "risk_of": "red",
    "incidence_of": "red",
    "protect_against": "red",
    "protects_against": "red",
    "protected_against": "red",
    "protective_against": "red",
    # "slowed the progression of X": X held back, not an event (result_cues.PROTECTIVE reads it as an outcome)
    **dict.fromkeys(_words("slowed_the slows_the slowing_the retarded_the retards_the retarding_the"), "red"),
}
_MARK_PAIR_FIRST = frozenset(pair.split("_")[0] for pair in MARK_PAIRS)
NEG_BACKWARD = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been|had been)\s+(?:not|never)\s+(?:observed|seen|reported|noted|"
    r"found|detected|documented|recorded|experienced|encountered|identified|present|associated|reached)|"
    r"(?:was|were|is|are)\s+(?:absent|excluded|ruled out)|did not (?:occur|develop|appear))\b"
)


def mark_kind(tok: str) -> str | None:
    """The mark a word makes on its own, "pair" if it may start a two-word mark, else None."""
    kind = _MARK_WORDS.get(tok)
    if kind is not None:
        return kind
    if tok in _MARK_PAIR_FIRST:
        return "pair"
    return "red" if tok.startswith(_REDUCE_PREFIXES) else None


_REDUCE_PREFIXES = (
    "prevent", "avoid", "reduc", "decreas", "lower", "treat", "alleviat", "ameliorat", "attenuat", "improv", "manag",
)

NEGATED_VERBS = _words(
    "notice notices observe observes see sees find finds report reports experience experiences develop develops "
    "have has show shows cause causes detect detects record records document documents produce produces "
    "induce induces occur occurs result results lead leads"
)
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|and|nor)\s+")
AFTER_NEGATION = re.compile(r"\s*(?:[a-z]+\s+)?(?:any\s+|a\s+|an\s+)?")

# Adverse-event names: harm words, the patterns around them, and what makes an event a treatment's effect.
_HEAD_WORDS = _words(
    "reaction reactions event events effect effects toxicity toxicities hypersensitivity infection "
    "infections complication complications injury injuries failure syndrome syndromes disorder disorders "
    "rash rashes pain bleeding hemorrhage haemorrhage nausea vomiting diarrhea diarrhoea fever headache "
    "headaches dizziness fatigue death deaths anaphylaxis arrhythmia arrhythmias thrombosis embolism "
    "seizure seizures oedema edema allergy intolerance damage dysfunction deterioration exacerbation "
    "abnormality abnormalities lesion lesions shock arrest necrosis insufficiency hypotension "
    "hypertension"
)
# endings of disease and symptom names, shared by the harm-word rule and the EFFECTX word class
_DISEASE_SUFFIXES = (
    "itis", "osis", "emia", "aemia", "pathy", "penia", "algia", "plegia", "cytosis", "uria", "rrhea", "rrhoea",
    "toxicity",
)
_HEAD_SUFFIXES = (*_DISEASE_SUFFIXES, "ergic", "ergy", "rgic")
LIST_HEAD_WORDS = _HEAD_WORDS | {"issue", "issues", "problem", "problems", "concern", "concerns"}
GENERIC_EVENT = _words(
    "event events effect effects reaction reactions complication complications issue issues problem "
    "problems concern concerns damage"
)
FILLER = _words(
    "any a an the some all other such these those its their his her severe serious significant major "
    "noticeable obvious clinically relevant further new possible potential of"
)
ITEM_STOP = _words(
    "et al reported observed noted seen found occurred detected documented recorded "
    "in during after among with for from at on to by between within than that which who was were is are "
    "has have had either following since"
)
# Event names as a clinician writes them: words that never start one, words that end one (a verb follows), and
# single words that are never one ("systemic", "transgenic", "decrease")
EVENT_NAME_LEAD = _words(
    "regarding concerning about report reports reported reporting of on with no not without any some the a an "
    "all other such these those its their his her any nor neither either did does do had has have "
)
EVENT_NAME_BREAK = _words(
    "is are was were be been being not necessarily may might could would should can will has have had does did "
    "do which that who whom whose decreased increased reduced improved worsened declined rose fell"
)
# nouns that say how something was measured, not what: the one source of the reading's measurement words
# (events.py: a name they follow is a measure, not an event; outcomes.py: alone they name no outcome)
MEASUREMENT_NOUNS = _words("score scores level levels value values outcome outcomes measure measures")
NOT_EVENT_WORDS = _words(
    "decrease decreases increase increases reduction reductions decline rise change changes effect effects event "
    "events reaction reactions issue issues problem problems concern concerns supplementation treatment therapy "
    "infusion injection administration dose doses decreased increased reduced improved worsened interaction "
    "interactions "
    # the authors a citing sentence names ("Smith and colleagues reported"): people who report, never an event
    "colleagues coworkers co-workers collaborators investigators authors researchers"
)
ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ive", "ary", "ible", "able")
PATTERN_A_SUFFIX = ("induced", "associated", "related", "provoked", "triggered")
PATTERN_B_TRIGGERS = _words(
    "developed develop develops developing experienced suffered presented caused causing cause causes "
    "precipitated precipitating manifested"
)
# words that cannot be part of an event's name when extending it backwards from a harm word
NAME_STOP = ITEM_STOP | PATTERN_B_TRIGGERS | _words(
    "patient patients case cases subject subjects man woman men women child children boy girl infant and or "
    "of the a an any no not had has have developed"
)
PATTERN_B_OF = _words("occurrence onset episode episodes case cases signs symptoms")
PATTERN_C_CONNECTORS = _words("after following")
PATTERN_C_PAIRS = _words("due_to secondary_to induced_by caused_by associated_with attributed_to related_to")
_PATTERN_C_FIRST = frozenset(pair.split("_")[0] for pair in PATTERN_C_PAIRS)
HARM_PREFIX = re.compile(r"^(?:the\s+)?(?:risk|risks|incidence|rate|rates|occurrence|number|frequency|odds)\s+of\s+")
FALLBACK_AFTER = _words("developed develop develops experienced presented induced caused causing suffered")
FALLBACK_BEFORE = _words("after following during due secondary associated related induced caused")
FALLBACK_STOP = ITEM_STOP | FILLER | _words("and or but not no patient patients case cases treatment therapy")
# causes that are not treatments: "COVID-19 associated thrombosis", "HCV-related hepatitis"
NON_DRUG_CAUSES = _words(
    "covid covid-19 sars-cov-2 sars coronavirus virus viral hiv hcv hbv influenza infection disease illness "
    "cancer tumor tumour malignancy pregnancy age ageing aging surgery surgical trauma transplant "
    "transplantation ventilator ventilation obesity diabetes sepsis smoking alcohol stress"
)
TREATMENT_CONNECTORS = _words("after following during")
# "arrhythmias were noted in animals injected with the cells": reported in those given a treatment
REPORTED_VERBS = _words("noted observed reported seen occurred documented described")
GIVEN_PARTICIPLES = _words(
    "treated transplanted injected infused given receiving administered vaccinated immunized immunised"
)
TREATMENT_NOUNS = _words("infusion infusions injection injections administration transfusion transplantation "
                          "vaccination dose doses treatment therapy")
# words that name a treatment without naming a drug ("after the infusion of the cells")
TREATMENT_WORDS = GIVEN_PARTICIPLES | TREATMENT_NOUNS | _words(
    "drug drugs medication medications medicine treatments therapies dosing agent agents vaccine graft cells cell "
    "product regimen chemotherapy radiotherapy immunotherapy intervention received taking took exposure exposed "
    "overdose"
)


@shared_table
def is_head(word: str) -> bool:
    """Whether a word names a harm: a harm word, or a disease or allergy ending ("hepatitis", "allergic")."""
    return word in _HEAD_WORDS or (len(word) > 5 and word.endswith(_HEAD_SUFFIXES))


def is_event_trigger(tok: str) -> bool:
    """Whether a word can start one of the event-name patterns (PATTERN_A_SUFFIX, PATTERN_B_*, PATTERN_C_*)."""
    return (
        tok.endswith(PATTERN_A_SUFFIX)
        or tok in PATTERN_B_TRIGGERS
        or tok in PATTERN_B_OF
        or tok in PATTERN_C_CONNECTORS
        or tok in _PATTERN_C_FIRST
    )


@shared_table
def is_cause_word(tok: str) -> bool:
    """A word that ties an effect to a cause: "drug-induced", "X-associated", developed, experienced, ..."""
    return ("-" in tok and tok.endswith(PATTERN_A_SUFFIX)) or tok in PATTERN_B_TRIGGERS


# Word classes: words that look like drug or disease names.
_DRUG_SUFFIXES = (
    "mab", "nib", "cillin", "mycin", "micin", "cycline", "azole", "pril", "sartan", "olol", "statin", "dipine",
    "azepam", "zolam", "oxacin", "ovir", "avir", "tidine", "prazole", "parin", "platin", "taxel", "rubicin",
    "thiazide", "triptyline", "pramine", "phylline", "barbital", "caine", "dronate", "formin", "glitazone",
    "setron", "asone", "olone", "isone", "azine", "idone", "apine", "oxetine", "afil", "lukast", "fibrate",
    "profen", "fenac", "azepine", "dopa", "semide", "quine", "mustine", "fosfamide", "trexate", "uracil",
    "arabine", "etine", "aline", "amine", "iptan", "sulfan", "codone", "phine", "fentanyl", "idine", "arone",
    "xaban", "gatran", "grel", "vudine", "navir", "mide", "zide", "pine", "tine", "line", "zine",
)
_NOT_DRUGS = _words(
    "medicine routine examine determine urine baseline vaccine saline machine guideline decline outline "
    "discipline alkaline underline crystalline doctrine intestine famine combine define online genuine "
    "pristine quarantine creatinine tyrosine glutamine histamine dopamine amine pipeline timeline bromide "
    "peptide nucleotide fluoride chloride oxide hydroxide sulfide cytokine provide decide "
    "inside outside beside aside suicide homicide divide override guide glycoside polypeptide lamine "
    "feline canine midline hairline borderline"
)
_EFFECT_SUFFIXES = (*_DISEASE_SUFFIXES, "oma", "edema", "oedema", "ataxia", "phylaxis")
_EFFECT_WORDS = _words(
    "syndrome reaction reactions toxicity injury failure rash fever nausea vomiting seizure seizures"
)


@shared_table
def word_class(tok: str) -> str:
    """<n> for numbers, DRUGX / EFFECTX for words that look like drug or disease names, else the word itself."""
    if tok[0].isdigit():
        return "<n>"
    if len(tok) > 5 and tok.endswith(_DRUG_SUFFIXES) and tok not in _NOT_DRUGS:
        return "DRUGX"
    if (len(tok) > 5 and tok.endswith(_EFFECT_SUFFIXES)) or tok in _EFFECT_WORDS:
        return "EFFECTX"
    return tok


def affixes(tok: str) -> tuple[str, ...]:
    """Word-ending and word-start features of a word of five letters or more."""
    if len(tok) < 5 or tok[0].isdigit():
        return ()
    return ("S3:" + tok[-3:], "S4:" + tok[-4:], "S5:" + tok[-5:], "P4:" + tok[:4])


# Outcomes, change and the arms of a comparison.
NO_DIFFERENCE = re.compile(
    r"\b(?:no (?:statistically )?(?:significant )?(?:difference|change|effect|improvement|reduction|increase|"
    r"decrease|benefit|association)s?|not (?:statistically )?significant|did not (?:significantly )?"
    r"(?:differ|change|improve|reduce|increase|decrease|affect|alter)|does not (?:differ|affect)|"
    r"were similar|was similar|similar (?:in|between|among|across)|comparable|no longer significant|"
    r"equivalent|non-?significant|n\.s\.|did not reach (?:statistical )?significance|not differ|"
    r"as effective as|unchanged|remained (?:stable|unchanged|similar))"
)
# a test's p before its sign ("p <", "P-value =", "p &lt;": an escaped sign as some exports write it), and the
# number a p-value may be (".03", "0.001", "1.0", "1.2e-5"): P_VALUE here and TESTED_IN_NUMBERS below share them, and
# significance.py's forms without a sign ("p-values of 0.18 and 0.32") the number; a 1 that runs on into more
# digits ("p = 1.6", a variable's value, or a mantissa written "1.2 x 10-5") is no p of 1
P_TEST = r"\bp\s*(?:-?value)?\s*"
P_SIGN = r"(?:[<>=≤≥]|&lt;|&gt;)"
P_NUMBER = r"(?:0?\.\d+(?:e-\d+)?|\d(?:\.\d+)?e-\d+|1(?:\.0+)?(?!\.?\d))"
# "p < 0.05", "P-value = .3", "p &lt; 0.001": the sign and the value
P_VALUE = re.compile(P_TEST + r"(?P<op>" + P_SIGN + r")\s*(?P<value>" + P_NUMBER + r")")
# adverbs of manner and degree ("significantly", "markedly", "post-operatively"), not adjectives in -ly ("early",
# "daily", "elderly")
ADVERB_ENDINGS = ("ally", "ntly", "ively", "edly", "ously", "ssly")
# a sentence that reports the result of a comparison: a p-value, a confidence interval, a ratio, (no) significance,
# or one arm set against another ("than", "compared with", "versus")
_IN_NUMBERS = P_TEST + P_SIGN + r"|\b(?:95\s*%\s*)?(?:ci|confidence\s+intervals?)\b"
_TESTED = _IN_NUMBERS + r"|\bsignifican"
COMPARISON_RESULT = re.compile(
    _TESTED + r"|\b(?:hazard|odds|risk|rate)\s+ratios?\b|\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s|"
    r"\b(?:no|similar)\s+differences?\b"
)
# a sentence that reports a statistical test's result: a p-value, a confidence interval, (no) significance
TESTED_RESULT = re.compile(_TESTED)
# one that reports it in numbers: a p-value or a confidence interval
TESTED_IN_NUMBERS = re.compile(_IN_NUMBERS)
# words that name the comparator arm: "placebo", "the control group", "usual care", "untreated", "vehicle"
CONTROL_WORDS = re.compile(
    r"\b(?:placebo|controls?|sham|usual[\s\-]care|(?:treatment|care)[\s\-]as[\s\-]usual|standard[\s\-](?:care|treatment|therapy)|"
    r"untreated|vehicle|"
    r"no[\s\-](?:treatment|intervention)|comparison\s+(?:group|arm))\b"
)
VERB_LABEL_STEMS = (
    ("decreased", ("reduc", "decreas", "lower", "diminish", "attenuat", "declin", "suppress", "inhibit",
                   "shorten", "lessen", "minimi", "mitigat", "alleviat", "ameliorat", "reliev", "prevent")),
    ("increased", ("increas", "rais", "elevat", "enhanc", "augment", "boost", "prolong", "extend", "rise")),
    ("improved", ("improv", "restor", "benefit")),
    ("worsened", ("worsen", "aggravat", "exacerbat", "impair", "deteriorat")),
)
DIR_WORDS = (
    ("decreased", re.compile(r"\b(?:reduc|decreas|lower|diminish|attenuat|declin|drop|fell|fall|shorten|"
                             r"suppress|inhibit|less\b|fewer|smaller|shorter)")),
    ("increased", re.compile(r"\b(?:increas|rais|elevat|enhanc|augment|boost|rise|rose|prolong|higher|greater|"
                             r"more\b|larger|longer|extend)")),
    ("improved", re.compile(r"\b(?:improv|restor|benefi|better|favou?r)")),
    ("worsened", re.compile(r"\b(?:worse|aggravat|exacerbat|impair|deteriorat)")),
)
# the stems of VERB_LABEL_STEMS that begin a verb of change in OUTCOME_VERB; the others begin only a noun there
# ("decline", "rise", "deterioration") or no outcome at all ("benefit")
_NOUN_ONLY_STEMS = frozenset({"declin", "rise", "deteriorat", "benefit"})
_VERB_STEMS = "|".join(
    "minimi[sz]" if stem == "minimi" else stem
    for _, stems in VERB_LABEL_STEMS
    for stem in stems
    if stem not in _NOUN_ONLY_STEMS
)
OUTCOME_VERB = re.compile(
    # "a significant increase was noted in X", "a significant reduction (p = 0.036) in X": the noun first where a verb
    # of finding or a bracket stands between it and its object
    r"\b(?P<verb>(?:reduction|decrease|decline|increase|rise|improvement|worsening|deterioration)s?\s+"
    r"(?:\([^()]{0,40}\)\s+(?:(?:was|were)\s+(?:noted|found|observed|seen|detected)\s+)?|"
    r"(?:was|were)\s+(?:also\s+)?(?:noted|found|observed|seen|detected)\s+)(?:in|of|for)|"
    rf"(?:{_VERB_STEMS})(?:es|s|ed|d|ing|e)?|"
    # "improvements from baseline in X": the change's reference point between the noun and its object
    r"(?:reduction|decrease|decline|increase|rise|improvement|worsening|deterioration)s?\s+"
    r"(?:(?:from|over|since|relative\s+to)\s+baseline\s+)?(?:in|of))"
    # "improved both X and Y": "both" opens a coordinated object (object_chars.BOTH_OF_A_LIST)
    r"\s+(?:" + BOTH_OF_A_LIST + r")?(?:the\s+)?(?P<obj>(?:\d{1,3}-(?:day|week|month|year)\s+)?[a-z]"
    + OBJECT_CHAR + "{1,120})"
)
# every word OUTCOME_VERB can start with: a statement without one needs no regex scan
OUTCOME_VERB_STEMS = tuple(stem for _, stems in VERB_LABEL_STEMS for stem in stems if stem != "benefit")
_WORD_PARTS = re.compile(r"[\-']")


def may_start_outcome_verb(tok: str) -> bool:
    """Whether a word, or a part of it between hyphens, starts like a change verb (OUTCOME_VERB_STEMS)."""
    if "-" not in tok and "'" not in tok:
        return tok.startswith(OUTCOME_VERB_STEMS)
    return any(part.startswith(OUTCOME_VERB_STEMS) for part in _WORD_PARTS.split(tok))


HYPOTHETICAL = re.compile(
    # "to reduce" is a purpose, "led to reduced" a result, and "reported to reduce" a finding reported; so is the
    # participle of a stated result's consequence ("X fell, leading to a reduced Y": a modal, "may lead to", is caught
    # below); "to" before a determiner is a preposition, no infinitive ("a trend to a lower X")
    r"\b(?:(?<!led )(?<!leads )(?<!lead )(?<!leading )(?<!due )(?<!related )(?<!contributed )(?<!reported )"
    r"(?<!shown )(?<!found )(?<!demonstrated )(?<!observed )(?<!proven )(?<!proved )to(?!\s+(?:a|an|the)\s)|"
    r"whether|if)\s+(?:\w+\s+)?$"
    # whole words: "can" is no modal in "cancer" nor "should" in "shoulder"; the stems of intent take their endings
    r"|\b(?:must|should|may|might|could|would|can|need to|needs to|expected|aim(?:s|ed|ing)?|"
    r"intend(?:s|ed|ing)?|design(?:s|ed|ing)?)\b|\b(?:hypothes|propos)"
)
# the nouns that name the people a sentence is about ("patients", "children", "those"); treatment_names.PERSON also
# knows single persons ("a 40-year-old man") for where one person is meant
PEOPLE_NOUNS = (
    r"(?:(?:out|in)?patients?|subjects?|participants?|volunteers?|individuals?|people|persons?|child|children|adults?|man|men|"
    r"woman|women|boys?|girls?|males?|females?|infants?|neonates?|newborns?|toddlers?|adolescents?|teenagers?|"
    r"recipients?|cases?|those)"
)
# "patients with X", "children with severe X", right before X: X is what the people had (a disease, a genotype, the
# indication of their treatment), not what they were given (clinical_context.says_who) nor what happened to them
# after it (events._names_the_indication)
PEOPLE_WITH_MODIFIERS = ("the", "their", "active", "chronic", "severe", "refractory", "underlying", "moderate", "mild")
PEOPLE_WITH = re.compile(rf"\b{PEOPLE_NOUNS}\s+with\s+(?:(?:{'|'.join(PEOPLE_WITH_MODIFIERS)})\s+)*$", re.IGNORECASE)
# not after a cited work's authors or reference ("Smith and colleagues, who reported a", "Lee et al. [4] who showed a":
# the cited work's finding); a lookbehind has a fixed width, so one for each ending, comma and spacing
_AUTHORS_BEFORE_WHO = "".join(f"(?<!{re.escape(end + comma + space)})" for comma in ("", ",") for space in (" ", "  ")
                              for end in ("et al.", "et al", "colleagues", "co-workers", "authors", "investigators",
                                          "]"))
# a change that says who the patients were, not what a treatment did: "in patients who had improved symptoms",
# "those with reduced renal function"
SUBGROUP_BEFORE = re.compile(
    rf"\b{_AUTHORS_BEFORE_WHO}(?:who|that)\s+"
    r"(?:had|have|has|showed|show|shows|reported|experienced|achieved|developed)\s+"
    r"(?:(?:no|an?|any|some)\s+)?$|"
    rf"\b{PEOPLE_NOUNS}\s+(?:with|without)\s+(?:(?:no|an?|any)\s+)?$"
)
# unless they are counted as an outcome: "the number of patients with improved disability", "the proportion of
# those who had reduced pain"
RESPONDERS_BEFORE = re.compile(
    rf"\b(?:number|proportion|percentage|rate|share|fraction|%)\s+of\s+(?:\w+\s+){{0,2}}{PEOPLE_NOUNS}\s+"
    r"(?:who|that|with)\b"
)
# a bracket that defines a term ("relapse (defined as a 50% increase in the score, indicating deterioration of
# control)"): what it says changed is the definition, not a finding
DEFINITION_OPEN = re.compile(r"\(\s*(?:defined\s+(?:as|by)|i\.\s?e\.|that\s+is|meaning)\b")
# a change said of every arm ("both groups improved", "the two diets were associated with a reduction") is no effect of
# one arm against another; when the sentence also says the arms did not differ, it is no difference. The arms are
# named by a noun of allocation or, counted ("both", "the two"), by the kind of treatment each arm got
EVERY_ARM = re.compile(
    r"\b(?:both|all(?:\s+(?:two|three|four))?|each|either)\s+(?:of\s+the\s+)?(?:treatment\s+|study\s+)?"
    r"(?:groups?|arms?)\b|"
    r"\b(?:both|the\s+(?:two|three|four))\s+(?:of\s+the\s+)?(?:diets|regimens|treatments|interventions|therapies|"
    r"techniques|methods|drugs|procedures|programs|programmes|protocols|formulations|devices|strategies)\b"
)
ARMS_ALIKE = re.compile(
    r"\b(?:no|without|nor)\s+(?:statistically\s+)?(?:significant\s+)?differences?\s+(?:between|among|across)\b|"
    r"\bdid\s+not\s+differ\s+(?:significantly\s+)?(?:between|among|across)\b|"
    r"\bnot\s+(?:statistically\s+)?(?:significantly\s+)?different\s+(?:between|among|across)\b"
)
# each arm's own change reported side by side, the comparator's after an "and": "fell from 6 to 2 in the X group and
# from 6 to 3 in the control group", "rose by 20 and 25 mmHg with X and placebo, respectively" (outcomes._EveryArm)
ARMS_IN_PARALLEL = re.compile(
    r"\band\s+(?:from\s+)?(?:[\d.,±()%\s]|to\b|by\b){0,40}?(?:in|for|among|with)\s+(?:the\s+)?(?:placebo|controls?|sham|"
    r"usual[\s\-]care|standard[\s\-]care|untreated)(?:\s+(?:groups?|arms?|patients|subjects|participants))?\b|"
    r"\band\s+(?:the\s+)?(?:placebo|controls?|sham)(?:\s+(?:groups?|arms?))?\s*,?\s*respectively\b"
)
# what compares the arms with each other (a parallel report of each arm's change with none of these is no comparison)
ARMS_COMPARED = re.compile(
    r"\b(?:than|compared|comparison|versus|vs|relative|differ\w*|more|less|greater|fewer|higher|lower|larger|smaller|"
    r"superior|inferior|better|worse|not|no|only|whereas|but|while|however|favou?r\w*)\b"
)
# words that set a clause against the one before it
CONTRAST = re.compile(r"\b(?:but|whereas|while|however|although|though|yet|only)\b")
# a change verb or noun negated: "did not reduce", "failed to improve", "did not result in statistically significant
# improvements in"; "without increasing X" says X did not increase (but "with or without" names who or which arms;
# and "not only improved X but also Y" says both changed)
VERB_NEGATED = re.compile(
    r"(?:\b(?:not(?!\s+(?:only|just|merely|simply)\b)|no|nor|never|failed to|unable to)|(?<!\bor\s)\bwithout)\s+"
    r"(?:\w+\s+)?"
    r"(?:(?:result(?:ed)?\s+in|lead\s+to|led\s+to|produce|show|yield|any|statistically|significant(?:ly)?|"
    # "was not associated with an increased risk of X"
    r"clinically|meaningful|further|marked|associated\s+with|linked\s+(?:to|with)|an?)\s+){0,4}$"
)
# the span of time a result was read over, after its name: "over the trial", "over the 2-year follow-up", "over 12
# months"; not an age ("women over 50 years of age") nor anything but a time ("control over eating")
_OVER_A_TIME = (
    r"\s+over\s+(?:the\s+)?(?:(?:whole|entire|first|last|next|following)\s+)?(?:(?:\d+|one|two|three|four|five|six|"
    r"twelve)[\s\-\u2010\u2011]*(?:days?|weeks?|months?|years?)\b(?!\s+(?:of\s+age|old)\b)|(?:trial|study|"
    r"follow[\s\-\u2010\u2011]?up|treatment|intervention)(?:\s+period)?\b|time\b).*$"
)
# the words that take an infinitive as their complement: "the ability to climb the stairs", "time to reach the target",
# "days to achieve a response" name one measure with it
TAKES_INFINITIVE = (
    "ability", "inability", "capacity", "failure", "time", "willingness", "readiness", "need", "needs", "tendency",
    "likelihood", "motivation", "confidence", "intention", "intent", "desire", "decision", "attempt", "attempts",
    "effort", "efforts", "opportunity", "propensity", "refusal", "reluctance", "able", "unable", "likely", "unlikely",
    "willing", "ready", "taken", "needed", "required", "days", "hours", "minutes", "weeks", "months", "years",
)
# a purpose clause after a name ends it: "inhibit complex I | to exert its effect", "reduced pain | to allow an early
# discharge": "to", a verb, and its object's determiner (a preposition "to" is followed by its noun phrase, "to the
# ward"); not after a word that takes an infinitive (TAKES_INFINITIVE)
_PURPOSE_CLAUSE = (
    # the lookahead first: the many lookbehinds are tried only where " to " follows (same matches, a third of the time)
    r"(?i:(?=\s+to\s)" + "".join(rf"(?<!\b{word})" for word in TAKES_INFINITIVE)
    + r"\s+to\s+[a-z]+\s+(?:the|a|an|its|their|his|her|this|these|those|our|any|each)\b.*$)"
)
OBJ_CUT = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|(?:^|\s+)(?:and|or)\s+)(?:in some cases\s+)?(?:an?\s+)?(?:\w+ly\s+)?"
    r"\b(?:reduc|decreas|lower|"
    r"prevent|increas|improv|enhanc|restor|alleviat|attenuat|worsen|shorten|prolong|extend|suppress|inhibit|"
    r"slow)\w*\b.*$|"
    + _OVER_A_TIME + "|" + _PURPOSE_CLAUSE + "|"
    # "in the lungs", "in C. elegans", "in DNA vaccines": where or in whom, not what changed
    r"\s+in\s+(?!hospital|icu\b|the\s+icu|intensive)(?:[a-z]\.\s)?.*$|"
    r"\s*(?:,\s*(?:and\s+|but\s+|which\s+|while\s+)?(?:in|it|they|this|these|with|whereas|while|although|"
    r"thus|thereby|as|when|by|compared|relative|versus|vs)\b|\b(?:in (?:those|the|some|all|most|many|vitro|vivo)|"
    r"in (?:[\w\-]+\s+)?(?:patients|subjects|people|children|adults|participants|individuals)|"
    r"in (?:[\w\-]+\s+)?(?:rodents?|mice|rats|animals|models?|humans|cells)|"
    # "mortality of patients": who, not what; but what a count or a share counts ("the proportion of patients treated
    # according to guidelines") is its measure
    r"(?:(?<!proportion\s)(?<!proportions\s)(?<!percentage\s)(?<!number\s)(?<!numbers\s)(?<!share\s)of|among) "
    r"(?:[\w\-]+\s+)?(?:patients|subjects|participants|people|adults|children)|"
    r"for (?:the\s+)?(?:[\w\-+/]+\s+){0,3}?(?:groups?|arms?)\b|"
    # "days with diarrhoea", "patients with fever": what is counted, not what it was counted with
    r"as\s+(?:compared|opposed)|compared|relative to|versus|vs\.?|than|by|from|"
    r"(?<!days\s)(?<!patients\s)(?<!participants\s)with|"
    r"(?<=days\s|ents\s)with(?=\s+(?:a|an|the|its|their|this|these|statistical|significan|\d))|without|"
    r"to \d|at|during|throughout|after|among|between|across|"
    r"when|because|which|that|who|while|whereas|although|though|despite|but|thus|thereby|so|would|could|should|may|"
    r"might|can|"
    r"will|must|was|were|is|are|has|have|had|suggests|suggested|indicates|indicated|shows|showed|means|meant)\b|"
    r"\s+and\s+(?:was|were|is|are|has|have|had|it|they|also)\b|"
    # a number ends the name, but not the number of a type or a phase ("type 2 diabetes") or one that starts it, nor
    # one that starts a word after "of" ("the relative clearance of 99Tc-DMSA", "the risk of 1-year mortality")
    # (nor the number after a hyphen written U+2010 or U+2011, as in "growth factor-1")
    r"(?<![\w\-\u2010\u2011])(?<!type\s)(?<!phase\s)(?<!grade\s)(?<!stage\s)(?<!^)"
    r"(?:(?<!of\s)\d|\d(?![\d.,]*[\-\u2010\u2011]?[a-z])))"
    r".*$",
    re.DOTALL,
)
OBJ_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|and/or)\s+")
NOT_OUTCOMES = _words("than risk the patients in it this that them these those")
ARM_STOP = _words(
    "the and of in with or a an to for group groups mg day patients treatment daily dose plus on at by as "
    "after before"
)
ARM_GENERIC = _words("placebo control controls usual baseline standard")
# "halt the deterioration of X", "prevent the decline in X": a worsening stopped is an improvement
HALTED = re.compile(
    r"\b(?:halt|halts|halted|halting|stop|stops|stopped|reverse|reverses|reversed|slow|slows|"
    r"slowed|retard|retards|retarded|delay|delays|delayed|counteract\w*|block|blocks|blocked|attenuat\w*|inhibit\w*|prevent\w*)\s+(?:the\s+)?$"
)
# an object that is not an outcome: the verb was intransitive ("improved substantially in recent years")
INTRANSITIVE_OBJECT = re.compile(
    r"(?:significantly|markedly|substantially|slightly|dramatically|considerably|steadily|gradually|rapidly|"
    r"over|both|after|following|from|allowing|with\s+time|in\s+recent|in\s+both|by\s+\d|to\s+\d|(?:\w+ly\s+)+(?:in|after|"
    r"over|during|from|both|at)\b)\b"
)


def word_cues(tok: str) -> tuple[str, str, bool, bool, bool, str | None, tuple[str, ...]]:
    """What the cues say of a word, as the first values of Resources.word_values (the getters below take one of
    them): its form in the n-grams (a number folded), word_class, is_event_trigger, is_head,
    may_start_outcome_verb, mark_kind and affixes."""
    # word_class and is_head are asked of single words too: their tables keep the word as well
    return (
        fold_number.function(tok), word_class[tok], is_event_trigger(tok), is_head[tok], may_start_outcome_verb(tok),
        mark_kind(tok), affixes(tok),
    )


FOLDED, CLASS, EVENT_TRIGGER, HEAD, OUTCOME_VERB_START, MARK, AFFIXES = map(itemgetter, range(7))
WORD_CUES = 7  # how many values word_cues gives

