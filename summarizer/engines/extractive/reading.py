"""Per-statement reading for the extractive engine: topics, polarity, adverse events, stance and change.

Rules find the cues (negation scopes, adverse-event names, outcome phrases, direction words); three small
logistic-regression models over word n-grams and those cues (weights in summarizer/data/*.json, trained by
scripts/train_extractive.py) decide the stance, whether a sentence reports an adverse effect, and the change of
a named outcome. Without the weight files the rules alone decide.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from operator import add
from pathlib import Path
from typing import Literal

Stance = Literal["supporting", "mentioning", "contrasting"]
ChangeLabel = Literal["increased", "decreased", "no_difference", "unclear"]
DirectionLabel = Literal["improved", "worsened", "no_difference", "unclear"]
PolarityLabel = Literal["favourable", "unfavourable", "neutral", "unclear"]
TopicLabel = Literal["safety", "efficacy", "other"]
SafetySignal = Literal["concern", "reassuring", "none"]
Span = tuple[int, int]

ANNOTATOR_VERSION = "1"
DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_FILES = {"stance": "stance_model.json", "ade": "ade_model.json", "efficacy": "efficacy_model.json"}
LEXICON_FILE = "ae_lexicon.json"
LISTED_FILE = "listed_names.json"
TAGGER_FILE = "ade_tagger.json"
# the features use a tagger's margins only from here up (probability 0.2: the lowest bucket of MAXD / MAXE)
TAGGER_FLOOR = -1.4
LEXICON_MAX_WORDS = 6
ADE_THRESHOLD_DEFAULT = 0.5
NEGATION_SCOPE_CHARS = 120


@dataclass(frozen=True)
class OutcomeMention:
    """An outcome the sentence says changed, with the sentence that says it."""

    outcome: str
    change: ChangeLabel
    direction: DirectionLabel
    quote: str


@dataclass(frozen=True)
class SentenceReading:
    """Everything the extractive engine reads in one statement."""

    topics: tuple[TopicLabel, ...]
    polarity: PolarityLabel
    adverse_events: tuple[str, ...]
    absent_events: tuple[str, ...]
    stance: Stance
    change: ChangeLabel
    direction: DirectionLabel
    outcomes: tuple[OutcomeMention, ...] = ()
    safety_signal: SafetySignal = "none"
    safety_quote: str | None = None
    stance_quote: str | None = None
    questions_cited_work: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    # whether the statement could report an adverse effect (it names a drug, an effect or a harm), so that the
    # adverse-effect model (and a sentence encoder, when one is used) decides
    ade_candidate: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------------------------------------
# Cue patterns. All run on the lower-cased text (same length as the original, so offsets carry over).

_TOKEN = re.compile(r"[a-z][a-z\-']*[a-z]|[a-z]|\d+(?:\.\d+)?|[<>=≤≥%]")
_SENTENCE_END = re.compile(r"(?<=[\.\?!])\s+(?=[A-Z\[\(0-9])")

_CONTRAST_CUES = re.compile(
    r"\b(?:in contrast|contrary to|unlike|inconsistent with|not consistent with|"
    r"not in (?:agreement|accordance|line) with|disagree|contradict|conflict|controvers|"
    r"differ\w* from|did not (?:confirm|find|show|observe|support|replicate|reproduce)|"
    r"could not (?:confirm|find|show|replicate|reproduce)|failed to|(?:was|were) unable to|"
    r"not (?:been )?(?:confirmed|supported|replicated|found)|no (?:such|similar)|"
    r"whereas|while others|however|although|but not|opposite|refute|challenge|"
    r"less clear|remains? unclear|questionable|debat)"
)
_SUPPORT_CUES = re.compile(
    r"\b(?:consistent with|in (?:agreement|accordance|line|keeping) with|agree\w* with|"
    r"similar|confirm|corroborat|support|concordant|comparable (?:to|with)|"
    r"as (?:previously |also )?(?:reported|described|shown|observed|found)|"
    r"also (?:found|reported|observed|showed|shown|demonstrated)|same (?:results?|findings?)|"
    r"replicat|reproduc|coincid|parallel|likewise|in common with)"
)
_OUR_STUDY = re.compile(
    r"\b(?:our (?:study|studies|results?|findings?|data|trial|observations?|analysis|cohort|patients|work)|"
    r"(?:the|this|present|current) (?:study|results?|findings?|trial|data)|we (?:found|observed|showed|did|"
    r"noted|saw|report))\b"
)
_QUESTIONS_CLAIM = re.compile(
    r"\b(?:questioned|doubt|challeng|refut|contradict|not (?:been )?(?:confirmed|replicated|reproduced)|"
    r"could not (?:confirm|replicate|reproduce)|failed to (?:confirm|replicate|reproduce)|criticis|criticiz|"
    r"overestimat|in contrast to|contrary to|inconsistent with)"
)
_REASSURING = re.compile(
    r"\b(?:safe\b|safely|well[\s\-]?tolerated|welltolerated|(?:was|were|is|are) tolerated|good safety|"
    r"favou?rable safety|no (?:serious |severe |major |significant )?(?:adverse|side|safety|toxicit|"
    r"complication)|without (?:any )?(?:serious |severe |major )?(?:adverse|side|toxicit|complication))"
)
_SAFETY_WORDS = _words(
    "safe safety safely tolerated well-tolerated welltolerated tolerability tolerable adverse side-effect "
    "side-effects side_effect side_effects toxicity toxicities toxic complication complications harm harms "
    "harmful hypersensitivity allergic allergy allergies alergic infusion-related reaction reactions"
)
_EFFICACY_WORDS = _words(
    "effective effectiveness efficacy efficacious benefit benefits beneficial improve improved improves "
    "improvement improvements improving mortality survival survive survived"
)
_NO_DIFFERENCE = re.compile(
    r"\b(?:no (?:statistically )?(?:significant )?(?:difference|change|effect|improvement|reduction|increase|"
    r"decrease|benefit|association)s?|not (?:statistically )?significant|did not (?:significantly )?"
    r"(?:differ|change|improve|reduce|increase|decrease|affect|alter)|does not (?:differ|affect)|"
    r"were similar|was similar|similar (?:in|between|among|across)|comparable|no longer significant|"
    r"equivalent|non-?significant|n\.s\.|did not reach (?:statistical )?significance|not differ|"
    r"as effective as|unchanged|remained (?:stable|unchanged|similar))"
)
_P_VALUE = re.compile(r"\bp\s*(?:-?value)?\s*([<>=≤≥])\s*(0?\.\d+|1(?:\.0+)?)")

_NEG_BACKWARD = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been|had been)\s+(?:not|never)\s+(?:observed|seen|reported|noted|"
    r"found|detected|documented|recorded|experienced|encountered|identified|present|associated)|"
    r"(?:was|were|is|are)\s+(?:absent|excluded|ruled out)|did not (?:occur|develop|appear))\b"
)
# Negation and clause marks, looked up token by token. A forward negation ("fwd": no, not, without, none of, ...)
# covers what follows up to a clause break ("brk": punctuation, but, however, ...) or a scope break ("scope":
# that, which, than, compared, ...); a backward one (_NEG_BACKWARD: "were not observed") covers the clause before
# it. What a treatment prevents, reduces or treats ("red") is an efficacy outcome: neither occurred nor absent.
_PUNCT_BREAK = re.compile(r"[;:\.\?!]")
_MARK_WORDS: dict[str, str] = {
    **dict.fromkeys(_words("but however although though whereas while except yet"), "brk"),
    **dict.fromkeys(_words("no not without neither nor never denied deny denies didn't don't doesn't wasn't weren't "
                    "isn't aren't hasn't haven't"), "fwd"),
    **dict.fromkeys(_words("that which who whom where when compared than"), "scope"),
}
_MARK_PAIRS: dict[str, str] = {
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
}
_MARK_PAIR_FIRST = frozenset(pair.split("_")[0] for pair in _MARK_PAIRS)


@lru_cache(maxsize=1 << 16)
def _mark_kind(tok: str) -> str | None:
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
_LIST_HEAD_WORDS = _HEAD_WORDS | {"issue", "issues", "problem", "problems", "concern", "concerns"}
_GENERIC_EVENT = _words(
    "event events effect effects reaction reactions complication complications issue issues problem "
    "problems concern concerns damage"
)
_FILLER = _words(
    "any a an the some all other such these those its their his her severe serious significant major "
    "noticeable obvious clinically relevant further new possible potential of"
)
_ITEM_STOP = _words(
    "et al reported observed noted seen found occurred detected documented recorded "
    "in during after among with for from at on to by between within than that which who was were is are "
    "has have had either following since"
)
_PATTERN_A_SUFFIX = ("induced", "associated", "related", "provoked", "triggered")
_PATTERN_B_TRIGGERS = _words(
    "developed develop develops developing experienced suffered presented caused causing cause causes "
    "precipitated precipitating manifested"
)
# words that cannot be part of an event's name when extending it backwards from a harm word
_NAME_STOP = _ITEM_STOP | _PATTERN_B_TRIGGERS | _words(
    "patient patients case cases subject subjects man woman men women child children boy girl infant and or "
    "of the a an any no not had has have developed"
)
_PATTERN_B_OF = _words("occurrence onset episode episodes case cases signs symptoms")
_PATTERN_C_CONNECTORS = _words("after following")
_PATTERN_C_PAIRS = _words("due_to secondary_to induced_by caused_by associated_with attributed_to related_to")
_PATTERN_C_FIRST = frozenset(pair.split("_")[0] for pair in _PATTERN_C_PAIRS)

# Outcome polarity: for _BAD_OUTCOME a decrease is good for the patient; for _GOOD_OUTCOME an increase is.
_BAD_OUTCOME = re.compile(
    r"mortalit|death|\bdie|\bards\b|complication|inflamm|ammat|cytokine|pain|adverse|toxicit|infection|"
    r"recurren|relapse|hospital|length of stay|symptom|disease|severity|risk|failure|injur|damage|fibrosis|"
    r"progression|incidence|nausea|vomit|bleed|ha?emorrh|thromb|event|readmission|ventilat|intubat|\bicu\b|"
    r"fever|edema|oedema|lesion|tumou?r|viral load|\bcrp\b|il-?6|tnf|ferritin|d-dimer|\bldh\b|blood pressure|"
    r"hypertension|cholesterol|glucose|hba1c|anxiety|depress|fatigue|dyspn|cough|exacerbat|dependence|"
    r"requirement|time to|duration of|disability|storm"
)
_GOOD_OUTCOME = re.compile(
    r"surviv|recover|quality of life|function\b|functional (?:status|capacity|recovery)|response|remission|"
    r"\bcure|oxygenat|saturation|lymphocyte count|efficacy|healing|clearance|discharge|capacity|strength|"
    r"adherence|satisfaction|success|pulmonary|\blung|gain|level of consciousness|well-?being"
)
_VERB_LABEL_STEMS = (
    ("decreased", ("reduc", "decreas", "lower", "diminish", "attenuat", "declin", "suppress", "inhibit",
                   "shorten", "lessen", "minimi", "mitigat", "alleviat", "ameliorat", "reliev", "prevent")),
    ("increased", ("increas", "rais", "elevat", "enhanc", "augment", "boost", "prolong", "rise")),
    ("improved", ("improv", "restor", "benefit")),
    ("worsened", ("worsen", "aggravat", "exacerbat", "impair", "deteriorat")),
)
_DIR_WORDS = (
    ("decreased", re.compile(r"\b(?:reduc|decreas|lower|diminish|attenuat|declin|drop|fell|fall|shorten|"
                             r"suppress|inhibit|less\b|fewer|smaller|shorter)")),
    ("increased", re.compile(r"\b(?:increas|rais|elevat|enhanc|augment|boost|rise|rose|prolong|higher|greater|"
                             r"more\b|larger|longer|extend)")),
    ("improved", re.compile(r"\b(?:improv|restor|benefi|better|favou?r)")),
    ("worsened", re.compile(r"\b(?:worse|aggravat|exacerbat|impair|deteriorat)")),
)
_OUTCOME_VERB = re.compile(
    r"\b(?P<verb>(?:reduc|decreas|lower|diminish|attenuat|alleviat|ameliorat|reliev|prevent|suppress|inhibit|"
    r"shorten|lessen|minimi[sz]|mitigat|increas|rais|elevat|enhanc|augment|boost|prolong|improv|restor|"
    r"worsen|aggravat|exacerbat|impair)(?:es|s|ed|d|ing|e)?|"
    r"(?:reduction|decrease|decline|increase|rise|improvement|worsening|deterioration)s?\s+(?:in|of))"
    r"\s+(?:the\s+)?(?P<obj>[a-z][^\.;:\(\)\[\]]{1,120})"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:to|whether|if)\s+(?:\w+\s+)?$"
    r"|\b(?:must|should|may|might|could|would|can|need to|needs to|hypothes|propos|expected|aim|intend|design)"
)
_VERB_NEGATED = re.compile(r"\b(?:not|no|nor|never|failed to|unable to)\s+(?:\w+\s+)?$")
_OBJ_CUT = re.compile(
    r"\s*,?\s*(?:and\s+|or\s+)?(?:in some cases\s+)?\b(?:reduc|decreas|lower|prevent|increas|improv|enhanc|"
    r"restor|alleviat|attenuat|worsen|shorten|prolong)\w*\b.*$|"
    r"\s*(?:,\s*(?:and\s+|but\s+|which\s+|while\s+)?(?:in|it|they|this|these|with|whereas|while|although|"
    r"thus|thereby|as|when|by|compared|relative|versus|vs)\b|\b(?:in (?:patients|subjects|people|children|"
    r"adults|those|the|some|all|most|many)|compared|relative to|versus|vs\.?|than|by|from|to \d|at|"
    r"during|after|among|when|because|which|that|who|while|whereas|although|but|thus|thereby|so)\b|"
    r"\s+and\s+(?:was|were|is|are|has|have|had|it|they|also)\b|(?<![a-z\-])\d).*$",
    re.DOTALL,
)
# "time to recovery", "duration of symptoms", "length of stay": shorter is better whatever follows
_TIME_OUTCOME = re.compile(r"^(?:the\s+)?(?:median\s+|mean\s+)?(?:time to|duration of|length of)\b")
_OBJ_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|and/or)\s+")
_NOT_OUTCOMES = _words("than risk the patients in it this that them these those")

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
    "peptide nucleotide fluoride chloride oxide hydroxide sulfide cytokine chemokine provide decide "
    "inside outside beside aside suicide homicide divide override guide glycoside polypeptide lamine "
    "feline canine midline hairline borderline"
)
_EFFECT_SUFFIXES = (*_DISEASE_SUFFIXES, "oma", "edema", "oedema", "ataxia", "phylaxis")
_EFFECT_WORDS = _words(
    "syndrome reaction reactions toxicity injury failure rash fever nausea vomiting seizure seizures"
)
_ARM_STOP = _words(
    "the and of in with or a an to for group groups mg day patients treatment daily dose plus on at by as "
    "after before"
)
_ARM_GENERIC = _words("placebo control controls usual baseline standard")


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_lower_same_length(text))


def _ngram_features(tokens: Sequence[str]) -> list[str]:
    words = list(map(_fold_number, tokens))
    feats = list(words)
    feats.extend(map("_".join, zip(words, words[1:], strict=False)))
    return feats


@lru_cache(maxsize=1 << 16)
def _fold_number(tok: str) -> str:
    return "<n>" if tok[0].isdigit() else tok


def split_sentences(text: str) -> list[Span]:
    """Character spans of the sentences in a statement (exact slices of the text)."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans or [(0, len(text))]


@lru_cache(maxsize=1 << 16)
def _is_head(word: str) -> bool:
    return word in _HEAD_WORDS or (len(word) > 5 and word.endswith(_HEAD_SUFFIXES))


@lru_cache(maxsize=1 << 16)
def _is_event_trigger(tok: str) -> bool:
    """Whether a word can start one of the event patterns of _event_spans."""
    return (
        tok.endswith(_PATTERN_A_SUFFIX)
        or tok in _PATTERN_B_TRIGGERS
        or tok in _PATTERN_B_OF
        or tok in _PATTERN_C_CONNECTORS
        or tok in _PATTERN_C_FIRST
    )


@lru_cache(maxsize=1 << 16)
def _is_cause_word(tok: str) -> bool:
    """A word that ties an effect to a cause: "drug-induced", "X-associated", developed, experienced, ..."""
    return ("-" in tok and tok.endswith(_PATTERN_A_SUFFIX)) or tok in _PATTERN_B_TRIGGERS


@lru_cache(maxsize=1 << 16)
def _word_class(tok: str) -> str:
    """<n> for numbers, DRUGX / EFFECTX for words that look like drug or disease names, else the word itself."""
    if tok[0].isdigit():
        return "<n>"
    if len(tok) > 5 and tok.endswith(_DRUG_SUFFIXES) and tok not in _NOT_DRUGS:
        return "DRUGX"
    if (len(tok) > 5 and tok.endswith(_EFFECT_SUFFIXES)) or tok in _EFFECT_WORDS:
        return "EFFECTX"
    return tok


@lru_cache(maxsize=1 << 16)
def _affixes(tok: str) -> tuple[str, ...]:
    """Word-ending and word-start features of a word of five letters or more."""
    if len(tok) < 5 or tok[0].isdigit():
        return ()
    return ("S3:" + tok[-3:], "S4:" + tok[-4:], "S5:" + tok[-5:], "P4:" + tok[:4])


# ---------------------------------------------------------------------------------------------------------
# Linear models and lexicons


class LinearModel:
    """Multinomial logistic regression over named binary features; weights loaded from JSON."""

    __slots__ = ("labels", "bias", "columns")

    def __init__(self, labels: Sequence[str], bias: Sequence[float], weights: dict[str, Sequence[float]]) -> None:
        self.labels = tuple(labels)
        self.bias = tuple(float(b) for b in bias)
        # one feature-to-weight dict per label (summing with map/filter keeps the loop in C); two labels need
        # only the difference of their weights
        if len(self.labels) == 2:
            delta = {feat: float(row[0]) - float(row[1]) for feat, row in weights.items()}
            self.columns: tuple[dict[str, float], ...] = ({f: w for f, w in delta.items() if w},)
        else:
            self.columns = tuple(
                {feat: float(row[i]) for feat, row in weights.items() if row[i]} for i in range(len(self.labels))
            )

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        """Build from the JSON written by scripts/train_extractive.py."""
        labels, bias, weights = data["labels"], data["bias"], data["weights"]
        if not (isinstance(labels, list) and isinstance(bias, list) and isinstance(weights, dict)):
            raise ValueError("model JSON needs labels, bias and weights")
        return cls([str(x) for x in labels], [float(x) for x in bias], weights)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax probabilities for the labels given a bag of features (presence only)."""
        feats = set(features)
        if len(self.columns) == 1:
            margin = self.bias[0] - self.bias[1] + sum(filter(None, map(self.columns[0].get, feats)))
            first = 1.0 / (1.0 + math.exp(-margin)) if margin > -700 else 0.0
            return {self.labels[0]: first, self.labels[1]: 1.0 - first}
        scores = [b + sum(filter(None, map(col.get, feats))) for b, col in zip(self.bias, self.columns, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


@dataclass(frozen=True)
class Lexicon:
    """Multi-word names, indexed by first word for a fast longest match over tokens."""

    terms: frozenset[str] = frozenset()
    lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, terms: Iterable[str]) -> Lexicon:
        """Index normalised names (lower case, tokens joined by single spaces)."""
        kept = frozenset(t for t in terms if t and t.count(" ") < LEXICON_MAX_WORDS)
        index: dict[str, set[int]] = {}
        for term in kept:
            first, _, rest = term.partition(" ")
            length = rest.count(" ") + 2 if rest else 1
            if first in index:
                index[first].add(length)
            else:
                index[first] = {length}
        return cls(kept, {w: tuple(sorted(ls, reverse=True)) for w, ls in index.items()})

    def match(self, words: Sequence[str], i: int) -> int:
        """Length in words of the longest name starting at words[i], or 0."""
        lengths = self.lengths_by_first.get(words[i])
        if not lengths:
            return 0
        n = len(words)
        for length in lengths:
            if i + length <= n and (length == 1 or " ".join(words[i : i + length]) in self.terms):
                return length
        return 0


@lru_cache(maxsize=1 << 16)
def _char_ngrams(tok: str) -> tuple[str, ...]:
    """The distinct 2- to 5-letter pieces of a word marked at both ends ("<ab", "ab>", ...)."""
    marked = f"<{tok}>"
    size = len(marked)
    return tuple(dict.fromkeys(marked[i : i + n] for n in range(2, 6) for i in range(size - n + 1)))


def _taggable(tok: str) -> bool:
    return len(tok) >= 3 and tok[0].isalpha()


def tagger_features(toks: Sequence[str], i: int, window: int = 2) -> list[str]:
    """Features of token i for the drug / effect token taggers: letter pieces, the word, and the words either
    side (one or two each way)."""
    tok = toks[i]
    n = len(toks)
    feats = ["C:" + piece for piece in _char_ngrams(tok)]
    feats.append("W:" + tok)
    feats.append("L:" + (toks[i - 1] if i > 0 else "<s>"))
    feats.append("R:" + (toks[i + 1] if i + 1 < n else "</s>"))
    if window > 1:
        feats.append("L2:" + (toks[i - 2] if i > 1 else "<s>"))
        feats.append("R2:" + (toks[i + 2] if i + 2 < n else "</s>"))
    return feats


class TokenTagger:
    """Logistic regression over tagger_features: how likely a word is (part of) a drug or an effect name."""

    __slots__ = ("bias", "pieces", "word", "left", "right", "left2", "right2", "floor", "_own")

    def __init__(self, bias: float, weights: dict[str, float]) -> None:
        self.bias = float(bias)
        by_kind: dict[str, dict[str, float]] = {k: {} for k in ("C", "W", "L", "R", "L2", "R2")}
        for feat, weight in weights.items():
            kind, _, value = feat.partition(":")
            if kind in by_kind:
                by_kind[kind][value] = float(weight)
        self.pieces, self.word = by_kind["C"], by_kind["W"]
        self.left, self.right, self.left2, self.right2 = by_kind["L"], by_kind["R"], by_kind["L2"], by_kind["R2"]
        self._own = lru_cache(maxsize=1 << 16)(self._own_score)
        context = (self.left, self.right, self.left2, self.right2)
        self.floor = TAGGER_FLOOR - sum(max([0.0, *d.values()]) for d in context)

    @classmethod
    def from_json(cls, data: object) -> TokenTagger:
        """Build from one entry of ade_tagger.json ({"bias": b, "weights": {feature: w}})."""
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise ValueError("tagger JSON needs bias and weights")
        return cls(float(data.get("bias", 0.0)), data["weights"])

    def _own_score(self, tok: str) -> float:
        """Bias plus the weights of the word and its letter pieces; very negative for numbers and short words."""
        if not _taggable(tok):
            return -50.0
        return self.bias + self.word.get(tok, 0.0) + sum(filter(None, map(self.pieces.get, _char_ngrams(tok))))

    def margins(self, toks: Sequence[str]) -> list[float]:
        """Log-odds per token that it is (part of) a name of this tagger's kind.

        Only margins of at least TAGGER_FLOOR matter to the features, so a word whose own score is too low for its
        neighbours to lift it that far keeps its own score.
        """
        own = list(map(self._own, toks))
        if not (self.left2 or self.right2):
            # one word each side: adding the neighbours' weights to every word is cheapest (all in C)
            zeros = repeat(0.0)
            with_left = map(add, own, map(self.left.get, ["<s>", *toks[:-1]], zeros))
            return list(map(add, with_left, map(self.right.get, [*toks[1:], "</s>"], zeros)))
        floor = self.floor
        lifted = [i for i, score in enumerate(own) if score > floor]
        if lifted:
            n = len(toks)
            left, right, left2, right2 = self.left, self.right, self.left2, self.right2
            for i in lifted:
                own[i] += left.get(toks[i - 1] if i > 0 else "<s>", 0.0) + right.get(
                    toks[i + 1] if i + 1 < n else "</s>", 0.0
                )
            if left2 or right2:
                for i in lifted:
                    own[i] += left2.get(toks[i - 2] if i > 1 else "<s>", 0.0) + right2.get(
                        toks[i + 2] if i + 2 < n else "</s>", 0.0
                    )
        return own


@dataclass(frozen=True)
class EncoderMix:
    """How a sentence encoder's adverse-effect probability joins the linear model's, and the threshold on the mix."""

    weight: float  # of the encoder: p = weight * encoder + (1 - weight) * linear
    threshold: float


@dataclass(frozen=True)
class Resources:
    """Models and lexicons the annotator uses (any may be missing: rules then decide)."""

    stance: LinearModel | None = None
    ade: LinearModel | None = None
    efficacy: LinearModel | None = None
    ade_threshold: float = ADE_THRESHOLD_DEFAULT
    effects: Lexicon = field(default_factory=Lexicon)
    drugs: Lexicon = field(default_factory=Lexicon)
    # names from a published phenotype list: they mark effects for the adverse-effect model only, and name an
    # event only once the model says one is reported (so "no typical cytokine storm" is not an absent event)
    listed_effects: Lexicon = field(default_factory=Lexicon)
    drug_tagger: TokenTagger | None = None
    effect_tagger: TokenTagger | None = None
    # set when a sentence encoder's probabilities are passed to annotate() (summarizer.encoder)
    encoder_mix: EncoderMix | None = None
    first_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        first_words = frozenset(self.drugs.lengths_by_first).union(
            self.effects.lengths_by_first, self.listed_effects.lengths_by_first
        )
        object.__setattr__(self, "first_words", first_words)


def _read_data_json(name: str) -> dict[str, object] | None:
    try:
        data = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    except OSError:
        return None
    return data if isinstance(data, dict) else None


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def resources_from(files: Mapping[str, Mapping[str, object]]) -> Resources:
    """Resources from the contents of the data files, by file name (a missing file leaves its part out)."""
    models: dict[str, LinearModel | None] = {}
    threshold = ADE_THRESHOLD_DEFAULT
    for key, filename in MODEL_FILES.items():
        data = files.get(filename)
        models[key] = LinearModel.from_json(dict(data)) if data else None
        if key == "ade" and data and isinstance(data.get("threshold"), int | float):
            threshold = float(data["threshold"])  # type: ignore[arg-type]
    lex = files.get(LEXICON_FILE) or {}
    listed = files.get(LISTED_FILE) or {}
    taggers = files.get(TAGGER_FILE) or {}
    return Resources(
        drug_tagger=TokenTagger.from_json(taggers["drug"]) if "drug" in taggers else None,
        effect_tagger=TokenTagger.from_json(taggers["effect"]) if "effect" in taggers else None,
        stance=models["stance"],
        ade=models["ade"],
        efficacy=models["efficacy"],
        ade_threshold=threshold,
        effects=Lexicon.of(_strings(lex.get("terms"))),
        drugs=Lexicon.of([*_strings(lex.get("drugs")), *_strings(listed.get("drugs"))]),
        listed_effects=Lexicon.of(_strings(listed.get("effects"))),
    )


def bundled_data_files() -> dict[str, dict[str, object]]:
    """The contents of the data files shipped in summarizer/data, by file name."""
    names = [*MODEL_FILES.values(), LEXICON_FILE, LISTED_FILE, TAGGER_FILE]
    return {name: data for name in names if (data := _read_data_json(name)) is not None}


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Load the bundled models and lexicons once."""
    return resources_from(bundled_data_files())


# ---------------------------------------------------------------------------------------------------------
# One text, scanned once


class Scan:
    """One text tokenised once: tokens with offsets, drug/effect masks, event spans; negation scopes on demand."""

    __slots__ = ("text", "res", "low", "toks", "starts", "ends", "ngrams", "masked", "mask_spans", "event_spans",
                 "tags", "_ngram_set", "_marks", "_breaks", "_negated", "_reduced", "_sentences")

    def __init__(self, text: str, res: Resources) -> None:
        self.text = text
        self.res = res
        self.low = low = _lower_same_length(text)
        matches = list(_TOKEN.finditer(low))
        self.toks: list[str] = list(map(re.Match.group, matches))
        self.starts: list[int] = list(map(re.Match.start, matches))
        self.ends: list[int] = list(map(re.Match.end, matches))
        self.ngrams = _ngram_features(self.toks)
        self.masked, self.mask_spans = _mask(self, res)
        self.event_spans = _event_spans(self)
        self.tags: tuple[list[float], list[float]] | None = None
        self._ngram_set: frozenset[str] | None = None
        self._marks: dict[str, list[Span]] | None = None
        self._negated: list[Span] | None = None
        self._reduced: list[Span] | None = None
        self._sentences: list[Span] | None = None
        self._breaks: list[int] | None = None

    @property
    def ngram_set(self) -> frozenset[str]:
        """The words and word pairs ("a_b") of the text."""
        if self._ngram_set is None:
            self._ngram_set = frozenset(self.ngrams)
        return self._ngram_set

    @property
    def marks(self) -> dict[str, list[Span]]:
        """Spans of clause breaks, negation triggers, scope breaks and reduce-type verbs (from the tokens)."""
        if self._marks is None:
            low, toks, starts, ends = self.low, self.toks, self.starts, self.ends
            marks: dict[str, list[Span]] = {"brk": [m.span() for m in _PUNCT_BREAK.finditer(low)], "fwd": [],
                                            "red": [], "back": [], "scope": []}
            last = len(toks) - 1
            for i, kind in enumerate(map(_mark_kind, toks)):
                if kind is None:
                    continue
                if kind == "pair":
                    pair = _MARK_PAIRS.get(f"{toks[i]}_{toks[i + 1]}") if i < last else None
                    if pair is not None:
                        marks[pair].append((starts[i], ends[i + 1]))
                    continue
                marks[kind].append((starts[i], ends[i]))
            marks["brk"].sort()
            if "not" in low or "absent" in low or "exclud" in low or "ruled" in low:
                marks["back"] = [m.span() for m in _NEG_BACKWARD.finditer(low)]
            self._marks = marks
        return self._marks

    @property
    def breaks(self) -> list[int]:
        """Start offsets of clause breaks."""
        if self._breaks is None:
            self._breaks = [start for start, _ in self.marks["brk"]]
        return self._breaks

    @property
    def forward(self) -> list[Span]:
        """Forward negation triggers."""
        return self.marks["fwd"]

    @property
    def negated(self) -> list[Span]:
        """Character ranges inside a negation's scope."""
        if self._negated is None:
            self._negated = _negated_ranges(self.low, self.breaks, self.marks)
        return self._negated

    @property
    def reduced(self) -> list[Span]:
        """Character ranges of what a treatment prevents or reduces."""
        if self._reduced is None:
            self._reduced = _reduced_ranges(self.low, self.breaks, self.marks["red"])
        return self._reduced

    def sentences(self) -> list[Span]:
        """Sentence spans, computed on first use."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    def sentence_at(self, pos: int) -> Span:
        """The sentence holding character `pos`."""
        for span in self.sentences():
            if span[0] <= pos < span[1]:
                return span
        return (0, len(self.text))

    def sentence_text(self, pos: int) -> str:
        """The text of the sentence holding character `pos`."""
        start, end = self.sentence_at(pos)
        return self.text[start:end].strip()


def _mask(
    scan: Scan, res: Resources, classes: list[str] | None = None
) -> tuple[list[str], list[tuple[str, Span]]]:
    """Tokens with drug names replaced by DRUG and adverse-event names by EFFECT (lexicons, then word classes)."""
    toks = scan.toks
    if classes is None:
        classes = list(map(_word_class, toks))
    firsts = res.first_words
    hits = [i for i, tok in enumerate(toks) if tok in firsts]
    if not hits:
        return classes, []
    drugs, effects, listed = res.drugs, res.effects, res.listed_effects
    drug_first, effect_first, listed_first = drugs.lengths_by_first, effects.lengths_by_first, listed.lengths_by_first
    out: list[str] = []
    spans: list[tuple[str, Span]] = []
    i = 0
    for hit in hits:
        if hit < i:
            continue
        out.extend(classes[i:hit])
        tok = toks[hit]
        kind, length = "DRUG", drugs.match(toks, hit) if tok in drug_first else 0
        if not length and tok in effect_first:
            kind, length = "EFFECT", effects.match(toks, hit)
        if not length and tok in listed_first:
            kind, length = "EFFECTL", listed.match(toks, hit)
        if length:
            out.append(_MASK_OF_KIND[kind])
            spans.append((kind, (scan.starts[hit], scan.ends[hit + length - 1])))
            i = hit + length
        else:
            out.append(classes[hit])
            i = hit + 1
    out.extend(classes[i:])
    return out, spans


# mask_spans kinds: a drug name, an adverse-event name (TRAIN lexicon and seed list), a listed phenotype name
_MASK_OF_KIND = {"DRUG": "DRUG", "EFFECT": "EFFECT", "EFFECTL": "EFFECT"}


def _remask(scan: Scan, classes: list[str]) -> list[str]:
    """_mask again with other word classes, reusing the lexicon names the scan found."""
    starts = scan.starts
    out: list[str] = []
    i = 0
    for kind, (start, end) in scan.mask_spans:
        first = bisect_left(starts, start)
        out.extend(classes[i:first])
        out.append(_MASK_OF_KIND[kind])
        i = bisect_left(starts, end)
    out.extend(classes[i:])
    return out


def _negated_ranges(low: str, breaks: Sequence[int], marks: dict[str, list[Span]]) -> list[Span]:
    """Character ranges a negation covers: forward to a clause or scope break, backward to the clause start."""
    ranges: list[Span] = []
    if marks["fwd"]:
        scope_breaks = sorted([*breaks, *(start for start, _ in marks["scope"])])
        for start, end in marks["fwd"]:
            stop = next((b for b in scope_breaks if b > end), len(low))
            ranges.append((start, min(stop, end + NEGATION_SCOPE_CHARS)))
    for start, end in marks["back"]:
        clause_start = max((b for b in breaks if b < start), default=0)
        ranges.append((clause_start, end))
    return ranges


def _reduced_ranges(low: str, breaks: Sequence[int], matches: Sequence[Span]) -> list[Span]:
    ranges = []
    for start, end in matches:
        stop = next((b for b in breaks if b > end), len(low))
        ranges.append((start, stop))
    return ranges


def _within(span: Span, ranges: Sequence[Span]) -> bool:
    pos = span[0]
    for lo, hi in ranges:  # noqa: SIM110 - a plain loop is about twice as fast as any() over a generator here
        if lo <= pos < hi:
            return True
    return False


def _token_span(scan: Scan, first: int, last: int) -> Span | None:
    """Character span of tokens first..last with leading filler words dropped; None if only filler is left."""
    while first <= last and scan.toks[first] in _FILLER:
        first += 1
    if first > last:
        return None
    if last == first and scan.toks[first] in _GENERIC_EVENT:
        return None
    return (scan.starts[first], scan.ends[last])


def _event_spans(scan: Scan) -> list[Span]:
    """Character spans of candidate adverse-event names: lexicon terms, then patterns around harm words."""
    spans = [span for kind, span in scan.mask_spans if kind == "EFFECT"]
    toks, low = scan.toks, scan.low
    n = len(toks)

    def joined(j: int) -> bool:
        return not low[scan.ends[j - 1] : scan.starts[j]].strip()

    for i in [i for i, is_trigger in enumerate(map(_is_event_trigger, toks)) if is_trigger]:
        tok = toks[i]
        # "X-induced Y", "X associated Y"
        if tok.endswith(_PATTERN_A_SUFFIX) and i > 0 or tok in _PATTERN_B_TRIGGERS:
            for j in range(i + 1, min(i + 5, n)):
                if not joined(j):
                    break
                if _is_head(toks[j]):
                    span = _token_span(scan, i + 1, j)
                    if span:
                        spans.append(span)
                    break
        elif tok in _PATTERN_B_OF and i + 1 < n and toks[i + 1] == "of":
            for j in range(i + 2, min(i + 6, n)):
                if not joined(j):
                    break
                if _is_head(toks[j]):
                    span = _token_span(scan, i + 2, j)
                    if span:
                        spans.append(span)
                    break
        # "Y after/following ...", "Y due to ...", "Y associated with ..."
        connector = tok in _PATTERN_C_CONNECTORS or (i + 1 < n and f"{tok}_{toks[i + 1]}" in _PATTERN_C_PAIRS)
        if connector and i > 0 and _is_head(toks[i - 1]):
            first = i - 1
            while (first > max(0, i - 3) and toks[first - 1].isalpha() and toks[first - 1] not in _NAME_STOP
                   and joined(first)):
                first -= 1
            span = _token_span(scan, first, i - 1)
            if span:
                spans.append(span)
    return _merge_spans(spans)


def _merge_spans(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_NEGATED_VERBS = _words(
    "notice notices observe observes see sees find finds report reports experience experiences develop develops "
    "have has show shows cause causes detect detects record records document documents produce produces "
    "induce induces occur occurs result results lead leads"
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|and|nor)\s+")
_AFTER_NEGATION = re.compile(r"\s*(?:[a-z]+\s+)?(?:any\s+|a\s+|an\s+)?")


def _listed_absent_events(scan: Scan) -> list[Span]:
    """Items of a negated list ("did not notice any A, B or C") that name harms."""
    low = scan.low
    spans: list[Span] = []
    for _, tail_start in scan.forward:
        tail_end = next((b for b in scan.breaks if b >= tail_start), len(low))
        tail = low[tail_start:tail_end]
        words = _TOKEN.findall(tail)
        if not any(w in _LIST_HEAD_WORDS or _is_head(w) for w in words):
            continue
        # skip a verb right after "did not"/"was not" ("noticed any", "observe")
        lead = _AFTER_NEGATION.match(tail)
        first = lead.group().split()[0] if lead and lead.group().strip() else ""
        skip = lead is not None and (first.endswith("ed") or first in _NEGATED_VERBS or first in _FILLER)
        offset = tail_start + (lead.end() if skip and lead else 0)
        pos = offset
        for item in _LIST_SEPARATOR.split(low[offset:tail_end]):
            item_start = low.find(item, pos) if item else -1
            if item_start < 0:
                continue
            pos = item_start + len(item)
            item = re.split(r"[\(\[]", item, maxsplit=1)[0]
            item_words = list(_TOKEN.finditer(item))
            kept = []
            for m in item_words:
                if m.group() in _ITEM_STOP or m.group()[0].isdigit():
                    break
                kept.append(m)
            while kept and kept[0].group() in _FILLER:
                kept.pop(0)
            if not kept or not any(m.group() in _LIST_HEAD_WORDS or _is_head(m.group()) for m in kept):
                continue
            start, end = item_start + kept[0].start(), item_start + kept[-1].end()
            if end - start <= 60:
                spans.append((start, end))
    return spans


# ---------------------------------------------------------------------------------------------------------
# Features shared by training and inference


# Stance cue groups, matched as words or word pairs ("a_b") against a statement's n-grams.
_STANCE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
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


_OURS_WORDS = dict(_STANCE_CUES)["ours"]


def stance_features(text: str, scan: Scan | None = None) -> list[str]:
    """Features for the stance model: word n-grams and agreement / disagreement cue groups."""
    feats = list(scan.ngrams) if scan is not None else _ngram_features(_tokens(text))
    present = scan.ngram_set if scan is not None else frozenset(feats)
    groups = [name for name, cues in _STANCE_CUES if not cues.isdisjoint(present)]
    feats.extend(f"CUE:{name}" for name in groups)
    if "ours" in groups:
        feats.extend(f"CUE:{name}+ours" for name in groups if name != "ours")
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            if a != "ours" and b != "ours":
                feats.append(f"CUE:{a}+{b}")
    return feats


_DRUG_MASKS = frozenset({"DRUG", "DRUGX", "DRUGC"})
_EFFECT_MASKS = frozenset({"EFFECT", "EFFECTX"})
_NAME_MASKS = _DRUG_MASKS | _EFFECT_MASKS


def _sigmoid(margin: float) -> float:
    return 1.0 / (1.0 + math.exp(-margin)) if margin > -700 else 0.0


def tagged_margins(scan: Scan, res: Resources) -> tuple[list[float], list[float]] | None:
    """Drug and effect log-odds per token from the learned token taggers (None without them); cached on the scan."""
    if res.drug_tagger is None or res.effect_tagger is None:
        return None
    if scan.tags is None:
        scan.tags = (res.drug_tagger.margins(scan.toks), res.effect_tagger.margins(scan.toks))
    return scan.tags


def _cause_class(tok: str, res: Resources) -> str | None:
    """DRUGC for a drug named as a cause in one hyphenated word ("warfarin-associated"), else None."""
    prefix, _, suffix = tok.rpartition("-")
    if not prefix or suffix not in _PATTERN_A_SUFFIX:
        return None
    if res.drugs.match([prefix], 0) == 1 or _word_class(prefix) == "DRUGX":
        return "DRUGC"
    return None


def ade_features(text: str, res: Resources | None = None, scan: Scan | None = None) -> list[str]:
    """Features for the adverse-effect model: n-grams, word endings, and drug/effect-masked n-grams and pairs."""
    res = res or load_resources()
    scan = scan or Scan(text, res)
    feats = list(scan.ngrams)
    feats.extend(chain.from_iterable(map(_affixes, scan.toks)))
    masked = scan.masked
    tags = tagged_margins(scan, res)
    if tags is not None:
        drug_m, effect_m = tags
        # words the taggers call drug or effect names join the lexicon's and the word endings' masks
        top_drug_m, top_effect_m = max(drug_m, default=-50.0), max(effect_m, default=-50.0)
        if top_drug_m >= 0.0 or top_effect_m >= 0.0:
            toks = scan.toks
            if len(masked) == len(toks):  # no multi-word lexicon name: masks line up with the tokens
                masked = [
                    cls if cls != tok else "DRUGX" if dm >= 0.0 else "EFFECTX" if em >= 0.0 else tok
                    for tok, cls, dm, em in zip(toks, masked, drug_m, effect_m, strict=True)
                ]
            else:
                classes = [
                    cls if cls != tok else "DRUGX" if dm >= 0.0 else "EFFECTX" if em >= 0.0 else tok
                    for tok, cls, dm, em in zip(toks, map(_word_class, toks), drug_m, effect_m, strict=True)
                ]
                masked = _remask(scan, classes)
        top_drug, top_effect = _sigmoid(top_drug_m), _sigmoid(top_effect_m)
        feats.extend((f"MAXD:{int(top_drug * 5)}", f"MAXE:{int(top_effect * 5)}",
                      f"MAXDE:{int(top_drug * 3)}:{int(top_effect * 3)}"))
    if any("-" in tok for tok in masked):
        masked = [(_cause_class(tok, res) or tok) if "-" in tok else tok for tok in masked]
    feats.extend([
        f"M:{a}_{b}" for a, b in zip(masked, masked[1:], strict=False) if a in _NAME_MASKS or b in _NAME_MASKS
    ])
    if tags is None:  # the models trained before the taggers used masked trigrams and skip-bigrams
        feats.extend([f"T3:{a}_{b}_{c}" for a, b, c in zip(masked, masked[1:], masked[2:], strict=False)])
        feats.extend([f"SK:{a}_{c}" for a, c in zip(masked, masked[2:], strict=False)])
    drug_pos = [i for i, x in enumerate(masked) if x in _DRUG_MASKS]
    effect_pos = [i for i, x in enumerate(masked) if x in _EFFECT_MASKS]
    feats.append(f"HAS:{bool(drug_pos)}:{bool(effect_pos)}")
    for di in drug_pos:
        for ei in effect_pos:
            lo, hi = min(di, ei), max(di, ei)
            if hi - lo > 12:
                continue
            order = "DE" if di < ei else "ED"
            between = masked[lo + 1 : hi]
            feats.append(f"PAIR:{order}:" + ("_".join(between) if len(between) <= 3 else "far"))
            feats.extend(f"BETW:{order}:{word}" for word in between)
    positive = [s for s in scan.event_spans if not _within(s, scan.negated)]
    if tags is not None:
        # what a treatment prevents, reduces or treats is its indication, not its adverse effect
        blocked = [*scan.negated, *scan.reduced]
        free = [s for s in positive if not _within(s, scan.reduced)]
        if free:
            feats.append("EV:present")
        elif positive:
            feats.append("EV:only_reduced")
        elif scan.event_spans:
            feats.append("EV:only_negated")
        tagged = [scan.starts[i] for i, m in enumerate(tags[1]) if m >= 0.0]
        if tagged:
            free_tagged = sum(1 for start in tagged if not _within((start, start), blocked))
            feats.append("TAGE:free" if free_tagged else "TAGE:blocked")
        return feats
    if positive:
        feats.append("EV:present")
    elif scan.event_spans:
        feats.append("EV:only_negated")
    return feats


def _arm_tokens(text: str | None) -> set[str]:
    if not text:
        return set()
    return {t for t in _tokens(text) if t not in _ARM_STOP and not t[0].isdigit() and len(t) > 1}


def efficacy_features(
    text: str, intervention: str | None = None, comparator: str | None = None, outcome: str | None = None
) -> list[str]:
    """Features for the change model: n-grams, direction words, p-values and the order of the arms."""
    low = _lower_same_length(text)
    toks = _TOKEN.findall(low)
    feats = _ngram_features(toks)
    ints, comps = _arm_tokens(intervention), _arm_tokens(comparator)
    ints, comps = ints - comps, comps - ints
    outs = _arm_tokens(outcome)
    dirs = [label for label, regex in _DIR_WORDS if regex.search(low)]
    feats.extend(f"DIR:{d}" for d in dirs)
    first_i = next((i for i, t in enumerate(toks) if t in ints), -1)
    first_c = next((i for i, t in enumerate(toks) if t in comps), -1)
    if first_i >= 0 and first_c >= 0:
        order = "IC" if first_i < first_c else "CI"
    else:
        order = "I" if first_i >= 0 else "C" if first_c >= 0 else "none"
    feats.append(f"ORD:{order}")
    than = ""
    if "than" in toks:
        after = toks[toks.index("than") + 1 : toks.index("than") + 8]
        if any(t in comps or t in _ARM_GENERIC for t in after):
            than = "THAN:comp"
        elif any(t in ints for t in after):
            than = "THAN:int"
    if than:
        feats.append(than)
    for d in dirs:
        feats.append(f"DIR:{d}+ORD:{order}")
        if than:
            feats.append(f"DIR:{d}+{than}")
    if outs and any(t in outs for t in toks):
        feats.append("OUT:present")
    pvals = [(m.group(1), float(m.group(2))) for m in _P_VALUE.finditer(low)]
    if pvals:
        significant = any(v < 0.05 or (op in "<≤" and v <= 0.05) for op, v in pvals if op in "<≤=")
        feats.append("P:sig" if significant else "P:nonsig")
    if _NO_DIFFERENCE.search(low):
        feats.append("CUE:nodiff")
    if " ci " in low or "confidence interval" in low:
        feats.append("CUE:ci")
    return feats


# ---------------------------------------------------------------------------------------------------------
# Outcomes


def outcome_direction(outcome: str, change: ChangeLabel) -> DirectionLabel:
    """What a change of this outcome means for the patient (mortality decreased = improved)."""
    if change == "no_difference" or change == "unclear":
        return change
    low = outcome.lower()
    bad = _BAD_OUTCOME.search(low) is not None or _TIME_OUTCOME.search(low) is not None
    good = _GOOD_OUTCOME.search(low) is not None and _TIME_OUTCOME.search(low) is None
    if bad == good:
        return "unclear"
    if bad:
        return "improved" if change == "decreased" else "worsened"
    return "improved" if change == "increased" else "worsened"


def _verb_label(verb: str) -> str | None:
    for label, stems in _VERB_LABEL_STEMS:
        if verb.startswith(stems):
            return label
    if verb.startswith(("rise", "rising")):
        return "increased"
    return None


# every word _OUTCOME_VERB can start with: a statement without one needs no regex scan
_OUTCOME_VERB_STEMS = (
    "reduc", "decreas", "lower", "diminish", "attenuat", "alleviat", "ameliorat", "reliev", "prevent", "suppress",
    "inhibit", "shorten", "lessen", "minimi", "mitigat", "increas", "rais", "elevat", "enhanc", "augment", "boost",
    "prolong", "improv", "restor", "worsen", "aggravat", "exacerbat", "impair", "declin", "rise", "deteriorat",
)


@lru_cache(maxsize=1 << 16)
def _may_start_outcome_verb(tok: str) -> bool:
    return any(part.startswith(_OUTCOME_VERB_STEMS) for part in re.split(r"[\-']", tok))


def find_outcomes(text: str, scan: Scan | None = None) -> list[OutcomeMention]:
    """Outcomes a statement says an intervention changed ("decreases inflammatory cytokines and mortality")."""
    scan = scan or Scan(text, Resources())
    low = scan.low
    mentions: list[OutcomeMention] = []
    may_start = list(map(_may_start_outcome_verb, scan.toks))
    if True not in may_start:
        return mentions
    pos = scan.starts[may_start.index(True)]  # no change verb starts before this word
    while True:
        match = _OUTCOME_VERB.search(low, pos)
        if match is None:
            break
        pos = match.start("obj")
        verb = match.group("verb")
        verb_label = _verb_label(verb)
        sentence_start, _ = scan.sentence_at(match.start())
        prefix = low[sentence_start : match.start()]
        if verb_label is None or _HYPOTHETICAL.search(prefix):
            continue
        obj = _OBJ_CUT.sub("", match.group("obj"))
        obj = re.sub(r"^(?:or|and)\s+", "", obj)
        if not obj.strip():
            continue
        negated = _VERB_NEGATED.search(prefix[-30:]) is not None
        piece_pos = match.start("obj")
        for piece in _OBJ_SPLIT.split(obj):
            idx = low.find(piece, piece_pos) if piece else -1
            if idx < 0:
                continue
            piece_pos = idx + len(piece)
            words = piece.split()
            if words[:3] == ["in", "some", "cases"]:
                words = words[3:]
            while words and words[0] in _FILLER:
                words.pop(0)
            if not words:
                continue
            name_low = " ".join(words)
            start = low.find(name_low, idx)
            if start < 0 or name_low in _NOT_OUTCOMES or not 3 <= len(name_low) <= 80:
                continue
            name = text[start : start + len(name_low)]
            change: ChangeLabel
            direction: DirectionLabel
            if negated:
                change, direction = "no_difference", "no_difference"
            elif verb_label in ("increased", "decreased"):
                change = "increased" if verb_label == "increased" else "decreased"
                direction = outcome_direction(name, change)
                if verb.startswith(("prevent", "alleviat", "ameliorat", "reliev", "mitigat")):
                    direction = "improved"
            else:
                change = "unclear"
                direction = "improved" if verb_label == "improved" else "worsened"
            mentions.append(
                OutcomeMention(outcome=name, change=change, direction=direction, quote=scan.sentence_text(start))
            )
    return mentions


# ---------------------------------------------------------------------------------------------------------
# The reading


def _rule_stance(low: str) -> Stance:
    ours = _OUR_STUDY.search(low) is not None
    if ours and _CONTRAST_CUES.search(low):
        return "contrasting"
    if ours and _SUPPORT_CUES.search(low):
        return "supporting"
    return "mentioning"


def _rule_change(low: str) -> ChangeLabel:
    if _NO_DIFFERENCE.search(low):
        return "no_difference"
    labels = {label for label, regex in _DIR_WORDS if regex.search(low)}
    if "increased" in labels and "decreased" not in labels:
        return "increased"
    if "decreased" in labels and "increased" not in labels:
        return "decreased"
    return "unclear"


def _argmax(probs: dict[str, float]) -> str:
    return max(probs, key=probs.__getitem__)


def annotate(
    text: str,
    outcome: str | None = None,
    intervention: str | None = None,
    comparator: str | None = None,
    resources_: Resources | None = None,
    read_stance: bool = True,
    encoder_probability: float | None = None,
) -> SentenceReading:
    """Read one statement: topics, polarity, adverse events (occurred / absent), stance and change.

    With read_stance=False (the statement's type is already known) the stance is not read and is "mentioning".
    encoder_probability is a sentence encoder's P(adverse effect); resources_.encoder_mix says how it counts.
    """
    res = resources_ or load_resources()
    scan = Scan(text, res)
    low = scan.low
    scores: dict[str, float] = {}

    stance: Stance
    if not read_stance:
        stance = "mentioning"
    elif res.stance is not None:
        probs = res.stance.probabilities(stance_features(text, scan))
        stance = _argmax(probs)  # type: ignore[assignment]
        scores.update({f"stance:{k}": v for k, v in probs.items()})
    else:
        stance = _rule_stance(low)

    # adverse events: named as occurring (model says a harm is reported), or only as absent (negated)
    harm_words = any(map(_is_head, scan.toks)) or not _LIST_HEAD_WORDS.isdisjoint(scan.toks)
    if scan.event_spans or harm_words:
        negated, reduced = scan.negated, scan.reduced
        absent_spans = _merge_spans(
            [s for s in scan.event_spans if _within(s, negated)] + _listed_absent_events(scan)
        )
    else:
        negated, reduced, absent_spans = [], [], []
    present_spans = [
        s for s in scan.event_spans
        if not _within(s, negated) and not _within(s, reduced) and not _within(s, absent_spans)
    ]
    # the model runs only when something could be named: a drug, an effect, a harm word or "X-induced"-like word
    candidate = (
        bool(scan.event_spans) or harm_words or not _NAME_MASKS.isdisjoint(scan.masked)
        or any(map(_is_cause_word, scan.toks))
    )
    if res.ade is not None:
        p_ade = res.ade.probabilities(ade_features(text, res, scan))["adverse_effect"] if candidate else 0.0
    else:
        p_ade = 1.0 if present_spans and any(kind == "DRUG" for kind, _ in scan.mask_spans) else 0.0
    threshold = res.ade_threshold
    if res.encoder_mix is not None and encoder_probability is not None:
        threshold = res.encoder_mix.threshold
        if candidate:
            p_ade = res.encoder_mix.weight * encoder_probability + (1.0 - res.encoder_mix.weight) * p_ade
    scores["ade"] = p_ade
    # the rule stands even when the encoder doubts: the ADE corpus wants a named drug, but "developed a rash after
    # the infusion" is a safety signal in a statement about a treatment
    reports_event = p_ade >= threshold or _treatment_event(scan, present_spans)
    if reports_event and not present_spans:
        present_spans = _fallback_event_spans(scan, absent_spans)
    if reports_event:
        present_spans = _occurring_spans(scan, present_spans)
    adverse_events = _names(text, present_spans) if reports_event else ()
    absent_events = _names(text, absent_spans)

    outcomes: tuple[OutcomeMention, ...] = ()
    change: ChangeLabel
    direction: DirectionLabel
    if outcome or intervention or comparator:
        if res.efficacy is not None:
            probs = res.efficacy.probabilities(efficacy_features(text, intervention, comparator, outcome))
            change = _argmax(probs)  # type: ignore[assignment]
            scores.update({f"change:{k}": v for k, v in probs.items()})
        else:
            change = _rule_change(low)
        direction = outcome_direction(outcome or "", change)
    else:
        outcomes = tuple(m for m in find_outcomes(text, scan) if not _names_overlap(m.outcome, absent_events))
        changes = {m.change for m in outcomes}
        change = changes.pop() if len(changes) == 1 else "unclear"
        directions = {m.direction for m in outcomes}
        direction = directions.pop() if len(directions) == 1 else "unclear"
    # an outcome that is a harm and increased ("increased risk of secondary infections") is an adverse event
    harms = [m for m in outcomes if m.change == "increased" and m.direction == "worsened" and _is_harm_name(m.outcome)]
    if harms:
        outcomes = tuple(m for m in outcomes if m not in harms)
        harm_spans = [_harm_span(text, m.outcome) for m in harms]
        if not adverse_events:
            present_spans = harm_spans
        adverse_events = tuple(dict.fromkeys([*adverse_events, *_names(text, harm_spans)]))

    safety_cue = not _SAFETY_WORDS.isdisjoint(scan.ngram_set)
    reassuring_match = _REASSURING.search(low) if safety_cue else None
    safety_signal: SafetySignal = "none"
    safety_quote = None
    if adverse_events:
        safety_signal = "concern"
        safety_quote = scan.sentence_text(present_spans[0][0])
    elif absent_events or reassuring_match:
        safety_signal = "reassuring"
        where = absent_spans[0][0] if absent_spans else reassuring_match.start()  # type: ignore[union-attr]
        safety_quote = scan.sentence_text(where)
    safety_topic = safety_signal != "none" or safety_cue

    efficacy_topic = bool(outcomes) or bool(outcome) or (
        not safety_topic and not _EFFICACY_WORDS.isdisjoint(scan.ngram_set)
    )

    topics: list[TopicLabel] = []
    if safety_topic:
        topics.append("safety")
    if efficacy_topic:
        topics.append("efficacy")
    if not topics:
        topics.append("other")

    ours = not _OURS_WORDS.isdisjoint(scan.ngram_set)
    questions = ours and _QUESTIONS_CLAIM.search(low) is not None
    stance_quote = None
    if stance != "mentioning" or questions:
        cue = _SUPPORT_CUES.search(low) if stance == "supporting" else _CONTRAST_CUES.search(low)
        if cue is None and questions:
            cue = _QUESTIONS_CLAIM.search(low)
        stance_quote = scan.sentence_text(cue.start()) if cue else None
    return SentenceReading(
        topics=tuple(topics),
        polarity=_polarity(safety_signal, outcomes, direction if outcome else None),
        adverse_events=adverse_events,
        absent_events=absent_events,
        stance=stance,
        change=change,
        direction=direction,
        outcomes=outcomes,
        safety_signal=safety_signal,
        safety_quote=safety_quote,
        stance_quote=stance_quote,
        questions_cited_work=questions,
        scores=scores,
        ade_candidate=candidate,
    )


def contrast_quote(text: str) -> str | None:
    """The sentence of a statement that carries a contrast or questioning cue, if any."""
    low = _lower_same_length(text)
    cue = _CONTRAST_CUES.search(low) or _QUESTIONS_CLAIM.search(low)
    if cue is None:
        return None
    for start, end in split_sentences(text):
        if start <= cue.start() < end:
            return text[start:end].strip()
    return None


_HARM_PREFIX = re.compile(r"^(?:the\s+)?(?:risk|risks|incidence|rate|rates|occurrence|number|frequency|odds)\s+of\s+")


def _is_harm_name(name: str) -> bool:
    return any(_is_head(tok) and tok not in _GENERIC_EVENT for tok in _tokens(name))


def _harm_span(text: str, outcome: str) -> Span:
    """Where the harm an outcome names sits in the text, without "risk of" and the like."""
    start = text.find(outcome)
    prefix = _HARM_PREFIX.match(outcome.lower())
    skip = prefix.end() if prefix else 0
    return (start + skip, start + len(outcome))


def _names_overlap(name: str, events: Sequence[str]) -> bool:
    low = name.lower()
    return any(e.lower() in low or low in e.lower() for e in events)


_FALLBACK_AFTER = _words("developed develop develops experienced presented induced caused causing suffered")
_FALLBACK_BEFORE = _words("after following during due secondary associated related induced caused")
_FALLBACK_STOP = _ITEM_STOP | _FILLER | _words("and or but not no patient patients case cases treatment therapy")


# causes that are not treatments: "COVID-19 associated thrombosis", "HCV-related hepatitis"
_NON_DRUG_CAUSES = _words(
    "covid covid-19 sars-cov-2 sars coronavirus virus viral hiv hcv hbv influenza infection disease illness "
    "cancer tumor tumour malignancy pregnancy age ageing aging surgery surgical trauma transplant "
    "transplantation ventilator ventilation obesity diabetes sepsis smoking alcohol stress"
)
# words that name a treatment without naming a drug ("after the infusion of the cells")
_TREATMENT_WORDS = _words(
    "drug drugs medication medications medicine treatment treatments therapy therapies infusion infusions "
    "injection injections administration dose doses dosing agent agents vaccine vaccination transfusion "
    "transplantation graft cells cell product regimen chemotherapy radiotherapy immunotherapy intervention "
    "treated receiving received taking took given exposure exposed overdose"
)


_TREATMENT_CONNECTORS = _words("after following during")
_TREATMENT_NOUNS = _words("infusion infusions injection injections administration transfusion transplantation "
                          "vaccination dose doses treatment therapy")


def _treatment_event(scan: Scan, spans: Sequence[Span]) -> bool:
    """Whether a sentence without a drug name ties a named event to a treatment: "developed a severe rash after
    the infusion of the cells" (the adverse-effect model learned from sentences that name drugs)."""
    words = scan.ngram_set
    if not spans or _TREATMENT_CONNECTORS.isdisjoint(words) or _TREATMENT_NOUNS.isdisjoint(words):
        return False
    if not _DRUG_MASKS.isdisjoint(scan.masked) or (scan.tags is not None and max(scan.tags[0], default=-1.0) >= 0):
        return False
    toks, ends = scan.toks, scan.ends
    n = len(toks)
    for span in spans:
        j = bisect_left(ends, span[1])  # the last token of the name
        for k in range(j + 1, min(j + 3, n)):
            if toks[k] in _TREATMENT_CONNECTORS:
                if not _TREATMENT_NOUNS.isdisjoint(toks[k + 1 : k + 4]) and _occurring_spans(scan, [span]):
                    return True
                break
    return False


def _occurring_spans(scan: Scan, spans: Sequence[Span]) -> list[Span]:
    """The event spans that may be an effect of a treatment rather than of a disease.

    Kept: names whose sentence names a drug or a treatment, and that do not follow a non-drug cause
    ("COVID-19 associated thrombosis").
    """
    toks, starts = scan.toks, scan.starts
    treated = [
        i for i, tok in enumerate(toks)
        if tok in _TREATMENT_WORDS or _word_class(tok) == "DRUGX" or ("-" in tok and _cause_class(tok, scan.res))
    ]
    if scan.tags is not None:
        treated.extend(i for i, margin in enumerate(scan.tags[0]) if margin >= 0.0)
    treated_starts = [starts[i] for i in treated]
    treated_starts.extend(span[0] for kind, span in scan.mask_spans if kind == "DRUG")
    kept = []
    for span in spans:
        sentence = scan.sentence_at(span[0])
        if not any(sentence[0] <= start < sentence[1] for start in treated_starts):
            continue
        j = bisect_left(starts, span[0])
        if 1 < j < len(toks) and toks[j - 1].endswith(_PATTERN_A_SUFFIX):
            cause = j - 2
            while cause > 0 and toks[cause][0].isdigit():
                cause -= 1
            if toks[cause] in _NON_DRUG_CAUSES:
                continue
        kept.append(span)
    return kept


def _tagged_spans(scan: Scan, margins: Sequence[float]) -> list[Span]:
    """Runs of adjacent words the effect tagger calls part of an effect name, as character spans."""
    spans: list[Span] = []
    run_start = -1
    for i, margin in enumerate([*margins, -50.0]):
        if margin >= 0.0 and run_start < 0:
            run_start = i
        elif margin < 0.0 and run_start >= 0:
            span = _token_span(scan, run_start, i - 1)
            if span:
                spans.append(span)
            run_start = -1
    return spans


def _fallback_event_spans(scan: Scan, absent: Sequence[Span]) -> list[Span]:
    """When the model says a harm is reported but no name matched: harm-like words, then trigger-adjacent words."""
    blocked = [*scan.negated, *absent]
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    if scan.tags is not None:
        tagged = _tagged_spans(scan, scan.tags[1])
        spans = [span for span in tagged if not _within(span, blocked)]
        if spans:
            return spans[:3]
    spans = [
        (starts[i], ends[i])
        for i, tok in enumerate(toks)
        if _is_head(tok) and tok not in _GENERIC_EVENT and not _within((starts[i], ends[i]), blocked)
    ]
    if not spans:
        spans = [span for kind, span in scan.mask_spans if kind != "DRUG" and not _within(span, blocked)]
    if spans:
        return spans[:3]
    drug_starts = {span[0] for kind, span in scan.mask_spans if kind == "DRUG"}

    def content(i: int) -> bool:
        tok = toks[i]
        return tok.isalpha() and tok not in _FALLBACK_STOP and starts[i] not in drug_starts and len(tok) > 2

    n = len(toks)
    for i, tok in enumerate(toks):
        if tok in _FALLBACK_AFTER:
            j = i + 1
            while j < n and j <= i + 3 and content(j):
                j += 1
            if j > i + 1:
                return [(starts[i + 1], ends[j - 1])]
        if tok in _FALLBACK_BEFORE and i > 0:
            j = i - 1
            while j >= 0 and j >= i - 3 and content(j):
                j -= 1
            if j < i - 1:
                return [(starts[j + 1], ends[i - 1])]
    return []


def _names(text: str, spans: Sequence[Span]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for start, end in spans:
        name = text[start:end].strip(" ,;:.")
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return tuple(seen.values())


def _polarity(
    safety_signal: SafetySignal, outcomes: Sequence[OutcomeMention], direction: DirectionLabel | None
) -> PolarityLabel:
    signs: set[PolarityLabel] = set()
    if safety_signal == "concern":
        signs.add("unfavourable")
    elif safety_signal == "reassuring":
        signs.add("favourable")
    directions = {m.direction for m in outcomes}
    if direction is not None:
        directions.add(direction)
    if "improved" in directions:
        signs.add("favourable")
    if "worsened" in directions or "no_difference" in directions:
        signs.add("unfavourable")
    if not signs:
        return "neutral"
    if len(signs) > 1:
        return "unclear"
    return signs.pop()
