"""What a native press editor checks at a glance, on the outputs: names never hyphenated or
split, balanced headlines, regions by name in every country, the embargo in the readers' own
time, continuation marks and full pages, a report that says each thing once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest

from wwc_press import headlines, places, typeset
from wwc_press.model import Place

from conftest import ROOT, html_text, pdf_text, place_pattern, run

# Dated before the samples, so that the roster holds none of its cities. Long names, two-word
# names and regions everywhere, so that some fall at line ends in every
# language; a quote with names the file does not list ("Latin America").
TRAPS = """\
date: 2023-03-14
total_certified: 90
embargo: 2023-03-14T10:00:00-04:00
cities:
  new:
    - {name: Sacramento, region: CA, country: US, level: silver}
    - {name: San Francisco, region: CA, country: US, level: silver}
    - {name: Montevideo, country: UY, level: gold}
    - {name: Iquique, region: TA, country: CL, level: silver}
    - {name: Las Condes, region: RM, country: CL, level: silver}
    - {name: Niterói, region: RJ, country: BR, level: gold}
    - {name: Fortaleza, region: CE, country: BR, level: silver}
    - {name: Ibagué, region: TOL, country: CO, level: silver}
    - {name: Bogotá, region: DC, country: CO, level: gold}
    - {name: Monterrey, region: NLE, country: MX, level: silver}
    - {name: San Pedro Garza García, region: NLE, country: MX, level: silver}
    - {name: Buenos Aires, country: AR, level: gold}
    - {name: Laval, region: QC, country: CA, level: silver}
  upgraded:
    - {name: Philadelphia, region: PA, country: US, from: silver, level: gold}
    - {name: Minneapolis, region: MN, country: US, from: silver, level: gold}
quotes:
  - speaker: Maximiliana Castellanos-Villavicencio
    role: {en: director of Latin America programs, es: directora de programas para América
      Latina, pt-BR: diretora de programas para a América Latina}
    text:
      en: Latin America is proving that Montevideo, Fortaleza, Niterói and Sacramento share one
        language of evidence, from Iquique to Philadelphia and from Bogotá to Minneapolis.
      es: América Latina demuestra que Montevideo, Fortaleza, Niterói y Sacramento comparten
        un mismo idioma de evidencia, desde Iquique hasta Philadelphia y desde Bogotá hasta
        Minneapolis.
      pt-BR: A América Latina mostra que Montevidéu, Fortaleza, Niterói e Sacramento falam a
        mesma língua das evidências, de Iquique a Filadélfia e de Bogotá a Minneapolis.
"""

LANGS = ["en", "es", "pt-BR"]


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("traps")
    (root / "traps.yaml").write_text(TRAPS, encoding="utf-8")
    result = run(["build", str(root / "traps.yaml"), "--format", "pdf", "--out", str(root)])
    assert result.exit_code == 0, result.output
    return root / "traps"


def _raw(pdf: Path, *pages: int) -> str:
    """pdftotext's lines as laid out: a hyphen or a name split shows at a line end."""
    extra = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def _pdfs(folder: Path) -> list[Path]:
    """Every PDF of one announcement's build; a test reading none of them would prove nothing."""
    found = sorted(folder.rglob("*.pdf"))
    names = {pdf.relative_to(folder).as_posix() for pdf in found}
    assert {"en/press-release.pdf", "en/report.pdf"} <= names, folder
    assert any(name.startswith("en/cities/") for name in names), folder
    return found


def test_no_capitalized_word_is_hyphenated_at_a_line_end(traps: Path, round_2024: Path) -> None:
    broken = []
    for pdf in _pdfs(traps) + _pdfs(round_2024):
        text = _raw(pdf)
        broken += [(pdf.name, m) for m in re.findall(r"\b[A-ZÁÉÍÓÚÂÊÔÃÕÇ]\w*[\u2010-]\n\w+", text)]
    assert broken == []


def test_no_line_is_cut_short_by_an_early_hyphenation(sample: Path, round_2024: Path) -> None:
    """WeasyPrint broke "Chicago is recog-" alone on a line when an inline box followed later in
    the paragraph (typeset.protect moves spaces into spans and holds names with no-break
    spaces to avoid it)."""
    short = []
    for pdf in _pdfs(sample) + _pdfs(round_2024):
        layout = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        short += [(pdf.name, line) for line in layout.splitlines() if re.fullmatch(
            r"\s*\S.{0,30}\u2010", line)]  # fmt: skip
    assert short == []


TWO_WORD = ["San Francisco", "Las Condes", "Buenos Aires", "New York", "Nueva York", "Nova York"]


def test_two_word_names_and_brands_stay_on_one_line(traps: Path, round_2024: Path) -> None:
    split = []
    for pdf in _pdfs(traps) + _pdfs(round_2024):
        text = _raw(pdf)
        for name in [*TWO_WORD, "Results for America", "What Works Cities"]:
            first, rest = name.split(" ", 1)
            if re.search(rf"\b{first}\n{re.escape(rest)}\b", text):
                split.append((pdf.relative_to(pdf.parents[2]).as_posix(), name))
    assert split == []


def _headline_lines(pdf: Path) -> list[str]:
    """The h1's lines, from the PDF's layout: between the timing line and the deck or lead."""
    lines = [line for line in _raw(pdf, 1).splitlines() if line.strip()]
    start = next(
        i for i, line in enumerate(lines) if re.search(r"(?i)embargo|release|difus|divulga", line)
    )
    timing_end = start + 1
    while not lines[timing_end - 1].rstrip().endswith((")", "2024", "2023", "release", "imediata",
                                                        "inmediata")):  # fmt: skip
        timing_end += 1
    headline = []
    for line in lines[timing_end:]:
        if re.match(r"[A-ZÁÉÍÓÚ ,.()]+[,(]", line) or line == line.upper():
            break  # the dateline
        headline.append(line)
    return headline


@pytest.mark.parametrize("lang", LANGS)
def test_headlines_are_balanced_with_no_word_alone(round_2024: Path, lang: str) -> None:
    pdf = round_2024 / lang / "press-release.pdf"
    h1 = _headline_lines(pdf)[:3]
    # The 2024 headlines are long: two or three lines, none a single word, none much shorter.
    title = pypdf.PdfReader(pdf).metadata.title
    lines = []
    for line in h1:
        lines.append(line)
        if " ".join(lines).replace("\u00a0", " ") == title:
            break
    assert " ".join(lines) == title
    assert len(lines) >= 2
    assert all(len(line.split()) >= 2 for line in lines)
    widths = [len(line) for line in lines]
    assert min(widths) >= 0.5 * max(widths), lines


def test_balance_narrows_to_even_lines() -> None:
    font = ROOT / "templates" / "fonts" / "Lato-Bold.ttf"
    page = (
        '<h1 style="max-width: 23em">Nine cities earn What Works Cities Certification for the '
        "first time</h1>"
    )
    narrowed = headlines.balance(page, font)
    width = float(re.search(r"max-width: ([\d.]+)em", narrowed)[1])
    assert 15 < width < 20  # two even lines, not one full line and a short one
    one_line = '<h1 style="max-width: 23em">Fortaleza earns Gold</h1>'
    assert headlines.balance(one_line, font) == one_line


def test_names_inside_free_text_are_protected() -> None:
    page = "<body><p>Desde Bogotá hasta Nueva York y América Latina: press@x.org.</p></body>"
    out = typeset.protect(page, ["Nueva York", "Bogotá"])
    # Held together; the span holds the name alone, its space before it (a desk read the span
    # starting on the space as a misaligned name).
    assert ' <span class="name">Nueva\u00a0York</span>' in out
    assert ' <span class="name">América\u00a0Latina</span>' in out
    assert ' <span class="name">press@x.org</span>' in out
    assert "Desde" in out and "hasta" in out


@pytest.mark.parametrize(
    ("place", "lang", "expected"),
    [
        (dict(name="Ibagué", region="TOL", country="CO"), "es", "Ibagué (Tolima)"),
        (dict(name="Monterrey", region="NLE", country="MX"), "es", "Monterrey (Nuevo León)"),
        (dict(name="Bogotá", region="DC", country="CO"), "es", "Bogotá"),  # El Tiempo
        (dict(name="Las Condes", region="RM", country="CL"), "es",
         "Las Condes (Región Metropolitana)"),
        (dict(name="Niterói", region="RJ", country="BR"), "pt-BR", "Niterói (RJ)"),
        (dict(name="Mendoza", region="M", country="AR"), "es", "Mendoza"),  # says its region
        (dict(name="Laval", region="QC", country="CA"), "en", "Laval, Quebec"),
    ],
)  # fmt: skip
def test_a_city_as_its_own_press_names_it(place: dict, lang: str, expected: str) -> None:
    city = Place.model_validate(place)
    assert places.local_name(city, lang, pattern=place_pattern(lang)) == expected


def test_an_unknown_region_is_refused_with_the_codes_of_its_country(tmp_path: Path) -> None:
    text = TRAPS.replace("region: NLE, country: MX, level: silver}\n    - {name: San", (
        "region: ZZ, country: MX, level: silver}\n    - {name: San"))  # fmt: skip
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run(["validate", str(path)])
    assert result.exit_code == 2
    line = TRAPS.splitlines().index(
        "    - {name: Monterrey, region: NLE, country: MX, level: silver}"
    )
    assert f"bad.yaml:{line + 1}:" in result.stderr
    assert "unknown region 'ZZ' for Mexico" in result.stderr
    assert "NLE" in result.stderr and "CMX" in result.stderr
    assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_report_table_names_regions_never_codes(traps: Path, lang: str) -> None:
    table = _raw(traps / lang / "report.pdf")
    for name in ("Tolima", "Nuevo León", "Ceará", "Tarapacá", "Quebec"):
        assert name in table
    for code in ("TOL", "NLE", "RM", "QC"):
        assert not re.search(rf"^{code}$", table, re.M)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # A country's cities on its capital's clock are named by the capital (Iquique and Las
        # Condes keep Santiago's; Monterrey and San Pedro Garza García Mexico City's), east
        # to west.
        ("es/press-release.pdf", "a las 10:00 en Nueva York (11:00 en Montevideo, Santiago y "
         "Buenos Aires; 9:00 en Bogotá; 8:00 en Ciudad de México)"),
        ("pt-BR/press-release.pdf", "às 10h em Nova York (11h em Brasília)"),
        ("es/cities/monterrey-nle-mx.pdf", "a las 8:00, hora local (10:00 en Nueva York)"),
        # AP: a US city's zone by its abbreviation, the program's after it.
        ("en/cities/sacramento-ca-us.pdf", "Embargoed until 7 a.m. PDT (10 a.m. EDT), March 14, "
         "2023"),
        ("en/cities/philadelphia-pa-us.pdf", "Embargoed until 10 a.m. EDT, March 14, 2023"),
    ],
)  # fmt: skip
def test_embargo_in_the_readers_own_time(traps: Path, path: str, expected: str) -> None:
    assert expected in pdf_text(traps / path)


def test_embargo_offset_that_is_not_the_programs_is_flagged(project: Path) -> None:
    text = TRAPS.replace("2023-03-14T10:00:00-04:00", "2023-03-14T10:00:00-05:00")
    (project / "announcements" / "x.yaml").write_text(text, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 0
    assert "x.yaml:3:10: warning: embargo offset -05:00 is not America/New_York's" in result.stderr
    assert "(EDT, -04:00)" in result.stderr
    result = run(["check"], cwd=project)
    assert result.exit_code == 1
    assert "x.yaml:3:10: embargo offset -05:00" in result.stderr


def test_an_embargo_offset_is_checked_against_the_zones_it_may_mean(project: Path) -> None:
    """Datelined in Winnipeg: its own -06:00 and the program's -05:00 are both what the file
    may mean; any other offset is named against Winnipeg's zone first, never told that the
    program's offset it wrote is not the program's."""
    dateline = "dateline: {name: Winnipeg, region: MB, country: CA}\n"
    for offset in ("-06:00", "-05:00"):
        text = dateline + TRAPS.replace("2023-03-14T10:00:00-04:00", f"2023-11-14T10:00:00{offset}")
        text = text.replace("date: 2023-03-14", "date: 2023-11-14")
        (project / "announcements" / "x.yaml").write_text(text, encoding="utf-8")
        result = run(["validate"], cwd=project)
        assert result.exit_code == 0 and "embargo offset" not in result.stderr, result.stderr
    text = text.replace("10:00:00-05:00", "10:00:00-07:00")
    (project / "announcements" / "x.yaml").write_text(text, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert (
        "warning: embargo offset -07:00 is not America/Winnipeg's nor America/New_York's on "
        "2023-11-14 (CST, -06:00): this instant is 2023-11-14T11:00-06:00 there"
    ) in result.stderr


def test_embargo_after_the_release_date_is_an_error(project: Path) -> None:
    text = TRAPS.replace("2023-03-14T10:00:00-04:00", "2023-03-15T02:00:00Z")  # 22:00 EDT
    (project / "announcements" / "x.yaml").write_text(text, encoding="utf-8")
    assert run(["validate"], cwd=project).exit_code == 0
    text = TRAPS.replace("2023-03-14T10:00:00-04:00", "2023-03-15T05:00:00Z")
    (project / "announcements" / "x.yaml").write_text(text, encoding="utf-8")
    result = run(["validate"], cwd=project)
    assert result.exit_code == 2
    assert "x.yaml:3:10: the embargo lifts on 2023-03-15 (America/New_York), after the " in (
        result.stderr
    )


MORE = {"en": "-more-", "es": "(sigue)", "pt-BR": "(continua)"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_but_the_last_says_more_follows(
    sample: Path, round_2024: Path, traps: Path, lang: str
) -> None:
    counts = []
    for folder in (sample, round_2024, traps):
        pdf = folder / lang / "press-release.pdf"
        count = len(pypdf.PdfReader(pdf).pages)
        counts.append(count)
        for page in range(1, count):
            assert MORE[lang] in _raw(pdf, page), (pdf, page)
        last = _raw(pdf, count)
        assert MORE[lang] not in last
        # The last page holds more than the end mark and the contacts: they follow other text.
        heading = {"en": "Media contact", "es": "Contacto de prensa", "pt-BR": "Contato para a"}
        body = [line for line in last.splitlines() if line.strip()][2:]  # below the header
        assert "###" in last and not body[0].startswith(heading[lang])
    assert counts[0] == 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_city_release_that_fits_one_page_is_one_page(sample: Path, lang: str) -> None:
    pdfs = sorted((sample / lang / "cities").glob("*.pdf"))
    assert len(pdfs) == {"en": 21, "es": 3, "pt-BR": 2}[lang]  # the sample's cities
    for pdf in pdfs:
        assert len(pypdf.PdfReader(pdf).pages) == 1, pdf.name
        assert MORE[lang] not in _raw(pdf)


@pytest.mark.parametrize("lang", LANGS)
def test_report_cover_dates_once_and_has_no_page_number(sample: Path, lang: str) -> None:
    cover = _raw(sample / lang / "report.pdf", 1)
    date = {"en": "June 21, 2023", "es": "21 de junio de 2023", "pt-BR": "21 de junho de 2023"}
    assert cover.count(date[lang]) == 1
    assert not re.search(r"\b1 (of|de) \d", cover)


def test_report_table_previous_level_and_country_order(sample: Path, round_2024: Path) -> None:
    text = _raw(sample / "en" / "report.pdf")
    # A recertified city's previous level is the level it keeps.
    assert re.search(r"Denver\n(.*\n){0,12}?Silver\n", text) or "Recertification Silver Silver" in (
        pdf_text(sample / "en" / "report.pdf")
    )
    es = pdf_text(round_2024 / "es" / "report.pdf")
    countries = ["Argentina", "Brasil", "Chile", "Estados Unidos", "Guatemala", "México",
                 "Uruguay"]  # fmt: skip
    figures = es[es.index("Ciudades del anuncio por país") :]
    positions = [figures.index(country) for country in countries]
    assert positions == sorted(positions)  # "México" between "Guatemala" and "Uruguay"


def test_report_keeps_this_announcement_apart_from_the_total(sample: Path) -> None:
    text = pdf_text(sample / "en" / "report.pdf")
    assert "This announcement First certification 7 Moved up a level 7 Recertification 7 " in text
    assert "Cities in this announcement 21" in text
    assert "What Works Cities to date Certified cities to date 62" in text


@pytest.mark.parametrize("lang", LANGS)
def test_html_pages_use_the_shipped_font_and_a_bounded_chart(sample: Path, lang: str) -> None:
    city = "buenos-aires-ar" if lang == "es" else "fortaleza-ce-br"
    for page in [sample / lang / "report.html", sample / lang / "cities" / f"{city}.html"]:
        fonts = re.findall(r'url\("([^"]+\.ttf)"\)', page.read_text("utf-8"))
        assert len(fonts) == 4 and all((page.parent / f).resolve().is_file() for f in fonts)
    assert "svg.chart { width: 100%; max-width: 560px;" in (
        sample / lang / "report.html"
    ).read_text("utf-8")
    assert "Denver" in html_text(sample / lang / "report.html")
