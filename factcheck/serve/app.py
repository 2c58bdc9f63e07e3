"""The review desk as an ASGI app (Starlette): routes, form and upload handling, the JSON
API. State lives in :class:`~factcheck.serve.desk.Desk`; guards in :mod:`.guards`.

Routes: ``GET /`` paste or upload; ``POST /check`` -> 303 to ``/doc/ID``; ``GET /doc/ID``
the review page; ``POST /doc/ID/decide`` a decision -> 303 back to the card; ``GET
/batch/`` the folder's index; ``GET /batch/doc/PATH`` and ``POST /batch/decide/PATH`` the
same for a document of the folder; ``POST /api/check`` JSON ``{"text", "date"}`` or a
multipart upload (``file``, ``date``) -> the ``factcheck.report/1`` JSON.
"""
from __future__ import annotations

from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..baseline import ACTIONS, LABELS, Decision
from ..errors import FactcheckError, InputError
from ..render import RenderOptions, render_html
from . import pages
from .desk import Desk, DeskConfig, Document, document_from_text, document_from_upload, parse_date
from .guards import BodyLimit, SameOrigin, SecurityHeaders

FORM_ACTIONS = ("accept", "override", "comment")  # what a card's form offers (suppress stays a CLI action)


async def read_document(request: Request, desk: Desk) -> Document:
    """The document of a form post or an API call: pasted text, JSON or an uploaded file."""
    limit = desk.config.max_bytes
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = await request.json()
        except ValueError:
            raise InputError("the body is not valid JSON") from None
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise InputError('expected a JSON object {"text": "...", "date": "YYYY-MM-DD"}')
        published = parse_date(body.get("date") if isinstance(body.get("date"), str) else None)
        return document_from_text(body["text"], published, limit)
    form = await request.form(max_files=1, max_fields=10, max_part_size=limit)
    published = parse_date(form.get("date") if isinstance(form.get("date"), str) else None)
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read(limit + 1)
        return await run_in_threadpool(document_from_upload, data, upload.filename, published, limit)
    text = form.get("text")
    return document_from_text(text if isinstance(text, str) else "", published, limit)


def review_page(desk: Desk, doc: Document, action: str, home: str) -> HTMLResponse:
    try:
        report = desk.reviewed(doc)
    except FactcheckError as exc:  # a baseline file edited into an invalid one, bad data
        return HTMLResponse(pages.error("Cannot show this review", str(exc)), status_code=500)
    options = RenderOptions(title=f"factcheck: {doc.name}", review_action=action, home_url=home)
    return HTMLResponse(render_html(report, options))


async def front(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    recent = await run_in_threadpool(desk.recent)
    return HTMLResponse(pages.front(recent, desk.config.batch_dir is not None, str(desk.config.baseline),
                                    desk.config.max_bytes))


async def submit(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    try:
        doc = await read_document(request, desk)
        key = await run_in_threadpool(desk.save, doc)
    except FactcheckError as exc:
        return HTMLResponse(pages.error("Cannot check this document", str(exc)), status_code=400)
    return RedirectResponse(f"/doc/{key}", status_code=303)


async def document(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    key = request.path_params["doc_id"]
    doc = await run_in_threadpool(desk.load, key)
    if doc is None:
        return HTMLResponse(pages.error("Not found", "No such document on this desk."), status_code=404)
    return await run_in_threadpool(review_page, desk, doc, f"/doc/{key}/decide", "/")


async def decision_from(request: Request) -> tuple[Decision, str]:
    form = await request.form(max_files=0, max_fields=20, max_part_size=4096)
    get = {k: form.get(k) if isinstance(form.get(k), str) else "" for k in
           ("fingerprint", "action", "label", "note", "text", "was", "n")}
    if get["action"] not in FORM_ACTIONS:
        raise InputError(f"action must be one of {', '.join(FORM_ACTIONS)}")
    label = get["label"] if get["action"] == "override" else None
    if label is not None and label not in LABELS:
        raise InputError("label must be a verdict label")
    anchor = f"#c{get['n']}" if get["n"].isdigit() else ""
    note = " ".join(get["note"].split())[:500]
    return Decision(get["fingerprint"], get["action"], label, note, get["text"][:200], get["was"][:40]), anchor


async def decide(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    key = request.path_params["doc_id"]
    if await run_in_threadpool(desk.load, key) is None:
        return HTMLResponse(pages.error("Not found", "No such document on this desk."), status_code=404)
    return await _decide(request, desk, f"/doc/{key}")


async def _decide(request: Request, desk: Desk, back: str) -> Response:
    try:
        decision, anchor = await decision_from(request)
        await run_in_threadpool(desk.decide, decision)
    except FactcheckError as exc:
        return HTMLResponse(pages.error("Decision not saved", str(exc)), status_code=400)
    return RedirectResponse(back + anchor, status_code=303)


async def batch_index(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    if desk.config.batch_dir is None:
        return HTMLResponse(pages.error("No folder", "Start the desk with --batch-dir DIR."), status_code=404)
    from ..batch_reports import index_html

    rows = await run_in_threadpool(desk.batch_rows)
    return HTMLResponse(index_html(rows, link=lambda rel: "./doc/" + quote(rel, safe="/"),
                                   title=f"factcheck: {desk.config.batch_dir.name}"))


async def batch_document(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    rel = request.path_params["rel"]
    try:
        doc = await run_in_threadpool(desk.batch_document, rel)
    except FactcheckError as exc:
        return HTMLResponse(pages.error("Cannot read this document", str(exc)), status_code=400)
    if doc is None:
        return HTMLResponse(pages.error("Not found", "No such document in the folder."), status_code=404)
    if request.method == "POST":
        return await _decide(request, desk, "/batch/doc/" + quote(rel, safe="/"))
    return await run_in_threadpool(review_page, desk, doc, "/batch/doc/" + quote(rel, safe="/"), "/batch/")


async def api_check(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    try:
        doc = await read_document(request, desk)
        report = await run_in_threadpool(desk.check, doc)
    except FactcheckError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse(report.to_dict())


def allowed_hosts(host: str) -> list[str]:
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({"127.0.0.1", "localhost", "::1", "[::1]", host})


def create_app(config: DeskConfig, host: str = "127.0.0.1", checker=None) -> Starlette:
    """The desk app; ``checker`` lets tests share one loaded :class:`~factcheck.api.Checker`."""
    routes = [Route("/", front), Route("/check", submit, methods=["POST"]),
              Route("/doc/{doc_id}", document), Route("/doc/{doc_id}/decide", decide, methods=["POST"]),
              Route("/batch/", batch_index), Route("/batch/doc/{rel:path}", batch_document, methods=["GET", "POST"]),
              Route("/api/check", api_check, methods=["POST"])]
    middleware = [Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host)),
                  Middleware(BodyLimit, limit=config.max_bytes + 64 * 1024), Middleware(SameOrigin)]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.desk = Desk(config, checker)
    return app


__all__ = ["create_app", "DeskConfig", "ACTIONS"]
