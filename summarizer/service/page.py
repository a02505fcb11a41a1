"""The page for people at ``/``: drop a citation export or type a paper's DOI or PMID, read the brief.

Server-rendered (Jinja2) with one small script and one style sheet, both served from this package: the page loads
nothing from another host, and its Content-Security-Policy says so. The form posts to ``POST /page/briefs``, which
answers with newline-delimited JSON events, one per stage (``fetching``, ``reading``, ``writing``), then ``done``
with the brief as the same HTML report the command line writes (shown in a sandboxed frame) and its JSON, Markdown
and CSV for download, or ``error`` with one readable sentence. Errors before the stream starts (a missing token, too
large an upload, a busy server) are ``{"error": sentence}`` with their HTTP status. The page shares the API's limits,
bearer token and worker pool; when a token is set the page asks for it once and keeps it in the tab's session
storage, sending it as an ``Authorization`` header, never in a URL.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import Message

from summarizer._version import __version__
from summarizer.engines import Engine
from summarizer.errors import ConfigError, EndpointError, InputError, NoValidOutputError, ServiceError
from summarizer.models import Brief, Source
from summarizer.readers import READERS, ReadLimits, load_statements
from summarizer.renderers import render
from summarizer.service.work import make_brief, read_body
from summarizer.service.worker_pool import OverBudget, PoolBusy, WorkerLost, WorkerPool
from summarizer.settings import Settings

log = logging.getLogger(__name__)

BRIEFS_PATH = "/page/briefs"
MAX_FILES = 20
DOWNLOADS = ("json", "md", "csv")
# the page's own files, served from summarizer/service/static/ (and nothing else is)
STATIC_FILES = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}
# the HTML report's inline script and style (summarizer/renderers/templates/): a report shown in the page's frame
# runs under the page's policy too, so the page allows exactly these two by hash
_REPORT_ASSETS = ("brief.js", "brief.css")


# ---- jobs run in the worker pool (picklable; the engine and settings are the worker's) ----


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as the browser gave it, and its bytes."""

    name: str
    data: bytes


def _safe_name(name: str, index: int) -> str:
    base = PurePath(name.replace("\\", "/")).name.strip().lstrip(".")
    return base[:120] or f"upload-{index + 1}"


@dataclass(frozen=True)
class ReadUploads:
    """Read the uploads as one statement set, exactly as `summarizer brief FILE... [--target DOI]` reads files."""

    uploads: tuple[Upload, ...]
    target: str | None

    def run(self, engine: Engine, settings: Settings) -> Source:
        limits = ReadLimits(**settings.input.model_dump())
        with tempfile.TemporaryDirectory(prefix="summarizer-page-") as directory:
            paths = []
            for index, upload in enumerate(self.uploads):
                folder = Path(directory) / str(index)
                folder.mkdir()
                path = folder / _safe_name(upload.name, index)
                path.write_bytes(upload.data)
                paths.append(path)
            folders = [f"{path.parent}/" for path in paths]

            def named(text: str) -> str:  # the user's file names, not the server's temporary paths
                for folder in folders:
                    text = text.replace(folder, "")
                return text

            try:
                source = load_statements(paths, target=self.target, limits=limits)
            except InputError as exc:
                raise InputError(named(str(exc))) from None
            source.warnings = [named(warning) for warning in source.warnings]
            return source


@dataclass(frozen=True)
class MakeBrief:
    """The brief of a statement set, by the server's engine."""

    source: Source

    def run(self, engine: Engine, settings: Settings) -> Brief:
        return make_brief(self.source, engine, settings)


@dataclass(frozen=True)
class RenderBrief:
    """The brief as the HTML report and the downloads."""

    brief: Brief

    def run(self, engine: Engine, settings: Settings) -> dict[str, str]:
        return {name: render(self.brief, name) for name in ("html", *DOWNLOADS)}


# ---- errors as sentences ----


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isalpha() and first.islower():  # a plain word; a file name or an identifier keeps its case
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"


class PageError(Exception):
    """An error the page shows as it is: one readable sentence, with the HTTP status for a refused request."""

    def __init__(self, sentence: str, status: int = 422) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.status = status


def _unexpected(exc: BaseException, settings: Settings) -> str:
    log.error("unexpected error while making a brief for the page", exc_info=exc)
    return "Something went wrong on the server, and the error was logged. Please try again."


def _misconfigured(exc: BaseException, settings: Settings) -> str:
    log.error("configuration error while serving the page: %s", exc)
    return "The server is misconfigured, and the error was logged; its operator has to fix it."


def _over_budget(exc: BaseException, settings: Settings) -> str:
    return (
        f"The brief was not made within the time limit of {settings.service.request_timeout_seconds:g} s. "
        "Try a smaller export."
    )


# what the page says for each kind of failure (the nearest class in the exception's MRO wins)
SENTENCES: dict[type[BaseException], Callable[[BaseException, Settings], str]] = {
    PageError: lambda exc, settings: str(exc),
    InputError: lambda exc, settings: "This could not be read as citation statements. " + _sentence(str(exc)),
    ServiceError: lambda exc, settings: "The citation source could not give this paper's statements. "
    + _sentence(str(exc)),
    EndpointError: lambda exc, settings: "The model endpoint failed. " + _sentence(str(exc)),
    NoValidOutputError: lambda exc, settings: "The model gave no valid brief. " + _sentence(str(exc)),
    ConfigError: _misconfigured,
    OverBudget: _over_budget,
    TimeoutError: _over_budget,
    PoolBusy: lambda exc, settings: "The server is busy with other briefs. Please try again in a minute.",
    WorkerLost: lambda exc, settings: "The process making the brief stopped unexpectedly. Please try again.",
    Exception: _unexpected,
}


def error_sentence(exc: BaseException, settings: Settings) -> str:
    """What the page says about a failure: one or two readable sentences, never a traceback."""
    for cls in type(exc).__mro__:
        if cls in SENTENCES:
            return SENTENCES[cls](exc, settings)
    return _unexpected(exc, settings)


# ---- the page, its assets and its policy ----


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """The page's policy: its own script, style and API only; the report's inline script and style by hash."""
    templates = resources.files("summarizer.renderers").joinpath("templates")
    script, style = (_csp_hash(templates.joinpath(name).read_text(encoding="utf-8")) for name in _REPORT_ASSETS)
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' {script}",
            f"style-src 'self' {style}",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    )


def _render_page(settings: Settings) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("summarizer.service", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("index.html.j2").render(
        briefs_path=BRIEFS_PATH,
        token_required=settings.service.bearer_token is not None,
        formats=READERS.names(),
        source=settings.fetch.source,
        max_size=_megabytes(settings.service.max_request_bytes),
        max_files=MAX_FILES,
        version=__version__,
    )


def _event(stage: str, **fields: Any) -> bytes:
    return (json.dumps({"stage": stage, **fields}) + "\n").encode("utf-8")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class PageRequest:
    """What the form sent: files or a paper, and the target DOI."""

    uploads: tuple[Upload, ...]
    paper: str | None
    target: str | None


async def _form(request: Request, body: bytes) -> PageRequest:
    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    if request.headers.get("content-type", "").split(";", 1)[0].strip().lower() != "multipart/form-data":
        raise PageError("The form must be sent as multipart/form-data.", 415)
    try:
        form = await Request(request.scope, replay).form(max_files=MAX_FILES, max_fields=16)
    except HTTPException as exc:
        raise PageError(f"The form could not be read: {exc.detail}.", 400) from None
    except Exception:  # the multipart parser raises several types on malformed bodies
        raise PageError("The form could not be read: the upload is malformed.", 400) from None
    uploads: list[Upload] = []
    for item in form.getlist("file"):
        if isinstance(item, UploadFile) and (item.filename or item.size):
            uploads.append(Upload(item.filename or f"upload-{len(uploads) + 1}", await item.read()))

    def text(name: str) -> str | None:
        value = form.get(name)
        return value.strip() or None if isinstance(value, str) else None

    paper, target = text("paper"), text("target")
    if uploads and paper:
        raise PageError("Give either export files or a paper's DOI or PMID, not both.")
    if not uploads and not paper:
        raise PageError("Choose a citation export file, or type a paper's DOI or PMID.")
    if target is not None and len(target) > 300:
        raise PageError("The target DOI is too long (300 characters at most).")
    return PageRequest(tuple(uploads), paper, target)


@dataclass(frozen=True)
class FetchPaper:
    """The paper's statements from the configured source, as `summarizer brief --paper` gets them; in a worker, so
    that turning a large answer into statements never holds the server's event loop."""

    paper: str

    def run(self, engine: Engine, settings: Settings) -> tuple[Source, list[str]]:
        from summarizer.fetch import fetch_statements, parse_paper_id

        try:
            paper_id = parse_paper_id(self.paper)
        except InputError as exc:
            raise PageError(f"“{self.paper[:100]}” is not a DOI, PMID or PMCID. {_sentence(str(exc))}") from None
        notices: list[str] = []
        fetched, _ = fetch_statements(paper_id, settings=settings, notify=notices.append)
        if not fetched.source.statements:
            raise PageError(f"The citation source has no citation statements for {paper_id}.")
        return fetched.source, notices


async def _events(page: PageRequest, settings: Settings, pool: WorkerPool) -> AsyncIterator[bytes]:
    """The stages of one brief as they happen, then the brief or the error."""
    budget = settings.service.request_timeout_seconds
    deadline = time.monotonic() + budget

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise OverBudget()
        return remaining

    notes: list[str] = []
    try:
        if page.paper is not None:
            where = settings.fetch.source
            yield _event("fetching", text=f"Fetching the citation statements of {page.paper} from {where}")
            source, notes = await pool.run(FetchPaper(page.paper), left())
        else:
            yield _event("opening", text=f"Opening {_plural(len(page.uploads), 'file')}")
            source = await pool.run(ReadUploads(page.uploads, page.target), left())
        count = len(source.statements)
        yield _event("reading", text=f"Reading {_plural(count, 'statement')}", statements=count)
        brief = await pool.run(MakeBrief(source), left())
        yield _event("writing", text="Writing the brief")
        rendered = await pool.run(RenderBrief(brief), left())
    except Exception as exc:
        yield _event("error", error=error_sentence(exc, settings))
        return
    yield _event(
        "done",
        statements=count,
        html=rendered["html"],
        downloads={name: rendered[name] for name in DOWNLOADS},
        notes=[*notes, *brief.provenance.warnings],
    )


def install_page(app: FastAPI, settings: Settings, pool: WorkerPool, guard: list[Any]) -> None:
    """Add the page (``GET /``), its two assets and ``POST /page/briefs`` to the service's app."""
    service = settings.service
    policy = content_security_policy()
    headers = {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }
    html = _render_page(settings)
    assets = resources.files("summarizer.service").joinpath("static")
    static = {name: assets.joinpath(name).read_bytes() for name in STATIC_FILES}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(html, headers=headers)

    @app.get("/static/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in static:
            return JSONResponse({"error": "not found"}, 404)
        return Response(static[name], media_type=STATIC_FILES[name], headers=headers)

    @app.post(BRIEFS_PATH, dependencies=guard, include_in_schema=False)
    async def page_brief(request: Request) -> Response:
        try:
            if pool.full():
                raise PoolBusy()
            try:
                async with asyncio.timeout(service.body_timeout_seconds):
                    body = await read_body(request, service.max_request_bytes)
            except TimeoutError:
                raise PageError(
                    f"The upload was not received within {service.body_timeout_seconds:g} s. Please try again.", 408
                ) from None
            except HTTPException as exc:
                if exc.status_code == 413:
                    raise PageError(
                        f"The upload is too large: this server takes up to {_megabytes(service.max_request_bytes)}"
                        " at a time.",
                        413,
                    ) from None
                raise PageError(_sentence(str(exc.detail)), exc.status_code) from None
            form = await _form(request, body)
        except PageError as exc:
            return JSONResponse({"error": exc.sentence}, exc.status)
        except PoolBusy as exc:
            return JSONResponse({"error": error_sentence(exc, settings)}, 503, {"Retry-After": "30"})
        return StreamingResponse(
            _events(form, settings, pool),
            media_type="application/x-ndjson",
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"},
        )
