"""The sample announcement as a reader receives it: the words, numbers and dates in each PDF."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from conftest import CITY_RELEASES, pdf_text

# What a reader of each language must find in the release, localized.
EXPECTED = {
    "en": {
        "date": "June 21, 2023",
        "percent": "57%",
        "levels": ["Gold Certification", "Silver Certification", "from Silver to Gold"],
        "counts": [
            "seven cities have earned",
            "Five cities renewed",
            "Two cities renewed",
            "62 cities",
        ],
        "places": [
            "Carlsbad, California",
            "Charleston, South Carolina",
            "Buenos Aires, Argentina, and Fortaleza, Brazil",
            "Córdoba, Argentina; Montevideo, Uruguay; and Mogi das Cruzes, Brazil",
            "Chicago; Cincinnati; Henderson, Nevada; San Antonio; Scottsdale, Arizona; "
            "South Bend, Indiana; and Syracuse, New York",
            "Arlington, Texas; Cambridge, Massachusetts; Memphis, Tennessee; Seattle; "
            "and Washington, D.C.",
            "Bellingham, Washington, and Denver",
        ],
        "dateline": "NEW YORK, June 21, 2023 —",
        "timing": "Embargoed until 10 a.m. EDT, June 21, 2023",
        "quote": "“We’re finding that we’re high in demand.",
        "speaker": "take our assessment,” said Rochelle Haynes, managing director of What Works "
        "Cities Certification.",
        "footer": "Page 1 of 2",
    },
    "es": {
        "date": "21 de junio de 2023",
        "percent": "57 %",
        "levels": [
            "Buenos Aires (Argentina) y Fortaleza (Brasil) obtuvieron su primera certificación "
            "en el nivel Oro",
            "nivel Plata",
            "del nivel Plata al Oro",
        ],
        "counts": ["siete ciudades obtuvieron", "se certificaron cinco ciudades", "son 62"],
        "places": [
            # A release that names cities abroad gives a US city its country too, in every
            # sentence, not only in the list beside them.
            "Carlsbad (California, EE. UU.)",
            "Charleston (Carolina del Sur, EE. UU.)",
            "Buenos Aires (Argentina) y Fortaleza (Brasil)",
            "Henderson (Nevada, EE. UU.)",
            "Syracuse (estado de Nueva York, EE. UU.)",  # the state, never read as the city
            "Cambridge (Massachusetts, EE. UU.)",
            "Seattle (estado de Washington, EE. UU.) y Washington D. C.",
            "Bellingham (estado de Washington, EE. UU.) y Denver (Colorado, EE. UU.)",
            "Montevideo (Uruguay)",
            "Córdoba (Argentina)",
            "Mogi das Cruzes (Brasil)",
        ],
        "dateline": "NUEVA YORK, 21 de junio de 2023.—",
        # The time of the readers' countries too, Córdoba's zone named for Buenos Aires'.
        "timing": "Bajo embargo hasta el 21 de junio de 2023 a las 10:00 en Nueva York "
        "(11:00 en Buenos Aires y Montevideo)",
        "quote": "«Estamos viendo que hay mucha demanda.",
        "speaker": "nuestra evaluación», afirmó Rochelle Haynes, directora general de la "
        "certificación What Works Cities.",
        "footer": "Página 1 de 2",
    },
    "pt-BR": {
        "date": "21 de junho de 2023",
        "percent": "57%",
        "levels": [
            "Buenos Aires (Argentina) e Fortaleza estrearam no nível Ouro",
            "nível Prata",
            "do nível Prata para o Ouro",
        ],
        "counts": [
            "sete cidades conquistaram",
            "estrearam cinco cidades",
            "são 62 as cidades",
        ],
        "places": [
            "Carlsbad (Califórnia, EUA)",
            "Charleston (Carolina do Sul, EUA)",
            "Buenos Aires (Argentina) e Fortaleza",
            "Montevidéu (Uruguai)",
            "Mogi das Cruzes (SP)",
            "Syracuse (estado de Nova York, EUA)",
            "Seattle (estado de Washington, EUA) e Washington, D.C.",
            "Bellingham (estado de Washington, EUA) e Denver (Colorado, EUA)",
        ],
        "dateline": "NOVA YORK, 21 de junho de 2023 –",
        "timing": "Sob embargo até 21 de junho de 2023, às 10h em Nova York (11h em Brasília)",
        "quote": "“Estamos percebendo que há muita procura.",
        "speaker": "nossa avaliação”, afirma Rochelle Haynes, diretora-geral da certificação "
        "What Works Cities.",
        "footer": "Página 1 de 2",
    },
}
LANGS = list(EXPECTED)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_reads_as_the_release(sample: Path, lang: str) -> None:
    text = pdf_text(sample / lang / "press-release.pdf")
    want = EXPECTED[lang]
    for key in ("date", "percent", "dateline", "timing", "quote", "speaker", "footer"):
        assert want[key] in text, key
    for phrase in want["levels"] + want["counts"] + want["places"]:
        assert phrase in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_city_of_the_announcement_is_named(sample: Path, lang: str) -> None:
    text = pdf_text(sample / lang / "press-release.pdf")
    cities = [
        "Carlsbad", "Charleston", "Buenos Aires", "Córdoba", "Fortaleza", "Mogi das Cruzes",
        "Chicago", "Cincinnati", "Henderson", "San Antonio", "Scottsdale", "South Bend",
        "Syracuse", "Arlington", "Cambridge", "Memphis", "Seattle", "Washington", "Bellingham",
        "Denver",
    ]  # fmt: skip
    cities.append("Montevidéu" if lang == "pt-BR" else "Montevideo")
    assert [c for c in cities if c not in text] == []


def test_no_english_sentence_reaches_the_other_languages(sample: Path) -> None:
    english = ["today announced", "Certification to date", "Media contact", "Page 1 of"]
    for lang in ("es", "pt-BR"):
        text = pdf_text(sample / lang / "press-release.pdf")
        assert [phrase for phrase in english if phrase in text] == []


def test_spanish_percent_keeps_its_no_break_space(sample: Path) -> None:
    html = (sample / "es" / "press-release.html").read_text("utf-8")
    assert "57\u00a0%" in html
    assert "57 %" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_comes_from_the_announcement(sample: Path, lang: str) -> None:
    reader = pypdf.PdfReader(sample / lang / "press-release.pdf")
    assert reader.trailer["/Root"]["/Lang"] == lang
    meta = reader.metadata
    assert meta is not None
    assert meta["/Author"] == "Results for America"
    assert "What Works Cities" in meta["/Title"]
    assert meta["/CreationDate"].startswith("D:20230621")
    assert len(reader.pages) == 2


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_one_semantic_standalone_page(sample: Path, lang: str) -> None:
    html = (sample / lang / "press-release.html").read_text("utf-8")
    parser = _Tags()
    parser.feed(html)
    tags = parser.tags
    assert tags[0] == ("html", {"lang": lang})
    names = [tag for tag, _ in tags]
    for required in ("article", "h1", "blockquote", "time", "style"):
        assert required in names
    assert ("time", {"datetime": "2023-06-21"}) in tags
    # Standalone: no stylesheet or script is fetched; the only files are the shipped fonts,
    # which the build puts beside the pages.
    # Links and JSON-LD for the web (alternates, canonical) are not fetched.
    assert not [a for t, a in tags if t == "link" and a.get("rel") == "stylesheet"]
    assert not [a for t, a in tags if t == "script" and "src" in a]
    fonts = re.findall(r'url\("([^"]+)"\)', html)
    assert len(fonts) == 4
    assert all((sample / lang / font).resolve().is_file() for font in fonts)


def test_index_links_every_output(sample: Path) -> None:
    html = (sample / "index.html").read_text("utf-8")
    links = set(re.findall(r'href="([^"]+)"', html))
    expected = {f"{lang}/report.{fmt}" for lang in LANGS for fmt in ("pdf", "html")}
    expected |= {f"{lang}/press-release.{fmt}" for lang in LANGS
                 for fmt in ("pdf", "html", "docx", "txt", "eml")}  # fmt: skip
    releases = ("pdf", "html", "docx", "txt", "eml")
    cards = ("-1200x630.png", "-1080x1080.png", ".alt.txt")
    for lang, slugs in CITY_RELEASES.items():
        expected |= {f"{lang}/cities/{slug}.{fmt}" for slug in slugs for fmt in releases}
        expected |= {f"{lang}/cards/{slug}{end}" for slug in slugs for end in cards}
    # The release's and the report's link-preview card and its alt text, in each language.
    previews = ("-1200x630.png", ".alt.txt")
    expected |= {f"{lang}/cards/{page}{end}" for lang in LANGS
                 for page in ("press-release", "report") for end in previews}  # fmt: skip
    # 26 city releases in five formats; each city's cards, two sizes and the alt text
    assert len(expected) == 6 + 15 + 5 * (21 + 3 + 2) + 3 * (21 + 3 + 2) + 3 * 2 * 2
    assert links == expected | {"../index.html"}  # and back to every announcement
    assert all((sample / link).is_file() for link in links)
    # Outputs by title, languages as their speakers write them, each format with size and pages.
    text = re.sub(r"<[^>]+>|\s+", " ", html)
    assert "<title>What Works Cities Certification goes international" in html
    for name in ("English", "Español", "Português (Brasil)"):
        assert f"<h2>{name}</h2>" in html
    assert "Fortaleza conquista a certificação Ouro" in text
    assert re.search(r"PDF +\d+ KB, 4 pages +· +HTML +\d+ KB", text)  # the report
    assert ".lock" not in html and ".wwc-cache" not in html
