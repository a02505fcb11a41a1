"""Fetching the citation statements of a paper from the services that hold them: the SOURCES registry and Fetcher.

A fetched response becomes statements through the readers (`read_source`), exactly as a saved export would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError
from summarizer.fetch import europepmc, s2, scite
from summarizer.fetch.base import Fetched, SourceSpec
from summarizer.fetch.identifiers import PaperId, parse_paper_id
from summarizer.fetch.stats import RequestStats
from summarizer.registry import Registry, UnknownName
from summarizer.settings import Settings

if TYPE_CHECKING:
    import httpx2

    from summarizer.fetch.http import ServiceClient

__all__ = [
    "SOURCES",
    "Fetched",
    "Fetcher",
    "PaperId",
    "RequestStats",
    "SourceSpec",
    "fetch_statements",
    "fetch_summary",
    "parse_paper_id",
]

SOURCES: Registry[SourceSpec] = Registry("source")
SOURCES.register(s2.SPEC)
SOURCES.register(scite.SPEC)
SOURCES.register(europepmc.SPEC)


class Fetcher:
    """Fetches targets from the services, one client per service: one rate limit and one cache for every target.

    Use it as an async context manager; `notices` says what the user should know (a missing key).
    """

    def __init__(
        self,
        settings: Settings,
        refresh: bool = False,
        transport: httpx2.AsyncBaseTransport | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.refresh = refresh
        self.notices: list[str] = []
        self._notify = notify
        self._transport = transport
        self._clients: dict[str, ServiceClient] = {}

    def spec(self, source: str | None) -> SourceSpec:
        """The registered source for a name (default: settings.fetch.source)."""
        try:
            return SOURCES.get(source or self.settings.fetch.source)
        except UnknownName as exc:
            raise ConfigError(str(exc)) from None

    def client(self, spec: SourceSpec) -> ServiceClient:
        """The one client of a service, made on first use."""
        from summarizer.fetch.http import ServiceClient

        if spec.name not in self._clients:
            source_settings = spec.settings(self.settings.sources)
            key = source_settings.api_key.get_secret_value() if source_settings.api_key else None
            if key is None and spec.without_key:  # a service that needs no key says nothing
                self.notices.append(spec.without_key)
                if self._notify is not None:
                    self._notify(spec.without_key)
            self._clients[spec.name] = ServiceClient(
                spec.service,
                source_settings,
                self.settings.fetch,
                auth_headers=spec.auth_headers(key) if key else None,
                refresh=self.refresh,
                transport=self._transport,
            )
        return self._clients[spec.name]

    async def fetch(self, paper: str | PaperId, source: str | None = None) -> Fetched:
        """The statements of one paper from one service."""
        paper_id = paper if isinstance(paper, PaperId) else parse_paper_id(paper)
        spec = self.spec(source)
        return await spec.fetch(paper_id, self.client(spec))

    def stats(self) -> RequestStats:
        """Requests sent, answered from the cache and retried, over every service."""
        total = RequestStats()
        for client in self._clients.values():
            total.sent += client.stats.sent
            total.from_cache += client.stats.from_cache
            total.retries += client.stats.retries
        return total

    async def aclose(self) -> None:
        """Close every client."""
        for client in self._clients.values():
            await client.aclose()  # kept, closed, for their stats

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()


def fetch_statements(
    paper: str | PaperId,
    source: str | None = None,
    settings: Settings | None = None,
    refresh: bool = False,
    notify: Callable[[str], None] | None = None,
) -> tuple[Fetched, Fetcher]:
    """Fetch one paper's statements (blocking); also returns the Fetcher, closed, for its stats.

    `notify` hears at once what the user should know (a missing key), also when the fetch then fails.
    """

    import asyncio  # with the HTTP stack, when a fetch starts

    async def run() -> tuple[Fetched, Fetcher]:
        async with Fetcher(settings or Settings(), refresh=refresh, notify=notify) as fetcher:
            return await fetcher.fetch(paper, source), fetcher

    return asyncio.run(run())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def fetch_summary(fetched: Fetched, fetcher: Fetcher) -> str:
    """One line on what a fetch got and what it cost: statements, citing papers, withheld contexts, requests."""
    stats = fetcher.stats()
    parts = [
        f"fetched {_plural(len(fetched.source.statements), 'statement')} from "
        f"{_plural(fetched.citing_papers, 'citing paper')} ({_plural(fetched.pages, 'page')}; "
        f"{_plural(stats.sent, 'request')} sent, {stats.from_cache} answered from the cache, "
        f"{_plural(stats.retries, 'retry').replace('retrys', 'retries')})"
    ]
    if fetched.full_texts is not None:
        parts.append(
            f"{fetched.full_texts} of {_plural(fetched.citing_papers, 'citing article')} had an open-access full "
            f"text; {fetched.withheld} had none"
        )
    elif fetched.withheld:
        parts.append(
            f"{_plural(fetched.withheld, 'citing paper')} came without citation contexts (withheld by the service)"
        )
    return "; ".join(parts)
