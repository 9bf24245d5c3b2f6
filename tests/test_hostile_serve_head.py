"""serve: a HEAD is answered with exactly the headers its GET would have, and no body, for every
kind of answer (a page, a file, the events stream, a refusal): a client that checks with HEAD
(a link checker, a cache) learns what a GET gives."""

from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

import pytest

from wwc_press.serve_http import listen
from wwc_press.serve_live import Live

from conftest import ROOT, SAMPLE_ID

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"


@pytest.fixture
def served(project: Path):
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    folder = project / "dist" / "x"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<html><body><p>Tulsa é</p></body></html>", "utf-8")
    (folder / "press-release.txt").write_text("Tulsa é\n", "utf-8")
    (folder / "style.css").write_text("p { color: red }\n", "utf-8")
    server = listen(project, project / "dist", "127.0.0.1", 0, Live())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _ask(port: int, method: str, path: str, host: str = "localhost") -> tuple[bytes, dict, bytes]:
    """Status line, headers (but Date) and body of one request, read as sent until the server
    closes the connection, or what came within two minutes for a stream."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as connection:
        connection.sendall(f"{method} {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        raw = b""
        while b"\r\n\r\n" not in raw or (path.startswith("/__events") and method == "GET"
                                         and b"data:" not in raw):  # fmt: skip
            chunk = connection.recv(65536)
            if not chunk:
                break
            raw += chunk
        if not path.startswith("/__events") or method == "HEAD":
            while chunk := connection.recv(65536):
                raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *lines = head.split(b"\r\n")
    headers = dict(line.split(b": ", 1) for line in lines)
    headers.pop(b"Date")
    return status, headers, body


@pytest.mark.parametrize(
    "path, host",
    [("/x/", "localhost"), ("/x/index.html", "localhost"), ("/x/press-release.txt", "localhost"),
     ("/x/style.css", "localhost"), ("/x/missing.pdf", "localhost"), ("/.lock", "localhost"),
     ("/x/%01", "localhost"), ("/x/", "evil.example"), ("/__events?page=/x/", "localhost")],
)  # fmt: skip
def test_head_answers_the_headers_of_get_without_a_body(served: int, path: str, host: str) -> None:
    got = _ask(served, "GET", path, host)
    head = _ask(served, "HEAD", path, host)
    assert head[:2] == got[:2]
    assert head[2] == b""
    if not path.startswith("/__events"):
        assert int(got[1][b"Content-Length"]) == len(got[2]) > 0


def test_a_page_is_sent_whole_in_utf8_uncached_to_head_and_get(served: int) -> None:
    for method in ("GET", "HEAD"):
        status, headers, _ = _ask(served, method, "/x/index.html")
        assert status.endswith(b"200 OK")
        assert headers[b"Content-Type"] == b"text/html; charset=utf-8"
        assert headers[b"Cache-Control"] == b"no-store"
