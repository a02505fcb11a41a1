"""The jats reader: the target's entries, every in-text citation of them, sentences as printed, XML safety.

The small articles here are fixtures written for these tests (modelled on the hard cases that
../shared/data/jats/README.md lists); the tests at the end read the real articles there, and skip without them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.readers import detect_format, list_references, load_statements, read_source
from summarizer.readers.limits import ReadLimits

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "jats"
DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.1 20151215//EN" '
    '"JATS-archivearticle1.dtd">'
)
TARGET = "10.1056/NEJMoa0805715"


def ref(number: int, extra: str = "", title: str | None = None, year: int = 2001) -> str:
    title = title or f"A study number {number} of something"
    return (
        f'<ref id="B{number}"><label>{number}</label><element-citation publication-type="journal">'
        f"<person-group><name><surname>Author{number}</surname></name></person-group>"
        f"<article-title>{title}</article-title><source>J Test</source><year>{year}</year>{extra}"
        "</element-citation></ref>"
    )


def article(body: str, refs: str, meta: str = "", extra: str = "", article_type: str = "research-article") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{DOCTYPE}'
        f'<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="{article_type}"><front>'
        "<journal-meta><journal-title-group><journal-title>Journal of Tests</journal-title></journal-title-group>"
        '</journal-meta><article-meta><article-id pub-id-type="doi">10.1000/CITING.1</article-id>'
        '<article-id pub-id-type="pmc">PMC1234567</article-id>'
        "<title-group><article-title>The citing article</article-title></title-group>"
        f'<pub-date pub-type="epub"><year>2015</year></pub-date>{meta}</article-meta></front>'
        f"<body>{body}</body><back><ref-list>{refs}</ref-list></back>{extra}</article>"
    )


def x(n: int, text: str | None = None) -> str:
    return f'<xref ref-type="bibr" rid="B{n}">{text if text is not None else n}</xref>'


TEN_REFS = "".join(ref(n, f'<pub-id pub-id-type="doi">10.1000/ref.{n}</pub-id>') for n in range(1, 11))


def texts(body: str, target: str = "10.1000/ref.5", refs: str = TEN_REFS, **kwargs: str) -> list[str]:
    source = read_source(article(body, refs, **kwargs), target=target)
    return [s.text for s in source.statements]


def sec(text: str, title: str = "Introduction") -> str:
    return f"<sec><title>{title}</title><p>{text}</p></sec>"


# --- detection and the target -----------------------------------------------------------------------------------


def test_detected_from_content() -> None:
    assert detect_format(article(sec("Text."), ref(1))) == "jats"


def test_a_target_is_needed() -> None:
    with pytest.raises(InputError, match="name the one to brief with --target"):
        read_source(article(sec(f"Text [{x(1)}]."), ref(1)))


@pytest.mark.parametrize(
    "given",
    ["10.1000/REF.5", "doi:10.1000/ref.5", "https://doi.org/10.1000/ref.5", "http://dx.doi.org/10.1000/ref.5"],
)
def test_target_doi_normalised(given: str) -> None:
    assert texts(sec(f"Cited here [{x(5)}]."), target=given) == ["Cited here [5]."]


@pytest.mark.parametrize(
    "entry",
    [
        '<pub-id pub-id-type="doi">doi:10.1000/T.1</pub-id>',
        '<object-id pub-id-type="doi">10.1000/t.1</object-id>',
        '<ext-link ext-link-type="uri" xlink:href="http://dx.doi.org/10.1000/t.1">http://dx.doi.org/10.1000/t.1</ext-link>',
        "<comment>doi: 10.1000/t.1</comment>",
        " doi:10.1000/t.1.",  # PLOS: the DOI as plain text of the citation
    ],
)
def test_target_found_wherever_the_entry_gives_its_doi(entry: str) -> None:
    refs = ref(1) + ref(2, entry)
    assert texts(sec(f"It was shown [{x(2)}]."), target="10.1000/t.1", refs=refs) == ["It was shown [2]."]


def test_link_text_wins_over_a_wrong_href() -> None:
    # elife00007 bib3: the link's target disagrees with its text; the text is right
    entry = '<ext-link ext-link-type="doi" xlink:href="http://dx.doi.org/10.9999/wrong">10.1000/right</ext-link>'
    refs = ref(1, entry)
    assert texts(sec(f"Shown [{x(1)}]."), target="10.1000/right", refs=refs) == ["Shown [1]."]
    with pytest.raises(InputError, match="no article among the input cites"):
        texts(sec(f"Shown [{x(1)}]."), target="10.9999/wrong", refs=refs)


def test_target_by_pmid_and_pmcid() -> None:
    refs = ref(1, '<pub-id pub-id-type="pmid">19516034</pub-id>') + ref(2, '<pub-id pub-id-type="pmcid">PMC42</pub-id>')
    body = sec(f"First [{x(1)}]. Second [{x(2)}].")
    assert texts(body, target="PMID:19516034", refs=refs) == ["First [1]."]
    assert texts(body, target="PMCID:PMC42", refs=refs) == ["Second [2]."]


def test_target_by_title_and_year() -> None:
    refs = ref(1) + ref(2, title="Statistical methods for assessing agreement: two methods!", year=1986)
    body = sec(f"Agreement was assessed [{x(2)}].")
    source = read_source(
        article(body, refs),
        target="10.1016/S0140-6736(86)90837-8",
        target_title="Statistical Methods for Assessing Agreement - Two Methods",
    )
    assert [s.text for s in source.statements] == ["Agreement was assessed [2]."]
    with pytest.raises(InputError, match="no article"):
        read_source(article(body, refs), target="10.1016/S0140-6736(86)90837-8")


def test_two_entries_of_one_article_both_count() -> None:
    refs = ref(1, '<pub-id pub-id-type="doi">10.1000/t</pub-id>') + ref(
        2, '<pub-id pub-id-type="doi">10.1000/T</pub-id>'
    )
    assert texts(sec(f"One [{x(1)}]. Two [{x(2)}]."), target="10.1000/t", refs=refs) == ["One [1].", "Two [2]."]


# --- in-text citations: ranges, brackets, superscripts ------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        f"[{x(3)}–{x(7)}]",  # en dash, brackets outside the xref (BMC, MDPI, Oncotarget)
        f"[{x(3)}&#x2013;{x(7)}]",  # the same as a character reference
        f"[{x(3)}-{x(7)}]",  # hyphen
        f"{x(3, '[3]')}–{x(7, '[7]')}",  # brackets inside the xref (older PLOS), ]–[
        f"<sup>{x(3)}– {x(7)}</sup>",  # a dash and a space inside <sup>
        f"<sup>{x(3)}</sup>–<sup>{x(7)}</sup>",
        '[<xref ref-type="bibr" rid="B3">3–7</xref>]',  # the range inside one xref
        '<xref ref-type="bibr" rid="B3 B4 B5 B6 B7"><sup>3–7</sup></xref>',  # <sup> inside the xref
    ],
)
def test_ranges_of_every_form(marker: str) -> None:
    assert texts(sec(f"Several studies agree {marker}. Nothing else here."))[0].startswith("Several studies agree")


def test_range_outside_the_span_is_not_cited() -> None:
    with pytest.raises(InputError):
        texts(sec(f"Several studies agree [{x(6)}–{x(8)}]."))


def test_a_page_range_in_one_citation_is_no_range() -> None:
    body = sec(f"As reported [{x(1, '1: 290–293')}].")
    with pytest.raises(InputError):
        texts(body)
    assert texts(body, target="10.1000/ref.1") == ["As reported [1: 290–293]."]


def test_range_order_is_the_reference_list_order() -> None:
    counts = {r["number"]: r["citations"] for r in _references(sec(f"Many [{x(2)}–{x(4)}], and [{x(9)}]."))}
    assert counts == {1: 0, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1, 10: 0}


def _references(body: str, tmp_dir: Path | None = None) -> list[dict[str, object]]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.xml"
        path.write_text(article(body, TEN_REFS), encoding="utf-8")
        return list_references([path])


# --- sentences --------------------------------------------------------------------------------------------------


def test_sentence_as_printed_with_markers() -> None:
    body = sec(
        f"Smith et al. showed in Fig. 2 that 3.5 mg vs. placebo, e.g. in mice, helps [{x(5)}]. The next sentence."
    )
    assert texts(body) == ["Smith et al. showed in Fig. 2 that 3.5 mg vs. placebo, e.g. in mice, helps [5]."]


def test_glued_sentences_are_split() -> None:
    body = sec(f"Pooled before [{x(4)}–{x(6)}].The pooled estimate was large. In cancer[{x(5)}]. We saw more.")
    assert texts(body) == ["Pooled before [4–6].", "In cancer[5]."]


def test_marker_after_the_full_stop_stays_with_its_sentence() -> None:
    body = sec(f"The effect was large.<sup>{x(5)}</sup> Another sentence follows here.")
    assert texts(body) == ["The effect was large.5"]
    body = sec(f"The effect was large. [{x(5)}] Another sentence follows here.")
    assert texts(body) == ["The effect was large. [5]"]


def test_a_sentence_citing_twice_is_one_statement() -> None:
    assert texts(sec(f"First [{x(5)}] and again [{x(5)}]. Other.")) == ["First [5] and again [5]."]


def test_pretty_printed_whitespace_is_normalised() -> None:
    body = sec(f"\n\t\tThe   virus\n\t\tspread\n\t\t{x(5, '[5]')}\n\t\t. Next one.")
    assert texts(body) == ["The virus spread [5]."]


def test_author_year_narrative_and_parenthetical() -> None:
    body = sec(
        f"As {x(5, 'Dobzhansky (1973)')} argued, nothing makes sense. Also ({x(5, 'Smith et al., 2001')}; "
        f"{x(6, 'Jones, 2003')}). Unrelated."
    )
    assert texts(body) == [
        "As Dobzhansky (1973) argued, nothing makes sense.",
        "Also (Smith et al., 2001; Jones, 2003).",
    ]


def test_frontiers_year_only_xref() -> None:
    body = sec(f"It is expressed in T cells (Holling et al., {x(5, '2002')}; Wong et al., {x(6, '2003')}). Other.")
    assert texts(body) == ["It is expressed in T cells (Holling et al., 2002; Wong et al., 2003)."]


# --- what is a statement, and where ----------------------------------------------------------------------------


def test_sections_and_captions() -> None:
    body = (
        sec(f"Intro text [{x(5)}].", "Introduction") + "<sec><title>Methods</title><sec><title>Assays</title>"
        f"<p>We used the assay [{x(5)}].</p></sec></sec>"
        f'<fig id="f2"><label>Figure 2</label><caption><title>Growth.</title><p>Data from [{x(5)}].</p></caption></fig>'
    )
    source = read_source(article(body, TEN_REFS), target="10.1000/ref.5")
    assert [(s.section, s.text) for s in source.statements] == [
        ("Introduction", "Intro text [5]."),
        ("Assays", "We used the assay [5]."),
        ("Figure 2 caption", "Data from [5]."),
    ]


def test_fig_inside_p_does_not_break_the_sentence_around_it() -> None:
    body = sec(
        f"The result holds [{x(5)}]"
        f'<fig id="f1"><label>Figure 1</label><caption><p>A caption citing [{x(5)}].</p></caption></fig>'
        " across sites. More text."
    )
    assert texts(body) == ["The result holds [5] across sites.", "A caption citing [5]."]


def test_sub_articles_and_the_reference_list_are_no_statements() -> None:
    sub = (
        '<sub-article article-type="decision-letter"><front-stub><title-group><article-title>Decision letter'
        f"</article-title></title-group></front-stub><body><p>The reviewers cite [{x(5)}].</p></body></sub-article>"
    )
    assert texts(sec(f"Main text [{x(5)}]."), extra=sub) == ["Main text [5]."]


def test_citing_metadata_and_notices() -> None:
    meta = '<related-article related-article-type="retraction-forward" xlink:href="10.1000/notice"/>'
    source = read_source(article(sec(f"Text [{x(5)}]."), TEN_REFS, meta=meta), target="10.1000/ref.5")
    citing = source.statements[0].citing
    assert citing.doi == "10.1000/citing.1"
    assert citing.title == "The citing article"
    assert citing.year == 2015
    assert citing.journal == "Journal of Tests"
    assert citing.retracted is True
    assert citing.editorial_notices == ["Retracted"]
    assert source.statements[0].type == "unclassified"
    assert source.target.doi == "10.1000/ref.5"


# --- several articles -------------------------------------------------------------------------------------------


def test_several_articles_one_set_with_a_warning_for_one_that_does_not_cite(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(article(sec(f"A cites it [{x(5)}]."), TEN_REFS))
    (tmp_path / "b.xml").write_text(article(sec(f"B cites another [{x(1)}]."), ref(1)))
    (tmp_path / "c.xml").write_text(article(sec(f"C cites it too [{x(5)}]."), TEN_REFS))
    source = load_statements([tmp_path], target="10.1000/ref.5")
    assert [s.text for s in source.statements] == ["A cites it [5].", "C cites it too [5]."]
    assert any("b.xml does not cite 10.1000/ref.5" in w for w in source.warnings)
    with pytest.raises(InputError, match="no article among the input cites 10.9999/none"):
        load_statements([tmp_path], target="10.9999/none")


def test_an_identifier_learnt_from_one_article_finds_the_target_in_another(tmp_path: Path) -> None:
    both = ref(1, '<pub-id pub-id-type="doi">10.1000/t</pub-id><pub-id pub-id-type="pmid">99</pub-id>')
    pmid_only = ref(1, '<pub-id pub-id-type="pmid">99</pub-id>')
    (tmp_path / "a.xml").write_text(article(sec(f"A [{x(1)}]."), both))
    (tmp_path / "b.xml").write_text(article(sec(f"B [{x(1)}]."), pmid_only))
    source = load_statements([tmp_path / "a.xml", tmp_path / "b.xml"], target="10.1000/t")
    assert [s.text for s in source.statements] == ["A [1].", "B [1]."]


# --- the command line and XML safety ---------------------------------------------------------------------------


def test_cli_extract_needs_a_target_and_lists_references(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.xml"
    path.write_text(article(sec(f"Text [{x(5)}]."), TEN_REFS))
    assert main(["extract", str(path)]) == 2
    assert "--target" in capsys.readouterr().err
    assert main(["extract", str(path), "--references"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:4] == ["article", "number", "citations", "ids"]
    assert lines[5].split("\t")[1:4] == ["5", "1", "10.1000/ref.5"]
    assert main(["extract", str(path), "--input-format", "jats", "--target", "10.1000/ref.5"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[1]["text"] == "Text [5]."


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><article><body><p>&c;</p></body></article>'
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY e SYSTEM "file:///etc/passwd">'
    '<!ENTITY w SYSTEM "http://127.0.0.1:9/x">]><article><body><p>&e;&w;</p></body></article>'
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (LAUGHS, "declares its own entities"),
        (EXTERNAL, "declares its own entities"),
        (article(sec("Text."), TEN_REFS)[:500], "not well-formed XML"),
    ],
)
def test_unsafe_or_broken_xml_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content)
    assert main(["extract", str(path), "--input-format", "jats", "--target", "10.1/x"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_text("<article>" + " " * 5000 + "</article>")
    with pytest.raises(InputError, match="larger than the limit"):
        load_statements(path, target="10.1/x", limits=ReadLimits(max_bytes=1000))


@pytest.mark.parametrize("repeat", [2_000, 8_000])
def test_a_huge_paragraph_citing_the_target_everywhere_is_read_in_linear_time(repeat: int) -> None:

    body = sec(f"The drug helps [{x(5)}]. " * repeat)
    best = min(_timed(body) for _ in range(2))
    assert best < 0.5 * repeat / 1000 + 1.0, f"{best:.2f} s for {repeat} sentences"


def _timed(body: str) -> float:
    import time

    start = time.process_time()  # CPU time: the load of other processes does not count
    texts(body)
    return time.process_time() - start


def test_the_public_doctype_is_read_past_never_fetched() -> None:
    # the DOCTYPE names a DTD by a relative path and a public id: reading it would fail here
    assert texts(sec(f"Text &nbsp;with an entity [{x(5)}].")) == ["Text with an entity [5]."]


# --- the real articles ------------------------------------------------------------------------------------------

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"the real articles are not here ({DATA})")


@needs_data
def test_real_zika_target_across_three_articles() -> None:
    files = [
        DATA / n for n in ("PMC3289602_zika_plosntd.xml", "PMC3310457_zika_eid.xml", "PMC3321795_vectorborne_eid.xml")
    ]
    source = load_statements(files, target=TARGET)
    by_article = {s.citing.doi for s in source.statements}
    assert by_article == {"10.1371/journal.pntd.0001477", "10.3201/eid1509.090442", "10.3201/eid1705.110310"}
    assert "as suggested by Duffey et al. [9]." in " ".join(s.text for s in source.statements)


@needs_data
def test_real_frontiers_year_only_and_sub_articles() -> None:
    source = load_statements(DATA / "elife00007.xml", target="10.1126/science.291.5511.2141")
    assert all(s.section for s in source.statements)
    assert not any("decision" in (s.section or "").lower() for s in source.statements)


def test_a_title_alone_names_the_target_and_a_cut_title_still_matches() -> None:
    long_title = "Statistical methods for assessing agreement between two methods of clinical measurement"
    refs = ref(1) + ref(2, title=long_title, year=1986)
    body = sec(f"Agreement was assessed [{x(2)}].")
    cut = "statistical methods for assessing agreement between two methods of cli"
    source = read_source(article(body, refs), target_title=cut)
    assert [s.text for s in source.statements] == ["Agreement was assessed [2]."]
    with pytest.raises(InputError):  # too short to be sure once cut: no match
        read_source(article(body, refs), target_title="Statistical methods for")
