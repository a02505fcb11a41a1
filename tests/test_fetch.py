"""`summarizer fetch` and `brief --paper` against local stand-ins of Semantic Scholar and scite (citation_server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from citation_server import CitationServer, fetch_config, make_corpus

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.fetch import parse_paper_id
from summarizer.fetch.http import retry_after_seconds

S2_KEY = "s2-key-for-tests-0123456789"
SCITE_TOKEN = "scite-token-for-tests-9876543210"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config with a fast rate limit and retries, a private HTTP cache, and no keys from the real environment."""
    for name in ("S2_API_KEY", "SCITE_API_TOKEN", "SUMMARIZER_S2_URL", "SUMMARIZER_SCITE_URL"):
        monkeypatch.delenv(name, raising=False)
    return fetch_config(tmp_path)


def _jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _point_at(server: CitationServer, monkeypatch: pytest.MonkeyPatch, s2_key: bool = True) -> None:
    monkeypatch.setenv("SUMMARIZER_S2_URL", server.s2_url)
    monkeypatch.setenv("SUMMARIZER_SCITE_URL", server.scite_url)
    if s2_key:
        monkeypatch.setenv("S2_API_KEY", S2_KEY)


def test_fetch_reads_every_context_across_pages_through_429s_with_the_key_and_caches(
    citing_sentences: list[str],
    env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = make_corpus(
        citing_sentences, targets=1, citing_per_target=250, contexts_per_citing=2, withheld_every=25
    )
    paper = corpus[0]
    with CitationServer(corpus, p429=0.15, retry_after="0", retry_after_share=0.5, seed=3) as server:
        _point_at(server, monkeypatch)
        out = tmp_path / "statements.jsonl"
        assert main(["fetch", paper.doi, "-o", str(out), "--config", str(env)]) == 0
        first = list(server.log)
        err = capsys.readouterr().err

        records = _jsonl(out.read_text(encoding="utf-8"))
        statements = [r for r in records if r["record"] == "statement"]
        got = {(s["citing"]["doi"], s["text"]) for s in statements}  # type: ignore[index]
        assert got == set(paper.contexts()), "every context of every page is read"
        assert records[0]["target"]["title"] == paper.title  # type: ignore[index]

        pages = [r for r in first if r.path.endswith("/citations") and r.status == 200]
        assert len(pages) == 3, "250 citing papers in pages of 100"
        assert sum(r.status == 429 for r in first) >= 1, "the seeded 15% of 429s hit this fetch"
        assert all(r.api_key == S2_KEY for r in first), "the key goes with every request, retries included"
        assert "10 citing papers came without citation contexts" in err

        assert main(["fetch", paper.doi, "-o", str(tmp_path / "again.jsonl"), "--config", str(env)]) == 0
        assert server.log == first, "an identical fetch within the cache's lifetime makes no request"
        assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
        assert "0 requests sent" in capsys.readouterr().err

        assert main(["fetch", paper.doi, "-o", str(tmp_path / "fresh.jsonl"), "--refresh", "--config", str(env)]) == 0
        assert len(server.log) > len(first), "--refresh asks the service again"

    cache = (tmp_path / "http-cache.sqlite3").read_bytes()
    assert S2_KEY.encode() not in cache, "the key is never written to the cache"


@pytest.mark.parametrize("form", ["doi:{doi}", "https://doi.org/{doi}", "{DOI}", "PMID:{pmid}"])
def test_fetch_takes_every_id_form(
    form: str,
    citing_sentences: list[str],
    env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=3)
    paper = corpus[0]
    with CitationServer(corpus) as server:
        _point_at(server, monkeypatch)
        given = form.format(doi=paper.doi, DOI=paper.doi.upper(), pmid=paper.pmid)
        assert main(["fetch", given, "--config", str(env), "--quiet"]) == 0
    records = _jsonl(capsys.readouterr().out)
    assert records[0]["target"]["doi"] == paper.doi  # type: ignore[index]
    assert len(records) == 4


def test_unknown_paper_is_exit_2_with_the_service_message(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with CitationServer(make_corpus(citing_sentences, targets=1, citing_per_target=2)) as server:
        _point_at(server, monkeypatch)
        assert main(["fetch", "10.9999/nothing.here", "--config", str(env)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, "one line"
    assert "Paper with id DOI:10.9999/nothing.here not found (404)" in err


def test_without_a_key_the_user_is_told_and_no_key_is_sent(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=2)
    with CitationServer(corpus) as server:
        _point_at(server, monkeypatch, s2_key=False)
        assert main(["fetch", corpus[0].doi, "--config", str(env)]) == 0
        assert all(r.api_key is None for r in server.log)
    assert "no S2_API_KEY set" in capsys.readouterr().err


def test_a_service_that_keeps_failing_is_exit_2(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=2)
    with CitationServer(corpus, p429=1.0, retry_after=None) as server:
        _point_at(server, monkeypatch)
        assert main(["fetch", corpus[0].doi, "--config", str(env)]) == 2
        assert len(server.log) == 7, "the first try and 6 retries"
    assert "Semantic Scholar keeps failing (429: Too Many Requests) after 6 retries" in capsys.readouterr().err


def test_a_retry_after_beyond_the_limit_is_not_waited_for(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=2)
    with CitationServer(corpus, p429=1.0, retry_after="3600", retry_after_share=1.0) as server:
        _point_at(server, monkeypatch)
        assert main(["fetch", corpus[0].doi, "--config", str(env)]) == 2
        assert len(server.log) == 1
    assert "asks to wait 3600 s" in capsys.readouterr().err


def test_a_paper_whose_contexts_are_all_withheld_is_a_clear_error(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=3, withheld_every=1)
    with CitationServer(corpus) as server:
        _point_at(server, monkeypatch)
        assert main(["fetch", corpus[0].doi, "--config", str(env)]) == 2
    assert "lists 3 citing papers but no citation context" in capsys.readouterr().err


def test_scite_sends_the_token_as_bearer_and_pages_by_offset(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=50, contexts_per_citing=2)
    paper = corpus[0]
    with CitationServer(corpus, scite_token=SCITE_TOKEN) as server:
        _point_at(server, monkeypatch)
        monkeypatch.setenv("SCITE_API_TOKEN", SCITE_TOKEN)
        assert main(["fetch", paper.doi, "--source", "scite", "--config", str(env)]) == 0
        citing = [r for r in server.log if "citations/citing" in r.path]
        assert [r.query["offset"] for r in citing] == ["0", "40", "80"]
        assert all(r.authorization == f"Bearer {SCITE_TOKEN}" for r in server.log)
    records = _jsonl(capsys.readouterr().out)
    statements = [r for r in records if r["record"] == "statement"]
    assert {(s["citing"]["doi"], s["text"]) for s in statements} == set(paper.contexts())  # type: ignore[index]
    assert records[0]["target"]["title"] == paper.title  # type: ignore[index]


def test_scite_without_a_token_reports_the_refusal(
    citing_sentences: list[str], env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=2)
    with CitationServer(corpus, scite_token=SCITE_TOKEN) as server:
        _point_at(server, monkeypatch)
        assert main(["fetch", corpus[0].doi, "--source", "scite", "--config", str(env)]) == 2
        assert main(["fetch", f"PMID:{corpus[0].pmid}", "--source", "scite", "--config", str(env)]) == 2
    err = capsys.readouterr().err
    assert "no SCITE_API_TOKEN set" in err
    assert "scite: Not authenticated (401)" in err
    assert "scite finds papers by DOI only" in err


def test_brief_paper_fetches_and_briefs_in_one_step(
    citing_sentences: list[str], env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(citing_sentences, targets=1, citing_per_target=30)
    with CitationServer(corpus) as server:
        _point_at(server, monkeypatch)
        out = tmp_path / "brief.json"
        assert main(["brief", "--paper", corpus[0].doi, "-o", str(out), "--config", str(env), "--quiet"]) == 0
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert brief["target"]["title"] == corpus[0].title
    assert brief["tally"]["statements"] == 30


def test_brief_wants_input_or_paper_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["brief", "x.txt", "--paper", "10.1000/x"])
    assert raised.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1000/ABC.def", "10.1000/abc.def"),
        ("doi:10.1000/x(1)", "10.1000/x(1)"),
        ("https://doi.org/10.1000/a%2Fb", "10.1000/a/b"),
        ("PMID: 0123", "PMID:123"),
        ("pmcid:PMC42", "PMCID:PMC42"),
        ("CorpusId:215416146", "CorpusId:215416146"),
        ("649DEF34F8BE52C8B66281AF98AE884C09AEF38B", "649def34f8be52c8b66281af98ae884c09aef38b"),
    ],
)
def test_paper_ids(text: str, expected: str) -> None:
    assert str(parse_paper_id(text)) == expected


@pytest.mark.parametrize("text", ["", "hello", "11.1000/x", "PMID:abc", "10.1/x"])
def test_bad_paper_ids(text: str) -> None:
    with pytest.raises(InputError):
        parse_paper_id(text)


def test_file_stems_are_safe() -> None:
    stem = parse_paper_id("10.1000/a<b>:c?*|..d").file_stem()
    assert "/" not in stem and ":" not in stem and "<" not in stem and not stem.startswith(".")
    assert parse_paper_id("10.1000/abc").file_stem() == "10.1000_abc"


def test_retry_after_forms() -> None:
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
