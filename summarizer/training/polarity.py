"""Learning whether more of an outcome is better for the patient, from distant labels of Evidence Inference.

Evidence Inference labels how an intervention changed an outcome (increased / decreased / no difference), not
whether that was good. Two things in a row say which way is good, and they give the distant labels:

(a) Direct: the evidence sentence of a significant result says which arm did better, in general words ("improved",
    "better", "benefit", "superior", "in favour of" / "worse", "worsened", "deteriorated", "inferior"). An outcome
    that increased where the sentence says the result was better is good to have; one that decreased is bad to have;
    the reverse for the words of a worse result. A cue word that is negated ("did not improve", "not inferior",
    "non-inferior") or a sentence with cues of both kinds ("improved with X and worsened with placebo") gives no label.
(b) Prior: a significant result against a control-like comparator (cues.CONTROL_WORDS: placebo, control, sham,
    usual or standard care, no treatment) is more often a benefit than a harm, since trials test what is expected to
    help and report it. Such a result suggests that the intervention improved the outcome; the label counts with
    PRIOR_WEIGHT (less than a direct label). Outcomes that are harms by name (cues.SAFETY_OUTCOME: adverse events,
    side effects, toxicity) are left out of the prior: the intervention's harms rise against placebo.

A prompt's label is its direct label where its sentences give one (a tie between its sentences gives none), else
its prior. Prompts of one trial that name the same outcome make one example, their labels added up by weight
(an example whose labels cancel is dropped). The model is a logistic regression over the outcome name's words,
word pairs, last word and letter pieces (polarity.polarity_features), in the engine's LinearModel format. The
L2 and the threshold on its probability are chosen by cross-validation over the train documents (FOLDS folds by
document): the threshold is the lowest at which the out-of-fold accuracy reaches MIN_ACCURACY on the checks (the
rules' own polarity where they are decisive, never a training label, and the direct labels), and the L2 the one
whose threshold answers the most checks. Which checks (CHECK_SETS, scripts/train_polarity.py --checks): "pooled"
(the default, how the shipped model was chosen) or "unclear", only the direct labels of outcomes the rules leave
unclear (where the engine asks the model; about 85 in the train documents). Measured (docs/BENCHMARKS.md,
"s38-polthresh"): the pooled accuracy is carried by the rules-decisive checks, and on the unclear checks no choice
is good enough to ship: the shipped model is unchanged.

Harms named in case reports (summarizer.training.polarity_ade: the ADE corpus's effect spans that name a condition,
not a change of a measure) may be added as "lower is better" examples, each with one weight of HARM_WEIGHT_GRID; the
weight is chosen with the L2 and the threshold, by the same cross-validation (their folds by pmid; they are never
checks): the one whose threshold answers the most checks. A harm example teaches only its head word (harm_features),
and the harm examples share one more feature (HARM_FEATURE), which takes up most of it that they are all bad, so
that they move the bias that unknown names get little. scripts/train_polarity.py --harms adds them. Measured
(docs/BENCHMARKS.md, "s37-polarity"): not adopted for the shipped model.

Only the rows of train documents are given here (summarizer.evaluation.is_heldout(pmcid) is False): the caller
filters. Needs numpy and scipy (the `train` extra).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.engines.extractive.cues import CONTROL_WORDS, SAFETY_OUTCOME
from summarizer.engines.extractive.polarity import POLARITY_LABELS, polarity_features, rule_higher_is_better
from summarizer.errors import InputError
from summarizer.evaluation.sentences import read_json_objects
from summarizer.training.extractive import build_vocab, model_json, predict_proba, to_matrix, train_logreg

if TYPE_CHECKING:
    import numpy as np

CORPUS = "evidence_inference"
PRIOR_WEIGHT = 0.5
ACTIVE_PRIOR_WEIGHT = 0.25
SIBLING_WEIGHT = 0.75
FOLDS = 5
L2_GRID = (0.003, 0.01, 0.03, 0.1)
THRESHOLD_GRID = tuple(round(0.5 + 0.025 * i, 3) for i in range(19))  # 0.5 .. 0.95
MIN_ACCURACY = 0.9
MIN_ANSWERED = 50
# the checks the threshold is chosen on (scripts/train_polarity.py --checks): "pooled", the rules' polarity where
# decisive and the direct labels (how the shipped model was chosen); "unclear", only the direct labels of outcomes
# the rules leave unclear (rule_higher_is_better is None), where the engine asks the model; with the fewest answers
# a threshold must give on them (there are about 85 such checks in the train documents, not 840)
CHECK_SETS: dict[str, tuple[tuple[str, ...], int]] = {"pooled": (("rules", "direct"), MIN_ANSWERED),
                                                      "unclear": (("unclear",), 20)}
DEFAULT_CHECKS = "pooled"
HARM_WEIGHT_GRID = (0.1, 0.25, 0.5, 1.0, 2.0)
# a feature of every harm example and of no outcome: it takes up (part of) that all of them are bad, so that the
# model's bias moves less towards "lower is better" for every name (it is dropped from the saved model)
HARM_FEATURE = "SOURCE:case_report_harm"
# ... in this many copies, so that the L2 holds it back a tenth as much as a word (it should take all it can)
HARM_FEATURE_COPIES = 10
HARM_FEATURE_KINDS = ("W:", "H:")
REQUIRED_FIELDS = ("text", "intervention", "comparator", "outcome", "label", "pmcid")
LABELS = ("increased", "decreased", "no_difference")

BETTER = re.compile(
    r"\b(?:improv\w*|better|benefi\w*|superior\w*|favou?rabl\w*|in\s+favou?r\s+of|favou?red|advantage\w*)"
)
WORSE = re.compile(r"\b(?:wors\w*|deteriorat\w*|inferior\w*|detriment\w*|disadvantage\w*)")
# a cue is negated by one of these among the three words before it, or by "non-" / "not" fixed to it
NEGATION = re.compile(r"\b(?:not|no|nor|neither|without|failed\s+to|lack\s+of|non)\b[\s\-]+(?:\S+\s+){0,2}$")


@dataclass(frozen=True)
class Example:
    """One outcome of one trial with its distant label (True: higher is better) and weight."""

    document: str
    outcome: str
    higher_is_better: bool
    weight: float
    direct: bool
    harm: bool = False  # a harm named in a case report (polarity_ade), not a trial's outcome


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of evidence_inference/dev.jsonl, checked; what is wrong is a one-line InputError."""
    missing = f"corpus not found: {path} (give --data-dir, the folder holding {CORPUS}/)"
    rows = []
    for number, obj in read_json_objects(path, missing):
        for key in REQUIRED_FIELDS:
            if not isinstance(obj.get(key), str | int) or str(obj[key]).strip() == "":
                raise InputError(f"{path.name} line {number}: missing or empty field {key!r}")
        if obj["label"] not in LABELS:
            raise InputError(f"{path.name} line {number}: invalid label {obj['label']!r} (expected one of: "
                             f"{', '.join(LABELS)})")
        rows.append({key: str(obj[key]) for key in (*REQUIRED_FIELDS, "prompt_id") if key in obj})
    if not rows:
        raise InputError(f"{path} has no rows")
    return rows


def _cue_side(text: str) -> bool | None:
    """True when the sentence says a result was better, False worse, None for neither, both, or a negated cue."""
    low = text.lower()
    sides = set()
    for side, pattern in ((True, BETTER), (False, WORSE)):
        for match in pattern.finditer(low):
            if NEGATION.search(low, max(0, match.start() - 40), match.start()):
                return None
            sides.add(side)
    return sides.pop() if len(sides) == 1 else None


def _direct_label(rows: Sequence[dict[str, str]]) -> bool | None:
    """The direct label of one prompt's significant rows: the commonest of their sentences' labels."""
    votes = 0
    for row in rows:
        side = _cue_side(row["text"])
        if side is not None:
            votes += 1 if (row["label"] == "increased") == side else -1
    return None if votes == 0 else votes > 0


def _prompt_key(row: dict[str, str]) -> str:
    return row.get("prompt_id") or f"{row['pmcid']}:{row['intervention']}:{row['comparator']}:{row['outcome']}"


def _normal(outcome: str) -> str:
    return " ".join(outcome.lower().split())


def _arm_key(row: dict[str, str]) -> tuple[str, str, str]:
    return (row["pmcid"], _normal(row["intervention"]), _normal(row["comparator"]))


def _sibling_label(row: dict[str, str], siblings: Sequence[dict[str, str]]) -> bool | None:
    """What the trial's other significant results on the same comparison say of this outcome's polarity: whether
    the intervention improved those whose polarity the rules know (the majority; None on a tie or when none is
    known), applied to this outcome's change."""
    votes = 0
    for other in siblings:
        if other is row:
            continue
        rule = rule_higher_is_better(other["outcome"])
        if rule is not None:
            votes += 1 if (other["label"] == "increased") == rule else -1
    if votes == 0:
        return None
    improved = votes > 0
    return (row["label"] == "increased") == improved


def distant_examples(rows: Sequence[dict[str, str]]) -> list[Example]:
    """The distant labels of the significant results among these rows, one example per trial and outcome."""
    prompts: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["label"] != "no_difference":
            prompts[_prompt_key(row)].append(row)
    by_arms: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for prompt_rows in prompts.values():
        by_arms[_arm_key(prompt_rows[0])].append(prompt_rows[0])
    votes: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])  # signed weight, direct weight
    names: dict[tuple[str, str], str] = {}
    for prompt_rows in prompts.values():
        first = prompt_rows[0]
        key = (first["pmcid"], _normal(first["outcome"]))
        names.setdefault(key, " ".join(first["outcome"].split()))
        direct = _direct_label(prompt_rows)
        if direct is not None:
            votes[key][0] += 1.0 if direct else -1.0
            votes[key][1] += 1.0
            continue
        sibling = _sibling_label(first, by_arms[_arm_key(first)])
        if sibling is not None:
            votes[key][0] += SIBLING_WEIGHT if sibling else -SIBLING_WEIGHT
        elif not SAFETY_OUTCOME.search(key[1]):
            weight = PRIOR_WEIGHT if CONTROL_WORDS.search(first["comparator"].lower()) else ACTIVE_PRIOR_WEIGHT
            # the labels of a prompt's rows agree (Evidence Inference labels the prompt); take the commonest
            increased = sum(r["label"] == "increased" for r in prompt_rows) * 2 >= len(prompt_rows)
            votes[key][0] += weight if increased else -weight
    examples = []
    for key, (signed, direct_weight) in sorted(votes.items()):
        if signed:
            examples.append(Example(key[0], names[key], signed > 0, min(abs(signed), 1.0), direct_weight > 0))
    return examples


@dataclass(frozen=True)
class Check:
    """An outcome with a polarity to check the model against: the rules' where decisive, or a direct label."""

    document: str
    outcome: str
    higher_is_better: bool
    source: str  # "rules" or "direct"


def checks(rows: Sequence[dict[str, str]], examples: Sequence[Example]) -> list[Check]:
    """The rules' polarity of every outcome of these rows where they are decisive, and the direct labels."""
    out: dict[tuple[str, str, str], Check] = {}
    for row in rows:
        rule = rule_higher_is_better(row["outcome"])
        if rule is not None:
            key = (row["pmcid"], _normal(row["outcome"]), "rules")
            out.setdefault(key, Check(row["pmcid"], " ".join(row["outcome"].split()), rule, "rules"))
    for ex in examples:
        if ex.direct:
            out[(ex.document, _normal(ex.outcome), "direct")] = Check(ex.document, ex.outcome, ex.higher_is_better,
                                                                      "direct")
    return list(out.values())


def unclear_checks(targets: Sequence[Check]) -> list[Check]:
    """The direct checks of outcomes whose polarity the rules leave unclear, as checks of source "unclear" (a direct
    label of another fold: never a label of the fold the model is fitted on)."""
    return [Check(c.document, c.outcome, c.higher_is_better, "unclear") for c in targets
            if c.source == "direct" and rule_higher_is_better(c.outcome) is None]


def fold_of(document: str, k: int = FOLDS) -> int:
    """The cross-validation fold of a document (a fixed hash)."""
    return int(hashlib.sha256(f"polarity:{document}".encode()).hexdigest(), 16) % k


def fit(examples: Sequence[Example], l2: float) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The model's vocabulary and weights, fitted on these examples."""
    import numpy as np

    feats = [harm_features(ex.outcome) if ex.harm else polarity_features(ex.outcome) for ex in examples]
    y = np.array([0 if ex.higher_is_better else 1 for ex in examples])
    # the classes are balanced over the trials' outcomes; the harms of case reports come on top, by their weight
    counts = np.bincount(y[[not ex.harm for ex in examples]], minlength=2).astype(float)
    class_weight = counts.sum() / (2 * np.maximum(counts, 1.0))
    vocab = build_vocab(feats)
    w, b = train_logreg(to_matrix(feats, vocab), y, 2, l2, class_weight,
                        np.array([ex.weight for ex in examples]))
    return vocab, w, b


def probability_higher(vocab: dict[str, int], w: np.ndarray, b: np.ndarray, outcomes: Sequence[str]) -> np.ndarray:
    """P(higher is better) of each outcome."""
    return predict_proba(to_matrix([polarity_features(o) for o in outcomes], vocab), w, b)[:, 0]


def accuracy_at(p_higher: Sequence[float], gold: Sequence[bool], threshold: float) -> tuple[float, float, int]:
    """Accuracy and coverage of the answers whose probability reaches the threshold, and how many there are."""
    answered = [(p >= 0.5) == g for p, g in zip(p_higher, gold, strict=True) if max(p, 1 - p) >= threshold]
    accuracy = sum(answered) / len(answered) if answered else 0.0
    return accuracy, len(answered) / max(len(gold), 1), len(answered)


def out_of_fold(examples: Sequence[Example], targets: Sequence[Check], l2: float) -> list[float]:
    """P(higher is better) of each check, from the model fitted on the other folds' documents."""
    p = [0.0] * len(targets)
    for k in range(FOLDS):
        train = [ex for ex in examples if fold_of(ex.document) != k]
        at = [i for i, c in enumerate(targets) if fold_of(c.document) == k]
        if not at:
            continue
        vocab, w, b = fit(train, l2)
        for i, value in zip(at, probability_higher(vocab, w, b, [targets[i].outcome for i in at]), strict=True):
            p[i] = float(value)
    return p


def choose(
    examples: Sequence[Example], targets: Sequence[Check], log: Callable[[str], None],
    min_accuracy: float = MIN_ACCURACY, check_set: str = DEFAULT_CHECKS,
) -> dict[str, object]:
    """The L2 and the threshold: for each L2 of the grid, the lowest threshold of THRESHOLD_GRID at which the
    out-of-fold accuracy on the checks of check_set (CHECK_SETS) reaches min_accuracy over at least its fewest
    answers; of those, the pair that answers the most of those checks. With the out-of-fold figures of each kind of
    check (rules, direct, unclear) at the chosen pair."""
    sources, min_answered = CHECK_SETS[check_set]
    targets = [*targets, *unclear_checks(targets)]
    chosen_on = [i for i, c in enumerate(targets) if c.source in sources]
    gold = [c.higher_is_better for c in targets]
    best: tuple[float, float, float, list[float]] | None = None  # coverage, l2, threshold, probabilities
    for l2 in L2_GRID:
        p = out_of_fold(examples, targets, l2)
        for t in THRESHOLD_GRID:
            accuracy, coverage, answered = accuracy_at([p[i] for i in chosen_on], [gold[i] for i in chosen_on], t)
            if answered < min_answered:
                log(f"  l2={l2}: no threshold reaches accuracy {min_accuracy} over {min_answered} answers")
                break
            if accuracy >= min_accuracy:
                log(f"  l2={l2}: threshold {t}, out-of-fold accuracy {accuracy:.3f}, coverage {coverage:.3f}")
                if best is None or coverage > best[0] + 1e-9:
                    best = (coverage, l2, t, p)
                break
        else:
            log(f"  l2={l2}: no threshold reaches accuracy {min_accuracy}")
    if best is None:
        raise InputError(f"no threshold reaches an out-of-fold accuracy of {min_accuracy} over {min_answered} "
                         f"{check_set} checks")
    _, l2, threshold, p = best
    figures = {}
    for source in ("rules", "direct", "unclear"):
        idx = [i for i, c in enumerate(targets) if c.source == source]
        accuracy, coverage, n = accuracy_at([p[i] for i in idx], [gold[i] for i in idx], threshold)
        figures[source] = {"checks": len(idx), "answered": n, "coverage": round(coverage, 4),
                           "accuracy": round(accuracy, 4)}
    log(f"  chosen l2={l2}, threshold {threshold}: out-of-fold {figures}")
    return {"l2": l2, "min_probability": threshold, "checks": check_set, "cross_validation": figures}


def harm_features(name: str) -> list[str]:
    """The features a harm example teaches: its head (last) word as a word and as a head, not its other words (an
    organ or a place: "pulmonary", "macular", "urinary" are in harms and in measures that are good to have alike),
    nor letter pieces or word pairs (a piece of a harm's word is shared with words of every kind), and HARM_FEATURE."""
    words = name.split()
    head = [f for f in polarity_features(words[-1]) if f.startswith(HARM_FEATURE_KINDS)] if words else []
    return [*head, *(f"{HARM_FEATURE}{i}" for i in range(HARM_FEATURE_COPIES))]


def harm_examples(harms: Sequence[tuple[str, str]], weight: float) -> list[Example]:
    """The harms named in case reports ((document, name), polarity_ade.harm_names) as lower-is-better examples."""
    return [Example(document, name, False, weight, False, harm=True) for document, name in harms]


def _answered(chosen: dict[str, object]) -> int:
    figures: dict[str, dict[str, int]] = chosen["cross_validation"]  # type: ignore[assignment]
    sources, _ = CHECK_SETS[str(chosen["checks"])]
    return sum(figures[source]["answered"] for source in sources)


def train_polarity(rows: Sequence[dict[str, str]], described_as: str,
                   log: Callable[[str], None] = lambda line: None,
                   min_accuracy: float = MIN_ACCURACY,
                   harms: Sequence[tuple[str, str]] = (), harms_described_as: str = "",
                   check_set: str = DEFAULT_CHECKS) -> dict[str, object]:
    """outcome_polarity.json's content, from these (train) rows, and the harms named in (train) case reports when
    given ((document, name), polarity_ade.harm_names) with the weight that cross-validation chooses."""
    examples = distant_examples(rows)
    if len(examples) < 2 * FOLDS or len({ex.higher_is_better for ex in examples}) < 2:
        raise InputError(f"too few distant labels to learn from ({len(examples)} examples)")
    direct = sum(ex.direct for ex in examples)
    log(f"{len(examples)} examples ({direct} direct, {len(examples) - direct} by a sibling result or the prior); "
        f"{sum(ex.higher_is_better for ex in examples)} higher is better")
    targets = checks(rows, examples)
    # weight 0: without the harms, so that they are used only where they help
    weights: tuple[float | None, ...] = (0.0, *HARM_WEIGHT_GRID) if harms else (None,)
    best: tuple[int, float | None, dict[str, object]] | None = None
    for weight in weights:
        if weight is not None:
            log(f"with {len(harms) if weight else 0} harms named in case reports, weight {weight}:")
        try:
            chosen = choose([*examples, *harm_examples(harms if weight else (), weight or 0.0)], targets, log,
                            min_accuracy, check_set)
        except InputError:
            if weight is None:
                raise
            continue
        if best is None or _answered(chosen) > best[0]:
            best = (_answered(chosen), weight, chosen)
    if best is None:
        raise InputError(f"no harm weight reaches an out-of-fold accuracy of {min_accuracy} over {MIN_ANSWERED} "
                         "checks")
    _, weight, chosen = best
    trained_on = (f"distant labels of {described_as} ({len(examples)} outcomes, {direct} labelled by the "
                  "evidence sentence's words, the rest by a control-like comparator; summarizer.training.polarity)")
    if weight is not None:
        log(f"chosen harm weight {weight}")
    if weight:
        chosen = {**chosen, "harm_weight": weight}
        trained_on += (f"; and {len(harms)} harms named in {harms_described_as} as lower is better "
                       "(summarizer.training.polarity_ade)")
    l2 = float(chosen["l2"])  # type: ignore[arg-type]
    vocab, w, b = fit([*examples, *harm_examples(harms if weight else (), weight or 0.0)], l2)
    for i in range(HARM_FEATURE_COPIES):
        vocab.pop(f"{HARM_FEATURE}{i}", None)
    return model_json(POLARITY_LABELS, vocab, w, b, {
        "task": "outcome_polarity",
        "features": "summarizer.engines.extractive.polarity.polarity_features",
        "trained_on": trained_on,
        "min_accuracy": min_accuracy,
        **chosen,
    })
