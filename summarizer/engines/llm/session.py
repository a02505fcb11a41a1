"""One run of the engine: the client and its cache, the prompts, the dialect and parameters in use, usage, warnings and
progress, in one event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from summarizer.engines.base import ProgressCallback
from summarizer.engines.llm.cache import CallCache
from summarizer.engines.llm.client import ChatClient, Completion, DeferHook, DialectRefused, ParameterRefused
from summarizer.engines.llm.dialects import FALLBACK, Bounds, annotation_capacity, request_schema
from summarizer.engines.llm.packing import balanced
from summarizer.engines.llm.parameters import is_reasoning_model
from summarizer.engines.llm.progress import CallProgress
from summarizer.engines.llm.prompts import SYSTEM_TEMPLATE, PromptSet, StatementView, compact_json
from summarizer.engines.llm.tokens import TokenEstimator
from summarizer.errors import EndpointError
from summarizer.grounding import MIN_QUOTE_WORDS
from summarizer.models import Usage
from summarizer.settings import LLMSettings, Settings

ModelT = TypeVar("ModelT", bound=BaseModel)
MAX_ENUM_IDS = 500  # OpenAI strict mode allows at most 1000 enum values in a schema


@dataclass
class Request(Generic[ModelT]):
    """What one exchange asks for, independent of the dialect: the answer's model, the prompt, the ids and bounds."""

    model: type[ModelT]
    name: str  # the response format's name, and the purpose in the call log
    template: str
    variables: dict[str, Any] = field(default_factory=dict)
    ids: Sequence[str] = ()
    bounds: Bounds = field(default_factory=Bounds)


class Session:
    """What the calls of one run share: the client, the prompts, the dialect, usage, warnings, estimates, progress."""

    def __init__(
        self,
        settings: LLMSettings,
        client: ChatClient,
        prompts: PromptSet,
        progress: ProgressCallback | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        self.settings = settings
        self.client = client
        self.prompts = prompts
        self.usage = Usage()
        self.warnings: list[str] = list(warnings)
        self.templates: set[str] = {SYSTEM_TEMPLATE}
        self.estimator = TokenEstimator()
        self.resolved_model: str | None = None
        self.semaphore = asyncio.Semaphore(settings.concurrency)
        self.progress = CallProgress(progress)
        self.system = prompts.render(SYSTEM_TEMPLATE, min_quote_words=MIN_QUOTE_WORDS)
        self.dialect: str = settings.response_format
        self.reasoning = is_reasoning_model(settings)
        if client.cache is not None:
            client.cache.warnings = self.warnings

    @property
    def schema_in_prompt(self) -> bool:
        """Whether the prompt carries the schema too (the dialect `none`, and json_object unless told otherwise)."""
        if self.dialect == "json_schema":
            return False
        if self.dialect == "none":
            return True
        return self.settings.schema_in_prompt is not False

    def enumerates(self, ids: Sequence[str]) -> bool:
        """Whether the schema constrains cited ids to an enum of `ids` (the settings allow it, and not too many)."""
        return self.settings.constrain_ids and 0 < len(ids) <= MAX_ENUM_IDS

    def prepare(self, request: Request[Any]) -> tuple[str, dict[str, Any]]:
        """The user prompt and the schema of a request, in the dialect now in use."""
        ids = request.ids
        schema = request_schema(request.model, self.dialect, ids, request.bounds, self.enumerates(ids))
        shown = compact_json(schema) if self.schema_in_prompt else ""
        return self.prompts.render(request.template, **request.variables, schema=shown), schema

    def annotation_capacity(self, model: type[BaseModel]) -> int:
        """The most statements one request may annotate (its largest answer must fit in max_tokens)."""
        return annotation_capacity(model, self.settings.max_tokens)

    def adapt(self, refused: Exception) -> None:
        """After a refused dialect or parameter: switch once (with a warning) or stop with the setting to change."""
        if isinstance(refused, DialectRefused):
            if refused.dialect != self.dialect:
                return  # another call already switched
            fallback = FALLBACK.get(self.dialect)
            if fallback is None:
                raise EndpointError(
                    f"the model endpoint {self.client.host} refused the {self.dialect} response format "
                    f"({refused.message}); set llm.response_format to "
                    f"{'none' if self.dialect == 'json_object' else 'json_object or none'}"
                )
            self.warnings.append(
                f"llm: the endpoint refused the {self.dialect} response format ({refused.message}); fell back to "
                f'{fallback} (set llm.response_format = "{fallback}" to skip the refused call)'
            )
            self.dialect = fallback
        elif isinstance(refused, ParameterRefused):
            if self.reasoning:
                raise EndpointError(
                    f"the model endpoint {self.client.host} refused {refused.parameter} ({refused.message})"
                )
            self.warnings.append(
                f"llm: the endpoint refused {refused.parameter} ({refused.message}); sent max_completion_tokens and "
                "no temperature instead (set llm.reasoning = true to skip the refused call)"
            )
            self.reasoning = True

    async def call(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> tuple[Completion, int]:
        """One call (within an exchange, which holds a concurrency slot); counts usage, calibrates the token
        estimate, returns the prompt's bytes."""
        completion = await self.client.complete(
            messages, schema, name, purpose=name, dialect=self.dialect, reasoning=self.reasoning
        )
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

    def pack(self, views: Sequence[StatementView], overhead: int, max_items: int) -> list[list[StatementView]]:
        """Statements in order, in groups of about equal size under the token budget and `max_items`."""

        def cost(view: StatementView) -> int:
            return self.estimator.estimate(f"<s id={view.id}{view.attrs}>{view.text}</s>\n")

        budget, concurrency = self.settings.chunk_token_budget, self.settings.concurrency
        return balanced(views, cost, budget, overhead, max_items, concurrency)


@asynccontextmanager
async def open_session(
    settings: Settings,
    prompts: PromptSet,
    progress: ProgressCallback | None = None,
    http_client: Any = None,
    defer: DeferHook | None = None,
) -> AsyncIterator[Session]:
    """A session over a client and the cache that the settings name; both are closed at the end."""
    cache, warnings = CallCache.open(settings.cache)
    client = ChatClient(settings.llm, cache, http_client=http_client, defer=defer)
    try:
        yield Session(settings.llm, client, prompts, progress, warnings)
    finally:
        await client.aclose()
        if cache is not None:
            cache.close()
