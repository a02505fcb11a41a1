"""One run of the engine: the client and its cache, the prompts, usage, warnings and progress, in one event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from summarizer.engines.base import ProgressCallback
from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import ChatClient, Completion, DeferHook
from summarizer.engines.llm.packing import pack
from summarizer.engines.llm.progress import CallProgress
from summarizer.engines.llm.prompts import SYSTEM_TEMPLATE, PromptSet, StatementView, compact_json
from summarizer.engines.llm.schemas import bounded
from summarizer.engines.llm.tokens import TokenEstimator
from summarizer.models import Usage
from summarizer.settings import LLMSettings, Settings

MAX_ENUM_IDS = 500  # OpenAI strict mode allows at most 1000 enum values in a schema
OUTPUT_TOKENS_PER_ANNOTATION = 32
OUTPUT_TOKENS_RESERVED = 400


class Session:
    """What the calls of one run share: the client, the prompts, usage, warnings, the token estimate, progress."""

    def __init__(
        self,
        settings: LLMSettings,
        client: ChatClient,
        prompts: PromptSet,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.prompts = prompts
        self.usage = Usage()
        self.warnings: list[str] = []
        self.templates: set[str] = {SYSTEM_TEMPLATE}
        self.estimator = TokenEstimator()
        self.resolved_model: str | None = None
        self.semaphore = asyncio.Semaphore(settings.concurrency)
        self.progress = CallProgress(progress)
        self.system = prompts.render(SYSTEM_TEMPLATE)

    def schema(self, raw: dict[str, Any], annotations: int | None = None) -> dict[str, Any]:
        """The schema as the dialect sends it (size-bounded for grammar-constrained servers)."""
        return raw if self.settings.response_format == "json_schema" else bounded(raw, annotations)

    def schema_text(self, schema: dict[str, Any]) -> str:
        """The schema for the prompt, only for the dialect without a response_format."""
        return compact_json(schema) if self.settings.response_format == "none" else ""

    def ids_for_schema(self, ids: Sequence[str]) -> list[str] | None:
        """Statement ids to constrain the schema to, when the settings allow."""
        if not self.settings.constrain_ids or not ids or len(ids) > MAX_ENUM_IDS:
            return None
        return list(ids)

    async def call(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> tuple[Completion, int]:
        """One bounded-concurrency call; counts usage, calibrates the token estimate, returns the prompt's bytes."""
        async with self.semaphore:
            completion = await self.client.complete(messages, schema, name, purpose=name)
        if completion.cached:
            self.usage.cached_calls += 1
        else:
            self.usage.calls += 1
            self.usage.prompt_tokens += completion.prompt_tokens
            self.usage.completion_tokens += completion.completion_tokens
        prompt_bytes = sum(len(m["content"].encode("utf-8")) for m in messages)
        self.estimator.observe(prompt_bytes, completion.prompt_tokens)
        if completion.resolved_model and self.resolved_model is None:
            self.resolved_model = completion.resolved_model
        self.progress.advance()
        return completion, prompt_bytes

    def pack(
        self, views: Sequence[StatementView], overhead: int, max_items: int | None = None
    ) -> list[list[StatementView]]:
        """Pack statements in order into groups under the token budget (and the output-size cap)."""
        cap = max_items or max(1, (self.settings.max_tokens - OUTPUT_TOKENS_RESERVED) // OUTPUT_TOKENS_PER_ANNOTATION)

        def cost(view: StatementView) -> int:
            return self.estimator.estimate(f'<statement id="{view.id}">{view.text}</statement>\n')

        return pack(views, cost, self.settings.chunk_token_budget, overhead, max_items=cap)


@asynccontextmanager
async def open_session(
    settings: Settings,
    prompts: PromptSet,
    progress: ProgressCallback | None = None,
    http_client: Any = None,
    defer: DeferHook | None = None,
) -> AsyncIterator[Session]:
    """A session over a client and the cache that the settings name; both are closed at the end."""
    cache = CallCache.open(settings.cache)
    client = ChatClient(settings.llm, cache, http_client=http_client, defer=defer)
    try:
        yield Session(settings.llm, client, prompts, progress)
    finally:
        await client.aclose()
        if cache is not None:
            cache.close()
