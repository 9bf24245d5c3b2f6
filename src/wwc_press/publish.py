"""HTML -> PDF with WeasyPrint, and files written so that a reader never sees half of one.

WeasyPrint would open any URL a document names (http, file, attachments). Ours may only read the
project's own template files (fonts), its ``logos/`` folder and ``data:`` URLs: text from an
announcement is escaped before it gets here, and the fetcher is the second lock on that door.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import RenderError

LOGOS = "logos"  # the project's folder of partner logos, beside templates/


def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class TemplateFetcher(URLFetcher):
        """Opens ``data:`` URLs and files under the templates and logos folders; refuses
        everything else."""

        def __init__(self, templates: Path):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.folders = [templates.resolve(), (templates / ".." / LOGOS).resolve()]

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(unquote(parts.path)).resolve()
                inside = any(path.is_relative_to(folder) for folder in self.folders)
                if inside and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(
                f"refused to fetch {url}: only the project's templates and logos may be read"
            )

    return TemplateFetcher


class _Warnings(logging.Handler):
    """Collects WeasyPrint's warnings: a missing font or a refused fetch is a failed render."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@cache
def _font_config(templates: Path, fonts: tuple[tuple[str, int, int], ...]):
    """One font configuration per templates folder and set of font files: the shipped fonts are
    loaded once, not per PDF. A build's workers inherit it from the process that forks them,
    loaded already; a changed font file (while ``serve`` runs) gets a new one."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _font_files(templates: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted((templates / "fonts").glob("*.ttf"))
    )


def pdf_bytes(html: str, templates: Path, *, tagged: bool = True) -> bytes:
    """Lay out ``html`` as a tagged PDF (PDF/UA-1; untagged for a picture that is rasterized);
    metadata comes from its head, so output is reproducible."""
    import weasyprint

    handler = _Warnings()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=templates.resolve().as_uri() + "/",
            url_fetcher=_fetcher_class()(templates),
        )
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        data = document.write_pdf(
            pdf_identifier=identifier,
            pdf_variant="pdf/ua-1" if tagged else None,
            font_config=_font_config(templates.resolve(), _font_files(templates)),
        )
    finally:
        logger.removeHandler(handler)
    if handler.messages:
        raise RenderError("PDF rendering failed: " + "; ".join(handler.messages))
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, 0o644)  # mkstemp makes files private; published files are not
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def die_with_parent() -> None:
    """In a child process: Linux ends it when its parent ends, however the parent ends (a kill,
    a closed terminal). Elsewhere nothing: the child's own cleanup must do."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


# How long a build waits for another build of the same announcement before it gives up.
LOCK_TIMEOUT = 600.0
# Lock descriptors this process holds: a forked worker closes its copies, so that a worker
# outliving a killed build never keeps the announcement locked.
_HELD: set[int] = set()


def held_locks() -> set[int]:
    return set(_HELD)


def close_inherited_locks() -> None:
    """In a child forked from a process that may hold locks: close its copies and forget their
    numbers, which the child's own files may take (a worker the child forks closes what this
    set names)."""
    for descriptor in _HELD:
        with contextlib.suppress(OSError):
            os.close(descriptor)
    _HELD.clear()


def _holder(handle) -> str:
    """Who holds the lock, as its holder wrote it: "PID 1234 at 10:02:07"."""
    handle.seek(0)
    pid, _, started = handle.read().strip().partition(" ")
    return f"PID {pid} at {started}" if pid.isdigit() and started else "another process"


@contextmanager
def locked(out: Path, announcement_id: str, timeout: float | None = None) -> Iterator[None]:
    """One writer at a time per announcement and output folder; another waits its turn, says
    whom it waits for, and gives up after ``timeout`` seconds (``LOCK_TIMEOUT``).

    The lock is the kernel's (``flock``): a build that died released it with its last open
    descriptor, so the next one proceeds at once. What a killed build left is tidied once the
    lock is ours: a folder it was swapping out comes back if the new one never arrived, and its
    staging folders go.
    """
    import datetime as dt
    import sys
    import time

    out.mkdir(parents=True, exist_ok=True)
    path = out / f".{announcement_id}.lock"
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            limit = LOCK_TIMEOUT if timeout is None else timeout
            print(f"waiting for the build started by {holder} ({path})…", file=sys.stderr)
            deadline = time.monotonic() + limit
            while True:
                time.sleep(0.1)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise RenderError(
                            f"{path}: the build started by {holder} still holds "
                            f"{announcement_id} after {limit:.0f} s; let it finish, or stop it "
                            "and build again"
                        ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {dt.datetime.now().strftime('%H:%M:%S')}\n")
        handle.flush()
        _HELD.add(handle.fileno())
        try:
            target = out / announcement_id
            for old in out.glob(f".{announcement_id}.old-*"):
                if not target.exists() and (old / announcement_id).is_dir():
                    os.replace(old / announcement_id, target)  # killed between the two renames
                shutil.rmtree(old, ignore_errors=True)
            for leftover in out.glob(f".{announcement_id}.building-*"):
                shutil.rmtree(leftover, ignore_errors=True)
            yield
        finally:
            _HELD.discard(handle.fileno())
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def refuse_link(target: Path) -> None:
    """A ``dist/<id>`` that is a symbolic link is someone's arrangement: never replace it."""
    if target.is_symlink():
        raise RenderError(
            f"{target} is a symbolic link (to {os.readlink(target)}); wwc-press does not replace "
            "it: remove the link or build with another --out"
        )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux's renameat2 with RENAME_EXCHANGE); False where the
    system or the file system cannot."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap(stage: Path, target: Path) -> None:
    """Put the staged folder where the old one was, in one atomic step where Linux allows (a
    crash leaves the old folder or the new one, never none), then drop the old one."""
    refuse_link(target)
    if not target.exists():
        os.replace(stage, target)
    elif _exchange(stage, target):
        shutil.rmtree(stage, ignore_errors=True)  # the old folder, now at the staging path
    else:  # two renames; locked() restores the old folder if a crash falls between them
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
        os.replace(target, old / target.name)
        os.replace(stage, target)
        shutil.rmtree(old, ignore_errors=True)


def require_output_folder(out: Path, project: Path) -> None:
    """ValueError saying why ``out`` cannot take a project's outputs: the project itself or a
    folder of its own files, a file, a path below a file, a dangling link or a folder without
    write permission. A relative ``out`` is taken from ``project``, where the command runs."""

    def refuse(why: str) -> None:
        raise ValueError(f"{out}: {why}; choose another folder")

    try:
        where = (project / out).resolve()
        project = project.resolve()
        if project.is_relative_to(where):
            refuse("the project itself or a folder above it: a build would write among its files")
        for source in ("announcements", "templates", "locales", "logos"):
            if where.is_relative_to(project / source):
                refuse(f"inside {source}/, the project's own files")
        if out.is_symlink() and not out.exists():
            refuse(f"a link to {os.readlink(out)}, which does not exist")
    except OSError as error:  # a name too long, a loop of links
        refuse(error.strerror or str(error))
    if out.exists() and not out.is_dir():
        refuse("a file, not a folder")
    existing = out
    while not existing.exists():
        if existing.is_symlink():
            refuse(f"{existing} is a link to nothing")
        existing = existing.parent
    if not existing.is_dir():
        refuse(f"{existing} is a file, so no folder can be made below it")
    if not os.access(existing, os.W_OK | os.X_OK):
        refuse(f"{existing} is not writable")


def require_site_folder(out: Path, dist: Path) -> None:
    """ValueError unless ``out`` may be replaced by the public site built from ``dist``: never
    someone's link, never ``dist`` or a folder that holds it or lies inside it."""
    if out.is_symlink():
        raise ValueError(
            f"{out}: a link (to {os.readlink(out)}), which publish would replace; give the "
            "folder itself"
        )
    source, target = dist.resolve(), out.resolve()
    if source == target or target.is_relative_to(source) or source.is_relative_to(target):
        raise ValueError(
            f"{out}: the site may not be {dist} or hold it or lie inside it; choose another folder"
        )
