"""Live preview: serve the built outputs on localhost, rebuild on change, reload open pages.

watchfiles reports changes to announcements, templates, catalogs and settings; only what a change
affects is rebuilt (one announcement for its YAML file, one language for its catalog, everything
for a template or the settings). Pages are served with a small script that listens to
``/__events`` (server-sent events) and reloads when a rebuild finished. The built files on disk
stay exactly what ``build`` writes: the script is added only on the way out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


class _Handler(SimpleHTTPRequestHandler):
    changes: Changes

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/__events":
            return self._events()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
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
    try:
        project = project_factory()
        # One process: forking beside the HTTP server's threads could inherit a held lock.
        report = build(project, project.load(targets), out, languages, jobs=1)
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
    handler = partial(type("Handler", (_Handler,), {"changes": changes}), directory=str(out))
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
