"""Group citations: a statement that cites the target among several works is marked (cites_several, cited_works),
and so is a finding resting only on such statements (rests_on_group_citations), by the pipeline, for every engine
and in every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ScriptedEngine, quote_of
from llm_server import FakeLLMServer, synthetic_texts

from summarizer.citations import citation_marks, count_citations
from summarizer.contract import contract_violations
from summarizer.engines.llm import LLMEngine
from summarizer.engines.llm.schemas import PIPELINE_FIELDS, SingleOutput, answer_data, strict_schema
from summarizer.models import Brief, Finding, Outcome, Source, Statement
from summarizer.pipeline import normalise, summarize
from summarizer.readers import read_source
from summarizer.renderers import render
from summarizer.renderers.json import brief_schema
from summarizer.settings import load_settings

GROUP = "Umbilical cord MSC infusion was safe in severe COVID-19 [44]–[56]."
ALONE = "Mortality decreased with MSC infusion in the pilot study [3]."
NONE = "An unrelated remark about cell therapy."


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("MSC infusion was safe [44]–[56].", 13),
        ("MSC infusion was safe [44]-[46] and well tolerated.", 3),
        ("no adverse events in the patients either 39,45,47,48", 4),
        ("no adverse events in the patients either.39,45,47,48", 4),
        ("no adverse events in the patients either 39,45,47,48 .", 4),
        ("as several trials showed [8, [1], 20].", 3),
        ("as trials showed [10,[1]].", 2),
        ("(Smith et al., 2020; Jones and Lee, 2019; Wu, 2021)", 3),
        ("as the pilot study showed [3].", 1),
        ("as the pilot study showed.", 0),
    ],
)
def test_count_citations(text: str, count: int) -> None:
    assert count_citations(text) == count


@pytest.mark.parametrize(
    ("text", "marks"),
    [(GROUP, (True, 13)), ("[8, [1], 20]", (True, 3)), (ALONE, (False, 1)), (NONE, (False, None))],
)
def test_citation_marks(text: str, marks: tuple[bool, int | None]) -> None:
    assert citation_marks(text) == marks


def _statement(text: str, **fields: object) -> Statement:
    return Statement.model_validate({"id": "S1", "text": text, **fields})


def test_normalise_marks_statements_and_copies_only_what_changes() -> None:
    once = normalise([_statement(GROUP), _statement(ALONE), _statement(NONE)])
    assert [(s.cites_several, s.cited_works) for s in once] == [(True, 13), (False, 1), (False, None)]
    twice = normalise(once)
    assert [a is b for a, b in zip(once, twice, strict=True)] == [True, True, True]
    # numbered and normal already, but unmarked (or marked wrongly, as an input may say): only that one is copied
    given = [
        _statement(GROUP, id="S1"),
        _statement(ALONE, id="S2", cites_several=True, cited_works=9),
        _statement(NONE, id="S3"),
    ]
    marked = normalise(given)
    assert [a is b for a, b in zip(given, marked, strict=True)] == [False, False, True]
    assert [(s.cites_several, s.cited_works) for s in marked] == [(True, 13), (False, 1), (False, None)]
    assert marked[0].model_dump(exclude={"cites_several", "cited_works"}) == given[0].model_dump(
        exclude={"cites_several", "cited_works"}
    )


def _scripted_brief() -> Brief:
    statements = [_statement(GROUP), _statement(ALONE), _statement("Another cohort was safe too [4,7,9].")]
    engine = ScriptedEngine(
        safety_findings=[
            # the engine's value is never trusted: the pipeline sets it
            Finding(claim="Safe.", statement_ids=["S1", "S3"], quotes=[quote_of("S1", "was safe")]),
            Finding(
                claim="Safe or not.",
                statement_ids=["S1", "S2"],
                quotes=[quote_of("S2", "Mortality decreased")],
                rests_on_group_citations=True,
            ),
        ],
        outcomes=[
            Outcome(
                claim="Mortality fell.",
                statement_ids=["S2"],
                quotes=[quote_of("S2", "Mortality decreased")],
                outcome="mortality",
                direction="improved",
                change="decreased",
            )
        ],
        contrasting=[Finding(claim="Questioned.", statement_ids=["S3"], quotes=[quote_of("S3", "Another cohort")])],
    )
    return summarize(Source(format="test", statements=statements), engine=engine)


def test_the_pipeline_marks_findings_that_rest_only_on_group_citations() -> None:
    brief = _scripted_brief()
    assert contract_violations(brief) == []
    assert [s.cites_several for s in brief.statements] == [True, False, True]
    assert [f.rests_on_group_citations for f in brief.safety.findings] == [True, False]
    assert [o.rests_on_group_citations for o in brief.efficacy.outcomes] == [False]
    assert [f.rests_on_group_citations for f in brief.contrasting] == [True]


def test_the_extractive_engine_brief_is_marked() -> None:
    texts = [f"Treatment with remdesivir shortened the time to recovery in site {i} [1-4]." for i in range(4)]
    brief = summarize([_statement(text) for text in texts], engine="extractive")
    assert all(s.cites_several and s.cited_works == 4 for s in brief.statements)
    findings = [*brief.safety.findings, *brief.efficacy.outcomes, *brief.contrasting]
    assert findings and all(f.rests_on_group_citations for f in findings)


def test_the_llm_engine_brief_is_marked_and_the_model_is_never_asked(tmp_path: Path) -> None:
    texts = synthetic_texts(60)
    texts[0] = texts[0].removesuffix(".") + " [2,5-8]."  # the fake server's findings cite the first statement
    items = [_statement(text) for text in texts]
    with FakeLLMServer() as server:
        llm = {"model": "fake-model", "base_url": server.base_url, "timeout_seconds": 5.0, "chunk_token_budget": 900}
        cache = {"path": str(tmp_path / "cache.sqlite3")}
        settings = load_settings(None, overrides={"engine": "llm", "llm": llm, "cache": cache}, environ={})
        brief = summarize(Source(format="test", statements=items), engine=LLMEngine(settings))
    assert contract_violations(brief) == []
    assert brief.statements[0].cited_works == 5 and not brief.statements[1].cites_several
    findings = [*brief.safety.findings, *brief.efficacy.outcomes, *brief.contrasting]
    assert findings and all(f.rests_on_group_citations == (f.statement_ids == ["S1"]) for f in findings)
    names = [r.body["response_format"]["json_schema"]["name"] for r in server.requests]
    assert "sections" in names  # a reduce step showed the model earlier answers
    for request in server.requests:
        assert not any(name in json.dumps(request.body) for name in PIPELINE_FIELDS)


def test_the_answer_schema_and_data_leave_the_pipeline_fields_out() -> None:
    assert set(PIPELINE_FIELDS) == {"rests_on_group_citations"}
    assert "rests_on_group_citations" not in json.dumps(strict_schema(SingleOutput))
    finding = Finding(claim="Safe.", statement_ids=["S1"], rests_on_group_citations=True)
    assert answer_data(finding) == {"claim": "Safe.", "statement_ids": ["S1"], "quotes": []}


def test_the_json_schema_has_the_new_keys_with_descriptions() -> None:
    defs = brief_schema()["$defs"]
    assert isinstance(defs, dict)
    statement, finding, outcome = defs["Statement"]["properties"], defs["Finding"], defs["Outcome"]
    for properties, key in [
        (statement, "cites_several"),
        (statement, "cited_works"),
        (finding["properties"], "rests_on_group_citations"),
        (outcome["properties"], "rests_on_group_citations"),
    ]:
        assert properties[key]["description"] and properties[key]["readOnly"] is True
    assert "rests_on_group_citations" not in finding["required"]  # an older brief still validates
    brief = json.loads(render(_scripted_brief(), "json"))
    assert brief["statements"][1]["cited_works"] == 1 and brief["statements"][0]["cites_several"] is True
    assert brief["safety"]["findings"][0]["rests_on_group_citations"] is True


def test_markdown_shows_the_marks() -> None:
    text = render(_scripted_brief(), "md")
    assert "- **S1** (mentioning, section unknown, cites 13 works): Umbilical" in text
    assert "- **S2** (mentioning, section unknown): Mortality" in text
    assert "- Safe. (S1, S3) *(rests only on statements that cite several works)*" in text
    assert "- Safe or not. (S1, S2)\n" in text
    assert text.count("rests only on statements that cite several works") == 2  # a safety and a contrasting finding


def test_html_shows_the_marks() -> None:
    text = render(_scripted_brief(), "html")
    assert text.count('<span class="citing group-citations">Cites 13 works</span>') == 1
    assert text.count('<span class="citing group-citations">Cites 3 works</span>') == 1
    assert "Cites 1 works" not in text
    assert text.count('<span class="group-citations">rests only on statements that cite several works</span>') == 2


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_columns_and_reads_back() -> None:
    brief = _scripted_brief()
    rows = _rows(render(brief, "csv"))
    assert [(r["cites_several"], r["cited_works"]) for r in rows] == [("true", "13"), ("false", "1"), ("true", "3")]
    again = summarize(read_source(render(brief, "csv"), input_format="csv"), engine="extractive")
    assert [(s.text, s.cites_several, s.cited_works) for s in again.statements] == [
        (s.text, s.cites_several, s.cited_works) for s in brief.statements
    ]
    assert _rows(render(again, "csv"))[0]["cited_works"] == "13"


def test_extract_jsonl_reads_back_and_a_stated_mark_is_recomputed() -> None:
    given = normalise([_statement(GROUP), _statement(ALONE)])
    lines = [json.dumps({"record": "statement", **s.model_dump(mode="json")}) for s in given]
    lines[1] = lines[1].replace('"cited_works": 1', '"cited_works": 99')
    source = read_source("\n".join(lines) + "\n", input_format="jsonl")
    assert source.statements[1].cited_works == 99  # as the input says, until the pipeline reads the text
    brief = summarize(source, engine="extractive")
    assert [(s.cites_several, s.cited_works) for s in brief.statements] == [(True, 13), (False, 1)]
