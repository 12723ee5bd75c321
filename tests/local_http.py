"""A real HTTP server on 127.0.0.1 for tests: pages and feeds that the test itself wrote.

Never any other address: the tests that use it allow exactly 127.0.0.1/32.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ALLOW_LOCAL = ("127.0.0.1/32",)


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (a timeout test) is expected: no traceback on the test's output."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow server
    fail_first: int = 0  # the first N requests get a 503
    etag: str | None = None  # an If-None-Match equal to it gets a 304


class LocalServer:
    """ThreadingHTTPServer in a thread; records every request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hits: Counter[str] = Counter()
        self.active: Counter[str] = Counter()  # requests being answered now, per path prefix
        self.max_active = 0
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", *, content_type: str = "text/html; charset=utf-8", **kw) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type, **kw.pop("headers", {})}
        self.routes[path] = Route(body=data, headers=headers, **kw)
        return self.url(path)

    def redirect(self, path: str, location: str, *, status: int = 302) -> str:
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path
                with server._lock:
                    server.requests.append((path, dict(self.headers)))
                    server.hits[path] += 1
                    count = server.hits[path]
                    server.active[path] += 1
                    server.max_active = max(server.max_active, sum(server.active.values()))
                try:
                    self._answer(server.routes.get(path), count)
                finally:
                    with server._lock:
                        server.active[path] -= 1

            def _answer(self, route: Route | None, count: int) -> None:
                if route is None:
                    return self._send(404, {"Content-Type": "text/plain"}, b"not found")
                if route.delay:
                    time.sleep(route.delay)
                if count <= route.fail_first:
                    return self._send(503, {"Content-Type": "text/plain", "Retry-After": "0"}, b"busy")
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, {"ETag": route.etag}, b"")
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                return self._send(route.status, headers, route.body)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

            def log_message(self, *args: object) -> None:  # quiet
                pass

        return Handler
