"""Where a line may break, read on built outputs in every language: a figure stays with its
scale, unit or counted noun ("$4.2 million", "61 per cent", "9 400 entrées", "21 villes"), a
name with its abbreviation or initial ("St. John's", "Michael R. Bloomberg") and at its own
hyphen ("Trois-Rivières", in the PDF and in Word), the embargo line with its bracketed times,
and a social card's headline never leaves a word alone on a line.

The rounds repeat their phrases, so that some of them fall at line ends in every language.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, build_round

NBSP = "\u00a0"

CANADA = """\
date: 2027-10-05
languages: [en, fr-CA, es]
embargo: 2027-10-05T10:00:00-04:00
dateline: {name: Québec, region: QC, country: CA, names: {en: Quebec City}}
cities:
  new:
    - name: Trois-Rivières
      region: QC
      country: CA
      level: silver
      quote:
        speaker: Hélène Côté-Saint-Amour
        role:
          en: director of performance for the City of Trois-Rivières
          fr-CA: directrice de la performance de la Ville de Trois-Rivières
          es: directora de Desempeño de la ciudad de Trois-Rivières
        text:
          en: This certification tells our residents that their questions get answered.
          fr-CA: Cette certification dit à nos citoyens que leurs questions trouvent réponse.
          es: Esta certificación les dice a nuestros vecinos que sus preguntas tienen respuesta.
    - {name: Saint-Jean-sur-Richelieu, region: QC, country: CA, level: silver}
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: St. John's, region: NL, country: CA, level: silver}
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: Guadalajara, region: JAL, country: MX, level: silver}
highlights:
  - city: Trois-Rivières
    text:
      en: >-
        EN_TEXT
      fr-CA: >-
        FR_TEXT
      es: >-
        ES_TEXT
"""
CANADA = (
    CANADA.replace(
        "EN_TEXT",
        " ".join(
            ["Trois-Rivières replaced 61 per cent of its 9,400 lines, saving $4.2 million;"] * 8
        ),
    )
    .replace(
        "FR_TEXT",
        " ".join(
            [
                "Trois-Rivières, Saint-Jean-sur-Richelieu et Halifax (Nouvelle-Écosse) ont "
                "remplacé 9 400 entrées et reçu 212 000 visites, soit 4,2 millions de dollars;"
            ]
            * 6
        ),
    )
    .replace(
        "ES_TEXT",
        " ".join(["Trois-Rivières recibió 212 000 visitas y ahorró 4,2 millones de dólares;"] * 8),
    )
)

AMERICAS = """\
date: 2027-03-16
languages: [en, es, pt-BR]
embargo: 2027-03-16T11:00:00-04:00
cities:
  new:
    - {name: São José dos Campos, region: SP, country: BR, level: gold}
    - {name: Niterói, region: RJ, country: BR, level: silver}
    - {name: Honolulu, region: HI, country: US, level: gold}
    - {name: Temuco, region: AR, country: CL, level: silver}
highlights:
  - city: Honolulu
    text:
      en: >-
        EN_TEXT
      es: >-
        ES_TEXT
      pt-BR: >-
        PT_TEXT
"""
AMERICAS = (
    AMERICAS.replace(
        "EN_TEXT",
        " ".join(["Honolulu repaired 112 miles of roads, saving an estimated $4.2 million;"] * 8),
    )
    .replace(
        "ES_TEXT",
        " ".join(["Honolulú reparó 112 millas de calles y ahorró 4,2 millones de dólares;"] * 8),
    )
    .replace(
        "PT_TEXT",
        " ".join(["Honolulu reparou 112 milhas de vias e economizou US$ 4,2 milhões;"] * 8),
    )
)

FORMATS = ["pdf", "html", "txt", "docx"]


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("breaks"), "canada", CANADA, FORMATS)


@pytest.fixture(scope="module")
def americas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(tmp_path_factory.mktemp("breaks"), "americas", AMERICAS, FORMATS)


def _line_pairs(*folders: Path) -> list[tuple[str, str, str]]:
    """Every printed line and the next, as pdftotext lays them out, in every PDF."""
    pairs = []
    for folder in folders:
        for pdf in sorted(folder.rglob("*.pdf")):
            text = subprocess.run(
                ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            pairs += [(pdf.name, a, b) for a, b in zip(lines, lines[1:], strict=False)]
    return pairs


def _words(path: Path) -> str:
    """An HTML page's text without its tags, no-break spaces as they are."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))


def _breaks(pairs, end: str, start: str) -> list[tuple[str, str, str]]:
    return [(n, a[-40:], b[:30]) for n, a, b in pairs if re.search(end, a) and re.match(start, b)]


def test_a_figure_stays_with_its_scale_unit_or_noun(canada: Path, americas: Path) -> None:
    """AP, CP, RAE, Estadão, Ramat: "$4.2 mil-/lion", "68 per / cent", "9 / 400", "21 /
    villes" part a quantity from itself."""
    pairs = _line_pairs(canada, americas)
    # A line ending on a figure ("9", "61", "4.2", "$"), not on a year: the embargo line ends
    # "…March 16, 2027" and AP's headline under it opens "4 cities earn…".
    figure = r"(?:(?<!\b\d{3})\d|\$|US\$)$"
    words = (
        r"(?:million|miles|per\b|cent|millones|millas|milhões|milhas|millions|mil\b|villes|"
        r"ciudades|cidades|cities|entrées|visites|visitas|\d{3}\b|\d)"
    )
    assert _breaks(pairs, figure, words) == []
    assert _breaks(pairs, r"\bper$", r"cent") == []
    assert _breaks(pairs, r"\b(?:mil|mi|mil-?lio|mi-?llo|mil-?hõ)[-\u2010]$", r"\w") == []
    # The figures and their words are there to break at, in every language.
    html = {path.parent.name: _words(path) for path in canada.glob("*/press-release.html")}
    html |= {
        f"{path.parent.name}-americas": _words(path)
        for path in americas.glob("*/press-release.html")
    }
    assert f"61{NBSP}per{NBSP}cent" in html["en"]
    assert f"9{NBSP}400{NBSP}entrées" in html["fr-CA"]
    assert f"212{NBSP}000{NBSP}visites" in html["fr-CA"]
    assert f"4,2{NBSP}millions" in html["fr-CA"]
    assert f"212{NBSP}000 visitas" in html["es"] and f"4,2{NBSP}millones" in html["es"]
    assert f"$4.2{NBSP}million" in html["en-americas"]
    assert f"112{NBSP}miles" in html["en-americas"]
    assert f"US${NBSP}4,2{NBSP}milhões" in html["pt-BR-americas"]
    assert f"4,2{NBSP}millones" in html["es-americas"]
    # "million" is never hyphenated, on screen either.
    page = (americas / "en" / "press-release.html").read_text("utf-8")
    assert f'$4.2{NBSP}<span class="name">million</span>' in page
    assert re.search(rf"\d+{NBSP}villes", html["fr-CA"])  # "Au total, 21 villes"


def test_a_names_abbreviation_and_initial_hold_to_it(canada: Path) -> None:
    """ "St. / John's" and "Michael R. / Bloomberg" split a name; the HTML's name span holds
    the name alone ("in <span>Regina</span>"), and a sentence's first word is no name."""
    pairs = _line_pairs(canada)
    assert _breaks(pairs, r"(?:\bSt|\bR)\.$", r"[A-Z]") == []
    for lang in ("en", "fr-CA", "es"):
        page = (canada / lang / "press-release.html").read_text("utf-8")
        assert f"St.{NBSP}John’s" in page
        assert '<span class="name"> ' not in page  # the span opens on the name, not a space
        assert f"Michael{NBSP}R.{NBSP}Bloomberg" in re.sub(r"<[^>]+>", "", page)
        # Plain text is wrapped by its reader: the name as written, to be searched.
        assert "St. John’s" in (canada / lang / "press-release.txt").read_text("utf-8")
        with zipfile.ZipFile(canada / lang / "press-release.docx") as docx:
            assert f"St.{NBSP}John’s" in docx.read("word/document.xml").decode("utf-8")
    assert '<span class="name">Embargoed</span>' not in (
        canada / "en" / "press-release.html"
    ).read_text("utf-8")


def test_a_hyphenated_name_never_breaks_at_its_hyphen(canada: Path) -> None:
    """Ramat: a proper noun is not divided: no "Trois-/Rivières", "(Nouvelle-/Écosse)",
    "Saint-Jean-/sur-Richelieu" in print, on screen or in Word."""
    pairs = _line_pairs(canada)
    # pdftotext reads a hyphen as U+2010 where the font maps both to one glyph.
    assert (
        _breaks(pairs, r"(?:Trois|Nouvelle|Saint|Jean|sur|Côté|Terre|Neuve|et)[-\u2010]$", r"\w")
        == []
    )
    page = (canada / "fr-CA" / "press-release.html").read_text("utf-8")
    assert '<span class="keep">Trois-Rivières</span>' in page
    with zipfile.ZipFile(canada / "fr-CA" / "press-release.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "<w:t>Trois</w:t><w:noBreakHyphen/><w:t>Rivières" in xml
    assert "Trois-Rivières" not in xml  # every one held, dateline and role too
    # The text formats read the name as it is written, to search it.
    assert "Trois-Rivières" in (canada / "fr-CA" / "press-release.txt").read_text("utf-8")


def test_the_embargo_line_keeps_its_bracketed_times(canada: Path, americas: Path) -> None:
    """ "(12h em / Brasília)", "…NT in St. / John's": a bracketed time and its place stay on one
    line, and no display line ends on a word alone."""
    report = (americas / "pt-BR" / "report.html").read_text("utf-8")
    assert re.search(f'\\(12h{NBSP}em{NBSP}(?:<span class="name">)?Brasília', report)
    pairs = _line_pairs(americas / "pt-BR", canada / "en")
    assert _breaks(pairs, r"\(\d+h( em)?$", r"\w") == []
    assert _breaks(pairs, r"\d+(:\d\d)? a\.m\.( [A-Z]+T)?( in)?$", r"[\w.]") == []
    assert not [b for _, _, b in pairs if re.fullmatch(r"Brasília\)", b)]


def test_a_card_headline_leaves_no_word_alone(americas: Path, canada: Path) -> None:
    """A card's headline shrinks before it sets a word alone on a line ("São José dos Campos /
    conquista / …"), and no line starts on "del" cut from its noun."""
    import yaml

    from wwc_press.formats import cards
    from wwc_press.formats.page import read

    settings = yaml.safe_load((ROOT / "wwc-press.yaml").read_text("utf-8"))
    font = ROOT / "templates" / "fonts" / "Lato-Bold.ttf"
    keep = [settings["program"], settings["organization"], "São José dos Campos"]
    seen = 0
    for path in [*americas.glob("*/cities/*.html"), *canada.glob("*/cities/*.html")]:
        page = read(path.read_text("utf-8"))
        for width, height in cards.SIZES:
            _, lines = cards.headline_lines(page, keep, font, width, height)
            words = sum(len(line.split()) for line in lines)
            seen += len(lines) > 1
            alone = [line for line in lines if len(line.split()) == 1 and words > 2]
            assert alone == [], (path.name, lines)
            assert not [line for line in lines[1:] if line.split()[0] == "del"], lines
    assert seen


PROGRAM_CARD = """\
date: 2036-11-18
languages: [en]
headline: {en: "Five Canadian cities, from St. John's to Calgary, earn What Works Cities \\
  Certification"}
cities:
  new:
    - {name: Halifax, region: NS, country: CA, level: silver}
    - {name: St. John's, region: NL, country: CA, level: silver}
    - {name: Lévis, region: QC, country: CA, level: silver}
    - {name: Regina, region: SK, country: CA, level: silver}
    - {name: Calgary, region: AB, country: CA, level: gold}
"""


def test_the_program_card_keeps_a_city_named_in_its_headline_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The release's link preview drew "Five Canadian cities, from St. / John's to Calgary"
    (the CP desk, reading 13): a city of the round is a name its lines do not break."""
    import contextlib

    from wwc_press import publish
    from wwc_press.plan import plan
    from wwc_press.project import Project
    from wwc_press.render import Renderer

    pages: list[str] = []
    real = publish.pdf_bytes
    monkeypatch.setattr(publish, "pdf_bytes", lambda html, *a, **k: pages.append(html) or real(
        html, *a, **k))  # fmt: skip
    source = tmp_path / "round.yaml"
    source.write_text(PROGRAM_CARD, "utf-8")
    with contextlib.chdir(ROOT):
        project = Project(ROOT)
        [announcement] = project.load([source])
        release = next(o for o in plan(announcement, ["en"], ["png"]) if o.kind == "release")
        Renderer(project).cards(announcement, release)
    [preview] = pages
    lines = [re.sub(r"\s+", " ", line) for line in re.findall(r'class="line">([^<]*)<', preview)]
    assert len(lines) > 1, lines
    assert [line for line in lines if "St. John’s" in line or "St. John's" in line], lines
