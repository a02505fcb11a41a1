"""The HTTP service: POST a citation export or statements, get the brief (FastAPI on uvicorn).

Errors are JSON objects ``{"error": "..."}``, never tracebacks: 400 for a body that cannot be parsed (bad JSON,
JSON nested too deep, no ``file`` field), 401 for a missing or wrong bearer token, 408 for a body not received in
``service.body_timeout_seconds``, 413 for a body over ``service.max_request_bytes``, 415 for another content type,
422 for input that parses but is no citation export or no valid statements (``InputError``), 502 when the model
endpoint fails or gives no valid output, 503 when the brief is not made within ``service.request_timeout_seconds``
or the server has too many connections, 500 for anything unexpected. The engine, model and endpoint come from the
server's settings only; no request field can change them.

Briefs are made in worker processes (summarizer.service.worker_pool), never on the event loop: a slow request cannot
delay the others or ``/healthz``. Connection limits are summarizer.service.server's; the page for people at ``/`` is
summarizer.service.page's, on the same limits, token and workers.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.json_schema import models_json_schema
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import Message

from summarizer._version import __version__
from summarizer.engines import Engine, make_engine
from summarizer.errors import ConfigError, EndpointError, InputError, NoValidOutputError
from summarizer.models import Brief, Source, Statement, Target
from summarizer.readers import READERS, read_source, select_target
from summarizer.renderers import RENDERERS, brief_schema, render
from summarizer.service.page import install_page
from summarizer.service.work import job_runner, make_brief, read_body
from summarizer.service.worker_pool import OverBudget, PoolBusy, WorkerLost, WorkerPool
from summarizer.settings import Settings

log = logging.getLogger(__name__)

UPLOAD_FIELD = "file"


class ErrorBody(BaseModel):
    """What every error response carries."""

    error: str


class Health(BaseModel):
    """The service is up."""

    status: Literal["ok"] = "ok"
    version: str
    engine: str


class StatementsRequest(BaseModel):
    """Normalised statements, with the cited paper when known."""

    model_config = ConfigDict(extra="forbid")

    target: Target = Field(default_factory=Target)
    statements: list[Statement] = Field(min_length=1)


_STATEMENT_LIST: TypeAdapter[list[Statement]] = TypeAdapter(Annotated[list[Statement], Field(min_length=1)])


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _first_error(exc: ValidationError | RequestValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("body",))
    return f"{where}: {first.get('msg', 'invalid value')}" if where else str(first.get("msg", "invalid value"))


async def _uploaded_file(request: Request, body: bytes) -> tuple[bytes, str]:
    """The uploaded export's bytes and file name, from a multipart body."""

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(max_files=1, max_fields=16)
    except HTTPException:
        raise
    except Exception as exc:  # the multipart parser raises several types on malformed bodies
        raise HTTPException(400, f"malformed multipart body: {exc}") from None
    upload = form.get(UPLOAD_FIELD)
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, f"a multipart upload needs the export in form field {UPLOAD_FIELD!r}")
    return await upload.read(), upload.filename or "upload"


def _json_source(body: bytes) -> Source:
    try:
        payload = json.loads(body)
    except RecursionError:
        raise HTTPException(400, "the body is JSON nested too deep") from None
    except ValueError as exc:  # UnicodeDecodeError and the integer-size limit are ValueErrors too
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from None
    hint = f"post a citation export as a multipart upload in field {UPLOAD_FIELD!r}"
    try:
        if isinstance(payload, list):
            return Source(format="statements", statements=_STATEMENT_LIST.validate_python(payload))
        if isinstance(payload, dict):
            request = StatementsRequest.model_validate(payload)
            return Source(format="statements", target=request.target, statements=request.statements)
    except ValidationError as exc:
        raise InputError(f"invalid statements: {_first_error(exc)}; {hint}") from None
    raise InputError(f"expected a list of statements or an object with 'statements'; {hint}")


@dataclass(frozen=True)
class BriefJob:
    """One brief to make in a worker: the export's bytes (or JSON statements), and how to read and render it."""

    body: bytes
    is_json: bool
    filename: str
    input_format: str | None
    output_format: str
    target: str | None = None

    def run(self, engine: Engine, settings: Settings) -> bytes:
        """Read, summarize, render: the rendering's bytes."""
        if self.is_json:
            source = select_target(_json_source(self.body), self.target)
        else:
            source = read_source(self.body, self.input_format, self.filename, target=self.target)
        brief = make_brief(source, engine, settings)
        text = brief.model_dump_json() if self.output_format == "json" else render(brief, self.output_format)
        return text.encode("utf-8", errors="replace")  # a lone surrogate read from the input is no reason to fail


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


BearerCredentials = Annotated[
    HTTPAuthorizationCredentials | None,
    Depends(HTTPBearer(auto_error=False, description="The token set in service.bearer_token.")),
]


def _bearer_guard(settings: Settings) -> list[Any]:
    """The dependency that checks the bearer token in constant time, or none when no token is set."""
    token = settings.service.bearer_token
    if token is None:
        return []
    expected = token.get_secret_value().encode("utf-8")

    async def check(credentials: BearerCredentials) -> None:
        given = credentials.credentials.encode("utf-8") if credentials else b""
        if not hmac.compare_digest(given, expected):
            raise HTTPException(401, "missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"})

    return [Depends(check)]


def _error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody, "description": _ERROR_MEANINGS[code]} for code in codes}


_ERROR_MEANINGS = {
    400: "The body cannot be parsed (bad JSON, malformed multipart, no file field).",
    401: "A bearer token is required and was missing or wrong.",
    408: "The body was not received in time.",
    413: "The body is over the size limit.",
    415: "The content type is neither multipart/form-data nor application/json.",
    422: "The input is no citation export, or the statements or parameters are invalid.",
    500: "An unexpected server error.",
    502: "The model endpoint failed or gave no valid output.",
    503: "The brief was not made in time, or the server is busy; try again later.",
}


def _install_error_handlers(app: FastAPI, budget: float) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _first_error(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(EndpointError)
    async def endpoint_error(request: Request, exc: EndpointError) -> JSONResponse:
        return _error(502, f"model endpoint error: {exc}")

    @app.exception_handler(NoValidOutputError)
    async def no_valid_output(request: Request, exc: NoValidOutputError) -> JSONResponse:
        return _error(502, f"no valid model output: {exc}")

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, exc: ConfigError) -> JSONResponse:
        log.error("configuration error while serving a request: %s", exc)
        return _error(500, "the server is misconfigured")

    @app.exception_handler(OverBudget)
    async def over_budget(request: Request, exc: OverBudget) -> JSONResponse:
        return _error(503, f"the brief was not made within {budget:g} s; send a smaller input")

    @app.exception_handler(PoolBusy)
    async def busy(request: Request, exc: PoolBusy) -> JSONResponse:
        return _error(503, "the server is busy; try again later", {"Retry-After": "30"})

    @app.exception_handler(WorkerLost)
    async def worker_lost(request: Request, exc: WorkerLost) -> JSONResponse:
        return _error(503, "the worker making the brief stopped; try again later")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error while serving %s %s", request.method, request.url.path)
        return _error(500, "internal server error")


def _request_body_schema(refs: dict[str, str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        UPLOAD_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": f"A citation export in any supported format: {', '.join(READERS.names())}.",
                        }
                    },
                    "required": [UPLOAD_FIELD],
                }
            },
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"type": "array", "items": {"$ref": refs["Statement"]}, "minItems": 1},
                        {"$ref": refs["StatementsRequest"]},
                    ]
                }
            },
        },
    }


def _install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        keys = [(Brief, "serialization"), (Statement, "validation"), (StatementsRequest, "validation")]
        mapping, defs = models_json_schema(keys, ref_template="#/components/schemas/{model}")  # type: ignore[arg-type]
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(defs.get("$defs", {}))
        refs = {model.__name__: mapping[(model, mode)]["$ref"] for model, mode in keys}  # type: ignore[index]
        operation = schema["paths"]["/v1/briefs"]["post"]
        operation["requestBody"] = _request_body_schema(refs)
        # every rendering is text, except that the JSON one is the Brief itself
        media_types = [spec.media_type for spec in RENDERERS]
        content: dict[str, Any] = {m.split(";")[0]: {"schema": {"type": "string"}} for m in media_types}
        content[RENDERERS.get("json").media_type] = {"schema": {"$ref": refs["Brief"]}}
        operation["responses"]["200"]["content"] = content
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _worker_count(settings: Settings) -> int:
    return settings.service.workers or os.cpu_count() or 1


def create_app(settings: Settings) -> FastAPI:
    """The service's ASGI app; the engine and model are the server's, fixed by `settings`."""
    # fail at start-up, not on the first request, if the engine is misconfigured; engines keep no per-run state
    # (the LLM engine opens a session per brief), so one engine, and the encoder it may load, serves every request;
    # the workers are forked now, with it loaded, before the server starts its threads
    engine = make_engine(settings.engine, settings)
    pool = WorkerPool(job_runner(engine, settings), _worker_count(settings), settings.service.max_waiting_requests)
    service = settings.service
    limit = service.max_request_bytes

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from summarizer.service.server import throttle_accept_errors

        throttle_accept_errors(asyncio.get_running_loop())
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="citation-evidence-summarizer",
        version=__version__,
        description="Grounded safety and efficacy briefs from the citation statements about a study.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.worker_pool = pool
    guard = _bearer_guard(settings)
    _install_error_handlers(app, service.request_timeout_seconds)

    @app.get("/healthz", response_model=Health)
    async def healthz() -> Health:
        """Liveness: the service is up (never needs the token)."""
        return Health(version=__version__, engine=settings.engine)

    @app.get("/v1/schema", dependencies=guard, responses=_error_responses(401))
    async def schema() -> dict[str, Any]:
        """The brief's JSON Schema (contract version 1)."""
        return brief_schema()

    @app.post(
        "/v1/briefs",
        dependencies=guard,
        response_class=Response,
        responses={
            200: {"description": "The brief, as JSON or in the format asked for."},
            **_error_responses(400, 401, 408, 413, 415, 422, 500, 502, 503),
        },
    )
    async def create_brief(
        request: Request,
        output_format: Annotated[
            Literal[RENDERERS.names()],  # type: ignore[valid-type]
            Query(alias="format", description="Rendering of the brief."),
        ] = "json",
        input_format: Annotated[
            Literal[READERS.names()] | None,  # type: ignore[valid-type]
            Query(description="Format of an uploaded export; detected when omitted."),
        ] = None,
        target: Annotated[
            str | None,
            Query(
                max_length=300,
                description="DOI of the target paper when the input cites several; the most cited when omitted.",
            ),
        ] = None,
    ) -> Response:
        """Make the brief of an uploaded citation export (multipart field `file`) or of JSON statements."""
        if pool.full():  # refused before its body is read: waiting requests hold their bodies in memory
            raise PoolBusy()
        try:
            async with asyncio.timeout(service.body_timeout_seconds):
                body = await read_body(request, limit)
        except TimeoutError:
            raise HTTPException(408, f"the body was not received within {service.body_timeout_seconds:g} s") from None
        media_type = _media_type(request)
        if media_type == "multipart/form-data":
            data, name = await _uploaded_file(request, body)
            job = BriefJob(data, False, name, input_format, output_format, target)
        elif media_type == "application/json" or media_type.endswith("+json"):
            job = BriefJob(body, True, "body", None, output_format, target)
        else:
            raise HTTPException(415, "send multipart/form-data with a file field, or application/json statements")
        content = await pool.run(job, service.request_timeout_seconds)
        headers = {"X-Content-Type-Options": "nosniff"}
        if output_format == "csv":
            headers["Content-Disposition"] = 'attachment; filename="brief.csv"'
        return Response(content, media_type=RENDERERS.get(output_format).media_type, headers=headers)

    install_page(app, settings, pool, guard)
    _install_openapi(app)
    return app


def serve(settings: Settings) -> None:
    """Run the service with uvicorn on the configured host and port, with its connection limits."""
    import uvicorn

    from summarizer.service.server import uvicorn_config

    service = settings.service
    if service.bearer_token is None and service.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s without a bearer token: anyone who can reach it can use the engine", service.host)
    app = create_app(settings)
    uvicorn.Server(uvicorn_config(app, service, _worker_count(settings))).run()
