"""The data files of the extractive engine (data/*.json): models, lexicons and taggers, loaded once."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.cues import WORD_CUES, word_cues
from summarizer.engines.extractive.linear import Lexicon, LinearModel, TaggerPair, TokenTagger
from summarizer.engines.extractive.per_word import PerWord
from summarizer.engines.extractive.polarity import LearnedPolarity

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_FILES = {"stance": "stance_model.json", "ade": "ade_model.json", "efficacy": "efficacy_model.json"}
LEXICON_FILE = "ae_lexicon.json"
LISTED_FILE = "listed_names.json"
TAGGER_FILE = "ade_tagger.json"
# the learned outcome polarity (polarity.LearnedPolarity), written by scripts/train_polarity.py
POLARITY_FILE = "outcome_polarity.json"
# the case reports' harm words for the rule of how often a harm happens (harm_measures.py), loaded with the polarity;
# written by scripts/build_harm_words.py
HARM_WORDS_FILE = "harm_words.json"
ADE_THRESHOLD_DEFAULT = 0.5


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
    # whether more of an outcome is better, where the rules of polarity.py say nothing
    polarity: LearnedPolarity | None = None
    ade_threshold: float = ADE_THRESHOLD_DEFAULT
    # the least P(contrasting) at which the stance model's `contrasting` is inferred (stance_model.json's
    # contrasting_min_probability: where its out-of-fold precision reaches 0.8); None: never, `mentioning` instead
    contrasting_min_probability: float | None = None
    effects: Lexicon = field(default_factory=Lexicon)
    drugs: Lexicon = field(default_factory=Lexicon)
    # names from a published phenotype list: they mark effects for the adverse-effect model only, and name an
    # event only once the model says one is reported (so "no typical cytokine storm" is not an absent event)
    listed_effects: Lexicon = field(default_factory=Lexicon)
    drug_tagger: TokenTagger | None = None
    effect_tagger: TokenTagger | None = None
    # set when a sentence encoder's probabilities are passed to annotate() (encoder.py)
    encoder_mix: EncoderMix | None = None
    first_words: frozenset[str] = field(init=False)
    # the names of one word and the first two words of the longer names, of all three lexicons: most words that
    # start some name ("and", "in") start only long ones, and the word after them rules those out at once
    name_singles: frozenset[str] = field(init=False)
    name_pairs: frozenset[str] = field(init=False)
    # the two taggers read together (features.tagged_margins)
    taggers: TaggerPair | None = field(init=False, compare=False, repr=False)
    # all the reading asks of each word of a statement, in one look-up (Scan.word_values): what the cues say of it
    # (cues.word_cues), whether a lexicon name starts with it (STARTS_NAME), and the taggers' values of it
    # (TaggerPair.values). A table looked up per question would cost a look-up per word each, and a large table's
    # look-up mostly misses the CPU's caches.
    word_values: PerWord[tuple[Any, ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        lexicons = (self.drugs, self.effects, self.listed_effects)
        object.__setattr__(self, "first_words", frozenset().union(*(lex.lengths_by_first for lex in lexicons)))
        singles = frozenset().union(*(lex.terms for lex in lexicons))
        object.__setattr__(self, "name_singles", frozenset(term for term in singles if " " not in term))
        object.__setattr__(self, "name_pairs", frozenset().union(*(lex.pairs for lex in lexicons)))
        _add_word_tables(self)

    def with_encoder_mix(self, mix: EncoderMix) -> Resources:
        """These resources with a sentence encoder's mix; the tagger pair and the word values (with every word
        they hold, the start-up cache's among them) are kept, since the mix changes neither."""
        mixed = replace(self, encoder_mix=mix)
        object.__setattr__(mixed, "taggers", self.taggers)
        object.__setattr__(mixed, "word_values", self.word_values)
        return mixed


STARTS_NAME = itemgetter(WORD_CUES)
_TAGGERS_AT = WORD_CUES + 1


def _values_of_word(first_words: frozenset[str], taggers: TaggerPair | None, tok: str) -> tuple[Any, ...]:
    values = (*word_cues(tok), tok in first_words)
    return values if taggers is None else values + taggers.values(tok)


def _add_word_tables(res: Resources) -> None:
    """Set the tagger pair and the word values of resources whose other fields are set."""
    drug, effect = res.drug_tagger, res.effect_tagger
    taggers = TaggerPair(drug, effect, _TAGGERS_AT) if drug is not None and effect is not None else None
    object.__setattr__(res, "taggers", taggers)
    object.__setattr__(res, "word_values", PerWord(partial(_values_of_word, res.first_words, taggers)))


def _read_data_bytes(name: str) -> bytes | None:
    try:
        return (DATA_DIR / name).read_bytes()
    except OSError:
        return None


def parsed_data_files(raw: Mapping[str, bytes]) -> dict[str, dict[str, object]]:
    """The data files' JSON objects, by file name."""
    files = {}
    for name, data in raw.items():
        parsed = json.loads(data)
        if isinstance(parsed, dict):
            files[name] = parsed
    return files


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def resources_from(files: Mapping[str, Mapping[str, object]]) -> Resources:
    """Resources from the contents of the data files, by file name (a missing file leaves its part out)."""
    models: dict[str, LinearModel | None] = {}
    threshold = ADE_THRESHOLD_DEFAULT
    contrasting_min = None
    for key, filename in MODEL_FILES.items():
        data = files.get(filename)
        models[key] = LinearModel.from_json(dict(data)) if data else None
        if key == "ade" and data and isinstance(data.get("threshold"), int | float):
            threshold = float(data["threshold"])  # type: ignore[arg-type]
        if key == "stance" and data and isinstance(data.get("contrasting_min_probability"), int | float):
            contrasting_min = float(data["contrasting_min_probability"])  # type: ignore[arg-type]
    lex = files.get(LEXICON_FILE) or {}
    listed = files.get(LISTED_FILE) or {}
    taggers = files.get(TAGGER_FILE) or {}
    polarity = files.get(POLARITY_FILE)
    harms = files.get(HARM_WORDS_FILE) or {}
    return Resources(
        drug_tagger=TokenTagger.from_json(taggers["drug"]) if "drug" in taggers else None,
        effect_tagger=TokenTagger.from_json(taggers["effect"]) if "effect" in taggers else None,
        stance=models["stance"],
        ade=models["ade"],
        efficacy=models["efficacy"],
        polarity=LearnedPolarity.from_json(dict(polarity), dict(harms)) if polarity else None,
        ade_threshold=threshold,
        contrasting_min_probability=contrasting_min,
        effects=Lexicon.of(_strings(lex.get("terms"))),
        drugs=Lexicon.of([*_strings(lex.get("drugs")), *_strings(listed.get("drugs"))]),
        listed_effects=Lexicon.of(_strings(listed.get("effects"))),
    )


def bundled_data_bytes() -> dict[str, bytes]:
    """The data files shipped in data/, as they are on disk, by file name."""
    names = [*MODEL_FILES.values(), LEXICON_FILE, LISTED_FILE, TAGGER_FILE, POLARITY_FILE, HARM_WORDS_FILE]
    return {name: data for name in names if (data := _read_data_bytes(name)) is not None}


def bundled_data_files() -> dict[str, dict[str, object]]:
    """The contents of the data files shipped in data/, by file name."""
    return parsed_data_files(bundled_data_bytes())


def _parts(part: LinearModel | TokenTagger | None) -> tuple[Any, ...] | None:
    return None if part is None else part.parts()


def resources_parts(res: Resources) -> tuple[Any, ...]:
    """The resources (without an encoder mix) as plain containers, which marshal can write (startup.py);
    resources_of_parts takes them back."""
    return (
        _parts(res.stance),
        _parts(res.ade),
        _parts(res.efficacy),
        res.ade_threshold,
        res.contrasting_min_probability,
        res.effects.parts(),
        res.drugs.parts(),
        res.listed_effects.parts(),
        _parts(res.drug_tagger),
        _parts(res.effect_tagger),
        None if res.polarity is None else res.polarity.parts(),
        res.first_words,
        res.name_singles,
        res.name_pairs,
    )


def resources_of_parts(parts: Sequence[Any]) -> Resources:
    """The resources that resources_parts gave the parts of."""
    (stance, ade, efficacy, threshold, contrasting_min, effects, drugs, listed, drug_tagger, effect_tagger, polarity,
     *derived) = parts
    values = {
        "stance": LinearModel.from_parts(stance) if stance else None,
        "ade": LinearModel.from_parts(ade) if ade else None,
        "efficacy": LinearModel.from_parts(efficacy) if efficacy else None,
        "ade_threshold": threshold,
        "contrasting_min_probability": contrasting_min,
        "effects": Lexicon(*effects),
        "drugs": Lexicon(*drugs),
        "listed_effects": Lexicon(*listed),
        "drug_tagger": TokenTagger.from_parts(drug_tagger) if drug_tagger else None,
        "effect_tagger": TokenTagger.from_parts(effect_tagger) if effect_tagger else None,
        "polarity": LearnedPolarity.from_parts(polarity) if polarity else None,
        "encoder_mix": None,
        "first_words": derived[0],
        "name_singles": derived[1],
        "name_pairs": derived[2],
    }
    # __post_init__ is not run again: the union of the lexicons' words is among the parts
    res = object.__new__(Resources)
    for name, value in values.items():
        object.__setattr__(res, name, value)
    _add_word_tables(res)
    return res


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Load the bundled models and lexicons once."""
    return resources_from(bundled_data_files())
