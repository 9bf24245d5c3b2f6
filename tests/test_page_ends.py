"""No word breaks across a page: the Canadian Press desk read "…These councils chose to be mea-"
/ -more- / "sured in public…" from page 1 to page 2 of the program's English release and on the
report's page, in the June 2032 Canadian round (tests/rounds). Ragged copy needs no word breaks
at all (release.css), so no line of any of its PDFs ends on a word's head either."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, broken_words, build_round, html_text

ROUND = (ROOT / "tests" / "rounds" / "2032-06-canada.yaml").read_text("utf-8")


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("page-ends"), "canada", ROUND, ["pdf", "html"])


@pytest.mark.parametrize("lang", ["en", "fr-CA"])
def test_no_word_breaks_across_a_page_or_a_line(canada: Path, lang: str) -> None:
    pdfs = sorted((canada / lang).rglob("*.pdf"))
    assert len(pdfs) == 12  # the release, the report, ten cities' releases
    broken, read = [], 0
    for pdf in pdfs:
        found, lines = broken_words(pdf, html_text(pdf.with_suffix(".html")))
        broken += found
        read += lines
    assert broken == []
    assert read > 300
    # The page the desk read still ends where it did, inside the quote: the test reads there.
    if lang == "en":
        pdf = canada / "en" / "press-release.pdf"
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        first, second = text.split("\f")[:2]
        assert "These councils chose to be" in first and "public" in second
