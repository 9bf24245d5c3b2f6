"""Live preview: serve the built outputs on localhost, rebuild on change, reload open pages.

watchfiles reports changes to announcements, templates, catalogs, logos and settings. A catalog
rebuilds its language; anything else that shows in an output (an announcement, a template, a
logo, the settings) rebuilds every announcement: one announcement may change what the roster
derives for the others, and the cache renders only the outputs whose keys changed. How a rebuild
runs (open pages first, PDFs and review page last, in a worker the next save stops) is
serve_rebuild.py; the HTTP side and the review page's forms are serve_http.py and
serve_forms.py. Problems are raised as the project's errors; the command line says them.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path

from .errors import UsageError
from .localize import CATALOG_DIR
from .model import Language
from .project import Project
from .serve_http import listen
from .serve_live import Live
from .serve_rebuild import Preview


def affected(
    project: Project, changed: set[Path], paths: list[Path]
) -> tuple[list[Path], list[Language] | None] | None:
    """Which announcements and languages a set of changed files calls to rebuild (None: none).

    A template, a font, a logo or the settings: every announcement, every language. A catalog:
    every announcement, in its language. An announcement: every announcement, since it may change
    what the roster derives for the others (the cache renders only the outputs whose keys
    changed). Anything else (notes, editors' swap files, messages.pot): nothing.
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
            raise UsageError(f"--out {out} is inside {folder}, which serve watches: "
                                   "choose a folder outside it, such as dist")  # fmt: skip
    live = Live()
    out.mkdir(parents=True, exist_ok=True)
    server = listen(root, out, host, port, live)
    preview = Preview(root, out, live)
    preview.rebuild(project.announcement_paths(paths), None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {out} on http://{host}:{server.server_address[1]}/ (Ctrl-C stops)", flush=True)

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
