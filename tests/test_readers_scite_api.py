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


# --- scite's published API shapes (tests/fixtures/readers/README.md names the source of each fixture) ---


def test_self_cites_are_author_lists_and_confidences_are_probabilities() -> None:
    source = load_statements(FIXTURES / "scite-citations-with-snippets.json")
    assert [(s.type, s.confidence, s.self_cite) for s in source.statements] == [
        ("supporting", 1.0, False),  # typeConfidence 1.0982: a probability score that overshoots 1, not 1.1%
        ("mentioning", 0.93, True),  # selfCites: [{"type": "SHAREDAUTHOR", "family": "Shu", "given": "Lei"}]
        ("supporting", 0.88, False),
    ]
    assert not any("selfCites" in warning for warning in source.warnings)


def test_citing_metadata_comes_from_the_papers_map_with_retraction_and_notices() -> None:
    source = load_statements(FIXTURES / "scite-citations-with-snippets.json")
    first, second, third = source.statements
    assert first.citing.model_dump() == {
        "doi": "10.1000/example.citing.21",
        "title": "Stem cell therapy for COVID-19 pneumonia: a single-centre series",
        "year": 2021,
        "journal": "Example Journal of Cell Therapy",
        "retracted": True,
        "editorial_notices": ["Retracted"],
    }
    # "Comment" is no warning about the paper; scite's own badge leaves it out too
    assert (second.citing.retracted, second.citing.editorial_notices) == (False, ["Has expression of concern"])
    assert third.citing == first.citing


def test_tallies_and_target_metadata_keyed_by_doi() -> None:
    source = load_statements(FIXTURES / "scite-citations-with-snippets.json")
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert source.target.title == "Treatment of severe COVID-19 with human umbilical cord mesenchymal stem cells"
    assert source.target.reported_tallies.model_dump() == {
        "statements": 14,
        "publications": 11,
        "supporting": 1,
        "mentioning": 13,
        "contrasting": 0,
    }


def test_markup_is_stripped_to_the_plain_text() -> None:
    source = load_statements(FIXTURES / "scite-citations-with-snippets.json")
    texts = [s.text for s in source.statements]
    assert texts[1] == (
        "Umbilical cord mesenchymal stem cells have been given to patients with COVID-19 & ARDS  7  ,  8  ."
    )
    assert not any("<" in text or "&amp;" in text for text in texts)


def test_hidden_snippets_are_counted_once_not_made_statements() -> None:
    source = load_statements(FIXTURES / "scite-citations-with-snippets.json")
    assert len(source.statements) == 3
    assert source.warnings == [
        "1 of 4 scite citations came without their statement (no snippet, or snippetHidden: scite hands snippets to "
        "entitled API tokens only); they contributed no statements"
    ]


def test_the_published_citations_example_has_no_snippets_and_says_so() -> None:
    # CitationsExternalSchema's own example: nine citations, none with a snippet
    assert detect_format((FIXTURES / "scite-citations-external-example.json").read_text()) == "scite-api"
    with pytest.raises(InputError, match=r"no citation statements found \(9 of 9 scite citations came without"):
        load_statements(FIXTURES / "scite-citations-external-example.json")


def test_the_published_example_with_snippets_added_keeps_papers_self_cites_and_types() -> None:
    data = json.loads((FIXTURES / "scite-citations-external-example.json").read_text())
    for number, citation in enumerate(data["citations"], start=1):
        cite = f'<cite data-doi="{citation["target"]}">9</cite>'
        citation["snippet"] = f"Statement {number} about locus of control {cite}."
    source = read_source(json.dumps(data))
    first, third = source.statements[0], source.statements[2]
    assert (first.type, first.confidence, first.self_cite, first.section) == (
        "contrasting",
        0.9638307094573975,
        True,
        "discussion",
    )
    assert first.citing.title.startswith("Functional and structural connectivity of the amygdala")
    assert (first.citing.year, first.citing.journal, first.citing.retracted) == (2018, "NeuroImage: Clinical", False)
    assert (third.self_cite, third.citing.retracted, third.citing.year) == (False, None, 2022)  # no "retracted" key
    assert first.text == "Statement 1 about locus of control 9."
    assert source.target.doi == "10.1016/j.neuropsychologia.2017.03.016"


def test_search_responses_are_read_with_the_hit_as_citing_paper() -> None:
    source = load_statements(FIXTURES / "scite-search-example.json")
    assert source.format == "scite-api"
    (statement,) = source.statements
    assert statement.text.startswith("The development of engineered nucleases")
    assert "The more recent advent of facile CRISPR-Cas methods" in statement.text
    assert statement.citing.model_dump() == {
        "doi": "10.1089/crispr.2020.0053",
        "title": "Evaluation of Homology-Independent CRISPR-Cas9 Off-Target Assessment Methods",
        "year": 2020,
        "journal": "The crispr Journal",
        "retracted": None,
        "editorial_notices": ["Has erratum"],
    }
    assert source.target.doi == "10.1038/mtna.2011.5"
    assert "3 of 4 scite citations came without their statement" in source.warnings[0]


def test_a_reference_check_cites_many_targets_and_one_is_chosen() -> None:
    source = load_statements(FIXTURES / "scite-task-example.json")
    assert source.target.doi == "10.1172/jci31021"
    assert source.target.title == (
        "Obesity-associated improvements in metabolic profile through expansion of adipose tissue"
    )
    assert [s.citing.title for s in source.statements] == [
        "Eosinophils support adipocyte maturation and promote glucose tolerance in obesity"
    ] * 2
    assert source.warnings == [
        "the input cites 6 different targets: this brief is about 10.1172/jci31021 (2 statements, the most cited; "
        "choose another with --target DOI); 5 statements about 5 other targets set aside: "
        "10.1146/annurev-immunol-031210-101322 (1), 10.1038/nature05483 (1), 10.1172/jci7901 (1), "
        "10.1038/nbt.1621 (1), 10.1002/hep.26015 (1)"
    ]
    other = load_statements(FIXTURES / "scite-task-example.json", target="10.1038/nbt.1621")
    (statement,) = other.statements
    assert statement.text.endswith(
        "An FPKM >0.1 in at least 1 of the analysed samples was used to filter for potentially significant gene "
        "expression."
    )


@pytest.mark.parametrize(
    ("task", "message"),
    [
        (
            {"status": "PENDING", "info": {"description": "parsing", "step": 1, "totalSteps": 4}},
            "is PENDING, not finished",
        ),
        ({"status": "FAILURE", "error": "could not parse the PDF"}, "ended FAILURE: could not parse the PDF"),
    ],
)
def test_an_unfinished_reference_check_says_so(task: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_source(json.dumps(task))


@pytest.mark.parametrize(
    "body",
    [{"detail": "Not Found"}, {"detail": [{"loc": ["path", "doi"], "msg": "field required", "type": "value_error"}]}],
)
def test_scite_error_bodies_are_reported_with_their_message(body: dict[str, object]) -> None:
    expected = "Not Found" if body["detail"] == "Not Found" else "field required"
    with pytest.raises(InputError, match=f"x.json: the service answered with an error, not an export: {expected}"):
        read_source(json.dumps(body), name="x.json")


def test_several_scite_responses_one_after_another() -> None:
    text = (FIXTURES / "scite-citations-with-snippets.json").read_text()
    one = read_source(text)
    both = read_source(text + "\n" + text)
    assert [s.text for s in both.statements] == [s.text for s in one.statements] * 2
