"""Shared fixtures: the sample announcement is rendered once per test session."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from wwc_press.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ID = "2023-06-international"

# The sample's cities, by the languages their releases are written in: every city in English,
# the Argentine and Uruguayan ones in Spanish too, the Brazilian ones in Portuguese.
CITY_RELEASES = {
    "en": "arlington-tx-us bellingham-wa-us buenos-aires-ar cambridge-ma-us carlsbad-ca-us "
    "charleston-sc-us chicago-il-us cincinnati-oh-us cordoba-ar denver-co-us fortaleza-ce-br "
    "henderson-nv-us memphis-tn-us mogi-das-cruzes-sp-br montevideo-uy san-antonio-tx-us "
    "scottsdale-az-us seattle-wa-us south-bend-in-us syracuse-ny-us washington-dc-us".split(),
    "es": ["buenos-aires-ar", "cordoba-ar", "montevideo-uy"],
    "pt-BR": ["fortaleza-ce-br", "mogi-das-cruzes-sp-br"],
}
# The sample's HTML outputs, as a build lists them.
SAMPLE_HTML = {
    f"{lang}/{kind}.html" for lang in CITY_RELEASES for kind in ("press-release", "report")
}
SAMPLE_HTML |= {
    f"{lang}/cities/{slug}.html" for lang, slugs in CITY_RELEASES.items() for slug in slugs
}


def run(args: list[str], cwd: Path = ROOT) -> Result:
    """Run the command line in ``cwd`` as a user would, in this process."""
    with contextlib.chdir(cwd):
        return CliRunner().invoke(main, args, catch_exceptions=False)


def build_round(root: Path, name: str, text: str, formats: Iterable[str], *args: str) -> Path:
    """A round written into ``root`` as ``name``.yaml and built there in ``formats``: the
    folder of its outputs."""
    (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    flags = [arg for fmt in formats for arg in ("--format", fmt)]
    result = run(["build", str(root / f"{name}.yaml"), *flags, *args, "--out", str(root)])
    assert result.exit_code == 0, result.output
    return root / name


def pdf_text(path: Path) -> str:
    """The PDF's words as a reader copies them: lines joined, hyphenation undone."""
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    # WeasyPrint hyphenates with U+2010 and the font maps "-" to the same glyph.
    text = re.sub(r"\u2010\n", "", raw).replace("\u2010", "-")
    return re.sub(r"[ \n\u00a0]+", " ", text)  # names are held together by no-break spaces


# What a page's text ends on below its last line of text: "-more-", "(suite)", "Page 1 of 2".
_FURNITURE = re.compile(r"[-\u2010]\w+[-\u2010]|\(\w+\)|\w+ \d+ \w+ \d+|\d+|###")


def broken_words(pdf: Path, written: str) -> tuple[list[str], int]:
    """Each word of ``pdf`` broken at a line's end with a hyphen it is not written with
    (``written``: the output's words, from its HTML or wire text), a page's end included
    ("mea-" / -more- / "sured"); and how many lines were read. A compound breaks at its own
    hyphen ("data-" / "driven"). pdftotext reads WeasyPrint's hyphen as U+2010 or "-"."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = []
    for number, page in enumerate(text.split("\f"), start=1):
        body = [line.strip() for line in page.splitlines() if line.strip()]
        lines += [(number, line) for line in body if not _FURNITURE.fullmatch(line)]
    written = written.replace("\u2010", "-")
    broken = []
    for (page, line), (next_page, following) in zip(lines, lines[1:], strict=False):
        head, tail = line.split()[-1], following.split()[0]
        if re.search(r"\w[-\u2010]$", head) and f"{head[:-1]}-{tail}" not in written:
            where = f"page {page} end" if next_page != page else f"page {page}"
            broken.append(f"{pdf.name}, {where}: {line[-40:]} / {following[:20]}")
    return broken, len(lines)


def place_pattern(lang: str) -> str:
    """How the project's catalog writes a place with its qualifier in ``lang``."""
    from wwc_press.localize import PLACE, load_translations

    return load_translations(ROOT, lang).pgettext("place", PLACE)


def html_text(path: Path) -> str:
    """An HTML page's words as a browser shows them: tags gone (names are wrapped in spans for
    line breaking), entities undone, spaces joined."""
    import html

    page = path.read_text("utf-8")
    body = page[page.index("<body") :]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", body)))  # \s: NBSP too


def mayor_slot(path: Path):
    """A city's Word file: the paragraph where its mayor's quote goes (bookmarked "mayor_quote")
    and the texts of the Word comments anchored in it, in their order."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    [slot] = [
        p for p in document.paragraphs
        if any(b.get(qn("w:name")) == "mayor_quote" for b in p._p.iter(qn("w:bookmarkStart")))
    ]  # fmt: skip
    texts = {str(comment.comment_id): comment.text for comment in document.comments}
    anchored = [mark.get(qn("w:id")) for mark in slot._p.iter(qn("w:commentRangeStart"))]
    return slot, [texts[number] for number in anchored]


def edit_catalog(project: Path, lang: str, change) -> None:
    """Apply ``change`` to a copy's catalog (``lang`` is gettext's folder name: es, pt_BR)."""
    from babel.messages.pofile import read_po, write_po

    path = project / "locales" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    change(catalog)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True)


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dist/<id>`` of the sample announcement in every format, built once: tests that only
    read outputs read these."""
    out = tmp_path_factory.mktemp("dist")
    result = run(["build", f"announcements/{SAMPLE_ID}.yaml", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / SAMPLE_ID


@pytest.fixture(scope="session")
def round_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dist/<id>`` of the June 2024 round: Guatemala, Chile, Argentina, Brazil, Mexico; PDFs
    only, the one format its tests read."""
    out = tmp_path_factory.mktemp("dist")
    args = ["build", "announcements/2024-06-international.yaml", "--format", "pdf"]
    result = run([*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "2024-06-international"


def copy_project(folder: Path) -> Path:
    """A copy of the project (settings, templates, catalogs) in ``folder``, no announcements."""
    for name in ("templates", "locales"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "wwc-press.yaml", folder)
    shutil.copy(ROOT / "glossary.yaml", folder)
    (folder / "announcements").mkdir()
    return folder


def illustrative_project(
    folder: Path, name: str, records: tuple[str, ...] = ("2023-06", "2024-06")
) -> Path:
    """A copy of the project whose announcements are ``tests/rounds/<name>`` and the rounds of
    record it builds on (``records``, by date): an illustrative round never meets the real
    history it would contradict (the worked Canadian example certifies Hamilton and Winnipeg
    otherwise than February 2025 did)."""
    project = copy_project(folder)
    shutil.copy(ROOT / "tests" / "rounds" / name, project / "announcements")
    for record in records:
        for path in (ROOT / "announcements").glob(f"{record}-*.yaml"):
            shutil.copy(path, project / "announcements")
    return project


def copy_sample_build(project: Path, sample: Path) -> Path:
    """The sample announcement into ``project`` and, in its ``dist/``, a copy of the session's
    build of it: a command that builds there finds every output up to date, so a test pays
    only for what it changes."""
    shutil.copy(ROOT / "announcements" / f"{SAMPLE_ID}.yaml", project / "announcements")
    shutil.copytree(sample.parent, project / "dist", symlinks=True)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with no announcements."""
    return copy_project(tmp_path)


@pytest.fixture
def built_project(project: Path, sample: Path) -> Path:
    """A copy of the project with the sample and its build (``copy_sample_build``)."""
    return copy_sample_build(project, sample)


@pytest.fixture(scope="session")
def sample_review(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's review page, written once for the tests that only read it."""
    project = copy_sample_build(copy_project(tmp_path_factory.mktemp("review")), sample)
    result = run(["review", f"announcements/{SAMPLE_ID}.yaml", "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    return project / "dist" / SAMPLE_ID / "review.html"


CHROMIUM = "/usr/bin/chromium"  # Debian's package, installed by the Makefile
# As on this machine's probe: no background connections a closed network would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright, which never downloads a browser of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    yield page
    page.close()
