"""Live preview: serve the built outputs on localhost, rebuild on change, reload open pages.

watchfiles reports changes to announcements, templates, catalogs and settings; only what a change
affects is rebuilt (one announcement for its YAML file, one language for its catalog, everything
for a template or the settings), in the order a writer waits for it:

1. the pages open in a browser (each page's reload connection names it) are rendered and written
   first, and reloaded;
2. the other HTML pages, with the cache, and the pages they change are reloaded;
3. the PDFs and the review page, in a background ``wwc-press review`` that the next save stops
   (a stopped build leaves the last good folder: it swaps only when complete).

Preview is not publishing: step 1 writes an open page before the rest of its kit; ``build`` keeps
its all-at-once swap. While the announcement is invalid or a rebuild fails, every open page shows
the problems over the last good page, until the next good save.

The built files on disk stay exactly what ``build`` writes: the reload script is added only on
the way out. The review page, served, lets a reviewer approve a language and comment on a
section: its forms are hidden until the served script shows them with a token made at start, and
the server takes a form only with that token, from this machine.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import click

from . import publish
from .build import build, require_translations
from .errors import CONTROL, InputError, RenderError, visible
from .localize import CATALOG_DIR
from .model import Announcement, Language
from .plan import plan
from .project import Project

# Added to every served page: reload when a rebuild changed this page, and show the problems of
# a save that does not build over the last good page. Problems are set as text, never as markup.
RELOAD_SCRIPT = b"""<script>
(() => {
  let here = location.pathname;
  if (here.endsWith("/")) here += "index.html";
  const show = (errors) => {
    let box = document.getElementById("wwc-press-errors");
    if (!errors.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "wwc-press-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;" +
        "z-index:2147483647;background:#fff5f5;color:#8a1c14;border-bottom:4px solid #b3261e;" +
        "font:13px/1.5 ui-monospace,monospace;padding:12px 16px;white-space:pre-wrap;" +
        "box-shadow:0 2px 12px rgba(0,0,0,.25)";
      document.body.append(box);
    }
    box.textContent = "The last save does not build; below it, the last good page.\\n\\n" +
      errors.join("\\n");
  };
  const events = new EventSource("/__events?page=" + encodeURIComponent(here));
  events.onmessage = (event) => {
    const message = JSON.parse(event.data);
    show(message.errors);
    if (!message.errors.length && message.reload.includes(here)) location.reload();
  };
})();
</script>
"""


class Live:
    """What the open pages hear: which pages to reload, and the problems to show over them."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.version = 0
        self.messages: list[tuple[int, dict]] = []
        self.errors: list[str] = []
        self.open: Counter[str] = Counter()

    def tell(self, reload: list[str], errors: list[str] | None = None) -> None:
        with self.condition:
            self.errors = errors or []
            self.version += 1
            self.messages = [*self.messages[-99:], (self.version, {"reload": sorted(set(reload)),
                             "errors": self.errors})]  # fmt: skip
            self.condition.notify_all()

    def since(self, version: int, timeout: float) -> tuple[int, list[dict]]:
        """The messages after ``version``, waiting up to ``timeout`` for one."""
        with self.condition:
            self.condition.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version, [m for v, m in self.messages if v > version]

    def pages(self) -> list[str]:
        with self.condition:
            return [page for page, count in self.open.items() if count > 0]


LOCAL_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
_SECTION_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_FORM = 64 * 1024  # a name and a comment; anything larger is not from our page


def _live_script(token: str) -> bytes:
    """Shows the review page's forms and gives each the server's token."""
    return (
        "<script>\n"
        'for (const form of document.querySelectorAll(".live")) {\n'
        "  form.hidden = false;\n"
        '  for (const f of form.tagName === "FORM" ? [form] : form.querySelectorAll("form")) {\n'
        '    const t = document.createElement("input");\n'
        f'    t.type = "hidden"; t.name = "token"; t.value = "{token}"; f.append(t);\n'
        "  }\n"
        "}\n"
        "</script>\n"
    ).encode("ascii")


class Outdated(Exception):
    """The page a form came from shows what the files no longer say: it must be read again."""

    def __init__(self, message: str, page: str):
        super().__init__(message)
        self.page = page


class Desk:
    """What the review page's forms act on: the project, the output folder and the token."""

    def __init__(self, root: Path, out: Path, live: Live) -> None:
        self.root, self.out, self.live = root, out, live
        self.token = secrets.token_urlsafe(24)
        # One form at a time: each reads, changes and writes the approvals file.
        self.lock = threading.Lock()

    def act(self, action: str, form: dict[str, str]) -> str:
        with self.lock:
            return self._act(action, form)

    def _act(self, action: str, form: dict[str, str]) -> str:
        """Record an approval or a comment; refresh the review page. Returns the page's URL
        path. Raises ValueError with the sentence to show for a form that cannot be taken."""
        from . import approvals
        from .review import refresh

        project = Project(self.root)
        paths = project.announcement_paths([])
        # The page names the announcement by its id, which the file may set apart from its name.
        found = {str(a.id): (path, a) for path, a in zip(paths, project.load(paths), strict=True)}
        if form.get("announcement", "") not in found:
            raise ValueError("no such announcement in announcements/")
        path, announcement = found[form["announcement"]]
        language = form.get("lang", "")
        if language not in (announcement.languages or []):
            raise ValueError(f"{announcement.id} has no language {language!r}")
        by = approvals.reviewer(form.get("by", ""))
        page = f"/{announcement.id}/review.html"
        if action == "/__approve":
            try:  # of what the page showed, which the form names by its hash
                approvals.approve(project, announcement, language, by, form.get("hash", ""))
            except approvals.Changed as error:
                raise Outdated(str(error), page) from None
        else:
            where = form.get("where", "")
            output, _, section = where.partition("#")
            outputs = {o.path.as_posix() for o in plan(announcement, [language], ["html"])}
            if output not in outputs or not _SECTION_ID.fullmatch(section):
                raise ValueError(f"no section {where!r} in the {language} outputs")
            text = form.get("text", "").strip()
            if not text or len(text) > 10_000:
                raise ValueError("write a comment (at most 10,000 characters)")
            approvals.comment(project, announcement, language, where, by, text)
        refresh(project, path, announcement, self.out)
        self.live.tell([page, f"/{announcement.id}/index.html"])
        return page


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
                script += _live_script(self.desk.token)
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


def affected(
    project: Project, changed: set[Path], paths: list[Path]
) -> tuple[list[Path], list[Language] | None] | None:
    """Which announcements and languages a set of changed files calls to rebuild (None: none).

    A template, a font or the settings: everything. A catalog: its language. An announcement:
    itself. Anything else (notes, editors' swap files, messages.pot) nothing.
    """
    announcements = [p.resolve() for p in project.announcement_paths(paths)]
    changed = {p.resolve() for p in changed}
    # Templates, logos and the settings show in every output; an announcement may change what
    # the roster derives for the ones after it.
    everything = [project.templates.resolve(), (project.root / "logos").resolve()]
    if any(
        any(p.is_relative_to(folder) for folder in everything)
        or p == project.settings_path.resolve()
        for p in changed
    ):
        return announcements, None
    languages = [
        language
        for language, folder in CATALOG_DIR.items()
        if any(p.name == "messages.po" and p.parent.parent.name == folder for p in changed)
    ]
    if languages:
        return announcements, languages
    yamls = sorted(p for p in changed if p in announcements)
    return (announcements, None) if yamls else None


class Preview:
    """Rebuilds for ``serve``: open pages first, then the other pages, then in the background
    the PDFs and the review page."""

    def __init__(self, root: Path, out: Path, live: Live) -> None:
        self.root, self.out, self.live = root, out, live
        self.background: threading.Thread | None = None
        self.process: subprocess.Popen | None = None
        self.stopped = threading.Event()
        # Starting a review and stopping it exclude each other: a stop never misses one.
        self.starting = threading.Lock()

    def rebuild(self, targets: list[Path], languages: list[Language] | None) -> bool:
        """Bring the open pages, then every page, up to date; start the rest in the background.
        A failure is told to the terminal and the open pages; the server goes on."""
        self.stop_background()
        started = time.perf_counter()
        try:
            project = Project(self.root)  # the settings may have changed: read them again
            announcements = project.load(targets)
            # Every gap of the catalogs first: an open page must not be rendered from them.
            wanted = {lang for a in announcements for lang in a.languages or []}
            require_translations(project, set(languages or wanted))
            early = self._open_pages(project, announcements, languages)
            if early:
                self.live.tell(early)
            report = build(project, announcements, self.out, languages, ["html"], jobs=1)
        except InputError as error:
            return self._failed([str(problem) for problem in error.problems])
        except RenderError as error:
            return self._failed([f"error: {error}"])
        except Exception as error:  # noqa: BLE001 (a rebuild's failure must not stop serving)
            return self._failed([f"error: the rebuild failed: {type(error).__name__}: {error}"])
        # The open pages were reloaded already, with the same bytes.
        pages = [f"/{p.as_posix()}" for p in report.written if p.suffix == ".html"]
        pages = [page for page in pages if page not in early]
        indexes = ["/index.html", *(f"/{a.id}/index.html" for a in announcements)]
        self.live.tell([*pages, *indexes])
        seconds = time.perf_counter() - started
        click.echo(f"updated {len(pages)} pages in {seconds:.2f} s; PDFs and review follow")
        ids = [str(announcement.id) for announcement in announcements]
        self._start_background(list(zip(targets, ids, strict=True)))
        return True

    def _failed(self, errors: list[str]) -> bool:
        errors = [visible(line) for line in errors]
        for line in errors:
            click.echo(line, err=True)
        self.live.tell([], errors)
        return False

    def _open_pages(
        self,
        project: Project,
        announcements: list[Announcement],
        languages: list[Language] | None,
    ) -> list[str]:
        """Render and write the HTML pages open in a browser, before anything else."""
        from .render import Renderer

        wanted = set(self.live.pages())
        renderer = Renderer(project)
        written = []
        for announcement in announcements:
            assert announcement.id
            for output in plan(announcement, languages, ["html"]):
                page = f"/{announcement.id}/{output.path.as_posix()}"
                if page in wanted:
                    data = renderer.bytes(announcement, output)
                    with publish.locked(self.out, announcement.id):
                        publish.write_atomic(self.out / announcement.id / output.path, data)
                    written.append(page)
        return written

    def _start_background(self, targets: list[tuple[Path, str]]) -> None:
        self.stopped.clear()
        self.background = threading.Thread(target=self._rest, args=(targets,), daemon=True)
        self.background.start()

    def _rest(self, targets: list[tuple[Path, str]]) -> None:
        """PDFs, the review page and the indexes of each announcement, one ``wwc-press review``
        at a time in its own process group, so that the next save can stop it whole."""
        for path, identifier in targets:
            if self.stopped.is_set():
                return
            command = [sys.executable, "-m", "wwc_press", "review", str(path), "--out",
                       str(self.out)]  # fmt: skip
            with self.starting:
                if self.stopped.is_set():
                    return
                self.process = subprocess.Popen(
                    command, cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                    start_new_session=True, text=True, preexec_fn=publish.die_with_parent,
                )  # fmt: skip
            _, errors = self.process.communicate()
            if self.stopped.is_set():
                return
            if self.process.returncode != 0:
                self._failed(errors.strip().splitlines() or ["error: the PDF build failed"])
                return
            folder = f"/{identifier}"
            self.live.tell(["/index.html", f"{folder}/index.html", f"{folder}/review.html"])
        click.echo("PDFs and review pages are up to date")

    def stop_background(self) -> None:
        self.stopped.set()
        with self.starting:
            process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.killpg(process.pid, signal.SIGTERM)  # the build and its workers
            process.wait()
        if self.background is not None:
            self.background.join()
            self.background = None


def _failed(server: ThreadingHTTPServer, request: object, client: object) -> None:
    """A request that failed: one line, never a traceback; a client that left early (a closed
    tab, a reload) is no failure at all."""
    error = sys.exc_info()[1]
    if isinstance(error, ConnectionError):  # BrokenPipeError, ConnectionResetError
        return
    click.echo(f"error: a request failed: {type(error).__name__}: {visible(str(error))}", err=True)


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def listen(root: Path, out: Path, host: str, port: int, live: Live) -> ThreadingHTTPServer:
    """The server of ``out`` and of the review page's forms, listening, not yet serving."""
    if not _loopback(host):  # the pages are unpublished drafts; the review page takes approvals
        raise click.UsageError(f"--host {host}: serve shows drafts and takes approvals, so "
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
        raise click.UsageError(f"cannot listen on {host}:{port}: {error.strerror}; "
                               "choose another with --port or --host") from None  # fmt: skip
    server.daemon_threads = True
    return server


def serve(root: Path, paths: list[Path], out: Path, host: str, port: int) -> None:
    """Build once, then serve ``out`` and rebuild on every change until interrupted."""
    from watchfiles import watch

    project = Project(root)
    watched = [
        root / "announcements",
        root / "templates",
        root / "locales",
        root / "logos",
        root / "wwc-press.yaml",
    ]
    for folder in watched:  # each build would be a change that starts the next one
        if out.resolve().is_relative_to(folder.resolve()):
            raise click.UsageError(f"--out {out} is inside {folder}, which serve watches: "
                                   "choose a folder outside it, such as dist")  # fmt: skip
    live = Live()
    out.mkdir(parents=True, exist_ok=True)
    server = listen(root, out, host, port, live)
    preview = Preview(root, out, live)
    preview.rebuild(project.announcement_paths(paths), None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"serving {out} on http://{host}:{server.server_address[1]}/ (Ctrl-C stops)")

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # the cleanup below runs for a kill or a closed terminal too

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        for batch in watch(*[p for p in watched if p.exists()], step=20):
            found = affected(project, {Path(path) for _, path in batch}, paths)
            if found is not None:
                preview.rebuild(*found)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop_background()
        server.shutdown()
