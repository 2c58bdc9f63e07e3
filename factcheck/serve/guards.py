"""What stands between the network and the desk: a body size limit (413 before the app
reads anything too large, whether the client announced its length or streams it), a
same-origin rule for every POST (another web page must not be able to file decisions
or documents through a reviewer's browser), and headers that keep pages inert."""
from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" would make Origin "null" on form posts
    (b"x-frame-options", b"DENY"),
]


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413. A declared Content-Length is
    judged before reading; a streamed body is buffered up to the limit and then handed on
    (so the app never sees a partial body)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            if size > self.limit:
                return await self._refuse(scope, receive, send)
            chunks.append(message)
            if not message.get("more_body"):
                break
        return await self.app(scope, self._replay(chunks, receive), send)

    @staticmethod
    def _replay(chunks, receive):
        async def replayed():
            return chunks.pop(0) if chunks else await receive()
        return replayed

    async def _refuse(self, scope, receive, send):
        response = PlainTextResponse(f"request body over the {self.limit}-byte limit\n", status_code=413,
                                     headers={"connection": "close"})
        await response(scope, receive, send)


class SameOrigin:
    """A POST must come from the desk's own pages: a browser's ``Origin`` (or, without
    it, ``Sec-Fetch-Site``) naming another site is refused with 403. Scripts and tools
    that send neither (curl, the JSON API's clients) are not browsers and pass."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and not self._same(Headers(scope=scope)):
            response = PlainTextResponse("cross-site request refused\n", status_code=403)
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)

    @staticmethod
    def _same(headers: Headers) -> bool:
        origin = headers.get("origin")
        if origin is not None:
            return origin != "null" and urlsplit(origin).netloc == headers.get("host", "")
        return headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)
        await self.app(scope, receive, with_headers)
