"""Per-sentence reading: annotation, stance and the asked outcome's change of each sentence, in batches."""

from __future__ import annotations

import asyncio

from summarizer.engines.base import Reading, ReadRequest
from summarizer.engines.llm.checks import annotation_errors, assign_annotations
from summarizer.engines.llm.dialects import bounds_for
from summarizer.engines.llm.fallback import extractive_readings
from summarizer.engines.llm.prompts import READ_TEMPLATE, StatementView, statement_view
from summarizer.engines.llm.schemas import AnnotationOut, ReadingOut, ReadOutput
from summarizer.engines.llm.session import Request, Session
from summarizer.engines.llm.structured import ask
from summarizer.models import Annotation

MAX_READ_BATCH = 64
READ_PROMPT_TOKENS = 400  # the read prompt's own text, besides the system prompt and the sentences


def annotation_of(item: AnnotationOut | ReadingOut, annotated_by: str) -> Annotation:
    """The contract's annotation from the model's."""
    return Annotation(
        topics=list(dict.fromkeys(item.topics)) or ["other"],
        polarity=item.polarity,
        annotated_by=annotated_by,
        adverse_events=item.adverse_events,
        absent_events=item.absent_events,
    )


def _question(request: ReadRequest) -> str:
    if not request.outcome:
        return ""
    versus = f" vs {request.comparator}" if request.comparator else ""
    return f"{request.intervention or 'the intervention'}{versus}: {request.outcome}"


async def read_sentences(
    session: Session, requests: list[ReadRequest], max_chars: int, annotated_by: str
) -> list[Reading]:
    """Read every request (each cut to `max_chars`); what the model does not read, the extractive engine does."""
    aliases = [f"S{i}" for i in range(1, len(requests) + 1)]  # ids the model sees; any request id works
    views = [statement_view(alias, r.text, max_chars, _question(r)) for alias, r in zip(aliases, requests, strict=True)]
    overhead = session.estimator.estimate(session.system) + READ_PROMPT_TOKENS
    batches = session.pack(views, overhead, min(MAX_READ_BATCH, session.annotation_capacity(ReadOutput)))
    session.progress.expect(len(batches))
    found: dict[str, ReadingOut] = {}
    for batch_result in await asyncio.gather(*(_read_batch(session, b) for b in batches)):
        found.update(batch_result)
    missing = [
        ReadRequest(id=alias, text=r.text) for alias, r in zip(aliases, requests, strict=True) if alias not in found
    ]
    fallback = extractive_readings(missing)
    readings = []
    for alias, request in zip(aliases, requests, strict=True):
        item = found.get(alias)
        if item is None:
            readings.append(fallback[alias].model_copy(update={"id": request.id}))
            continue
        change = item.change if request.outcome else None
        readings.append(
            Reading(id=request.id, annotation=annotation_of(item, annotated_by), stance=item.stance, change=change)
        )
    return readings


async def _read_batch(session: Session, views: list[StatementView]) -> dict[str, ReadingOut]:  # by alias
    ids = [v.id for v in views]
    bounds = bounds_for(ReadOutput, session.settings.max_tokens, ids)
    request = Request(ReadOutput, "readings", READ_TEMPLATE, {"statements": views}, ids, bounds)

    def check(out: ReadOutput) -> tuple[ReadOutput, list[str]]:
        return out, annotation_errors(out.readings, ids, "readings")

    answer = await ask(session, request, check)
    if answer.too_long and len(views) > 1:
        half = len(views) // 2
        session.progress.expect(2)
        first, second = await asyncio.gather(_read_batch(session, views[:half]), _read_batch(session, views[half:]))
        return {**first, **second}
    if answer.value is None:
        return {}
    return assign_annotations(answer.value.readings, ids)
