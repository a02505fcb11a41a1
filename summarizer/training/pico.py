"""Training the PICO reader (engines/extractive/pico.py) on EBM-NLP: loading the sentences, fitting the CRF,
choosing the per-tag thresholds on its marginals, and cross-validation grouped by document.

dev.jsonl gives every word one of N, P, I, O. interventions.jsonl marks only interventions (0/1 a word) in whole
abstracts; its abstracts train the CRF for I alone where used (`extra`): their words not marked I are taken as N,
which costs P and O nothing because the sentences of dev.jsonl carry those.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.pico import NONE_TAG, TAGS, PicoFeatures, decide, split_token
from summarizer.errors import InputError

ALL_TAGS = (*TAGS, NONE_TAG)
FOLDS = 5
FOLD_SEED = "pico-v1"
SHARED_RUN = 10  # words in a row that make an interventions.jsonl abstract the same as a dev.jsonl one
THRESHOLD_GRID = (0.005, 0.01, 0.02, 0.04, 0.06, 0.08, *(round(0.05 * k, 2) for k in range(2, 19)))
DEFAULT_C1 = 0.01
DEFAULT_C2 = 0.5
MAX_ITERATIONS = 150


@dataclass(frozen=True)
class PicoSentence:
    """One sentence in the reader's words, one tag a word, and the document it comes from."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    doc: str


@dataclass(frozen=True)
class FitSettings:
    """How a CRF is fitted: L1 and L2 penalties, iterations, and whether the name lists mark words."""

    c1: float = DEFAULT_C1
    c2: float = DEFAULT_C2
    max_iterations: int = MAX_ITERATIONS
    lexicons: dict[str, frozenset[str]] = field(default_factory=dict)


def in_words(tokens: Sequence[str], tags: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Another tokeniser's tokens and tags in the reader's words (a split token's pieces keep its tag)."""
    words: list[str] = []
    word_tags: list[str] = []
    for token, tag in zip(tokens, tags, strict=True):
        pieces = split_token(token)
        words.extend(pieces)
        word_tags.extend([tag] * len(pieces))
    return tuple(words), tuple(word_tags)


def load_sentences(path: Path) -> list[PicoSentence]:
    """dev.jsonl's sentences (`doc`, `tokens`, `tags`) in the reader's words."""
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        tokens, tags = row.get("tokens"), row.get("tags")
        if not isinstance(tokens, list) or not isinstance(tags, list) or len(tokens) != len(tags) or not tokens:
            raise InputError(f"{path.name} line {number}: tokens and tags must be lists of the same length")
        words, word_tags = in_words([str(t) for t in tokens], [str(t) for t in tags])
        sentences.append(PicoSentence(words, word_tags, str(row.get("doc", row.get("id", number)))))
    return sentences


def abstract_sentences(words: Sequence[str], tags: Sequence[str], doc: str) -> list[PicoSentence]:
    """A whole abstract cut into sentences after each full stop."""
    sentences: list[PicoSentence] = []
    start = 0
    for i, word in enumerate(words):
        if word in (".", "?", "!") or i == len(words) - 1:
            if i + 1 > start:
                sentences.append(PicoSentence(tuple(words[start : i + 1]), tuple(tags[start : i + 1]), doc))
            start = i + 1
    return sentences


def load_intervention_abstracts(path: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """interventions.jsonl's abstracts as (id, words, tags), a word's tag I or N."""
    abstracts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        tags = ["I" if flag else NONE_TAG for flag in row["intervention"]]
        words, word_tags = in_words([str(t) for t in row["tokens"]], tags)
        abstracts.append((str(row["id"]), words, word_tags))
    return abstracts


def word_runs(words: Sequence[str], length: int = SHARED_RUN) -> set[int]:
    """Hashes of every run of `length` words (lower case)."""
    lowered = [w.lower() for w in words]
    return {hash(tuple(lowered[i : i + length])) for i in range(len(lowered) - length + 1)}


def shared_abstracts(
    abstracts: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]], sentences: Iterable[PicoSentence]
) -> set[str]:
    """The ids of the abstracts that share a run of SHARED_RUN words with any of the sentences."""
    runs: set[int] = set()
    for sentence in sentences:
        runs |= word_runs(sentence.words)
    return {doc for doc, words, _ in abstracts if not runs.isdisjoint(word_runs(words))}


def thresholds_arg(text: str) -> dict[str, float]:
    """A command line's "P=..,I=..,O=.." as thresholds (an argparse type: a bad value is one line of usage error)."""
    import argparse

    try:
        pairs = [item.split("=", 1) for item in text.split(",")]
        thresholds = {tag.strip(): float(value) for tag, value in pairs}
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not P=..,I=..,O=.. with numbers") from None
    if set(thresholds) != set(TAGS):
        raise argparse.ArgumentTypeError("thresholds of P, I and O are needed")
    return thresholds


def fold_of(doc: str, folds: int = FOLDS, seed: str = FOLD_SEED) -> int:
    """The cross-validation fold of a document: a fixed hash of seed and document id."""
    digest = hashlib.sha256(f"{seed}:{doc}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


def fit(sentences: Iterable[PicoSentence], model_path: Path, settings: FitSettings) -> None:
    """Fit a CRF on the sentences and write it to model_path."""
    import pycrfsuite

    features = PicoFeatures(settings.lexicons)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(features.sentence(sentence.words), list(sentence.tags))
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model_path))


def crf_json(model_path: Path, digits: int = 5) -> dict[str, Any]:
    """A fitted crfsuite model as the JSON the runtime reads (engines/extractive/pico.LinearChainCrf)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    labels = sorted(info.labels, key=ALL_TAGS.index)
    index = {label: k for k, label in enumerate(labels)}
    weights: dict[str, list[float]] = {}
    for (attribute, label), weight in info.state_features.items():
        weights.setdefault(attribute, [0.0] * len(labels))[index[label]] = round(weight, digits)
    transitions = [[round(info.transitions.get((a, b), 0.0), digits) for b in labels] for a in labels]
    tagger.close()
    return {"labels": labels, "transitions": transitions, "weights": dict(sorted(weights.items()))}


def tagger_settings(
    crf: dict[str, Any], thresholds: dict[str, float], lexicons: bool, interventions: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The settings file the runtime reads: thresholds, whether the name lists mark words, the CRF(s)."""
    settings: dict[str, Any] = {"thresholds": thresholds, "lexicons": lexicons}
    if interventions is not None:
        settings["interventions_crf"] = interventions
    settings["crf"] = crf
    return settings


def load_tagger(model_path: Path, thresholds: dict[str, float], settings: FitSettings) -> Any:
    """A PicoTagger of a fitted model."""
    from summarizer.engines.extractive.pico import PicoTagger

    crf = crf_json(model_path)
    return PicoTagger(tagger_settings(crf, thresholds, bool(settings.lexicons)), settings.lexicons)


def f1_of(gold: Sequence[str], predicted: Sequence[str], tag: str) -> float:
    """Token-level F1 of one tag."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == tag and p == tag)
    gold_n = sum(1 for g in gold if g == tag)
    predicted_n = sum(1 for p in predicted if p == tag)
    return 2 * tp / (gold_n + predicted_n) if gold_n + predicted_n else 0.0


def choose_thresholds(gold: Sequence[str], marginals: Sequence[Sequence[float]]) -> dict[str, float]:
    """Per-tag thresholds on the marginals that maximise each tag's F1, one tag at a time (the others at 0.5)."""
    chosen = dict.fromkeys(TAGS, 0.5)
    for _ in range(2):
        for tag in TAGS:
            best, best_f1 = chosen[tag], -1.0
            for threshold in THRESHOLD_GRID:
                trial = [chosen[t] if t != tag else threshold for t in TAGS]
                f1 = f1_of(gold, decide(marginals, trial), tag)
                if f1 > best_f1:
                    best, best_f1 = threshold, f1
            chosen[tag] = best
    return chosen


@dataclass
class FoldResult:
    """One test fold: its gold tags, the out-of-fold marginals, and the CRF's single best path."""

    fold: int
    gold: list[str]
    marginals: list[tuple[float, float, float]]
    viterbi: list[str]
    sentences: int


def cross_validate(
    sentences: Sequence[PicoSentence],
    settings: FitSettings,
    extra: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]] = (),
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
) -> list[FoldResult]:
    """Train on all folds but one and read the one, for each fold. `extra` abstracts (interventions.jsonl) train
    too, but never one that shares a run of words with a document of the test fold."""
    import pycrfsuite

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            test = [s for s in sentences if fold_of(s.doc, folds) == fold]
            train = [s for s in sentences if fold_of(s.doc, folds) != fold]
            if extra:
                dropped = shared_abstracts(extra, test)
                for doc, words, tags in extra:
                    if doc not in dropped:
                        train.extend(abstract_sentences(words, tags, doc))
            model_path = Path(tmp) / f"fold{fold}.crfsuite"
            fit(train, model_path, settings)
            tagger = load_tagger(model_path, {}, settings)
            best_path = pycrfsuite.Tagger()
            best_path.open(str(model_path))
            result = FoldResult(fold, [], [], [], len(test))
            for sentence in test:
                result.gold.extend(sentence.tags)
                result.marginals.extend(tagger.marginals(sentence.words))
                result.viterbi.extend(best_path.tag(tagger.features.sentence(sentence.words)))
            best_path.close()
            results.append(result)
            if progress is not None:
                progress(f"fold {fold}: {len(train)} training sentences, {len(test)} test")
    return results


def pooled_thresholds(results: Sequence[FoldResult]) -> dict[str, float]:
    """The thresholds chosen on all folds' out-of-fold marginals: those the shipped reader uses."""
    return choose_thresholds([g for r in results for g in r.gold], [m for r in results for m in r.marginals])


def fold_thresholds(results: Sequence[FoldResult]) -> dict[int, dict[str, float]]:
    """For each fold, the thresholds chosen on the other folds' out-of-fold marginals."""
    chosen = {}
    for result in results:
        others = [r for r in results if r.fold != result.fold]
        gold = [g for r in others for g in r.gold]
        marginals = [m for r in others for m in r.marginals]
        chosen[result.fold] = choose_thresholds(gold, marginals)
    return chosen


def interventions_only(sentences: Iterable[PicoSentence]) -> list[PicoSentence]:
    """The sentences with P and O taken as N: the training data of a CRF of I alone."""
    return [PicoSentence(s.words, tuple(t if t == "I" else NONE_TAG for t in s.tags), s.doc) for s in sentences]


def name_list_lexicons() -> dict[str, frozenset[str]]:
    """The project's published drug and effect names (single words mark a word)."""
    from summarizer.engines.extractive.resources import load_resources

    resources = load_resources()
    return {"drug": resources.drugs.terms, "effect": resources.listed_effects.terms}


def with_interventions_marginals(results: Sequence[FoldResult], i_results: Sequence[FoldResult]) -> None:
    """Put the marginal of I of the CRF of I alone into the folds' marginals (in place)."""
    for result, i_result in zip(results, i_results, strict=True):
        result.marginals = [(p, mi[1], o) for (p, _, o), mi in zip(result.marginals, i_result.marginals, strict=True)]


def train_reader(
    sentences: Sequence[PicoSentence],
    out_dir: Path,
    settings: FitSettings,
    extra: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]] = (),
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
    thresholds: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Fit the shipped reader on all the sentences (and the `extra` abstracts for the CRF of I alone), with the
    thresholds chosen on cross-validated marginals (unless given: bench/bench_pico.py reports the same choice as
    `pooled_thresholds`); write the model file(s) and the settings file into out_dir and return the settings."""
    if thresholds is None:
        results = cross_validate(sentences, settings, folds=folds, progress=progress)
        if extra:
            i_results = cross_validate(interventions_only(sentences), settings, extra, folds=folds, progress=progress)
            with_interventions_marginals(results, i_results)
        thresholds = pooled_thresholds(results)
    with tempfile.TemporaryDirectory() as tmp:
        fit(sentences, Path(tmp) / "pico.crfsuite", settings)
        crf = crf_json(Path(tmp) / "pico.crfsuite")
        interventions = None
        if extra:
            training = interventions_only(sentences)
            for doc, words, tags in extra:
                training.extend(abstract_sentences(words, tags, doc))
            fit(training, Path(tmp) / "interventions.crfsuite", settings)
            interventions = crf_json(Path(tmp) / "interventions.crfsuite")
    reader = tagger_settings(crf, thresholds, bool(settings.lexicons), interventions)
    reader = {
        "training": {
            "sentences": len(sentences),
            "extra_abstracts": len(extra),
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
        },
        **reader,
    }
    from summarizer.engines.extractive.pico import SETTINGS_FILE

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / SETTINGS_FILE).write_text(json.dumps(reader, separators=(",", ":")) + "\n", encoding="utf-8")
    return reader
