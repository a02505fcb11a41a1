"""The general-language entries kept in the word lists whose single-target entries were retired (docs/WORDLISTS.md).

Every sentence here is written for these tests: none is a sentence of the brief_targets dev set (the last test checks
that), so each test shows an entry working on text its author did not read while writing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.engines.extractive import annotate, load_resources
from summarizer.engines.extractive.cues import CONTROL_WORDS, P_VALUE, word_class
from summarizer.engines.extractive.features import efficacy_features
from summarizer.engines.extractive.polarity import outcome_direction
from summarizer.engines.extractive.treatment_mention import head_class

BRIEF_STATEMENTS = Path("/work/shared/data/brief_targets/statements.jsonl")


def _reading(text: str):  # type: ignore[no-untyped-def]
    return annotate(text, resources_=load_resources())


def _treatments(text: str) -> list[tuple[str, bool, bool]]:
    return [(m.name, m.therapy_frame, m.exposure_frame) for m in _reading(text).treatment.mentions]


def _outcomes(text: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in _reading(text).outcomes]


SENTENCES = {
    "exposure": "Occupational exposure to trichloroethylene was associated with a higher risk of kidney cancer [4].",
    "stromal": "Bone marrow-derived stromal cells given intravenously reduced infarct size in pigs [5].",
    "treated": "Seizures were observed in dogs treated with the compound [6].",
    "trial": "The HORIZON trial tested zoledronic acid in 7,765 women with osteoporosis [1].",
    "injected": "Ventricular arrhythmias were noted in pigs injected with the cells [3].",
    "mice": "Resveratrol reduced tumour growth in mice [4].",
    "halted": "Rituximab halted the deterioration of renal function in two of the patients [2].",
    "lifespan": "Rapamycin extends lifespan in genetically heterogeneous mice [5].",
    "vehicle": "Relapse rates were 20% and 40% in the vaccine and vehicle groups, respectively (p < 0.01) [6].",
    "no-treatment": "Fewer patients in the no-treatment group achieved remission [7].",
    "caused": "The drug caused weight loss in most patients [8].",
    "weight loss": "Modest weight loss improves glycaemic control in adults with type 2 diabetes [9].",
}


def test_an_exposure_word_frames_an_agent_as_an_exposure() -> None:
    assert _treatments(SENTENCES["exposure"]) == [("trichloroethylene", False, True)]


def test_a_cell_product_needs_a_cell_word_and_a_modifier_of_cells() -> None:
    assert _treatments(SENTENCES["stromal"]) == [("Bone marrow-derived stromal cells", True, False)]


def test_a_therapy_cue_frames_what_was_given() -> None:
    assert _treatments(SENTENCES["treated"]) == [("compound", True, False)]


def test_the_name_of_a_trial_is_not_a_treatment() -> None:
    assert [name for name, _, _ in _treatments(SENTENCES["trial"])] == ["zoledronic acid"]


def test_an_event_noted_in_those_injected_with_a_treatment_is_reported() -> None:
    assert _reading(SENTENCES["injected"]).adverse_events == ("Ventricular arrhythmias",)


def test_a_species_ends_an_outcome_name() -> None:
    assert _outcomes(SENTENCES["mice"]) == [("tumour growth", "decreased", "improved")]


def test_a_worsening_halted_is_an_improvement() -> None:
    assert _outcomes(SENTENCES["halted"]) == [("renal function", "unclear", "improved")]


def test_an_extended_lifespan_is_an_effect() -> None:
    reading = _reading(SENTENCES["lifespan"])
    assert reading.treatment.effect == (0,)
    assert [(m.outcome, m.direction) for m in reading.outcomes] == [("lifespan", "improved")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCES["vehicle"], [("Relapse rates", "decreased", "improved")]),
        (SENTENCES["no-treatment"], [("remission", "increased", "improved")]),
    ],
)
def test_a_control_arm_word_turns_the_change_round(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _outcomes(text) == expected


@pytest.mark.parametrize(
    "arm", ["placebo", "controls", "sham", "usual care", "standard therapy", "untreated", "vehicle", "no-treatment",
            "comparison arm"],
)
def test_one_pattern_names_the_comparator(arm: str) -> None:
    assert CONTROL_WORDS.search(f"patients in the {arm} group improved less") is not None


def test_one_p_value_pattern_and_the_efficacy_model_sees_written_signs_only() -> None:
    match = P_VALUE.search("the difference was significant (p &lt; 0.01)")
    assert match is not None and (match["op"], match["value"]) == ("&lt;", "0.01")
    assert P_VALUE.search("p = .30")["value"] == ".30"  # type: ignore[index]
    written = efficacy_features("relapse was lower with the vaccine (p < 0.01)", None, None, None)
    escaped = efficacy_features("relapse was lower with the vaccine (p &lt; 0.01)", None, None, None)
    assert "P:sig" in written and not any(f.startswith("P:") for f in escaped)


def test_weight_loss_caused_by_a_drug_is_an_outcome_and_as_an_agent_a_treatment() -> None:
    assert _treatments(SENTENCES["caused"]) == []
    assert [name for name, _, _ in _treatments(SENTENCES["weight loss"])] == ["weight loss"]


@pytest.mark.parametrize(
    ("outcome", "change", "direction"),
    [("viral load", "decreased", "improved"), ("longevity", "increased", "improved"),
     ("immunogenicity", "increased", "improved"), ("cytokine storm", "decreased", "improved")],
)
def test_common_outcome_words_keep_their_direction(outcome: str, change: str, direction: str) -> None:
    assert outcome_direction(outcome, change) == direction  # type: ignore[arg-type]


def test_word_classes_and_procedures() -> None:
    assert word_class("cytokine") == "cytokine"  # an English word ending like a drug, not a drug
    assert word_class("imatinib") == "DRUGX"
    assert head_class("appendectomy") == "appendectomy"
    assert head_class("autotomy") is None


@pytest.mark.skipif(not BRIEF_STATEMENTS.exists(), reason="the brief_targets dev set is not here")
def test_no_sentence_here_is_a_dev_sentence() -> None:
    dev = [json.loads(line)["text"].lower() for line in BRIEF_STATEMENTS.read_text(encoding="utf-8").splitlines()]
    for text in SENTENCES.values():
        body = text.rsplit(" [", 1)[0].lower()
        assert not any(body in statement for statement in dev), text
