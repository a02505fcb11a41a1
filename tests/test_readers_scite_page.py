"""The scite report page reader: the real example and copy-paste variations of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.models import Source
from summarizer.readers import detect_format, load_statements, read_source

EXAMPLE = Path(__file__).parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"
TITLE = (
    "Safety and Feasibility of Umbilical Cord Mesenchymal Stem Cells in Patients with COVID-19 Pneumonia: "
    "A Pilot Study"
)
FIRST_TEXT = (
    "Safety was shown in other studies that also performed MSC-based interventions. They did not noticed any "
    "acute infusion-related issues, alergic reaction, delayed hypersensitivity or secondary infections in the "
    "patients either 39,45,47,48,54,76,77 ."
)
LAST_TEXT = (
    "Of the 25 included studies, we included 3 RCTs, 37,44,45 5 comparative observational studies, "
    "[46][47][48][49][50] and 17 case-series/case reports. [51][52][53][54][55][56][57][58][59][60][61][62][63]"
    "[64][65][66][67] The studies were conducted in seven countries, including Asia (n=16), Europe (n=6), "
    "North America (n=2), and South America (n=1)."
)
SECTIONS = ["Discussion", "Introduction", "Discussion", "Results"]
CONFIDENCES = [0.87, 0.99, 0.90, 0.99]


@pytest.fixture(scope="module")
def page() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def fields(source: Source) -> dict[str, list[object]]:
    """The per-statement fields the tests compare."""
    return {
        "ids": [s.id for s in source.statements],
        "occurrences": [s.occurrences for s in source.statements],
        "sections": [s.section for s in source.statements],
        "types": [s.type for s in source.statements],
        "type_sources": [s.type_source for s in source.statements],
        "confidences": [s.confidence for s in source.statements],
    }


def assert_example(source: Source, *, sections: list[str | None] = SECTIONS,
                   types: list[str] | None = None, confidences: list[float | None] = CONFIDENCES) -> None:
    """Assert the fields the example must give, allowing the variation's expected changes."""
    types = types or ["mentioning"] * 4
    assert source.format == "scite-page"
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert source.target.year == 2020
    assert source.target.title == TITLE
    tallies = source.target.reported_tallies
    assert (tallies.statements, tallies.publications) == (14, 11)
    assert (tallies.supporting, tallies.mentioning, tallies.contrasting) == (1, 13, 0)
    assert fields(source) == {
        "ids": ["S1", "S2", "S3", "S4"],
        "occurrences": [2, 1, 1, 1],
        "sections": sections,
        "types": types,
        "type_sources": ["source" if t != "unclassified" else "none" for t in types],
        "confidences": confidences,
    }
    assert source.statements[0].text == FIRST_TEXT
    assert source.statements[3].text == LAST_TEXT
    assert source.statements[2].text.startswith("7 However, mesenchymal stem cells")
    assert source.statements[1].text.endswith("in moderate or severe COVID-19 patients.")
    assert source.warnings == []


def test_the_example_page(page: str) -> None:
    source = load_statements(EXAMPLE)
    assert_example(source)
    assert detect_format(page) == "scite-page"
    abstract = source.target.abstract
    assert abstract is not None
    assert abstract.startswith("Background: We aim to explore the safety and feasibility")
    assert abstract.endswith("lymphocyte subsets count et al o")
    assert "Show more" not in abstract
    assert all(s.citing.doi is None for s in source.statements)
    assert source.input_sha256 is not None and len(source.input_sha256) == 64


def test_no_quote_or_ellipsis_mark_is_left(page: str) -> None:
    for statement in read_source(page).statements:
        assert not statement.text.startswith(("“", '"', "…", "..."))
        assert not statement.text.endswith(("”", '"', "…", "..."))


@pytest.mark.parametrize(
    "variation",
    [
        pytest.param(lambda t: t.replace("“", '"').replace("”", '"'), id="straight-quotes"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\n\n\n"), id="extra-blank-lines"),
        pytest.param(lambda t: t.replace("\n", "   \n") + "  ", id="trailing-spaces"),
        pytest.param(lambda t: t.replace("\n", "\t\n").replace("\n", "\n  "), id="tabs-and-indents"),
        pytest.param(lambda t: t.replace("…", "..."), id="ascii-ellipsis"),
        pytest.param(lambda t: re.sub(r"Section: (\w+?)mentioning", r"Section: \1 mentioning", t),
                     id="space-before-classification"),
        pytest.param(lambda t: re.sub(r"Section: (\w+?)mentioning", "Section: \\1\nmentioning", t),
                     id="classification-on-own-line"),
        pytest.param(lambda t: t.replace("confidence: ", "Confidence:"), id="confidence-spelling"),
        pytest.param(lambda t: t.replace("“", "").replace("”", ""), id="no-quotes"),
        pytest.param(lambda t: t + "\n\n", id="trailing-newlines"),
        pytest.param(
            lambda t: t.replace("“", '"').replace("”", '"').replace("…", "...").replace("\n", "  \r\n\r\n"),
            id="all-at-once",
        ),
    ],
)
def test_copy_paste_variations_give_the_same_result(page: str, variation) -> None:  # type: ignore[no-untyped-def]
    assert_example(read_source(variation(page)))


def test_without_confidence_lines(page: str) -> None:
    text = "\n".join(line for line in page.split("\n") if not line.startswith("confidence:"))
    assert_example(read_source(text), confidences=[None] * 4)


def test_without_section_lines(page: str) -> None:
    text = "\n".join(line for line in page.split("\n") if not line.startswith("Section:"))
    source = read_source(text)
    assert_example(source, sections=[None] * 4, types=["unclassified"] * 4)


def test_section_line_without_section_name(page: str) -> None:
    text = re.sub(r"Section: \w+?mentioning", "Section: mentioning", page)
    assert_example(read_source(text), sections=[None] * 4)


def test_one_statement_missing_its_section_line(page: str) -> None:
    text = page.replace("Section: Introductionmentioning\n", "")
    source = read_source(text)
    assert fields(source)["sections"] == ["Discussion", None, "Discussion", "Results"]
    assert fields(source)["types"] == ["mentioning", "unclassified", "mentioning", "mentioning"]
    assert fields(source)["type_sources"] == ["source", "none", "source", "source"]
    assert fields(source)["confidences"] == CONFIDENCES


def test_supporting_and_contrasting_classifications(page: str) -> None:
    text = page.replace("Introductionmentioning", "Introductionsupporting").replace(
        "Resultsmentioning", "Resultscontrasting"
    )
    assert_example(read_source(text), types=["mentioning", "supporting", "mentioning", "contrasting"])


def test_see_more_followed_by_a_different_statement_keeps_both(page: str) -> None:
    first, marker, rest = page.partition("See 1 more Smart Citation\n")
    rest = rest.replace("They did not noticed", "They also did not notice", 1)
    source = read_source(first + marker + rest)
    assert fields(source)["occurrences"] == [1, 1, 1, 1, 1]
    assert fields(source)["ids"] == ["S1", "S2", "S3", "S4", "S5"]
    assert "They also did not notice" in source.statements[1].text
    assert len(source.warnings) == 1
    assert "See 1 more Smart Citation" in source.warnings[0]


def test_see_more_with_a_larger_count_merges_each_repeat(page: str) -> None:
    shown = page.split("See 1 more Smart Citation\n")[0].split("Order By: Relevance\n")[-1]
    text = page.replace("See 1 more Smart Citation\n", "See 2 more Smart Citations\n" + shown)
    source = read_source(text)
    assert fields(source)["occurrences"] == [3, 1, 1, 1]


def test_a_multi_line_statement_is_one_statement() -> None:
    text = (
        "Cited by 1 publication (1 citation statement)\n"
        "“…MSC infusion was well tolerated\n"
        "and no serious adverse events occurred.…”\n"
        "Section: Resultssupporting\n"
        "confidence: 75%\n"
    )
    source = read_source(text)
    assert [s.text for s in source.statements] == [
        "MSC infusion was well tolerated\nand no serious adverse events occurred."
    ]
    assert fields(source)["types"] == ["supporting"]
    assert fields(source)["confidences"] == [0.75]
    assert source.target.reported_tallies.publications == 1
    assert source.target.reported_tallies.statements == 1
    assert source.target.title is None


def test_a_page_with_tallies_but_no_statements_is_rejected(page: str) -> None:
    header = page.split("Order By: Relevance\n“")[0]
    with pytest.raises(InputError, match="no citation statements found"):
        read_source(header, name="page.txt")


def test_bytes_in_other_encodings(page: str) -> None:
    assert_example(read_source(page.encode("utf-8-sig")))
    assert_example(read_source(page.encode("utf-16")))
    cp1252 = read_source(page.encode("cp1252"))
    # not silent: the first line that is not UTF-8 is named (issue 14)
    assert cp1252.warnings == [
        "not UTF-8 (line 11 has byte 0x85): read as Windows-1252; check accented letters, or save the file as UTF-8"
    ]
    assert_example(cp1252.model_copy(update={"warnings": []}))


def test_statements_keep_their_inner_whitespace() -> None:
    text = "“…Two  spaces stay.…”\nSection: Discussionmentioning\nconfidence: 50%\n"
    assert read_source(text).statements[0].text == "Two  spaces stay."


def test_statements_copied_without_the_page_header() -> None:
    text = (
        "“…Only statements, no header.…”\nSection: Resultssupporting\nconfidence: 91%\n\n"
        '"...Second one..."\nSection: Methods\nconfidence: 0.5\n'
    )
    source = read_source(text)
    assert source.format == "scite-page"
    assert (source.target.title, source.target.doi, source.target.year) == (None, None, None)
    assert [(s.text, s.section, s.type, s.type_source, s.confidence) for s in source.statements] == [
        ("Only statements, no header.", "Results", "supporting", "source", 0.91),
        ("Second one", "Methods", "unclassified", "none", 0.5),
    ]


def test_a_header_with_labelled_type_counts_and_a_resolver_doi() -> None:
    text = (
        "2021\nDOI: https://doi.org/10.1/ABC\nJournal Article\n|\nA Fine Title About Cells\n\n"
        "Abstract\nWe studied cells.\nShow more\n\nCited by 2 publications (3 citation statements)\n"
        "Citation Types\nSupporting\n2\nMentioning\n1\nContrasting\n0\n"
        "“…Cells were fine.…”\nSection: Discussion contrasting\n"
    )
    source = read_source(text)
    # the design is the pipeline's reading, never the reader's
    assert (source.target.design, source.target.design_statement_ids) == (None, [])
    exclude = {"reported_tallies", "intervention", "design", "design_statement_ids"}
    assert source.target.model_dump(exclude=exclude) == {
        "doi": "10.1/ABC",
        "title": "A Fine Title About Cells",
        "year": 2021,
        "abstract": "We studied cells.",
    }
    assert source.target.reported_tallies.model_dump() == {
        "statements": 3, "publications": 2, "supporting": 2, "mentioning": 1, "contrasting": 0
    }
    assert [(s.text, s.section, s.type, s.confidence) for s in source.statements] == [
        ("Cells were fine.", "Discussion", "contrasting", None)
    ]
