"""The page's routes without a browser: its policy and assets, the NDJSON stages of a brief, and every refusal as a
readable sentence (too large, empty, both, no token, busy), never JSON internals or a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra")
from fastapi.testclient import TestClient  # noqa: E402

from summarizer.errors import InputError, ServiceError  # noqa: E402
from summarizer.service import create_app  # noqa: E402
from summarizer.service.page import BRIEFS_PATH, error_sentence  # noqa: E402
from summarizer.service.worker_pool import OverBudget, PoolBusy  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "uc-msc-covid19-scite-page.txt"


def _client(**service: Any) -> Iterator[TestClient]:
    settings = Settings.model_validate({"cache": {"enabled": False}, "service": {"workers": 1, **service}})
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    yield from _client()


def _events(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_the_page_and_its_assets_carry_a_policy_that_allows_only_this_host(client: TestClient) -> None:
    reply = client.get("/")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/html")
    policy = reply.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "http" not in policy and "unsafe" not in policy
    assert '<input id="file" type="file" name="file" multiple>' in reply.text
    assert 'name="paper"' in reply.text and '<button id="submit" type="submit">' in reply.text
    assert 'src="http' not in reply.text and 'href="http' not in reply.text and "//" not in reply.text
    for name, kind in (("page.js", "text/javascript"), ("page.css", "text/css")):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and asset.headers["content-type"].startswith(kind)
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/other.js").status_code == 404
    assert "/page/briefs" not in json.dumps(client.get("/openapi.json").json()), "the page is not part of the API"


def test_an_upload_streams_its_stages_then_the_brief_and_downloads(client: TestClient) -> None:
    reply = client.post(BRIEFS_PATH, files={"file": ("example.txt", EXAMPLE_PATH.read_bytes())}, data={"paper": ""})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/x-ndjson")
    events = _events(reply.text)
    assert [e["stage"] for e in events] == ["opening", "reading", "writing", "done"]
    assert events[1]["text"] == "Reading 4 statements"
    done = events[-1]
    assert done["html"].startswith("<!DOCTYPE html>") and "Content-Security-Policy" in done["html"]
    assert set(done["downloads"]) == {"json", "md", "csv"}
    assert json.loads(done["downloads"]["json"])["schema_version"] == "1"


def test_several_files_are_one_statement_set_and_the_target_passes_as_the_cli_target(client: TestClient) -> None:
    data = EXAMPLE_PATH.read_bytes()
    files = [("file", ("page-1.txt", data)), ("file", ("page-2.txt", data))]
    events = _events(client.post(BRIEFS_PATH, files=files, data={"target": "10.21203/rs.3.rs-62218/v1"}).text)
    assert events[0]["text"] == "Opening 2 files"
    assert events[-1]["stage"] == "done"
    brief = json.loads(events[-1]["downloads"]["json"])
    assert len(brief["statements"]) == 4, "duplicates across the files merge, as with `summarizer brief A B`"
    events = _events(client.post(BRIEFS_PATH, files=files[:1], data={"target": "10.1000/not.cited"}).text)
    assert events[-1]["stage"] == "error"
    assert events[-1]["error"].startswith("This could not be read as citation statements.")
    assert "/tmp" not in events[-1]["error"]


@pytest.mark.parametrize(
    ("files", "data", "sentence"),
    [
        (None, {"paper": ""}, "Choose a citation export file, or type a paper's DOI or PMID."),
        (
            {"file": ("a.txt", b"x")},
            {"paper": "10.1/x"},
            "Give either export files or a paper's DOI or PMID, not both.",
        ),
    ],
)
def test_an_empty_or_doubled_form_is_a_sentence(
    client: TestClient, files: dict[str, Any] | None, data: dict[str, str], sentence: str
) -> None:
    reply = client.post(BRIEFS_PATH, files=files or {"file": ("", b"")}, data=data)
    assert reply.status_code == 422 and reply.json() == {"error": sentence}


def test_a_bad_paper_id_is_a_sentence(client: TestClient) -> None:
    events = _events(client.post(BRIEFS_PATH, files={"file": ("", b"")}, data={"paper": "not an id"}).text)
    assert events[-1]["stage"] == "error" and events[-1]["error"].startswith("“not an id” is not a DOI, PMID or PMCID.")


def test_too_large_an_upload_is_a_sentence() -> None:
    for client in _client(max_request_bytes=2000):
        reply = client.post(BRIEFS_PATH, files={"file": ("big.txt", b"x" * 5000)})
        assert reply.status_code == 413
        assert reply.json() == {"error": "The upload is too large: this server takes up to 0.00191 MB at a time."}


def test_the_token_guards_the_briefs_not_the_page() -> None:
    for client in _client(bearer_token="secret-token-123"):
        page = client.get("/")
        assert page.status_code == 200 and 'data-token-required="true"' in page.text
        assert "secret-token-123" not in page.text
        refused = client.post(BRIEFS_PATH, files={"file": ("example.txt", EXAMPLE_PATH.read_bytes())})
        assert refused.status_code == 401
        allowed = client.post(
            BRIEFS_PATH,
            files={"file": ("example.txt", EXAMPLE_PATH.read_bytes())},
            headers={"Authorization": "Bearer secret-token-123"},
        )
        assert _events(allowed.text)[-1]["stage"] == "done"


@pytest.mark.parametrize(
    ("error", "starts"),
    [
        (InputError("x.txt: not a citation export"), "This could not be read as citation statements. x.txt:"),
        (ServiceError("Semantic Scholar cannot be reached at h (refused)"), "The citation source could not give"),
        (OverBudget(), "The brief was not made within the time limit of 300 s."),
        (PoolBusy(), "The server is busy with other briefs."),
        (RuntimeError("secret internals sk-abc"), "Something went wrong on the server"),
    ],
)
def test_every_failure_is_a_sentence(error: Exception, starts: str) -> None:
    sentence = error_sentence(error, Settings())
    assert sentence.startswith(starts) and sentence.endswith(".")
    assert "sk-abc" not in sentence and "Traceback" not in sentence
