"""The embargo in the readers' own time, read on built outputs: the short line (an e-mail's
Subject, the report's running head) gives the same time as the body, the clocks of a program
release are listed east to west, a country's cities on its capital's clock are named by the
capital, and AP names a US city's zone.

Two invented rounds the samples do not hold: one of the Americas in November (Chile on summer
time, Ciudad Juárez back on Mountain time) in English, Spanish and Brazilian Portuguese, its
cities listed west to east; and a Canadian one in June with every Canadian zone.
"""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import docx
import pytest

from conftest import build_round, html_text, pdf_text, run

SOUTH = """\
date: 2026-11-10
languages: [en, es, pt-BR]
embargo: 2026-11-10T10:00:00-05:00
cities:
  new:
    - {name: Honolulu, region: HI, country: US, level: silver}
    - {name: Colorado Springs, region: CO, country: US, level: silver}
    - {name: Ciudad Juárez, region: CHH, country: MX, level: silver}
    - {name: Monterrey, region: NLE, country: MX, level: silver}
    - {name: Cali, region: VAC, country: CO, level: silver}
    - {name: Cuenca, region: A, country: EC, level: silver}
    - {name: Manaus, region: AM, country: BR, level: silver}
    - {name: Providencia, region: RM, country: CL, level: silver}
    - {name: Valparaíso, region: VS, country: CL, level: silver}
    - {name: Punta Arenas, region: MA, country: CL, level: silver}
    - {name: Rosario, region: S, country: AR, level: silver}
    - {name: Curitiba, region: PR, country: BR, level: gold}
"""

CANADA = """\
date: 2027-06-08
languages: [en, fr-CA]
embargo: 2027-06-08T10:00:00-04:00
dateline: {name: Ottawa, region: "ON", country: CA}
cities:
  new:
    - {name: Vancouver, region: BC, country: CA, level: silver}
    - {name: Saskatoon, region: SK, country: CA, level: silver}
    - {name: Calgary, region: AB, country: CA, level: silver}
    - {name: Brandon, region: MB, country: CA, level: silver}
    - {name: Sherbrooke, region: QC, country: CA, level: silver}
    - {name: Moncton, region: NB, country: CA, level: silver}
    - {name: St. John's, region: NL, country: CA, level: silver}
"""

# A program datelined in Mexico City, on its clock (the settings' zone).
HOME = """\
date: 2026-11-10
languages: [en, es]
embargo: 2026-11-10T10:00:00-06:00
dateline: {name: Ciudad de México, region: CMX, country: MX}
cities:
  new:
    - {name: Monterrey, region: NLE, country: MX, level: silver}
    - {name: Rosario, region: S, country: AR, level: silver}
"""


@pytest.fixture(scope="module")
def south(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(
        tmp_path_factory.mktemp("embargo"), "south", SOUTH, ("pdf", "html", "txt", "eml", "docx")
    )


@pytest.fixture(scope="module")
def canada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_round(
        tmp_path_factory.mktemp("embargo"),
        "canada",
        CANADA,
        ("pdf", "html", "txt", "eml", "docx"),
    )


def _subject(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    return str(message["Subject"])


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


# The short line in the reader's own time


@pytest.mark.parametrize(
    ("release", "short"),
    [
        # Brazil's readers keep one legal time, which its press names for the capital.
        ("pt-BR/press-release", "Sob embargo até 10 de novembro de 2026, às 12h (horário de "
         "Brasília)"),
        ("pt-BR/cities/curitiba-pr-br", "Sob embargo até 10 de novembro de 2026, às 12h (horário "
         "de Brasília)"),
        # A city off Brasília's clock: the legal time its country's desks work on (reading 28).
        ("pt-BR/cities/manaus-am-br", "Sob embargo até 10 de novembro de 2026, às 12h (horário "
         "de Brasília)"),
        # Spanish readers keep many clocks: the program's release gives its own.
        ("es/press-release", "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00 (hora de "
         "Nueva York)"),
        # A city's own release, its readers' clock as "hora local" (FundéuRAE), never the
        # capital's that CLDR names the zone for: Rosario's desk read "hora de Buenos Aires" as
        # another city's time.
        ("es/cities/providencia-rm-cl", "Bajo embargo hasta el 10 de noviembre de 2026 a las "
         "12:00, hora local"),
        ("es/cities/rosario-s-ar", "Bajo embargo hasta el 10 de noviembre de 2026 a las 12:00, "
         "hora local"),
        ("es/cities/cuenca-a-ec", "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00, "
         "hora local"),
        ("es/cities/ciudad-juarez-chh-mx", "Bajo embargo hasta el 10 de noviembre de 2026 a las "
         "8:00, hora local"),
        ("es/cities/punta-arenas-ma-cl", "Bajo embargo hasta el 10 de noviembre de 2026 a las "
         "12:00, hora local"),
        ("en/press-release", "Embargoed until 10 a.m. EST, Nov. 10, 2026"),
        # AP: a US city's zone by its abbreviation; abroad, local time.
        # ... with the program's beside it, as its line gives it (AP desk, readings 18, 19).
        ("en/cities/colorado-springs-co-us", "Embargoed until 8 a.m. MST (10 a.m. EST), Nov. 10, "
         "2026"),
        ("en/cities/honolulu-hi-us", "Embargoed until 5 a.m. HST (10 a.m. EST), Nov. 10, 2026"),
        # ... with the program's time beside it, as the body gives it: a US desk reads the
        # Subject first (AP desk, readings 13 and 14).
        ("en/cities/curitiba-pr-br", "Embargoed until noon local time (10 a.m. EST), Nov. 10, "
         "2026"),
        ("en/cities/providencia-rm-cl", "Embargoed until noon local time (10 a.m. EST), Nov. 10, "
         "2026"),
    ],
)  # fmt: skip
def test_the_subject_gives_the_readers_own_time(south: Path, release: str, short: str) -> None:
    """The Subject's time is the one the body gives the release's readers first: a Niterói
    reporter read 11h in the Subject and 12h in the text."""
    subject = _subject(south / f"{release}.eml")
    assert subject.startswith(short + ":"), subject
    if "/cities/" in release:  # a city's body gives its own time first, as the Subject does
        body = (south / f"{release}.txt").read_text("utf-8").split("\n")[0]
        # ... or, for a city off Brasília's clock, the Brasília time the body gives beside it
        # (Brazilian desk, reading 28: the country's desks work on it).
        national = re.search(r"\((\d+h) em Brasília\)", body)
        clock = national.group(1) if national else _first_clock(body)
        assert clock == _first_clock(short), body


def _first_clock(line: str) -> str:
    found = re.search(r"(?:until|às|a las) (noon|\d[\d:]*(?:h| a\.m\.| p\.m\.)?)", line)
    assert found, line
    return found.group(1)


@pytest.mark.parametrize(
    ("lang", "running"),
    [
        ("pt-BR", "Sob embargo até 10 de novembro de 2026, às 12h (horário de Brasília)"),
        ("es", "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00 (hora de Nueva York)"),
        ("en", "Embargoed until 10 a.m. EST, Nov. 10, 2026"),
    ],
)
def test_the_reports_running_head_gives_the_readers_own_time(
    south: Path, lang: str, running: str
) -> None:
    pages = pdf_text(south / lang / "report.pdf").split("\f")
    assert running in _line(pages[1]), pages[1][:300]


@pytest.mark.parametrize(
    ("release", "short"),
    [
        ("en/press-release", "Embargoed until 10 a.m. ET, June 8, 2027"),
        ("en/cities/saskatoon-sk-ca", "Embargoed until 8 a.m. CST, June 8, 2027"),
        ("en/cities/st-john-s-nl-ca", "Embargoed until 11:30 a.m. NDT, June 8, 2027"),
        ("fr-CA/press-release", "Sous embargo jusqu’au 8 juin 2027, 10 h (heure de l’Est)"),
        ("fr-CA/cities/calgary-ab-ca", "Sous embargo jusqu’au 8 juin 2027, 8 h (heure des "
         "Rocheuses)"),
    ],
)  # fmt: skip
def test_a_canadian_subject_gives_the_readers_zone(canada: Path, release: str, short: str) -> None:
    assert _line(_subject(canada / f"{release}.eml")).startswith(short), release


# The clocks east to west, each country's by its capital


def test_a_spanish_program_release_lists_the_clocks_east_to_west_by_capital(south: Path) -> None:
    """Chile's and Argentina's cities on their capitals' clocks read as the capitals, as
    Colombia's and Ecuador's do; Punta Arenas keeps a clock of its own (summer time all year)
    and Ciudad Juárez US Mountain time: each is named itself."""
    text = _line(pdf_text(south / "es" / "press-release.pdf"))
    assert (
        "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00 en Nueva York (12:00 en "
        "Santiago, Punta Arenas y Buenos Aires; 10:00 en Bogotá y Quito; 9:00 en Ciudad de "
        "México; 8:00 en Ciudad Juárez)" in text
    )
    line = (south / "es" / "press-release.txt").read_text("utf-8").split("\n")[0]
    assert "Providencia" not in line and "Valparaíso" not in line and "Córdoba" not in line


def test_a_portuguese_program_release_lists_brasilia_first(south: Path) -> None:
    text = _line((south / "pt-BR" / "press-release.txt").read_text("utf-8"))
    assert text.startswith(
        "Sob embargo até 10 de novembro de 2026, às 10h em Nova York (12h em Brasília, 11h em "
        "Manaus)"
    )


def test_a_us_citys_release_names_both_zones_as_ap_does(south: Path) -> None:
    """AP: "8 a.m. MST (10 a.m. EST)", not "local time ... (10 a.m. in New York)"."""
    for name, line in [
        ("colorado-springs-co-us", "Embargoed until 8 a.m. MST (10 a.m. EST), Nov. 10, 2026"),
        ("honolulu-hi-us", "Embargoed until 5 a.m. HST (10 a.m. EST), Nov. 10, 2026"),
    ]:
        assert line in _line(pdf_text(south / "en" / "cities" / f"{name}.pdf"))
        assert (south / "en" / "cities" / f"{name}.txt").read_text("utf-8").startswith(line)
    # Abroad, local time with the program's by its zone, the date last (AP desk, reading 12:
    # "noon local time, April 18, 2035 (11 a.m. in New York)").
    abroad = (south / "en" / "cities" / "curitiba-pr-br.txt").read_text("utf-8")
    assert abroad.startswith("Embargoed until noon local time (10 a.m. EST), Nov. 10, 2026")


@pytest.mark.parametrize(
    ("release", "line", "elsewhere"),
    [
        ("es/cities/rosario-s-ar", "Bajo embargo hasta el 10 de noviembre de 2026 a las 12:00, "
         "hora local (10:00 en Nueva York)", "hora de Buenos Aires"),
        ("es/cities/providencia-rm-cl", "Bajo embargo hasta el 10 de noviembre de 2026 a las "
         "12:00, hora local (10:00 en Nueva York)", "hora de Santiago"),
        # Brazil's desks name the legal time, Brasília's, or a city's own clock by the city.
        ("pt-BR/cities/curitiba-pr-br", "Sob embargo até 10 de novembro de 2026, às 12h, "
         "horário de Brasília (10h em Nova York)", "horário local"),
        # ... and beside its own, Brasília's, not New York's (Folha, Estadão: reading 28).
        ("pt-BR/cities/manaus-am-br", "Sob embargo até 10 de novembro de 2026, às 11h, horário "
         "de Manaus (12h em Brasília)", "horário local"),
    ],
)  # fmt: skip
def test_a_citys_release_names_its_clock_as_its_press_does_in_every_format(
    south: Path, release: str, line: str, elsewhere: str
) -> None:
    """One profile choice (``own_clock``) names a city's clock in the PDF's embargo line, the
    wire text and the Word file as in the e-mail's Subject (whose words the test of the Subject
    reads)."""
    path = south / release
    words = {
        "pdf": _line(pdf_text(path.with_suffix(".pdf"))),
        "txt": path.with_suffix(".txt").read_text("utf-8").split("\n")[0],
        "docx": _line(docx.Document(str(path.with_suffix(".docx"))).paragraphs[0].text),
        "eml": _subject(path.with_suffix(".eml")),
    }
    for name, text in words.items():
        assert name == "eml" or line in text, name
        assert elsewhere not in text, name


def test_a_city_on_the_programs_clock_at_home_gives_local_time(project: Path) -> None:
    """A Mexican city's release from a program datelined in Mexico City, on its clock: "hora
    local", not "hora de Ciudad de México"; the program's release names its clock."""
    settings = project / "wwc-press.yaml"
    text = settings.read_text("utf-8").replace("America/New_York", "America/Mexico_City")
    settings.write_text(text, encoding="utf-8")
    (project / "announcements" / "home.yaml").write_text(HOME, encoding="utf-8")
    formats = ["--format", "txt", "--format", "eml", "--format", "pdf"]
    result = run(["build", "announcements/home.yaml", *formats, "--out", "dist"], cwd=project)
    assert result.exit_code == 0, result.output
    out = project / "dist" / "home"
    city = out / "es" / "cities" / "monterrey-nle-mx"
    line = "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00, hora local"
    assert city.with_suffix(".txt").read_text("utf-8").split("\n")[0] == line
    assert line + " Monterrey obtiene" in _line(pdf_text(city.with_suffix(".pdf")))
    assert _subject(city.with_suffix(".eml")).startswith(line + ":")
    program = (out / "es" / "press-release.txt").read_text("utf-8").split("\n")[0]
    assert program.startswith(
        "Bajo embargo hasta el 10 de noviembre de 2026 a las 10:00 en "
        "Ciudad de México (13:00 en Buenos Aires)"
    )


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def _eml_text(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


# The program release's words in every format a desk reads.
_READERS = {
    "pdf": lambda folder: pdf_text(folder / "press-release.pdf"),
    "html": lambda folder: html_text(folder / "press-release.html"),
    "txt": lambda folder: (folder / "press-release.txt").read_text("utf-8"),
    "eml": lambda folder: _eml_text(folder / "press-release.eml"),
    "docx": lambda folder: _docx_text(folder / "press-release.docx"),
}


@pytest.mark.parametrize("fmt", sorted(_READERS))
def test_a_canadian_program_release_lists_the_zones_east_to_west(canada: Path, fmt: str) -> None:
    """CP: the date first before a long list, each zone by its generic name, Saskatchewan (no
    daylight time, no generic name) by its city, said with the zone of its hour ("8 a.m. MT and
    in Saskatoon"); Quebec: each zone with its city, in the same order, Saskatchewan's as its
    own release names it (« 8 h à Saskatoon » read as a time with no zone, readings 15, 17)."""
    english = _line(_READERS[fmt](canada / "en"))
    assert (
        # Each hour once: "8 a.m. MT and in Saskatoon" (CP desk, readings 15 and 17).
        "Embargoed until June 8, 2027, at 10 a.m. ET (11:30 a.m. NDT, 11 a.m. ADT, 9 a.m. CT, "
        "8 a.m. MT and in Saskatoon, 7 a.m. PT)" in english
    )
    french = _line(_READERS[fmt](canada / "fr-CA"))
    assert (
        # Each hour once, each city with its zone, Saskatoon's as its own release names it.
        "Sous embargo jusqu’au 8 juin 2027, 10 h (heure de l’Est), soit 11 h 30 (heure de "
        "Terre-Neuve) à St. John’s; 11 h (heure de l’Atlantique) à Moncton; 9 h (heure du "
        "Centre) à Brandon; 8 h à Calgary (heure des Rocheuses) et à Saskatoon (heure normale "
        "du Centre); 7 h (heure du Pacifique) à Vancouver" in french
    )


def test_a_saskatchewan_release_still_names_its_own_zone(canada: Path) -> None:
    """Its own line gives the reader's zone, its standard time, in every format: the list of
    other clocks names Saskatchewan by its cities, the Saskatoon release by its zone."""
    for lang, line, short in [
        ("fr-CA", "Sous embargo jusqu’au 8 juin 2027, 8 h (heure normale du Centre), soit 10 h "
         "(heure de l’Est)", "Sous embargo jusqu’au 8 juin 2027, 8 h (heure normale du Centre)"),
        ("en", "Embargoed until 8 a.m. CST (10 a.m. ET), June 8, 2027",
         "Embargoed until 8 a.m. CST, June 8, 2027"),
    ]:  # fmt: skip
        release = canada / lang / "cities" / "saskatoon-sk-ca"
        for text in [
            pdf_text(release.with_suffix(".pdf")),
            html_text(release.with_suffix(".html")),
            release.with_suffix(".txt").read_text("utf-8"),
            _eml_text(release.with_suffix(".eml")),
            _docx_text(release.with_suffix(".docx")),
        ]:
            assert line in _line(text), (lang, text[:300])
        assert _line(_subject(release.with_suffix(".eml"))).startswith(short), lang


# Typography of the short line


def test_the_short_line_is_typeset_as_the_page(canada: Path) -> None:
    """fr-CA: the short line (the Subject's source) has the page's apostrophe, not a straight
    one beside the curly ’ of « l’Est »."""
    for page in [
        canada / "fr-CA" / "press-release.html",
        *(canada / "fr-CA").glob("cities/*.html"),
    ]:
        short = re.search(r'data-short="([^"]*)"', page.read_text("utf-8"))
        assert short and "jusqu’au" in short.group(1) and "&#39;" not in short.group(1), page.name
        assert "jusqu’au" in _subject(page.with_suffix(".eml"))
