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


# --- Semantic Scholar as people save it (issue 13) ---

DOCUMENTED = FIXTURES / "s2-citations-documented.json"


def _page() -> dict[str, object]:
    return json.loads(DOCUMENTED.read_text())


def _texts(source: object) -> list[str]:
    return [s.text for s in source.statements]  # type: ignore[attr-defined]


def test_the_documented_page() -> None:
    source = load_statements(DOCUMENTED)
    assert source.format == "s2"
    assert _texts(source)[1] == "27M articles from the Semantic Scholar dataset (Ammar et al., 2018)."
    assert source.statements[0].citing.doi == "10.18653/V1/2020.ACL-MAIN.447"
    assert source.statements[0].intents == ["methodology"]
    # the second citing paper came with no context: counted and reported
    assert source.warnings == ["1 citing paper had no citation contexts and contributed no statements"]


def test_every_saved_form_gives_the_same_statements() -> None:
    page = _page()
    items = page["data"]
    expected = _texts(load_statements(DOCUMENTED))
    forms = {
        "single item": json.dumps(items[0]),  # type: ignore[index]
        "list of items": json.dumps(items),
        "json lines of items": "\n".join(json.dumps(item) for item in items),  # type: ignore[attr-defined]
        "list of pages": json.dumps([page]),
        "json lines of pages": json.dumps(page) + "\n" + json.dumps({"offset": 2, "data": []}),
        "pages one after another": json.dumps(page, indent=2) + json.dumps({"offset": 2, "data": []}, indent=2),
    }
    for form, text in forms.items():
        assert detect_format(text) == "s2", form
        assert _texts(read_source(text)) == expected, form


def test_concatenated_pages_equal_the_merged_page(tmp_path: Path) -> None:
    full = json.loads((FIXTURES / "s2-citations.json").read_text())
    first = {"offset": 0, "next": 2, "data": full["data"][:2]}
    second = {"offset": 2, "data": full["data"][2:]}
    merged = _texts(read_source(json.dumps(full)))
    assert _texts(read_source(json.dumps(first) + "\n" + json.dumps(second))) == merged
    assert _texts(read_source(json.dumps([first, second]))) == merged


def test_a_references_response_is_refused_with_what_it_is() -> None:
    with pytest.raises(InputError, match=r"refs.json: this is a Semantic Scholar /references response \(its items hold "
                       r"citedPaper"):
        read_source((FIXTURES / "s2-references-documented.json").read_text(), name="refs.json")
    with pytest.raises(InputError, match="/references response"):
        read_source((FIXTURES / "s2-references-documented.json").read_text(), input_format="s2")


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("s2-error-not-found.json", "Paper with id 649def34f8be52c8b66281af98ae884c09aef38c not found"),
        ("s2-error-timeout.json", "Endpoint request timed out"),
    ],
)
def test_error_bodies_give_the_service_message(fixture: str, message: str) -> None:
    with pytest.raises(InputError, match=f"the service answered with an error, not an export: {message}"):
        load_statements(FIXTURES / fixture)
    with pytest.raises(InputError, match=message):
        load_statements(FIXTURES / fixture, input_format="s2")


def test_contexts_not_asked_for_are_named() -> None:
    data = {"offset": 0, "data": [{"citingPaper": {"paperId": "1", "title": "A"}}, {"contexts": ["Safe."]}]}
    source = read_source(json.dumps(data))
    assert source.warnings == [
        "1 citing paper had no citation contexts and contributed no statements"
    ]
    bare = {"offset": 0, "data": [{"citingPaper": {"paperId": "1", "title": "A"}}]}
    with pytest.raises(InputError, match=r"ask for them with fields=contexts"):
        read_source(json.dumps(bare))


def test_odd_values_in_items_are_not_a_crash() -> None:
    # issue 14: {"data":[{"contextsWithIntent":1}]} raised TypeError
    with pytest.raises(InputError, match="no citation statements found"):
        read_source('{"data":[{"contextsWithIntent":1}]}')
    odd = {"data": [{"contexts": "Safe.", "contextsWithIntent": [1, {"context": 2}], "citingPaper": [], "intents": 3}]}
    with pytest.raises(InputError, match="no citation statements found"):
        read_source(json.dumps(odd))
