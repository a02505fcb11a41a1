"""The features of the three models, the same for training (training.py) and for reading a statement."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import chain

from summarizer.engines.extractive.cues import (
    AFFIXES,
    ARM_GENERIC,
    ARM_STOP,
    DIR_WORDS,
    NO_DIFFERENCE,
    P_VALUE,
    STANCE_CUES,
    word_class,
)
from summarizer.engines.extractive.resources import Resources, load_resources
from summarizer.engines.extractive.scan import DRUG_MASKS, EFFECT_MASKS, NAME_MASKS, Scan, cause_class, remask, within
from summarizer.engines.extractive.tokenise import TOKEN, lower_same_length, ngram_features, tokens

PAIR_WORDS = 12


def stance_features(text: str, scan: Scan | None = None) -> list[str]:
    """Features for the stance model: word n-grams and agreement / disagreement cue groups."""
    feats = list(scan.ngrams) if scan is not None else ngram_features(tokens(text))
    present = scan.ngram_set if scan is not None else frozenset(feats)
    groups = [name for name, cues in STANCE_CUES if not cues.isdisjoint(present)]
    feats.extend(f"CUE:{name}" for name in groups)
    if "ours" in groups:
        feats.extend(f"CUE:{name}+ours" for name in groups if name != "ours")
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            if a != "ours" and b != "ours":
                feats.append(f"CUE:{a}+{b}")
    return feats


def _sigmoid(margin: float) -> float:
    return 1.0 / (1.0 + math.exp(-margin)) if margin > -700 else 0.0


def tagged_margins(scan: Scan, res: Resources) -> tuple[list[float], list[float]] | None:
    """Drug and effect log-odds per token from the learned token taggers (None without them); cached on the scan."""
    if res.taggers is None:
        return None
    if scan.tags is None:
        scan.tags = res.taggers.margins(scan.toks, scan.word_values)
    return scan.tags


def ade_features(text: str, res: Resources | None = None, scan: Scan | None = None) -> list[str]:
    """Features for the adverse-effect model: n-grams, word endings, and drug/effect-masked n-grams and pairs."""
    res = res or load_resources()
    scan = scan or Scan(text, res)
    feats = list(scan.ngrams)
    feats.extend(chain.from_iterable(map(AFFIXES, scan.word_values)))
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
                    for tok, cls, dm, em in zip(toks, map(word_class.__getitem__, toks), drug_m, effect_m, strict=True)
                ]
                masked = remask(scan, classes)
        top_drug, top_effect = _sigmoid(top_drug_m), _sigmoid(top_effect_m)
        feats.extend((f"MAXD:{int(top_drug * 5)}", f"MAXE:{int(top_effect * 5)}",
                      f"MAXDE:{int(top_drug * 3)}:{int(top_effect * 3)}"))
    if "-" in "".join(masked):
        masked = [(cause_class(tok, res) or tok) if "-" in tok else tok for tok in masked]
    feats.extend([
        f"M:{a}_{b}" for a, b in zip(masked, masked[1:], strict=False) if a in NAME_MASKS or b in NAME_MASKS
    ])
    if tags is None:  # the models trained before the taggers used masked trigrams and skip-bigrams
        feats.extend([f"T3:{a}_{b}_{c}" for a, b, c in zip(masked, masked[1:], masked[2:], strict=False)])
        feats.extend([f"SK:{a}_{c}" for a, c in zip(masked, masked[2:], strict=False)])
    drug_pos = [i for i, x in enumerate(masked) if x in DRUG_MASKS]
    effect_pos = [i for i, x in enumerate(masked) if x in EFFECT_MASKS]
    feats.append(f"HAS:{bool(drug_pos)}:{bool(effect_pos)}")
    for di in drug_pos:
        # only the effects within PAIR_WORDS of the drug: a binary search keeps long statements linear
        for ei in effect_pos[bisect_left(effect_pos, di - PAIR_WORDS) : bisect_right(effect_pos, di + PAIR_WORDS)]:
            lo, hi = min(di, ei), max(di, ei)
            order = "DE" if di < ei else "ED"
            between = masked[lo + 1 : hi]
            feats.append(f"PAIR:{order}:" + ("_".join(between) if len(between) <= 3 else "far"))
            feats.extend(f"BETW:{order}:{word}" for word in between)
    positive = [s for s in scan.event_spans if not within(s, scan.negated)]
    if tags is not None:
        # what a treatment prevents, reduces or treats is its indication, not its adverse effect
        blocked = scan.negated + scan.reduced
        free = [s for s in positive if not within(s, scan.reduced)]
        if free:
            feats.append("EV:present")
        elif positive:
            feats.append("EV:only_reduced")
        elif scan.event_spans:
            feats.append("EV:only_negated")
        tagged = [scan.starts[i] for i, m in enumerate(tags[1]) if m >= 0.0]
        if tagged:
            free_tagged = sum(1 for start in tagged if not within((start, start), blocked))
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
    return {t for t in tokens(text) if t not in ARM_STOP and not t[0].isdigit() and len(t) > 1}


def efficacy_features(
    text: str, intervention: str | None = None, comparator: str | None = None, outcome: str | None = None
) -> list[str]:
    """Features for the change model: n-grams, direction words, p-values and the order of the arms."""
    low = lower_same_length(text)
    toks = TOKEN.findall(low)
    feats = ngram_features(toks)
    ints, comps = _arm_tokens(intervention), _arm_tokens(comparator)
    ints, comps = ints - comps, comps - ints
    outs = _arm_tokens(outcome)
    dirs = [label for label, regex in DIR_WORDS if regex.search(low)]
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
        if any(t in comps or t in ARM_GENERIC for t in after):
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
    # the efficacy model learned from written signs only: an escaped one ("&lt;") is not a feature
    pvals = [(m["op"], float(m["value"])) for m in P_VALUE.finditer(low) if len(m["op"]) == 1]
    if pvals:
        significant = any(v < 0.05 or (op in "<≤" and v <= 0.05) for op, v in pvals if op in "<≤=")
        feats.append("P:sig" if significant else "P:nonsig")
    if NO_DIFFERENCE.search(low):
        feats.append("CUE:nodiff")
    if " ci " in low or "confidence interval" in low:
        feats.append("CUE:ci")
    return feats
