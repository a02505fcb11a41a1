"""The threaded 127.0.0.1 server the service stand-ins share (citation_server, batch_server): start, stop, reply."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a client that went away (a killed batch run) is no error of the stand-in


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def reply(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
        """Send one response; headers may set content-type (JSON by default)."""
        try:
            self.send_response(status)
            sent = {"content-type": "application/json", **(headers or {})}
            for key, value in sent.items():
                self.send_header(key, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LocalServer:
    """Listens on a free port of 127.0.0.1 in a background thread; subclasses give `handler()`."""

    _httpd: ThreadingHTTPServer | None = None

    def handler(self) -> type[BaseHTTPRequestHandler]:
        raise NotImplementedError

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    def start(self) -> None:
        self._httpd = QuietServer(("127.0.0.1", 0), self.handler())
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> Any:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
