"""serve's rebuilds, in the order a writer waits for them: the pages open in a browser first,
written and reloaded on their own; then the other HTML pages, with the cache; then the PDFs, the
indexes and the review page, by ``review``'s own function (``build_and_review``) in a worker
process this module forks and stops when the next save comes (a stopped build leaves the last
good folder: it swaps only when complete).

Preview is not publishing: an open page is written before the rest of its kit; ``build`` keeps
its all-at-once swap. While the announcement is invalid or a rebuild fails, every open page shows
the problems over the last good page, until the next good save."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from . import cache as outputs_cache
from . import publish
from .build import build, output_keys, require_translations
from .errors import Error, WriteFailed, visible
from .model import Announcement, Language
from .plan import Output, plan
from .project import Project
from .review import build_and_review
from .serve_live import Live


class Preview:
    """Rebuilds for ``serve``: open pages first, then the other pages, then in the background
    the PDFs and the review page."""

    def __init__(self, root: Path, out: Path, live: Live) -> None:
        self.root, self.out, self.live = root, out, live
        self.background: threading.Thread | None = None
        self.worker: BaseProcess | None = None
        self.stopped = threading.Event()

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
        except Error as error:
            return self._failed(error.lines())
        except Exception as error:  # noqa: BLE001 (a rebuild's failure must not stop serving)
            return self._failed([f"error: the rebuild failed: {type(error).__name__}: {error}"])
        # The open pages were reloaded already, with the same bytes.
        pages = [f"/{p.as_posix()}" for p in report.written if p.suffix == ".html"]
        pages = [page for page in pages if page not in early]
        indexes = ["/index.html", *(f"/{a.id}/index.html" for a in announcements)]
        self.live.tell([*pages, *indexes])
        seconds = time.perf_counter() - started
        print(f"updated {len(pages)} pages in {seconds:.2f} s; PDFs and review follow", flush=True)
        self._start_background(targets)
        return True

    def _failed(self, errors: list[str]) -> bool:
        errors = [visible(line) for line in errors]
        for line in errors:
            print(line, file=sys.stderr, flush=True)
        self.live.tell([], errors)
        return False

    def _open_pages(
        self,
        project: Project,
        announcements: list[Announcement],
        languages: list[Language] | None,
    ) -> list[str]:
        """Render and write the HTML pages open in a browser, before anything else, each
        recorded in its folder's manifest, so the build that follows keeps it, not renders it
        again."""
        from .render import Renderer

        wanted = set(self.live.pages())
        renderer = Renderer(project)
        written = []
        for announcement in announcements:
            assert announcement.id
            for output in plan(announcement, languages, ["html"]):
                page = f"/{announcement.id}/{output.path.as_posix()}"
                if page in wanted:
                    self._write_early(
                        project, announcement, output, renderer.files(announcement, output)
                    )
                    written.append(page)
        return written

    def _write_early(
        self, project: Project, announcement: Announcement, output: Output, files: dict[Path, bytes]
    ) -> None:
        assert announcement.id
        folder = self.out / announcement.id
        [key] = output_keys(project, announcement, [output]).values()
        with publish.locked(self.out, announcement.id):
            for path, data in files.items():
                publish.write_atomic(folder / path, data)
            manifest = outputs_cache.read_manifest(folder)
            manifest[output.path.as_posix()] = outputs_cache.entry(key, files)
            publish.write_atomic(
                folder / outputs_cache.MANIFEST, outputs_cache.manifest_bytes(manifest)
            )

    def _start_background(self, targets: list[Path]) -> None:
        """Fork the worker that builds the PDFs and the review pages of ``targets`` (forked
        here, by the thread that stops it, and warm: the modules are loaded already), and a
        thread that tells the open pages what it finished."""
        context = multiprocessing.get_context("fork")
        said, telling = context.Pipe(duplex=False)
        self.worker = context.Process(
            target=_review_all, args=(self.root, targets, self.out, telling), daemon=False
        )
        self.worker.start()
        telling.close()  # the worker's end: once it is gone, reading ends
        self.stopped.clear()
        self.background = threading.Thread(target=self._rest, args=(said,), daemon=True)
        self.background.start()

    def _rest(self, said: Connection) -> None:
        """What the worker tells, as it goes: each announcement done (its pages reload), or the
        problems that stopped it (shown over the open pages)."""
        assert self.worker is not None
        with said:
            while not self.stopped.is_set():
                try:
                    done, lines = said.recv()
                except EOFError:
                    break
                if not done:
                    self._failed(lines)
                    return
                folder = f"/{lines[0]}"
                self.live.tell(["/index.html", f"{folder}/index.html", f"{folder}/review.html"])
        self.worker.join()
        if self.stopped.is_set():
            return
        if self.worker.exitcode != 0:
            self._failed([f"error: the PDF build ended with code {self.worker.exitcode}"])
            return
        print("PDFs and review pages are up to date", flush=True)

    def stop_background(self) -> None:
        """Stop the worker, if it runs, with the processes its build forked; wait for both."""
        self.stopped.set()
        worker = self.worker
        if worker is not None and worker.is_alive():
            for stop in (os.killpg, os.kill):  # the worker and the build's workers, or it alone
                with contextlib.suppress(ProcessLookupError):  # before its session, or it ended
                    stop(worker.pid, signal.SIGTERM)
            worker.join()
        if self.background is not None:
            self.background.join()
            self.background = None


def _review_all(root: Path, targets: list[Path], out: Path, telling: Connection) -> None:
    """In the worker: ``review`` of each announcement, in turn. Tells (True, [id]) for each one
    done, or (False, lines) for the error that stopped it, as the command line would say it."""
    # Its own session and process group, so that a stop ends its build's workers too; it dies
    # with serve; a kill ends it (not serve's KeyboardInterrupt); it keeps none of serve's locks.
    os.setsid()
    publish.die_with_parent()
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    publish.close_inherited_locks()
    # Its progress is the pages it tells of; a build's own lines (a progress bar, "waiting for
    # the build started by…") are not written over serve's.
    quiet = os.open(os.devnull, os.O_WRONLY)
    for stream in (1, 2):
        os.dup2(quiet, stream)
    project = Project(root)
    for path in targets:
        try:
            announcement, _ = build_and_review(project, path, out)
        except (Error, OSError) as error:
            shown = error if isinstance(error, Error) else WriteFailed(error)
            telling.send((False, shown.lines()))
            return
        except Exception as error:  # noqa: BLE001 (said on the open pages, not lost in the worker)
            telling.send((False, [f"error: the PDF build failed: {type(error).__name__}: {error}"]))
            return
        telling.send((True, [str(announcement.id)]))
