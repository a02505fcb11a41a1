"""Local stand-ins of the Semantic Scholar Graph API and scite's API, for tests and bench/bench_batch.py (127.0.0.1).

Shaped after the services' documented responses, not recorded from them (so every body here is a fixture):
- Semantic Scholar Graph API v1 (its published API docs): `GET /graph/v1/paper/{id}?fields=…` gives the paper;
  `GET /graph/v1/paper/{id}/citations?fields=…&offset=&limit=` gives `{"offset", "next", "data": [...]}` where each
  item holds `contexts`, `intents`, `contextsWithIntent`, `isInfluential` and `citingPaper`; `next` is absent on the
  last page; `limit` over 1000 is a 400; an unknown id is a 404 `{"error": "Paper with id … not found"}`; a citing
  paper whose contexts are withheld comes with empty `contexts` and `contextsWithIntent`. Ids are `DOI:…`, `PMID:…`,
  `PMCID:…`, `CorpusId:…` or the 40-character paper id.
- scite API (its published OpenAPI spec, operations readCitationsExternal… and the papers endpoint): `GET /papers/{doi}`
  and `GET /api_partner/citations/citing/{doi}?papers=&tallies=&limit=&offset=` (a `Bearer` token required) giving
  `{"citations": [...], "papers": {doi: {...}}, "tallies": {...}}`; errors are FastAPI's `{"detail": "…"}`.
- Rate limiting as both services do it: 429, with or without `Retry-After`, on a seeded share of the requests.
Every request is logged (path, query, key headers) so tests can check what was sent and how often.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from local_server import LocalServer, QuietHandler

S2_PREFIX = "/graph/v1"
MAX_LIMIT = 1000


@dataclass
class CitingPaper:
    """One citing paper of a target, and the contexts in which it cites it (none: withheld)."""

    doi: str
    title: str
    year: int
    venue: str
    contexts: list[str]
    intents: list[str] = field(default_factory=lambda: ["background"])
    influential: bool = False


@dataclass
class Paper:
    """A target paper the stand-ins know."""

    doi: str
    title: str
    year: int
    abstract: str
    pmid: str | None = None
    citing: list[CitingPaper] = field(default_factory=list)

    @property
    def paper_id(self) -> str:
        return hashlib.sha1(self.doi.encode()).hexdigest()

    def contexts(self) -> list[tuple[str, str]]:
        """Every (citing DOI, context) pair the service holds for this paper."""
        return [(c.doi, text) for c in self.citing for text in c.contexts]


@dataclass
class Logged:
    """One request as the stand-in saw it."""

    service: str
    path: str
    query: dict[str, str]
    api_key: str | None
    authorization: str | None
    status: int
    at: float = field(default_factory=time.monotonic)


def make_corpus(
    texts: list[str],
    targets: int,
    citing_per_target: int,
    contexts_per_citing: int = 1,
    withheld_every: int = 0,
    seed: int = 7,
) -> list[Paper]:
    """Targets whose citing papers cite them with the given sentences (taken in turn), some contexts withheld."""
    rng = random.Random(seed)
    papers = []
    cursor = 0
    for t in range(targets):
        paper = Paper(
            doi=f"10.5555/target.{t}",
            title=f"Target study {t}",
            year=2010 + t % 12,
            abstract=f"Abstract of target study {t}.",
            pmid=str(30_000_000 + t),
        )
        for c in range(citing_per_target):
            withheld = withheld_every > 0 and c % withheld_every == withheld_every - 1
            contexts = []
            if not withheld:
                for _ in range(contexts_per_citing):
                    contexts.append(texts[cursor % len(texts)])
                    cursor += 1
            paper.citing.append(
                CitingPaper(
                    doi=f"10.5555/citing.{t}.{c}",
                    title=f"Citing paper {c} of target {t}",
                    year=2012 + (t + c) % 12,
                    venue=rng.choice(["J Clin Med", "BMJ Open", "PLoS One", "Lancet"]),
                    contexts=contexts,
                    intents=[rng.choice(["background", "result", "methodology"])],
                    influential=rng.random() < 0.2,
                )
            )
        papers.append(paper)
    return papers


class CitationServer(LocalServer):
    """Both stand-ins on one port: `s2_url` and `scite_url` are the base URLs to configure."""

    def __init__(
        self,
        papers: list[Paper],
        p429: float = 0.0,
        retry_after: str | None = "0",
        retry_after_share: float = 0.5,
        latency: float = 0.0,
        scite_token: str | None = "scite-test-token",
        seed: int = 11,
    ) -> None:
        self.papers = papers
        self.p429 = p429
        self.retry_after = retry_after
        self.retry_after_share = retry_after_share
        self.latency = latency
        self.scite_token = scite_token
        self.log: list[Logged] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._by_id: dict[str, Paper] = {}
        for paper in papers:
            self._by_id[f"doi:{paper.doi}"] = paper
            self._by_id[paper.paper_id] = paper
            if paper.pmid:
                self._by_id[f"pmid:{paper.pmid}"] = paper

    # --- lifecycle ----------------------------------------------------------------------------------------------

    @property
    def s2_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{S2_PREFIX}"

    @property
    def scite_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                status, headers, payload = server.answer(
                    self.path, self.headers.get("x-api-key"), self.headers.get("authorization")
                )
                self.reply(status, payload, headers)

        return Handler

    # --- what was asked -----------------------------------------------------------------------------------------

    def requests_for(self, paper: Paper, service: str | None = None) -> list[Logged]:
        """Logged requests about one paper (by any of its ids)."""
        keys = {paper.doi, paper.paper_id, paper.pmid or "-"}
        return [
            r for r in self.log if (service is None or r.service == service) and any(k in r.path for k in keys)
        ]

    # --- answers ------------------------------------------------------------------------------------------------

    def answer(
        self, raw_path: str, api_key: str | None, authorization: str | None
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        service = "s2" if path.startswith(S2_PREFIX) else "scite"
        if self.latency:
            time.sleep(self.latency)
        with self._lock:
            throttled = self.p429 > 0 and self._rng.random() < self.p429
            with_retry_after = self._rng.random() < self.retry_after_share
        if throttled:
            headers = {"Retry-After": self.retry_after} if with_retry_after and self.retry_after is not None else {}
            body = {"message": "Too Many Requests"} if service == "s2" else {"detail": "Rate limit exceeded"}
            return self._logged(service, path, query, api_key, authorization, 429, body, headers)
        if service == "s2":
            status, body = self._s2(path[len(S2_PREFIX) :], query)
        else:
            status, body = self._scite(path, query, authorization)
        return self._logged(service, path, query, api_key, authorization, status, body, {})

    def _logged(
        self,
        service: str,
        path: str,
        query: dict[str, str],
        api_key: str | None,
        authorization: str | None,
        status: int,
        body: Any,
        headers: dict[str, str],
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.log.append(Logged(service, path, query, api_key, authorization, status))
        return status, headers, json.dumps(body).encode("utf-8")

    def _find(self, raw_id: str) -> Paper | None:
        key = raw_id.strip()
        lowered = key.lower()
        if lowered.startswith("pmcid:"):
            return None
        return self._by_id.get(lowered)

    def _s2(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        if not path.startswith("/paper/"):
            return 404, {"error": "Not found"}
        rest = path[len("/paper/") :]
        citations = rest.endswith("/citations")
        raw_id = rest[: -len("/citations")] if citations else rest
        paper = self._find(raw_id)
        if paper is None:
            return 404, {"error": f"Paper with id {raw_id} not found"}
        if not citations:
            return 200, {
                "paperId": paper.paper_id,
                "externalIds": {"DOI": paper.doi, **({"PubMed": paper.pmid} if paper.pmid else {})},
                "title": paper.title,
                "year": paper.year,
                "abstract": paper.abstract,
            }
        try:
            offset = int(query.get("offset", "0"))
            limit = int(query.get("limit", "100"))
        except ValueError:
            return 400, {"error": "Unacceptable query params: offset and limit must be integers"}
        if limit > MAX_LIMIT or limit < 1 or offset < 0:
            return 400, {"error": f"Unacceptable query params: [limit={limit}]"}
        page = paper.citing[offset : offset + limit]
        body: dict[str, Any] = {"offset": offset, "data": [self._s2_item(c) for c in page]}
        if offset + limit < len(paper.citing):
            body["next"] = offset + limit
        return 200, body

    @staticmethod
    def _s2_item(citing: CitingPaper) -> dict[str, Any]:
        return {
            "contexts": list(citing.contexts),
            "intents": list(citing.intents) if citing.contexts else [],
            "contextsWithIntent": [{"context": c, "intents": list(citing.intents)} for c in citing.contexts],
            "isInfluential": citing.influential,
            "citingPaper": {
                "paperId": hashlib.sha1(citing.doi.encode()).hexdigest(),
                "title": citing.title,
                "year": citing.year,
                "venue": citing.venue,
                "externalIds": {"DOI": citing.doi},
            },
        }

    def _scite(self, path: str, query: dict[str, str], authorization: str | None) -> tuple[int, Any]:
        if path.startswith("/papers/"):
            paper = self._find(f"doi:{path[len('/papers/') :]}")
            if paper is None:
                return 404, {"detail": "Paper not found"}
            return 200, {"doi": paper.doi, "title": paper.title, "year": paper.year, "abstract": paper.abstract}
        prefix = "/api_partner/citations/citing/"
        if not path.startswith(prefix):
            return 404, {"detail": "Not Found"}
        if self.scite_token is not None and authorization != f"Bearer {self.scite_token}":
            return 401, {"detail": "Not authenticated"}
        paper = self._find(f"doi:{path[len(prefix) :]}")
        if paper is None:
            return 404, {"detail": "DOI not found"}
        offset = int(query.get("offset", "0"))
        limit = int(query.get("limit", "100"))
        statements = [(c, text) for c in paper.citing for text in c.contexts]
        page = statements[offset : offset + limit]
        citations = [
            {
                "source": c.doi,
                "target": paper.doi,
                "snippet": text,
                "type": "mentioning",
                "typeConfidence": 0.9,
                "section": "Discussion",
                "selfCites": [],
            }
            for c, text in page
        ]
        body: dict[str, Any] = {"citations": citations}
        if query.get("papers") == "true":
            body["papers"] = {
                c.doi: {"doi": c.doi, "title": c.title, "year": c.year, "journal": c.venue} for c, _ in page
            }
        if query.get("tallies") == "true":
            body["tallies"] = {
                paper.doi: {
                    "doi": paper.doi,
                    "total": len(statements),
                    "supporting": 0,
                    "contradicting": 0,
                    "mentioning": len(statements),
                    "unclassified": 0,
                    "citingPublications": sum(1 for c in paper.citing if c.contexts),
                }
            }
        return 200, body


def fetch_config(directory: Path, preamble: str = "", **sections: str) -> Path:
    """A settings file for tests: a private HTTP cache, no rate limit to speak of, quick retries; plus `sections`."""
    path = directory / "fetch.toml"
    text = f"""{preamble}
[fetch]
cache_path = "{directory / 'http-cache.sqlite3'}"

[sources.s2]
rate_per_second = 200
page_size = 100
retry_backoff_seconds = 0.01

[sources.scite]
rate_per_second = 200
page_size = 40
retry_backoff_seconds = 0.01
"""
    path.write_text(text + "".join(f"\n[{name}]\n{body}\n" for name, body in sections.items()), encoding="utf-8")
    return path
