"""Training the extractive engine's small models, lexicons and taggers on labelled rows; the data files as JSON.

What scripts/train_extractive.py and bench/bench_cv.py share. Only the rows given are read: the callers pass the
TRAIN part (summarizer.evaluation.split_rows) or the other folds. Needs numpy and scipy (the `train` extra), which
are imported only when a model is fitted.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.engines.extractive.features import ade_features, efficacy_features, stance_features
from summarizer.engines.extractive.linear import Lexicon, TokenTagger, taggable, tagger_features
from summarizer.engines.extractive.resources import (
    LEXICON_FILE,
    LISTED_FILE,
    MODEL_FILES,
    TAGGER_FILE,
    Resources,
    resources_from,
)
from summarizer.engines.extractive.tokenise import TOKEN, lower_same_length
from summarizer.evaluation import LABELS, LabelledRow, metrics
from summarizer.training.name_lists import (
    DRUG_LIST_PACKAGE,
    LISTED_MIN_INSIDE,
    LISTED_MIN_SEEN,
    PHENOTYPE_LIST_PACKAGE,
    ListedNames,
    build_drug_lexicon,
    build_lexicon,
    name_spans,
)

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

TrainingLog = Callable[[str], None]
"""Told one line at a time how training goes (the inner cross-validation's figures)."""


def quiet(line: str) -> None:
    """A TrainingLog that drops every line."""


CORPORA = {"stance": "clinical_citation_stance", "safety": "ade", "efficacy": "evidence_inference"}
MIN_COUNT = 2
INNER_FOLDS = 4
TAGGER_L2 = 1e-3
# context words each side (two measured within 0.003 inner-CV F1 of one and cost 8% of the annotator's speed)
TAGGER_WINDOWS = {"drug": 1, "effect": 1}
TAGGER_PRUNE = 0.02


def tagger_rows(
    rows: Sequence[dict[str, object]], field_name: str, window: int
) -> tuple[list[list[str]], np.ndarray]:
    """Token features and labels (0 = inside a `drugs`/`effects` span) from the adverse_effect rows only.

    Only those rows have their drug and effect names annotated, so only their words can be labelled.
    """
    import numpy as np

    feats: list[list[str]] = []
    labels: list[int] = []
    for obj in rows:
        if obj.get("label") != "adverse_effect":
            continue
        low = lower_same_length(str(obj["text"]))
        names = obj.get(field_name) or []
        assert isinstance(names, list)
        spans = name_spans(low, names)
        matches = list(TOKEN.finditer(low))
        toks = [m.group() for m in matches]
        for i, match in enumerate(matches):
            if not taggable(toks[i]):
                continue
            feats.append(tagger_features(toks, i, window))
            labels.append(0 if any(lo <= match.start() < hi for lo, hi in spans) else 1)
    return feats, np.array(labels)


def train_tagger(rows: Sequence[dict[str, object]], field_name: str, window: int) -> dict[str, object]:
    """A drug (field `drugs`) or effect (field `effects`) token tagger as JSON: bias and pruned weights."""
    import numpy as np

    feats, labels = tagger_rows(rows, field_name, window)
    vocab = build_vocab(feats)
    w, b = train_logreg(to_matrix(feats, vocab), labels, 2, TAGGER_L2, np.ones(2))
    weights = {f: round(float(w[i, 0] - w[i, 1]), 3) for f, i in vocab.items()
               if abs(w[i, 0] - w[i, 1]) >= TAGGER_PRUNE}
    return {"window": window, "bias": round(float(b[0] - b[1]), 4), "weights": weights}


def resources_with(lexicon: frozenset[str], drugs: frozenset[str] = frozenset(),
                    taggers: dict[str, dict[str, object]] | None = None,
                    listed: ListedNames | None = None) -> Resources:
    return Resources(
        effects=Lexicon.of(lexicon), drugs=Lexicon.of(drugs | (listed.drugs if listed else frozenset())),
        listed_effects=Lexicon.of(listed.effects if listed else ()),
        drug_tagger=TokenTagger.from_json(taggers["drug"]) if taggers else None,
        effect_tagger=TokenTagger.from_json(taggers["effect"]) if taggers else None,
    )


def train_taggers(rows: Sequence[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Both token taggers."""
    return {"drug": train_tagger(rows, "drugs", TAGGER_WINDOWS["drug"]),
            "effect": train_tagger(rows, "effects", TAGGER_WINDOWS["effect"])}


def featurise(rows: Sequence[LabelledRow], task: str, res: Resources | None = None) -> list[list[str]]:
    """Feature lists for each row, as the annotator computes them."""
    if task == "stance":
        return [stance_features(r.request.text) for r in rows]
    if task == "safety":
        assert res is not None
        return [ade_features(r.request.text, res) for r in rows]
    return [
        efficacy_features(r.request.text, r.request.intervention, r.request.comparator, r.request.outcome)
        for r in rows
    ]


def build_vocab(features: Sequence[Sequence[str]]) -> dict[str, int]:
    """Features seen in at least MIN_COUNT training rows."""
    counts = Counter(f for feats in features for f in set(feats))
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def to_matrix(features: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Binary presence matrix."""
    import numpy as np
    from scipy import sparse

    indptr = [0]
    indices: list[int] = []
    for feats in features:
        cols = sorted({vocab[f] for f in feats if f in vocab})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(features), len(vocab)))


def train_logreg(
    x: sparse.csr_matrix, y: np.ndarray, n_classes: int, l2: float, class_weight: np.ndarray,
    sample_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with L2, weighted classes (and rows, when sample_weight is given), fitted
    by L-BFGS."""
    import numpy as np
    from scipy.optimize import minimize

    n, d = x.shape
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    sample_w = class_weight[y] if sample_weight is None else class_weight[y] * sample_weight
    sample_w = sample_w / sample_w.mean()

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w = params[: d * n_classes].reshape(d, n_classes)
        b = params[d * n_classes :]
        scores = x @ w + b
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -(sample_w * (onehot * logp).sum(axis=1)).sum() / n + 0.5 * l2 * (w * w).sum()
        grad_scores = (np.exp(logp) - onehot) * sample_w[:, None] / n
        grad_w = x.T @ grad_scores + l2 * w
        grad_b = grad_scores.sum(axis=0)
        return value, np.concatenate([np.asarray(grad_w).ravel(), grad_b])

    start = np.zeros(d * n_classes + n_classes)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    params = result.x
    return params[: d * n_classes].reshape(d, n_classes), params[d * n_classes :]


def predict_proba(x: sparse.csr_matrix, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Softmax probabilities."""
    import numpy as np

    scores = x @ w + b
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def inner_folds(rows: Sequence[LabelledRow], k: int = INNER_FOLDS) -> list[int]:
    """Fold number of each row, by document."""
    import hashlib

    return [int(hashlib.sha256(f"inner:{r.document}".encode()).hexdigest(), 16) % k for r in rows]


PRUNE = 0.02


def model_json(labels: Sequence[str], vocab: dict[str, int], w: np.ndarray, b: np.ndarray,
               extra: dict[str, object] | None = None, prune: float = PRUNE) -> dict[str, object]:
    """Weights as JSON; features whose weights barely matter (below `prune`) are dropped to keep lookups fast."""
    import numpy as np

    weights = {}
    for feat, idx in vocab.items():
        row = w[idx]
        size = abs(row[0] - row[1]) if len(row) == 2 else np.abs(row).max()
        if size >= prune:
            weights[feat] = [round(float(v), 4) for v in row]
    data: dict[str, object] = {
        "format": "multinomial-logistic-regression/v1",
        "labels": list(labels),
        "bias": [round(float(v), 4) for v in b],
        "weights": weights,
    }
    if extra:
        data.update(extra)
    return data


def tune_offsets(oof: np.ndarray, gold: Sequence[str], labels: Sequence[str]) -> tuple[float, np.ndarray]:
    """Per-label additive offsets on log-probabilities (last label fixed at 0) that maximise macro-F1."""
    import numpy as np

    log_p = np.log(oof + 1e-12)
    grid = np.arange(-1.5, 1.51, 0.25)
    best = (-1.0, np.zeros(len(labels)))
    for combo in itertools.product(grid, repeat=len(labels) - 1):
        offsets = np.array([*combo, 0.0])
        pred = [labels[i] for i in (log_p + offsets).argmax(axis=1)]
        f1 = metrics(gold, pred, labels)["macro_f1"]
        if f1 > best[0] + 1e-9:
            best = (f1, offsets)
    return best


CONTRASTING_MIN_PRECISION = 0.8
CONTRASTING_MIN_PREDICTED = 10
CONTRASTING_GRID_STEP = 0.01


def contrasting_gate(
    oof: np.ndarray, offsets: np.ndarray, gold: Sequence[str], labels: Sequence[str],
    min_precision: float = CONTRASTING_MIN_PRECISION, min_predicted: int = CONTRASTING_MIN_PREDICTED,
) -> dict[str, object]:
    """The lowest threshold on P(contrasting) at which the out-of-fold precision of an inferred `contrasting` is at
    least min_precision over at least min_predicted predictions, with its out-of-fold figures.

    `oof` are the out-of-fold probabilities before the offsets; the engine's probabilities are those with the
    offsets added to the log-probabilities (the shipped bias holds them), and it infers `contrasting` where that
    label has the largest probability and it is at least the threshold (reading.annotate). The threshold is None
    when no threshold of the grid (steps of CONTRASTING_GRID_STEP) reaches the precision: the engine then never
    infers `contrasting`.
    """
    import numpy as np

    adjusted = np.exp(np.log(oof + 1e-12) + offsets)
    adjusted /= adjusted.sum(axis=1, keepdims=True)
    at = list(labels).index("contrasting")
    argmax = adjusted.argmax(axis=1) == at
    p = adjusted[:, at]
    gold_pos = np.array([label == "contrasting" for label in gold])
    chosen: tuple[float, float, float, int] | None = None
    best: tuple[float, float, float, int] | None = None  # the most precise threshold, for the record
    for step in range(round(1 / CONTRASTING_GRID_STEP)):
        threshold = round(step * CONTRASTING_GRID_STEP, 2)
        predicted = argmax & (p >= threshold)
        count = int(predicted.sum())
        if count < min_predicted:
            break  # fewer still at any higher threshold
        tp = int((predicted & gold_pos).sum())
        figures = (threshold, tp / count, tp / max(int(gold_pos.sum()), 1), count)
        if best is None or figures[1] > best[1]:
            best = figures
        if tp / count >= min_precision:
            chosen = figures
            break

    def record(figures: tuple[float, float, float, int]) -> dict[str, object]:
        threshold, precision, recall, count = figures
        return {"threshold": threshold, "precision": round(precision, 4), "recall": round(recall, 4),
                "predicted": count}

    gate: dict[str, object] = {
        "contrasting_min_probability": chosen[0] if chosen is not None else None,
        "contrasting_min_precision": min_precision,
    }
    if chosen is not None:
        gate["contrasting_inner_cv"] = record(chosen)
    elif best is not None:
        gate["contrasting_inner_cv_most_precise"] = record(best)
    return gate


def crossfit_safety_features(
    train: Sequence[LabelledRow], train_raw: Sequence[dict[str, object]], listed: ListedNames
) -> list[list[str]]:
    """Adverse-effect features where each inner fold's lexicon and tagger features come from the other folds only.

    Otherwise every training positive would find its own drug and effect names in the lexicons and taggers, and
    the model would trust them more than they deserve on unseen documents. The listed names are the same for all.
    """
    folds = inner_folds(train)
    feats: list[list[str]] = [[] for _ in train]
    for k in range(INNER_FOLDS):
        idx = [i for i, f in enumerate(folds) if f == k]
        other = [train_raw[i] for i, f in enumerate(folds) if f != k]
        res = resources_with(build_lexicon(other), build_drug_lexicon(other), train_taggers(other), listed)
        for i, row_feats in zip(idx, featurise([train[i] for i in idx], "safety", res), strict=True):
            feats[i] = row_feats
    return feats


def fit_task(
    task: str, train: Sequence[LabelledRow], l2_grid: Sequence[float], feats: Sequence[Sequence[str]],
    weight_power: float, log: TrainingLog = quiet,
) -> tuple[dict[str, int], np.ndarray, np.ndarray, float, dict[str, object]]:
    """Choose L2 by grouped inner cross-validation on TRAIN (macro-F1), then fit on all of TRAIN.

    Classes are weighted by (n / (k * count)) ** weight_power; for multi-class tasks, per-label offsets tuned on
    the out-of-fold predictions are added to the bias.
    """
    import numpy as np

    labels = LABELS[task]
    y = np.array([labels.index(r.label) for r in train])
    folds = inner_folds(train)
    feats_per_fold = feats
    counts = np.bincount(y, minlength=len(labels)).astype(float)
    class_weight = (counts.sum() / (len(labels) * counts)) ** weight_power
    best = (-1.0, l2_grid[0])
    oof_best: np.ndarray | None = None
    scores: dict[str, float] = {}
    for l2 in l2_grid:
        oof = np.zeros((len(train), len(labels)))
        for k in range(INNER_FOLDS):
            tr = [i for i, f in enumerate(folds) if f != k]
            te = [i for i, f in enumerate(folds) if f == k]
            vocab = build_vocab([feats_per_fold[i] for i in tr])
            w, b = train_logreg(to_matrix([feats_per_fold[i] for i in tr], vocab), y[tr], len(labels), l2,
                                class_weight)
            oof[te] = predict_proba(to_matrix([feats_per_fold[i] for i in te], vocab), w, b)
        pred = [labels[i] for i in oof.argmax(axis=1)]
        f1 = metrics([r.label for r in train], pred, labels)["macro_f1"]
        scores[str(l2)] = round(f1, 4)
        log(f"  {task} l2={l2}: inner-CV macro-F1 {f1:.4f}")
        if f1 > best[0]:
            best = (f1, l2)
            oof_best = oof
    assert oof_best is not None
    threshold = 0.5
    if task == "safety":
        # threshold on P(adverse_effect) that maximises the class F1 out of fold
        gold = y == 0
        best_t = (0.0, 0.5)
        for t in np.arange(0.2, 0.81, 0.025):
            pred_pos = oof_best[:, 0] >= t
            tp = (pred_pos & gold).sum()
            prec = tp / max(pred_pos.sum(), 1)
            rec = tp / max(gold.sum(), 1)
            f1 = 2 * prec * rec / max(prec + rec, 1e-9)
            if f1 > best_t[0]:
                best_t = (f1, float(t))
        threshold = round(best_t[1], 3)
        log(f"  safety threshold {threshold} (inner-CV class F1 {best_t[0]:.4f})")
    info: dict[str, object] = {"l2": best[1], "class_weight_power": weight_power,
                               "inner_cv_macro_f1": round(best[0], 4)}
    offsets = np.zeros(len(labels))
    if len(labels) > 2:
        tuned_f1, offsets = tune_offsets(oof_best, [r.label for r in train], labels)
        info["bias_offsets"] = [float(o) for o in offsets]
        info["inner_cv_macro_f1_with_offsets"] = round(tuned_f1, 4)
        log(f"  {task} offsets {offsets.tolist()}: inner-CV macro-F1 {tuned_f1:.4f}")
    if "contrasting" in labels:
        gate = contrasting_gate(oof_best, offsets, [r.label for r in train], labels)
        info.update(gate)
        log(f"  {task} contrasting shown from P >= {gate['contrasting_min_probability']}: inner-CV "
            f"{gate.get('contrasting_inner_cv') or gate.get('contrasting_inner_cv_most_precise')}")
    full_feats = feats
    vocab = build_vocab(full_feats)
    w, b = train_logreg(to_matrix(full_feats, vocab), y, len(labels), best[1], class_weight)
    return vocab, w, b + offsets, threshold, info


def raw_rows(path: Path) -> dict[str, dict[str, object]]:
    """The rows of a JSON Lines corpus as read, by id (the safety rows carry their drug and effect spans)."""
    return {str(obj["id"]): obj for obj in (json.loads(line) for line in path.read_text().splitlines() if line)}


L2_GRIDS = {"stance": (3e-3, 1e-2), "safety": (3e-3, 1e-2), "efficacy": (3e-4, 1e-3, 3e-3)}
CLASS_WEIGHT_POWERS = {"stance": 1.0, "safety": 0.0, "efficacy": 0.5}


def train_task(
    task: str, train: Sequence[LabelledRow], raw: dict[str, dict[str, object]], described_as: str,
    log: TrainingLog = quiet,
) -> dict[str, dict[str, object]]:
    """Fit one task's model (and for safety its lexicons and taggers) on `train`; the data files by file name."""
    files: dict[str, dict[str, object]] = {}
    labels = LABELS[task]
    if task == "safety":
        train_raw = [raw[r.request.id] for r in train]
        lexicon = build_lexicon(train_raw)
        drug_lexicon = build_drug_lexicon(train_raw)
        taggers = train_taggers(train_raw)
        listed = ListedNames.build(train_raw)
        files[LISTED_FILE] = {
            "source": {
                "drugs": f"drug and brand names of the dictionary in {DRUG_LIST_PACKAGE} (Fast Data Science, MIT "
                "licence; compiled from DrugBank open data, MeSH, MedlinePlus, PubChem, Wikipedia and NHS lists), "
                "for the entries with a DrugBank, MedlinePlus or NHS record",
                "effects": "names and exact/related synonyms of the Human Phenotype Ontology's phenotypic "
                f"abnormalities (release in {PHENOTYPE_LIST_PACKAGE}; HPO Consortium, https://hpo.jax.org/license)",
                "filter": "lower-cased, tokenised as the annotator does; one-word names that lie inside an annotated "
                f"span less than {LISTED_MIN_INSIDE:.0%} of the {LISTED_MIN_SEEN}+ times they occur in the "
                f"adverse_effect rows of {described_as} are dropped",
            },
            "drugs": sorted(listed.drugs),
            "effects": sorted(listed.effects),
        }
        files[TAGGER_FILE] = {
            "source": f"drugs and effects spans of the adverse_effect rows of {described_as} (ADE corpus v2, "
            "Gurulingappa et al. 2012)",
            # the module's name before the re-layout (now linear.tagger_features), kept so that retraining gives
            # the shipped file byte for byte
            "format": "token-logistic-regression/v1 (features: see summarizer.annotate.tagger_features)",
            **taggers,
        }
        files[LEXICON_FILE] = {
            "source": f"effects spans of {described_as} (ADE corpus v2, Gurulingappa et al. 2012), plus a "
            "hand-written seed list of common adverse events",
            "terms": sorted(lexicon),
            "drugs": sorted(drug_lexicon),
        }
        feats = crossfit_safety_features(train, train_raw, listed)
    else:
        feats = featurise(train, task)
    vocab, w, b, threshold, info = fit_task(task, train, L2_GRIDS[task], feats, CLASS_WEIGHT_POWERS[task], log)
    extra: dict[str, object] = {"task": task, "trained_on": f"{described_as} ({len(train)} rows)", **info}
    if task == "safety":
        extra["threshold"] = threshold
    files[MODEL_FILES["ade" if task == "safety" else task]] = model_json(labels, vocab, w, b, extra)
    return files


def write_data_file(path: Path, data: dict[str, object]) -> None:
    """Write one data file as the engine ships it: lexicons one name a line (readable in a diff), models compact."""
    if "terms" in data or "drugs" in data:
        path.write_text(json.dumps(data, indent=0) + "\n")
    else:
        path.write_text(json.dumps(data, separators=(",", ":")))


def model_only_report(
    task: str, heldout: Sequence[LabelledRow], files: dict[str, dict[str, object]]
) -> dict[str, Any]:
    """The held-out figures of a task's model alone, from its data files (bench/bench_eval.py measures the whole
    annotator)."""
    res = resources_from(files)
    model = res.ade if task == "safety" else res.stance if task == "stance" else res.efficacy
    if model is None:
        raise ValueError(f"the data files hold no {task} model")
    preds = []
    for row_feats in featurise(heldout, task, res):
        probs = model.probabilities(row_feats)
        if task == "safety":
            preds.append("adverse_effect" if probs["adverse_effect"] >= res.ade_threshold else "no_adverse_effect")
        else:
            preds.append(max(probs, key=probs.__getitem__))
    return metrics([r.label for r in heldout], preds, LABELS[task])
