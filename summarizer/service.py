"""The HTTP service: POST a citation export or statements, get the brief (FastAPI on uvicorn).

Errors are JSON objects ``{"error": "..."}``, never tracebacks: 400 for a body that cannot be parsed (bad JSON, no
``file`` field), 401 for a missing or wrong bearer token, 413 for a body over ``service.max_request_bytes``, 415
for another content type, 422 for input that parses but is no citation export or no valid statements
(``InputError``), 502 when the model endpoint fails or gives no valid output, 500 for anything unexpected. The
engine, model and endpoint come from the server's settings only; no request field can change them.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import Message

from summarizer._version import __version__
from summarizer.engines import make_engine
from summarizer.errors import ConfigError, EndpointError, InputError, NoValidOutputError
from summarizer.models import Brief, Source, Statement, Target
from summarizer.pipeline import asummarize
from summarizer.readers import READERS, read_source
from summarizer.renderers import RENDERERS, brief_schema, render
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


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed the limit."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPException(400, "invalid Content-Length header")
        if int(declared) > limit:
            raise HTTPException(413, f"request body is over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _uploaded_source(request: Request, body: bytes, input_format: str | None) -> Source:
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
    data = await upload.read()
    name = upload.filename or "upload"
    return await run_in_threadpool(read_source, data, input_format, name)


def _json_source(body: bytes) -> Source:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body is not valid JSON") from None
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
    413: "The body is over the size limit.",
    415: "The content type is neither multipart/form-data nor application/json.",
    422: "The input is no citation export, or the statements or parameters are invalid.",
    500: "An unexpected server error.",
    502: "The model endpoint failed or gave no valid output.",
}


def _install_error_handlers(app: FastAPI) -> None:
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


def create_app(settings: Settings) -> FastAPI:
    """The service's ASGI app; the engine and model are the server's, fixed by `settings`."""
    # fail at start-up, not on the first request, if the engine is misconfigured; engines keep no per-run state
    # (the LLM engine opens a session per brief), so one engine, and the encoder it may load, serves every request
    engine = make_engine(settings.engine, settings)
    limit = settings.service.max_request_bytes
    app = FastAPI(
        title="citation-evidence-summarizer",
        version=__version__,
        description="Grounded safety and efficacy briefs from the citation statements about a study.",
        docs_url=None,
        redoc_url=None,
    )
    guard = _bearer_guard(settings)
    _install_error_handlers(app)

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
            **_error_responses(400, 401, 413, 415, 422, 500, 502),
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
    ) -> Response:
        """Make the brief of an uploaded citation export (multipart field `file`) or of JSON statements."""
        body = await _read_body(request, limit)
        media_type = _media_type(request)
        if media_type == "multipart/form-data":
            source = await _uploaded_source(request, body, input_format)
        elif media_type == "application/json" or media_type.endswith("+json"):
            source = _json_source(body)
        else:
            raise HTTPException(415, "send multipart/form-data with a file field, or application/json statements")
        brief = await asummarize(source, engine=engine, settings=settings)
        text = brief.model_dump_json() if output_format == "json" else render(brief, output_format)
        headers = {"X-Content-Type-Options": "nosniff"}
        if output_format == "csv":
            headers["Content-Disposition"] = 'attachment; filename="brief.csv"'
        return Response(text, media_type=RENDERERS.get(output_format).media_type, headers=headers)

    _install_openapi(app)
    return app


def serve(settings: Settings) -> None:
    """Run the service with uvicorn on the configured host and port."""
    import uvicorn

    service = settings.service
    if service.bearer_token is None and service.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s without a bearer token: anyone who can reach it can use the engine", service.host)
    uvicorn.run(create_app(settings), host=service.host, port=service.port, server_header=False, proxy_headers=False)
