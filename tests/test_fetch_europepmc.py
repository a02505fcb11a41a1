"""`summarizer fetch --source europepmc` against a local stand-in of Europe PMC (europepmc_server).

The articles the stand-in serves are fixtures (tests/test_readers_jats.py builds them) or, where
../shared/data/jats is present, the real open-access articles there. The recorded Europe PMC responses in
tests/fixtures/europepmc/ (see SOURCE.md there) check that the client reads the real shapes and that the stand-in
answers with them.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from citation_server import fetch_config
from europepmc_server import EuropePMCServer, Record
from test_readers_jats import article, ref, sec, x

from summarizer.cli import main
from summarizer.errors import ServiceError
from summarizer.fetch.europepmc import _checked, _results
from summarizer.settings import load_settings

FIXTURES = Path(__file__).parent / "fixtures" / "europepmc"
DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "jats"
DOI = "10.1056/NEJMoa0805715"
TARGET = Record(
    "19516034",
    "MED",
    "Zika virus outbreak on Yap Island, Federated States of Micronesia.",
    2009,
    doi=DOI.lower(),
    pmid="19516034",
)
CITES = ["19516034_MED"]


def _citing_article(number: int) -> bytes:
    refs = ref(1) + ref(2, f'<pub-id pub-id-type="doi">{DOI}</pub-id>') + ref(3)
    body = sec(f"Article {number} found the outbreak large [{x(2)}]. It also cites another [{x(3)}].")
    text = article(body, refs).replace("10.1000/CITING.1", f"10.1000/citing.{number}")
    return text.encode("utf-8")


def corpus(open_access: int = 30, closed: int = 8, no_pmcid: int = 5) -> list[Record]:
    records = [TARGET]
    for n in range(open_access):
        records.append(
            Record(
                f"{100 + n}",
                "MED",
                f"Open {n}",
                2015,
                doi=f"10.1000/citing.{n}",
                pmid=f"{100 + n}",
                pmcid=f"PMC{5000 + n}",
                full_text=_citing_article(n),
                cites=CITES,
            )
        )
    for n in range(closed):
        records.append(
            Record(
                f"{300 + n}",
                "MED",
                f"Closed {n}",
                2016,
                doi=f"10.1000/closed.{n}",
                pmid=f"{300 + n}",
                pmcid=f"PMC{7000 + n}",
                cites=CITES,
            )
        )
    for n in range(no_pmcid):
        records.append(Record(f"{400 + n}", "MED", f"Abstract only {n}", 2017, pmid=f"{400 + n}", cites=CITES))
    return records


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SUMMARIZER_EUROPEPMC_URL", raising=False)
    return fetch_config(
        tmp_path, **{"sources.europepmc": "rate_per_second = 500\npage_size = 10\nretry_backoff_seconds = 0.01"}
    )


def _statements(path: Path) -> list[dict[str, object]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["record"] == "statement"]


def test_fetch_reads_every_open_full_text_pages_through_429s_and_caches(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with EuropePMCServer(corpus(), p429=0.2, seed=5) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        out = tmp_path / "statements.jsonl"
        assert main(["fetch", DOI, "--source", "europepmc", "-o", str(out), "--config", str(env)]) == 0
        first = list(server.log)
        err = capsys.readouterr().err
        statements = _statements(out)
        assert {s["citing"]["doi"] for s in statements} == {f"10.1000/citing.{n}" for n in range(30)}  # type: ignore[index]
        assert all(s["text"].endswith("found the outbreak large [2].") for s in statements)  # type: ignore[union-attr]
        assert "30 of 43 citing articles had an open-access full text; 13 had none" in err
        pages = [r for r in first if "CITES:" in r.query.get("query", "") and r.status == 200]
        assert len(pages) >= 5, "43 citing articles in pages of 10, then the empty page"
        assert sum(r.status == 429 for r in first) >= 5, "the seeded 20% of 429s hit this fetch and were survived"
        assert sum(r.status == 404 for r in first) == 8, "each closed article asked once: 404, empty body"

        assert main(["fetch", DOI, "--source", "europepmc", "-o", str(tmp_path / "b.jsonl"), "--config", str(env)]) == 0
        assert server.log == first, "a second fetch makes no request"
        assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
        assert "0 requests sent" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["PMID:19516034", DOI])
def test_the_target_by_pmid_or_doi(
    given: str, env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with EuropePMCServer(corpus(open_access=3, closed=0, no_pmcid=0)) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        out = tmp_path / "s.jsonl"
        assert main(["fetch", given, "--source", "europepmc", "-o", str(out), "--config", str(env)]) == 0
        assert len(_statements(out)) == 3
        assert server.requests_to(r"EXT_ID:19516034" if given.startswith("PMID") else r'DOI:"')


def test_an_error_answered_with_http_200_is_an_error(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with EuropePMCServer(corpus(open_access=1)) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        assert main(["fetch", '10.1000/a"b', "--source", "europepmc", "--config", str(env)]) == 2
        err = capsys.readouterr().err.strip()
        assert "Europe PMC refused the search" in err and "errCode 400" in err
        assert len(err.splitlines()) == 1


def test_unknown_paper_and_no_open_full_text_are_one_line_each(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with EuropePMCServer(corpus(open_access=0, closed=2, no_pmcid=1)) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        assert main(["fetch", "10.1000/unknown", "--source", "europepmc", "--config", str(env)]) == 2
        assert "Europe PMC knows no such paper" in capsys.readouterr().err
        assert main(["fetch", DOI, "--source", "europepmc", "--config", str(env)]) == 2
        err = capsys.readouterr().err
        assert "lists 3 articles citing it, none with an open-access full text" in err


def test_base_url_from_config_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_EUROPEPMC_URL", raising=False)
    assert load_settings().sources.europepmc.base_url == "https://www.ebi.ac.uk/europepmc/webservices/rest"
    assert load_settings().sources.europepmc.rate_per_second == 5.0
    config = tmp_path / "c.toml"
    config.write_text('[sources.europepmc]\nbase_url = "http://mirror.test/rest"\n')
    assert load_settings(config).sources.europepmc.base_url == "http://mirror.test/rest"
    monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", "http://env.test/rest")
    assert load_settings(config).sources.europepmc.base_url == "http://env.test/rest"


# --- the recorded responses -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["recorded_search_cancer.json", "recorded_search_cancer_page2.json"])
def test_recorded_pages_are_read(name: str) -> None:
    page = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    results = _results(_checked(page, "a search"))
    assert results and all("id" in r and "source" in r for r in results)
    assert isinstance(page["nextCursorMark"], str)
    open_access = [r for r in results if r.get("isOpenAccess") == "Y"]
    assert all(r.get("pmcid", "").startswith("PMC") for r in open_access)


def test_recorded_empty_answer_and_error_body() -> None:
    empty = json.loads((FIXTURES / "recorded_search_no_results.json").read_text(encoding="utf-8"))
    assert _results(_checked(empty, "a search")) == []
    with pytest.raises(ServiceError, match="Invalid query"):
        _checked({"errCode": 400, "errMsg": "Invalid query"}, "a search")  # the shape issue 24 names; a fixture


def test_the_stand_in_answers_with_the_recorded_keys() -> None:
    recorded = json.loads((FIXTURES / "recorded_search_cancer.json").read_text(encoding="utf-8"))
    keys = set().union(*(r.keys() for r in recorded["resultList"]["result"]))
    server = EuropePMCServer(corpus(open_access=2, closed=1, no_pmcid=1))
    answer = json.loads(server.answer("/europepmc/webservices/rest/search?query=CITES:19516034_MED&format=json")[1])
    assert set(answer) <= set(recorded)
    assert set(answer["request"]) == set(recorded["request"])
    for result in answer["resultList"]["result"]:
        assert set(result) <= keys


def test_paging_ends_on_the_repeated_mark() -> None:
    server = EuropePMCServer(corpus(open_access=3, closed=0, no_pmcid=0))
    base = "/europepmc/webservices/rest/search?query=CITES:19516034_MED&format=json&pageSize=2&cursorMark="
    first = json.loads(server.answer(base + "*")[1])
    second = json.loads(server.answer(base + first["nextCursorMark"])[1])
    last = json.loads(server.answer(base + second["nextCursorMark"])[1])
    assert [len(p["resultList"]["result"]) for p in (first, second, last)] == [2, 1, 0]
    assert last["nextCursorMark"] == second["nextCursorMark"]
    assert asyncio.iscoroutinefunction(_checked) is False


# --- the real articles ------------------------------------------------------------------------------------------


@pytest.mark.skipif(not DATA.is_dir(), reason=f"the real articles are not here ({DATA})")
def test_real_zika_articles_through_the_stand_in(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = {
        "PMC3289602": "PMC3289602_zika_plosntd.xml",
        "PMC3310457": "PMC3310457_zika_eid.xml",
        "PMC3321795": "PMC3321795_vectorborne_eid.xml",
    }
    records = [TARGET] + [
        Record(pmcid[3:], "PMC", name, 2011, pmcid=pmcid, full_text=(DATA / name).read_bytes(), cites=CITES)
        for pmcid, name in names.items()
    ]
    with EuropePMCServer(records, p429=0.2, seed=1) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        out = tmp_path / "s.jsonl"
        assert main(["fetch", DOI, "--source", "europepmc", "-o", str(out), "--config", str(env)]) == 0
        citing = {s["citing"]["doi"] for s in _statements(out)}  # type: ignore[index]
        assert citing == {"10.1371/journal.pntd.0001477", "10.3201/eid1509.090442", "10.3201/eid1705.110310"}
        assert "3 of 3 citing articles had an open-access full text" in capsys.readouterr().err


def test_brief_paper_from_europepmc(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with EuropePMCServer(corpus(open_access=4, closed=1, no_pmcid=0)) as server:
        monkeypatch.setenv("SUMMARIZER_EUROPEPMC_URL", server.url)
        out = tmp_path / "brief.json"
        assert main(["brief", "--paper", DOI, "--source", "europepmc", "-o", str(out), "--config", str(env)]) == 0
        brief = json.loads(out.read_text(encoding="utf-8"))
        assert brief["tally"]["statements"] == 4
        assert {s["citing"]["doi"] for s in brief["statements"]} == {f"10.1000/citing.{n}" for n in range(4)}
        assert all(s["section"] == "Introduction" for s in brief["statements"])
        assert brief["target"]["doi"] == DOI.lower()
