"""Structured answers: ask, validate, check ids and grounding, re-ask with the errors a bounded number of times."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from summarizer.engines.llm.client import ContextOverflow, DialectRefused, ParameterRefused
from summarizer.engines.llm.parsing import parse_json_object, salvage, validation_messages
from summarizer.engines.llm.session import Request, Session
from summarizer.settings import LLMSettings

ValueT = TypeVar("ValueT")
ModelT = TypeVar("ModelT", bound=BaseModel)
MAX_REASK_ECHO_CHARS = 24000  # a longer answer is not echoed at all: a cut one would end mid-JSON

Check = Callable[[ModelT], tuple[ModelT, list[str]]]
"""Checks a validated answer: returns it (quotes restored) with what is still wrong, as lines for a re-ask."""


class _NeedsReask(Exception):
    """An answer failed validation or its check; the errors go back to the model."""


@dataclass
class Answer(Generic[ValueT]):
    """The end of one exchange: the last usable value, what is still wrong with it, and how it ended."""

    outcome: str  # ok | invalid | refused | filtered | length | overflow
    value: ValueT | None = None
    errors: list[str] = field(default_factory=list)
    detail: str = ""
    observed: tuple[int, int] = (0, 0)  # prompt bytes and tokens of the exchange's first call

    @property
    def too_long(self) -> bool:
        """The answer was cut off or the request was over the context: a smaller request may fit."""
        return self.outcome in ("length", "overflow")


def reask_message(errors: Sequence[str], limit: int = 20, echoed: bool = True) -> str:
    """The user turn that feeds errors back to the model (saying so when the answer is not shown above)."""
    shown = list(errors[:limit])
    if len(errors) > limit:
        shown.append(f"... and {len(errors) - limit} more")
    where = "Your answer" if echoed else "Your previous answer (too long to repeat here)"
    return (
        f"{where} has these problems:\n- "
        + "\n- ".join(shown)
        + "\nAnswer again with the whole corrected JSON object. Cite only ids shown above; copy quotes exactly."
    )


def reask_turns(content: str, errors: Sequence[str]) -> list[dict[str, str]]:
    """The turns a re-ask adds: the whole previous answer and the errors, or (when the answer is longer than
    MAX_REASK_ECHO_CHARS) the errors alone; never an answer cut mid-JSON."""
    if len(content) <= MAX_REASK_ECHO_CHARS:
        return [{"role": "assistant", "content": content}, {"role": "user", "content": reask_message(errors)}]
    return [{"role": "user", "content": reask_message(errors, echoed=False)}]


async def ask(session: Session, request: Request[ModelT], check: Check[ModelT]) -> Answer[ModelT]:
    """Ask, validate and check; re-ask with the errors (on a copy of the messages) a bounded number of times.

    An answer that does not parse, validate or pass `check` is re-asked (`check` decides what is worth a re-ask:
    everything for a one-call brief, only what the sent schema excludes in map-reduce). A refused dialect or
    sampling parameter switches the session once and the exchange starts again. An exchange holds one of the
    session's `concurrency` slots from the building of its prompt to its last answer, so the first calls leave
    before later ones are built.
    """
    async with session.semaphore:
        while True:
            observed: list[tuple[int, int]] = []
            try:
                answer = await _exchange(session, request, check, observed)
            except (DialectRefused, ParameterRefused) as refused:
                session.adapt(refused)
                continue
            if observed:
                answer.observed = observed[0]
            return answer


async def _exchange(
    session: Session,
    request: Request[ModelT],
    check: Check[ModelT],
    observed: list[tuple[int, int]],
) -> Answer[ModelT]:
    user, schema = session.prepare(request)
    session.templates.add(request.template)
    model = request.model
    messages = [{"role": "system", "content": session.system}, {"role": "user", "content": user}]
    conversation = list(messages)
    best: ModelT | None = None
    last_data: dict[str, Any] | None = None
    errors: list[str] = []
    retrying = AsyncRetrying(
        stop=stop_after_attempt(session.settings.reask_attempts + 1),
        retry=retry_if_exception_type(_NeedsReask),
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                if attempt.retry_state.attempt_number > 1:
                    session.usage.retries += 1
                    session.progress.expect(1)
                completion, prompt_bytes = await session.call(conversation, schema, request.name)
                observed.append((prompt_bytes, completion.prompt_tokens))
                if completion.refusal:
                    return Answer("refused", best, errors, " ".join(completion.refusal.split())[:160])
                if completion.finish_reason == "content_filter":
                    return Answer("filtered", best, errors)
                if completion.finish_reason == "length":
                    return Answer("length", best, errors)
                data, parse_error = parse_json_object(completion.content)
                if data is None:
                    errors = [parse_error or "the answer is not a JSON object"]
                else:
                    last_data = data
                    try:
                        value, errors = check(model.model_validate(data))
                        best = value
                    except ValidationError as exc:
                        errors = validation_messages(exc)
                if not errors:
                    return Answer("ok", best)
                # keeps earlier attempts, so each re-ask is a distinct request
                conversation = [*conversation, *reask_turns(completion.content or "", errors)]
                raise _NeedsReask(errors)
    except _NeedsReask:
        pass
    except ContextOverflow as exc:
        return Answer("overflow", best, errors, str(exc))
    if best is None and last_data is not None:
        salvaged, dropped = salvage(model, last_data)
        if salvaged is not None:
            best, errors = check(salvaged)
            errors = [f"dropped {dropped} list items that failed validation", *errors]
    return Answer("invalid", best, errors)


def outcome_warning(where: str, answer: Answer[Any], settings: LLMSettings) -> str:
    """A distinct warning for each way an exchange can end without a clean answer."""
    attempts = settings.reask_attempts + 1
    if answer.outcome == "refused":
        return f"{where}: the model refused to answer ({answer.detail})"
    if answer.outcome == "filtered":
        return f"{where}: the endpoint's content filter blocked the answer"
    if answer.outcome == "length":
        return f"{where}: the answer was cut off at max_tokens ({settings.max_tokens})"
    if answer.outcome == "overflow":
        return f"{where}: the request is longer than the model's context ({answer.detail})"
    shown = "; ".join(answer.errors[:3])
    if answer.value is None:
        return f"{where}: no valid answer after {attempts} attempts ({shown})"
    return f"{where}: answer still had {len(answer.errors)} problems after {attempts} attempts ({shown})"
