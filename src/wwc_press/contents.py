"""The tables of contents: each announcement's ``index.html`` and the front page of ``dist/``.

Both read what is on disk, so they list exactly what a reader can open: each output by its title
(the ``<title>`` its HTML page carries: the headline, the report's name, a city's headline), with
its formats side by side, their sizes and page counts; languages by the names their speakers
write. Hidden files (locks, cache manifests, staging folders) are never listed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from . import publish, render
from .filters import upper_first
from .formats import FORMATS, format_of
from .model import Announcement
from .project import Project

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# The order files are listed in: the registry's order of formats.
LABELS = tuple(label for listed in FORMATS.values() for label in listed.labels)


@dataclass(frozen=True)
class File:
    fmt: str  # as listed: "PDF", "DOCX", "PNG 1200×630", "ALT"
    href: str
    size: str
    pages: int | None = None


@dataclass(frozen=True)
class Entry:
    title: str
    files: tuple[File, ...]


def title_of(page: Path) -> str | None:
    """The title an HTML file carries, unescaped."""
    try:
        head = page.read_text("utf-8", errors="replace")[:4000]
    except OSError:
        return None
    found = _TITLE.search(head)
    return html.unescape(found.group(1)).strip() if found else None


def language_name(language: str) -> str:
    """The language as its speakers write it, capitalized as a list item: "Español",
    "Português (Brasil)", "Français (Canada)"."""
    # The tag as written ("en", not the en_US formats use): English is English to its readers.
    name = Locale.parse(language.replace("-", "_")).get_display_name() or language
    return upper_first(name)


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, round(size / 1024))} KB"


def _pages(pdf: Path) -> int | None:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(document)
    finally:
        document.close()


def entries(folder: Path, language: str) -> list[Entry]:
    """The outputs of one language in ``folder`` (``dist/<id>``): the release, the report, then
    each city's release, each with its formats."""
    groups: dict[Path, list[Path]] = {}
    for path in sorted((folder / language).rglob("*.*")):
        if not any(part.startswith(".") for part in path.relative_to(folder).parts):
            groups.setdefault(_stem(path), []).append(path)
    ordered = sorted(groups, key=lambda stem: (stem.parent != folder / language, stem.name))
    found = []
    for stem in ordered:
        paths = sorted(groups[stem], key=lambda p: (_rank(_label(p)), p.name))
        page = stem.with_suffix(".html")
        title = title_of(page) if page.is_file() else None
        files = tuple(
            File(
                _label(p),
                p.relative_to(folder).as_posix(),
                _size(p.stat().st_size),
                _pages(p) if p.suffix == ".pdf" else None,
            )
            for p in paths
        )
        found.append(Entry(title or stem.name, files))
    return found


def _stem(path: Path) -> Path:
    """The output a file belongs to: a card lists with the release it shows."""
    found = format_of(path)
    return (found.page_of(path) if found else path).with_suffix("")


def _label(path: Path) -> str:
    found = format_of(path)
    return found.label(path) if found else path.suffix[1:].upper()


def _rank(label: str) -> int:
    return LABELS.index(label) if label in LABELS else len(LABELS)


def write_index(project: Project, announcement: Announcement, folder: Path) -> None:
    """``folder/index.html``: every output found in the folder, per language, and the review."""
    assert announcement.languages
    rows = [
        (language, language_name(language), listed)
        for language in announcement.languages
        if (listed := entries(folder, language))
    ]
    headline = rows[0][2][0].title if rows else announcement.id
    page = (
        render.plain_environment(project.templates)
        .get_template("index.html")
        .render(
            announcement=announcement,
            headline=headline,
            rows=rows,
            review=(folder / "review.html").exists(),
        )
    )
    publish.write_atomic(folder / "index.html", page.encode("utf-8"))


def write_front(project: Project, out: Path) -> None:
    """``out/index.html``: each announcement built into ``out``, newest first, by its headline."""
    folders = [i.parent for i in sorted(out.glob("*/index.html"), reverse=True)]
    folders = [folder for folder in folders if not folder.name.startswith(".")]
    page = (
        render.plain_environment(project.templates)
        .get_template("front.html")
        .render(
            announcements=[(f.name, title_of(f / "index.html") or f.name) for f in folders],
            reviews={f.name for f in folders if (f / "review.html").is_file()},
        )
    )
    publish.write_atomic(out / "index.html", page.encode("utf-8"))
