"""The side-by-side review page: every language of an output in columns, section by section.

It reads what ``build`` produced: each HTML output is cut into the sections the templates mark
with a stable ``id`` (heading, lead, new, upgraded, …), so the same paragraph of each language
lines up in one row; each PDF page becomes a thumbnail; what ``check`` finds is flagged in the
row and column it concerns.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from . import fields, loader, publish, render
from .check import Finding, announcement_problems, catalog_problems, glossary
from .errors import RenderError
from .i18n import Catalogs
from .model import Announcement
from .plan import Output, plan
from .project import Project


class _Sections(HTMLParser):
    """Collects the children of <article> that carry an id, as the HTML the build wrote."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.depth = 0
        self.article_depth: int | None = None
        self.open: tuple[str, int, int] | None = None  # id, start offset, depth
        self.found: dict[str, str] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "meta", "img", "link", "input", "hr"):
            return
        self.depth += 1
        if tag == "article":
            self.article_depth = self.depth
        elif self.article_depth is not None and self.depth == self.article_depth + 1:
            key = dict(attrs).get("id")
            if key and self.open is None:
                self.open = (key, self._offset(), self.depth)

    def handle_endtag(self, tag: str) -> None:
        if self.open is not None and self.depth == self.open[2]:
            end = self.text.index(">", self._offset()) + 1
            self.found[self.open[0]] = self.text[self.open[1] : end]
            self.open = None
        self.depth -= 1


def sections(html: str) -> dict[str, Markup]:
    """The stable sections of one built HTML output, in document order, ready to sit in a
    table cell: a section of each language must not be a landmark of the review page, nor
    repeat an id another column has."""
    parser = _Sections(html)
    parser.feed(html)
    found = {}
    for key, part in parser.found.items():
        part = re.sub(r'\s(?:id|aria-label|aria-labelledby)="[^"]*"', "", part)
        part = re.sub(r"<(/?)(?:section|nav)\b", r"<\1div", part)
        # A chart's label pointed at ids that are gone: in the review it is a picture only.
        part = part.replace(' role="img"', "").replace("<svg ", '<svg aria-hidden="true" ')
        # Our own build's output, already escaped: safe to embed as it is.
        found[key] = Markup(part)  # noqa: S704
    return found


def thumbnails(pdf: Path, resolution: int = 36) -> list[str]:
    """Each page of ``pdf`` as a PNG data URL (poppler's pdftoppm, installed by the Makefile).
    A PDF already drawn by this process is not drawn again: ``serve`` rewrites the review page
    after every comment and approval, and drawing every PDF took most of that time."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    return list(_drawn(digest, resolution, pdf))


@lru_cache(maxsize=512)
def _drawn(digest: str, resolution: int, pdf: Path) -> tuple[str, ...]:
    # Keyed by the file's contents: a rebuilt PDF at the same path is drawn again.
    if shutil.which("pdftoppm") is None:
        raise RenderError("pdftoppm not found: install poppler-utils (make does it on Debian)")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), str(pdf), f"{folder}/page"], check=True
        )
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return tuple(
            "data:image/png;base64," + base64.b64encode(page.read_bytes()).decode("ascii")
            for page in pages
        )


def section_in(output: Output, finding: Finding, announcement: Announcement) -> str | None:
    """The section of ``output`` that prints the field a finding is about (None: not shown)."""
    return fields.section(output.kind, finding.field, announcement, output.city)


def _title(output: Output) -> str:
    if output.city is not None:
        return f"City release: {output.city.name}"
    return {"release": "Press release", "report": "Report"}[output.kind]


def write_review(
    root: Path,
    templates: Path,
    path: Path,
    announcement: Announcement,
    folder: Path,
    signoff: list | None = None,
    notes: dict[tuple[str, str], list[dict]] | None = None,
    default_contacts: list | None = None,
) -> Path:
    """Write ``folder/review.html`` from the outputs built into ``folder`` (``dist/<id>``): one
    table per output (the release, the report, each city's release), one column per language."""
    assert announcement.languages
    languages = announcement.languages
    terms = glossary(root)
    findings = announcement_problems(
        loader.load(path), announcement, terms=terms, default_contacts=default_contacts
    )
    units: dict[str, dict[str, Output]] = {}  # file name -> language -> output
    for output in plan(announcement, formats=["html"]):
        units.setdefault(output.path.relative_to(output.language).as_posix(), {})[
            output.language
        ] = output
    from .contents import entries

    # Every format of each output, by language and output stem, as the index lists them.
    listed = {
        lang: {entry.files[0].href.rsplit(".", 1)[0]: entry for entry in entries(folder, lang)}
        for lang in languages
    }
    tables = [
        _table(name, by_language, folder, announcement, findings, notes or {}, listed)
        for name, by_language in units.items()
    ]
    page = (
        render.plain_environment(templates)
        .get_template("review.html")
        .render(
            announcement=announcement,
            languages=languages,
            outputs=tables,
            findings=[f.problem for f in findings],
            catalogs=catalog_problems(Catalogs(root), terms),
            signoff=signoff or [],
        )
    )
    target = folder / "review.html"
    publish.write_atomic(target, page.encode("utf-8"))
    return target


def _table(
    name: str,
    by_language: dict[str, Output],
    folder: Path,
    announcement: Announcement,
    findings: list[Finding],
    notes: dict[tuple[str, str], list[dict]],
    listed: dict[str, dict],
) -> dict:
    """One output's table of the review page: a row per section, a cell per language with the
    section as built, check's flags in it and the reviewers' comments on it; thumbnails of each
    language's PDF pages; the formats the index lists."""
    assert announcement.languages
    languages = announcement.languages
    pages, flags = {}, {}
    for language, output in by_language.items():
        html_file = folder / output.path
        if not html_file.exists():
            raise RenderError(f"{html_file} is missing: run wwc-press build first")
        pages[language] = sections(html_file.read_text("utf-8"))
        for finding in findings:
            section = section_in(output, finding, announcement)
            if finding.language == language and section is not None:
                flags.setdefault((section, language), []).append(finding.problem.message)
    keys = list(dict.fromkeys(key for lang in languages for key in pages.get(lang, {})))
    where = {lang: by_language[lang].path.as_posix() for lang in by_language}
    rows = [
        (key, [(lang, pages.get(lang, {}).get(key), flags.get((key, lang), []),
                f"{where[lang]}#{key}" if lang in where else None,
                notes.get((lang, f"{where.get(lang)}#{key}"), []))
               for lang in languages])
        for key in keys
    ]  # fmt: skip
    pdf = Path(name).with_suffix(".pdf")
    thumbs = {lang: thumbnails(folder / lang / pdf) if lang in pages else [] for lang in languages}
    first = next(iter(by_language.values()))
    formats = {
        lang: listed[lang].get(f"{lang}/{Path(name).with_suffix('').as_posix()}")
        for lang in languages
    }
    return {
        "id": Path(name).stem,
        "title": _title(first),
        "pdf": pdf.as_posix(),
        "rows": rows,
        "thumbnails": thumbs,
        "formats": formats,
    }


def refresh(project: Project, path: Path, announcement: Announcement, out: Path) -> Path:
    """Write the review page of a built announcement as it stands now: each language's sign-off
    (by whom and when, or what changed since, word by word) and the reviewers' comments."""
    from . import approvals
    from .contents import write_front, write_index

    assert announcement.id and announcement.languages
    folder = out / announcement.id
    signoff = [
        replace(approvals.state(project, announcement, lang),
                hash=approvals.shown(project, announcement, lang, folder))
        for lang in announcement.languages
    ]  # fmt: skip
    notes = approvals.comments(project, announcement)
    with publish.locked(out, announcement.id):  # a build running meanwhile cannot swap it
        target = write_review(
            project.root, project.templates, path, announcement, folder, signoff, notes,
            project.settings.contacts,
        )  # fmt: skip
        write_index(project, announcement, folder)  # now with a link to the review
    write_front(project, out)
    return target


def build_and_review(project: Project, path: Path, out: Path) -> tuple[Announcement, Path]:
    """What ``review`` does, as a function (``serve`` runs it in a worker of its own): load the
    announcement at ``path``, read its sign-off file (a damaged one is said before the build),
    build every output into ``out``, then write the review page. Returns the announcement and
    the page."""
    from .approvals import approvals_path, read
    from .build import build

    [announcement] = project.load([path])
    read(approvals_path(project, announcement))
    build(project, [announcement], out)
    return announcement, refresh(project, path, announcement, out)
