"""Live preview: serve the built outputs on localhost, rebuild on change, reload open pages.

watchfiles reports changes to announcements, templates, catalogs and settings; only what a change
affects is rebuilt (one announcement for its YAML file, one language for its catalog, everything
for a template or the settings). Pages are served with a small script that listens to
``/__events`` (server-sent events) and reloads when a rebuild finished. The built files on disk
stay exactly what ``build`` writes: the script is added only on the way out.

The review page, served, lets a reviewer approve a language and comment on a section: the forms
it carries are hidden until the served script shows them with a token made at start, and the
server takes a form only with that token, from this machine, for a page it serves.
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import click

from .build import build
from .errors import InputError, RenderError
from .localize import CATALOG_DIR
from .model import Language
from .project import Project

RELOAD_SCRIPT = b"""<script>
new EventSource("/__events").onmessage = () => location.reload();
</script>
"""


class Changes:
    """A counter of finished rebuilds that request handlers can wait on."""

    def __init__(self) -> None:
        self.version = 0
        self.condition = threading.Condition()

    def bump(self) -> None:
        with self.condition:
            self.version += 1
            self.condition.notify_all()

    def wait_after(self, version: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version


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


LOCAL_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
_SECTION_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_FORM = 64 * 1024  # a name and a comment; anything larger is not from our page


class Desk:
    """What the review page's forms act on: the project, the output folder and the token."""

    def __init__(self, root: Path, out: Path, changes: Changes) -> None:
        self.root, self.out, self.changes = root, out, changes
        self.token = secrets.token_urlsafe(24)

    def act(self, action: str, form: dict[str, str]) -> str:
        """Record an approval or a comment; refresh the review page. Returns the page's URL
        path. Raises ValueError with the sentence to show for a form that cannot be taken."""
        from . import approvals
        from .plan import plan
        from .review import refresh

        project = Project(self.root)
        paths = {path.stem: path for path in project.announcement_paths([])}
        path = paths.get(form.get("announcement", ""))
        if path is None:
            raise ValueError("no such announcement in announcements/")
        [announcement] = project.load([path])
        language = form.get("lang", "")
        if language not in (announcement.languages or []):
            raise ValueError(f"{announcement.id} has no language {language!r}")
        by = " ".join(form.get("by", "").split())
        if not by or len(by) > 200:
            raise ValueError("give your name (at most 200 characters)")
        if action == "/__approve":
            approvals.approve(project, announcement, language, by)
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
        self.changes.bump()
        return f"/{announcement.id}/review.html"


class _Handler(SimpleHTTPRequestHandler):
    changes: Changes
    desk: Desk

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        if self.path not in ("/__approve", "/__comment"):
            return self.send_error(404)
        # Only this machine, and only with the token of a page this server gave out: another
        # site open in the browser can post here but cannot read the token.
        if self.client_address[0] not in LOCAL_CLIENTS:
            return self.send_error(403, "forms are taken from this machine only")
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_FORM:
            return self.send_error(413 if length else 411)
        fields = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        form = {key: values[0] for key, values in fields.items()}
        if not hmac.compare_digest(form.get("token", ""), self.desk.token):
            return self.send_error(403, "the page is out of date: reload it and try again")
        try:
            page = self.desk.act(self.path, form)
        except ValueError as error:
            return self.send_error(400, str(error))
        except (InputError, RenderError) as error:
            return self.send_error(409, "the announcement does not build: " + str(error)[:300])
        self.send_response(303)
        self.send_header("Location", page)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/__events":
            return self._events()
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
            self.wfile.write(body)
            return None
        return super().do_GET()

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version = self.changes.version
        try:
            while True:
                newer = self.changes.wait_after(version, timeout=15)
                message = f"data: {newer}\n\n" if newer != version else ": keep-alive\n\n"
                self.wfile.write(message.encode("ascii"))
                self.wfile.flush()
                version = newer
        except (BrokenPipeError, ConnectionResetError):
            return

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


def rebuild(
    project_factory: Callable[[], Project],
    targets: list[Path],
    languages: list[Language] | None,
    out: Path,
) -> bool:
    """Rebuild; print problems instead of stopping the server. True when the build succeeded."""
    from .review import refresh

    try:
        project = project_factory()
        announcements = project.load(targets)
        # One process: forking beside the HTTP server's threads could inherit a held lock.
        report = build(project, announcements, out, languages, jobs=1)
        for path, announcement in zip(targets, announcements, strict=True):
            refresh(project, path, announcement, out)  # the review page, with its sign-off
    except InputError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        return False
    except RenderError as error:
        click.echo(f"error: {error}", err=True)
        return False
    click.echo(f"rebuilt {len(report.written)} files ({report.unchanged} up to date)")
    return True


def serve(root: Path, paths: list[Path], out: Path, host: str, port: int) -> None:
    """Build once, then serve ``out`` and rebuild on every change until interrupted."""
    from watchfiles import watch

    def project_factory() -> Project:
        return Project(root)  # the settings file may have changed: read it again

    project = project_factory()
    changes = Changes()
    out.mkdir(parents=True, exist_ok=True)
    desk = Desk(root, out, changes)
    handler = partial(
        type("Handler", (_Handler,), {"changes": changes, "desk": desk}), directory=str(out)
    )
    try:  # listen first: a taken port is said at once, not after the first build
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise click.UsageError(f"cannot listen on {host}:{port}: {error.strerror}; "
                               "choose another with --port or --host") from None  # fmt: skip
    server.daemon_threads = True
    rebuild(project_factory, project.announcement_paths(paths), None, out)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"serving {out} on http://{host}:{server.server_address[1]}/ (Ctrl-C stops)")
    watched = [
        root / "announcements",
        root / "templates",
        root / "locales",
        root / "logos",
        root / "wwc-press.yaml",
    ]
    try:
        for batch in watch(*[p for p in watched if p.exists()]):
            found = affected(project, {Path(path) for _, path in batch}, paths)
            if found is None:
                continue
            targets, languages = found
            if rebuild(project_factory, targets, languages, out):
                changes.bump()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
