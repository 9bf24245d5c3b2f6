"""serve's HTTP side: the built outputs of ``out`` on localhost, each HTML page with the reload
script added on the way out (the files on disk stay what ``build`` wrote), the reload messages,
and the review page's forms, taken from this machine only, with the token of a page it gave.
Only localhost names are answered; the build's own files (locks, caches, staging folders) and
folder listings are never served."""

from __future__ import annotations

import hmac
import json
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .errors import CONTROL, InputError, RenderError, UsageError, visible
from .serve_forms import Desk, Outdated, form_script
from .serve_live import RELOAD_SCRIPT, Live

LOCAL_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
MAX_FORM = 64 * 1024  # a name and a comment; anything larger is not from our page


class _Handler(SimpleHTTPRequestHandler):
    live: Live
    desk: Desk
    hosts: frozenset[str]

    def _reply(self, code: int, text: str, reload: str | None = None) -> None:
        """An error as a short status line and the sentence, in UTF-8, as the body: a status
        line cannot carry a newline or a character outside Latin-1. ``reload``: a page the
        browser goes back to after a few seconds to read the sentence."""
        body = (visible(text) + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if reload is not None:
            self.send_header("Refresh", f"3; url={reload}")
        self.end_headers()
        self._body(body)

    def _body(self, body: bytes) -> None:
        """A HEAD is answered with the headers of its GET and no body."""
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        # No other site may frame these pages (a framed review page's buttons could be clicked
        # through a decoy): every answer says so, to browsers old and new.
        self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
        self.send_header("X-Frame-Options", "DENY")
        super().end_headers()

    def _refused(self) -> bool:
        """Only localhost names in Host: a page of another site that resolves its own name to
        127.0.0.1 (DNS rebinding) reads nothing here."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in self.hosts:
            self._reply(421, "this server answers to localhost only")
            return True
        return False

    def _unreadable(self) -> bool:
        """A file this server does not give, answered: a wrong Host, a control character in
        the path, or the build's own files (locks, cache manifests, staging folders)."""
        if self._refused():
            return True
        wanted = unquote(urlsplit(self.path).path)
        if CONTROL.search(wanted):  # a NUL byte would reach the file system
            self._reply(400, "control characters in the path")
            return True
        if any(part.startswith(".") for part in wanted.split("/")):
            self.send_error(404)
            return True
        return False

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self.do_GET()  # what a GET would answer, headers and all, without its body (_body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self._unreadable():
            return None
        location = urlsplit(self.path)
        if location.path == "/__events":
            return self._events(parse_qs(location.query).get("page", [""])[0])
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            script = RELOAD_SCRIPT
            if path.name == "review.html":
                script += form_script(self.desk.token)
            body = path.read_bytes().replace(b"</body>", script + b"</body>", 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self._body(body)
            return None
        return super().do_HEAD() if self.command == "HEAD" else super().do_GET()

    def list_directory(self, path):  # noqa: ANN001, ANN201 (http.server's signature)
        self.send_error(404, "no index.html here")
        return None

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        if self._refused():
            return None
        if self.path not in ("/__approve", "/__comment"):
            return self.send_error(404)
        # Only this machine, and only with the token of a page this server gave out: another
        # site open in the browser can post here but cannot read the token.
        if self.client_address[0] not in LOCAL_CLIENTS:
            return self._reply(403, "forms are taken from this machine only")
        given = (self.headers.get("Content-Length") or "0").strip()
        if not (given.isascii() and given.isdigit()):  # "abc", "1e3", "-5": no length
            return self._reply(400, "Content-Length must be a number of bytes")
        length = int(given)
        if not 0 < length <= MAX_FORM:
            return self.send_error(413 if length else 411)
        fields = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        form = {key: values[0] for key, values in fields.items()}
        if not hmac.compare_digest(form.get("token", ""), self.desk.token):
            return self._reply(403, "the page is out of date: reload it and try again")
        try:
            page = self.desk.act(self.path, form)
        except Outdated as error:
            return self._reply(409, str(error), reload=error.page)
        except ValueError as error:
            return self._reply(400, str(error))
        except (InputError, RenderError) as error:  # the announcement, or the approvals file
            return self._reply(409, f"cannot take the form:\n{error}")
        self.send_response(303)
        self.send_header("Location", page)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _events(self, page: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command == "HEAD":
            return
        with self.live.condition:
            self.live.open[page] += 1
            version, errors = self.live.version, self.live.errors
        try:  # a page opened while the announcement is broken shows the problems at once
            self._send({"reload": [], "errors": errors})
            while True:
                version, messages = self.live.since(version, timeout=15)
                for message in messages:
                    self._send(message)
                if not messages:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            with self.live.condition:
                self.live.open[page] -= 1

    def _send(self, message: dict) -> None:
        self.wfile.write(f"data: {json.dumps(message)}\n\n".encode())
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return  # the console shows rebuilds, not every request


def _failed(server: ThreadingHTTPServer, request: object, client: object) -> None:
    """A request that failed: one line, never a traceback; a client that left early (a closed
    tab, a reload) is no failure at all."""
    error = sys.exc_info()[1]
    if isinstance(error, ConnectionError):  # BrokenPipeError, ConnectionResetError
        return
    print(f"error: a request failed: {type(error).__name__}: {visible(str(error))}",
          file=sys.stderr, flush=True)  # fmt: skip


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def listen(root: Path, out: Path, host: str, port: int, live: Live) -> ThreadingHTTPServer:
    """The server of ``out`` and of the review page's forms, listening, not yet serving."""
    if not _loopback(host):  # the pages are unpublished drafts; the review page takes approvals
        raise UsageError(f"--host {host}: serve shows drafts and takes approvals, so "
                               "it listens on this machine only: 127.0.0.1, ::1 or "
                               "localhost")  # fmt: skip
    desk = Desk(root, out, live)
    hosts = frozenset({"127.0.0.1", "localhost", "::1", host.lower()})
    attributes = {"live": live, "desk": desk, "hosts": hosts}
    handler = partial(type("Handler", (_Handler,), attributes), directory=str(out))
    # Many tabs and their reload connections at once: a deeper queue than http.server's 5.
    server_class = type(
        "Server", (ThreadingHTTPServer,), {"request_queue_size": 128, "handle_error": _failed}
    )
    try:  # listen first: a taken port is said at once, not after the first build
        server = server_class((host, port), handler)
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror}; "
                               "choose another with --port or --host") from None  # fmt: skip
    server.daemon_threads = True
    return server
