"""What a press office receives, read on built outputs: the paper its printer holds (US Letter or
A4, as CLDR gives its country), the e-mail's Date (a time that was set, or none), and the
attached PDF's name in the release's language.

Two rounds: one for immediate release with cities in Brazil, Argentina, Chile, Mexico and the
United States, in English, Spanish and Brazilian Portuguese; one embargoed, in English and
Canadian French.
"""

from __future__ import annotations

import email
import re
import subprocess
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from conftest import build_round

IMMEDIATE = """\
date: 2025-05-06
cities:
  new:
    - {name: Curitiba, region: PR, country: BR, level: gold}
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Valparaíso, region: VS, country: CL, level: silver}
    - {name: Monterrey, region: NLE, country: MX, level: silver}
    - {name: Tulsa, region: OK, country: US, level: silver}
"""

QUEBEC = """\
date: 2025-05-06
languages: [en, fr-CA]
embargo: 2025-05-06T10:00:00-04:00
cities:
  new:
    - {name: Laval, region: QC, country: CA, level: silver}
    - {name: Halifax, region: NS, country: CA, level: gold}
"""

FORMATS = ("pdf", "docx", "eml")
LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)
MEASURE = 468.0  # 6.5in, the text's width on any paper


@pytest.fixture(scope="module")
def immediate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("delivery"), "immediate", IMMEDIATE, FORMATS)


@pytest.fixture(scope="module")
def quebec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("delivery"), "quebec", QUEBEC, FORMATS)


def _sizes(pdf: Path) -> set[tuple[float, float]]:
    """The size of every page, in points, as pdfinfo reads it."""
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(pdf)).group(1))  # type: ignore[union-attr]
    info = _pdfinfo(pdf, "-f", "1", "-l", str(pages))
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(found) == pages, info
    return {(round(float(w), 2), round(float(h), 2)) for w, h in found}


def _pdfinfo(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdfinfo", *args, str(pdf)], check=True, capture_output=True, text=True
    ).stdout


def _message(path: Path) -> EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[return-value]


# Paper


@pytest.mark.parametrize(
    ("round_name", "path", "paper"),
    [
        # The program's release and report from New York: AP's readers, Letter.
        ("immediate", "en/press-release.pdf", LETTER),
        ("immediate", "en/report.pdf", LETTER),
        # Latin American Spanish has no one readers' country: the dateline's.
        ("immediate", "es/press-release.pdf", LETTER),
        # Brazilian Portuguese is read in Brazil: A4.
        ("immediate", "pt-BR/press-release.pdf", A4),
        ("immediate", "pt-BR/report.pdf", A4),
        # A city's releases, in every language: its country's paper.
        ("immediate", "en/cities/curitiba-pr-br.pdf", A4),
        ("immediate", "pt-BR/cities/curitiba-pr-br.pdf", A4),
        ("immediate", "en/cities/rosario-s-ar.pdf", A4),
        ("immediate", "es/cities/rosario-s-ar.pdf", A4),
        ("immediate", "es/cities/valparaiso-vs-cl.pdf", LETTER),
        ("immediate", "es/cities/monterrey-nle-mx.pdf", LETTER),
        ("immediate", "en/cities/tulsa-ok-us.pdf", LETTER),
        ("quebec", "fr-CA/press-release.pdf", LETTER),
        ("quebec", "fr-CA/cities/laval-qc-ca.pdf", LETTER),
    ],
)
def test_each_pdf_prints_on_its_readers_paper(
    request: pytest.FixtureRequest, round_name: str, path: str, paper: tuple[float, float]
) -> None:
    pdf = request.getfixturevalue(round_name) / path
    assert _sizes(pdf) == {paper}


def test_the_word_file_is_on_the_pdfs_paper_with_the_same_measure(immediate: Path) -> None:
    import docx

    papers = set()
    for document in sorted(immediate.rglob("*.docx")):
        [size] = _sizes(document.with_suffix(".pdf"))
        section = docx.Document(str(document)).sections[0]
        assert (section.page_width.pt, section.page_height.pt) == pytest.approx(size, abs=0.5)
        text_width = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
        assert text_width == pytest.approx(MEASURE, abs=0.5), document.name
        papers.add(size)
    assert papers == {LETTER, A4}


def _words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, each word's left and right edges and its text (pdftotext's boxes)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    pages = boxes.split("<page ")[1:]
    word = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)')
    return [[(float(a), float(b), t) for a, b, t in word.findall(page)] for page in pages]


def test_on_a4_the_text_keeps_its_measure_and_every_page_its_footer(immediate: Path) -> None:
    """A4 is narrower than Letter: the side margins give way, not the text, so nothing runs off
    the page, the headers stay over the text and the pages are counted as on Letter."""
    pdfs = [immediate / "pt-BR" / name for name in ("press-release.pdf", "report.pdf")]
    pdfs += [immediate / "en" / "cities" / "curitiba-pr-br.pdf", immediate / "en" / "report.pdf"]
    for pdf in pdfs:
        [(width, _)] = _sizes(pdf)
        left, right = (width - MEASURE) / 2, (width + MEASURE) / 2
        pages = _words(pdf)
        for number, words in enumerate(pages, 1):
            assert words, (pdf.name, number)
            assert min(w[0] for w in words) >= left - 0.5, (pdf.name, number)
            # The running header ends at the text's right edge: the margin is the measure's.
            cover = pdf.name == "report.pdf" and number == 1
            assert max(w[1] for w in words) == pytest.approx(right, abs=0.5) or cover, (
                pdf.name, number)  # fmt: skip
            line = " ".join(w[2] for w in words)
            of = "de" if "/pt-BR/" in str(pdf) else "of"
            assert f"{number} {of} {len(pages)}" in line or cover, (pdf.name, number)


# The e-mail's Date


def test_an_immediate_release_is_drafted_without_a_made_up_time(immediate: Path) -> None:
    """A release for immediate use has a date and no time: its draft has no Date, which the
    mail client sets when it sends it, rather than a midnight nobody chose."""
    emails = sorted(immediate.rglob("*.eml"))
    assert len(emails) == 3 + 5 + 4  # the program's, each city's in English and in its own
    for eml in emails:
        message = _message(eml)
        assert "Date" not in message, eml.name
        assert message["X-Unsent"] == "1" and message["Message-ID"], eml.name


def test_an_embargoed_release_is_dated_at_its_embargo(quebec: Path) -> None:
    for eml in sorted(quebec.rglob("*.eml")):
        assert _message(eml)["Date"] == "Tue, 06 May 2025 10:00:00 -0400", eml.name


# The attachment's name


@pytest.mark.parametrize(
    ("round_name", "path", "name"),
    [
        ("immediate", "en/press-release", "press-release-immediate.pdf"),
        ("immediate", "es/press-release", "comunicado-de-prensa-immediate.pdf"),
        ("immediate", "pt-BR/press-release", "comunicado-immediate.pdf"),
        ("immediate", "en/cities/rosario-s-ar", "press-release-immediate-rosario-s-ar.pdf"),
        ("immediate", "es/cities/rosario-s-ar", "comunicado-de-prensa-immediate-rosario-s-ar.pdf"),
        ("immediate", "es/cities/monterrey-nle-mx",
         "comunicado-de-prensa-immediate-monterrey-nle-mx.pdf"),  # es-MX reads es's catalog
        ("immediate", "pt-BR/cities/curitiba-pr-br", "comunicado-immediate-curitiba-pr-br.pdf"),
        ("quebec", "en/press-release", "press-release-quebec.pdf"),
        ("quebec", "en/cities/halifax-ns-ca", "press-release-quebec-halifax-ns-ca.pdf"),
        ("quebec", "fr-CA/press-release", "communique-quebec.pdf"),
        ("quebec", "fr-CA/cities/laval-qc-ca", "communique-quebec-laval-qc-ca.pdf"),
    ],
)  # fmt: skip
def test_the_attached_pdf_is_named_in_the_release_language(
    request: pytest.FixtureRequest, round_name: str, path: str, name: str
) -> None:
    """The name a desk sees in its inbox, in its language and in ASCII; the file on disk keeps
    the name of the output layout."""
    folder = request.getfixturevalue(round_name)
    [attachment] = _message(folder / f"{path}.eml").iter_attachments()
    assert attachment.get_filename() == name
    assert attachment.get_content() == (folder / f"{path}.pdf").read_bytes()


@pytest.mark.parametrize(
    ("release", "dash"),
    [("en/cities/valparaiso-vs-cl.eml", "\u00a0—"), ("fr-CA/cities/laval-qc-ca.eml", "\u00a0–")],
)
def test_a_mails_dateline_wraps_on_a_phone_and_never_opens_a_line_with_its_dash(
    immediate: Path, quebec: Path, release: str, dash: str
) -> None:
    # "SAN CARLOS DE BARILOCHE, Argentina, March 18, 2050 —" ran 397 px wide off a phone's
    # screen in the e-mail, which carries no media query (AP desk, reading 29).
    folder = quebec if release.startswith("fr-CA") else immediate
    html = _message(folder / release).get_body(("html",)).get_content()  # type: ignore[union-attr]
    span = r'<span class="dateline" style="([^"]*)">(.*?</time>[^<]*)</span>'
    dateline = re.search(span, html, re.S)
    assert dateline and "white-space: normal" in dateline.group(1)
    assert dateline.group(2).replace("&nbsp;", "\u00a0").rstrip().endswith(dash)
