"""One source for what a model must return: the sent schema is derived from the output models, carries every
constraint of their validator that JSON Schema can express, in every dialect, and any instance of it validates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llm_server import Context, FakeLLMServer, random_instances, smallest, strict_schema_error
from pydantic import BaseModel
from schema_strategies import instances

from summarizer.contract import contract_violations
from summarizer.engines.llm import LLMEngine
from summarizer.engines.llm.dialects import (
    DIALECTS,
    NON_BLANK,
    Bounds,
    annotation_capacity,
    bounds_for,
    fits,
    largest_answer_chars,
    request_schema,
)
from summarizer.engines.llm.schemas import (
    ChunkOutput,
    ReadOutput,
    SectionsOutput,
    SingleOutput,
    strict_schema,
)
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.settings import Settings, load_settings

MODELS: tuple[type[BaseModel], ...] = (SingleOutput, ChunkOutput, SectionsOutput, ReadOutput)
IDS = ["S1", "S2", "S3"]


def sent(model: type[BaseModel], dialect: str, ids: list[str] = IDS) -> dict[str, Any]:
    return request_schema(model, dialect, ids, bounds_for(model, 4096, ids, annotated=model is not SectionsOutput))


def nodes(schema: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every sub-schema with its path."""
    found = []
    if isinstance(schema, dict):
        found.append((path, schema))
        for key, value in schema.items():
            if isinstance(value, dict):
                if key in ("properties", "$defs"):
                    for name, sub in value.items():
                        found += nodes(sub, (*path, key, name))
                else:
                    found += nodes(value, (*path, key))
            elif isinstance(value, list):
                for i, sub in enumerate(value):
                    found += nodes(sub, (*path, key, str(i)))
    return found


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


@pytest.mark.parametrize("model", MODELS)
def test_the_strict_schema_is_derived_from_the_model(model: type[BaseModel]) -> None:
    schema = strict_schema(model)
    for _, node in nodes(schema):
        assert not {"title", "default"} & set(node)
        if "properties" in node:
            assert node["required"] == list(node["properties"]) and node["additionalProperties"] is False
            assert "description" not in node  # a class's docstring is for this code's readers
    assert list(schema["properties"]) == list(model.model_fields)  # the model's key order, evidence first


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_expressible_constraint_of_the_validator_is_sent(model: type[BaseModel], dialect: str) -> None:
    """Walk pydantic's own JSON schema of the model (the validator) beside the sent one, node by node."""
    validator = model.model_json_schema(ref_template="#/$defs/{model}")
    schema = sent(model, dialect)

    def walk(v: dict[str, Any], s: dict[str, Any], where: str) -> None:
        v = resolve(validator, v)
        s = resolve(schema, s)
        if "anyOf" in v:
            options = [o for o in v["anyOf"] if o.get("type") != "null"]
            assert {"type": "null"} in s["anyOf"], where
            walk(options[0], next(o for o in s["anyOf"] if o != {"type": "null"}), where)
            return
        if "enum" in v or "const" in v:
            assert s["enum"] == v.get("enum", [v.get("const")]), where
        if v.get("minLength"):
            if dialect == "json_schema":
                assert s.get("pattern") == NON_BLANK, where  # OpenAI strict mode documents pattern, not minLength
            else:
                assert s.get("minLength") == v["minLength"], where
        if "minItems" in v:
            assert s.get("minItems", 0) >= v["minItems"], where
        if v.get("type") == "object":
            # a readOnly field (rests_on_group_citations) is the pipeline's to fill: a model is never asked for it
            asked = {key: sub for key, sub in v["properties"].items() if not sub.get("readOnly")}
            assert set(s["required"]) == set(asked) and s["additionalProperties"] is False, where
            for key, sub in asked.items():
                walk(sub, s["properties"][key], f"{where}.{key}")
        if v.get("type") == "array":
            walk(v["items"], s["items"], f"{where}[]")

    walk(validator, schema, model.__name__)
    annotations = schema["properties"].get("annotations") or schema["properties"].get("readings")
    if annotations is not None:  # one item per statement: the schema, not only the validator, says so
        assert annotations["minItems"] == annotations["maxItems"] == len(IDS)
    assert schema["$defs"]["Id"]["enum"] == IDS


@pytest.mark.parametrize("model", MODELS)
def test_json_schema_dialect_is_accepted_by_a_strict_server(model: type[BaseModel]) -> None:
    assert strict_schema_error(sent(model, "json_schema"), "brief") is None
    assert strict_schema_error({**sent(model, "json_object")}, "brief") is not None  # maxLength is not permitted


def test_a_strict_server_refuses_what_openai_refuses() -> None:
    loose = {"type": "object", "properties": {"a": {"type": "string", "default": "x"}}, "required": ["a"]}
    assert strict_schema_error(loose, "n") == (
        "Invalid schema for response_format 'n': In context=(), 'additionalProperties' is required to be supplied "
        "and to be false."
    )
    loose["additionalProperties"] = False
    assert strict_schema_error(loose, "n") == (
        "Invalid schema for response_format 'n': In context=('properties', 'a'), 'default' is not permitted."
    )
    loose["properties"]["a"] = {"type": "string"}
    loose["required"] = []
    assert "Missing 'a'." in str(strict_schema_error(loose, "n"))


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("dialect", ["json_schema", "json_object"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_instance_of_the_sent_schema_validates(model: type[BaseModel], dialect: str, data: st.DataObject) -> None:
    """Answers drawn from the schema as sent (checked to be instances of it): the output model accepts every one."""
    schema = sent(model, dialect)
    instance = data.draw(instances(schema))
    jsonschema_rs.validate(schema, instance)
    model.model_validate(instance)


@pytest.mark.parametrize("model", MODELS)
def test_the_fake_servers_answers_are_instances_of_the_schema(model: type[BaseModel]) -> None:
    schema = sent(model, "json_schema")
    ctx = Context(ids=IDS, quote_id="S1", quote_text="a b c")
    for index in range(20):
        ctx.index = index
        jsonschema_rs.validate(schema, random_instances(3)(schema, ctx))
    jsonschema_rs.validate(schema, smallest(schema, ctx))


@pytest.mark.parametrize("max_tokens", [2048, 4096, 16384])
def test_the_largest_bounded_answer_fits_max_tokens(max_tokens: int) -> None:
    for model in (SingleOutput, ChunkOutput, ReadOutput):
        capacity = annotation_capacity(model, max_tokens)
        ids = [f"S{1000 + i}" for i in range(capacity)]
        bounds = bounds_for(model, max_tokens, ids)
        assert fits(model, bounds, max_tokens, ids)
        assert largest_answer_chars(request_schema(model, "json_object", ids, bounds)) <= max_tokens * 3
    assert annotation_capacity(ChunkOutput, 16384) > annotation_capacity(ChunkOutput, 4096) > 0
    assert bounds_for(SectionsOutput, 16384, IDS, annotated=False).findings > Bounds(findings=1).findings


# --- every instance ends in a valid brief --------------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


def settings_for(base_url: str, tmp_path: Path, **llm: Any) -> Settings:
    options = {"model": "fake-model", "base_url": base_url, "max_retries": 0, "timeout_seconds": 5.0, **llm}
    return load_settings(None, overrides={"llm": options, "cache": {"enabled": False}}, environ={})


def _schema_sent_for_the_example(tmp_path: Path) -> dict[str, Any]:
    with FakeLLMServer() as server:
        settings_ = settings_for(server.base_url, tmp_path)
        summarize(load_statements(EXAMPLE), engine=LLMEngine(settings_), settings=settings_)
    schema: dict[str, Any] = server.requests[0].body["response_format"]["json_schema"]["schema"]
    return schema


@pytest.fixture(scope="module")
def example_schema(tmp_path_factory: Any) -> dict[str, Any]:
    return _schema_sent_for_the_example(tmp_path_factory.mktemp("schema"))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_schema_valid_answer_gives_a_valid_brief(
    tmp_path: Path, example_schema: dict[str, Any], data: st.DataObject
) -> None:
    """The example through the engine, the server answering with an instance drawn from the schema it is sent."""
    instance = data.draw(instances(example_schema))
    jsonschema_rs.validate(example_schema, instance)
    with FakeLLMServer(answers=lambda schema, ctx: instance) as server:
        settings_ = settings_for(server.base_url, tmp_path)
        brief = summarize(load_statements(EXAMPLE), engine=LLMEngine(settings_), settings=settings_)
    assert contract_violations(brief) == []
    assert all(r.body["response_format"]["json_schema"]["schema"] == example_schema for r in server.requests)
    assert example_schema["properties"]["annotations"]["minItems"] == 4  # the example's four statements, one each


@pytest.mark.parametrize("answers", ["smallest", "random"])
@pytest.mark.parametrize("count", [4, 300])
def test_smallest_and_random_answers_give_valid_briefs(tmp_path: Path, answers: str, count: int) -> None:
    from llm_server import synthetic_texts

    from summarizer.models import Source, Statement

    source = Source(format="t", statements=[Statement(id="S1", text=t) for t in synthetic_texts(count)])
    for seed in range(3 if answers == "random" else 1):
        answer = smallest if answers == "smallest" else random_instances(seed)
        with FakeLLMServer(answers=answer) as server:
            settings_ = settings_for(server.base_url, tmp_path, chunk_token_budget=2000, concurrency=4)
            brief = summarize(source, engine=LLMEngine(settings_), settings=settings_)
        assert contract_violations(brief) == [] and len(brief.statements) == count
        assert all(r.status == 200 for r in server.requests)


@pytest.mark.parametrize("seed", [None, *range(10)])
def test_the_example_through_the_cli_exits_0_for_smallest_and_random_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], seed: int | None
) -> None:
    """Done when: a server answering the smallest (None) or a random instance of the schema it was sent; 10 seeds."""
    from summarizer.cli import main
    from summarizer.models import Brief

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    answers = smallest if seed is None else random_instances(seed)
    with FakeLLMServer(answers=answers) as server:
        args = ["brief", str(EXAMPLE), "--engine", "llm", "--model", "m", "--base-url", server.base_url, "--quiet"]
        assert main([*args, "-o", str(tmp_path / "brief.json")]) == 0
    capsys.readouterr()
    brief = Brief.model_validate_json((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert contract_violations(brief) == []
