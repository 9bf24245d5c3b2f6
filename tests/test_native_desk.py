"""What a native desk would still fix before sending, read on built outputs: typesetting (hyphens,
headline breaks, full lines), one form of each name, each reader's clock, and the typography
of every text the tool writes, in every language where it applies.

Two rounds the samples do not hold: one of the Americas in English, Spanish and Brazilian
Portuguese, with names that have an English, Spanish or Portuguese form of their own, small
cities GeoNames does not list, and hyphenated compounds in every language; and a Canadian one
in English and Canadian French.
"""

from __future__ import annotations

import email
import re
import subprocess
from email import policy
from pathlib import Path

import pytest

from conftest import build_round, html_text

AMERICAS = """\
date: 2025-02-20
embargo: 2025-02-20T10:00:00-05:00
cities:
  new:
    - {name: San José, region: CA, country: US, level: silver, names: {en: San Jose}}
    - {name: New York City, region: NY, country: US, level: silver}
    - {name: Bogotá, region: DC, country: CO, level: gold}
    - {name: Ciudad de México, region: CMX, country: MX, level: silver}
    - {name: Luján de Cuyo, region: M, country: AR, level: silver}
    - {name: Villa General Belgrano, region: X, country: AR, level: silver}
    - {name: Recife, region: PE, country: BR, level: silver}
  upgraded:
    - {name: Montevideo, country: UY, from: gold, level: platinum}
highlights:
  - text:
      en: COMPOUNDS_EN
      es: COMPOUNDS_ES
      pt-BR: COMPOUNDS_PT
"""
# Runs of compounds, so that some fall at line ends in every language.
AMERICAS = (
    AMERICAS.replace(
        "COMPOUNDS_EN", " ".join(["well-managed, data-driven, evidence-based, cost-effective"] * 6)
    )
    .replace(
        "COMPOUNDS_ES",
        " ".join(["político-administrativo, técnico-científico, teórico-práctico"] * 6),
    )
    .replace(
        "COMPOUNDS_PT",
        " ".join(["técnico-científico, econômico-financeiro, político-partidário"] * 6),
    )
)

CANADA = """\
date: 2025-03-12
languages: [en, fr-CA]
embargo: 2025-03-12T10:00:00-04:00
cities:
  new:
    - {name: Montréal, region: QC, country: CA, level: silver}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
  upgraded:
    - {name: Hamilton, region: "ON", country: CA, from: silver, level: gold}
highlights:
  - city: Hamilton
    text:
      en: Hamilton worked with McMaster University and Mohawk College to cut emergency wait
        times by 30%.
      fr-CA: Hamilton a travaillé avec l'Université McMaster et le Mohawk College pour réduire
        de 30 % l'attente aux urgences.
"""

FORMATS = ["pdf", "html", "txt", "eml", "docx"]


@pytest.fixture(scope="module")
def americas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("desk"), "americas", AMERICAS, FORMATS)


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("desk"), "canada", CANADA, FORMATS)


def _raw(pdf: Path) -> str:
    """pdftotext's lines as laid out (``-layout``: a hyphen at a line end stays, never joined)."""
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def _pdfs(*folders: Path) -> list[Path]:
    return [pdf for folder in folders for pdf in sorted(folder.rglob("*.pdf"))]


# Typesetting


def test_a_line_broken_after_a_hyphen_adds_no_hyphen(americas: Path, canada: Path) -> None:
    """A compound breaks after its own hyphen: "data-" then "driven", never "data-‐"."""
    doubled, after_hyphen = [], 0
    for pdf in _pdfs(americas, canada):
        for line in _raw(pdf).splitlines():
            if re.search(r"[-\u2010]{2}\s*$", line):
                doubled.append((pdf.name, line))
            after_hyphen += bool(re.search(r"\b(well|data|cost|técnico|político|teórico)-$", line))
    assert doubled == []
    assert after_hyphen >= 3  # the compounds did fall at line ends, in each language


def _title_lines(pdf: Path) -> list[str]:
    """The headline's lines as printed: the first lines of page 1 that make up the PDF's title."""
    import pypdf

    title = re.sub(r"\s+", " ", pypdf.PdfReader(pdf).metadata.title)
    lines = [line.strip() for line in _raw(pdf).split("\f")[0].splitlines() if line.strip()]
    for start, line in enumerate(lines):
        line = re.sub(r"\s+", " ", line)
        if not title.startswith(line):
            continue
        found, joined = [line], line
        for following in lines[start + 1 :]:
            if joined == title or not title.startswith(joined):
                break
            following = re.sub(r"\s+", " ", following)
            found.append(following)
            joined += " " + following
        if joined == title:
            return found
    raise AssertionError(f"{pdf}: no headline {title!r}")


def test_no_headline_line_ends_on_a_small_word_or_inside_a_phrase(
    americas: Path, canada: Path
) -> None:
    from wwc_press.languages import profile

    bad, seen = [], 0
    for folder in (americas, canada):
        for lang_folder in sorted(
            p for p in folder.iterdir() if (p / "press-release.pdf").exists()
        ):
            rules = profile(lang_folder.name)
            for pdf in [
                lang_folder / "press-release.pdf",
                *sorted(lang_folder.glob("cities/*.pdf")),
            ]:
                lines = _title_lines(pdf)
                seen += len(lines) > 1
                for line, following in zip(lines, lines[1:], strict=False):
                    last = line.split()[-1].casefold()
                    joined = f"{line} {following}".casefold()
                    split = [
                        p
                        for p in map(str.casefold, rules.fixed_phrases)
                        if p in joined
                        and p not in line.casefold()
                        and p not in following.casefold()
                    ]
                    if last in rules.headline_ties or split:
                        bad.append((lang_folder.name, pdf.name, line))
    assert bad == []
    assert seen  # headlines of more than one line were read


def test_no_card_headline_line_ends_on_a_small_word(americas: Path, canada: Path) -> None:
    """A card sets its city release's headline: every small word is held to the next."""
    from wwc_press import typeset
    from wwc_press.formats.page import read
    from wwc_press.languages import profile

    loose = []
    for page in [*americas.glob("*/cities/*.html"), *canada.glob("*/cities/*.html")]:
        reading = read(page.read_text("utf-8"))
        # The h1's words, its kept names held by no-break spaces (as Word holds them).
        assert reading.of("title")[0].text.replace("\u00a0", " ") == reading.title
        tied = typeset.tie_headline(reading.title, reading.language)
        ties = profile(reading.language).headline_ties
        loose += [(page.name, w) for w in re.findall(r"(\S+) ", tied) if w.casefold() in ties]
    assert loose == []


# Names


def test_a_spelling_of_the_file_never_drops_the_state(americas: Path) -> None:
    """``names: {en: San Jose}`` changes how the city is written, not whether its state is given:
    AP's stand-alone dateline cities are AP's list."""
    release = (americas / "en" / "press-release.txt").read_text("utf-8")
    assert "San Jose, California;" in release
    city = (americas / "en" / "cities" / "san-jose-ca-us.txt").read_text("utf-8")
    assert "SAN JOSE, Calif., Feb. 20, 2025" in city
    # Beside cities given their country, a US city takes its state and its country.
    assert "San José (California, EE.\u00a0UU.)" in (
        americas / "es" / "press-release.txt"
    ).read_text("utf-8")


# Time


@pytest.mark.parametrize(
    ("round_name", "lang", "date"),
    [
        ("americas", "en", "Thu, 20 Feb 2025 10:00:00 -0500"),
        ("americas", "es", "Thu, 20 Feb 2025 10:00:00 -0500"),
        ("americas", "pt-BR", "Thu, 20 Feb 2025 10:00:00 -0500"),
        ("canada", "en", "Wed, 12 Mar 2025 10:00:00 -0400"),
        ("canada", "fr-CA", "Wed, 12 Mar 2025 10:00:00 -0400"),
    ],
)
def test_the_e_mail_is_dated_when_the_release_goes_out(
    request: pytest.FixtureRequest, round_name: str, lang: str, date: str
) -> None:
    """The release's time in the program's zone (its embargo), not midnight UTC."""
    folder = request.getfixturevalue(round_name) / lang
    for eml in [folder / "press-release.eml", *sorted(folder.glob("cities/*.eml"))]:
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert message["Date"] == date, eml.name


@pytest.mark.parametrize(
    ("round_name", "lang", "expected"),
    [
        # Two small Argentine towns GeoNames does not list: Argentina keeps one clock.
        # East to west.
        ("americas", "es", "a las 10:00 en Nueva York (12:00 en Buenos Aires y Montevideo; 10:00 "
         "en Bogotá; 9:00 en Ciudad de México)"),
        ("americas", "pt-BR", "às 10h em Nova York (12h em Brasília)"),
        # Canada keeps several clocks: each is named for the round's own city on it, save the
        # program's own ("10 a.m. EDT" is Montreal's and Hamilton's time too: an AP desk read
        # "(11 a.m. in Lévis and London)" as the same time said twice).
        # AP gives its own zone alone; Canadian readers get CP's release.
        ("canada", "en", "Embargoed until 10 a.m. EDT, March 12, 2025"),
    ],
)  # fmt: skip
def test_each_reader_has_the_clock_of_their_country(
    request: pytest.FixtureRequest, round_name: str, lang: str, expected: str
) -> None:
    folder = request.getfixturevalue(round_name) / lang
    assert expected in (folder / "press-release.txt").read_text("utf-8")
    for path in folder.rglob("*.txt"):
        text = path.read_text("utf-8")
        assert "Toronto" not in text and "Regina" not in text, path.name


# French typography in every text the tool writes


def test_french_typography_in_every_text_written(canada: Path) -> None:
    """The Subject's colon, the apostrophes, the alt text and Word's properties follow the fr-CA
    profile as the page does."""
    import docx

    folder = canada / "fr-CA"
    for eml in [folder / "press-release.eml", *folder.glob("cities/*.eml")]:
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        subject = message["Subject"]
        assert "\u00a0: " in subject and not re.search(r"\S: ", subject), subject
        assert "'" not in subject
    texts = [p.read_text("utf-8") for p in folder.rglob("*.txt")]
    texts += [html_text(p) for p in folder.rglob("*.html")]
    document = docx.Document(str(folder / "press-release.docx"))
    texts += [document.core_properties.title, document.core_properties.subject or ""]
    assert "l’Université McMaster" in " ".join(texts)
    for text in texts:
        assert not re.search(r"\w'\w", text)
        assert not re.search(r"\S: ", text.replace("https: ", ""))
