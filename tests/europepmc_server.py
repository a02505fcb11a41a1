"""A local stand-in of Europe PMC's REST API (127.0.0.1), for tests of `--source europepmc`.

It answers as the real service does, by its documentation and by the responses recorded in
tests/fixtures/europepmc/recorded_*.json (see SOURCE.md there); its own bodies are fixtures, not recordings:
- `GET /search?query=…&format=json&resultType=lite&pageSize=…&cursorMark=…` gives
  `{"version", "hitCount", "nextCursorMark", "request": {...}, "resultList": {"result": [...]}}`, each result a lite
  record with the recorded keys (`id`, `source`, `pmid`, `pmcid`, `doi`, `title`, `isOpenAccess`, ...). Queries it
  understands: `DOI:"…"`, `EXT_ID:… AND SRC:MED`, `PMCID:PMC…` and `CITES:{id}_{source}`. Paging by cursorMark:
  `*` first; each page's `nextCursorMark` is an opaque mark for the next; past the last result a page is empty and
  its `nextCursorMark` is the mark it was asked with.
- A query it cannot parse is answered HTTP 200 with `{"errCode": 400, "errMsg": "…"}`, as Europe PMC answers some
  errors.
- `GET /{PMCID}/fullTextXML` gives the JATS XML of an open-access article, and 404 with an empty body otherwise.
- A seeded share of requests is answered 429 (with or without Retry-After), as a rate-limited service would.
Every request is logged so tests can count what was sent.
"""

from __future__ import annotations

import base64
import json
import random
import re
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from local_server import LocalServer, QuietHandler


@dataclass
class Record:
    """One article Europe PMC knows: its lite search record, and its full text when open access."""

    id: str
    source: str
    title: str
    year: int
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    full_text: bytes | None = None  # None: not open access (404)
    cites: list[str] = field(default_factory=list)  # "{id}_{source}" of the papers it cites

    def lite(self) -> dict[str, Any]:
        """The record as a lite search result, with the keys of the recorded responses."""
        record: dict[str, Any] = {"id": self.id, "source": self.source}
        if self.pmid:
            record["pmid"] = self.pmid
        if self.pmcid:
            record["pmcid"] = self.pmcid
            record["fullTextIdList"] = {"fullTextId": [self.pmcid]}
        if self.doi:
            record["doi"] = self.doi
        open_access = "Y" if self.full_text is not None else "N"
        record.update(
            {
                "title": self.title,
                "authorString": "Author A, Author B.",
                "journalTitle": "J Test",
                "pubYear": str(self.year),
                "pubType": "research-article; journal article",
                "isOpenAccess": open_access,
                "inEPMC": "Y" if self.pmcid else "N",
                "inPMC": "Y" if self.pmcid else "N",
                "hasPDF": open_access,
                "citedByCount": 0,
                "hasReferences": "Y",
                "firstPublicationDate": f"{self.year}-01-01",
            }
        )
        return record


@dataclass
class Logged:
    path: str
    query: dict[str, str]
    status: int


def _mark(offset: int) -> str:
    return base64.b64encode(f"AoIIP{offset:08d}".encode()).decode()


def _offset(mark: str) -> int | None:
    if mark == "*":
        return 0
    try:
        return int(base64.b64decode(mark.encode()).decode()[5:])
    except (ValueError, UnicodeDecodeError):
        return None


class EuropePMCServer(LocalServer):
    """Serves the records it is given; p429 of the requests (seeded) are answered 429 first."""

    def __init__(self, records: list[Record], p429: float = 0.0, seed: int = 0) -> None:
        self.records = records
        self.p429 = p429
        self.log: list[Logged] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/europepmc/webservices/rest"

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                status, body, headers = server.answer(self.path)
                self.reply(status, body, headers)

        return Handler

    def answer(self, raw_path: str) -> tuple[int, bytes, dict[str, str]]:
        parts = urlsplit(raw_path)
        path = parts.path.removeprefix("/europepmc/webservices/rest")
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        with self._lock:
            if self.p429 > 0 and self._rng.random() < self.p429:
                headers = {"Retry-After": "0"} if self._rng.random() < 0.5 else {}
                self.log.append(Logged(path, query, 429))
                return 429, b'{"errMsg": "Too Many Requests"}', headers
            status, body, headers = self._route(path, query)
            self.log.append(Logged(path, query, status))
            return status, body, headers

    def _route(self, path: str, query: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
        full_text = re.fullmatch(r"/(PMC\d+)/fullTextXML", path)
        if full_text:
            record = next((r for r in self.records if r.pmcid == full_text.group(1)), None)
            if record is None or record.full_text is None:
                return 404, b"", {"content-type": "application/xml"}
            return 200, record.full_text, {"content-type": "application/xml"}
        if path != "/search":
            return 404, b"", {"content-type": "text/html"}
        return 200, json.dumps(self._search(query)).encode(), {}

    def _matching(self, text: str) -> list[Record] | None:
        doi = re.fullmatch(r'DOI:"([^"]+)"', text)
        if doi:
            return [r for r in self.records if r.doi and r.doi.lower() == doi.group(1).lower()]
        pmid = re.fullmatch(r"EXT_ID:(\d+) AND SRC:MED", text)
        if pmid:
            return [r for r in self.records if r.pmid == pmid.group(1)]
        pmcid = re.fullmatch(r"PMCID:(PMC\d+)", text)
        if pmcid:
            return [r for r in self.records if r.pmcid == pmcid.group(1)]
        cites = re.fullmatch(r"CITES:(\w+_\w+)", text)
        if cites:
            return [r for r in self.records if cites.group(1) in r.cites]
        return None

    def _search(self, query: dict[str, str]) -> dict[str, Any]:
        text = query.get("query", "")
        found = self._matching(text)
        if found is None or query.get("format") != "json":
            return {"errCode": 400, "errMsg": f"Invalid query: {text[:80]}"}
        size = int(query.get("pageSize", "25"))
        cursor = query.get("cursorMark", "*")
        start = _offset(cursor)
        if start is None or not 1 <= size <= 1000:
            return {"errCode": 400, "errMsg": "Invalid cursorMark or pageSize"}
        page = found[start : start + size]
        answer: dict[str, Any] = {"version": "6.9", "hitCount": len(found)}
        answer["nextCursorMark"] = _mark(start + len(page)) if page else cursor
        answer["request"] = {
            "queryString": text,
            "resultType": query.get("resultType", "lite"),
            "cursorMark": cursor,
            "pageSize": size,
            "sort": "",
            "synonym": False,
        }
        answer["resultList"] = {"result": [r.lite() for r in page]}
        return answer

    def requests_to(self, pattern: str) -> list[Logged]:
        return [entry for entry in self.log if re.search(pattern, entry.path + " " + entry.query.get("query", ""))]
