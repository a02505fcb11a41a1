"""The project's own JSON Lines: reading, writing and the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError
from summarizer.models import Citing, Source, Statement, Target
from summarizer.readers import detect_format, load_statements, read_source, write_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
EXAMPLE = Path(__file__).parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


def test_fixture() -> None:
    source = load_statements(FIXTURES / "statements.jsonl")
    assert source.format == "jsonl"
    assert source.target.doi == "10.21203/rs.3.rs-62218/v1"
    assert source.target.reported_tallies.statements == 14
    assert [(s.id, s.type, s.type_source, s.occurrences) for s in source.statements] == [
        ("S1", "supporting", "source", 2),
        ("S2", "unclassified", "none", 1),
        ("S3", "unclassified", "none", 1),
    ]
    assert source.statements[0].citing == Citing(doi="10.1000/example.citing.1", year=2021)
    assert (source.statements[2].intents, source.statements[2].is_influential) == (["result"], True)


# fixtures that are refused on purpose: error bodies, a /references response, an example without snippets
_REFUSED = {"s2-error-not-found.json", "s2-error-timeout.json", "s2-references-documented.json"}
_REFUSED |= {"scite-citations-external-example.json"}


# the full-text fixtures (articles) are read with the target they cite
_FULL_TEXT_TARGETS = {"jats-article.xml": "10.1000/ref.5", "tei-article.xml": "10.1000/ref.4"}


def test_round_trip_of_every_format() -> None:
    for path in [EXAMPLE, *sorted(FIXTURES.glob("*.*"))]:
        if path.suffix == ".md" or path.name in _REFUSED:
            continue
        original = load_statements(path, target=_FULL_TEXT_TARGETS.get(path.name))
        text = write_jsonl(original)
        assert detect_format(text) == "jsonl"
        again = read_source(text)
        assert again.target == original.target, path
        assert again.statements == original.statements, path


def test_written_lines() -> None:
    source = load_statements(EXAMPLE)
    lines = write_jsonl(source).splitlines()
    assert len(lines) == 5
    assert lines[0].startswith('{"record":"target","format":"scite-page","target":{"doi":"10.21203/rs.3.rs-62218/v1"')
    assert all(line.startswith('{"record":"statement","id":"S') for line in lines[1:])


def test_statement_lines_only() -> None:
    text = '{"record":"statement","text":"Safe.","type":"mentioning"}\n{"record":"statement","text":"Also."}\n'
    source = read_source(text)
    assert source.target == Target()
    assert [(s.id, s.text, s.type_source) for s in source.statements] == [
        ("S1", "Safe.", "source"),
        ("S2", "Also.", "none"),
    ]
    assert detect_format(text.splitlines()[0]) == "jsonl"  # a single line is also plain JSON


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"record":"statement","text":"Safe."}\n{not json}\n', "line 2 is not valid JSON"),
        ('{"record":"statement","text":"Safe."}\n\n[1, 2]\n', "line 3 is not a JSON object"),
        ('{"record":"statement","text":"Safe.","type":"great"}\n', "line 1 is not a valid statement (type:"),
        ('{"record":"statement","text":"Safe.","colour":"red"}\n', "line 1 is not a valid statement (colour:"),
        ('{"record":"statement","text":"Safe.","confidence":2}\n', "line 1 is not a valid statement (confidence:"),
        ('{"record":"target","target":{}}\n{"record":"target","target":{}}\n', "line 2 is a second target record"),
        ('{"record":"target","target":{"doi":"x","pages":3}}\n', "line 1 is not a valid target"),
        ('{"record":"statement","text":"Safe."}\n{"record":"note"}\n', "line 2 has an unknown record type 'note'"),
    ],
)
def test_bad_lines_name_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_source(text, input_format="jsonl", name="s.jsonl")
    assert str(caught.value).startswith(f"s.jsonl: {message}")


def test_empty_text_lines_are_skipped_with_a_warning() -> None:
    source = read_source('{"record":"statement","text":"  "}\n{"record":"statement","text":"Safe."}\n')
    assert [(s.id, s.text) for s in source.statements] == [("S1", "Safe.")]
    assert source.warnings == ["line 1: empty statement text; skipped"]


def test_line_separator_characters_stay_inside_their_line() -> None:
    statement = Statement(id="S1", text="Before\u2028after\u2029end\x85.", type="mentioning")
    text = write_jsonl(Source(format="csv", statements=[statement]))
    assert len(text.splitlines()) == 2
    assert read_source(text).statements == [statement]


_texts = st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(_texts, min_size=1, max_size=5),
    confidence=st.none() | st.floats(min_value=0, max_value=1),
    title=st.none() | st.text(),
)
def test_round_trip_property(texts: list[str], confidence: float | None, title: str | None) -> None:
    statements = [
        Statement(id=f"S{i}", text=text, type="contrasting", confidence=confidence, occurrences=i)
        for i, text in enumerate(texts, start=1)
    ]
    source = Source(format="csv", target=Target(title=title, year=2020), statements=statements)
    again = read_source(write_jsonl(source).encode("utf-8"), input_format="jsonl")
    assert again.target == source.target
    assert again.statements == source.statements
