"""The scite API reader: citation lists, wrapped responses and tallies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.readers import detect_format, load_statements, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_response_with_tallies_and_citations() -> None:
    source = load_statements(FIXTURES / "scite-api-citations.json")
    assert source.format == "scite-api"
    assert source.warnings == []
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert source.target.reported_tallies.model_dump() == {
        "statements": 14,
        "publications": 11,
        "supporting": 1,
        "mentioning": 12,
        "contrasting": 1,
    }
    assert [(s.id, s.type, s.type_source, s.confidence, s.section, s.self_cite) for s in source.statements] == [
        ("S1", "supporting", "source", 0.93, "Discussion", False),
        ("S2", "mentioning", "source", 0.99, "Introduction", True),
        ("S3", "contrasting", "source", 0.71, "Results", False),
        ("S4", "mentioning", "source", 0.88, None, False),
    ]
    assert source.statements[0].citing.model_dump(exclude={"retracted", "editorial_notices"}) == {
        "doi": "10.1000/example.citing.1",
        "title": "Mesenchymal stromal cells for COVID-19: a review",
        "year": 2021,
        "journal": "Example Journal of Cell Therapy",
    }
    # citing details from a nested sourcePaper object
    assert source.statements[1].citing.model_dump(exclude={"retracted", "editorial_notices"}) == {
        "doi": "10.1000/example.citing.2",
        "title": "Cell therapies in viral pneumonia",
        "year": 2022,
        "journal": "Example Reviews",
    }
    assert source.statements[2].text.startswith("In contrast to the improvement in oxygenation index")


def test_a_bare_list_of_citations() -> None:
    source = load_statements(FIXTURES / "scite-api-list.json")
    assert source.format == "scite-api"
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert source.target.reported_tallies.statements is None
    assert [(s.type, s.confidence) for s in source.statements] == [("mentioning", 0.95), ("supporting", 0.82)]


def test_citations_object_without_tallies() -> None:
    data = {"citations": [{"source": "10.1/a", "target": "10.1/t", "snippet": "Safe.", "type": "mentioning"}]}
    source = read_source(json.dumps(data))
    assert detect_format(json.dumps(data)) == "scite-api"
    assert [(s.text, s.citing.doi) for s in source.statements] == [("Safe.", "10.1/a")]


def test_bad_objects_are_skipped_or_cleaned_with_warnings() -> None:
    data = [
        {"source": "10.1/a", "target": "10.1/t", "snippet": "", "type": "mentioning"},
        {"source": "10.1/b", "target": "10.1/t", "snippet": "Safe.", "type": "odd", "typeConfidence": "x"},
        "not an object",
        {"source": "10.1/c", "target": "10.1/t", "snippet": "Also safe.", "type": None, "selfCites": "maybe"},
    ]
    source = read_source(json.dumps(data))
    assert [(s.id, s.text, s.type, s.type_source, s.confidence, s.self_cite) for s in source.statements] == [
        ("S1", "Safe.", "unclassified", "none", None, None),
        ("S2", "Also safe.", "unclassified", "none", None, None),
    ]
    assert source.warnings == [
        "citation 2: unknown citation type 'odd'; treated as unclassified",
        "citation 2: confidence 'x' is not a number; dropped",
        "citation 3: not an object; skipped",
        "citation 4: selfCites 'maybe' is not true or false; dropped",
        "1 of 4 scite citations came without their statement (no snippet, or snippetHidden: scite hands snippets "
        "to entitled API tokens only); they contributed no statements",
    ]


def test_tallies_only_has_no_statements() -> None:
    data = {"tallies": {"total": 3, "supporting": 1, "contradicting": 0, "mentioning": 2}, "citations": []}
    with pytest.raises(InputError, match="api.json: no citation statements found"):
        read_source(json.dumps(data), name="api.json")


def test_several_targets_warn() -> None:
    data = [
        {"source": "10.1/a", "target": "10.1/t", "snippet": "One.", "type": "mentioning"},
        {"source": "10.1/b", "target": "10.1/t", "snippet": "Two.", "type": "mentioning"},
        {"source": "10.1/c", "target": "10.1/u", "snippet": "Three.", "type": "mentioning"},
    ]
    source = read_source(json.dumps(data))
    assert source.target.doi == "10.1/t"
    assert [s.text for s in source.statements] == ["One.", "Two."]
    assert source.warnings == [
        "the input cites 2 different targets: this brief is about 10.1/t (2 statements, the most cited; choose "
        "another with --target DOI); 1 statement about 1 other target set aside: 10.1/u (1)"
    ]
    chosen = read_source(json.dumps(data), target="https://doi.org/10.1/U")
    assert (chosen.target.doi, [s.text for s in chosen.statements]) == ("10.1/u", ["Three."])
    assert chosen.warnings[0].startswith("the input cites 2 different targets: this brief is about 10.1/u (1 statement")
    cites = r"no statement in the input cites 10.1/x \(--target\); it cites 10.1/t \(2\), 10.1/u \(1\)"
    with pytest.raises(InputError, match=cites):
        read_source(json.dumps(data), target="10.1/x")


def test_invalid_json_names_the_position() -> None:
    with pytest.raises(InputError, match=r"x.json: the input is not valid JSON \(line 1, column"):
        read_source('[{"snippet": "Safe.",}]', name="x.json")
    with pytest.raises(InputError, match="not valid JSON"):
        read_source("snippet: x", input_format="scite-api")


def test_a_single_citation_object() -> None:
    data = {"source": "10.1/a", "target": "10.1/t", "snippet": "Safe.", "type": "supporting", "typeConfidence": 0.8}
    source = read_source(json.dumps(data))
    assert source.format == "scite-api"
    assert [(s.text, s.type, s.confidence) for s in source.statements] == [("Safe.", "supporting", 0.8)]
    assert source.target.doi == "10.1/t"
