"""The tei reader (GROBID's TEI XML). The small documents here are fixtures written in GROBID's shape; the tests at
the end read GROBID's real output in ../shared/data/jats/tei and skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.readers import detect_format, list_references, load_statements, read_source

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "jats"


def bibl(n: int, doi: str | None = None, title: str | None = None, year: int = 2010) -> str:
    idno = f'<idno type="DOI">{doi}</idno>' if doi else ""
    return (
        f'<biblStruct xml:id="b{n}"><analytic><title level="a" type="main">{title or f"Paper number {n} here"}'
        f"</title><author><persName><surname>Au{n}</surname></persName></author>{idno}</analytic>"
        f'<monogr><title level="j">J Test</title><imprint><date type="published" when="{year}"/></imprint>'
        "</monogr></biblStruct>"
    )


def tei(body: str, bibls: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TEI xml:space="preserve" xmlns="http://www.tei-c.org/ns/1.0"><teiHeader xml:lang="en"><fileDesc>'
        '<titleStmt><title level="a" type="main">The citing paper</title></titleStmt>'
        '<publicationStmt><date type="published" when="2016-03-08">2016-03-08</date></publicationStmt>'
        '<sourceDesc><biblStruct><analytic><title level="a" type="main">The citing paper</title>'
        '<idno type="DOI">10.1186/S12984-016-0129-6</idno></analytic><monogr><title level="j">J NeuroEng</title>'
        "<imprint/></monogr></biblStruct></sourceDesc></fileDesc>"
        "<profileDesc><abstract><div><p>Abstract text.</p></div></abstract></profileDesc></teiHeader>"
        f'<text xml:lang="en"><body>{body}</body><back><div type="references"><listBibl>{bibls}</listBibl></div>'
        "</back></text></TEI>"
    )


def r(n: int, text: str | None = None) -> str:
    return f'<ref type="bibr" target="#b{n}">{text if text is not None else f"[{n + 1}]"}</ref>'


BIBLS = "".join(bibl(n, f"10.1000/ref.{n + 1}") for n in range(8))


def div(text: str, head: str = "Introduction") -> str:
    return f'<div xmlns="http://www.tei-c.org/ns/1.0"><head n="1">{head}</head><p>{text}</p></div>'


def texts(body: str, target: str = "10.1000/ref.4", bibls: str = BIBLS) -> list[tuple[str | None, str]]:
    source = read_source(tei(body, bibls), target=target)
    return [(s.section, s.text) for s in source.statements]


def test_detected_and_needs_a_target() -> None:
    document = tei(div(f"Text {r(3)}."), BIBLS)
    assert detect_format(document) == "tei"
    with pytest.raises(InputError, match="--target"):
        read_source(document)


def test_citations_and_sections() -> None:
    body = div(f"FES helps in stroke {r(3)}, tremor {r(1)}.") + div(f"We stimulated {r(3)}. Then more.", "Methods")
    assert texts(body) == [("Introduction", "FES helps in stroke [4], tremor [2]."), ("Methods", "We stimulated [4].")]


def test_grobid_split_markers_and_ranges() -> None:
    # GROBID writes "[3,4]" as two refs, "[10-12]" as consecutive refs, or leaves the dash between them
    body = div(f"Multiple sclerosis {r(2, '[3,')}{r(3, '4]')} is one. Another {r(1, '[2]')}–{r(5, '[6]')} here.")
    assert texts(body) == [
        ("Introduction", "Multiple sclerosis [3,4] is one."),
        ("Introduction", "Another [2]–[6] here."),
    ]


def test_figure_descriptions_are_captions() -> None:
    body = div("Text.") + (
        '<figure xmlns="http://www.tei-c.org/ns/1.0" xml:id="fig_0"><head>Fig. 1</head><label>1</label>'
        f"<figDesc>Electrode layout as in {r(3)}.</figDesc></figure>"
    )
    assert texts(body) == [("Fig. 1 caption", "Electrode layout as in [4].")]


def test_citing_metadata_from_the_header() -> None:
    source = read_source(tei(div(f"Text {r(3)}."), BIBLS), target="10.1000/ref.4")
    citing = source.statements[0].citing
    assert (citing.doi, citing.title, citing.year, citing.journal) == (
        "10.1186/s12984-016-0129-6",
        "The citing paper",
        2016,
        "J NeuroEng",
    )


def test_title_match_where_grobid_found_no_doi() -> None:
    bibls = bibl(0) + bibl(1, title="Statistical methods for assessing agreement between two methods", year=1986)
    body = div(f"Agreement {r(1, '(Bland and Altman, 1986)')} was high.")
    with pytest.raises(InputError):  # no title given: nothing to match by
        read_source(tei(body, bibls), target="10.1016/S0140-6736(86)90837-8")
    with pytest.raises(InputError):  # another title: no match
        read_source(
            tei(body, bibls),
            target="10.1016/S0140-6736(86)90837-8",
            target_title="Statistical methods for assessing agreement between three raters",
        )
    source = read_source(
        tei(body, bibls),
        target="10.1016/S0140-6736(86)90837-8",
        target_title="Statistical Methods for Assessing Agreement Between Two Methods.",
    )
    assert [s.text for s in source.statements] == ["Agreement (Bland and Altman, 1986) was high."]


def test_references_listing(tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_text(tei(div(f"Text {r(3)} and {r(3)}."), BIBLS), encoding="utf-8")
    rows = list_references([path])
    assert [(row["number"], row["citations"]) for row in rows][:4] == [(1, 0), (2, 0), (3, 0), (4, 2)]
    assert rows[3]["ids"] == ["10.1000/ref.4"]


needs_data = pytest.mark.skipif(not (DATA / "tei").is_dir(), reason=f"GROBID's real output is not here ({DATA})")


@needs_data
def test_real_grobid_output_with_a_doi_target() -> None:
    path = DATA / "tei" / "grobid061_jneuroeng_0046d83a.tei.xml"
    source = load_statements(path, target="10.1016/j.medengphy.2005.03.010")
    assert len(source.statements) == 2
    assert all(s.citing.doi == "10.1186/s12984-016-0129-6" and s.section for s in source.statements)


@needs_data
def test_the_same_article_in_jats_and_tei() -> None:
    # GROBID's reading of actaoncol_sonc50-621.nxml: the same paper, by title, in both formats
    jats = load_statements(DATA / "actaoncol_sonc50-621.nxml", target="PMID:17014460")
    assert jats.statements
    tei_rows = list_references([DATA / "tei" / "grobid056_sonc50-621.tei.xml"])
    assert any(row["citations"] for row in tei_rows)
