"""Render the planned outputs of each announcement and move them into place together.

Every output of one announcement is written into a staging folder next to ``dist/<id>``, which
replaces the old folder only when all of them succeeded: a failed build leaves the last good
output as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as outputs_cache
from . import contents, i18n, publish, render
from .errors import Problem, RenderError
from .formats import FORMATS
from .localize import catalog_path
from .model import Announcement, Language
from .plan import Output, plan
from .project import Project


@dataclass
class Report:
    """What a build did: files written and outputs found up to date."""

    written: list[Path] = field(default_factory=list)
    unchanged: int = 0


def build(
    project: Project,
    announcements: list[Announcement],
    out: Path,
    languages: list[Language] | None = None,
    formats: list[str] | None = None,
    only: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
) -> Report:
    """Render every output asked for that is not up to date (all with ``force``), ``jobs`` at
    a time."""
    report = Report()
    out.mkdir(parents=True, exist_ok=True)
    for announcement in announcements:
        assert announcement.id and announcement.languages  # set by load_announcement
        with publish.locked(out, announcement.id):
            _build_one(project, announcement, out, plan(announcement, languages, formats, only),
                       jobs or os.cpu_count() or 1, report, force)  # fmt: skip
    if report.written or not (out / "index.html").is_file():
        contents.write_front(project, out)
    return report


def _build_one(
    project: Project,
    announcement: Announcement,
    out: Path,
    outputs: list[Output],
    jobs: int,
    report: Report,
    force: bool,
) -> None:
    assert announcement.id
    target = out / announcement.id
    publish.refuse_link(target)  # before any work, not at the swap
    manifest = {} if force else outputs_cache.read_manifest(target)
    keys = output_keys(project, announcement, outputs)
    todo = [o for o in outputs if not outputs_cache.intact(
        manifest.get(o.path.as_posix()), keys[o.path.as_posix()], target, o.files)]  # fmt: skip
    # An e-mail attaches its release's PDF: the one this build renders, or the one it keeps
    # when that is current; never a PDF of an earlier version (the e-mail renders its own then).
    rendered = {o.path for o in todo if o.fmt == "pdf"}
    attachable = set(rendered)
    for o in todo:
        if o.fmt == "eml" and o.path.with_suffix(".pdf") not in rendered:
            pdf = o.in_format("pdf")
            recorded = manifest.get(pdf.path.as_posix())
            [key] = output_keys(project, announcement, [pdf]).values()
            if outputs_cache.intact(recorded, key, target, (pdf.path,)):
                attachable.add(pdf.path)
    report.unchanged += len(outputs) - len(todo)
    # Files of outputs the announcement no longer has (a city removed, a language dropped) go.
    planned = {path.as_posix() for o in plan(announcement) for path in o.files}
    published = {
        p.relative_to(target).as_posix()
        for p in target.glob("*/**/*.*")
        # written with every build, like the index
        if p.relative_to(target).parts[0] not in ("fonts", publish.LOGOS)
    }
    stale = published - planned
    if not todo and not stale:
        return
    require_translations(project, {output.language for output in todo})
    manifest = {path: key for path, key in manifest.items() if path in planned}
    stage = Path(tempfile.mkdtemp(dir=out, prefix=f".{announcement.id}.building-"))
    stage.chmod(0o755)  # mkdtemp makes it private; the published folder is not
    try:
        redone = {path.as_posix() for o in todo for path in o.files}
        # The review page stays until the next review rewrites it (serve keeps it current).
        kept_review = ["review.html"] if (target / "review.html").is_file() else []
        for kept in sorted(published & planned - redone) + kept_review:
            (stage / kept).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target / kept, stage / kept)
        # closing(): an interrupt that lands while a file is written stops the workers at once,
        # not whenever the garbage collector finalizes the generator.
        with closing(_render_all(project, announcement, todo, jobs, stage, attachable)) as done:
            for output, files in done:
                for path, data in files.items():
                    publish.write_atomic(stage / path, data)
                    report.written.append(Path(announcement.id) / path)
                manifest[output.path.as_posix()] = outputs_cache.entry(
                    keys[output.path.as_posix()], files
                )
        contents.write_index(project, announcement, stage)
        write_fonts(project, stage)
        write_logos(project, stage)
        publish.write_atomic(stage / outputs_cache.MANIFEST, outputs_cache.manifest_bytes(manifest))
        publish.swap(stage, target)
    except BaseException:  # interrupted too: the staging folder goes, the old output stays
        shutil.rmtree(stage, ignore_errors=True)
        raise


def output_keys(
    project: Project, announcement: Announcement, outputs: list[Output]
) -> dict[str, str]:
    """The cache key of each output, by its path: a hash of every input that affects it (the
    catalog and templates of its language, the announcement, what the roster derived)."""
    shared = {
        language: outputs_cache.shared_key(project, catalog_path(project.root, language))
        for language in {output.language for output in outputs}
    }
    facts = project.facts.get(announcement.id or "")

    def key_of(o: Output) -> str:
        derived = facts.fingerprint(o.kind, o.city) if facts else ""
        return outputs_cache.output_key(shared[o.language], announcement, o, derived)

    return {o.path.as_posix(): key_of(o) for o in outputs}


def require_translations(project: Project, languages: set[Language]) -> None:
    """Every gap of the catalogs a build needs, at once and at their lines, before rendering:
    rendering would stop at the first one."""
    gaps = [
        Problem(report.path, line, 1, message)
        for language in sorted(languages)
        if catalog_path(project.root, language) is not None
        for report in [i18n.coverage(project.root, language)]
        for line, message in report.problems
    ]
    if gaps:
        listed = "\n".join(str(gap) for gap in gaps)
        raise RenderError(f"{len(gaps)} catalog entries are not ready:\n{listed}")


# The renderer of the build in progress, inherited by the forked workers.
_RENDERER: render.Renderer | None = None


def _start_worker(build: int) -> None:
    """A worker dies with the build that forked it (Linux's parent-death signal) and holds none
    of its locks: a killed build must not leave workers behind that keep the folder locked."""
    import signal

    publish.die_with_parent()
    if os.getppid() != build:  # the build died before the signal was set
        os._exit(1)
    for descriptor in publish.held_locks():
        os.close(descriptor)
    # Ctrl-C reaches the whole process group: the build stops its workers and says so once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_in_worker(announcement: Announcement, output: Output) -> dict[Path, bytes]:
    assert _RENDERER is not None
    return _RENDERER.files(announcement, output)


def _render_all(
    project: Project,
    announcement: Announcement,
    outputs: list[Output],
    jobs: int,
    stage: Path,
    attachable: set[Path],
) -> Iterator[tuple[Output, dict[Path, bytes]]]:
    """Render ``outputs``, with a progress bar on a terminal; results come back as they finish
    and the caller writes them into ``stage``.

    With several PDFs and ``jobs`` > 1, worker processes lay out the PDFs and the cards, longest
    first, while this process writes the HTML pages, Word files and wire texts. Workers are
    forked after this process has compiled the templates and read the catalogs, so they start
    warm. E-mails come last: each attaches its release's PDF, from the staging folder when it is
    ``attachable`` (made by this build, or kept and current), else rendered for it.
    """
    global _RENDERER
    renderer = render.Renderer(project)
    # The costliest layouts go to the workers first (the PDF before the cards at equal cost).
    order = list(FORMATS)
    pdfs = sorted((o for o in outputs if FORMATS[o.fmt].laid_out),
                  key=lambda o: (-FORMATS[o.fmt].cost[o.kind], order.index(o.fmt)))  # fmt: skip
    pages = [o for o in outputs if not FORMATS[o.fmt].laid_out and o.fmt != "eml"]
    mails = [o for o in outputs if o.fmt == "eml"]

    def mail(output: Output) -> dict[Path, bytes]:
        attached = output.in_format("pdf").path
        pdf = (stage / attached).read_bytes() if attached in attachable else None
        return renderer.files(announcement, output, pdf)

    with _progress(len(outputs)) as advance:
        if jobs <= 1 or len(pdfs) <= 1:
            for output in pdfs + pages:
                yield output, renderer.files(announcement, output)
                advance()
            for output in mails:  # after the PDFs are in the staging folder
                yield output, mail(output)
                advance()
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        renderer.warm_up(outputs)
        # The cheapest PDF is rendered here first: it loads WeasyPrint, fontconfig, the fonts and
        # the hyphenation patterns once, for every worker forked after it.
        warm = pdfs.pop()
        yield warm, renderer.files(announcement, warm)
        advance()
        _RENDERER = renderer
        context = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(
                min(jobs, len(pdfs)), mp_context=context, initializer=_start_worker,
                initargs=(os.getpid(),),
            ) as pool:  # fmt: skip
                futures = {pool.submit(_render_in_worker, announcement, o): o for o in pdfs}
                try:
                    for output in pages:
                        yield output, renderer.files(announcement, output)
                        advance()
                    for future in as_completed(futures):
                        yield futures[future], future.result()
                        advance()
                    for output in mails:
                        yield output, mail(output)
                        advance()
                except BaseException:
                    # Interrupted, or a worker failed: stop the workers now. A pool shut down
                    # politely still lays out every PDF already handed to it before the process
                    # may exit, minutes after Ctrl-C on a busy machine.
                    pool.shutdown(wait=False, cancel_futures=True)
                    for worker in multiprocessing.active_children():
                        worker.terminate()
                    raise
        finally:
            _RENDERER = None


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar of outputs done and left, on a terminal only."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("rendering", total=total)
        yield lambda: progress.advance(task)


def write_fonts(project: Project, folder: Path) -> None:
    """The shipped fonts and their licence, for the HTML pages' ``@font-face`` rules."""
    fonts = project.templates / "fonts"
    for source in sorted([*fonts.glob("*.ttf"), fonts / "OFL.txt"]):
        publish.write_atomic(folder / "fonts" / source.name, source.read_bytes())


def write_logos(project: Project, folder: Path) -> None:
    """The settings' logos, for the HTML pages' ``<img>``; without any, the publisher's wordmark
    that the pages' structured data names (newsroom)."""
    from . import newsroom

    for logo in project.settings.logos:
        source = project.root / publish.LOGOS / logo.file
        publish.write_atomic(folder / publish.LOGOS / logo.file, source.read_bytes())
    newsroom.write_publisher_logo(project.settings, project.templates, folder)
