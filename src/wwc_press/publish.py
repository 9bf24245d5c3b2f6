"""HTML -> PDF with WeasyPrint, and files written so that a reader never sees half of one.

WeasyPrint would open any URL a document names (http, file, attachments). Ours may only read the
project's own template files (fonts), its ``logos/`` folder and ``data:`` URLs: text from an
announcement is escaped before it gets here, and the fetcher is the second lock on that door.
"""

from __future__ import annotations

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


@contextmanager
def locked(out: Path, announcement_id: str) -> Iterator[None]:
    """One writer at a time per announcement and output folder; another waits its turn.

    What a killed build left is tidied once the lock is ours: a folder it was swapping out comes
    back if the new one never arrived, and its staging folders go.
    """
    out.mkdir(parents=True, exist_ok=True)
    with (out / f".{announcement_id}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
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
            fcntl.flock(handle, fcntl.LOCK_UN)


def swap(stage: Path, target: Path) -> None:
    """Put the staged folder where the old one was, then drop the old one."""
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
        os.replace(target, old / target.name)
        os.replace(stage, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(stage, target)
