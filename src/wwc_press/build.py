"""Render the planned outputs of each announcement and move them into place together.

Each announcement is built as a line of stages: find the outputs that are stale, stage the files
that stay in a folder next to ``dist/<id>``, render the rest into it, finalize it (index, fonts,
logos, the cache's manifest), and swap it in for the old folder, only when every output
succeeded: a failed or interrupted build leaves the last good output as it was.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as outputs_cache
from . import contents, i18n, publish, render
from .errors import RenderError
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
    """One announcement's ``outputs`` as a line of stages: find what is stale, stage what stays,
    render the rest into the stage, finalize it, swap it in for the published folder."""
    assert announcement.id
    target = out / announcement.id
    publish.refuse_link(target)  # before any work, not at the swap
    work = _stale(project, announcement, target, outputs, force)
    report.unchanged += len(outputs) - len(work.todo)
    if not work.todo and not work.gone:
        return
    require_translations(project, {output.language for output in work.todo})
    with _staging(out, announcement.id) as stage:
        _keep(target, stage, work.kept)
        _render_into(stage, project, announcement, work, jobs, report)
        _finalize(project, announcement, stage, work.manifest)
        publish.swap(stage, target)


@dataclass
class _Work:
    """What building one announcement has to do, found before anything is written."""

    todo: list[Output]  # the outputs to render
    keys: dict[str, str]  # the cache key of each output asked for, by its path
    manifest: dict[str, str]  # the cache's records of the outputs still planned
    kept: list[str]  # files of the published folder that the new one keeps as they are
    gone: bool  # the published folder holds files of outputs no longer planned
    attachable: set[Path]  # files an output may attach from the staging folder


def _stale(
    project: Project, announcement: Announcement, target: Path, outputs: list[Output], force: bool
) -> _Work:
    """Which of ``outputs`` are not up to date in ``target`` (all with ``force``), and which of
    its files belong to outputs the announcement no longer has (a city removed, a language
    dropped): those go."""
    manifest = {} if force else outputs_cache.read_manifest(target)
    keys = output_keys(project, announcement, outputs)
    todo = [o for o in outputs if not outputs_cache.intact(
        manifest.get(o.path.as_posix()), keys[o.path.as_posix()], target, o.files)]  # fmt: skip
    planned = {path.as_posix() for o in plan(announcement) for path in o.files}
    published = {
        p.relative_to(target).as_posix()
        for p in target.glob("*/**/*.*")
        # written with every build, like the index
        if p.relative_to(target).parts[0] not in ("fonts", publish.LOGOS)
    }
    redone = {path.as_posix() for o in todo for path in o.files}
    # The review page stays until the next review rewrites it (serve keeps it current).
    review = ["review.html"] if (target / "review.html").is_file() else []
    return _Work(
        todo,
        keys,
        manifest={path: key for path, key in manifest.items() if path in planned},
        kept=sorted(published & planned - redone) + review,
        gone=bool(published - planned),
        attachable=_attachable(project, announcement, target, manifest, todo),
    )


def _attachable(
    project: Project,
    announcement: Announcement,
    target: Path,
    manifest: dict[str, str],
    todo: list[Output],
) -> set[Path]:
    """The files that outputs to render attach (an e-mail, its release's PDF) which the staging
    folder will hold current: rendered by this build, or kept when current; never one of an
    earlier version (the e-mail renders its own then)."""
    wanted = [o.in_format(FORMATS[o.fmt].attaches) for o in todo if FORMATS[o.fmt].attaches]
    rendered = {o.path for o in todo}
    kept = [o for o in wanted if o.path not in rendered]
    keys = output_keys(project, announcement, kept)
    return {o.path for o in wanted if o.path in rendered} | {
        o.path
        for o in kept
        if outputs_cache.intact(
            manifest.get(o.path.as_posix()), keys[o.path.as_posix()], target, o.files
        )
    }


@contextmanager
def _staging(out: Path, announcement_id: str) -> Iterator[Path]:
    """A hidden folder beside the published one to build into; it goes if the build fails or is
    interrupted, and the published folder stays as it was."""
    stage = Path(tempfile.mkdtemp(dir=out, prefix=f".{announcement_id}.building-"))
    stage.chmod(0o755)  # mkdtemp makes it private; the published folder is not
    try:
        yield stage
    except BaseException:  # interrupted too
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _keep(target: Path, stage: Path, kept: list[str]) -> None:
    """The published files that stay as they are, copied into the staging folder."""
    for name in kept:
        (stage / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target / name, stage / name)


def _render_into(
    stage: Path,
    project: Project,
    announcement: Announcement,
    work: _Work,
    jobs: int,
    report: Report,
) -> None:
    """The stale outputs rendered into ``stage``, each recorded in the manifest as it lands."""
    assert announcement.id
    # closing(): an interrupt that lands while a file is written stops the workers at once,
    # not whenever the garbage collector finalizes the generator.
    rendered = _render_all(project, announcement, work.todo, jobs, stage, work.attachable)
    with closing(rendered) as done:
        for output, files in done:
            for path, data in files.items():
                publish.write_atomic(stage / path, data)
                report.written.append(Path(announcement.id) / path)
            key = work.keys[output.path.as_posix()]
            work.manifest[output.path.as_posix()] = outputs_cache.entry(key, files)


def _finalize(
    project: Project, announcement: Announcement, stage: Path, manifest: dict[str, str]
) -> None:
    """What every build writes beside the outputs: the index, the fonts, the logos and the
    cache's manifest."""
    contents.write_index(project, announcement, stage)
    write_fonts(project, stage)
    write_logos(project, stage)
    publish.write_atomic(stage / outputs_cache.MANIFEST, outputs_cache.manifest_bytes(manifest))


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
    rendering would stop at the first one. QA is check's, not a build's."""
    needed = sorted(lang for lang in languages if catalog_path(project.root, lang) is not None)
    gaps = i18n.Catalogs(project.root).gaps(needed)
    if gaps:
        listed = "\n".join(str(gap) for gap in gaps)
        raise RenderError(f"{len(gaps)} catalog entries are not ready:\n{listed}")


# What the forked workers inherit from the build in progress: its renderer, the announcement
# and the staging folder. Only an output's name goes down the pool's pipe and only a file's
# name comes back (see _render_in_worker).
_RENDERER: render.Renderer | None = None
_ANNOUNCEMENT: Announcement | None = None
_STAGE: Path | None = None


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


def _render_in_worker(output: Output) -> Path:
    """Lay out ``output`` and leave its files, pickled, in a file of the staging folder: the
    file's name is the whole reply. A reply of a few hundred bytes is one atomic write to the
    pool's pipe, so a worker stopped by an interrupt never leaves half a message there; the
    pool's thread would wait for the rest of a PDF's bytes for ever (Python 3.11), and the
    build with it."""
    assert _RENDERER is not None and _ANNOUNCEMENT is not None and _STAGE is not None
    files = _RENDERER.files(_ANNOUNCEMENT, output)
    with tempfile.NamedTemporaryFile(dir=_STAGE, prefix=".worker-", delete=False) as reply:
        pickle.dump(files, reply)
    return Path(reply.name)


def _replied(reply: Path) -> dict[Path, bytes]:
    """The files a worker left in ``reply``, which goes."""
    files = pickle.loads(reply.read_bytes())
    reply.unlink()
    return files


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

    With several layouts to make and ``jobs`` > 1, worker processes lay out the PDFs and the
    cards, costliest first, while this process writes the HTML pages, Word files and wire texts.
    Outputs that attach a file come last: an e-mail attaches its release's PDF from the staging
    folder when it is ``attachable`` (made by this build, or kept and current), else renders it.
    """
    renderer = render.Renderer(project)
    laid_out, pages, attaching = _schedule(outputs)

    def attach(output: Output) -> dict[Path, bytes]:
        attached = output.in_format(FORMATS[output.fmt].attaches).path
        data = (stage / attached).read_bytes() if attached in attachable else None
        return renderer.files(announcement, output, data)

    with _progress(len(outputs)) as advance:
        if jobs <= 1 or len(laid_out) <= 1:
            rendered = ((o, renderer.files(announcement, o)) for o in laid_out + pages)
        else:
            renderer.warm_up(outputs)
            rendered = _in_workers(renderer, announcement, laid_out, pages, jobs, stage)
        with closing(rendered):  # an interrupt stops the workers here, see _in_workers
            for done in rendered:
                yield done
                advance()
        for output in attaching:  # after what they attach is in the staging folder
            yield output, attach(output)
            advance()


def _schedule(outputs: list[Output]) -> tuple[list[Output], list[Output], list[Output]]:
    """``outputs`` in the order the build renders them: those WeasyPrint lays out, costliest
    first (the PDF before the cards at equal cost); the others; those that attach a file."""
    order = list(FORMATS)
    attaching = [o for o in outputs if FORMATS[o.fmt].attaches]
    rest = [o for o in outputs if not FORMATS[o.fmt].attaches]
    laid_out = sorted((o for o in rest if FORMATS[o.fmt].laid_out),
                      key=lambda o: (-FORMATS[o.fmt].cost[o.kind], order.index(o.fmt)))  # fmt: skip
    pages = [o for o in rest if not FORMATS[o.fmt].laid_out]
    return laid_out, pages, attaching


def _in_workers(
    renderer: render.Renderer,
    announcement: Announcement,
    laid_out: list[Output],
    pages: list[Output],
    jobs: int,
    stage: Path,
) -> Iterator[tuple[Output, dict[Path, bytes]]]:
    """``laid_out`` rendered by forked worker processes while this one writes ``pages``. The
    workers are forked after this process has compiled the templates, read the catalogs and
    laid out one output, so they start warm."""
    global _RENDERER, _ANNOUNCEMENT, _STAGE
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # The cheapest layout is made here first: it loads WeasyPrint, fontconfig, the fonts and
    # the hyphenation patterns once, for every worker forked after it.
    *laid_out, warm = laid_out
    yield warm, renderer.files(announcement, warm)
    _RENDERER, _ANNOUNCEMENT, _STAGE = renderer, announcement, stage
    context = multiprocessing.get_context("fork")
    try:
        pool = ProcessPoolExecutor(
            min(jobs, len(laid_out)), mp_context=context, initializer=_start_worker,
            initargs=(os.getpid(),),
        )  # fmt: skip
        try:
            # Submitting is inside the guard: the workers are forked at the first submit, and
            # an interrupt among the submits must stop them too, not wait for them to finish.
            futures = {pool.submit(_render_in_worker, o): o for o in laid_out}
            for output in pages:
                yield output, renderer.files(announcement, output)
            for future in as_completed(futures):
                yield futures[future], _replied(future.result())
        except BaseException:
            # Interrupted, or a worker failed: stop the workers now. A pool shut down
            # politely still lays out every PDF already handed to it before the process
            # may exit, minutes after Ctrl-C on a busy machine. Then wait for the pool's
            # own thread to close its pipes: left running, it races Python's exit hook,
            # which writes to a pipe the thread is closing ("Bad file descriptor").
            for worker in multiprocessing.active_children():
                worker.terminate()
            # An interrupt inside the first submit can land before the pool's thread starts:
            # there is nothing to wait for, and joining it raises over the interrupt.
            with suppress(RuntimeError):
                pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
    finally:
        _RENDERER = _ANNOUNCEMENT = _STAGE = None


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
