"""How often a harm happens is lower-is-better (harm_measures.py): the rule, its guards, the case reports' harm words
(data/harm_words.json, scripts/build_harm_words.py) and their way through the start-up cache.

The outcome names, sentences, spans and drug names here are written for these tests (fixtures), not taken from a
corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.harm_measures import NO_HARM_WORDS, HarmWords
from summarizer.engines.extractive.polarity import (
    name_rules_higher_is_better,
    outcome_direction,
    rule_higher_is_better,
)
from summarizer.engines.extractive.resources import resources_of_parts, resources_parts
from summarizer.training.polarity_harm_words import harm_words

ROOT = Path(__file__).resolve().parents[1]
WORDS = HarmWords(frozenset({"urticaria", "delirium", "tinnitus", "sedation", "lethargy", "jaundice"}))


@pytest.mark.parametrize("outcome", [
    "the point prevalence of urticaria",
    "Urticaria longitudinal prevalence",
    "proportion of children with delirium",
    "percentage of infants who developed jaundice",
    "tinnitus episodes per patient",
    "presence of lethargy",
    "rates of urticaria or delirium",
    "Scores indicating oversedation",  # an excess of what a case report names as a harm
    "prevalence of undertreatment",  # a lack, named as such
    "percentage of days with neutropenia",  # a disease ending (cues.is_head)
])
def test_how_often_a_harm_happens_is_lower_is_better(outcome: str) -> None:
    assert name_rules_higher_is_better(outcome) is None  # the rules before it say nothing
    assert rule_higher_is_better(outcome, WORDS) is False
    assert outcome_direction(outcome, "decreased") in ("improved", "unclear")  # no words: only the endings count


@pytest.mark.parametrize("outcome", [
    "sedation scores",  # no measure of occurrence: a sedative's aim may be named as its harm is
    "sedation",
    "proportion of patients with adequate sedation",  # the desired response
    "percentage of children with satisfactory sedation",
    "proportion of patients without delirium",  # absent
    "number of patients free of urticaria episodes",
    "rate of weight loss",  # a change of a measure
    "heart rate",  # "rate" of something that is no harm
    "the rate of early diagnosis",  # a judgement, not a condition ("-osis")
    "prevalence of urticaria, asthma and obesity",  # a list of outcomes
    "delirium/sedation ratio",  # a ratio
    "number of urticaria and appendectomy cases",  # every condition named must be a harm
    "mucosal break frequency",
])
def test_no_harm_measured_no_polarity(outcome: str) -> None:
    assert rule_higher_is_better(outcome, WORDS) in (None, name_rules_higher_is_better(outcome))
    assert not WORDS.occurrence_of_harm(outcome.lower())


def test_the_rules_before_it_come_first() -> None:
    # remission is good to have, however often it is counted
    assert rule_higher_is_better("rate of remission", WORDS) is True
    assert rule_higher_is_better("proportion of patients with pain relief", WORDS) is True


def test_the_shipped_harm_words_decide_a_sentence() -> None:
    res = load_resources()
    assert res.polarity is not None and "urticaria" in res.polarity.harms.words
    reading = annotate("The prevalence of urticaria was significantly lower with drug X than with placebo "
                       "(12% vs 25%, p = 0.01).", resources_=res)
    found = [(m.change, m.direction) for m in reading.outcomes if "urticaria" in m.outcome.lower()]
    assert found and all(direction == "improved" for _, direction in found)


def test_the_harm_words_survive_the_start_up_cache() -> None:
    res = load_resources()
    again = resources_of_parts(resources_parts(res))
    assert again.polarity is not None and res.polarity is not None
    assert again.polarity.harms == res.polarity.harms != NO_HARM_WORDS


def test_harm_words_are_one_word_harms_of_two_case_reports() -> None:
    rows = [
        ("1", ["Urticaria", "drugamycin-induced lethargy", "decreased heart rate", "TEN"], ["drugamycin"]),
        ("2", ["severe urticaria", "urticaria", "lethargy", "rate", "TEN"], []),
        ("3", ["tinnitus"], []),
    ]
    # "urticaria" and "lethargy" alone in two reports; "tinnitus" in one; a change of a measure never; an
    # abbreviation is too short
    assert harm_words(rows) == ["lethargy", "urticaria"]


def test_the_build_script_writes_the_words_and_says_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "scripts/build_harm_words.py", "--data-dir", str(tmp_path), "--out",
             str(tmp_path / "out.json")],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )

    missing = build()
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "corpus not found" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    corpus = tmp_path / "ade"
    corpus.mkdir()
    # pmids that summarizer.evaluation.is_heldout leaves in the train split are not known here: write many
    rows = [{"pmid": str(100 + i), "text": "x", "effects": ["urticaria"], "drugs": []} for i in range(40)]
    (corpus / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    built = build()
    assert built.returncode == 0, built.stderr
    assert json.loads((tmp_path / "out.json").read_text())["words"] == ["urticaria"]


@pytest.mark.parametrize(("outcome", "higher"), [
    ("knowledge scores", True),
    ("mean knowledge of asthma triggers", True),  # knowledge of a harm is still knowledge
    ("accuracy of wound assessment", True),
    ("nurses' competence", None),  # rated of someone else: nothing of what a treatment did for the patient
    ("loss of competence", None),  # a gain lost (GAIN_FAILED)
    ("poor knowledge", None),
    ("inaccurate dosing", None),
])
def test_what_a_person_knows_or_does_well_is_good_to_have(outcome: str, higher: bool | None) -> None:
    assert rule_higher_is_better(outcome) is higher
