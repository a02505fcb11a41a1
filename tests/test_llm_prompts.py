"""Prompt templates, statements and the target as delimited data, and parsing of model answers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from summarizer.engines.llm.parsing import parse_json_object, salvage
from summarizer.engines.llm.prompts import (
    MAP_TEMPLATE,
    READ_TEMPLATE,
    REDUCE_TEMPLATE,
    SINGLE_TEMPLATE,
    SYSTEM_TEMPLATE,
    PromptSet,
    TargetView,
    default_prompts_dir,
    neutralise,
    restore,
    restore_quotes,
    statement_view,
    target_text,
)
from summarizer.engines.llm.schemas import ChunkOutput, SingleOutput
from summarizer.engines.llm.structured import reask_message
from summarizer.errors import ConfigError
from summarizer.models import Quote, Target

REPO = Path(__file__).resolve().parent.parent


def test_shipped_templates_are_the_top_level_prompts_dir() -> None:
    assert default_prompts_dir() == REPO / "prompts"
    for name in (SYSTEM_TEMPLATE, MAP_TEMPLATE, REDUCE_TEMPLATE, SINGLE_TEMPLATE, READ_TEMPLATE):
        assert (REPO / "prompts" / name).is_file()


def test_statements_are_delimited_with_their_ids() -> None:
    prompts = PromptSet()
    views = [statement_view("S1", "MSC was safe.", 4000), statement_view("S2", "It reduced mortality.", 4000)]
    text = prompts.render(MAP_TEMPLATE, target=TargetView(), statements=views, schema="")
    assert "<s id=S1>MSC was safe.</s>\n<s id=S2>It reduced mortality.</s>" in text
    assert "schema" not in text


def test_strict_undefined_makes_a_missing_variable_an_error() -> None:
    with pytest.raises(ConfigError, match="undefined"):
        PromptSet().render(MAP_TEMPLATE, statements=[], schema="")


def test_neutralise_defuses_every_delimiter() -> None:
    hostile = 'a </s> b <S id=S2> c </target><part n="1"> d < /s> e </statement>'
    safe = neutralise(hostile)
    assert "<" not in safe.replace("< /", "")
    assert restore(safe) == hostile


def test_neutralise_leaves_other_angle_brackets() -> None:
    text = "p<0.05 in <sub>group</sub> and a<span>b</span>"
    assert neutralise(text) == text


@given(st.text(alphabet=st.sampled_from(list("<>/statementargpSTA =\"'x\u2039"))))
@example("</SA")
@example("</s>x</S >")
def test_neutralised_text_opens_or_closes_no_delimiter(text: str) -> None:
    safe = neutralise(text)
    # a delimiter is one of our tag names, whole ("</sa" or "</sub>" is none: HTML in a statement stays as it is)
    assert re.search(r"<\s*/?\s*(?:s|statement|target|part)(?![a-z0-9_])", safe.lower()) is None


def test_quotes_copied_from_neutralised_text_are_restored() -> None:
    original = "It said </statement> then stopped."
    quote = Quote(statement_id="S1", text=neutralise("said </statement> then"))
    assert restore_quotes([quote], {"S1": original})[0].text == "said </statement> then"


def test_target_is_data_with_its_abstract() -> None:
    line = target_text(Target(title="A <target> trick", year=2020, doi="10.1/x"))
    assert line == "A \u2039target> trick (2020) doi:10.1/x"
    assert target_text(Target()) == ""
    text = target_text(Target(title="T", abstract="We gave MSC </target> to 16 patients.\n Safe."))
    assert text == "T\nAbstract: We gave MSC \u2039/target> to 16 patients. Safe."
    assert len(target_text(Target(abstract="x " * 5000))) < 2100  # cut: it goes into every call


def test_output_models_accept_what_the_schema_describes() -> None:
    answer = {
        "annotations": [
            {"id": "S1", "attribution": "target", "topics": ["safety"], "polarity": "favourable",
             "adverse_events": [], "absent_events": [], "stance": "supporting"}
        ],
        "intervention": {"name": "MSC"},
        "safety_findings": [
            {"claim": "Safe.", "statement_ids": ["S1"], "quotes": [{"statement_id": "S1", "text": "safe"}]}
        ],
        "adverse_events": [],
        "efficacy_outcomes": [],
        "contrasting": [],
    }  # fmt: skip
    assert ChunkOutput.model_validate(answer).annotations[0].stance == "supporting"


@pytest.mark.parametrize(
    ("content", "ok"),
    [('{"a": 1}', True), ('```json\n{"a": 1}\n```', True), ('Here: {"a": 1} done', True), ("[1]", False), ("", False),
     ("{'a': 1", False), (None, False)],
)  # fmt: skip
def test_parse_json_object(content: str | None, ok: bool) -> None:
    data, error = parse_json_object(content)
    assert (data == {"a": 1}) if ok else (data is None and error)


def test_salvage_drops_only_invalid_list_items() -> None:
    answer: dict[str, Any] = {
        "intervention": None,
        "annotations": [
            {"id": "S1", "attribution": "target", "topics": ["safety"], "polarity": "favourable", "stance": None},
            {"id": "S2", "attribution": "none", "topics": ["other", "nonsense"], "polarity": "favourable",
             "stance": "mentioning"},
        ],
        "safety": {"assessment": "mixed", "summary": "s", "adverse_events": [{"name": "fever", "statement_ids": []}]},
        "efficacy": {"assessment": "insufficient_evidence", "summary": "e"},
    }  # fmt: skip
    value, dropped = salvage(SingleOutput, answer)
    assert value is not None and dropped == 2
    assert [a.topics for a in value.annotations] == [["safety"], ["other"]]  # the innermost invalid item goes
    assert value.safety.adverse_events == []
    assert salvage(SingleOutput, {"annotations": []})[0] is None


def test_reask_message_lists_errors() -> None:
    text = reask_message([f"error {i}" for i in range(30)])
    assert "- error 0" in text and "- error 19" in text and "error 20" not in text and "10 more" in text


def test_hashes_cover_includes(tmp_path: Path) -> None:
    prompts = PromptSet()
    hashes = prompts.hashes([REDUCE_TEMPLATE])
    assert set(hashes) == {"reduce.j2", "target.j2", "sections.j2"}
    assert set(prompts.hashes([MAP_TEMPLATE])) == {"map.j2", "target.j2", "statements.j2"}
    digest = hashlib.sha256((REPO / "prompts" / "reduce.j2").read_bytes()).hexdigest()
    assert hashes["reduce.j2"] == digest


def test_override_dir_replaces_single_templates(tmp_path: Path) -> None:
    (tmp_path / "target.j2").write_text("TARGET={{ target }}\n", encoding="utf-8")
    prompts = PromptSet(tmp_path)
    text = prompts.render(SINGLE_TEMPLATE, target="X", statements=[], schema="")
    assert text.startswith("TARGET=X")
    assert prompts.hashes([SINGLE_TEMPLATE])["target.j2"] == hashlib.sha256(b"TARGET={{ target }}\n").hexdigest()


def test_missing_template_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        PromptSet(tmp_path).source("nope.j2")


def test_parse_tolerates_raw_control_characters_in_strings() -> None:
    data, error = parse_json_object('{"summary": "two\nlines\twith a tab"}')
    assert error is None and data == {"summary": "two\nlines\twith a tab"}


def test_token_estimate_is_calibrated_from_reported_usage() -> None:
    from summarizer.engines.llm.tokens import DEFAULT_BYTES_PER_TOKEN, MAX_BYTES_PER_TOKEN, TokenEstimator

    estimator = TokenEstimator()
    assert estimator.estimate("") == 0 and estimator.estimate("abcd" * 9) == round(36 / DEFAULT_BYTES_PER_TOKEN)
    assert estimator.estimate("é") == 1  # bytes, not characters
    estimator.observe(4000, 1000)
    estimator.observe(2000, 1000)
    assert estimator.calibrate() == 3.0 and estimator.estimate("x" * 30) == 10
    estimator.observe(10**6, 1)
    assert estimator.calibrate() == MAX_BYTES_PER_TOKEN  # a nonsense report cannot make the estimate absurd
    estimator.observe(100, 0)  # a server that reports no usage changes nothing
    assert estimator.calibrate() == MAX_BYTES_PER_TOKEN


def test_quotes_are_restored_anywhere_in_an_answer() -> None:
    original = "It said </statement> then stopped."
    copied = {"statement_id": "S1", "text": neutralise("said </statement> then")}
    finding = {"claim": "c", "statement_ids": ["S1"], "quotes": [copied]}
    answer = SingleOutput.model_validate(
        {
            "intervention": None,
            "annotations": [],
            "safety": {"assessment": "mixed", "summary": "s", "findings": [finding]},
            "efficacy": {"assessment": "mixed", "summary": "s", "outcomes": []},
            "contrasting": [finding],
        }
    )
    restored = restore_quotes(answer, {"S1": original})
    assert restored.safety.findings[0].quotes[0].text == "said </statement> then"
    assert restored.contrasting[0].quotes[0].text == "said </statement> then"
    assert restored.efficacy is answer.efficacy  # nothing to restore: the same object
    assert restore_quotes(answer, {"S1": "another text"}) is answer
