"""Live preview: a change to the announcement rebuilds and reloads the open page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wwc_press.project import Project
from wwc_press.serve import affected

from conftest import ROOT, SAMPLE_ID


@pytest.fixture
def server(built_project: Path):
    project = built_project  # the first build finds the session's outputs up to date
    process = subprocess.Popen(
        [sys.executable, "-m", "wwc_press", "serve", "--port", "0", "--out", "dist"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    address = None
    for line in process.stdout:  # the first build, then the address
        if match := re.search(r"(http://127\.0\.0\.1:\d+/)", line):
            address = match[1]
            break
    assert address, "the server did not start"
    yield project, address, process
    process.terminate()
    process.wait(timeout=120)


def test_editing_the_yaml_reloads_the_open_page(server, browser_page) -> None:
    project, address, _ = server
    browser_page.goto(f"{address}{SAMPLE_ID}/es/press-release.html")
    heading = browser_page.locator("h1")
    assert "se internacionaliza" in heading.inner_text()
    path = project / "announcements" / f"{SAMPLE_ID}.yaml"
    text = path.read_text("utf-8").replace("se internacionaliza con", "llega a América Latina con")
    path.write_text(text, "utf-8")
    browser_page.wait_for_function(
        "() => document.querySelector('h1').innerText.includes('llega a América Latina')",
        timeout=120_000,
    )
    on_disk = (project / "dist" / SAMPLE_ID / "es" / "press-release.html").read_text("utf-8")
    assert "EventSource" not in on_disk, "the reload script is added when served, not written"


def test_each_change_reaches_what_it_can_affect(project: Path) -> None:
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    (project / "announcements" / "other.yaml").write_text("date: 2024-01-01\n", "utf-8")
    p = Project(project)
    sample = (project / "announcements" / f"{SAMPLE_ID}.yaml").resolve()
    po = project / "locales" / "es" / "LC_MESSAGES" / "messages.po"
    # An announcement may change what the roster derives for the others: all are rebuilt, and
    # the cache renders only the outputs whose keys changed.
    assert affected(p, {sample}, []) == (p.announcement_paths([]), None)
    assert affected(p, {po}, [])[1] == ["es"]  # a catalog: its language only
    assert len(affected(p, {project / "templates" / "release.css"}, [])[0]) == 2
    assert affected(p, {project / "announcements" / "notes.txt"}, []) is None
    assert affected(p, {project / "locales" / "messages.pot"}, []) is None
    assert len(affected(p, {project / "wwc-press.yaml"}, [])[0]) == 2


def test_a_taken_port_is_a_usage_error_before_any_build(project: Path) -> None:
    import socket

    from conftest import run

    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(["serve", "--port", str(port), "--out", "dist"], cwd=project)
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert not (project / "dist" / SAMPLE_ID).exists()


def _settled(process: subprocess.Popen) -> None:
    """Wait until the background build (the PDFs, the review page) has finished."""
    for line in process.stdout:
        if "PDFs and review pages are up to date" in line:
            return
    raise AssertionError("the server stopped before the PDFs were built")


def test_the_served_review_page_approves_and_comments(server, browser_page) -> None:
    project, address, process = server
    page = browser_page
    _settled(process)
    page.goto(f"{address}{SAMPLE_ID}/review.html")
    signoff = page.locator(".signoff li[lang=es]")
    assert "es is not approved" in signoff.inner_text()
    # A comment on one section of one language, shown in its cell after the page reloads.
    cell = page.locator('tr[data-section="lead"] td[data-lang="es"]').first
    cell.locator("summary").click()
    cell.locator("textarea").fill("«certificación» va en minúscula aquí")
    cell.locator("input[name=by]").fill("Lucía Gómez")
    cell.locator("button").click()
    page.wait_for_selector('tr[data-section="lead"] td[data-lang="es"] .comment')
    comment = page.locator('tr[data-section="lead"] td[data-lang="es"] .comment').first
    assert "Lucía Gómez" in comment.inner_text()
    assert "«certificación» va en minúscula aquí" in comment.inner_text()
    # The Approve button records the language as it reads now.
    form = page.locator(".signoff li[lang=es] form")
    form.locator("input[name=by]").fill("Lucía Gómez")
    form.locator("button").click()
    page.wait_for_function(
        "() => document.querySelector('.signoff li[lang=es]').innerText"
        ".includes('es approved by Lucía Gómez')",
        timeout=120_000,
    )
    record = yaml.safe_load(
        (project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").read_text("utf-8")
    )
    assert record["es"]["by"] == "Lucía Gómez"
    [note] = record["es"]["comments"]["es/press-release.html#lead"]
    assert note["text"] == "«certificación» va en minúscula aquí"
    assert "en" not in record  # one language at a time
    on_disk = (project / "dist" / SAMPLE_ID / "review.html").read_text("utf-8")
    assert "t.value" not in on_disk, "the token is given to the served page only"


def test_a_form_without_the_servers_token_is_refused(server) -> None:
    import urllib.error
    import urllib.request

    project, address, _ = server
    data = f"announcement={SAMPLE_ID}&lang=es&by=Mallory&token=guessed".encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{address}__approve", data=data, timeout=120)
    assert refused.value.code == 403
    assert not (project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").exists()


def test_a_broken_save_shows_its_problems_over_the_last_good_page(server, browser_page) -> None:
    project, address, _ = server
    page = browser_page
    page.goto(f"{address}{SAMPLE_ID}/en/press-release.html")
    path = project / "announcements" / f"{SAMPLE_ID}.yaml"
    good = path.read_text("utf-8")
    denver = "    - {name: Denver, region: CO, country: US, level: silver}"
    line = good.splitlines().index(denver) + 1
    path.write_text(good.replace(denver, denver.replace("silver", "bronze")), "utf-8")
    overlay = page.locator("#wwc-press-errors")
    overlay.wait_for(timeout=120_000)
    text = overlay.inner_text()
    assert f"announcements/{SAMPLE_ID}.yaml:{line}:" in text and "bronze" in text
    assert "seven new cities" in page.locator("h1").inner_text()  # the last good page, below
    path.write_text(good.replace("seven new cities", "seven newly certified cities"), "utf-8")
    page.wait_for_function(
        "() => document.querySelector('h1').innerText.includes('newly certified')",
        timeout=120_000,
    )
    assert page.locator("#wwc-press-errors").count() == 0


def test_the_front_page_lists_titles_and_hides_the_builds_files(server) -> None:
    import urllib.error
    import urllib.request

    project, address, _ = server
    front = urllib.request.urlopen(address, timeout=120).read().decode("utf-8")
    assert "What Works Cities Certification goes international with seven new cities" in front
    index = urllib.request.urlopen(f"{address}{SAMPLE_ID}/", timeout=120).read().decode("utf-8")
    assert "<h2>Português (Brasil)</h2>" in index
    assert "Fortaleza conquista a certificação Ouro" in index
    for hidden in (f".{SAMPLE_ID}.lock", f"{SAMPLE_ID}/.wwc-cache.json", f"{SAMPLE_ID}/en/"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{address}{hidden}", timeout=120)
        assert refused.value.code == 404, hidden
    request = urllib.request.Request(address, headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as rebinding:
        urllib.request.urlopen(request, timeout=120)
    assert rebinding.value.code == 421


def test_serve_survives_a_template_error_and_a_bad_catalog(server, browser_page) -> None:
    project, address, process = server
    page = browser_page
    page.goto(f"{address}{SAMPLE_ID}/es/press-release.html")
    template = project / "templates" / "press-release.html"
    good = template.read_text("utf-8")
    template.write_text(good.replace('<p class="lead"', '{{ 1 // 0 }}<p class="lead"', 1))
    overlay = page.locator("#wwc-press-errors")
    overlay.wait_for(timeout=120_000)
    assert "press-release.html:" in overlay.inner_text()
    assert "ZeroDivisionError" in overlay.inner_text()
    template.write_text(good, "utf-8")
    overlay.wait_for(state="detached", timeout=120_000)
    po = project / "locales" / "es" / "LC_MESSAGES" / "messages.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace('msgstr "Fin del comunicado"', 'msgstr "Fin del %(comunicado)s"'))
    overlay.wait_for(timeout=120_000)
    assert "messages.po:" in overlay.inner_text() and "placeholders" in overlay.inner_text()
    assert process.poll() is None  # still serving
    assert "siete nuevas ciudades" in page.locator("h1").inner_text()  # the last good page


def test_serve_refuses_an_out_folder_it_watches_and_nul_bytes(server, project: Path) -> None:
    import http.client

    from conftest import run

    _, address, _ = server
    host, port = address.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    connection.request("GET", "/index.html%00.png")
    assert connection.getresponse().status == 400
    result = run(["serve", "--out", "templates/dist"], cwd=project)
    assert result.exit_code == 2 and "inside templates/, the project's own files" in result.stderr


def test_forms_posted_at_once_are_all_kept(server) -> None:
    import threading
    import urllib.parse
    import urllib.request

    project, address, process = server
    _settled(process)
    page = urllib.request.urlopen(f"{address}{SAMPLE_ID}/review.html", timeout=120).read()
    token = re.search(rb't.value = "([^"]+)"', page).group(1).decode()
    statuses: list[int] = []

    def post(number: int) -> None:
        form = {"token": token, "announcement": SAMPLE_ID, "lang": "es", "by": f"R{number}",
                "where": "es/press-release.html#lead", "text": f"nota {number}"}  # fmt: skip
        data = urllib.parse.urlencode(form).encode()
        with urllib.request.urlopen(f"{address}__comment", data=data, timeout=120) as reply:
            statuses.append(reply.status)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 8  # the redirect to the review page, followed
    record = yaml.safe_load(
        (project / "announcements" / f"{SAMPLE_ID}.approvals.yaml").read_text("utf-8")
    )
    notes = record["es"]["comments"]["es/press-release.html#lead"]
    assert sorted(note["text"] for note in notes) == sorted(f"nota {n}" for n in range(8))


def _review_page_told(live) -> bool:
    return any(f"/{SAMPLE_ID}/review.html" in m["reload"] for _, m in live.messages)


def test_the_review_runs_as_a_function_in_a_worker_of_serve_not_a_wwc_press_command(
    built_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wwc_press.serve_live import Live
    from wwc_press.serve_rebuild import Preview

    started = []
    real_popen = subprocess.Popen

    def recording(args, *rest, **options):  # noqa: ANN001, ANN002, ANN003, ANN202
        started.append([str(arg) for arg in args] if isinstance(args, list | tuple) else [args])
        return real_popen(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", recording)
    review = built_project / "dist" / SAMPLE_ID / "review.html"
    review.unlink(missing_ok=True)
    live = Live()
    preview = Preview(built_project, built_project / "dist", live)
    assert preview.rebuild(Project(built_project).announcement_paths([]), None)
    preview.background.join(timeout=600)  # a hang guard: the PDFs and the review page
    assert not preview.background.is_alive()
    assert not [args for args in started if any("wwc_press" in arg for arg in args)]
    worker = preview.worker
    assert worker is not None and worker.pid != os.getpid() and worker.exitcode == 0
    assert review.is_file() and _review_page_told(live)


def test_a_new_save_stops_the_worker_and_the_builds_it_forked(project: Path) -> None:
    import time

    from wwc_press.serve_live import Live
    from wwc_press.serve_rebuild import Preview

    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    live = Live()
    preview = Preview(project, project / "dist", live)
    assert preview.rebuild(Project(project).announcement_paths([]), None)  # no PDF yet
    worker = preview.worker
    assert worker is not None
    preview.stop_background()
    assert not worker.is_alive()
    # The worker led its own process group: once every process of it (the PDF workers its
    # build forked) has ended, the group is gone. A hang guard, not a timing.
    deadline = time.monotonic() + 120
    while True:
        try:
            os.killpg(worker.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a process of the stopped build lives on"
        time.sleep(0.1)
    assert not _review_page_told(live)


def test_an_open_page_is_rendered_once_and_the_build_keeps_it(
    built_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wwc_press.render import Renderer
    from wwc_press.serve_live import Live
    from wwc_press.serve_rebuild import Preview

    rendered: list[str] = []
    real_files = Renderer.files

    def counting(self, announcement, output, pdf=None):  # noqa: ANN001, ANN202
        rendered.append(output.path.as_posix())
        return real_files(self, announcement, output, pdf)

    monkeypatch.setattr(Renderer, "files", counting)
    path = built_project / "announcements" / f"{SAMPLE_ID}.yaml"
    text = path.read_text("utf-8").replace("se internacionaliza con", "llega a América Latina con")
    path.write_text(text, "utf-8")
    live = Live()
    live.open[f"/{SAMPLE_ID}/es/press-release.html"] += 1  # a tab reading it
    preview = Preview(built_project, built_project / "dist", live)
    try:
        assert preview.rebuild(Project(built_project).announcement_paths([]), None)
    finally:
        preview.stop_background()  # the PDFs are not this test's
    assert rendered.count("es/press-release.html") == 1, rendered
    assert "llega a América Latina" in (
        built_project / "dist" / SAMPLE_ID / "es" / "press-release.html"
    ).read_text("utf-8")
    first = live.messages[0][1]["reload"]
    assert first == [f"/{SAMPLE_ID}/es/press-release.html"]
