"""The CSV/TSV reader: header aliases, delimiters, bad values and empty rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.models import Citing
from summarizer.readers import detect_format, load_statements, read_source
from summarizer.readers.common import StatementMaker

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_comma_separated_fixture() -> None:
    source = load_statements(FIXTURES / "citations.csv")
    assert source.format == "csv"
    assert source.warnings == []
    assert [s.id for s in source.statements] == ["S1", "S2", "S3"]
    first, second, third = source.statements
    assert first.text == (
        "UC-MSC infusion was safe and well tolerated in severe COVID-19, with no allergic reactions [14]."
    )
    assert (first.type, first.type_source, first.confidence, first.section) == (
        "supporting", "source", 0.91, "Discussion"
    )
    assert first.citing.model_dump(exclude={"retracted", "editorial_notices"}) == {
        "doi": "10.1000/example.citing.1",
        "title": "Stem cells, COVID-19 and beyond",
        "year": 2021,
        "journal": "Example Journal",
    }
    assert second.text == 'Shu et al. described UC-MSC use in 16 patients; the "pilot" design limits conclusions.'
    assert second.citing.doi == "10.1000/example.citing.2"  # resolver prefix removed
    assert (third.type, third.confidence, third.section) == ("contrasting", 0.68, "Results")


def test_tab_separated_fixture_with_other_header_spellings() -> None:
    source = load_statements(FIXTURES / "citations.tsv")
    assert source.format == "csv"
    assert [(s.type, s.type_source, s.confidence, s.section) for s in source.statements] == [
        ("mentioning", "source", 0.87, "Introduction"),
        ("supporting", "source", 0.95, "Discussion"),
        ("unclassified", "none", None, None),
    ]
    assert [s.citing.journal for s in source.statements] == ["Example Medicine", "Example Safety", None]
    assert [s.citing.year for s in source.statements] == [2021, 2022, 2020]
    assert source.statements[0].citing.doi == "10.1000/example.citing.7"


@pytest.mark.parametrize(
    "header",
    ["snippet", "Citation Statement", "citation_statement", "STATEMENT", "Text", "citation-context", "Context"],
)
def test_text_column_aliases(header: str) -> None:
    source = read_source(f"{header},type\nMSCs were safe.,supporting\n")
    assert [(s.text, s.type) for s in source.statements] == [("MSCs were safe.", "supporting")]


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    rows = [["citation statement", "classification", "confidence"], ["Safe, and tolerated.", "mentioning", "87%"]]
    text = "\n".join(delimiter.join(f'"{cell}"' for cell in row) for row in rows)
    source = read_source(text)
    assert [(s.text, s.type, s.confidence) for s in source.statements] == [
        ("Safe, and tolerated.", "mentioning", 0.87)
    ]


@pytest.mark.parametrize(("value", "expected"), [("0.87", 0.87), ("87", 0.87), ("87%", 0.87), ("1", 1.0), ("", None)])
def test_confidence_spellings(value: str, expected: float | None) -> None:
    source = read_source(f"snippet,confidence\nSafe.,{value}\n")
    assert source.statements[0].confidence == expected
    assert source.warnings == []


def test_bad_values_keep_the_statement_and_warn() -> None:
    text = "snippet,confidence,year,type\nSafe.,high,20x1,supporting\nAlso safe.,150,2021,maybe\n"
    source = read_source(text)
    assert [(s.text, s.confidence, s.citing.year, s.type) for s in source.statements] == [
        ("Safe.", None, None, "supporting"),
        ("Also safe.", None, 2021, "unclassified"),
    ]
    assert source.statements[1].type_source == "none"
    assert sorted(source.warnings) == [
        "line 2: confidence 'high' is not a number; dropped",
        "line 2: year '20x1' is not a year; dropped",
        "line 3: confidence '150' is out of range; dropped",
        "line 3: unknown citation type 'maybe'; treated as unclassified",
    ]


def test_rows_with_empty_text_are_skipped_with_a_warning() -> None:
    text = "snippet,type\nFirst.,mentioning\n,supporting\n\n   ,mentioning\nLast.,contrasting\n"
    source = read_source(text)
    assert [(s.id, s.text) for s in source.statements] == [("S1", "First."), ("S2", "Last.")]
    assert source.warnings == ["line 3: empty statement text; skipped", "line 5: empty statement text; skipped"]


def test_explicit_unclassified_is_not_a_source_classification() -> None:
    source = read_source("snippet,type\nSafe.,unclassified\n")
    assert (source.statements[0].type, source.statements[0].type_source) == ("unclassified", "none")


def test_preferred_alias_wins_when_two_columns_match() -> None:
    source = read_source("doi,citing doi,title,citing title,snippet\n10.1/a,10.1/b,T1,T2,Safe.\n")
    assert (source.statements[0].citing.doi, source.statements[0].citing.title) == ("10.1/b", "T2")


def test_target_doi_column_fills_the_target() -> None:
    source = read_source("snippet,target doi\nSafe.,10.1/t\nAlso.,10.1/t\n")
    assert source.target.doi == "10.1/t"


def test_missing_text_column_names_the_columns_found() -> None:
    with pytest.raises(InputError, match=r"t.csv: no statement text column .*columns found: 'type', 'section'"):
        read_source("type,section\nmentioning,Discussion\n", input_format="csv", name="t.csv")


def test_detection_needs_known_headers() -> None:
    assert detect_format("snippet\nSafe.\n") == "csv"
    assert detect_format("Type,Section\nmentioning,Results\n") == "csv"
    with pytest.raises(InputError, match="not a citation export"):
        detect_format("Text, in the end, is what we read.\nAnd more prose follows here.\n")


def test_excel_sep_line_and_crlf() -> None:
    source = read_source(b"sep=;\r\nsnippet;type\r\nSafe, really.;mentioning\r\n")
    assert [(s.text, s.type) for s in source.statements] == [("Safe, really.", "mentioning")]


def test_twenty_thousand_rows_read_quickly() -> None:
    rows = "".join(f'"Statement {i} about safety, with a comma.",mentioning,0.9,Discussion\n' for i in range(20_000))
    source = read_source("snippet,type,confidence,section\n" + rows)
    assert len(source.statements) == 20_000
    assert source.statements[-1].id == "S20000"


def test_a_header_without_rows_has_no_statements() -> None:
    with pytest.raises(InputError, match=r"^t.csv: no citation statements found$"):
        read_source("snippet,type\n\n", name="t.csv")


# --- spreadsheets as users make them (issue 13) ---


def test_a_one_column_file_of_sentences_is_detected() -> None:
    text = (FIXTURES / "citations-one-column.csv").read_text()
    assert detect_format(text) == "csv"
    source = load_statements(FIXTURES / "citations-one-column.csv")
    assert [s.text for s in source.statements] == [
        "UC-MSC infusion was safe in all 16 patients, with no serious adverse events.",
        "Shu et al. reported improved oxygenation index after treatment, compared with controls.",
        "Mesenchymal stem cells have been tried in severe COVID-19 (Shu et al., 2020).",
    ]


@pytest.mark.parametrize("header", ["text", "Text", "context", "Sentence", "citance"])
def test_one_column_headers(header: str) -> None:
    text = f"{header}\nMSC infusion was safe in all sixteen patients.\nOxygenation improved after the infusion, too.\n"
    assert detect_format(text) == "csv"
    assert len(read_source(text).statements) == 2


def test_a_word_heading_prose_is_still_not_a_table() -> None:
    with pytest.raises(InputError, match="not a citation export"):
        read_source("Text\nShort.\nLines.\n")


@pytest.mark.parametrize(
    "header",
    [
        "citation_text",
        "Citation Text",
        "citing_sentence",
        "CITING-SENTENCE",
        "citance",
        "sentence",
        "citation sentence",
    ],
)
def test_common_text_headers_are_aliases(header: str) -> None:
    text = f"{header},doi,year\n\"MSC infusion was safe, and oxygenation improved.\",10.1/x,2021\n"
    source = read_source(text, input_format="csv")
    assert [(s.text, s.citing.doi, s.citing.year) for s in source.statements] == [
        ("MSC infusion was safe, and oxygenation improved.", "10.1/x", 2021)
    ]
    assert detect_format(text) == "csv"


def test_a_line_over_the_csv_field_limit_reads_like_the_same_text_in_json() -> None:
    # issue 14: Python's csv refuses fields over 131,072 characters; the same text in JSON is read
    long_text = "MSC infusion was safe. " * 6000
    assert len(long_text) > 131_072
    table = read_source(f'text,type\n"{long_text}",supporting\n', input_format="csv")
    assert table.statements[0].text == long_text


def test_retraction_columns_round_trip_from_the_brief_csv() -> None:
    text = (
        "text,citing_doi,citing_retracted,citing_editorial_notices,self_cite\n"
        '"Safe in all patients.",10.1/r,true,Retracted;Has erratum,false\n'
    )
    (statement,) = read_source(text).statements
    assert (statement.citing.retracted, statement.citing.editorial_notices, statement.self_cite) == (
        True,
        ["Retracted", "Has erratum"],
        False,
    )


def test_rows_citing_several_targets_keep_the_most_cited() -> None:
    text = "snippet,target doi\nOne.,10.1/t\nTwo.,10.1/t\nThree.,10.1/u\n"
    source = read_source(text)
    assert (source.target.doi, [s.text for s in source.statements]) == ("10.1/t", ["One.", "Two."])
    assert "1 statement about 1 other target set aside: 10.1/u (1)" in source.warnings[0]


def test_a_bad_value_repeated_is_warned_of_at_every_row() -> None:
    # each distinct cell is parsed once: the rows that repeat a bad one still each get its warning, with their line
    text = "snippet,year,type\nOne.,20x1,maybe\nTwo.,2021,maybe\nThree.,20x1,supporting\n"
    source = read_source(text)
    assert [(s.citing.year, s.type) for s in source.statements] == [
        (None, "unclassified"),
        (2021, "unclassified"),
        (None, "supporting"),
    ]
    assert source.warnings == [
        "line 2: unknown citation type 'maybe'; treated as unclassified",
        "line 2: year '20x1' is not a year; dropped",
        "line 3: unknown citation type 'maybe'; treated as unclassified",
        "line 4: year '20x1' is not a year; dropped",
    ]


def test_rows_with_the_same_notices_get_lists_of_their_own() -> None:
    text = "text,citing_editorial_notices\nOne.,Retracted;Has erratum\nTwo.,Retracted;Has erratum\n"
    first, second = read_source(text).statements
    assert first.citing.editorial_notices == second.citing.editorial_notices == ["Retracted", "Has erratum"]
    assert first.citing.editorial_notices is not second.citing.editorial_notices


def test_a_table_read_in_batches_is_numbered_and_built_as_one_statement_at_a_time() -> None:
    # the statements are validated a batch at a time: over several batches they are numbered on, and each is the
    # statement StatementMaker.add makes of the same values (the fields set included)
    rows = "".join(f"Statement {i}.,mentioning,0.9,Results,10.1/{i % 7},{2000 + i % 20}\n" for i in range(2_500))
    source = read_source("snippet,type,confidence,section,citing doi,year\n" + rows)
    assert [s.id for s in source.statements] == [f"S{i}" for i in range(1, 2_501)]
    maker = StatementMaker("t.csv")
    for i in (0, 1_023, 1_024, 2_499):
        made = maker.add(
            f"Statement {i}.",
            citing=Citing(doi=f"10.1/{i % 7}", title=None, year=2000 + i % 20, journal=None),
            section="Results",
            statement_type="mentioning",
            type_source="source",
            confidence=0.9,
            self_cite=None,
        )
        read = source.statements[i]
        assert read.model_dump(exclude={"id"}) == made.model_dump(exclude={"id"})
        assert (read.model_fields_set, read.citing.model_fields_set) == (
            made.model_fields_set,
            made.citing.model_fields_set,
        )
