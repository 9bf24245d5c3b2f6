"""Accessible outputs: tagged PDF/UA files, and HTML pages that pass axe-core in Chromium."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdf
import pytest

LANGS = ["en", "es", "pt-BR"]


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_tagged_pdf_ua(sample: Path, lang: str) -> None:
    with pikepdf.open(sample / lang / "press-release.pdf") as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == lang
        assert root.ViewerPreferences.DisplayDocTitle is True  # PDF/UA: show the title
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"]
            assert xmp["dc:creator"] == ["Results for America"]
            assert xmp["dc:description"]


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_bookmarks_follow_the_headings(sample: Path, lang: str) -> None:
    reader = pypdf.PdfReader(sample / lang / "press-release.pdf")
    top, children = reader.outline[0], reader.outline[1]
    assert top.title == reader.metadata["/Title"]
    about = {"en": "About What Works Cities", "es": "Acerca de What Works Cities"}
    about["pt-BR"] = "Sobre o What Works Cities"
    assert [child.title for child in children][0] == about[lang]


PAGES = [
    *(f"{lang}/{kind}.html" for lang in LANGS for kind in ("press-release", "report")),
    "en/cities/henderson-nv-us.html",
    "es/cities/cordoba-ar.html",
    "pt-BR/cities/fortaleza-ce-br.html",
    "index.html",
]


def _axe(browser_page, page: Path) -> tuple[list, list]:
    from axe_playwright_python.sync_playwright import Axe

    errors: list[str] = []
    browser_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    browser_page.goto(page.as_uri())
    violations = Axe().run(browser_page).response["violations"]
    return [(v["id"], v["impact"], v["help"]) for v in violations], errors


@pytest.mark.parametrize("page_name", PAGES)
def test_html_passes_axe_core(sample: Path, browser_page, page_name: str) -> None:
    found, errors = _axe(browser_page, sample / page_name)
    assert found == [], "axe-core finds no violation at all, serious or not"
    assert errors == []


def test_review_page_passes_axe_core(sample_review: Path, browser_page) -> None:
    found, errors = _axe(browser_page, sample_review)
    assert found == [] and errors == []
