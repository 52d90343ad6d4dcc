"""The HTTP service: ``chorus serve`` (FastAPI + uvicorn).

Endpoints:
    ``POST /v1/summarize``  JSON ``{"documents": [{"text"|"html", "id"?, "title"?, "date"?}], "words"?, "query"?}``
                            or a multipart upload (``files``: .txt/.md/.html/.htm/.json/.jsonl, plus optional
                            ``words`` and ``query`` fields). Returns ``Summary.to_dict()``; with ``?view=true``
                            the response also carries ``"view"``, the HTML fragment the web page shows.
    ``GET /health``         ``{"status": "ok"}``, answered on the event loop even while summaries are running.
    ``GET /``               the web page (``chorus/web/``), and its assets under ``/assets/``.
    ``GET /openapi.json``   the generated OpenAPI document (``/docs`` shows it).

Every error is JSON ``{"error": "one line", "limit": name-or-null, "value": number-or-null}`` with a 4xx
status (413 for a size limit, 422 for a malformed request, 503 when the time budget runs out); a bad
request never gets a 500. The server reads no local path and fetches no URL for a client: documents
arrive as text, HTML or uploaded bytes, and only those bytes are read.

Summaries run off the event loop, in a process pool (default, one worker per core) or a thread pool.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import multiprocessing
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import PurePath
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from chorus.errors import ChorusInputError
from chorus.options import ServerLimits

log = logging.getLogger("chorus.server")

UPLOAD_SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"})
WEB_ASSETS = {"app.js": "text/javascript", "view.js": "text/javascript", "app.css": "text/css"}


class LimitExceeded(Exception):
    """A request past one of the ``ServerLimits`` (picklable: raised inside pool workers too)."""

    def __init__(self, message: str, limit: str, value: float, status: int = 413) -> None:
        super().__init__(message, limit, value, status)
        self.message, self.limit, self.value, self.status = message, limit, value, status

    def __str__(self) -> str:
        return self.message


# --- request schema (documentation and validation of the JSON body) ---


class DocumentIn(BaseModel):
    """One report: ``text`` (plain text) or ``html`` (a page; its main text is extracted)."""

    text: str | None = Field(default=None, description="the report as plain text")
    html: str | None = Field(default=None, description="the report as an HTML page (main text extracted)")
    id: str | None = Field(default=None, description="identifier used in citations (default doc1, doc2...)")
    title: str | None = None
    date: str | None = Field(default=None, description="publication date: ISO 8601 (2019-04-30), RFC 2822 or April 30, 2019")

    @model_validator(mode="after")
    def _text_or_html(self) -> DocumentIn:
        if self.text is None and self.html is None:
            raise ValueError("a document needs a 'text' or an 'html' string")
        return self


class SummarizeRequest(BaseModel):
    """Reports of one event to summarise."""

    documents: list[DocumentIn | str] = Field(description="the reports (objects, or plain strings of text)")
    words: int = Field(default=100, ge=1, description="word budget of the brief")
    query: str | None = Field(default=None, description="optional topic that steers the brief")


# --- the work done in the pool (top-level functions: picklable) ---


def _warm_up() -> bool:
    import chorus.html_report
    import chorus.pipeline  # noqa: F401  (imports numpy, scipy, trafilatura once per worker)

    return True


def build_documents(items: list[dict], max_words_per_document: int, max_documents: int = 10**9) -> tuple[list, str]:
    """Documents (and any cluster query) from request items, limits checked.

    ``items`` hold ``{"kind": "text"|"html", ...fields}`` or ``{"kind": "file", "name", "data"}``.
    Raises ``ChorusInputError`` for unusable input and ``LimitExceeded`` for too-long documents.
    """
    from chorus.ingest import document_from_mapping, parse_bytes
    from chorus.models import Document

    documents: list[Document] = []
    cluster_query = ""
    for index, item in enumerate(items):
        if item["kind"] == "file":
            for cluster in parse_bytes(item["data"], item["name"]):
                documents.extend(cluster.documents)
                cluster_query = cluster_query or cluster.query
        else:
            documents.append(document_from_mapping(item, f"doc{index + 1}"))
    if len(documents) > max_documents:
        raise LimitExceeded(
            f"{len(documents)} documents; the limit is {max_documents} per request", "max_documents", max_documents
        )
    for doc in documents:
        if doc.words > max_words_per_document:
            raise LimitExceeded(
                f"document {doc.id!r} has {doc.words} words; the limit is {max_words_per_document} words per document",
                "max_words_per_document",
                max_words_per_document,
            )
    if not any(d.text.strip() for d in documents):
        raise ChorusInputError("no readable text in the documents")
    return documents, cluster_query


def run_job(
    items: list[dict], words: int, query: str | None, view: bool, max_words_per_document: int, max_documents: int = 10**9
) -> dict:
    """Build the documents and summarise them (runs in a pool worker)."""
    from chorus.options import SummaryOptions
    from chorus.pipeline import summarize

    documents, cluster_query = build_documents(items, max_words_per_document, max_documents)
    summary = summarize(documents, options=SummaryOptions(words=words, query=query or cluster_query or None))
    result = summary.to_dict()
    if view:
        from chorus.html_report import render_view

        result["view"] = render_view(summary)
    return result


def run_digest_job(items: list[dict], words: int, view: bool, max_words_per_document: int, max_documents: int = 10**9) -> dict:
    """Group the documents into stories and brief each one (runs in a pool worker)."""
    from chorus.digest import digest

    documents, _ = build_documents(items, max_words_per_document, max_documents)
    result = digest(documents, words=words)
    data = result.to_dict()
    if view:
        from chorus.html_report import render_digest_view

        data["view"] = render_digest_view(result)
    return data


# --- helpers ---


def _error(status: int, message: str, limit: str | None = None, value: float | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "limit": limit, "value": value}, status_code=status)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    """One line from pydantic's errors: ``documents.0: a document needs a 'text' or an 'html' string``."""
    parts: list[str] = []
    # A document may be an object or a string: drop the string branch's complaint when there are others.
    errors = [e for e in errors if tuple(e.get("loc", ()))[-1:] != ("str",)] or errors
    for error in errors:
        # Union members and validators add loc parts like "str" or "function-after[...]": drop them.
        loc = [
            str(p) for p in error.get("loc", ()) if isinstance(p, int) or (p != "body" and p.isidentifier() and p[0].islower())
        ]
        loc = [p for p in loc if p not in ("str", "int", "dict", "list")]
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        part = f"{'.'.join(loc)}: {message}" if loc else message
        if part not in parts:
            parts.append(part)
    parts = parts or ["invalid value"]
    more = f" (and {len(parts) - 3} more)" if len(parts) > 3 else ""
    return "invalid request: " + "; ".join(parts[:3]) + more


class _BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuses bodies over ``max_bytes`` before reading them (Content-Length) or while reading them."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(send)
                return
        received = 0

        async def limited_receive() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        await self.app(scope, limited_receive, send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps(_body_limit_payload(self.max_bytes)).encode()
        await send({"type": "http.response.start", "status": 413, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})


def _body_limit_payload(max_bytes: int) -> dict:
    return {"error": f"request body too large: the limit is {max_bytes} bytes", "limit": "max_body_bytes", "value": max_bytes}


def _make_executor(limits: ServerLimits) -> concurrent.futures.Executor:
    workers = limits.workers or os.cpu_count() or 1
    if limits.executor == "thread":
        return concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chorus")
    # fork: workers inherit the imported pipeline and never re-run the caller's main module (spawn
    # would, and fails when that module is a script without a __main__ guard). The pool is started
    # in the app's startup, before any request thread exists.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method), initializer=_worker_signals
    )


def _worker_signals() -> None:
    """A forked worker inherits the server's signal handlers, which only ask the (parent's) loop to stop: with them a
    worker outlives the server as an orphan. Workers stop on SIGTERM and leave Ctrl-C to the server."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _web_file(name: str) -> str:
    return (resources.files("chorus") / "web" / name).read_text(encoding="utf-8")


# --- the app ---


# What both endpoints answer on bad input, in the OpenAPI document.
ERROR_RESPONSES = {
    "413": {"description": "past a size limit: {error, limit, value}"},
    "422": {"description": "malformed request: {error, limit, value}"},
    "503": {"description": "the time budget ran out: {error, limit, value}"},
}


def create_app(limits: ServerLimits | None = None) -> FastAPI:
    """The Chorus web service, with ``limits`` (``ServerLimits()`` defaults when None)."""
    limits = limits or ServerLimits()
    state: dict[str, concurrent.futures.Executor] = {}

    def executor() -> concurrent.futures.Executor:
        if "pool" not in state:
            state["pool"] = _make_executor(limits)
        return state["pool"]

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import chorus.html_report
        import chorus.pipeline  # noqa: F401  (loaded once, before the workers fork)

        pool = executor()
        for _ in range(limits.workers or os.cpu_count() or 1):
            pool.submit(_warm_up)
        try:
            yield
        finally:
            state.pop("pool", None)
            # the pool's own worker processes (a private attribute of ProcessPoolExecutor, read before shutdown
            # forgets them; none for a thread pool): after SIGTERM they would outlive the server as orphans
            workers = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for worker in workers:
                worker.terminate()

    app = FastAPI(
        title="Chorus",
        version=_version(),
        summary="Many news reports of one event in, one short cited brief out.",
        lifespan=lifespan,
    )
    app.state.limits = limits
    app.add_middleware(BodyLimitMiddleware, max_bytes=limits.max_body_bytes)

    @app.exception_handler(_BodyTooLarge)
    async def _too_large(request: Request, exc: _BodyTooLarge) -> JSONResponse:
        return JSONResponse(_body_limit_payload(limits.max_body_bytes), status_code=413)

    @app.exception_handler(LimitExceeded)
    async def _limit(request: Request, exc: LimitExceeded) -> JSONResponse:
        return _error(exc.status, exc.message, exc.limit, exc.value)

    @app.exception_handler(ChorusInputError)
    async def _input(request: Request, exc: ChorusInputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return _error(500, f"internal error ({type(exc).__name__}); please report it")

    @app.get("/health", summary="Liveness: answers at once, even while summaries run")
    async def health() -> dict:
        return {"status": "ok", "version": _version()}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(_web_file("index.html"))

    @app.get("/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in WEB_ASSETS:  # a fixed list: no path from the client reaches the file system
            return _error(404, f"no asset named {name!r}")
        return Response(_web_file(name), media_type=WEB_ASSETS[name], headers={"Cache-Control": "no-cache"})

    @app.post(
        "/v1/summarize",
        summary="Summarise reports of one event into a cited brief",
        response_description="Summary.to_dict(): summary, words, outlets, sentences, documents, entities, quotes, "
        "disagreements, timeline (plus 'view' with ?view=true)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}},
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                                "words": {"type": "integer", "default": 100},
                                "query": {"type": "string"},
                            },
                            "required": ["files"],
                        }
                    },
                },
            },
            "responses": ERROR_RESPONSES,
        },
    )
    async def summarize_endpoint(request: Request, view: bool = False) -> JSONResponse:
        items, words, query = await _checked_request(request)
        return await _run(run_job, items, words, query, view, limits.max_words_per_document, limits.max_documents)

    @app.post(
        "/v1/digest",
        summary="Group mixed reports into stories and brief each one",
        response_description="{stories: [{id, title, documents, outlets, brief: Summary.to_dict()}]}, "
        "ranked by independent outlets",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}}},
            },
            "responses": ERROR_RESPONSES,
        },
    )
    async def digest_endpoint(request: Request, view: bool = False) -> JSONResponse:
        items, words, _ = await _checked_request(request)
        return await _run(run_digest_job, items, words, view, limits.max_words_per_document, limits.max_documents)

    async def _checked_request(request: Request) -> tuple[list[dict], int, str | None]:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "multipart/form-data":
            items, words, query = await _read_multipart(request, limits)
        else:
            items, words, query = await _read_json(request, limits)
        if not items:
            raise ChorusInputError("no documents given")
        if len(items) > limits.max_documents:
            raise LimitExceeded(
                f"{len(items)} documents; the limit is {limits.max_documents} per request", "max_documents", limits.max_documents
            )
        if words > limits.max_brief_words:
            raise LimitExceeded(
                f"words={words}; the limit is {limits.max_brief_words}", "max_brief_words", limits.max_brief_words, status=422
            )
        for number, item in enumerate(items, 1):
            if item["kind"] == "text" and len(item["text"].split()) > limits.max_words_per_document:
                raise LimitExceeded(
                    f"document {number} has {len(item['text'].split())} words; "
                    f"the limit is {limits.max_words_per_document} words per document",
                    "max_words_per_document",
                    limits.max_words_per_document,
                )
        return items, words, query

    async def _run(job: Any, *arguments: Any) -> JSONResponse:
        """Run a job in the worker pool within the time budget (the event loop stays free)."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(executor(), job, *arguments)
        try:
            result = await asyncio.wait_for(future, timeout=limits.time_budget_seconds)
        except TimeoutError:
            raise LimitExceeded(
                f"the work took longer than the time budget of {limits.time_budget_seconds:g} seconds; "
                "retry later or send fewer or shorter documents",
                "time_budget_seconds",
                limits.time_budget_seconds,
                status=503,
            ) from None
        except BrokenProcessPool:
            state.pop("pool", None)
            return _error(503, "a summary worker stopped; please retry")
        return JSONResponse(result)

    original_openapi = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original_openapi()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        request_schema = SummarizeRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(request_schema.pop("$defs", {}))
        components["SummarizeRequest"] = request_schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


async def _read_json(request: Request, limits: ServerLimits) -> tuple[list[dict], int, str | None]:
    body = await request.body()
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ChorusInputError(f"the body is not valid JSON ({getattr(error, 'msg', None) or error.reason})") from None
    except RecursionError:
        raise ChorusInputError("the body is not valid JSON for this API (nested too deeply)") from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list) and len(data["documents"]) > limits.max_documents:
        raise LimitExceeded(
            f"{len(data['documents'])} documents; the limit is {limits.max_documents} per request",
            "max_documents",
            limits.max_documents,
        )
    try:
        parsed = SummarizeRequest.model_validate(data)
    except ValidationError as error:
        raise ChorusInputError(_validation_message(list(error.errors()))) from None
    items: list[dict] = []
    for doc in parsed.documents:
        if isinstance(doc, str):
            items.append({"kind": "text", "text": doc})
            continue
        fields = {"id": doc.id or "", "title": doc.title or "", "date": doc.date or ""}
        if doc.text is not None:
            items.append({"kind": "text", "text": doc.text, **fields})
        else:
            items.append({"kind": "html", "html": doc.html, **fields})
    return items, parsed.words, parsed.query


async def _read_multipart(request: Request, limits: ServerLimits) -> tuple[list[dict], int, str | None]:
    try:
        form = await request.form(max_files=limits.max_documents + 1, max_fields=100)
    except _BodyTooLarge:
        raise
    except Exception as error:  # malformed multipart, too many parts
        raise ChorusInputError(f"malformed multipart upload: {getattr(error, 'detail', None) or error}") from None
    items: list[dict] = []
    words_field = "100"
    query: str | None = None
    for key, value in form.multi_items():
        if isinstance(value, str):
            if key == "words":
                words_field = value
            elif key == "query":
                query = value.strip() or None
            continue
        name = PurePath(value.filename or key or "upload").name or "upload"
        suffix = PurePath(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise ChorusInputError(f"{name}: unsupported file type (send .txt, .md, .html, .htm, .json or .jsonl)")
        data = await value.read()
        if data.strip():
            items.append({"kind": "file", "name": name, "data": data})
    try:
        words = int(words_field)
    except ValueError:
        raise ChorusInputError(f"words must be a whole number, got {words_field[:40]!r}") from None
    if words < 1:
        raise ChorusInputError(f"words must be at least 1, got {words}")
    return items, words, query


def _version() -> str:
    from chorus import __version__

    return __version__


if __name__ == "__main__":  # python -m chorus.server [--host H] [--port P] ...: the same as chorus serve
    import argparse
    import sys

    from chorus.cli_serve import add_command, run_serve

    _parser = argparse.ArgumentParser(prog="python -m chorus.server")
    add_command(_parser.add_subparsers(dest="command"))
    sys.exit(run_serve(_parser.parse_args(["serve", *sys.argv[1:]])))
