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
from wwc_press.serve import Live, listen

from conftest import ROOT, SAMPLE_ID

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
    with contextlib.chdir(project):
        target = Project(project)
        [announcement] = target.load([Path(SAMPLE)])
        return approvals.state(target, announcement, language).hash


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


def test_the_review_form_carries_the_hash_of_what_the_page_showed() -> None:
    template = (ROOT / "templates" / "review.html").read_text("utf-8")
    assert '<input type="hidden" name="hash" value="{{ s.hash }}">' in template
