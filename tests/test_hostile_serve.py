"""serve: the review page's forms and the server's answers to hostile or broken requests."""

from __future__ import annotations

import contextlib
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from wwc_press import approvals
from wwc_press.project import Project
from wwc_press.serve_http import listen
from wwc_press.serve_live import Live

from conftest import ROOT, SAMPLE_ID, run

SAMPLE = f"announcements/{SAMPLE_ID}.yaml"


@pytest.fixture
def served(project: Path):
    """A sample project's server, in this process, with nothing built: the forms and the
    checks of requests need no output."""
    shutil.copy(ROOT / SAMPLE, project / "announcements")
    (project / "dist").mkdir()
    server = listen(project, project / "dist", "127.0.0.1", 0, Live())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _token(server) -> str:
    return server.RequestHandlerClass.func.desk.token


def _hash(project: Path, language: str) -> str:
    """What a review page made now would show of ``language``, as its Approve form says it."""
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([Path(SAMPLE)])
        return approvals.fingerprint(approvals.said(target, announcement, language))


def test_approve_is_refused_when_the_files_changed_since_the_page_was_made(served) -> None:
    project, server, address = served
    shown = _hash(project, "es")  # what the review page showed, and its form carries
    path = project / SAMPLE
    path.write_text(path.read_text("utf-8").replace("redujo un 57 %", "redujo un 75 %"), "utf-8")
    form = {"token": _token(server), "announcement": SAMPLE_ID, "lang": "es", "by": "Ana",
            "hash": shown}  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{address}/__approve", urllib.parse.urlencode(form).encode(), 60)
    assert refused.value.code == 409
    assert "es changed since this page was made" in refused.value.read().decode("utf-8")
    assert refused.value.headers["Refresh"] == f"3; url=/{SAMPLE_ID}/review.html"
    assert not (project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").exists()
    assert _hash(project, "es") != shown


def test_the_review_form_carries_the_hash_of_the_pages_it_shows(served) -> None:
    project, _, _ = served
    template = (ROOT / "templates" / "review.html").read_text("utf-8")
    assert '<input type="hidden" name="hash" value="{{ s.hash }}">' in template
    args = ["build", "--lang", "es", "--only", "release", "--format", "html", "--out", "dist"]
    assert run(args, cwd=project).exit_code == 0
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([Path(SAMPLE)])
        built = project / "dist" / SAMPLE_ID
        assert approvals.shown(target, announcement, "es", built) == ""  # not all built
        assert run([*args[:-6], "--format", "html", "--out", "dist"], cwd=project).exit_code == 0
        now = approvals.fingerprint(approvals.said(target, announcement, "es"))
        assert approvals.shown(target, announcement, "es", built) == now


def _ask(address: str, method: str, path: str, headers: dict[str, str] | None = None):
    import http.client

    connection = http.client.HTTPConnection(address.removeprefix("http://"), timeout=120)
    connection.putrequest(method, path, skip_host="Host" in (headers or {}))
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    reply = connection.getresponse()
    body = reply.read()
    connection.close()
    return reply, body


def test_head_keeps_the_host_check_and_the_hidden_files_rule(served) -> None:
    project, _, address = served
    (project / "dist" / ".wwc-cache.json").write_text("{}", "utf-8")
    (project / "dist" / "index.html").write_text("<html><body></body></html>", "utf-8")
    assert _ask(address, "HEAD", "/index.html", {"Host": "evil.example"})[0].status == 421
    assert _ask(address, "HEAD", "/.wwc-cache.json")[0].status == 404
    assert _ask(address, "GET", "/.wwc-cache.json")[0].status == 404
    assert _ask(address, "HEAD", "/index.html")[0].status == 200


@pytest.mark.parametrize("length", ["abc", "1e3", "-5", "²"])
def test_a_content_length_that_is_no_number_is_answered(served, length: str) -> None:
    _, _, address = served
    reply, body = _ask(address, "POST", "/__approve", {"Content-Length": length})
    assert reply.status == 400
    assert b"Content-Length must be a number of bytes" in body


def test_a_client_that_leaves_early_prints_nothing_and_a_failure_one_line(served, capsys) -> None:
    _, server, _ = served
    for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
        try:
            raise error
        except ConnectionError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""
    try:
        raise RuntimeError("disk gone")
    except RuntimeError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == "error: a request failed: RuntimeError: disk gone\n"


def test_no_page_may_be_framed_by_another_site(served) -> None:
    project, _, address = served
    (project / "dist" / "index.html").write_text("<html><body></body></html>", "utf-8")
    reply, _ = _ask(address, "GET", "/index.html")
    assert reply.status == 200
    assert reply.headers["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert reply.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_serve_listens_on_this_machine_only(project: Path, host: str) -> None:
    result = run(["serve", "--host", host, "--port", "0", "--out", "dist"], cwd=project)
    assert result.exit_code == 2
    assert f"--host {host}: serve shows drafts and takes approvals" in result.stderr
