"""The Semantic Scholar citations reader: one unclassified statement per context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.readers import detect_format, load_statements, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_citations_response() -> None:
    source = load_statements(FIXTURES / "s2-citations.json")
    assert source.format == "s2"
    assert source.target.doi is None
    assert [(s.id, s.type, s.type_source, s.intents, s.is_influential) for s in source.statements] == [
        ("S1", "unclassified", "none", ["background"], True),
        ("S2", "unclassified", "none", ["result"], True),
        ("S3", "unclassified", "none", ["methodology"], False),
    ]
    assert source.statements[1].text == "Shu et al. reported improved oxygenation index after UC-MSC treatment."
    assert source.statements[0].citing.model_dump(exclude={"retracted", "editorial_notices"}) == {
        "doi": "10.1000/example.citing.10",
        "title": "Mesenchymal stromal cell therapy for COVID-19 ARDS",
        "year": 2021,
        "journal": "Example Critical Care",
    }
    assert source.statements[2].citing.model_dump(exclude={"retracted", "editorial_notices"}) == {
        "doi": None,
        "title": "Cell therapy in viral lung injury",
        "year": None,
        "journal": "Example Preprints",
    }
    assert source.warnings == ["1 citing paper had no citation contexts and contributed no statements"]


def test_statements_of_one_paper_do_not_share_their_citing_object() -> None:
    source = load_statements(FIXTURES / "s2-citations.json")
    assert source.statements[0].citing == source.statements[1].citing
    assert source.statements[0].citing is not source.statements[1].citing


def test_contexts_only_in_contexts_with_intent() -> None:
    data = {"data": [{"contextsWithIntent": [{"context": "MSCs were safe.", "intents": ["result"]}]}]}
    source = read_source(json.dumps(data))
    assert [(s.text, s.intents) for s in source.statements] == [("MSCs were safe.", ["result"])]


def test_a_bare_list_of_items_and_detection() -> None:
    items = [{"contexts": ["Safe."], "intents": [], "isInfluential": False, "citingPaper": {"title": "T"}}]
    assert detect_format(json.dumps(items)) == "s2"
    assert detect_format(json.dumps({"offset": 0, "data": items})) == "s2"
    assert read_source(json.dumps(items)).statements[0].citing.title == "T"


def test_no_contexts_at_all() -> None:
    data = {"offset": 0, "data": [{"contexts": [], "citingPaper": {"title": "A"}}, {"contexts": [], "citingPaper": {}}]}
    with pytest.raises(InputError, match=r"s2.json: no citation statements found \(2 citing papers had no"):
        read_source(json.dumps(data), name="s2.json")


def test_empty_data_list_is_recognised_but_has_no_statements() -> None:
    with pytest.raises(InputError, match="no citation statements found"):
        read_source('{"offset": 0, "data": []}')
