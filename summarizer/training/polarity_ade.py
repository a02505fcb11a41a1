"""Harms named in case reports, as "lower is better" examples for the learned outcome polarity.

The ADE corpus (Gurulingappa et al. 2012; `ade/dev.jsonl`) marks in case-report sentences the spans that name an
adverse effect of a drug ("erythema multiforme", "diarrhoea", "status epilepticus"): conditions that are bad to
have. Each distinct span of a TRAIN document (summarizer.evaluation.is_heldout(pmid) is False; the caller filters)
becomes one example that more of it is worse, so that the condition words the case reports teach ("diarrhoea",
"urticaria") decide an outcome that names them, also behind a measure ("prevalence of diarrhoea").

A span that names a change of a measure, not a condition, says nothing of the measure's good direction: "decreased
heart rate", "elevated creatinine", "hearing loss", "renal failure", "respiratory depression" are bad because the
measure moved the wrong way, and as examples they would teach that heart rate, creatinine, hearing or the kidney are
bad to have. Such a span holds a word of a level or a change (harm_measures.LEVEL_WORDS and CHANGE_WORDS below)
and is left out whole. A span that is one word ("hypotension", "hyperkalaemia") teaches nothing of "blood pressure"
(the training uses only a harm's head word: summarizer.training.polarity.harm_features). Words that name the drug
(the row's `drugs`, and "X-induced", "X-related") are taken out of the span: the cause is not the harm.

The examples' weight, against the distant labels of Evidence Inference, is chosen by cross-validation
(summarizer.training.polarity.train_polarity), with the threshold, on checks that are never these examples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.harm_measures import LEVEL_WORDS
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS, tokens
from summarizer.errors import InputError
from summarizer.evaluation import is_heldout
from summarizer.evaluation.sentences import read_json_objects

ADE_CORPUS = "ade"
# words of a change or a loss of what a measure or an organ does, beyond LEVEL_WORDS: the span is the measure moved
CHANGE_WORDS = frozenset({
    "elevation", "elevations", "rise", "rises", "rising", "prolonged", "prolongation", "shortened", "shortening",
    "gain", "enlargement", "depletion", "deficiency", "deficiencies", "suppression", "depression", "increases",
    "decreases", "reductions", "reduction", "drop", "fall", "falls", "lowering", "lowered", "diminished",
    "declines", "disturbance", "disturbances", "dysfunction", "dysfunctions", "abnormality", "abnormalities",
    "alteration", "alterations", "failure", "insufficiency", "impairment", "losses", "lost", "decompensation",
    "worsening", "exacerbation", "deterioration", "changed", "shift", "overproduction", "underproduction",
    "depressed", "acceleration", "deceleration", "doubling", "delayed", "delay",
    # a test's result ("positive antinuclear antibody"): a finding of a measure, not a condition
    "positive", "negative", "positivity", "negativity",
})
# "ribavirin-induced anaemia": the word before the hyphen names the cause
_CAUSE = re.compile(r"-(?:induced|related|associated|mediated|dependent)$")


def read_effect_rows(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(pmid, effect spans, drug names) of each row of ade/dev.jsonl; what is wrong is a one-line InputError."""
    missing = f"corpus not found: {path} (give --data-dir, the folder holding {ADE_CORPUS}/)"
    rows = []
    for number, obj in read_json_objects(path, missing):
        pmid = obj.get("pmid")
        effects = obj.get("effects", [])
        drugs = obj.get("drugs", [])
        if not isinstance(pmid, str | int) or str(pmid).strip() == "":
            raise InputError(f"{path.name} line {number}: missing or empty field 'pmid'")
        for key, value in (("effects", effects), ("drugs", drugs)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{path.name} line {number}: field {key!r} must be a list of strings")
        rows.append((str(pmid), effects, drugs))
    if not rows:
        raise InputError(f"{path} has no rows")
    return rows



def train_effect_rows(data_dir: Path) -> list[tuple[str, list[str], list[str]]]:
    """read_effect_rows of the ADE corpus under data_dir, the held-out case reports (evaluation.is_heldout) left
    out: what every harm lexicon is learned from."""
    return [row for row in read_effect_rows(data_dir / ADE_CORPUS / "dev.jsonl") if not is_heldout(row[0])]


def harm_name(span: str, drugs: Sequence[str] = ()) -> str | None:
    """The span as a harm's name: its words without the drug's and the edge function words; None when it names a
    change of a measure (a level or change word, also as a part of a hyphenated word) or nothing is left."""
    words = tokens(span)
    if any(part in LEVEL_WORDS or part in CHANGE_WORDS for w in words for part in w.split("-")):
        return None
    drug_words = {w for drug in drugs for w in tokens(drug)}
    kept = [w for w in words if w not in drug_words and not _CAUSE.search(w) and w[0].isalpha()]
    while kept and kept[0] in FUNCTION_WORDS:
        kept.pop(0)
    while kept and kept[-1] in FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept) or None


def harm_names(rows: Sequence[tuple[str, list[str], list[str]]]) -> list[tuple[str, str]]:
    """(document, name) of each distinct harm name of these rows; its document is the first pmid (sorted) that
    names it, so that cross-validation folds by document hold."""
    first: dict[str, str] = {}
    for pmid, effects, drugs in sorted(rows, key=lambda row: row[0]):
        for span in effects:
            name = harm_name(span, drugs)
            if name is not None:
                first.setdefault(name, pmid)
    return sorted((pmid, name) for name, pmid in first.items())
