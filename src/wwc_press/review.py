"""The side-by-side review page: every language of an output in columns, section by section.

It reads what ``build`` produced: each HTML output is cut into the sections the templates mark
with a stable ``id`` (heading, lead, new, upgraded, …), so the same paragraph of each language
lines up in one row; each PDF page becomes a thumbnail; what ``check`` finds is flagged in the
row and column it concerns.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from . import publish, render
from .check import Finding, announcement_problems, catalog_problems
from .errors import Problem, RenderError
from .model import Announcement

# What the review shows, in order: the outputs build makes, by file stem.
OUTPUTS = {"press-release": "Press release"}


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
    """The stable sections of one built HTML output, in document order."""
    parser = _Sections(html)
    parser.feed(html)
    # Our own build's output, already escaped: safe to embed as it is.
    return {key: Markup(part) for key, part in parser.found.items()}  # noqa: S704


def thumbnails(pdf: Path, resolution: int = 36) -> list[str]:
    """Each page of ``pdf`` as a PNG data URL (poppler's pdftoppm, installed by the Makefile)."""
    if shutil.which("pdftoppm") is None:
        raise RenderError("pdftoppm not found: install poppler-utils (make does it on Debian)")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), str(pdf), f"{folder}/page"], check=True
        )
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [
            "data:image/png;base64," + base64.b64encode(page.read_bytes()).decode("ascii")
            for page in pages
        ]


def section_of(finding: Finding) -> str:
    """The section of the release where the field of a finding is printed."""
    head = finding.field[0]
    if head in ("headline", "subheadline"):
        return "heading"
    if head == "quotes":
        return f"quote-{int(finding.field[1]) + 1}"
    return str(head)


def write_review(
    root: Path, templates: Path, path: Path, announcement: Announcement, folder: Path
) -> Path:
    """Write ``folder/review.html`` from the outputs built into ``folder`` (``dist/<id>``)."""
    assert announcement.languages
    languages = announcement.languages
    findings = announcement_problems(path, announcement)
    flagged: dict[tuple[str, str], list[str]] = {}
    for finding in findings:
        key = (section_of(finding), finding.language)
        flagged.setdefault(key, []).append(finding.problem.message)
    outputs = []
    for stem, title in OUTPUTS.items():
        pages = {}
        for language in languages:
            html_file = folder / language / f"{stem}.html"
            if not html_file.exists():
                raise RenderError(f"{html_file} is missing: run wwc-press build first")
            pages[language] = sections(html_file.read_text("utf-8"))
        keys = list(dict.fromkeys(key for lang in languages for key in pages[lang]))
        rows = [
            (
                key,
                [(lang, pages[lang].get(key), flagged.get((key, lang), [])) for lang in languages],
            )
            for key in keys
        ]
        thumbs = {lang: thumbnails(folder / lang / f"{stem}.pdf") for lang in languages}
        outputs.append({"stem": stem, "title": title, "rows": rows, "thumbnails": thumbs})
    catalogs: list[Problem] = catalog_problems(root)
    page = (
        render.plain_environment(templates)
        .get_template("review.html")
        .render(
            announcement=announcement,
            languages=languages,
            outputs=outputs,
            findings=[f.problem for f in findings],
            catalogs=catalogs,
        )
    )
    target = folder / "review.html"
    publish.write_atomic(target, page.encode("utf-8"))
    return target
